import {
  CreateResourceConfigurationCommand,
  CreateResourceGatewayCommand,
  CreateServiceCommand,
  CreateServiceNetworkCommand,
  CreateServiceNetworkResourceAssociationCommand,
  CreateServiceNetworkServiceAssociationCommand,
  CreateServiceNetworkVpcAssociationCommand,
  DeleteServiceCommand,
  DeleteServiceNetworkCommand,
  DeleteServiceNetworkResourceAssociationCommand,
  DeleteServiceNetworkServiceAssociationCommand,
  DeleteServiceNetworkVpcAssociationCommand,
  GetServiceNetworkCommand,
  GetServiceNetworkResourceAssociationCommand,
  GetServiceNetworkServiceAssociationCommand,
  GetServiceNetworkVpcAssociationCommand,
  ListServiceNetworkResourceAssociationsCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  ListServiceNetworksCommand,
  UpdateServiceNetworkVpcAssociationCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";
import { createTestVpc, type TestVpc } from "../../testing/network.js";

let h: Harness;
let provider: TestVpc;
let consumer: TestVpc;
let gatewayId: string;
let sn: { id: string; arn: string };
let sn2: { id: string; arn: string };

beforeAll(async () => {
  h = await startHarness();
  provider = await createTestVpc(h.ec2, 0);
  consumer = await createTestVpc(h.ec2, 1, { groups: 6 });
  const gateway = await h.lattice.send(
    new CreateResourceGatewayCommand({ name: "gw-main", vpcIdentifier: provider.vpcId, subnetIds: provider.subnetIds }),
  );
  gatewayId = gateway.id!;
  const a = await h.lattice.send(new CreateServiceNetworkCommand({ name: "net-a" }));
  const b = await h.lattice.send(new CreateServiceNetworkCommand({ name: "net-b" }));
  sn = { id: a.id!, arn: a.arn! };
  sn2 = { id: b.id!, arn: b.arn! };
});
afterAll(() => h.close());

async function single(name: string, extra: Record<string, unknown> = {}) {
  return h.lattice.send(
    new CreateResourceConfigurationCommand({
      name,
      type: "SINGLE",
      resourceGatewayIdentifier: gatewayId,
      portRanges: ["5432"],
      resourceConfigurationDefinition: {
        dnsResource: { domainName: `${name}.internal.example.com`, ipAddressType: "IPV4" },
      },
      ...extra,
    }),
  );
}

describe("service-network VPC associations", () => {
  it("goes CREATE_IN_PROGRESS → ACTIVE and carries security groups and private-DNS settings", async () => {
    const created = await h.lattice.send(
      new CreateServiceNetworkVpcAssociationCommand({
        serviceNetworkIdentifier: sn.arn,
        vpcIdentifier: consumer.vpcId,
        securityGroupIds: [consumer.groupIds[0]!],
        privateDnsEnabled: true,
        dnsOptions: { privateDnsPreference: "ALL_DOMAINS" },
      }),
    );
    expect(created.status).toBe("CREATE_IN_PROGRESS");
    expect(created.id).toMatch(/^snva-0[0-9a-f]{16}$/);
    const got = await h.lattice.send(
      new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: created.arn }),
    );
    expect(got.status).toBe("ACTIVE");
    expect(got.vpcId).toBe(consumer.vpcId);
    expect(got.serviceNetworkName).toBe("net-a");
    expect(got.securityGroupIds).toEqual([consumer.groupIds[0]]);
    expect(got.dnsOptions?.privateDnsPreference).toBe("ALL_DOMAINS");

    const byVpc = await h.lattice.send(new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: consumer.vpcId }));
    expect(byVpc.items?.map((i) => i.id)).toEqual([created.id]);
    const network = await h.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: sn.id }));
    expect(network.numberOfAssociatedVPCs).toBe(1);

    const updated = await h.lattice.send(
      new UpdateServiceNetworkVpcAssociationCommand({
        serviceNetworkVpcAssociationIdentifier: created.id,
        securityGroupIds: [consumer.groupIds[1]!],
      }),
    );
    expect(updated.status).toBe("UPDATE_IN_PROGRESS");
    const removeAll = await sdkError(() =>
      h.lattice.send(
        new UpdateServiceNetworkVpcAssociationCommand({
          serviceNetworkVpcAssociationIdentifier: created.id,
          securityGroupIds: [],
        }),
      ),
    );
    expect(removeAll.name).toBe("ValidationException");
  });

  it("enforces one service network per VPC, no duplicates, at most five security groups", async () => {
    const other = await sdkError(() =>
      h.lattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: sn2.id,
          vpcIdentifier: consumer.vpcId,
        }),
      ),
    );
    expect(other.name).toBe("ConflictException");
    expect(other.$metadata.httpStatusCode).toBe(409);
    expect(other.message).toMatch(/only one service network/);
    const duplicate = await sdkError(() =>
      h.lattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: sn.id,
          vpcIdentifier: consumer.vpcId,
        }),
      ),
    );
    expect(duplicate.name).toBe("ConflictException");

    const fresh = await createTestVpc(h.ec2, 2, { groups: 6 });
    const tooMany = await sdkError(() =>
      h.lattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: sn2.id,
          vpcIdentifier: fresh.vpcId,
          securityGroupIds: fresh.groupIds,
        }),
      ),
    );
    expect(tooMany.name).toBe("ValidationException");
    expect(tooMany.fieldList[0].name).toBe("securityGroupIds");
    const foreignGroup = await sdkError(() =>
      h.lattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: sn2.id,
          vpcIdentifier: fresh.vpcId,
          securityGroupIds: [consumer.groupIds[0]!],
        }),
      ),
    );
    expect(foreignGroup.name).toBe("ValidationException");
    const unknownVpc = await sdkError(() =>
      h.lattice.send(
        new CreateServiceNetworkVpcAssociationCommand({
          serviceNetworkIdentifier: sn2.id,
          vpcIdentifier: "vpc-0123456789abcdef0",
        }),
      ),
    );
    expect(unknownVpc.name).toBe("ResourceNotFoundException");
    const neither = await sdkError(() => h.lattice.send(new ListServiceNetworkVpcAssociationsCommand({})));
    expect(neither.name).toBe("ValidationException");
  });

  it("refuses to delete while creating, deletes with DELETE_IN_PROGRESS, then is gone", async () => {
    await h.control("PUT", "/_emulator/transitions", { delays: { ServiceNetworkVpcAssociation: 60_000 } });
    const vpc = await createTestVpc(h.ec2, 3);
    const created = await h.lattice.send(
      new CreateServiceNetworkVpcAssociationCommand({ serviceNetworkIdentifier: sn2.id, vpcIdentifier: vpc.vpcId }),
    );
    const early = await sdkError(() =>
      h.lattice.send(
        new DeleteServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: created.id }),
      ),
    );
    expect(early.name).toBe("ConflictException");
    await h.control("PUT", "/_emulator/transitions", { delays: {} });
    // Transitions already scheduled keep their due time; a fresh association settles at once.
    const vpc2 = await createTestVpc(h.ec2, 4);
    const settled = await h.lattice.send(
      new CreateServiceNetworkVpcAssociationCommand({ serviceNetworkIdentifier: sn2.id, vpcIdentifier: vpc2.vpcId }),
    );
    const deleted = await h.lattice.send(
      new DeleteServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: settled.arn }),
    );
    expect(deleted.status).toBe("DELETE_IN_PROGRESS");
    const gone = await sdkError(() =>
      h.lattice.send(
        new GetServiceNetworkVpcAssociationCommand({ serviceNetworkVpcAssociationIdentifier: settled.id }),
      ),
    );
    expect(gone.name).toBe("ResourceNotFoundException");
  });
});

describe("service-network resource associations", () => {
  it("issues the per-association DNS name for a SINGLE configuration", async () => {
    const config = await single("orders");
    const created = await h.lattice.send(
      new CreateServiceNetworkResourceAssociationCommand({
        serviceNetworkIdentifier: sn.id,
        resourceConfigurationIdentifier: config.arn,
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.id).toMatch(/^snra-0[0-9a-f]{16}$/);
    const got = await h.lattice.send(
      new GetServiceNetworkResourceAssociationCommand({ serviceNetworkResourceAssociationIdentifier: created.id }),
    );
    expect(got.status).toBe("ACTIVE");
    expect(got.dnsEntry?.domainName).toBe(`${created.id}.${config.id}.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws`);
    expect(got.dnsEntry?.hostedZoneId).toMatch(/^Z[A-Z0-9]{20}$/);
    expect(got.privateDnsEntry).toBeUndefined();
    expect(got.resourceConfigurationName).toBe("orders");

    const duplicate = await sdkError(() =>
      h.lattice.send(
        new CreateServiceNetworkResourceAssociationCommand({
          serviceNetworkIdentifier: sn.id,
          resourceConfigurationIdentifier: config.id,
        }),
      ),
    );
    expect(duplicate.name).toBe("ConflictException");
    const counts = await h.lattice.send(new ListServiceNetworksCommand({}));
    expect(counts.items?.find((i) => i.id === sn.id)?.numberOfAssociatedResourceConfigurations).toBe(1);
  });

  it("reports a GROUP's association PARTIAL while one managed child association failed", async () => {
    const group = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        name: "partial-grp",
        type: "GROUP",
        resourceGatewayIdentifier: gatewayId,
        portRanges: ["443"],
      }),
    );
    for (const [name, ip] of [
      ["partial-a", "10.0.8.1"],
      ["partial-b", "10.0.8.2"],
    ] as const) {
      await h.lattice.send(
        new CreateResourceConfigurationCommand({
          name,
          type: "CHILD",
          resourceConfigurationGroupIdentifier: group.id,
          resourceConfigurationDefinition: { ipResource: { ipAddress: ip } },
        }),
      );
    }
    // The parent association is created first, then one per child: let the parent through, fail the first child.
    const armed = await h.control("PUT", "/_emulator/transitions", {
      failures: {
        ServiceNetworkResourceAssociation: { count: 1, after: 1, code: "RESOURCE_UNREACHABLE", message: "no route" },
      },
    });
    expect(armed.status).toBe(200);
    const parent = await h.lattice.send(
      new CreateServiceNetworkResourceAssociationCommand({
        serviceNetworkIdentifier: sn.id,
        resourceConfigurationIdentifier: group.id,
      }),
    );
    const got = await h.lattice.send(
      new GetServiceNetworkResourceAssociationCommand({ serviceNetworkResourceAssociationIdentifier: parent.id }),
    );
    expect(got.status).toBe("PARTIAL");
    const children = await h.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({
        resourceConfigurationIdentifier: group.id,
        includeChildren: true,
      }),
    );
    expect(
      children.items
        ?.filter((a) => a.isManagedAssociation)
        .map((a) => [a.status, a.failureCode])
        .sort(),
    ).toEqual([
      ["ACTIVE", undefined],
      ["CREATE_FAILED", "RESOURCE_UNREACHABLE"],
    ]);
  });

  it("creates managed child associations for a GROUP, listed only with includeChildren", async () => {
    const group = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        name: "grp",
        type: "GROUP",
        resourceGatewayIdentifier: gatewayId,
        portRanges: ["443"],
        groupDomain: "example.com",
      }),
    );
    const childA = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        name: "grp-a",
        type: "CHILD",
        resourceConfigurationGroupIdentifier: group.id,
        customDomainName: "a.example.com",
        resourceConfigurationDefinition: { dnsResource: { domainName: "a.internal" } },
      }),
    );
    const parent = await h.lattice.send(
      new CreateServiceNetworkResourceAssociationCommand({
        serviceNetworkIdentifier: sn2.id,
        resourceConfigurationIdentifier: group.id,
      }),
    );
    // A child added after the association also gets one.
    const childB = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        name: "grp-b",
        type: "CHILD",
        resourceConfigurationGroupIdentifier: group.id,
        resourceConfigurationDefinition: { ipResource: { ipAddress: "10.0.9.9" } },
      }),
    );
    const withoutChildren = await h.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: sn2.id }),
    );
    expect(withoutChildren.items?.map((i) => i.id)).toEqual([parent.id]);
    expect(withoutChildren.items?.[0]?.dnsEntry).toBeUndefined();
    const withChildren = await h.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: sn2.id, includeChildren: true }),
    );
    const children = withChildren.items!.filter((i) => i.isManagedAssociation);
    expect(children.map((c) => c.resourceConfigurationId).sort()).toEqual([childA.id, childB.id].sort());
    const a = children.find((c) => c.resourceConfigurationId === childA.id)!;
    expect(a.dnsEntry?.domainName).toBe(`${a.id}.${childA.id}.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws`);
    expect(a.privateDnsEntry?.domainName).toBe("a.example.com");

    const managed = await sdkError(() =>
      h.lattice.send(
        new DeleteServiceNetworkResourceAssociationCommand({ serviceNetworkResourceAssociationIdentifier: a.id }),
      ),
    );
    expect(managed.name).toBe("ValidationException");
    const deleted = await h.lattice.send(
      new DeleteServiceNetworkResourceAssociationCommand({ serviceNetworkResourceAssociationIdentifier: parent.arn }),
    );
    expect(deleted.status).toBe("DELETE_IN_PROGRESS");
    const after = await h.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: sn2.id, includeChildren: true }),
    );
    expect(after.items).toHaveLength(0);
  });

  it("refuses CIDR and CHILD configurations and unshareable ones into a shareable network", async () => {
    const inVpcGateway = await h.lattice.send(
      new CreateResourceGatewayCommand({
        name: "gw-invpc",
        vpcIdentifier: provider.vpcId,
        subnetIds: [provider.subnetIds[0]!],
        resourceConfigDnsResolution: "IN_VPC",
      }),
    );
    const cidr = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        name: "ranges",
        type: "CIDR",
        resourceGatewayIdentifier: inVpcGateway.id,
        resourceConfigurationDefinition: { cidrResource: { cidrRanges: ["10.0.0.0/24"] } },
      }),
    );
    const refusedCidr = await sdkError(() =>
      h.lattice.send(
        new CreateServiceNetworkResourceAssociationCommand({
          serviceNetworkIdentifier: sn.id,
          resourceConfigurationIdentifier: cidr.id,
        }),
      ),
    );
    expect(refusedCidr.name).toBe("ValidationException");
    expect(refusedCidr.message).toMatch(/CIDR/);

    const unshareable = await single("private-only", { allowAssociationToShareableServiceNetwork: false });
    const refusedShare = await sdkError(() =>
      h.lattice.send(
        new CreateServiceNetworkResourceAssociationCommand({
          serviceNetworkIdentifier: sn.id,
          resourceConfigurationIdentifier: unshareable.id,
        }),
      ),
    );
    expect(refusedShare.name).toBe("ConflictException");
  });
});

describe("service-network service associations and delete conflicts", () => {
  it("associates a service, copies its DNS entry, and blocks deleting what is still associated", async () => {
    const service = await h.lattice.send(new CreateServiceCommand({ name: "billing" }));
    expect(service.status).toBe("CREATE_IN_PROGRESS");
    const created = await h.lattice.send(
      new CreateServiceNetworkServiceAssociationCommand({
        serviceNetworkIdentifier: sn.id,
        serviceIdentifier: service.arn,
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(200);
    expect(created.dnsEntry?.domainName).toBe(
      `billing-${service.id!.slice(4)}.7d67968.vpc-lattice-svcs.ap-northeast-1.on.aws`,
    );
    const got = await h.lattice.send(
      new GetServiceNetworkServiceAssociationCommand({ serviceNetworkServiceAssociationIdentifier: created.id }),
    );
    expect(got.status).toBe("ACTIVE");
    expect(got.serviceName).toBe("billing");
    const listed = await h.lattice.send(
      new ListServiceNetworkServiceAssociationsCommand({ serviceIdentifier: service.id }),
    );
    expect(listed.items?.map((i) => i.id)).toEqual([created.id]);

    const serviceBusy = await sdkError(() =>
      h.lattice.send(new DeleteServiceCommand({ serviceIdentifier: service.id })),
    );
    expect(serviceBusy.name).toBe("ConflictException");
    const networkBusy = await sdkError(() =>
      h.lattice.send(new DeleteServiceNetworkCommand({ serviceNetworkIdentifier: sn.id })),
    );
    expect(networkBusy.name).toBe("ConflictException");
    expect(networkBusy.message).toBe(`ServiceNetwork ${sn.id} has VPC(s) associated`);

    await h.lattice.send(
      new DeleteServiceNetworkServiceAssociationCommand({ serviceNetworkServiceAssociationIdentifier: created.id }),
    );
    const deletedService = await h.lattice.send(new DeleteServiceCommand({ serviceIdentifier: service.id }));
    expect(deletedService.status).toBe("DELETE_IN_PROGRESS");
  });
});
