import {
  DescribeNetworkAclsCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcEndpointAssociationsCommand,
  DescribeVpcEndpointsCommand,
} from "@aws-sdk/client-ec2";
import {
  GetResourceConfigurationCommand,
  GetResourceGatewayCommand,
  GetServiceNetworkResourceAssociationCommand,
  ListDomainVerificationsCommand,
  ListListenersCommand,
  ListResourceConfigurationsCommand,
  ListResourceGatewaysCommand,
  ListServiceNetworkResourceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  ListServicesCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../testing/harness.js";

let h: Harness;
let ids: Record<string, string>;

beforeAll(async () => {
  h = await startHarness();
  ids = (await h.control("POST", "/_emulator/scenarios/custom-domains", {})).body.ids;
});
afterAll(() => h.close());

/** The private names DescribeVpcEndpointAssociations offers through one endpoint of the scenario. */
async function privateNames(endpointName: string): Promise<string[]> {
  const rows = await h.ec2.send(new DescribeVpcEndpointAssociationsCommand({ VpcEndpointIds: [ids[endpointName]!] }));
  return (rows.VpcEndpointAssociations ?? [])
    .map((r) => r.PrivateDnsEntry?.DnsName)
    .filter((n): n is string => Boolean(n))
    .sort();
}

async function resolveIn(vpc: string, name: string) {
  return h.control("GET", `/_emulator/dns?name=${encodeURIComponent(name)}&vpcId=${ids[vpc]}`);
}

describe("the custom-domains scenario", () => {
  it("has a verified domain (its TXT record published) and an unverified one", async () => {
    const list = await h.lattice.send(new ListDomainVerificationsCommand({}));
    expect(list.items?.map((d) => [d.domainName, d.status])).toEqual([
      ["example.com", "VERIFIED"],
      ["unverified.example.org", "PENDING"],
    ]);
    const orders = await h.lattice.send(
      new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: ids["orders-db"] }),
    );
    expect(orders).toMatchObject({ customDomainName: "orders-db.example.com", domainVerificationStatus: "VERIFIED" });
    const legacy = await h.lattice.send(
      new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: ids["legacy-db"] }),
    );
    expect(legacy).toMatchObject({
      customDomainName: "legacy-db.unverified.example.org",
      domainVerificationStatus: "PENDING",
    });
    const snra = await h.lattice.send(
      new GetServiceNetworkResourceAssociationCommand({
        serviceNetworkResourceAssociationIdentifier: ids["cd-network<-legacy-db"],
      }),
    );
    expect(snra).toMatchObject({
      privateDnsEnabled: true,
      privateDnsEntry: { domainName: "legacy-db.unverified.example.org" },
      domainVerificationStatus: "PENDING",
    });
  });

  it("offers each endpoint the private names its preference admits", async () => {
    const rds = (role: "cluster" | "cluster-ro") =>
      `catalog-aurora.${role}-c7xq2p0aberf.ap-northeast-1.rds.amazonaws.com`;
    expect(await privateNames("specified-only-endpoint")).toEqual([
      "ledger.unverified.example.org",
      "legacy-db.unverified.example.org",
    ]);
    expect(await privateNames("verified-and-specified-endpoint")).toEqual(
      [
        "api.inventory.example.com",
        rds("cluster"),
        rds("cluster-ro"),
        "legacy-db.unverified.example.org",
        "orders-db.example.com",
        "payments.example.com",
        "tls.example.com",
      ].sort(),
    );
    expect(await privateNames("orders-db-endpoint")).toEqual([]);
    const endpoints = await h.ec2.send(
      new DescribeVpcEndpointsCommand({
        VpcEndpointIds: [ids["specified-only-endpoint"]!, ids["orders-db-endpoint"]!],
      }),
    );
    expect(endpoints.VpcEndpoints?.map((e) => e.DnsOptions?.PrivateDnsPreference)).toEqual([
      "SPECIFIED_DOMAINS_ONLY",
      undefined,
    ]);
  });

  it("resolves a custom name in the VPCs whose way in admits it, and nowhere else", async () => {
    const verifiedOnly = await resolveIn("consumer-verified-only", "orders-db.example.com");
    expect(verifiedOnly.status).toBe(200);
    expect(verifiedOnly.body).toMatchObject({
      kind: "lattice-resource",
      via: ids["cd-network<-consumer-verified-only"],
    });
    // 129.224.0.0/17: 129.224.0.0 – 129.224.127.255.
    expect(verifiedOnly.body.addresses[0]).toMatch(/^129\.224\.(\d|[1-9]\d|1[01]\d|12[0-7])\.\d{1,3}$/);
    expect((await resolveIn("consumer-verified-only", "legacy-db.unverified.example.org")).status).toBe(404);
    expect((await resolveIn("consumer-all-domains", "legacy-db.unverified.example.org")).status).toBe(200);
    const service = await resolveIn("consumer-verified-only", "payments.example.com");
    expect(service.body.kind).toBe("lattice-service");
    expect(service.body.addresses[0]).toMatch(/^169\.254\.171\.\d+$/);
    expect((await resolveIn("consumer-verified-only", "ledger.unverified.example.org")).status).toBe(404);
    const throughEndpoint = await resolveIn("consumer-specified-only", "legacy-db.unverified.example.org");
    expect(throughEndpoint.body).toMatchObject({ kind: "vpc-endpoint", via: ids["specified-only-endpoint"] });
    expect((await resolveIn("consumer-specified-only", "orders-db.example.com")).status).toBe(404);
    expect((await resolveIn("consumer-no-private-dns", "orders-db.example.com")).status).toBe(404);
    // Without a VPC, custom names have no public record.
    expect((await h.control("GET", "/_emulator/dns?name=orders-db.example.com")).status).toBe(404);
  });

  it("has gateways resolving in the VPC and publicly, an AWS-managed configuration, and a TLS passthrough listener", async () => {
    const gateways = await h.lattice.send(new ListResourceGatewaysCommand({}));
    expect(
      Object.fromEntries(gateways.items!.map((g) => [g.name, [g.resourceConfigDnsResolution, g.ipv4AddressesPerEni]])),
    ).toEqual({
      "cd-gateway": ["PUBLIC", 4],
      "cd-public-gateway": ["PUBLIC", 16],
      "cd-in-vpc-gateway": ["IN_VPC", 16],
      "events-managed-gateway": ["PUBLIC", 16],
    });
    const managedGateway = await h.lattice.send(
      new GetResourceGatewayCommand({ resourceGatewayIdentifier: ids["events-managed-gateway"] }),
    );
    expect(managedGateway).toMatchObject({ serviceManaged: true, managedBy: "events.amazonaws.com" });
    const events = await h.lattice.send(
      new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: ids["events-connection"] }),
    );
    expect(events.amazonManaged).toBe(true);
    const publicGateway = await h.lattice.send(
      new GetResourceGatewayCommand({ resourceGatewayIdentifier: ids["cd-public-gateway"] }),
    );
    expect(publicGateway.serviceManaged).toBe(false);
    const partner = await h.lattice.send(
      new GetResourceConfigurationCommand({ resourceConfigurationIdentifier: ids["partner-api"] }),
    );
    expect(partner.resourceConfigurationDefinition).toEqual({
      dnsResource: { domainName: "api.partner.example.net", ipAddressType: "IPV4" },
    });

    const children = await h.lattice.send(
      new ListResourceConfigurationsCommand({ resourceConfigurationGroupIdentifier: ids["catalog-db"] }),
    );
    expect(children.items?.map((c) => c.amazonManaged)).toEqual([true, true]);
    const managed = await h.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({
        resourceConfigurationIdentifier: ids["catalog-db"],
        includeChildren: true,
      }),
    );
    expect(managed.items?.filter((a) => a.isManagedAssociation)).toHaveLength(2);

    const services = await h.lattice.send(new ListServicesCommand({}));
    const tls = services.items!.find((s) => s.name === "tls-pass")!;
    expect(tls.customDomainName).toBe("tls.example.com");
    const listeners = await h.lattice.send(new ListListenersCommand({ serviceIdentifier: tls.id }));
    expect(listeners.items?.map((l) => l.protocol)).toEqual(["TLS_PASSTHROUGH"]);
    const associations = await h.lattice.send(
      new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: ids["cd-network"] }),
    );
    expect(associations.items?.map((a) => a.dnsOptions?.privateDnsPreference).sort()).toEqual([
      "ALL_DOMAINS",
      "VERIFIED_DOMAINS_ONLY",
    ]);
  });

  it("denies PostgreSQL out of one consumer subnet with a network ACL, and names the Lattice prefix list in rules", async () => {
    const acls = await h.ec2.send(
      new DescribeNetworkAclsCommand({
        Filters: [{ Name: "association.subnet-id", Values: [ids["consumer-verified-only-c"]!] }],
      }),
    );
    const acl = acls.NetworkAcls![0]!;
    expect(acl.IsDefault).toBe(false);
    expect(acl.Entries?.find((e) => e.Egress && e.RuleNumber === 90)).toMatchObject({
      Protocol: "6",
      RuleAction: "deny",
      PortRange: { From: 5432, To: 5432 },
    });
    const other = await h.ec2.send(
      new DescribeNetworkAclsCommand({
        Filters: [{ Name: "association.subnet-id", Values: [ids["consumer-verified-only-a"]!] }],
      }),
    );
    expect(other.NetworkAcls?.[0]?.IsDefault).toBe(true);

    const groups = await h.ec2.send(
      new DescribeSecurityGroupsCommand({ GroupIds: [ids["consumer-no-private-dns/client-sg"]!] }),
    );
    const egress = groups.SecurityGroups![0]!.IpPermissionsEgress!;
    expect(egress).toHaveLength(1);
    expect(egress[0]).toMatchObject({ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432 });
    expect(egress[0]!.PrefixListIds?.[0]?.PrefixListId).toMatch(/^pl-[0-9a-f]{8}$/);
  });
});
