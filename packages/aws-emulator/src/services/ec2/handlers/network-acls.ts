/**
 * Network ACLs: every VPC has a default ACL (allow all in and out, rule 100,
 * then the catch-all deny `*`, rule 32767) and every subnet is associated with
 * exactly one ACL of its VPC, the default one unless replaced. Entries are
 * stateless rules evaluated in rule-number order; a new ACL denies everything.
 */
import type {
  CreateNetworkAclEntryRequest,
  CreateNetworkAclRequest,
  DeleteNetworkAclEntryRequest,
  DeleteNetworkAclRequest,
  DescribeNetworkAclsRequest,
  ReplaceNetworkAclAssociationRequest,
  ReplaceNetworkAclEntryRequest,
} from "@aws-sdk/client-ec2";
import type { RegionState } from "../../../core/region.js";
import type { Handler, HandlerContext } from "../../../core/service.js";
import { ec2Error, ec2NotFound, invalidParameterValue } from "../errors.js";
import { applyFilters } from "../filters.js";
import { networkAclsByVpc, networkAclTable, subnetsByVpc } from "../indexes.js";
import { derivedId, parseCidr } from "../network.js";
import type { NetworkAclEntryRecord, NetworkAclRecord, SubnetRecord, VpcRecord } from "../state.js";
import { byIds, ec2Page, findVpc, tagsFor } from "./common.js";

const CATCH_ALL = 32767;

const denyAll = (egress: boolean): NetworkAclEntryRecord => ({
  RuleNumber: CATCH_ALL,
  Protocol: "-1",
  RuleAction: "deny",
  Egress: egress,
  CidrBlock: "0.0.0.0/0",
});

/** The default ACL AWS creates with a VPC (its subnets are associated as they are created). */
export function createDefaultNetworkAcl(ctx: HandlerContext, vpc: VpcRecord): NetworkAclRecord {
  const id = derivedId("acl", vpc.VpcId);
  const allowAll = (egress: boolean): NetworkAclEntryRecord => ({
    RuleNumber: 100,
    Protocol: "-1",
    RuleAction: "allow",
    Egress: egress,
    CidrBlock: "0.0.0.0/0",
  });
  return networkAclTable.put(ctx.state, id, {
    NetworkAclId: id,
    VpcId: vpc.VpcId,
    OwnerId: vpc.OwnerId,
    IsDefault: true,
    Entries: [allowAll(true), denyAll(true), allowAll(false), denyAll(false)],
    Associations: subnetsByVpc.get(ctx.state, vpc.VpcId).map((subnet) => ({
      NetworkAclAssociationId: derivedId("aclassoc", subnet.SubnetId),
      NetworkAclId: id,
      SubnetId: subnet.SubnetId,
    })),
    Tags: [],
  });
}

/** A VPC's default ACL (made on first use for a VPC from an older state export). */
export function defaultNetworkAcl(ctx: HandlerContext, vpc: VpcRecord): NetworkAclRecord {
  return networkAclsByVpc.find(ctx.state, vpc.VpcId, (a) => a.IsDefault) ?? createDefaultNetworkAcl(ctx, vpc);
}

/** A new subnet joins its VPC's default ACL. */
export function associateWithDefaultAcl(ctx: HandlerContext, subnet: SubnetRecord): void {
  const vpc = ctx.state.ec2.vpcs[subnet.VpcId];
  if (!vpc) return;
  const acl = defaultNetworkAcl(ctx, vpc);
  if (acl.Associations.some((a) => a.SubnetId === subnet.SubnetId)) return;
  acl.Associations.push({
    NetworkAclAssociationId: derivedId("aclassoc", subnet.SubnetId),
    NetworkAclId: acl.NetworkAclId,
    SubnetId: subnet.SubnetId,
  });
}

/** The ACL a subnet is associated with. */
export function networkAclOfSubnet(state: RegionState, subnet: SubnetRecord): NetworkAclRecord | undefined {
  return networkAclsByVpc
    .get(state, subnet.VpcId)
    .find((a) => a.Associations.some((x) => x.SubnetId === subnet.SubnetId));
}

export function forgetSubnetAcl(state: RegionState, subnetId: string): void {
  for (const acl of Object.values(state.ec2.networkAcls)) {
    acl.Associations = acl.Associations.filter((a) => a.SubnetId !== subnetId);
  }
}

/** For DeleteVpc: the default ACL goes with the VPC, any other blocks it. */
export function networkAclsOfVpc(state: RegionState, vpcId: string): { defaults: string[]; others: string[] } {
  const acls = networkAclsByVpc.get(state, vpcId);
  return {
    defaults: acls.filter((a) => a.IsDefault).map((a) => a.NetworkAclId),
    others: acls.filter((a) => !a.IsDefault).map((a) => a.NetworkAclId),
  };
}

function ensureDefaults(ctx: HandlerContext): void {
  for (const vpc of Object.values(ctx.state.ec2.vpcs)) {
    defaultNetworkAcl(ctx, vpc);
    for (const subnet of subnetsByVpc.get(ctx.state, vpc.VpcId)) {
      if (!networkAclOfSubnet(ctx.state, subnet)) associateWithDefaultAcl(ctx, subnet);
    }
  }
}

function findAcl(ctx: HandlerContext, id: string | undefined): NetworkAclRecord {
  const acl = id ? ctx.state.ec2.networkAcls[id] : undefined;
  if (!acl) throw ec2NotFound("InvalidNetworkAclID.NotFound", id ?? "", "network ACL");
  return acl;
}

const createNetworkAcl: Handler = (input: CreateNetworkAclRequest, ctx) => {
  const vpc = findVpc(ctx, input.VpcId!);
  const id = ctx.ids.id("acl");
  const acl = networkAclTable.put(ctx.state, id, {
    NetworkAclId: id,
    VpcId: vpc.VpcId,
    OwnerId: ctx.accountId,
    IsDefault: false,
    Entries: [denyAll(true), denyAll(false)],
    Associations: [],
    Tags: tagsFor(input.TagSpecifications, "network-acl"),
  });
  return { NetworkAcl: acl, ...(input.ClientToken ? { ClientToken: input.ClientToken } : {}) };
};

const deleteNetworkAcl: Handler = (input: DeleteNetworkAclRequest, ctx) => {
  const acl = findAcl(ctx, input.NetworkAclId);
  if (acl.IsDefault) throw invalidParameterValue(`cannot delete default network ACL ${acl.NetworkAclId}`);
  if (acl.Associations.length > 0) {
    throw ec2Error(
      "DependencyViolation",
      `The network ACL '${acl.NetworkAclId}' has dependencies and cannot be deleted (${acl.Associations[0]!.SubnetId}).`,
    );
  }
  delete ctx.state.ec2.networkAcls[acl.NetworkAclId];
  return {};
};

const describeNetworkAcls: Handler = (input: DescribeNetworkAclsRequest, ctx) => {
  ensureDefaults(ctx);
  const all = byIds(ctx.state.ec2.networkAcls, input.NetworkAclIds, (id) =>
    ec2NotFound("InvalidNetworkAclID.NotFound", id, "network ACL"),
  );
  const filtered = applyFilters(
    all,
    input.Filters,
    {
      "network-acl-id": (a) => a.NetworkAclId,
      "vpc-id": (a) => a.VpcId,
      default: (a) => String(a.IsDefault),
      "owner-id": (a) => a.OwnerId,
      "association.association-id": (a) => a.Associations.map((x) => x.NetworkAclAssociationId),
      "association.network-acl-id": (a) => a.Associations.map((x) => x.NetworkAclId),
      "association.subnet-id": (a) => a.Associations.map((x) => x.SubnetId),
      "entry.rule-number": (a) => a.Entries.map((e) => String(e.RuleNumber)),
      "entry.rule-action": (a) => a.Entries.map((e) => e.RuleAction),
      "entry.protocol": (a) => a.Entries.map((e) => e.Protocol),
      "entry.egress": (a) => a.Entries.map((e) => String(e.Egress)),
      "entry.cidr": (a) => a.Entries.map((e) => e.CidrBlock ?? ""),
    },
    (a) => a.Tags,
  );
  const page = ec2Page(ctx, filtered, input, "network-acls", { min: 5, max: 1000 });
  return {
    NetworkAcls: page.items.map((a) => ({
      ...a,
      // AWS lists entries egress first, each direction by rule number.
      Entries: [...a.Entries].sort((x, y) => Number(y.Egress) - Number(x.Egress) || x.RuleNumber - y.RuleNumber),
    })),
    NextToken: page.nextToken,
  };
};

const PROTOCOL_NAMES: Record<string, string> = { tcp: "6", udp: "17", icmp: "1", icmpv6: "58", all: "-1" };

/** Checks an entry the way EC2 does; protocols are stored as numbers ("6", "-1"), as Describe returns them. */
function entryFrom(input: CreateNetworkAclEntryRequest): NetworkAclEntryRecord {
  const rule = input.RuleNumber!;
  if (!Number.isInteger(rule) || rule < 1 || rule > 32766) {
    throw invalidParameterValue(`Invalid value '${rule}' for ruleNumber. Rule numbers range from 1 to 32766.`);
  }
  const raw = String(input.Protocol).toLowerCase();
  const protocol = PROTOCOL_NAMES[raw] ?? raw;
  if (protocol !== "-1" && !(/^\d+$/.test(protocol) && Number(protocol) <= 255)) {
    throw invalidParameterValue(`Invalid value '${input.Protocol}' for protocol. Use -1 (all) or a protocol number.`);
  }
  const action = String(input.RuleAction).toLowerCase();
  if (action !== "allow" && action !== "deny")
    throw invalidParameterValue(`Invalid value '${input.RuleAction}' for ruleAction. Use allow or deny.`);
  if (Boolean(input.CidrBlock) === Boolean(input.Ipv6CidrBlock)) {
    throw ec2Error("InvalidParameterCombination", "Give exactly one of CidrBlock and Ipv6CidrBlock.");
  }
  if (input.CidrBlock && !parseCidr(input.CidrBlock))
    throw invalidParameterValue(`Value (${input.CidrBlock}) for parameter cidrBlock is invalid.`);
  const ports = protocol === "6" || protocol === "17";
  if (ports) {
    const from = input.PortRange?.From;
    const to = input.PortRange?.To;
    if (from === undefined || to === undefined) {
      throw ec2Error(
        "MissingParameter",
        "The request must contain the parameter portRange (TCP and UDP entries need one).",
      );
    }
    if (from < 0 || to > 65535 || from > to) throw invalidParameterValue(`Invalid port range ${from}-${to}.`);
  }
  return {
    RuleNumber: rule,
    Protocol: protocol,
    RuleAction: action,
    Egress: Boolean(input.Egress),
    ...(input.CidrBlock ? { CidrBlock: input.CidrBlock } : {}),
    ...(input.Ipv6CidrBlock ? { Ipv6CidrBlock: input.Ipv6CidrBlock } : {}),
    ...(ports ? { PortRange: { From: input.PortRange!.From!, To: input.PortRange!.To! } } : {}),
    ...(protocol === "1" && input.IcmpTypeCode
      ? { IcmpTypeCode: { Code: input.IcmpTypeCode.Code ?? -1, Type: input.IcmpTypeCode.Type ?? -1 } }
      : {}),
  };
}

const createNetworkAclEntry: Handler = (input: CreateNetworkAclEntryRequest, ctx) => {
  const acl = findAcl(ctx, input.NetworkAclId);
  const entry = entryFrom(input);
  if (acl.Entries.some((e) => e.RuleNumber === entry.RuleNumber && e.Egress === entry.Egress)) {
    throw ec2Error(
      "NetworkAclEntryAlreadyExists",
      `The network acl entry identified by ${entry.RuleNumber} already exists.`,
    );
  }
  acl.Entries.push(entry);
  return {};
};

function entryIndex(acl: NetworkAclRecord, rule: number | undefined, egress: boolean | undefined): number {
  const index = acl.Entries.findIndex((e) => e.RuleNumber === rule && e.Egress === Boolean(egress));
  if (index < 0 || rule === CATCH_ALL) {
    throw ec2Error(
      "InvalidNetworkAclEntry.NotFound",
      `The network acl entry identified by ${rule} does not exist (${egress ? "egress" : "ingress"}).`,
    );
  }
  return index;
}

const replaceNetworkAclEntry: Handler = (input: ReplaceNetworkAclEntryRequest, ctx) => {
  const acl = findAcl(ctx, input.NetworkAclId);
  const index = entryIndex(acl, input.RuleNumber, input.Egress);
  acl.Entries[index] = entryFrom(input as CreateNetworkAclEntryRequest);
  return {};
};

const deleteNetworkAclEntry: Handler = (input: DeleteNetworkAclEntryRequest, ctx) => {
  const acl = findAcl(ctx, input.NetworkAclId);
  acl.Entries.splice(entryIndex(acl, input.RuleNumber, input.Egress), 1);
  return {};
};

const replaceNetworkAclAssociation: Handler = (input: ReplaceNetworkAclAssociationRequest, ctx) => {
  ensureDefaults(ctx);
  const target = findAcl(ctx, input.NetworkAclId);
  const current = Object.values(ctx.state.ec2.networkAcls).find((a) =>
    a.Associations.some((x) => x.NetworkAclAssociationId === input.AssociationId),
  );
  const association = current?.Associations.find((x) => x.NetworkAclAssociationId === input.AssociationId);
  if (!current || !association) {
    throw ec2Error("InvalidAssociationID.NotFound", `The association ID '${input.AssociationId ?? ""}' does not exist`);
  }
  if (target.VpcId !== current.VpcId) {
    throw invalidParameterValue(`Network ACL ${target.NetworkAclId} is not in ${current.VpcId}.`);
  }
  current.Associations = current.Associations.filter((x) => x !== association);
  const newId = ctx.ids.id("aclassoc");
  target.Associations.push({
    NetworkAclAssociationId: newId,
    NetworkAclId: target.NetworkAclId,
    SubnetId: association.SubnetId,
  });
  return { NewAssociationId: newId };
};

export const networkAclHandlers: Record<string, Handler> = {
  CreateNetworkAcl: createNetworkAcl,
  DeleteNetworkAcl: deleteNetworkAcl,
  DescribeNetworkAcls: describeNetworkAcls,
  CreateNetworkAclEntry: createNetworkAclEntry,
  ReplaceNetworkAclEntry: replaceNetworkAclEntry,
  DeleteNetworkAclEntry: deleteNetworkAclEntry,
  ReplaceNetworkAclAssociation: replaceNetworkAclAssociation,
};
