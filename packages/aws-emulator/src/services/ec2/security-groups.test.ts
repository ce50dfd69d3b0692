import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVpcCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  RevokeSecurityGroupEgressCommand,
  RevokeSecurityGroupIngressCommand,
  type SecurityGroup,
} from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";

const ACCOUNT = "111122223333";
const REGION = "ap-northeast-1";

let h: Harness;
let octet = 100;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function newVpc(): Promise<string> {
  const created = await h.ec2.send(new CreateVpcCommand({ CidrBlock: `10.${octet++}.0.0/16` }));
  return created.Vpc!.VpcId!;
}

async function group(vpcId: string, name: string): Promise<string> {
  const created = await h.ec2.send(
    new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: name, Description: `${name} group` }),
  );
  return created.GroupId!;
}

async function describeGroup(groupId: string): Promise<SecurityGroup> {
  const out = await h.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }));
  expect(out.SecurityGroups).toHaveLength(1);
  return out.SecurityGroups![0]!;
}

async function rulesOf(groupId: string) {
  const out = await h.ec2.send(
    new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [groupId] }] }),
  );
  return out.SecurityGroupRules ?? [];
}

/** The IpPermission of a protocol/port, for readable assertions. */
function permission(list: SecurityGroup["IpPermissions"], protocol: string, port?: number) {
  return (list ?? []).find((p) => p.IpProtocol === protocol && p.FromPort === port);
}

describe("security groups through the real EC2 client", () => {
  it("creates a group with an allow-all egress rule and no ingress, and rejects duplicates and reserved names", async () => {
    const vpcId = await newVpc();
    const created = await h.ec2.send(
      new CreateSecurityGroupCommand({
        VpcId: vpcId,
        GroupName: "web",
        Description: "web tier",
        TagSpecifications: [{ ResourceType: "security-group", Tags: [{ Key: "Name", Value: "web" }] }],
      }),
    );
    expect(created.GroupId).toMatch(/^sg-0[0-9a-f]{16}$/);
    expect(created.SecurityGroupArn).toBe(`arn:aws:ec2:${REGION}:${ACCOUNT}:security-group/${created.GroupId}`);
    expect(created.Tags).toEqual([{ Key: "Name", Value: "web" }]);

    const sg = await describeGroup(created.GroupId!);
    expect(sg).toMatchObject({
      GroupName: "web",
      Description: "web tier",
      VpcId: vpcId,
      OwnerId: ACCOUNT,
      Tags: [{ Key: "Name", Value: "web" }],
    });
    expect(sg.IpPermissions).toEqual([]);
    expect(sg.IpPermissionsEgress).toEqual([
      {
        IpProtocol: "-1",
        IpRanges: [{ CidrIp: "0.0.0.0/0" }],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      },
    ]);

    const duplicate = await sdkError(() =>
      h.ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "web", Description: "again" })),
    );
    expect(duplicate.name).toBe("InvalidGroup.Duplicate");
    expect(duplicate.$metadata.httpStatusCode).toBe(400);
    expect(duplicate.message).toContain(vpcId);
    const defaultName = await sdkError(() =>
      h.ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "default", Description: "x" })),
    );
    expect(defaultName.name).toBe("InvalidGroup.Duplicate");

    // The same name in another VPC is a different group.
    const otherVpc = await newVpc();
    const other = await group(otherVpc, "web");
    expect(other).not.toBe(created.GroupId);
    const named = await h.ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [
          { Name: "group-name", Values: ["web"] },
          { Name: "vpc-id", Values: [vpcId, otherVpc] },
        ],
      }),
    );
    expect(named.SecurityGroups?.map((g) => g.GroupId).sort()).toEqual([created.GroupId, other].sort());

    const reserved = await sdkError(() =>
      h.ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "sg-lookalike", Description: "x" })),
    );
    expect(reserved.name).toBe("InvalidParameterValue");
    const noVpc = await sdkError(() =>
      h.ec2.send(new CreateSecurityGroupCommand({ VpcId: "vpc-0123456789abcdef0", GroupName: "x", Description: "x" })),
    );
    expect(noVpc.name).toBe("InvalidVpcID.NotFound");
  });

  it("authorizes ingress from CIDRs and groups, returns the new sgr- rules, and groups them by protocol and ports in DescribeSecurityGroups", async () => {
    const vpcId = await newVpc();
    const app = await group(vpcId, "app");
    const lb = await group(vpcId, "lb");

    const granted = await h.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: app,
        IpPermissions: [
          {
            IpProtocol: "tcp",
            FromPort: 443,
            ToPort: 443,
            IpRanges: [{ CidrIp: "10.0.0.0/8", Description: "corp" }, { CidrIp: "192.168.0.0/16" }],
            UserIdGroupPairs: [{ GroupId: lb, Description: "from lb" }],
          },
          { IpProtocol: "tcp", FromPort: 8000, ToPort: 8100, UserIdGroupPairs: [{ GroupId: lb }] },
        ],
      }),
    );
    expect(granted.Return).toBe(true);
    const rules = granted.SecurityGroupRules ?? [];
    expect(rules).toHaveLength(4);
    for (const rule of rules) {
      expect(rule.SecurityGroupRuleId).toMatch(/^sgr-0[0-9a-f]{16}$/);
      expect(rule.GroupId).toBe(app);
      expect(rule.GroupOwnerId).toBe(ACCOUNT);
      expect(rule.IsEgress).toBe(false);
      expect(rule.IpProtocol).toBe("tcp");
    }
    expect(new Set(rules.map((r) => r.SecurityGroupRuleId)).size).toBe(4);
    expect(rules.find((r) => r.CidrIpv4 === "10.0.0.0/8")).toMatchObject({
      FromPort: 443,
      ToPort: 443,
      Description: "corp",
    });
    expect(rules.find((r) => r.CidrIpv4 === "192.168.0.0/16")?.Description).toBeUndefined();
    const fromLb = rules.filter((r) => r.ReferencedGroupInfo?.GroupId === lb);
    expect(fromLb.map((r) => [r.FromPort, r.ToPort]).sort()).toEqual([
      [443, 443],
      [8000, 8100],
    ]);
    expect(fromLb.every((r) => r.CidrIpv4 === undefined && r.ReferencedGroupInfo?.UserId === ACCOUNT)).toBe(true);

    const sg = await describeGroup(app);
    expect(sg.IpPermissions).toHaveLength(2);
    expect(permission(sg.IpPermissions, "tcp", 443)).toEqual({
      IpProtocol: "tcp",
      FromPort: 443,
      ToPort: 443,
      IpRanges: [{ CidrIp: "10.0.0.0/8", Description: "corp" }, { CidrIp: "192.168.0.0/16" }],
      Ipv6Ranges: [],
      PrefixListIds: [],
      UserIdGroupPairs: [expect.objectContaining({ GroupId: lb, UserId: ACCOUNT, Description: "from lb" })],
    });
    expect(permission(sg.IpPermissions, "tcp", 8000)).toMatchObject({
      ToPort: 8100,
      IpRanges: [],
      UserIdGroupPairs: [expect.objectContaining({ GroupId: lb, UserId: ACCOUNT })],
    });

    // Protocol numbers are stored by name, as AWS shows them.
    const numbered = await h.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: app,
        IpPermissions: [{ IpProtocol: "6", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "10.1.2.3/32" }] }],
      }),
    );
    expect(numbered.SecurityGroupRules?.[0]?.IpProtocol).toBe("tcp");

    const badPorts = await sdkError(() =>
      h.ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: app,
          IpPermissions: [{ IpProtocol: "tcp", FromPort: 90, ToPort: 80, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }],
        }),
      ),
    );
    expect(badPorts.name).toBe("InvalidParameterValue");
    const badProtocol = await sdkError(() =>
      h.ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: app,
          IpPermissions: [{ IpProtocol: "smtp", FromPort: 25, ToPort: 25, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }],
        }),
      ),
    );
    expect(badProtocol.name).toBe("InvalidParameterValue");
    const unknownPeer = await sdkError(() =>
      h.ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: app,
          IpPermissions: [
            { IpProtocol: "tcp", FromPort: 1, ToPort: 1, UserIdGroupPairs: [{ GroupId: "sg-0123456789abcdef0" }] },
          ],
        }),
      ),
    );
    expect(unknownPeer.name).toBe("InvalidGroup.NotFound");
    const unknownGroup = await sdkError(() =>
      h.ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: "sg-0123456789abcdef0",
          IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "10.0.0.0/8" }] }],
        }),
      ),
    );
    expect(unknownGroup.name).toBe("InvalidGroup.NotFound");
    expect(await rulesOf(app)).toHaveLength(1 + 4 + 1);
  });

  it("rejects a duplicate rule with InvalidPermission.Duplicate and adds nothing from a batch that holds one", async () => {
    const vpcId = await newVpc();
    const db = await group(vpcId, "db");
    await h.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: db,
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: "10.0.0.0/16" }] }],
      }),
    );
    const before = await rulesOf(db);

    const duplicate = await sdkError(() =>
      h.ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: db,
          IpPermissions: [{ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: "10.0.0.0/16" }] }],
        }),
      ),
    );
    expect(duplicate.name).toBe("InvalidPermission.Duplicate");
    expect(duplicate.$metadata.httpStatusCode).toBe(400);
    expect(duplicate.message).toContain("10.0.0.0/16");

    const mixed = await sdkError(() =>
      h.ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: db,
          IpPermissions: [
            {
              IpProtocol: "tcp",
              FromPort: 5432,
              ToPort: 5432,
              IpRanges: [{ CidrIp: "172.16.0.0/12" }, { CidrIp: "10.0.0.0/16" }],
            },
          ],
        }),
      ),
    );
    expect(mixed.name).toBe("InvalidPermission.Duplicate");
    expect((await rulesOf(db)).map((r) => r.SecurityGroupRuleId).sort()).toEqual(
      before.map((r) => r.SecurityGroupRuleId).sort(),
    );

    // The default egress rule exists already, so authorizing it again is a duplicate too.
    const egressDuplicate = await sdkError(() =>
      h.ec2.send(
        new AuthorizeSecurityGroupEgressCommand({
          GroupId: db,
          IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
        }),
      ),
    );
    expect(egressDuplicate.name).toBe("InvalidPermission.Duplicate");
    // The same peer and ports on the other direction is a different rule.
    const egress = await h.ec2.send(
      new AuthorizeSecurityGroupEgressCommand({
        GroupId: db,
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: "10.0.0.0/16" }] }],
      }),
    );
    expect(egress.SecurityGroupRules?.[0]?.IsEgress).toBe(true);
  });

  it("authorizes egress to a group and shows it in IpPermissionsEgress next to the default rule", async () => {
    const vpcId = await newVpc();
    const app = await group(vpcId, "app");
    const db = await group(vpcId, "db");
    const granted = await h.ec2.send(
      new AuthorizeSecurityGroupEgressCommand({
        GroupId: app,
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: db }] }],
      }),
    );
    expect(granted.Return).toBe(true);
    expect(granted.SecurityGroupRules).toHaveLength(1);
    expect(granted.SecurityGroupRules![0]).toMatchObject({
      SecurityGroupRuleId: expect.stringMatching(/^sgr-0[0-9a-f]{16}$/),
      GroupId: app,
      IsEgress: true,
      IpProtocol: "tcp",
      FromPort: 5432,
      ToPort: 5432,
      ReferencedGroupInfo: { GroupId: db, UserId: ACCOUNT },
    });

    const sg = await describeGroup(app);
    expect(sg.IpPermissions).toEqual([]);
    expect(sg.IpPermissionsEgress).toHaveLength(2);
    expect(permission(sg.IpPermissionsEgress, "-1")?.IpRanges).toEqual([{ CidrIp: "0.0.0.0/0" }]);
    expect(permission(sg.IpPermissionsEgress, "tcp", 5432)).toMatchObject({
      ToPort: 5432,
      IpRanges: [],
      UserIdGroupPairs: [expect.objectContaining({ GroupId: db, UserId: ACCOUNT })],
    });
    // db itself is untouched.
    expect((await describeGroup(db)).IpPermissionsEgress).toHaveLength(1);
  });

  it("describes rules by group-id and security-group-rule-id", async () => {
    const vpcId = await newVpc();
    const a = await group(vpcId, "a");
    const b = await group(vpcId, "b");
    const granted = await h.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: a,
        IpPermissions: [{ IpProtocol: "udp", FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: "10.0.0.0/8" }] }],
      }),
    );
    const ruleId = granted.SecurityGroupRules![0]!.SecurityGroupRuleId!;

    const ofA = await rulesOf(a);
    expect(ofA).toHaveLength(2);
    expect(ofA.every((r) => r.GroupId === a)).toBe(true);
    expect(ofA.find((r) => !r.IsEgress)).toMatchObject({
      SecurityGroupRuleId: ruleId,
      IpProtocol: "udp",
      FromPort: 53,
      ToPort: 53,
      CidrIpv4: "10.0.0.0/8",
    });
    expect(ofA.find((r) => !r.IsEgress)?.SecurityGroupRuleArn).toBe(
      `arn:aws:ec2:${REGION}:${ACCOUNT}:security-group-rule/${ruleId}`,
    );

    const both = await h.ec2.send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [a, b] }] }),
    );
    expect(both.SecurityGroupRules).toHaveLength(3);
    const byId = await h.ec2.send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "security-group-rule-id", Values: [ruleId] }] }),
    );
    expect(byId.SecurityGroupRules?.map((r) => r.GroupId)).toEqual([a]);
    const byIds = await h.ec2.send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: [ruleId] }));
    expect(byIds.SecurityGroupRules?.map((r) => r.SecurityGroupRuleId)).toEqual([ruleId]);

    const missing = await sdkError(() =>
      h.ec2.send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: ["sgr-0123456789abcdef0"] })),
    );
    expect(missing.name).toBe("InvalidSecurityGroupRuleId.NotFound");
    expect(missing.$metadata.httpStatusCode).toBe(400);
  });

  it("revokes ingress by IpPermissions and by SecurityGroupRuleIds, and answers InvalidPermission.NotFound for a rule that does not exist", async () => {
    const vpcId = await newVpc();
    const app = await group(vpcId, "app");
    const lb = await group(vpcId, "lb");
    const granted = await h.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: app,
        IpPermissions: [
          {
            IpProtocol: "tcp",
            FromPort: 443,
            ToPort: 443,
            IpRanges: [{ CidrIp: "10.0.0.0/8" }, { CidrIp: "192.168.0.0/16" }],
          },
          { IpProtocol: "tcp", FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: lb }] },
        ],
      }),
    );
    const idOf = (predicate: (r: NonNullable<typeof granted.SecurityGroupRules>[number]) => boolean) =>
      granted.SecurityGroupRules!.find(predicate)!.SecurityGroupRuleId!;
    const wideId = idOf((r) => r.CidrIpv4 === "192.168.0.0/16");
    const lbId = idOf((r) => r.ReferencedGroupInfo?.GroupId === lb);

    const byPermission = await h.ec2.send(
      new RevokeSecurityGroupIngressCommand({
        GroupId: app,
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "192.168.0.0/16" }] }],
      }),
    );
    expect(byPermission.Return).toBe(true);
    expect(byPermission.RevokedSecurityGroupRules).toEqual([
      expect.objectContaining({
        SecurityGroupRuleId: wideId,
        GroupId: app,
        IsEgress: false,
        CidrIpv4: "192.168.0.0/16",
        FromPort: 443,
        ToPort: 443,
      }),
    ]);
    let sg = await describeGroup(app);
    expect(permission(sg.IpPermissions, "tcp", 443)?.IpRanges).toEqual([{ CidrIp: "10.0.0.0/8" }]);

    const byId = await h.ec2.send(
      new RevokeSecurityGroupIngressCommand({ GroupId: app, SecurityGroupRuleIds: [lbId] }),
    );
    expect(byId.Return).toBe(true);
    expect(byId.RevokedSecurityGroupRules?.map((r) => [r.SecurityGroupRuleId, r.ReferencedGroupId])).toEqual([
      [lbId, lb],
    ]);
    sg = await describeGroup(app);
    expect(sg.IpPermissions?.map((p) => p.FromPort)).toEqual([443]);
    expect((await rulesOf(app)).map((r) => r.SecurityGroupRuleId)).not.toContain(lbId);

    const notThere = await sdkError(() =>
      h.ec2.send(
        new RevokeSecurityGroupIngressCommand({
          GroupId: app,
          IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "172.16.0.0/12" }] }],
        }),
      ),
    );
    expect(notThere.name).toBe("InvalidPermission.NotFound");
    expect(notThere.$metadata.httpStatusCode).toBe(400);
    const revokedTwice = await sdkError(() =>
      h.ec2.send(
        new RevokeSecurityGroupIngressCommand({
          GroupId: app,
          IpPermissions: [{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "192.168.0.0/16" }] }],
        }),
      ),
    );
    expect(revokedTwice.name).toBe("InvalidPermission.NotFound");
    // One unknown range in the request revokes nothing, not even the known one.
    const partly = await sdkError(() =>
      h.ec2.send(
        new RevokeSecurityGroupIngressCommand({
          GroupId: app,
          IpPermissions: [
            {
              IpProtocol: "tcp",
              FromPort: 443,
              ToPort: 443,
              IpRanges: [{ CidrIp: "10.0.0.0/8" }, { CidrIp: "172.16.0.0/12" }],
            },
          ],
        }),
      ),
    );
    expect(partly.name).toBe("InvalidPermission.NotFound");
    expect(permission((await describeGroup(app)).IpPermissions, "tcp", 443)?.IpRanges).toEqual([
      { CidrIp: "10.0.0.0/8" },
    ]);
    // An egress rule id is not an ingress rule of the group.
    const egressId = (await rulesOf(app)).find((r) => r.IsEgress)!.SecurityGroupRuleId!;
    const wrongDirection = await sdkError(() =>
      h.ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: app, SecurityGroupRuleIds: [egressId] })),
    );
    expect(wrongDirection.name).toBe("InvalidSecurityGroupRuleId.NotFound");
    expect(await rulesOf(app)).toHaveLength(2);

    const egress = await h.ec2.send(
      new RevokeSecurityGroupEgressCommand({
        GroupId: app,
        IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
      }),
    );
    expect(egress.RevokedSecurityGroupRules?.map((r) => r.SecurityGroupRuleId)).toEqual([egressId]);
    expect((await describeGroup(app)).IpPermissionsEgress).toEqual([]);
  });

  it("refuses to delete the default group (CannotDelete) and a group another group's rule references (DependencyViolation)", async () => {
    const vpcId = await newVpc();
    const defaults = await h.ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [
          { Name: "vpc-id", Values: [vpcId] },
          { Name: "group-name", Values: ["default"] },
        ],
      }),
    );
    const defaultId = defaults.SecurityGroups![0]!.GroupId!;
    const cannot = await sdkError(() => h.ec2.send(new DeleteSecurityGroupCommand({ GroupId: defaultId })));
    expect(cannot.name).toBe("CannotDelete");
    expect(cannot.$metadata.httpStatusCode).toBe(400);

    const app = await group(vpcId, "app");
    const lb = await group(vpcId, "lb");
    await h.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: app,
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 80, ToPort: 80, UserIdGroupPairs: [{ GroupId: lb }] }],
      }),
    );
    const egress = await h.ec2.send(
      new AuthorizeSecurityGroupEgressCommand({
        GroupId: app,
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 9000, ToPort: 9000, UserIdGroupPairs: [{ GroupId: lb }] }],
      }),
    );

    const inUse = await sdkError(() => h.ec2.send(new DeleteSecurityGroupCommand({ GroupId: lb })));
    expect(inUse.name).toBe("DependencyViolation");
    expect(inUse.$metadata.httpStatusCode).toBe(400);
    expect(inUse.message).toContain(lb);
    expect((await describeGroup(lb)).GroupName).toBe("lb");

    await h.ec2.send(
      new RevokeSecurityGroupIngressCommand({
        GroupId: app,
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 80, ToPort: 80, UserIdGroupPairs: [{ GroupId: lb }] }],
      }),
    );
    // The egress rule still points at lb.
    const stillInUse = await sdkError(() => h.ec2.send(new DeleteSecurityGroupCommand({ GroupId: lb })));
    expect(stillInUse.name).toBe("DependencyViolation");
    await h.ec2.send(
      new RevokeSecurityGroupEgressCommand({
        GroupId: app,
        SecurityGroupRuleIds: [egress.SecurityGroupRules![0]!.SecurityGroupRuleId!],
      }),
    );

    const lbRules = (await rulesOf(lb)).map((r) => r.SecurityGroupRuleId);
    expect(lbRules).toHaveLength(1);
    const deleted = await h.ec2.send(new DeleteSecurityGroupCommand({ GroupId: lb }));
    expect(deleted.Return).toBe(true);
    expect(deleted.GroupId).toBe(lb);
    const gone = await sdkError(() => h.ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [lb] })));
    expect(gone.name).toBe("InvalidGroup.NotFound");
    expect(await rulesOf(lb)).toEqual([]);
    const ruleGone = await sdkError(() =>
      h.ec2.send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: lbRules as string[] })),
    );
    expect(ruleGone.name).toBe("InvalidSecurityGroupRuleId.NotFound");

    // A group that references itself only can be deleted.
    const self = await group(vpcId, "self");
    await h.ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: self,
        IpPermissions: [{ IpProtocol: "-1", UserIdGroupPairs: [{ GroupId: self }] }],
      }),
    );
    await h.ec2.send(new DeleteSecurityGroupCommand({ GroupId: self }));

    const unknown = await sdkError(() =>
      h.ec2.send(new DeleteSecurityGroupCommand({ GroupId: "sg-0123456789abcdef0" })),
    );
    expect(unknown.name).toBe("InvalidGroup.NotFound");
  });
});
