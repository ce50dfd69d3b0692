import {
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteSecurityGroupCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeAvailabilityZonesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type Filter,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";

const ACCOUNT = "111122223333";
const REGION = "ap-northeast-1";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function vpc(cidr: string, tags: Record<string, string> = {}): Promise<string> {
  const created = await h.ec2.send(
    new CreateVpcCommand({
      CidrBlock: cidr,
      ...(Object.keys(tags).length > 0
        ? {
            TagSpecifications: [
              { ResourceType: "vpc", Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
            ],
          }
        : {}),
    }),
  );
  return created.Vpc!.VpcId!;
}

async function vpcIds(filters: Filter[]): Promise<string[]> {
  const out = await h.ec2.send(new DescribeVpcsCommand({ Filters: filters }));
  return (out.Vpcs ?? []).map((v) => v.VpcId!).sort();
}

async function subnet(vpcId: string, cidr: string, zone: string): Promise<string> {
  const created = await h.ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone }));
  return created.Subnet!.SubnetId!;
}

describe("VPCs through the real EC2 client", () => {
  it("creates a VPC with AWS's shape and a default security group carrying AWS's default rules", async () => {
    const created = await h.ec2.send(
      new CreateVpcCommand({
        CidrBlock: "10.10.0.0/16",
        TagSpecifications: [{ ResourceType: "vpc", Tags: [{ Key: "Name", Value: "alpha" }] }],
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(200);
    expect(created.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const v = created.Vpc!;
    expect(v.VpcId).toMatch(/^vpc-0[0-9a-f]{16}$/);
    expect(v.CidrBlock).toBe("10.10.0.0/16");
    expect(v.State).toBe("available");
    expect(v.IsDefault).toBe(false);
    expect(v.InstanceTenancy).toBe("default");
    expect(v.OwnerId).toBe(ACCOUNT);
    expect(v.DhcpOptionsId).toMatch(/^dopt-0[0-9a-f]{16}$/);
    expect(v.CidrBlockAssociationSet).toEqual([
      {
        AssociationId: expect.stringMatching(/^vpc-cidr-assoc-0[0-9a-f]{16}$/),
        CidrBlock: "10.10.0.0/16",
        CidrBlockState: { State: "associated" },
      },
    ]);
    expect(v.Tags).toEqual([{ Key: "Name", Value: "alpha" }]);

    const groups = await h.ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [v.VpcId!] }] }),
    );
    expect(groups.SecurityGroups).toHaveLength(1);
    const sg = groups.SecurityGroups![0]!;
    expect(sg.GroupName).toBe("default");
    expect(sg.Description).toBe("default VPC security group");
    expect(sg.GroupId).toMatch(/^sg-0[0-9a-f]{16}$/);
    expect(sg.VpcId).toBe(v.VpcId);
    expect(sg.OwnerId).toBe(ACCOUNT);
    // AWS: inbound = all traffic from members of the same group; outbound = all traffic anywhere.
    expect(sg.IpPermissions).toEqual([
      {
        IpProtocol: "-1",
        IpRanges: [],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [expect.objectContaining({ GroupId: sg.GroupId, UserId: ACCOUNT })],
      },
    ]);
    expect(sg.IpPermissions![0]!.FromPort).toBeUndefined();
    expect(sg.IpPermissionsEgress).toEqual([
      {
        IpProtocol: "-1",
        IpRanges: [{ CidrIp: "0.0.0.0/0" }],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
    ]);

    const rules = await h.ec2.send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [sg.GroupId!] }] }),
    );
    const byDirection = Object.fromEntries(
      (rules.SecurityGroupRules ?? []).map((r) => [r.IsEgress ? "egress" : "ingress", r]),
    );
    expect(rules.SecurityGroupRules).toHaveLength(2);
    expect(byDirection.ingress).toMatchObject({
      IpProtocol: "-1",
      FromPort: -1,
      ToPort: -1,
      ReferencedGroupInfo: { GroupId: sg.GroupId },
    });
    expect(byDirection.ingress!.CidrIpv4).toBeUndefined();
    expect(byDirection.egress).toMatchObject({ IpProtocol: "-1", FromPort: -1, ToPort: -1, CidrIpv4: "0.0.0.0/0" });
    expect(byDirection.egress!.SecurityGroupRuleId).toMatch(/^sgr-0[0-9a-f]{16}$/);
  });

  it("rejects CIDR blocks that are malformed or outside /16../28", async () => {
    const tooSmall = await sdkError(() => h.ec2.send(new CreateVpcCommand({ CidrBlock: "10.11.0.0/29" })));
    expect(tooSmall.name).toBe("InvalidVpc.Range");
    expect(tooSmall.$metadata.httpStatusCode).toBe(400);
    const tooLarge = await sdkError(() => h.ec2.send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/8" })));
    expect(tooLarge.name).toBe("InvalidVpc.Range");
    const garbage = await sdkError(() => h.ec2.send(new CreateVpcCommand({ CidrBlock: "10.11.0.0" })));
    expect(garbage.name).toBe("InvalidParameterValue");
    expect(garbage.message).toContain("10.11.0.0");
  });

  it("describes by ids and filters: vpc-id, cidr, tag:Name and tag-key, with wildcards, OR within and AND across filters", async () => {
    const prod = await vpc("10.20.0.0/16", { Name: "web-prod", suite: "filters" });
    const dev = await vpc("10.21.0.0/16", { Name: "web-dev", suite: "filters" });
    const db = await vpc("10.22.0.0/16", { Name: "db", env: "shared", suite: "filters" });

    const byIds = await h.ec2.send(new DescribeVpcsCommand({ VpcIds: [dev, db] }));
    expect(byIds.Vpcs?.map((v) => v.VpcId)).toEqual([dev, db]);

    expect(await vpcIds([{ Name: "vpc-id", Values: [prod] }])).toEqual([prod]);
    expect(await vpcIds([{ Name: "cidr", Values: ["10.21.0.0/16"] }])).toEqual([dev]);
    expect(await vpcIds([{ Name: "cidr", Values: ["10.20.0.0/16", "10.22.0.0/16"] }])).toEqual([prod, db].sort());
    expect(await vpcIds([{ Name: "tag:Name", Values: ["web-*"] }])).toEqual([prod, dev].sort());
    // `?` matches exactly one character: "web-???" is web-dev, not web-prod.
    expect(await vpcIds([{ Name: "tag:Name", Values: ["web-???"] }])).toEqual([dev]);
    expect(await vpcIds([{ Name: "tag-key", Values: ["env"] }])).toEqual([db]);
    expect(
      await vpcIds([
        { Name: "tag:suite", Values: ["filters"] },
        { Name: "cidr", Values: ["10.2?.0.0/16"] },
      ]),
    ).toEqual([prod, dev, db].sort());
    expect(
      await vpcIds([
        { Name: "tag:Name", Values: ["web-*"] },
        { Name: "cidr", Values: ["10.20.*"] },
      ]),
    ).toEqual([prod]);
    expect(await vpcIds([{ Name: "tag:Name", Values: ["nothing-matches"] }])).toEqual([]);

    const badFilter = await sdkError(() =>
      h.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: "no-such-filter", Values: ["x"] }] })),
    );
    expect(badFilter.name).toBe("InvalidParameterValue");
  });

  it("pages with MaxResults and NextToken, and rejects MaxResults outside 5..1000 and foreign tokens", async () => {
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push(await vpc(`10.${30 + i}.0.0/16`, { suite: "paging" }));
    const filters = [{ Name: "tag:suite", Values: ["paging"] }];

    const first = await h.ec2.send(new DescribeVpcsCommand({ Filters: filters, MaxResults: 5 }));
    expect(first.Vpcs).toHaveLength(5);
    expect(first.NextToken).toBeTruthy();
    const second = await h.ec2.send(
      new DescribeVpcsCommand({ Filters: filters, MaxResults: 5, NextToken: first.NextToken }),
    );
    expect(second.Vpcs).toHaveLength(2);
    expect(second.NextToken).toBeUndefined();
    const seen = [...first.Vpcs!, ...second.Vpcs!].map((v) => v.VpcId!);
    expect(new Set(seen).size).toBe(7);
    expect(seen.sort()).toEqual([...made].sort());

    const all = await h.ec2.send(new DescribeVpcsCommand({ Filters: filters }));
    expect(all.Vpcs).toHaveLength(7);
    expect(all.NextToken).toBeUndefined();

    for (const bad of [4, 1001]) {
      const error = await sdkError(() => h.ec2.send(new DescribeVpcsCommand({ MaxResults: bad })));
      expect(error.name).toBe("InvalidParameterValue");
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toContain(String(bad));
    }
    const edge = await h.ec2.send(new DescribeVpcsCommand({ MaxResults: 1000 }));
    expect(edge.Vpcs!.length).toBeGreaterThanOrEqual(7);

    const badToken = await sdkError(() =>
      h.ec2.send(new DescribeVpcsCommand({ MaxResults: 5, NextToken: "not-a-token" })),
    );
    expect(badToken.name).toBe("InvalidPaginationToken");
    // A token from DescribeSubnets is not valid for DescribeVpcs.
    const subnetsVpc = made[0]!;
    for (let i = 0; i < 6; i++) await subnet(subnetsVpc, `10.30.${i}.0/24`, `${REGION}a`);
    const subnetPage = await h.ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [subnetsVpc] }], MaxResults: 5 }),
    );
    expect(subnetPage.NextToken).toBeTruthy();
    const foreign = await sdkError(() =>
      h.ec2.send(new DescribeVpcsCommand({ MaxResults: 5, NextToken: subnetPage.NextToken })),
    );
    expect(foreign.name).toBe("InvalidPaginationToken");
  });

  it("answers InvalidVpcID.NotFound (HTTP 400 with a request id) for unknown ids", async () => {
    const known = await vpc("10.40.0.0/16");
    const missing = "vpc-0123456789abcdef0";
    const error = await sdkError(() => h.ec2.send(new DescribeVpcsCommand({ VpcIds: [known, missing] })));
    expect(error.name).toBe("InvalidVpcID.NotFound");
    expect(error.$fault).toBe("client");
    expect(error.$metadata.httpStatusCode).toBe(400);
    expect(error.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toBe(`The vpc ID '${missing}' does not exist`);

    const del = await sdkError(() => h.ec2.send(new DeleteVpcCommand({ VpcId: missing })));
    expect(del.name).toBe("InvalidVpcID.NotFound");
    const sub = await sdkError(() =>
      h.ec2.send(new CreateSubnetCommand({ VpcId: missing, CidrBlock: "10.40.0.0/24" })),
    );
    expect(sub.name).toBe("InvalidVpcID.NotFound");
  });

  it("answers DryRun=true with DryRunOperation (HTTP 412) and does not act", async () => {
    const dry = await sdkError(() => h.ec2.send(new CreateVpcCommand({ CidrBlock: "10.42.0.0/16", DryRun: true })));
    expect(dry.name).toBe("DryRunOperation");
    expect(dry.$metadata.httpStatusCode).toBe(412);
    expect(await vpcIds([{ Name: "cidr", Values: ["10.42.0.0/16"] }])).toEqual([]);

    const id = await vpc("10.42.0.0/16");
    const dryDelete = await sdkError(() => h.ec2.send(new DeleteVpcCommand({ VpcId: id, DryRun: true })));
    expect(dryDelete.name).toBe("DryRunOperation");
    expect(await vpcIds([{ Name: "vpc-id", Values: [id] }])).toEqual([id]);
    const dryDescribe = await sdkError(() => h.ec2.send(new DescribeVpcsCommand({ DryRun: true })));
    expect(dryDescribe.name).toBe("DryRunOperation");
    // DryRun=false is an ordinary call.
    const wet = await h.ec2.send(new DescribeVpcsCommand({ VpcIds: [id], DryRun: false }));
    expect(wet.Vpcs?.map((v) => v.VpcId)).toEqual([id]);
  });

  it("refuses DeleteVpc with DependencyViolation while subnets or extra groups exist, then deletes the VPC and its default group", async () => {
    const id = await vpc("10.41.0.0/16");
    const sn = await subnet(id, "10.41.0.0/24", `${REGION}a`);
    const blocked = await sdkError(() => h.ec2.send(new DeleteVpcCommand({ VpcId: id })));
    expect(blocked.name).toBe("DependencyViolation");
    expect(blocked.$metadata.httpStatusCode).toBe(400);
    expect(blocked.message).toContain(sn);

    await h.ec2.send(new DeleteSubnetCommand({ SubnetId: sn }));
    const extra = await h.ec2.send(new CreateSecurityGroupCommand({ VpcId: id, GroupName: "app", Description: "app" }));
    const byGroup = await sdkError(() => h.ec2.send(new DeleteVpcCommand({ VpcId: id })));
    expect(byGroup.name).toBe("DependencyViolation");
    await h.ec2.send(new DeleteSecurityGroupCommand({ GroupId: extra.GroupId }));

    const deleted = await h.ec2.send(new DeleteVpcCommand({ VpcId: id }));
    expect(deleted.$metadata.httpStatusCode).toBe(200);
    const gone = await sdkError(() => h.ec2.send(new DescribeVpcsCommand({ VpcIds: [id] })));
    expect(gone.name).toBe("InvalidVpcID.NotFound");
    const groups = await h.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [id] }] }));
    expect(groups.SecurityGroups).toEqual([]);
  });
});

describe("subnets through the real EC2 client", () => {
  it("creates a subnet with AWS's shape and an AZ id that agrees with DescribeAvailabilityZones", async () => {
    const id = await vpc("10.50.0.0/16");
    const created = await h.ec2.send(
      new CreateSubnetCommand({
        VpcId: id,
        CidrBlock: "10.50.1.0/24",
        AvailabilityZone: `${REGION}c`,
        TagSpecifications: [{ ResourceType: "subnet", Tags: [{ Key: "Name", Value: "private-c" }] }],
      }),
    );
    const s = created.Subnet!;
    expect(s.SubnetId).toMatch(/^subnet-0[0-9a-f]{16}$/);
    expect(s.SubnetArn).toBe(`arn:aws:ec2:${REGION}:${ACCOUNT}:subnet/${s.SubnetId}`);
    expect(s.VpcId).toBe(id);
    expect(s.CidrBlock).toBe("10.50.1.0/24");
    expect(s.AvailabilityZone).toBe(`${REGION}c`);
    // AWS reserves five addresses in every subnet.
    expect(s.AvailableIpAddressCount).toBe(251);
    expect(s.State).toBe("available");
    expect(s.OwnerId).toBe(ACCOUNT);
    expect(s.DefaultForAz).toBe(false);
    expect(s.MapPublicIpOnLaunch).toBe(false);
    expect(s.Tags).toEqual([{ Key: "Name", Value: "private-c" }]);

    const zones = await h.ec2.send(new DescribeAvailabilityZonesCommand({ ZoneNames: [`${REGION}c`] }));
    expect(zones.AvailabilityZones).toHaveLength(1);
    expect(s.AvailabilityZoneId).toBe(zones.AvailabilityZones![0]!.ZoneId);
    const byZoneId = await h.ec2.send(
      new DescribeSubnetsCommand({
        Filters: [
          { Name: "availability-zone-id", Values: [s.AvailabilityZoneId!] },
          { Name: "vpc-id", Values: [id] },
        ],
      }),
    );
    expect(byZoneId.Subnets?.map((x) => x.SubnetId)).toEqual([s.SubnetId]);
  });

  it("rejects a CIDR outside the VPC with InvalidSubnet.Range and an overlapping one with InvalidSubnet.Conflict", async () => {
    const id = await vpc("10.51.0.0/16");
    await subnet(id, "10.51.16.0/20", `${REGION}a`);

    const outside = await sdkError(() => h.ec2.send(new CreateSubnetCommand({ VpcId: id, CidrBlock: "10.52.0.0/24" })));
    expect(outside.name).toBe("InvalidSubnet.Range");
    expect(outside.$metadata.httpStatusCode).toBe(400);
    const wider = await sdkError(() => h.ec2.send(new CreateSubnetCommand({ VpcId: id, CidrBlock: "10.51.0.0/15" })));
    expect(wider.name).toBe("InvalidSubnet.Range");

    const inside = await sdkError(() => h.ec2.send(new CreateSubnetCommand({ VpcId: id, CidrBlock: "10.51.20.0/24" })));
    expect(inside.name).toBe("InvalidSubnet.Conflict");
    const around = await sdkError(() => h.ec2.send(new CreateSubnetCommand({ VpcId: id, CidrBlock: "10.51.0.0/18" })));
    expect(around.name).toBe("InvalidSubnet.Conflict");
    const same = await sdkError(() => h.ec2.send(new CreateSubnetCommand({ VpcId: id, CidrBlock: "10.51.16.0/20" })));
    expect(same.name).toBe("InvalidSubnet.Conflict");

    // Adjacent ranges do not overlap, and the same range in another VPC is fine.
    await subnet(id, "10.51.32.0/20", `${REGION}c`);
    const other = await vpc("10.51.0.0/16");
    await subnet(other, "10.51.16.0/20", `${REGION}a`);
    const listed = await h.ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: "vpc-id", Values: [id] }] }));
    expect(listed.Subnets?.map((x) => x.CidrBlock).sort()).toEqual(["10.51.16.0/20", "10.51.32.0/20"]);
  });

  it("filters subnets by vpc-id and availability-zone, and deletes them", async () => {
    const a = await vpc("10.53.0.0/16");
    const b = await vpc("10.54.0.0/16");
    const a1 = await subnet(a, "10.53.0.0/24", `${REGION}a`);
    const a3 = await subnet(a, "10.53.1.0/24", `${REGION}c`);
    const a4 = await subnet(a, "10.53.2.0/24", `${REGION}d`);
    const b1 = await subnet(b, "10.54.0.0/24", `${REGION}a`);

    const ids = async (filters: Filter[]) =>
      ((await h.ec2.send(new DescribeSubnetsCommand({ Filters: filters }))).Subnets ?? [])
        .map((s) => s.SubnetId!)
        .sort();
    expect(await ids([{ Name: "vpc-id", Values: [a] }])).toEqual([a1, a3, a4].sort());
    expect(await ids([{ Name: "vpc-id", Values: [a, b] }])).toEqual([a1, a3, a4, b1].sort());
    expect(
      await ids([
        { Name: "vpc-id", Values: [a, b] },
        { Name: "availability-zone", Values: [`${REGION}a`] },
      ]),
    ).toEqual([a1, b1].sort());
    expect(
      await ids([
        { Name: "vpc-id", Values: [a] },
        { Name: "availability-zone", Values: [`${REGION}c`, `${REGION}d`] },
      ]),
    ).toEqual([a3, a4].sort());
    expect(
      await ids([
        { Name: "vpc-id", Values: [b] },
        { Name: "availability-zone", Values: [`${REGION}d`] },
      ]),
    ).toEqual([]);

    const byIds = await h.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [b1, a3] }));
    expect(byIds.Subnets?.map((s) => s.SubnetId)).toEqual([b1, a3]);

    await h.ec2.send(new DeleteSubnetCommand({ SubnetId: a3 }));
    expect(await ids([{ Name: "vpc-id", Values: [a] }])).toEqual([a1, a4].sort());
    const gone = await sdkError(() => h.ec2.send(new DescribeSubnetsCommand({ SubnetIds: [a3] })));
    expect(gone.name).toBe("InvalidSubnetID.NotFound");
    expect(gone.$metadata.httpStatusCode).toBe(400);
    expect(gone.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(gone.message).toContain(a3);
    const again = await sdkError(() => h.ec2.send(new DeleteSubnetCommand({ SubnetId: a3 })));
    expect(again.name).toBe("InvalidSubnetID.NotFound");
  });
});

describe("availability zones", () => {
  it("lists the region's zones and filters them by name and id", async () => {
    const all = await h.ec2.send(new DescribeAvailabilityZonesCommand({}));
    const zones = all.AvailabilityZones ?? [];
    expect(zones.map((z) => z.ZoneName)).toEqual([`${REGION}a`, `${REGION}c`, `${REGION}d`]);
    for (const z of zones) {
      expect(z.State).toBe("available");
      expect(z.RegionName).toBe(REGION);
      expect(z.ZoneType).toBe("availability-zone");
      expect(z.ZoneId).toMatch(/^apne1-az\d$/);
    }
    expect(new Set(zones.map((z) => z.ZoneId)).size).toBe(3);

    const byName = await h.ec2.send(
      new DescribeAvailabilityZonesCommand({ Filters: [{ Name: "zone-name", Values: [`${REGION}d`] }] }),
    );
    expect(byName.AvailabilityZones?.map((z) => z.ZoneName)).toEqual([`${REGION}d`]);
    const byId = await h.ec2.send(new DescribeAvailabilityZonesCommand({ ZoneIds: [zones[0]!.ZoneId!] }));
    expect(byId.AvailabilityZones?.map((z) => z.ZoneName)).toEqual([`${REGION}a`]);

    const other = h.clientsFor("test", "us-east-1").ec2;
    const east = await other.send(new DescribeAvailabilityZonesCommand({}));
    other.destroy();
    expect(east.AvailabilityZones?.map((z) => z.ZoneName)).toEqual(["us-east-1a", "us-east-1c", "us-east-1d"]);
    expect(east.AvailabilityZones?.every((z) => /^use1-az\d$/.test(z.ZoneId!))).toBe(true);
  });
});
