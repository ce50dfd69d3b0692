import {
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcEndpointCommand,
  type CreateVpcEndpointCommandInput,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcEndpointsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointAssociationsCommand,
  type DescribeVpcEndpointAssociationsCommandInput,
  DescribeVpcEndpointsCommand,
  type Filter,
} from "@aws-sdk/client-ec2";
import {
  CreateResourceConfigurationCommand,
  type CreateResourceConfigurationCommandInput,
  CreateResourceGatewayCommand,
  CreateServiceCommand,
  CreateServiceNetworkCommand,
  CreateServiceNetworkResourceAssociationCommand,
  CreateServiceNetworkServiceAssociationCommand,
  DeleteServiceNetworkServiceAssociationCommand,
  ListResourceEndpointAssociationsCommand,
  ListServiceNetworkVpcEndpointAssociationsCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";
import { createTestVpc, type TestVpc } from "../../testing/network.js";

const ACCOUNT = "111122223333";
const REGION = "ap-northeast-1";
const RSC = `4232ccc.vpc-lattice-rsc.${REGION}.on.aws`;
const SVCS = `7d67968.vpc-lattice-svcs.${REGION}.on.aws`;
const UNKNOWN_VPCE = "vpce-0123456789abcdef0";

interface Named {
  id: string;
  arn: string;
}

let h: Harness;
let gatewayId: string;
/** SINGLE configuration without a custom domain. */
let plain: Named;
/** SINGLE configuration with the custom domain db.example.com. */
let named: Named;
let group: Named;
let child: Named;

beforeAll(async () => {
  h = await startHarness();
  const provider = await createTestVpc(h.ec2, 70, { zones: [`${REGION}a`, `${REGION}c`], groups: 1 });
  const gateway = await h.lattice.send(
    new CreateResourceGatewayCommand({
      name: "provider-gw",
      vpcIdentifier: provider.vpcId,
      subnetIds: provider.subnetIds,
      securityGroupIds: provider.groupIds,
    }),
  );
  gatewayId = gateway.id!;
  const config = async (
    input: Omit<CreateResourceConfigurationCommandInput, "resourceGatewayIdentifier">,
    withGateway = true,
  ): Promise<Named> => {
    const created = await h.lattice.send(
      new CreateResourceConfigurationCommand({
        ...input,
        ...(withGateway ? { resourceGatewayIdentifier: gatewayId } : {}),
      }),
    );
    return { id: created.id!, arn: created.arn! };
  };
  plain = await config({
    name: "db-plain",
    type: "SINGLE",
    portRanges: ["5432"],
    resourceConfigurationDefinition: { dnsResource: { domainName: "db.internal.corp", ipAddressType: "IPV4" } },
  });
  named = await config({
    name: "db-named",
    type: "SINGLE",
    portRanges: ["5432"],
    customDomainName: "db.example.com",
    resourceConfigurationDefinition: { dnsResource: { domainName: "db2.internal.corp", ipAddressType: "IPV4" } },
  });
  group = await config({ name: "db-group", type: "GROUP" });
  child = await config(
    {
      name: "db-child",
      type: "CHILD",
      resourceConfigurationGroupIdentifier: group.id,
      resourceConfigurationDefinition: { dnsResource: { domainName: "replica.internal.corp", ipAddressType: "IPV4" } },
    },
    false,
  );
});
afterAll(() => h.close());

const zones = (...letters: string[]) => letters.map((l) => `${REGION}${l}`);

async function consumer(octet: number, letters = ["a", "c"]): Promise<TestVpc & { defaultGroupId: string }> {
  const vpc = await createTestVpc(h.ec2, octet, { zones: zones(...letters), groups: 0 });
  const groups = await h.ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: "vpc-id", Values: [vpc.vpcId] },
        { Name: "group-name", Values: ["default"] },
      ],
    }),
  );
  return { ...vpc, defaultGroupId: groups.SecurityGroups![0]!.GroupId! };
}

async function endpoint(
  input: Omit<CreateVpcEndpointCommandInput, "VpcId" | "SubnetIds">,
  vpc: TestVpc,
  subnetIds = vpc.subnetIds,
): Promise<string> {
  const created = await h.ec2.send(new CreateVpcEndpointCommand({ ...input, VpcId: vpc.vpcId, SubnetIds: subnetIds }));
  return created.VpcEndpoint!.VpcEndpointId!;
}

async function endpointIds(filters: Filter[]): Promise<string[]> {
  const out = await h.ec2.send(new DescribeVpcEndpointsCommand({ Filters: filters }));
  return (out.VpcEndpoints ?? []).map((e) => e.VpcEndpointId!).sort();
}

async function endpointEnis(vpcId: string) {
  const out = await h.ec2.send(
    new DescribeNetworkInterfacesCommand({
      Filters: [
        { Name: "vpc-id", Values: [vpcId] },
        { Name: "interface-type", Values: ["vpc_endpoint"] },
      ],
    }),
  );
  return out.NetworkInterfaces ?? [];
}

async function associations(input: DescribeVpcEndpointAssociationsCommandInput) {
  return (await h.ec2.send(new DescribeVpcEndpointAssociationsCommand(input))).VpcEndpointAssociations ?? [];
}

async function reasFor(config: Named, vpceId: string) {
  const out = await h.lattice.send(
    new ListResourceEndpointAssociationsCommand({ resourceConfigurationIdentifier: config.id }),
  );
  return (out.items ?? []).filter((i) => i.vpcEndpointId === vpceId);
}

describe("Resource VPC endpoints", () => {
  it("is Pending in the create response and Available on the next describe, with one ENI per subnet and its DNS name", async () => {
    const vpc = await consumer(71);
    const created = await h.ec2.send(
      new CreateVpcEndpointCommand({
        VpcEndpointType: "Resource",
        VpcId: vpc.vpcId,
        SubnetIds: vpc.subnetIds,
        ResourceConfigurationArn: plain.arn,
        TagSpecifications: [{ ResourceType: "vpc-endpoint", Tags: [{ Key: "Name", Value: "to-db" }] }],
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(200);
    const e = created.VpcEndpoint!;
    const id = e.VpcEndpointId!;
    expect(id).toMatch(/^vpce-0[0-9a-f]{16}$/);
    expect(e).toMatchObject({
      VpcEndpointType: "Resource",
      VpcId: vpc.vpcId,
      State: "Pending",
      SubnetIds: vpc.subnetIds,
      Groups: [{ GroupId: vpc.defaultGroupId, GroupName: "default" }],
      IpAddressType: "ipv4",
      PrivateDnsEnabled: false,
      OwnerId: ACCOUNT,
      ResourceConfigurationArn: plain.arn,
      Tags: [{ Key: "Name", Value: "to-db" }],
    });
    expect(e.CreationTimestamp).toBeInstanceOf(Date);
    // AWS: no ServiceName, no DnsEntries and no NetworkInterfaceIds in the create response.
    expect(e.ServiceName).toBeUndefined();
    expect(e.ServiceNetworkArn).toBeUndefined();
    expect(e.DnsEntries).toBeUndefined();
    expect(e.NetworkInterfaceIds).toBeUndefined();

    const described = await h.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] }));
    expect(described.VpcEndpoints).toHaveLength(1);
    const d = described.VpcEndpoints![0]!;
    expect(d.State).toBe("Available");
    expect(d.NetworkInterfaceIds).toHaveLength(2);
    expect(d.DnsEntries).toEqual([
      { DnsName: `${id}.${plain.id}.${RSC}`, HostedZoneId: expect.stringMatching(/^Z[A-Z0-9]{20}$/) },
    ]);

    const enis = await endpointEnis(vpc.vpcId);
    expect(enis.map((n) => n.NetworkInterfaceId).sort()).toEqual([...d.NetworkInterfaceIds!].sort());
    expect(enis.map((n) => n.SubnetId).sort()).toEqual([...vpc.subnetIds].sort());
    for (const eni of enis) {
      const index = vpc.subnetIds.indexOf(eni.SubnetId!);
      expect(eni.NetworkInterfaceId).toMatch(/^eni-0[0-9a-f]{16}$/);
      expect(eni.AvailabilityZone).toBe(zones("a", "c")[index]);
      expect(eni.PrivateIpAddress).toMatch(new RegExp(`^10\\.71\\.${index * 16}\\.\\d+$`));
      expect(Number(eni.PrivateIpAddress!.split(".")[3])).toBeGreaterThanOrEqual(4);
      expect(eni.InterfaceType).toBe("vpc_endpoint");
      expect(eni.RequesterManaged).toBe(true);
      expect(eni.Status).toBe("in-use");
      expect(eni.Description).toContain(id);
      expect(eni.Groups).toEqual([{ GroupId: vpc.defaultGroupId, GroupName: "default" }]);
    }
    // The gateway's interfaces in the provider VPC are not endpoint interfaces.
    const provider = await h.ec2.send(
      new DescribeNetworkInterfacesCommand({ Filters: [{ Name: "description", Values: [`*${gatewayId}*`] }] }),
    );
    expect(provider.NetworkInterfaces).toHaveLength(2);
    expect(provider.NetworkInterfaces!.every((n) => n.InterfaceType !== "vpc_endpoint")).toBe(true);

    const reas = await reasFor(plain, id);
    expect(reas).toHaveLength(1);
    expect(reas[0]).toMatchObject({
      resourceConfigurationId: plain.id,
      resourceConfigurationArn: plain.arn,
      vpcEndpointOwner: ACCOUNT,
    });
    expect(reas[0]!.id).toMatch(/^rea-0[0-9a-f]{16}$/);

    const rows = await associations({ VpcEndpointIds: [id] });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.Id).toMatch(/^vpce-rsc-asc-0[0-9a-f]{16}$/);
    expect(row).toMatchObject({
      VpcEndpointId: id,
      AssociatedResourceArn: plain.arn,
      AssociatedResourceAccessibility: "Accessible",
      DnsEntry: {
        DnsName: `vpce-${id.slice(5)}.${plain.id}.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws`,
        HostedZoneId: d.DnsEntries![0]!.HostedZoneId,
      },
    });
    expect(row.ServiceNetworkArn).toBeUndefined();
    expect(row.ResourceConfigurationGroupArn).toBeUndefined();
    expect(row.PrivateDnsEntry).toBeUndefined();
    const again = await associations({ VpcEndpointIds: [id] });
    expect(again[0]!.Id).toBe(row.Id);

    // The endpoint's interfaces keep its subnets in use.
    const busy = await sdkError(() => h.ec2.send(new DeleteSubnetCommand({ SubnetId: vpc.subnetIds[0] })));
    expect(busy.name).toBe("DependencyViolation");
  });

  it("filters DescribeVpcEndpoints by vpc-endpoint-type and vpc-id, and answers NotFound and Malformed for bad ids", async () => {
    const sn = await h.lattice.send(new CreateServiceNetworkCommand({ name: "filters-net" }));
    const one = await consumer(72);
    const two = await consumer(73);
    const r1 = await endpoint({ VpcEndpointType: "Resource", ResourceConfigurationArn: plain.arn }, one);
    const s1 = await endpoint({ VpcEndpointType: "ServiceNetwork", ServiceNetworkArn: sn.arn }, one);
    const r2 = await endpoint({ VpcEndpointType: "Resource", ResourceConfigurationArn: named.arn }, two);

    expect(await endpointIds([{ Name: "vpc-id", Values: [one.vpcId] }])).toEqual([r1, s1].sort());
    expect(await endpointIds([{ Name: "vpc-id", Values: [one.vpcId, two.vpcId] }])).toEqual([r1, s1, r2].sort());
    expect(
      await endpointIds([
        { Name: "vpc-id", Values: [one.vpcId, two.vpcId] },
        { Name: "vpc-endpoint-type", Values: ["Resource"] },
      ]),
    ).toEqual([r1, r2].sort());
    expect(
      await endpointIds([
        { Name: "vpc-id", Values: [one.vpcId, two.vpcId] },
        { Name: "vpc-endpoint-type", Values: ["ServiceNetwork"] },
      ]),
    ).toEqual([s1]);
    expect(
      await endpointIds([
        { Name: "vpc-id", Values: [two.vpcId] },
        { Name: "vpc-endpoint-type", Values: ["Resource", "ServiceNetwork"] },
      ]),
    ).toEqual([r2]);
    expect(
      await endpointIds([
        { Name: "vpc-id", Values: [one.vpcId] },
        { Name: "vpc-endpoint-type", Values: ["Interface"] },
      ]),
    ).toEqual([]);
    expect(
      await endpointIds([
        { Name: "vpc-id", Values: [one.vpcId] },
        { Name: "vpc-endpoint-state", Values: ["available"] },
      ]),
    ).toEqual([r1, s1].sort());

    const byIds = await h.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [r2, s1] }));
    expect(byIds.VpcEndpoints?.map((e) => e.VpcEndpointId)).toEqual([r2, s1]);
    expect(byIds.VpcEndpoints?.[1]).toMatchObject({ VpcEndpointType: "ServiceNetwork", ServiceNetworkArn: sn.arn });
    expect(byIds.VpcEndpoints?.[1]?.ResourceConfigurationArn).toBeUndefined();

    const missing = await sdkError(() =>
      h.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [r1, UNKNOWN_VPCE] })),
    );
    expect(missing.name).toBe("InvalidVpcEndpointId.NotFound");
    expect(missing.$metadata.httpStatusCode).toBe(400);
    expect(missing.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(missing.message).toContain(UNKNOWN_VPCE);
    expect(missing.message).not.toContain(r1);
    for (const bad of ["vpce-xyz", "endpoint-0123456789abcdef0", "vpce-0123456789ABCDEF0"]) {
      const malformed = await sdkError(() => h.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [bad] })));
      expect(malformed.name).toBe("InvalidVpcEndpointId.Malformed");
      expect(malformed.$metadata.httpStatusCode).toBe(400);
    }
  });

  it("replays a ClientToken with the same parameters and rejects it with other parameters", async () => {
    const vpc = await consumer(74);
    const input = {
      VpcEndpointType: "Resource",
      VpcId: vpc.vpcId,
      SubnetIds: vpc.subnetIds,
      ResourceConfigurationArn: plain.arn,
      ClientToken: "idem-74",
    } as const;
    const first = await h.ec2.send(new CreateVpcEndpointCommand({ ...input, SubnetIds: [...input.SubnetIds] }));
    expect(first.ClientToken).toBe("idem-74");
    const again = await h.ec2.send(new CreateVpcEndpointCommand({ ...input, SubnetIds: [...input.SubnetIds] }));
    expect(again.ClientToken).toBe("idem-74");
    expect(again.VpcEndpoint?.VpcEndpointId).toBe(first.VpcEndpoint?.VpcEndpointId);

    const id = first.VpcEndpoint!.VpcEndpointId!;
    expect(await endpointIds([{ Name: "vpc-id", Values: [vpc.vpcId] }])).toEqual([id]);
    expect(await endpointEnis(vpc.vpcId)).toHaveLength(2);
    expect(await reasFor(plain, id)).toHaveLength(1);

    const mismatch = await sdkError(() =>
      h.ec2.send(new CreateVpcEndpointCommand({ ...input, SubnetIds: [vpc.subnetIds[0]!] })),
    );
    expect(mismatch.name).toBe("IdempotentParameterMismatch");
    expect(mismatch.$metadata.httpStatusCode).toBe(400);
    const otherConfig = await sdkError(() =>
      h.ec2.send(
        new CreateVpcEndpointCommand({
          ...input,
          SubnetIds: [...input.SubnetIds],
          ResourceConfigurationArn: named.arn,
        }),
      ),
    );
    expect(otherConfig.name).toBe("IdempotentParameterMismatch");
    // Nested parameters count too: other tags under the same token are other parameters.
    const tagged = {
      ...input,
      SubnetIds: [...input.SubnetIds],
      TagSpecifications: [{ ResourceType: "vpc-endpoint" as const, Tags: [{ Key: "Name", Value: "a" }] }],
    };
    const taggedFirst = await h.ec2.send(new CreateVpcEndpointCommand({ ...tagged, ClientToken: "idem-74-tags" }));
    const otherTags = await sdkError(() =>
      h.ec2.send(
        new CreateVpcEndpointCommand({
          ...tagged,
          ClientToken: "idem-74-tags",
          TagSpecifications: [{ ResourceType: "vpc-endpoint", Tags: [{ Key: "Name", Value: "b" }] }],
        }),
      ),
    );
    expect(otherTags.name).toBe("IdempotentParameterMismatch");
    const taggedAgain = await h.ec2.send(new CreateVpcEndpointCommand({ ...tagged, ClientToken: "idem-74-tags" }));
    expect(taggedAgain.VpcEndpoint?.VpcEndpointId).toBe(taggedFirst.VpcEndpoint?.VpcEndpointId);
    const otherDns = await sdkError(() =>
      h.ec2.send(
        new CreateVpcEndpointCommand({
          ...tagged,
          ClientToken: "idem-74-tags",
          DnsOptions: { PrivateDnsPreference: "ALL_DOMAINS" },
        }),
      ),
    );
    expect(otherDns.name).toBe("IdempotentParameterMismatch");
    await h.ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [taggedFirst.VpcEndpoint!.VpcEndpointId!] }));
    expect(await endpointIds([{ Name: "vpc-id", Values: [vpc.vpcId] }])).toEqual([id]);
    expect(await endpointEnis(vpc.vpcId)).toHaveLength(2);
  });

  it("rejects subnets in the same AZ, subnets sharing no AZ with the gateway, CHILD configurations and unknown references", async () => {
    const vpc = await consumer(75, ["a", "c", "d"]);
    const [inA, inC, inD] = vpc.subnetIds as [string, string, string];
    const secondA = (
      await h.ec2.send(
        new CreateSubnetCommand({ VpcId: vpc.vpcId, CidrBlock: "10.75.48.0/20", AvailabilityZone: `${REGION}a` }),
      )
    ).Subnet!.SubnetId!;
    const other = await consumer(76);
    const resource = { VpcEndpointType: "Resource", ResourceConfigurationArn: plain.arn } as const;

    const sameZone = await sdkError(() => endpoint(resource, vpc, [inA, secondA]));
    expect(sameZone.name).toBe("DuplicateSubnetsInSameZone");
    expect(sameZone.$metadata.httpStatusCode).toBe(400);

    // The gateway is in a and c; d alone shares no zone with it.
    const noOverlap = await sdkError(() => endpoint(resource, vpc, [inD]));
    expect(noOverlap.name).toBe("InvalidParameter");
    expect(noOverlap.message).toContain(gatewayId);

    const childConfig = await sdkError(() =>
      endpoint({ VpcEndpointType: "Resource", ResourceConfigurationArn: child.arn }, vpc, [inA, inC]),
    );
    expect(childConfig.name).toBe("InvalidParameter");
    expect(childConfig.message).toContain(group.id);

    const unknownConfig = await sdkError(() =>
      endpoint(
        {
          VpcEndpointType: "Resource",
          ResourceConfigurationArn: `arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:resourceconfiguration/rcfg-0123456789abcdef0`,
        },
        vpc,
        [inA],
      ),
    );
    expect(unknownConfig.name).toBe("InvalidParameter");
    const foreignSubnet = await sdkError(() => endpoint(resource, vpc, [inA, other.subnetIds[1]!]));
    expect(foreignSubnet.name).toBe("InvalidParameter");
    const unknownSubnet = await sdkError(() => endpoint(resource, vpc, ["subnet-0123456789abcdef0"]));
    expect(unknownSubnet.name).toBe("InvalidSubnetID.NotFound");
    const unknownVpc = await sdkError(() =>
      h.ec2.send(new CreateVpcEndpointCommand({ ...resource, VpcId: "vpc-0123456789abcdef0", SubnetIds: [inA] })),
    );
    expect(unknownVpc.name).toBe("InvalidVpcID.NotFound");

    const dry = await sdkError(() =>
      h.ec2.send(new CreateVpcEndpointCommand({ ...resource, VpcId: vpc.vpcId, SubnetIds: [inA, inC], DryRun: true })),
    );
    expect(dry.name).toBe("DryRunOperation");
    expect(dry.$metadata.httpStatusCode).toBe(412);

    // Nothing was left behind by the failed calls.
    expect(await endpointIds([{ Name: "vpc-id", Values: [vpc.vpcId] }])).toEqual([]);
    expect(await endpointEnis(vpc.vpcId)).toEqual([]);

    // a + d overlaps the gateway in a: allowed, with one interface in each subnet.
    const ok = await endpoint(resource, vpc, [inA, inD]);
    expect((await endpointEnis(vpc.vpcId)).map((n) => n.SubnetId).sort()).toEqual([inA, inD].sort());
    expect(ok).toMatch(/^vpce-/);
  });

  it("deletes with partial failure: the unknown id lands in Unsuccessful, the good one is gone on the next describe", async () => {
    const vpc = await consumer(77);
    const addressesLeft = async () =>
      ((await h.ec2.send(new DescribeSubnetsCommand({ SubnetIds: vpc.subnetIds }))).Subnets ?? []).map(
        (s) => s.AvailableIpAddressCount,
      );
    // A /20 holds 4096 addresses, five of which AWS reserves.
    expect(await addressesLeft()).toEqual([4091, 4091]);
    const guard = await h.ec2.send(
      new CreateSecurityGroupCommand({ VpcId: vpc.vpcId, GroupName: "endpoint-guard", Description: "endpoint" }),
    );
    const id = await endpoint(
      { VpcEndpointType: "Resource", ResourceConfigurationArn: plain.arn, SecurityGroupIds: [guard.GroupId!] },
      vpc,
    );
    expect((await h.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] }))).VpcEndpoints?.[0]?.State).toBe(
      "Available",
    );
    expect(await reasFor(plain, id)).toHaveLength(1);
    expect(await addressesLeft()).toEqual([4090, 4090]);
    const groupInUse = await sdkError(() => h.ec2.send(new DeleteSecurityGroupCommand({ GroupId: guard.GroupId })));
    expect(groupInUse.name).toBe("DependencyViolation");

    const dry = await sdkError(() => h.ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [id], DryRun: true })));
    expect(dry.name).toBe("DryRunOperation");
    expect(await endpointIds([{ Name: "vpc-id", Values: [vpc.vpcId] }])).toEqual([id]);

    const deleted = await h.ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [id, UNKNOWN_VPCE] }));
    expect(deleted.$metadata.httpStatusCode).toBe(200);
    expect(deleted.Unsuccessful).toEqual([
      {
        ResourceId: UNKNOWN_VPCE,
        Error: { Code: "InvalidVpcEndpoint.NotFound", Message: expect.stringContaining(UNKNOWN_VPCE) },
      },
    ]);

    const gone = await sdkError(() => h.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [id] })));
    expect(gone.name).toBe("InvalidVpcEndpointId.NotFound");
    expect(await endpointIds([{ Name: "vpc-id", Values: [vpc.vpcId] }])).toEqual([]);
    expect(await endpointEnis(vpc.vpcId)).toEqual([]);
    expect(await reasFor(plain, id)).toEqual([]);
    expect(await associations({ Filters: [{ Name: "vpc-endpoint-id", Values: [id] }] })).toEqual([]);
    // The interfaces' addresses are free again, and the security group is no longer in use.
    expect(await addressesLeft()).toEqual([4091, 4091]);
    await h.ec2.send(new DeleteSecurityGroupCommand({ GroupId: guard.GroupId }));
    // With the interfaces gone the subnets can be deleted.
    await h.ec2.send(new DeleteSubnetCommand({ SubnetId: vpc.subnetIds[0] }));

    const second = await endpoint({ VpcEndpointType: "Resource", ResourceConfigurationArn: plain.arn }, vpc, [
      vpc.subnetIds[1]!,
    ]);
    const clean = await h.ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [second] }));
    expect(clean.Unsuccessful ?? []).toEqual([]);
    expect(await endpointIds([{ Name: "vpc-id", Values: [vpc.vpcId] }])).toEqual([]);
  });
});

describe("DescribeVpcEndpointAssociations", () => {
  it("returns one row per configuration (children for a GROUP) and filters by vpc-endpoint-id, associated-resource-id and group ARN", async () => {
    const vpc = await consumer(78);
    const e1 = await endpoint({ VpcEndpointType: "Resource", ResourceConfigurationArn: plain.arn }, vpc);
    const e2 = await endpoint({ VpcEndpointType: "Resource", ResourceConfigurationArn: named.arn }, vpc);
    const e3 = await endpoint({ VpcEndpointType: "Resource", ResourceConfigurationArn: group.arn }, vpc);
    const mine = [e1, e2, e3];

    const rows = await associations({ VpcEndpointIds: mine });
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.VpcEndpointId === e1)?.DnsEntry?.DnsName).toBe(`${e1}.${plain.id}.${RSC}`);
    expect(rows.find((r) => r.VpcEndpointId === e2)?.DnsEntry?.DnsName).toBe(`${e2}.${named.id}.${RSC}`);
    const groupRow = rows.find((r) => r.VpcEndpointId === e3)!;
    expect(groupRow.AssociatedResourceArn).toBe(child.arn);
    expect(groupRow.ResourceConfigurationGroupArn).toBe(group.arn);
    expect(groupRow.DnsEntry?.DnsName).toMatch(
      new RegExp(`^${e3}-snra-0[0-9a-f]{16}\\.${child.id}\\.4232ccc\\.vpc-lattice-rsc\\.${REGION}\\.on\\.aws$`),
    );
    expect(new Set(rows.map((r) => r.Id)).size).toBe(3);

    const byEndpoint = await associations({ Filters: [{ Name: "vpc-endpoint-id", Values: [e2] }] });
    expect(byEndpoint.map((r) => [r.VpcEndpointId, r.AssociatedResourceArn])).toEqual([[e2, named.arn]]);
    const byResource = await associations({
      VpcEndpointIds: mine,
      Filters: [{ Name: "associated-resource-id", Values: [named.id, child.id] }],
    });
    expect(byResource.map((r) => r.VpcEndpointId).sort()).toEqual([e2, e3].sort());
    const both = await associations({
      Filters: [
        { Name: "vpc-endpoint-id", Values: mine },
        { Name: "associated-resource-id", Values: [plain.id] },
      ],
    });
    expect(both.map((r) => r.VpcEndpointId)).toEqual([e1]);
    const byGroup = await associations({
      VpcEndpointIds: mine,
      Filters: [{ Name: "resource-configuration-group-arn", Values: [group.arn] }],
    });
    expect(byGroup.map((r) => r.VpcEndpointId)).toEqual([e3]);

    const missing = await sdkError(() => associations({ VpcEndpointIds: [e1, UNKNOWN_VPCE] }));
    expect(missing.name).toBe("InvalidVpcEndpointId.NotFound");
  });

  it("gives a ServiceNetwork endpoint a row per resource and service association, including ones created after it", async () => {
    const sn = await h.lattice.send(new CreateServiceNetworkCommand({ name: "shared-net" }));
    const snra = await h.lattice.send(
      new CreateServiceNetworkResourceAssociationCommand({
        serviceNetworkIdentifier: sn.id,
        resourceConfigurationIdentifier: plain.id,
      }),
    );
    const service = await h.lattice.send(new CreateServiceCommand({ name: "orders" }));
    const snsa = await h.lattice.send(
      new CreateServiceNetworkServiceAssociationCommand({
        serviceNetworkIdentifier: sn.id,
        serviceIdentifier: service.id,
      }),
    );
    const vpc = await consumer(79);

    const created = await h.ec2.send(
      new CreateVpcEndpointCommand({
        VpcEndpointType: "ServiceNetwork",
        VpcId: vpc.vpcId,
        SubnetIds: vpc.subnetIds,
        ServiceNetworkArn: sn.arn,
      }),
    );
    const e = created.VpcEndpoint!;
    const vpce = e.VpcEndpointId!;
    expect(e).toMatchObject({
      VpcEndpointType: "ServiceNetwork",
      State: "Pending",
      ServiceNetworkArn: sn.arn,
      IpAddressType: "ipv4",
    });
    expect(e.ResourceConfigurationArn).toBeUndefined();

    const resourceName = `${vpce}-${snra.id}.${plain.id}.${RSC}`;
    const serviceName = `${vpce}-${snsa.id}.${SVCS}`;
    expect(serviceName).toMatch(
      /^vpce-0[0-9a-f]{16}-snsa-0[0-9a-z]{16}\.7d67968\.vpc-lattice-svcs\.ap-northeast-1\.on\.aws$/,
    );
    const described = (await h.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [vpce] }))).VpcEndpoints![0]!;
    expect(described.State).toBe("Available");
    expect(described.DnsEntries?.map((d) => d.DnsName).sort()).toEqual([resourceName, serviceName].sort());
    expect((await endpointEnis(vpc.vpcId)).map((n) => n.SubnetId).sort()).toEqual([...vpc.subnetIds].sort());

    const rows = await associations({ VpcEndpointIds: [vpce] });
    expect(rows).toHaveLength(2);
    const resourceRow = rows.find((r) => r.AssociatedResourceArn === plain.arn)!;
    const serviceRow = rows.find((r) => r.AssociatedResourceArn === service.arn)!;
    expect(resourceRow).toMatchObject({
      VpcEndpointId: vpce,
      ServiceNetworkArn: sn.arn,
      ServiceNetworkName: "shared-net",
      AssociatedResourceAccessibility: "Accessible",
      DnsEntry: { DnsName: resourceName },
    });
    expect(serviceRow).toMatchObject({
      VpcEndpointId: vpce,
      ServiceNetworkArn: sn.arn,
      ServiceNetworkName: "shared-net",
      DnsEntry: { DnsName: serviceName },
    });
    expect(resourceRow.DnsEntry?.HostedZoneId).toMatch(/^Z[A-Z0-9]{20}$/);
    expect(serviceRow.DnsEntry?.HostedZoneId).toMatch(/^Z[A-Z0-9]{20}$/);
    expect(serviceRow.DnsEntry?.HostedZoneId).not.toBe(resourceRow.DnsEntry?.HostedZoneId);
    expect(resourceRow.PrivateDnsEntry).toBeUndefined();

    // The Lattice side sees the endpoint on the network, and no resource-endpoint association.
    const snEndpoints = await h.lattice.send(
      new ListServiceNetworkVpcEndpointAssociationsCommand({ serviceNetworkIdentifier: sn.id }),
    );
    expect(snEndpoints.items).toEqual([
      expect.objectContaining({
        vpcEndpointId: vpce,
        vpcId: vpc.vpcId,
        vpcEndpointOwnerId: ACCOUNT,
        serviceNetworkArn: sn.arn,
        state: "ACTIVE",
      }),
    ]);
    expect(await reasFor(plain, vpce)).toEqual([]);

    // An association made after the endpoint exists shows up on it.
    const later = await h.lattice.send(
      new CreateServiceNetworkResourceAssociationCommand({
        serviceNetworkIdentifier: sn.id,
        resourceConfigurationIdentifier: named.id,
      }),
    );
    const withLater = await associations({ VpcEndpointIds: [vpce] });
    expect(withLater).toHaveLength(3);
    const laterRow = withLater.find((r) => r.AssociatedResourceArn === named.arn)!;
    expect(laterRow.DnsEntry?.DnsName).toBe(`${vpce}-${later.id}.${named.id}.${RSC}`);
    expect(laterRow.AssociatedResourceAccessibility).toBe("Accessible");
    // Private DNS is off on the endpoint, so the custom domain is not offered.
    expect(laterRow.PrivateDnsEntry).toBeUndefined();
    expect(withLater.find((r) => r.AssociatedResourceArn === plain.arn)?.Id).toBe(resourceRow.Id);

    const byResource = await associations({
      VpcEndpointIds: [vpce],
      Filters: [{ Name: "associated-resource-id", Values: [named.id] }],
    });
    expect(byResource.map((r) => r.DnsEntry?.DnsName)).toEqual([laterRow.DnsEntry?.DnsName]);
    const byService = await associations({
      Filters: [
        { Name: "vpc-endpoint-id", Values: [vpce] },
        { Name: "associated-resource-id", Values: [service.id!] },
      ],
    });
    expect(byService.map((r) => r.AssociatedResourceArn)).toEqual([service.arn]);
    const byNetwork = await associations({ Filters: [{ Name: "service-network-arn", Values: [sn.arn!] }] });
    expect(byNetwork.map((r) => r.Id).sort()).toEqual(withLater.map((r) => r.Id).sort());

    // A removed service association disappears from the endpoint.
    await h.lattice.send(
      new DeleteServiceNetworkServiceAssociationCommand({ serviceNetworkServiceAssociationIdentifier: snsa.id }),
    );
    const afterDelete = await associations({ VpcEndpointIds: [vpce] });
    expect(afterDelete.map((r) => r.AssociatedResourceArn).sort()).toEqual([plain.arn, named.arn].sort());
  });

  it("offers a PrivateDnsEntry only when the endpoint has private DNS and the configuration has a custom domain", async () => {
    const vpc = await consumer(80);
    // ALL_DOMAINS: the (unverified) custom domain gets its private name; preference rules are tested in custom-domains.test.ts.
    const resource = (arn: string, privateDns: boolean) =>
      endpoint(
        {
          VpcEndpointType: "Resource",
          ResourceConfigurationArn: arn,
          PrivateDnsEnabled: privateDns,
          ...(privateDns ? { DnsOptions: { PrivateDnsPreference: "ALL_DOMAINS" } } : {}),
        },
        vpc,
      );
    const namedOn = await resource(named.arn, true);
    const namedOff = await resource(named.arn, false);
    const plainOn = await resource(plain.arn, true);

    const rows = await associations({ VpcEndpointIds: [namedOn, namedOff, plainOn] });
    const rowOf = (id: string) => rows.find((r) => r.VpcEndpointId === id)!;
    expect(rowOf(namedOn).PrivateDnsEntry).toEqual({ DnsName: "db.example.com" });
    expect(rowOf(namedOn).DnsEntry?.DnsName).toBe(`${namedOn}.${named.id}.${RSC}`);
    expect(rowOf(namedOff).PrivateDnsEntry).toBeUndefined();
    expect(rowOf(plainOn).PrivateDnsEntry).toBeUndefined();

    const described = await h.ec2.send(new DescribeVpcEndpointsCommand({ VpcEndpointIds: [namedOn, plainOn] }));
    const entries = (id: string) =>
      described.VpcEndpoints!.find((x) => x.VpcEndpointId === id)!.DnsEntries!.map((d) => d.DnsName);
    expect(entries(namedOn)).toEqual([`${namedOn}.${named.id}.${RSC}`, "db.example.com"]);
    expect(entries(plainOn)).toEqual([`${plainOn}.${plain.id}.${RSC}`]);

    // Through a ServiceNetwork endpoint with private DNS, the custom domain comes from the association.
    const sn = await h.lattice.send(new CreateServiceNetworkCommand({ name: "private-net" }));
    await h.lattice.send(
      new CreateServiceNetworkResourceAssociationCommand({
        serviceNetworkIdentifier: sn.id,
        resourceConfigurationIdentifier: named.id,
        privateDnsEnabled: true,
      }),
    );
    await h.lattice.send(
      new CreateServiceNetworkResourceAssociationCommand({
        serviceNetworkIdentifier: sn.id,
        resourceConfigurationIdentifier: plain.id,
        privateDnsEnabled: true,
      }),
    );
    const snVpc = await consumer(81);
    const snEndpoint = await endpoint(
      {
        VpcEndpointType: "ServiceNetwork",
        ServiceNetworkArn: sn.arn,
        PrivateDnsEnabled: true,
        DnsOptions: { PrivateDnsPreference: "ALL_DOMAINS" },
      },
      snVpc,
    );
    const snRows = await associations({ VpcEndpointIds: [snEndpoint] });
    expect(snRows).toHaveLength(2);
    expect(snRows.find((r) => r.AssociatedResourceArn === named.arn)?.PrivateDnsEntry).toEqual({
      DnsName: "db.example.com",
    });
    expect(snRows.find((r) => r.AssociatedResourceArn === plain.arn)?.PrivateDnsEntry).toBeUndefined();

    // AWS: with private DNS on, a VPC can't have both a Resource and a ServiceNetwork endpoint for one configuration.
    const clash = await sdkError(() =>
      endpoint({ VpcEndpointType: "Resource", ResourceConfigurationArn: named.arn, PrivateDnsEnabled: true }, snVpc),
    );
    expect(clash.name).toBe("InvalidParameter");
    expect(clash.message).toContain(snEndpoint);
    const noClash = await endpoint(
      { VpcEndpointType: "Resource", ResourceConfigurationArn: named.arn, PrivateDnsEnabled: false },
      snVpc,
    );
    expect(await endpointIds([{ Name: "vpc-id", Values: [snVpc.vpcId] }])).toEqual([snEndpoint, noClash].sort());
  });
});
