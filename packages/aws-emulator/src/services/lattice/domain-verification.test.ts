import {
  CreateVpcEndpointCommand,
  DescribeVpcEndpointAssociationsCommand,
  DescribeVpcEndpointsCommand,
  ModifyVpcEndpointCommand,
} from "@aws-sdk/client-ec2";
import {
  CreateResourceConfigurationCommand,
  CreateResourceGatewayCommand,
  CreateServiceCommand,
  CreateServiceNetworkCommand,
  CreateServiceNetworkResourceAssociationCommand,
  CreateServiceNetworkServiceAssociationCommand,
  CreateServiceNetworkVpcAssociationCommand,
  DeleteDomainVerificationCommand,
  GetDomainVerificationCommand,
  GetResourceConfigurationCommand,
  GetServiceNetworkResourceAssociationCommand,
  GetServiceNetworkVpcAssociationCommand,
  ListDomainVerificationsCommand,
  ListResourceConfigurationsCommand,
  StartDomainVerificationCommand,
  UpdateServiceNetworkVpcAssociationCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";
import { createTestVpc, type TestVpc } from "../../testing/network.js";

const REGION = "ap-northeast-1";

let h: Harness;
let provider: TestVpc;
let gatewayId: string;

beforeAll(async () => {
  h = await startHarness();
  provider = await createTestVpc(h.ec2, 0);
  const gateway = await h.lattice.send(
    new CreateResourceGatewayCommand({ name: "dns-gw", vpcIdentifier: provider.vpcId, subnetIds: provider.subnetIds }),
  );
  gatewayId = gateway.id!;
});
afterAll(() => h.close());

async function createTxt(name: string, value: string) {
  const answer = await h.control("POST", "/_emulator/dns/txt", { name, value });
  expect(answer.status).toBe(201);
}

describe("domain verification", () => {
  it("starts PENDING with a TXT record to create, turns VERIFIED once the record exists, and lists and deletes", async () => {
    const started = await h.lattice.send(
      new StartDomainVerificationCommand({ domainName: "Example.COM", tags: { team: "db" } }),
    );
    expect(started.$metadata.httpStatusCode).toBe(201);
    expect(started).toMatchObject({ domainName: "example.com", status: "PENDING" });
    expect(started.id).toMatch(/^dv-0[0-9a-f]{16}$/);
    expect(started.arn).toBe(`arn:aws:vpc-lattice:${REGION}:111122223333:domainverification/${started.id}`);
    expect(started.txtMethodConfig?.name).toMatch(/^_[0-9a-f]{14}$/);
    expect(started.txtMethodConfig?.value).toMatch(/^vpc-lattice:[0-9a-f]{24}$/);

    const pending = await h.lattice.send(
      new GetDomainVerificationCommand({ domainVerificationIdentifier: started.id }),
    );
    expect(pending.status).toBe("PENDING");
    expect(pending.lastVerifiedTime).toBeUndefined();
    expect(pending.tags).toEqual({ team: "db" });

    // A record with the wrong value, or at the wrong name, verifies nothing.
    await createTxt(`${started.txtMethodConfig!.name}.example.com`, "vpc-lattice:wrong");
    await createTxt(started.txtMethodConfig!.name!, started.txtMethodConfig!.value!);
    expect(
      (await h.lattice.send(new GetDomainVerificationCommand({ domainVerificationIdentifier: started.arn }))).status,
    ).toBe("PENDING");
    await createTxt(`${started.txtMethodConfig!.name}.example.com.`, started.txtMethodConfig!.value!);
    const verified = await h.lattice.send(
      new GetDomainVerificationCommand({ domainVerificationIdentifier: started.arn }),
    );
    expect(verified.status).toBe("VERIFIED");
    expect(verified.lastVerifiedTime).toBeInstanceOf(Date);
    const txt = await h.control("GET", `/_emulator/dns?name=${started.txtMethodConfig!.name}.example.com&type=TXT`);
    expect(txt.body.values).toContain(started.txtMethodConfig!.value);

    const again = await sdkError(() =>
      h.lattice.send(new StartDomainVerificationCommand({ domainName: "example.com" })),
    );
    expect(again.name).toBe("ConflictException");
    const bad = await sdkError(() =>
      h.lattice.send(new StartDomainVerificationCommand({ domainName: "not a domain" })),
    );
    expect(bad.fieldList[0].name).toBe("domainName");

    const other = await h.lattice.send(new StartDomainVerificationCommand({ domainName: "other.example.org" }));
    const timedOut = await h.control("POST", `/_emulator/domain-verifications/${other.id}`, {
      status: "VERIFICATION_TIMED_OUT",
    });
    expect(timedOut.status).toBe(200);
    const list = await h.lattice.send(new ListDomainVerificationsCommand({}));
    expect(list.items?.map((i) => [i.domainName, i.status])).toEqual([
      ["example.com", "VERIFIED"],
      ["other.example.org", "VERIFICATION_TIMED_OUT"],
    ]);
    await h.lattice.send(new DeleteDomainVerificationCommand({ domainVerificationIdentifier: other.id }));
    const gone = await sdkError(() =>
      h.lattice.send(new GetDomainVerificationCommand({ domainVerificationIdentifier: other.id })),
    );
    expect(gone.name).toBe("ResourceNotFoundException");
    expect(gone.resourceType).toBe("DOMAIN_VERIFICATION");
  });

  it("allows five verifications per account and Region", async () => {
    const account = h.clientsFor("444455556666");
    for (let i = 0; i < 5; i++)
      await account.lattice.send(new StartDomainVerificationCommand({ domainName: `d${i}.test` }));
    const sixth = await sdkError(() =>
      account.lattice.send(new StartDomainVerificationCommand({ domainName: "d5.test" })),
    );
    expect(sixth.name).toBe("ServiceQuotaExceededException");
    expect(sixth.$metadata.httpStatusCode).toBe(402);
  });
});

describe("custom domain names and private DNS preferences", () => {
  it("carries the verification on a configuration and its associations; the domain must be covered", async () => {
    const dv = await h.lattice.send(new StartDomainVerificationCommand({ domainName: "corp.test" }));
    const uncovered = await sdkError(() =>
      h.lattice.send(
        new CreateResourceConfigurationCommand({
          name: "wrong-domain",
          type: "SINGLE",
          resourceGatewayIdentifier: gatewayId,
          customDomainName: "db.elsewhere.test",
          domainVerificationIdentifier: dv.id,
          resourceConfigurationDefinition: { ipResource: { ipAddress: "10.0.0.20" } },
        }),
      ),
    );
    expect(uncovered.fieldList[0].name).toBe("domainVerificationIdentifier");

    const config = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        name: "corp-db",
        type: "SINGLE",
        resourceGatewayIdentifier: gatewayId,
        customDomainName: "db.corp.test",
        domainVerificationIdentifier: dv.arn,
        resourceConfigurationDefinition: { ipResource: { ipAddress: "10.0.0.21" } },
      }),
    );
    expect(config).toMatchObject({ domainVerificationId: dv.id, domainVerificationArn: dv.arn });
    const got = await h.lattice.send(
      new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: config.id }),
    );
    expect(got.domainVerificationStatus).toBe("PENDING");
    const filtered = await h.lattice.send(
      new ListResourceConfigurationsCommand({ domainVerificationIdentifier: dv.id }),
    );
    expect(filtered.items?.map((i) => [i.name, i.domainVerificationId])).toEqual([["corp-db", dv.id]]);

    const sn = await h.lattice.send(new CreateServiceNetworkCommand({ name: "corp-net" }));
    const snra = await h.lattice.send(
      new CreateServiceNetworkResourceAssociationCommand({
        serviceNetworkIdentifier: sn.id,
        resourceConfigurationIdentifier: config.id,
        privateDnsEnabled: true,
      }),
    );
    const association = await h.lattice.send(
      new GetServiceNetworkResourceAssociationCommand({ serviceNetworkResourceAssociationIdentifier: snra.id }),
    );
    expect(association.privateDnsEntry).toEqual({ domainName: "db.corp.test" });
    expect(association.domainVerificationStatus).toBe("PENDING");
    await h.control("POST", `/_emulator/domain-verifications/${dv.id}`, { status: "VERIFIED" });
    const later = await h.lattice.send(
      new GetServiceNetworkResourceAssociationCommand({ serviceNetworkResourceAssociationIdentifier: snra.id }),
    );
    expect(later.domainVerificationStatus).toBe("VERIFIED");

    // A GROUP's children take custom domains under the group domain only.
    const group = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        name: "corp-group",
        type: "GROUP",
        resourceGatewayIdentifier: gatewayId,
        groupDomain: "corp.test",
        domainVerificationIdentifier: dv.id,
      }),
    );
    const outside = await sdkError(() =>
      h.lattice.send(
        new CreateResourceConfigurationCommand({
          name: "corp-child-out",
          type: "CHILD",
          resourceConfigurationGroupIdentifier: group.id,
          customDomainName: "cache.other.test",
          resourceConfigurationDefinition: { dnsResource: { domainName: "cache.internal" } },
        }),
      ),
    );
    expect(outside.fieldList[0].name).toBe("customDomainName");
    const child = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        name: "corp-child",
        type: "CHILD",
        resourceConfigurationGroupIdentifier: group.id,
        customDomainName: "cache.corp.test",
        resourceConfigurationDefinition: { dnsResource: { domainName: "cache.internal" } },
      }),
    );
    expect(child.customDomainName).toBe("cache.corp.test");
  });

  it("offers an endpoint's private name by its DNS preference and the provider's verification", async () => {
    const dv = await h.lattice.send(new StartDomainVerificationCommand({ domainName: "verified.test" }));
    const config = (name: string, domain: string, verification?: string) =>
      h.lattice.send(
        new CreateResourceConfigurationCommand({
          name,
          type: "SINGLE",
          resourceGatewayIdentifier: gatewayId,
          customDomainName: domain,
          ...(verification ? { domainVerificationIdentifier: verification } : {}),
          resourceConfigurationDefinition: { dnsResource: { domainName: `${name}.internal` } },
        }),
      );
    const verified = await config("pref-verified", "db.verified.test", dv.id);
    const unverified = await config("pref-unverified", "db.unverified.test");
    await h.control("POST", `/_emulator/domain-verifications/${dv.id}`, { status: "VERIFIED" });
    const sn = await h.lattice.send(new CreateServiceNetworkCommand({ name: "pref-net" }));
    for (const c of [verified, unverified]) {
      await h.lattice.send(
        new CreateServiceNetworkResourceAssociationCommand({
          serviceNetworkIdentifier: sn.id,
          resourceConfigurationIdentifier: c.id,
          privateDnsEnabled: true,
        }),
      );
    }
    const service = await h.lattice.send(
      new CreateServiceCommand({ name: "pref-svc", customDomainName: "api.verified.test" }),
    );
    await h.lattice.send(
      new CreateServiceNetworkServiceAssociationCommand({
        serviceNetworkIdentifier: sn.id,
        serviceIdentifier: service.id,
      }),
    );

    let octet = 40;
    const privateNames = async (dnsOptions?: {
      PrivateDnsPreference: string;
      PrivateDnsSpecifiedDomains?: string[];
    }) => {
      const vpc = await createTestVpc(h.ec2, octet++, { groups: 0 });
      const created = await h.ec2.send(
        new CreateVpcEndpointCommand({
          VpcId: vpc.vpcId,
          VpcEndpointType: "ServiceNetwork",
          ServiceNetworkArn: sn.arn,
          SubnetIds: vpc.subnetIds,
          PrivateDnsEnabled: true,
          ...(dnsOptions ? { DnsOptions: dnsOptions } : {}),
        }),
      );
      const vpce = created.VpcEndpoint!.VpcEndpointId!;
      const rows = await h.ec2.send(new DescribeVpcEndpointAssociationsCommand({ VpcEndpointIds: [vpce] }));
      const names = (rows.VpcEndpointAssociations ?? []).map((r) => r.PrivateDnsEntry?.DnsName).filter(Boolean);
      return { vpce, names: names.sort() };
    };

    const byDefault = await privateNames();
    expect(byDefault.names).toEqual(["api.verified.test", "db.verified.test"]);
    const described = await h.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [byDefault.vpce] }));
    expect(described.VpcEndpoints?.[0]?.DnsOptions?.PrivateDnsPreference).toBe("VERIFIED_DOMAINS_ONLY");
    expect((await privateNames({ PrivateDnsPreference: "ALL_DOMAINS" })).names).toEqual([
      "api.verified.test",
      "db.unverified.test",
      "db.verified.test",
    ]);
    expect(
      (
        await privateNames({
          PrivateDnsPreference: "SPECIFIED_DOMAINS_ONLY",
          PrivateDnsSpecifiedDomains: ["*.unverified.test"],
        })
      ).names,
    ).toEqual(["db.unverified.test"]);
    expect(
      (
        await privateNames({
          PrivateDnsPreference: "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS",
          PrivateDnsSpecifiedDomains: ["db.unverified.test"],
        })
      ).names,
    ).toEqual(["api.verified.test", "db.unverified.test", "db.verified.test"]);

    // The preference can change later; it needs specified domains where it uses them, and private DNS on.
    const changed = await h.ec2.send(
      new ModifyVpcEndpointCommand({
        VpcEndpointId: byDefault.vpce,
        DnsOptions: { PrivateDnsPreference: "ALL_DOMAINS" },
      }),
    );
    expect(changed.Return).toBe(true);
    const rows = await h.ec2.send(new DescribeVpcEndpointAssociationsCommand({ VpcEndpointIds: [byDefault.vpce] }));
    expect(rows.VpcEndpointAssociations?.filter((r) => r.PrivateDnsEntry)).toHaveLength(3);
    const vpc = await createTestVpc(h.ec2, 60, { groups: 0 });
    const noDomains = await sdkError(() =>
      h.ec2.send(
        new CreateVpcEndpointCommand({
          VpcId: vpc.vpcId,
          VpcEndpointType: "ServiceNetwork",
          ServiceNetworkArn: sn.arn,
          SubnetIds: vpc.subnetIds,
          PrivateDnsEnabled: true,
          DnsOptions: { PrivateDnsPreference: "SPECIFIED_DOMAINS_ONLY" },
        }),
      ),
    );
    expect(noDomains.name).toBe("InvalidParameter");
    const noPrivateDns = await sdkError(() =>
      h.ec2.send(
        new CreateVpcEndpointCommand({
          VpcId: vpc.vpcId,
          VpcEndpointType: "ServiceNetwork",
          ServiceNetworkArn: sn.arn,
          SubnetIds: vpc.subnetIds,
          PrivateDnsEnabled: false,
          DnsOptions: { PrivateDnsPreference: "ALL_DOMAINS" },
        }),
      ),
    );
    expect(noPrivateDns.name).toBe("InvalidParameter");
  });

  it("gives service-network VPC associations a default preference and checks their DNS options", async () => {
    const sn = await h.lattice.send(new CreateServiceNetworkCommand({ name: "snva-dns" }));
    const vpc = await createTestVpc(h.ec2, 70, { groups: 0 });
    const created = await h.lattice.send(
      new CreateServiceNetworkVpcAssociationCommand({
        serviceNetworkIdentifier: sn.id,
        vpcIdentifier: vpc.vpcId,
        privateDnsEnabled: true,
      }),
    );
    expect(created.dnsOptions).toEqual({ privateDnsPreference: "VERIFIED_DOMAINS_ONLY" });
    const other = await createTestVpc(h.ec2, 71, { groups: 0 });
    const orphanDomains = await sdkError(() =>
      h.lattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: sn.id,
          vpcIdentifier: other.vpcId,
          privateDnsEnabled: true,
          dnsOptions: { privateDnsPreference: "ALL_DOMAINS", privateDnsSpecifiedDomains: ["a.test"] },
        }),
      ),
    );
    expect(orphanDomains.fieldList[0].name).toBe("dnsOptions.privateDnsSpecifiedDomains");
    const offButOptions = await sdkError(() =>
      h.lattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: sn.id,
          vpcIdentifier: other.vpcId,
          privateDnsEnabled: false,
          dnsOptions: { privateDnsPreference: "ALL_DOMAINS" },
        }),
      ),
    );
    expect(offButOptions.fieldList[0].name).toBe("dnsOptions");

    const updated = await h.lattice.send(
      new UpdateServiceNetworkVpcAssociationCommand({
        serviceNetworkVpcAssociationIdentifier: created.id,
        dnsOptions: { privateDnsPreference: "SPECIFIED_DOMAINS_ONLY", privateDnsSpecifiedDomains: ["*.corp.test"] },
      }),
    );
    expect(updated.dnsOptions).toEqual({
      privateDnsPreference: "SPECIFIED_DOMAINS_ONLY",
      privateDnsSpecifiedDomains: ["*.corp.test"],
    });
    const got = await h.lattice.send(
      new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: created.id }),
    );
    expect(got.dnsOptions?.privateDnsSpecifiedDomains).toEqual(["*.corp.test"]);
  });
});
