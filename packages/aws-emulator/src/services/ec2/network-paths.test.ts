import {
  AssociateRouteTableCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateManagedPrefixListCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  DeleteManagedPrefixListCommand,
  DeleteNetworkAclCommand,
  DeleteNetworkAclEntryCommand,
  DeleteRouteTableCommand,
  DeleteSubnetCommand,
  DeleteVpcCommand,
  DescribeManagedPrefixListsCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcAttributeCommand,
  DisassociateRouteTableCommand,
  GetManagedPrefixListEntriesCommand,
  ModifyManagedPrefixListCommand,
  ModifyVpcAttributeCommand,
  ReplaceNetworkAclAssociationCommand,
  ReplaceNetworkAclEntryCommand,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";
import { createTestVpc } from "../../testing/network.js";

const REGION = "ap-northeast-1";
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const aclOf = async (subnetId: string) =>
  (
    await h.ec2.send(
      new DescribeNetworkAclsCommand({ Filters: [{ Name: "association.subnet-id", Values: [subnetId] }] }),
    )
  ).NetworkAcls ?? [];

describe("VPC attributes", () => {
  it("answer AWS's defaults (DNS resolution on, hostnames off) and change one at a time", async () => {
    const vpc = await createTestVpc(h.ec2, 1, { groups: 0 });
    const read = async (Attribute: "enableDnsSupport" | "enableDnsHostnames" | "enableNetworkAddressUsageMetrics") =>
      h.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpc.vpcId, Attribute }));
    expect((await read("enableDnsSupport")).EnableDnsSupport?.Value).toBe(true);
    expect((await read("enableDnsHostnames")).EnableDnsHostnames?.Value).toBe(false);
    expect((await read("enableNetworkAddressUsageMetrics")).EnableNetworkAddressUsageMetrics?.Value).toBe(false);
    await h.ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpc.vpcId, EnableDnsHostnames: { Value: true } }));
    expect((await read("enableDnsHostnames")).EnableDnsHostnames?.Value).toBe(true);
    const both = await sdkError(() =>
      h.ec2.send(
        new ModifyVpcAttributeCommand({
          VpcId: vpc.vpcId,
          EnableDnsHostnames: { Value: true },
          EnableDnsSupport: { Value: true },
        }),
      ),
    );
    expect(both.name).toBe("InvalidParameterCombination");
    const noResolution = await sdkError(() =>
      h.ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpc.vpcId, EnableDnsSupport: { Value: false } })),
    );
    expect(noResolution.name).toBe("InvalidParameterValue");
    const unknown = await sdkError(() =>
      h.ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpc.vpcId, Attribute: "enableBananas" as never })),
    );
    expect(unknown.name).toBe("InvalidParameterValue");
  });
});

describe("route tables", () => {
  it("give each VPC a main table with its local route; subnets can be associated with another", async () => {
    const vpc = await createTestVpc(h.ec2, 2, { groups: 0 });
    const main = await h.ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [
          { Name: "vpc-id", Values: [vpc.vpcId] },
          { Name: "association.main", Values: ["true"] },
        ],
      }),
    );
    expect(main.RouteTables).toHaveLength(1);
    const table = main.RouteTables![0]!;
    expect(table.RouteTableId).toMatch(/^rtb-0[0-9a-f]{16}$/);
    expect(table.Routes).toEqual([
      { DestinationCidrBlock: "10.2.0.0/16", GatewayId: "local", Origin: "CreateRouteTable", State: "active" },
    ]);
    expect(table.Associations?.[0]).toMatchObject({ Main: true, AssociationState: { State: "associated" } });

    const custom = await h.ec2.send(new CreateRouteTableCommand({ VpcId: vpc.vpcId }));
    const customId = custom.RouteTable!.RouteTableId!;
    await h.ec2.send(
      new CreateRouteCommand({
        RouteTableId: customId,
        DestinationCidrBlock: "0.0.0.0/0",
        NatGatewayId: "nat-0123456789abcdef0",
      }),
    );
    const inVpc = await sdkError(() =>
      h.ec2.send(
        new CreateRouteCommand({
          RouteTableId: customId,
          DestinationCidrBlock: "10.2.1.0/24",
          GatewayId: "igw-01234567",
        }),
      ),
    );
    expect(inVpc.name).toBe("InvalidParameterValue");
    const twice = await sdkError(() =>
      h.ec2.send(
        new CreateRouteCommand({
          RouteTableId: customId,
          DestinationCidrBlock: "0.0.0.0/0",
          GatewayId: "igw-01234567",
        }),
      ),
    );
    expect(twice.name).toBe("RouteAlreadyExists");
    const association = await h.ec2.send(
      new AssociateRouteTableCommand({ RouteTableId: customId, SubnetId: vpc.subnetIds[0]! }),
    );
    expect(association.AssociationId).toMatch(/^rtbassoc-0[0-9a-f]{16}$/);
    const bySubnet = await h.ec2.send(
      new DescribeRouteTablesCommand({
        Filters: [{ Name: "association.subnet-id", Values: [vpc.subnetIds[0]!] }],
      }),
    );
    expect(bySubnet.RouteTables?.map((t) => t.RouteTableId)).toEqual([customId]);
    expect(bySubnet.RouteTables?.[0]?.Routes?.map((r) => r.NatGatewayId ?? r.GatewayId)).toEqual([
      "local",
      "nat-0123456789abcdef0",
    ]);
    const inUse = await sdkError(() => h.ec2.send(new DeleteRouteTableCommand({ RouteTableId: customId })));
    expect(inUse.name).toBe("DependencyViolation");
    const blocked = await sdkError(() => h.ec2.send(new DeleteVpcCommand({ VpcId: vpc.vpcId })));
    expect(blocked.name).toBe("DependencyViolation");

    await h.ec2.send(new DisassociateRouteTableCommand({ AssociationId: association.AssociationId }));
    await h.ec2.send(new DeleteRouteTableCommand({ RouteTableId: customId }));
    for (const subnetId of vpc.subnetIds) await h.ec2.send(new DeleteSubnetCommand({ SubnetId: subnetId }));
    await h.ec2.send(new DeleteVpcCommand({ VpcId: vpc.vpcId }));
    const left = await h.ec2.send(
      new DescribeRouteTablesCommand({ Filters: [{ Name: "vpc-id", Values: [vpc.vpcId] }] }),
    );
    expect(left.RouteTables).toEqual([]);
  });
});

describe("network ACLs", () => {
  it("give each VPC a default ACL with AWS's rules that its subnets join; a custom ACL can deny a port on one subnet", async () => {
    const vpc = await createTestVpc(h.ec2, 3, { groups: 0 });
    const [a, c] = vpc.subnetIds as [string, string];
    const [defaultAcl] = await aclOf(a);
    expect(defaultAcl).toMatchObject({ IsDefault: true, VpcId: vpc.vpcId });
    expect(defaultAcl!.NetworkAclId).toMatch(/^acl-0[0-9a-f]{16}$/);
    expect(defaultAcl!.Entries?.map((e) => [e.Egress, e.RuleNumber, e.Protocol, e.RuleAction, e.CidrBlock])).toEqual([
      [true, 100, "-1", "allow", "0.0.0.0/0"],
      [true, 32767, "-1", "deny", "0.0.0.0/0"],
      [false, 100, "-1", "allow", "0.0.0.0/0"],
      [false, 32767, "-1", "deny", "0.0.0.0/0"],
    ]);
    expect(defaultAcl!.Associations?.map((x) => x.SubnetId).sort()).toEqual([a, c].sort());
    const late = await h.ec2.send(
      new CreateSubnetCommand({ VpcId: vpc.vpcId, CidrBlock: "10.3.64.0/20", AvailabilityZone: `${REGION}d` }),
    );
    expect((await aclOf(late.Subnet!.SubnetId!))[0]?.NetworkAclId).toBe(defaultAcl!.NetworkAclId);

    const custom = await h.ec2.send(new CreateNetworkAclCommand({ VpcId: vpc.vpcId }));
    const aclId = custom.NetworkAcl!.NetworkAclId!;
    expect(custom.NetworkAcl?.Entries?.map((e) => [e.RuleNumber, e.RuleAction])).toEqual([
      [32767, "deny"],
      [32767, "deny"],
    ]);
    await h.ec2.send(
      new CreateNetworkAclEntryCommand({
        NetworkAclId: aclId,
        RuleNumber: 100,
        Protocol: "6",
        RuleAction: "deny",
        Egress: false,
        CidrBlock: "0.0.0.0/0",
        PortRange: { From: 5432, To: 5432 },
      }),
    );
    await h.ec2.send(
      new CreateNetworkAclEntryCommand({
        NetworkAclId: aclId,
        RuleNumber: 200,
        Protocol: "-1",
        RuleAction: "allow",
        Egress: false,
        CidrBlock: "0.0.0.0/0",
      }),
    );
    const duplicate = await sdkError(() =>
      h.ec2.send(
        new CreateNetworkAclEntryCommand({
          NetworkAclId: aclId,
          RuleNumber: 100,
          Protocol: "-1",
          RuleAction: "allow",
          Egress: false,
          CidrBlock: "0.0.0.0/0",
        }),
      ),
    );
    expect(duplicate.name).toBe("NetworkAclEntryAlreadyExists");
    const noPorts = await sdkError(() =>
      h.ec2.send(
        new CreateNetworkAclEntryCommand({
          NetworkAclId: aclId,
          RuleNumber: 110,
          Protocol: "tcp",
          RuleAction: "allow",
          Egress: true,
          CidrBlock: "0.0.0.0/0",
        }),
      ),
    );
    expect(noPorts.name).toBe("MissingParameter");

    const moved = await h.ec2.send(
      new ReplaceNetworkAclAssociationCommand({
        AssociationId: defaultAcl!.Associations!.find((x) => x.SubnetId === a)!.NetworkAclAssociationId,
        NetworkAclId: aclId,
      }),
    );
    expect(moved.NewAssociationId).toMatch(/^aclassoc-0[0-9a-f]{16}$/);
    const [now] = await aclOf(a);
    expect(now?.NetworkAclId).toBe(aclId);
    expect(
      now?.Entries?.filter((e) => !e.Egress).map((e) => [e.RuleNumber, e.Protocol, e.PortRange?.From, e.RuleAction]),
    ).toEqual([
      [100, "6", 5432, "deny"],
      [200, "-1", undefined, "allow"],
      [32767, "-1", undefined, "deny"],
    ]);
    expect((await aclOf(c))[0]?.NetworkAclId).toBe(defaultAcl!.NetworkAclId);

    await h.ec2.send(
      new ReplaceNetworkAclEntryCommand({
        NetworkAclId: aclId,
        RuleNumber: 100,
        Protocol: "6",
        RuleAction: "allow",
        Egress: false,
        CidrBlock: "0.0.0.0/0",
        PortRange: { From: 5432, To: 5432 },
      }),
    );
    await h.ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: aclId, RuleNumber: 200, Egress: false }));
    const missing = await sdkError(() =>
      h.ec2.send(new DeleteNetworkAclEntryCommand({ NetworkAclId: aclId, RuleNumber: 200, Egress: false })),
    );
    expect(missing.name).toBe("InvalidNetworkAclEntry.NotFound");
    const inUse = await sdkError(() => h.ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: aclId })));
    expect(inUse.name).toBe("DependencyViolation");
    const theDefault = await sdkError(() =>
      h.ec2.send(new DeleteNetworkAclCommand({ NetworkAclId: defaultAcl!.NetworkAclId })),
    );
    expect(theDefault.name).toBe("InvalidParameterValue");
  });
});

describe("managed prefix lists", () => {
  it("list the Region's VPC Lattice prefix lists, which security-group rules can name", async () => {
    const lists = await h.ec2.send(new DescribeManagedPrefixListsCommand({}));
    const lattice = lists.PrefixLists?.find((l) => l.PrefixListName === `com.amazonaws.${REGION}.vpc-lattice`);
    expect(lattice).toMatchObject({ AddressFamily: "IPv4", OwnerId: "AWS", State: "create-complete" });
    expect(lattice!.PrefixListId).toMatch(/^pl-[0-9a-f]{8}$/);
    expect(lattice!.PrefixListArn).toBe(`arn:aws:ec2:${REGION}:aws:prefix-list/${lattice!.PrefixListId}`);
    const ipv6 = lists.PrefixLists?.find((l) => l.PrefixListName === `com.amazonaws.${REGION}.ipv6.vpc-lattice`);
    expect(ipv6?.AddressFamily).toBe("IPv6");
    const entries = await h.ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: lattice!.PrefixListId }));
    expect(entries.Entries?.map((e) => e.Cidr)).toEqual(["169.254.171.0/24", "129.224.0.0/17"]);
    const byName = await h.ec2.send(
      new DescribeManagedPrefixListsCommand({
        Filters: [{ Name: "prefix-list-name", Values: [`com.amazonaws.${REGION}.vpc-lattice`] }],
      }),
    );
    expect(byName.PrefixLists?.map((l) => l.PrefixListId)).toEqual([lattice!.PrefixListId]);

    const vpc = await createTestVpc(h.ec2, 4, { groups: 1 });
    await h.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: vpc.groupIds[0],
        IpPermissions: [
          { IpProtocol: "tcp", FromPort: 443, ToPort: 443, PrefixListIds: [{ PrefixListId: lattice!.PrefixListId }] },
        ],
      }),
    );
    const group = await h.ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [{ Name: "ip-permission.prefix-list-id", Values: [lattice!.PrefixListId!] }],
      }),
    );
    expect(group.SecurityGroups?.map((g) => g.GroupId)).toEqual([vpc.groupIds[0]]);
    expect(group.SecurityGroups?.[0]?.IpPermissions?.[0]?.PrefixListIds).toEqual([
      { PrefixListId: lattice!.PrefixListId },
    ]);
    const unknown = await sdkError(() =>
      h.ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: vpc.groupIds[0],
          IpPermissions: [
            { IpProtocol: "tcp", FromPort: 80, ToPort: 80, PrefixListIds: [{ PrefixListId: "pl-00000000" }] },
          ],
        }),
      ),
    );
    expect(unknown.name).toBe("InvalidPrefixListID.NotFound");
  });

  it("create, change and delete customer-managed lists; AWS's own cannot change", async () => {
    const created = await h.ec2.send(
      new CreateManagedPrefixListCommand({
        PrefixListName: "office",
        AddressFamily: "IPv4",
        MaxEntries: 2,
        Entries: [{ Cidr: "203.0.113.0/24", Description: "office" }],
      }),
    );
    const id = created.PrefixList!.PrefixListId!;
    expect(created.PrefixList).toMatchObject({ OwnerId: "111122223333", Version: 1, MaxEntries: 2 });
    const modified = await h.ec2.send(
      new ModifyManagedPrefixListCommand({
        PrefixListId: id,
        CurrentVersion: 1,
        AddEntries: [{ Cidr: "198.51.100.0/24" }],
      }),
    );
    expect(modified.PrefixList?.Version).toBe(2);
    const stale = await sdkError(() =>
      h.ec2.send(
        new ModifyManagedPrefixListCommand({
          PrefixListId: id,
          CurrentVersion: 1,
          AddEntries: [{ Cidr: "192.0.2.0/24" }],
        }),
      ),
    );
    expect(stale.name).toBe("PrefixListVersionMismatch");
    const full = await sdkError(() =>
      h.ec2.send(new ModifyManagedPrefixListCommand({ PrefixListId: id, AddEntries: [{ Cidr: "192.0.2.0/24" }] })),
    );
    expect(full.name).toBe("InvalidParameterValue");
    const lattice = (await h.ec2.send(new DescribeManagedPrefixListsCommand({}))).PrefixLists!.find((l) =>
      l.PrefixListName?.endsWith(".vpc-lattice"),
    )!;
    const theirs = await sdkError(() =>
      h.ec2.send(new DeleteManagedPrefixListCommand({ PrefixListId: lattice.PrefixListId })),
    );
    expect(theirs.name).toBe("UnauthorizedOperation");
    await h.ec2.send(new DeleteManagedPrefixListCommand({ PrefixListId: id }));
    const gone = await sdkError(() => h.ec2.send(new GetManagedPrefixListEntriesCommand({ PrefixListId: id })));
    expect(gone.name).toBe("InvalidPrefixListID.NotFound");
  });
});
