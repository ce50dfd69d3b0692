/** Security groups and their rules (rules are first-class; IpPermissions are derived from them). */
import type {
  AuthorizeSecurityGroupEgressRequest,
  AuthorizeSecurityGroupIngressRequest,
  CreateSecurityGroupRequest,
  DeleteSecurityGroupRequest,
  DescribeSecurityGroupRulesRequest,
  DescribeSecurityGroupsRequest,
  IpPermission,
  RevokeSecurityGroupEgressRequest,
  RevokeSecurityGroupIngressRequest,
} from "@aws-sdk/client-ec2";
import type { Handler, HandlerContext } from "../../../core/service.js";
import { ec2Error, invalidParameterValue } from "../errors.js";
import { applyFilters } from "../filters.js";
import { rulesByGroup, securityGroupRuleTable, securityGroupsByVpc, securityGroupTable } from "../indexes.js";
import type { SecurityGroupRecord, SecurityGroupRuleRecord } from "../state.js";
import { byIds, ec2Page, findGroup, findVpc, tagsFor } from "./common.js";
import { requirePrefixList } from "./prefix-lists.js";

const PROTOCOLS: Record<string, string> = { "6": "tcp", "17": "udp", "1": "icmp", all: "-1" };

function normaliseProtocol(protocol: string | undefined): string {
  const p = (protocol ?? "").toLowerCase();
  const value = PROTOCOLS[p] ?? p;
  if (!["tcp", "udp", "icmp", "icmpv6", "-1"].includes(value)) {
    throw invalidParameterValue(`Invalid value '${protocol}' for IP protocol. Unknown protocol.`);
  }
  return value;
}

export interface RuleSpec {
  IsEgress: boolean;
  IpProtocol: string;
  FromPort: number;
  ToPort: number;
  CidrIpv4?: string;
  CidrIpv6?: string;
  PrefixListId?: string;
  ReferencedGroupId?: string;
  Description?: string;
}

function sameRule(rule: SecurityGroupRuleRecord, spec: RuleSpec): boolean {
  return (
    rule.IsEgress === spec.IsEgress &&
    rule.IpProtocol === spec.IpProtocol &&
    rule.FromPort === spec.FromPort &&
    rule.ToPort === spec.ToPort &&
    rule.CidrIpv4 === spec.CidrIpv4 &&
    rule.CidrIpv6 === spec.CidrIpv6 &&
    rule.PrefixListId === spec.PrefixListId &&
    rule.ReferencedGroupInfo?.GroupId === spec.ReferencedGroupId
  );
}

export function addRule(ctx: HandlerContext, group: SecurityGroupRecord, spec: RuleSpec): SecurityGroupRuleRecord {
  const id = ctx.ids.id("sgr");
  const rule: SecurityGroupRuleRecord = {
    SecurityGroupRuleId: id,
    SecurityGroupRuleArn: `arn:aws:ec2:${ctx.region}:${ctx.accountId}:security-group-rule/${id}`,
    GroupId: group.GroupId,
    GroupOwnerId: group.OwnerId,
    IsEgress: spec.IsEgress,
    IpProtocol: spec.IpProtocol,
    FromPort: spec.FromPort,
    ToPort: spec.ToPort,
    ...(spec.CidrIpv4 ? { CidrIpv4: spec.CidrIpv4 } : {}),
    ...(spec.CidrIpv6 ? { CidrIpv6: spec.CidrIpv6 } : {}),
    ...(spec.PrefixListId ? { PrefixListId: spec.PrefixListId } : {}),
    ...(spec.ReferencedGroupId
      ? { ReferencedGroupInfo: { GroupId: spec.ReferencedGroupId, UserId: group.OwnerId } }
      : {}),
    ...(spec.Description ? { Description: spec.Description } : {}),
    Tags: [],
  };
  securityGroupRuleTable.put(ctx.state, id, rule);
  return rule;
}

export function createSecurityGroup(
  ctx: HandlerContext,
  input: { GroupName: string; Description: string; VpcId: string; Tags?: Array<{ Key: string; Value: string }> },
): SecurityGroupRecord {
  findVpc(ctx, input.VpcId);
  if (securityGroupsByVpc.find(ctx.state, input.VpcId, (g) => g.GroupName === input.GroupName)) {
    throw ec2Error(
      "InvalidGroup.Duplicate",
      `The security group '${input.GroupName}' already exists for VPC '${input.VpcId}'`,
    );
  }
  if (input.GroupName.startsWith("sg-")) throw invalidParameterValue("Group names may not be in the format sg-*.");
  const id = ctx.ids.id("sg");
  const group: SecurityGroupRecord = {
    GroupId: id,
    GroupName: input.GroupName,
    Description: input.Description,
    VpcId: input.VpcId,
    OwnerId: ctx.accountId,
    SecurityGroupArn: `arn:aws:ec2:${ctx.region}:${ctx.accountId}:security-group/${id}`,
    Tags: input.Tags ?? [],
  };
  securityGroupTable.put(ctx.state, id, group);
  addRule(ctx, group, { IsEgress: true, IpProtocol: "-1", FromPort: -1, ToPort: -1, CidrIpv4: "0.0.0.0/0" });
  return group;
}

export function createDefaultSecurityGroup(ctx: HandlerContext, vpcId: string): SecurityGroupRecord {
  const group = createSecurityGroup(ctx, {
    GroupName: "default",
    Description: "default VPC security group",
    VpcId: vpcId,
  });
  addRule(ctx, group, {
    IsEgress: false,
    IpProtocol: "-1",
    FromPort: -1,
    ToPort: -1,
    ReferencedGroupId: group.GroupId,
  });
  return group;
}

const createSecurityGroupHandler: Handler = (input: CreateSecurityGroupRequest, ctx) => {
  if (!input.VpcId) throw ec2Error("VPCIdNotSpecified", "No default VPC for this user; specify a VpcId.");
  if (input.GroupName!.length > 255 || input.Description!.length > 255) {
    throw invalidParameterValue("GroupName and GroupDescription must be at most 255 characters.");
  }
  const group = createSecurityGroup(ctx, {
    GroupName: input.GroupName!,
    Description: input.Description!,
    VpcId: input.VpcId,
    Tags: tagsFor(input.TagSpecifications, "security-group"),
  });
  return { GroupId: group.GroupId, Tags: group.Tags, SecurityGroupArn: group.SecurityGroupArn };
};

/** Rules → IpPermissions, grouped by protocol and port range as DescribeSecurityGroups shows them. */
function permissionsOf(ctx: HandlerContext, groupId: string, egress: boolean): IpPermission[] {
  const grouped = new Map<string, IpPermission>();
  for (const rule of rulesByGroup.get(ctx.state, groupId)) {
    if (rule.IsEgress !== egress) continue;
    const key = `${rule.IpProtocol}:${rule.FromPort}:${rule.ToPort}`;
    let permission = grouped.get(key);
    if (!permission) {
      permission = {
        IpProtocol: rule.IpProtocol,
        ...(rule.IpProtocol === "-1" ? {} : { FromPort: rule.FromPort, ToPort: rule.ToPort }),
        IpRanges: [],
        Ipv6Ranges: [],
        PrefixListIds: [],
        UserIdGroupPairs: [],
      };
      grouped.set(key, permission);
    }
    const description = rule.Description ? { Description: rule.Description } : {};
    if (rule.CidrIpv4) permission.IpRanges!.push({ CidrIp: rule.CidrIpv4, ...description });
    if (rule.CidrIpv6) permission.Ipv6Ranges!.push({ CidrIpv6: rule.CidrIpv6, ...description });
    if (rule.PrefixListId) permission.PrefixListIds!.push({ PrefixListId: rule.PrefixListId, ...description });
    if (rule.ReferencedGroupInfo) {
      const referenced = ctx.state.ec2.securityGroups[rule.ReferencedGroupInfo.GroupId];
      permission.UserIdGroupPairs!.push({
        GroupId: rule.ReferencedGroupInfo.GroupId,
        UserId: rule.ReferencedGroupInfo.UserId,
        ...(referenced ? { VpcId: referenced.VpcId } : {}),
        ...description,
      });
    }
  }
  return [...grouped.values()];
}

const describeSecurityGroups: Handler = (input: DescribeSecurityGroupsRequest, ctx) => {
  let all = byIds(ctx.state.ec2.securityGroups, input.GroupIds, (id) =>
    ec2Error("InvalidGroup.NotFound", `The security group '${id}' does not exist`),
  );
  if (input.GroupNames?.length) all = all.filter((g) => input.GroupNames!.includes(g.GroupName));
  const filtered = applyFilters(
    all,
    input.Filters,
    {
      "group-id": (g) => g.GroupId,
      "group-name": (g) => g.GroupName,
      description: (g) => g.Description,
      "vpc-id": (g) => g.VpcId,
      "owner-id": (g) => g.OwnerId,
      "ip-permission.prefix-list-id": (g) =>
        rulesByGroup.get(ctx.state, g.GroupId).flatMap((r) => (!r.IsEgress && r.PrefixListId ? [r.PrefixListId] : [])),
      "egress.ip-permission.prefix-list-id": (g) =>
        rulesByGroup.get(ctx.state, g.GroupId).flatMap((r) => (r.IsEgress && r.PrefixListId ? [r.PrefixListId] : [])),
    },
    (g) => g.Tags,
  );
  const page = ec2Page(ctx, filtered, input, "groups");
  return {
    SecurityGroups: page.items.map((g) => ({
      ...g,
      IpPermissions: permissionsOf(ctx, g.GroupId, false),
      IpPermissionsEgress: permissionsOf(ctx, g.GroupId, true),
    })),
    NextToken: page.nextToken,
  };
};

/** Where a group is still in use (network interfaces, endpoints, Lattice gateways and associations, rules of other groups). */
function groupUsers(ctx: HandlerContext, groupId: string): string[] {
  const e = ctx.state.ec2;
  const l = ctx.state.lattice;
  return [
    ...Object.values(e.networkInterfaces)
      .filter((n) => n.Groups.some((g) => g.GroupId === groupId))
      .map((n) => n.NetworkInterfaceId),
    ...Object.values(e.vpcEndpoints)
      .filter((v) => v.Groups.some((g) => g.GroupId === groupId))
      .map((v) => v.VpcEndpointId),
    ...Object.values(l.vpcAssociations)
      .filter((a) => a.securityGroupIds.includes(groupId))
      .map((a) => a.id),
    ...Object.values(l.resourceGateways)
      .filter((g) => g.securityGroupIds.includes(groupId))
      .map((g) => g.id),
    ...Object.values(e.securityGroupRules)
      .filter((r) => r.GroupId !== groupId && r.ReferencedGroupInfo?.GroupId === groupId)
      .map((r) => r.GroupId),
    ...Object.values(ctx.state.rds.clusters)
      .filter((c) => c.VpcSecurityGroupIds.includes(groupId))
      .map((c) => c.DBClusterIdentifier),
  ];
}

const deleteSecurityGroup: Handler = (input: DeleteSecurityGroupRequest, ctx) => {
  if (!input.GroupId) throw ec2Error("MissingParameter", "The request must contain the parameter GroupId");
  const group = findGroup(ctx, input.GroupId);
  if (group.GroupName === "default")
    throw ec2Error(
      "CannotDelete",
      `The security group '${group.GroupId}' is the default group of its VPC and cannot be deleted`,
    );
  const users = groupUsers(ctx, group.GroupId);
  if (users.length > 0) {
    throw ec2Error(
      "DependencyViolation",
      `resource ${group.GroupId} has a dependent object (${users.slice(0, 3).join(", ")})`,
    );
  }
  for (const rule of rulesByGroup.get(ctx.state, group.GroupId))
    delete ctx.state.ec2.securityGroupRules[rule.SecurityGroupRuleId];
  delete ctx.state.ec2.securityGroups[group.GroupId];
  return { Return: true, GroupId: group.GroupId };
};

type PermissionInput = {
  GroupId?: string;
  IpPermissions?: IpPermission[];
  CidrIp?: string;
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  SecurityGroupRuleIds?: string[];
};

/** IpPermissions (or the legacy CidrIp/IpProtocol/FromPort/ToPort members) → one spec per source. */
function specsFrom(ctx: HandlerContext, input: PermissionInput, egress: boolean): RuleSpec[] {
  const permissions: IpPermission[] = input.IpPermissions?.length
    ? input.IpPermissions
    : input.IpProtocol
      ? [
          {
            IpProtocol: input.IpProtocol,
            FromPort: input.FromPort,
            ToPort: input.ToPort,
            IpRanges: input.CidrIp ? [{ CidrIp: input.CidrIp }] : [],
          },
        ]
      : [];
  const specs: RuleSpec[] = [];
  for (const permission of permissions) {
    const protocol = normaliseProtocol(permission.IpProtocol);
    let from = permission.FromPort ?? -1;
    let to = permission.ToPort ?? -1;
    if (protocol === "-1") {
      from = -1;
      to = -1;
    } else if ((protocol === "tcp" || protocol === "udp") && (from < 0 || to > 65535 || from > to)) {
      throw invalidParameterValue(`Invalid port range ${from}-${to} for protocol ${protocol}.`);
    }
    const base = { IsEgress: egress, IpProtocol: protocol, FromPort: from, ToPort: to };
    for (const range of permission.IpRanges ?? []) {
      specs.push({
        ...base,
        CidrIpv4: range.CidrIp!,
        ...(range.Description ? { Description: range.Description } : {}),
      });
    }
    for (const range of permission.Ipv6Ranges ?? []) {
      specs.push({
        ...base,
        CidrIpv6: range.CidrIpv6!,
        ...(range.Description ? { Description: range.Description } : {}),
      });
    }
    for (const list of permission.PrefixListIds ?? []) {
      const prefixList = requirePrefixList(ctx.state, list.PrefixListId ?? "");
      const family = prefixList.AddressFamily;
      if (protocol === "icmp" && family === "IPv6")
        throw invalidParameterValue(`Prefix list ${prefixList.PrefixListId} is IPv6; ICMP rules need an IPv4 list.`);
      specs.push({
        ...base,
        PrefixListId: list.PrefixListId!,
        ...(list.Description ? { Description: list.Description } : {}),
      });
    }
    for (const pair of permission.UserIdGroupPairs ?? []) {
      if (!pair.GroupId)
        throw ec2Error("MissingParameter", "A UserIdGroupPair needs a GroupId in a VPC security group.");
      findGroup(ctx, pair.GroupId);
      specs.push({
        ...base,
        ReferencedGroupId: pair.GroupId,
        ...(pair.Description ? { Description: pair.Description } : {}),
      });
    }
  }
  if (specs.length === 0) throw ec2Error("MissingParameter", "The request must contain the parameter ipPermissions");
  return specs;
}

export function authorize(ctx: HandlerContext, input: PermissionInput, egress: boolean) {
  const group = findGroup(ctx, input.GroupId ?? "");
  const specs = specsFrom(ctx, input, egress);
  const existing = rulesByGroup.get(ctx.state, group.GroupId);
  for (const spec of specs) {
    if (existing.some((rule) => sameRule(rule, spec))) {
      throw ec2Error(
        "InvalidPermission.Duplicate",
        `the specified rule "peer: ${spec.CidrIpv4 ?? spec.CidrIpv6 ?? spec.ReferencedGroupId ?? spec.PrefixListId}, ${spec.IpProtocol.toUpperCase()}, from port: ${spec.FromPort}, to port: ${spec.ToPort}, ALLOW" already exists`,
      );
    }
  }
  const created = specs.map((spec) => addRule(ctx, group, spec));
  return { Return: true, SecurityGroupRules: created };
}

function revoke(ctx: HandlerContext, input: PermissionInput, egress: boolean) {
  const group = findGroup(ctx, input.GroupId ?? "");
  const rules = ctx.state.ec2.securityGroupRules;
  const removed: SecurityGroupRuleRecord[] = [];
  if (input.SecurityGroupRuleIds?.length) {
    for (const id of input.SecurityGroupRuleIds) {
      const rule = rules[id];
      if (!rule || rule.GroupId !== group.GroupId || rule.IsEgress !== egress) {
        throw ec2Error("InvalidSecurityGroupRuleId.NotFound", `The security group rule ID '${id}' does not exist`);
      }
      removed.push(rule);
    }
  } else {
    for (const spec of specsFrom(ctx, input, egress)) {
      const rule = rulesByGroup.find(ctx.state, group.GroupId, (r) => sameRule(r, spec));
      if (!rule) {
        throw ec2Error("InvalidPermission.NotFound", "The specified rule does not exist in this security group.");
      }
      removed.push(rule);
    }
  }
  for (const rule of removed) delete rules[rule.SecurityGroupRuleId];
  return {
    Return: true,
    RevokedSecurityGroupRules: removed.map((r) => ({
      SecurityGroupRuleId: r.SecurityGroupRuleId,
      GroupId: r.GroupId,
      IsEgress: r.IsEgress,
      IpProtocol: r.IpProtocol,
      FromPort: r.FromPort,
      ToPort: r.ToPort,
      CidrIpv4: r.CidrIpv4,
      CidrIpv6: r.CidrIpv6,
      PrefixListId: r.PrefixListId,
      ReferencedGroupId: r.ReferencedGroupInfo?.GroupId,
      Description: r.Description,
    })),
  };
}

const describeSecurityGroupRules: Handler = (input: DescribeSecurityGroupRulesRequest, ctx) => {
  const all = byIds(ctx.state.ec2.securityGroupRules, input.SecurityGroupRuleIds, (id) =>
    ec2Error("InvalidSecurityGroupRuleId.NotFound", `The security group rule ID '${id}' does not exist`),
  );
  const filtered = applyFilters(
    all,
    input.Filters,
    { "group-id": (r) => r.GroupId, "security-group-rule-id": (r) => r.SecurityGroupRuleId },
    (r) => r.Tags,
  );
  const page = ec2Page(ctx, filtered, input, "rules");
  return { SecurityGroupRules: page.items, NextToken: page.nextToken };
};

export const securityGroupHandlers: Record<string, Handler> = {
  CreateSecurityGroup: createSecurityGroupHandler,
  DescribeSecurityGroups: describeSecurityGroups,
  DeleteSecurityGroup: deleteSecurityGroup,
  AuthorizeSecurityGroupIngress: (input: AuthorizeSecurityGroupIngressRequest, ctx) =>
    authorize(ctx, input as PermissionInput, false),
  AuthorizeSecurityGroupEgress: (input: AuthorizeSecurityGroupEgressRequest, ctx) =>
    authorize(ctx, input as PermissionInput, true),
  RevokeSecurityGroupIngress: (input: RevokeSecurityGroupIngressRequest, ctx) =>
    revoke(ctx, input as PermissionInput, false),
  RevokeSecurityGroupEgress: (input: RevokeSecurityGroupEgressRequest, ctx) =>
    revoke(ctx, input as PermissionInput, true),
  DescribeSecurityGroupRules: describeSecurityGroupRules,
};
