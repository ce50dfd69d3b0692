/**
 * The hops of the connectivity check, one function each, in the order the
 * traffic meets them. A hop reads the path context and says pass, fail (with
 * the fix, and the one-click action when there is one), unknown (what could
 * not be read or is not given) or skip (not on this path, or outside what AWS
 * shows). The step number is the hop's place in its list.
 */
import {
  isUsable,
  oneSubnetPerZone,
  type Action,
  type GraphNodeOf,
  type Hop,
  type Hostname,
} from "@lattice-atlas/shared";
import type { PathNames } from "./dns.js";
import type { GraphIndex, SecurityGroupFacts, SubnetFacts } from "./graph-index.js";
import { policyDeniesEveryone } from "./auth-policy.js";
import { cidrContains } from "./cidr.js";
import { aclAllowsConnection, aclOfSubnet, describeAclEntry } from "./network-acls.js";
import { describeRule, findEgress, findIngress, ruleDescription, type Peer } from "./security-groups.js";
import type { Target, TargetFacts } from "./targets.js";
import { named } from "./text.js";
import { networksHolding, pathBlockers, vpcAssociationOf, waysInOf, type Path } from "./ways-in.js";

/** Lattice answers an associated VPC from these ranges (resources, services). */
export const LATTICE_RESOURCE_RANGE = "129.224.0.0/17";
export const LATTICE_SERVICE_RANGE = "169.254.171.0/24";

export interface CheckSubject {
  index: GraphIndex;
  vpc: GraphNodeOf<"vpc">;
  target: Target;
  facts: TargetFacts;
  port: number;
  hostname?: string | undefined;
  clientSubnet?: SubnetFacts | undefined;
  /** The client's security group as the user named it. */
  clientGroupId?: string | undefined;
}

export interface Client {
  /** The client's group: named by the user, or inferred from the way in's rules. */
  groupId?: string | undefined;
  inferred: boolean;
  label: string;
  peer: Peer;
}

export interface PathContext extends CheckSubject {
  path: Path | undefined;
  client: Client;
  entryGroups: SecurityGroupFacts[];
  names: PathNames;
  /** Names that look right for the target but fail from this VPC (its own name, other networks' names), with why. */
  otherFailingNames: Hostname[];
  /** Graph node ids along the path, for the diagram; hops add to it. */
  highlight: string[];
}

export type HopResult = Omit<Hop, "step">;
export type HopRule = (ctx: PathContext) => HopResult;

const subjectOf = (node: { id: string; kind: string; label: string }) => ({
  id: node.id,
  kind: node.kind,
  label: node.label,
});
const groupSubject = (g: SecurityGroupFacts) => ({ id: g.groupId, kind: "securityGroup", label: g.groupName });

/** The gaps that matter on the client's side (its VPC's account). */
const clientGaps = (ctx: CheckSubject) => ctx.index.gaps.in([ctx.vpc.accountId]);
/** … on the target's side (its owner's and its gateway's accounts). */
const targetGaps = (ctx: CheckSubject) => ctx.index.gaps.in([ctx.target.node.accountId, ctx.facts.gateway?.accountId]);
/** … anywhere between: the VPC's account, the networks it reaches (stubs included) and the target's owner. */
function pathGaps(ctx: CheckSubject) {
  const networks = waysInOf(ctx.index, ctx.vpc.id).map((w) =>
    w.networkId ? ctx.index.byId.get(w.networkId)?.accountId : undefined,
  );
  return ctx.index.gaps.in([ctx.vpc.accountId, ctx.target.node.accountId, ...networks]);
}

function unknown(title: string, detail: string, unread: string[], extra: Partial<HopResult> = {}): HopResult {
  return { title, status: "unknown", detail, ...(unread.length > 0 ? { unread } : {}), ...extra };
}

/* ------------------------------- 1. client egress ------------------------------ */

function destinationOf(ctx: PathContext): { peer: Peer; label: string } {
  const { path, index, vpc, target } = ctx;
  if (path?.entry.kind === "vpcEndpoint") {
    const cidrs = path.entry.data.subnetIds.map((id) => index.subnet(id)?.cidr).filter((c): c is string => Boolean(c));
    return {
      peer: { groupIds: ctx.entryGroups.map((g) => g.groupId), cidrs: cidrs.length ? cidrs : [vpc.data.cidr] },
      label: `the endpoint ${path.entry.id}`,
    };
  }
  const range = target.kind === "service" ? LATTICE_SERVICE_RANGE : LATTICE_RESOURCE_RANGE;
  // A rule may name the VPC Lattice managed prefix list instead of the range.
  return { peer: { groupIds: [], cidrs: [range], prefixListIds: index.prefixListsCovering(range) }, label: range };
}

export const clientEgress: HopRule = (ctx) => {
  const title = "Client egress";
  const { path, index, port, client } = ctx;
  if (!path) return { title, status: "skip", detail: "No way into VPC Lattice to check egress towards." };
  if (clientGaps(ctx).has("securityGroups"))
    return unknown(
      title,
      `The security groups of ${ctx.vpc.label}'s account could not be read.`,
      clientGaps(ctx).unread("securityGroups"),
    );
  const destination = destinationOf(ctx);
  if (client.groupId) {
    const group = index.securityGroup(client.groupId);
    if (!group)
      return unknown(title, `The client's group ${client.groupId} was not read.`, [], {
        subject: { id: client.groupId, kind: "securityGroup", label: client.groupId },
      });
    const found = findEgress([group], port, destination.peer);
    return found
      ? {
          title,
          status: "pass",
          subject: groupSubject(group),
          detail: `${client.label}${client.inferred ? " (the group the way in admits)" : ""} may send TCP ${port} to ${destination.label}.`,
          rule: describeRule(found, "to"),
        }
      : {
          title,
          status: "fail",
          subject: groupSubject(group),
          detail: `No egress rule of ${client.label} lets TCP ${port} out to ${destination.label}.`,
          fix: {
            text: `Add an outbound rule to ${named(group.groupName, group.groupId)} for TCP ${port} to ${destination.peer.cidrs[0]}${destination.peer.groupIds[0] ? ` or to ${destination.peer.groupIds[0]}` : ""}.`,
          },
        };
  }
  // No client group: the answer holds for every client only if every group of the VPC agrees.
  const groups = index.securityGroupsOf(ctx.vpc.id);
  const allowing = groups.filter((g) => findEgress([g], port, destination.peer));
  if (groups.length > 0 && allowing.length === groups.length)
    return {
      title,
      status: "pass",
      detail: `Every security group of ${ctx.vpc.label} may send TCP ${port} to ${destination.label}.`,
      rule: describeRule(findEgress([allowing[0]!], port, destination.peer)!, "to"),
    };
  return unknown(
    title,
    groups.length === 0
      ? `Which security group does the client use? Name it (from.securityGroup) to check that it lets TCP ${port} out to ${destination.label}.`
      : `It depends on the client's security group: ${allowing.length} of ${groups.length} groups of ${ctx.vpc.label} let TCP ${port} out to ${destination.label}. Name the client's group to check.`,
    [],
  );
};

/* ---------------------------------- 2. way in ---------------------------------- */

/** The change that would give the VPC a way in to the target, when one is obvious. */
export function wayInAction(index: GraphIndex, vpc: GraphNodeOf<"vpc">, target: Target): Action | undefined {
  const subnetIds = oneSubnetPerZone(vpc.data.subnets);
  const network = networksHolding(index, target)[0];
  const associated = vpcAssociationOf(index, vpc.id) !== undefined;
  if (network && !associated) return { type: "associate-vpc", serviceNetworkId: network, vpcId: vpc.id };
  if (network && subnetIds.length)
    return { type: "create-service-network-endpoint", vpcId: vpc.id, serviceNetworkId: network, subnetIds };
  if (target.kind === "resourceConfiguration" && subnetIds.length)
    return {
      type: "create-resource-endpoint",
      vpcId: vpc.id,
      resourceConfigurationId: target.parent?.id ?? target.node.id,
      subnetIds,
    };
  return undefined;
}

/** Why a VPC has no way in to a target, and what would give it one. */
export function noWayIn(index: GraphIndex, vpc: GraphNodeOf<"vpc">, target: Target): { reason: string; fix: string } {
  const name = target.node.data.name;
  const networks = networksHolding(index, target);
  const association = vpcAssociationOf(index, vpc.id);
  const top = target.kind === "resourceConfiguration" ? (target.parent?.id ?? target.node.id) : target.node.id;
  if (networks.length === 0)
    return target.kind === "resourceConfiguration"
      ? {
          reason: `${name} is in no service network, and ${vpc.label} has no Resource endpoint for it.`,
          fix: `Create a Resource-type VPC endpoint for ${top} in ${vpc.label}, or associate it with a service network that ${vpc.label} reaches.`,
        }
      : {
          reason: `${name} is in no service network.`,
          fix: `Associate ${name} with a service network that ${vpc.label} reaches.`,
        };
  const names = networks.map((id) => index.label(id)).join(", ");
  if (association)
    return {
      reason: `${name} is in ${names}; ${vpc.label} is associated with ${index.label(association.data.serviceNetworkId)} and a VPC can be associated with only one service network.`,
      fix: `Add a ServiceNetwork-type VPC endpoint for ${names} in ${vpc.label} (it is already associated with ${index.label(association.data.serviceNetworkId)})${target.kind === "resourceConfiguration" ? `, or a Resource-type endpoint for ${top}` : ""}.`,
    };
  return {
    reason: `${name} is in ${names}, which ${vpc.label} neither joins nor reaches through an endpoint.`,
    fix: `Associate ${vpc.label} with ${names}, or add a ServiceNetwork-type VPC endpoint for it.`,
  };
}

export const wayIn: HopRule = (ctx) => {
  const title = "Way into VPC Lattice";
  const { path, index, vpc, target } = ctx;
  if (!path) {
    const unread = pathGaps(ctx).unread(
      "endpoints",
      "networks",
      "vpcAssociations",
      target.kind === "resourceConfiguration" ? "resourceAssociations" : "serviceAssociations",
    );
    if (unread.length > 0)
      return unknown(
        title,
        `${vpc.label} shows no way in to ${target.node.label}, but part of what would show one was not read.`,
        unread,
        { subject: subjectOf(vpc) },
      );
    const why = noWayIn(index, vpc, target);
    const action = wayInAction(index, vpc, target);
    return {
      title,
      status: "fail",
      subject: subjectOf(vpc),
      detail: why.reason,
      fix: { text: why.fix, ...(action ? { action } : {}) },
    };
  }
  ctx.highlight.push(path.entry.id);
  if (path.networkId) ctx.highlight.push(path.networkId);
  if (path.association) ctx.highlight.push(path.association.id);
  const what =
    path.pattern === "resource-endpoint"
      ? `Resource endpoint ${path.entry.id}`
      : path.pattern === "service-network-endpoint"
        ? `ServiceNetwork endpoint ${path.entry.id} to ${index.label(path.networkId ?? "?")}`
        : `the service-network association ${path.entry.id} to ${index.label(path.networkId ?? "?")}`;
  const entryStatus = path.entry.kind === "vpcEndpoint" ? path.entry.data.state : path.entry.data.status;
  const blockers = pathBlockers(index, path);
  if (blockers.length === 0)
    return {
      title,
      status: "pass",
      subject: subjectOf(path.entry),
      detail: `${vpc.label} reaches ${target.node.label} through ${what}${path.association ? `, which holds it (${path.association.id}, ${path.association.data.status})` : ""}.`,
      rule: `${what} (${entryStatus})`,
    };
  return {
    title,
    status: "fail",
    subject: subjectOf(path.entry),
    detail: `A path exists but is not usable yet: ${blockers.join("; ")}.`,
    rule: `${what} (${entryStatus})`,
    fix: {
      text: /FAIL/i.test(`${entryStatus} ${path.association?.data.status ?? ""}`)
        ? "Delete the failed piece and recreate it."
        : "Wait until it is ACTIVE / Available.",
    },
  };
};

/* ------------------------- 3. security groups of the way in ------------------------ */

export const entrySecurityGroups: HopRule = (ctx) => {
  const title = "Security groups of the way in";
  const { path, index, port, client, entryGroups, vpc } = ctx;
  if (!path) return { title, status: "skip", detail: "No way in." };
  const entry = path.entry;
  const declared = entry.kind === "vpcEndpoint" ? entry.data.securityGroupIds : entry.data.securityGroupIds;
  if (declared === null)
    return unknown(
      title,
      "The security groups of this association could not be read (see the warnings).",
      clientGaps(ctx).unread("vpcAssociationGroups"),
      { subject: subjectOf(entry) },
    );
  if (entry.kind === "vpcAssociation" && declared.length === 0)
    return {
      title,
      status: "pass",
      subject: subjectOf(entry),
      detail: "The VPC association has no security groups: AWS applies no security-group filtering to it.",
      rule: "no security groups on the association",
    };
  if (entryGroups.length < declared.length)
    return unknown(
      title,
      `The rules of ${declared.filter((id) => !index.securityGroup(id)).join(", ")} were not read.`,
      clientGaps(ctx).unread("securityGroups"),
      { subject: subjectOf(entry) },
    );
  const found = findIngress(entryGroups, port, client.peer);
  if (found) {
    ctx.highlight.push(found.group.groupId);
    return {
      title,
      status: "pass",
      subject: groupSubject(found.group),
      detail: `${found.group.groupName} lets TCP ${port} in from ${client.label}.`,
      rule: describeRule(found, "from"),
    };
  }
  const first = entryGroups[0];
  if (first) ctx.highlight.push(first.groupId);
  // Without a known client group, only a rule that admits the VPC's addresses decides it.
  const status = client.groupId ? "fail" : "unknown";
  return {
    title,
    status,
    subject: first ? groupSubject(first) : subjectOf(entry),
    detail: `No rule of ${entryGroups.map((g) => named(g.groupName, g.groupId)).join(", ")} lets TCP ${port} in from ${client.label}.`,
    ...(first
      ? {
          fix: {
            text: `Allow TCP ${port} into ${named(first.groupName, first.groupId)} from ${client.label}.`,
            action: {
              type: "add-ingress-rule" as const,
              groupId: first.groupId,
              protocol: "tcp" as const,
              port,
              ...(client.groupId ? { sourceGroupId: client.groupId } : { cidr: vpc.data.cidr }),
              description: ruleDescription(`TCP ${port} from the clients of ${vpc.label}`),
            },
          },
        }
      : {}),
  };
};

/* ------------------------- 4–6 for a resource configuration ------------------------ */

function inRanges(ranges: readonly string[], port: number): boolean {
  if (ranges.length === 0) return true;
  return ranges.some((r) => {
    const [lo, hi = lo] = r.split("-").map(Number);
    return lo !== undefined && hi !== undefined && lo <= port && port <= hi;
  });
}

export const configurationHop: HopRule = (ctx) => {
  const title = "Resource configuration";
  if (ctx.target.kind !== "resourceConfiguration") return { title, status: "skip", detail: "Not a resource." };
  const { node: c, parent } = ctx.target;
  const { port, facts } = ctx;
  ctx.highlight.push(c.id);
  if (parent) ctx.highlight.push(parent.id);
  if (!c.data.definition && c.data.portRanges.length === 0 && targetGaps(ctx).has("configurationDetails"))
    return unknown(
      title,
      `The ports and target of ${c.data.name} were not read.`,
      targetGaps(ctx).unread("configurationDetails"),
      {
        subject: subjectOf(c),
      },
    );
  const problems: string[] = [];
  if (!isUsable(c.data.status)) problems.push(`it is ${c.data.status}`);
  if (!inRanges(c.data.portRanges, port))
    problems.push(`TCP ${port} is outside its port ranges (${c.data.portRanges.join(", ")})`);
  if (c.data.protocol && c.data.protocol !== "TCP" && c.data.protocol !== "TCP_UDP")
    problems.push(`its protocol is ${c.data.protocol}`);
  const role = facts.dbEndpoint
    ? ` (the ${facts.dbEndpoint.data.role} of ${facts.cluster?.label ?? "the cluster"})`
    : "";
  return {
    title,
    status: problems.length ? "fail" : "pass",
    subject: subjectOf(c),
    detail: problems.length
      ? `${c.data.name}: ${problems.join("; ")}.`
      : `${c.data.name}${role}${parent ? `, child of ${parent.data.type} configuration ${parent.data.name}` : ""}, is ACTIVE and accepts TCP ${port}.`,
    rule: `port ranges ${c.data.portRanges.join(", ") || "all"}, ${c.data.protocol ?? "TCP"}`,
    ...(problems.length
      ? {
          fix: {
            text: !isUsable(c.data.status)
              ? "Wait for the configuration to be ACTIVE, or recreate it."
              : `Use a port in ${c.data.portRanges.join(", ")}, or widen the configuration's port ranges.`,
          },
        }
      : {}),
  };
};

/** Where the gateway sends the traffic: the cluster's groups, or the configured addresses. */
function resourcePeer(ctx: PathContext): Peer {
  const { facts, index } = ctx;
  if (ctx.target.kind !== "resourceConfiguration") return { groupIds: [], cidrs: [] };
  const definition = ctx.target.node.data.definition;
  const gatewayVpc = facts.gateway ? index.get(facts.gateway.data.vpcId, "vpc") : undefined;
  return {
    groupIds: facts.cluster?.data.securityGroupIds ?? [],
    cidrs:
      definition?.kind === "ip" || definition?.kind === "cidr"
        ? definition.values
        : [gatewayVpc?.data.cidr ?? "0.0.0.0/0"],
  };
}

/** Names only a private hosted zone answers (never resolvable publicly). */
const PRIVATE_NAME = /\.(internal|local|lan|corp|intranet|private|home\.arpa)\.?$/i;

/**
 * What the gateway must do beyond its own status and groups: resolve a DNS
 * target where it lives (IN_VPC) or publicly (PUBLIC, fixed at creation), and
 * route to an address outside its VPC. A failing result, or undefined.
 */
function gatewayReach(ctx: PathContext, gateway: GraphNodeOf<"resourceGateway">): HopResult | undefined {
  const title = "Resource gateway";
  if (ctx.target.kind !== "resourceConfiguration") return undefined;
  const definition = ctx.target.node.data.definition;
  if (!definition) return undefined;
  const subject = subjectOf(gateway);
  if (definition.kind === "dns" && gateway.data.dnsResolution === "PUBLIC") {
    const name = definition.values[0] ?? "";
    if (PRIVATE_NAME.test(name))
      return {
        title,
        status: "fail",
        subject,
        detail: `${gateway.label} resolves configuration names publicly (resourceConfigDnsResolution PUBLIC), and ${name} is a name only a private hosted zone answers: the gateway cannot resolve it.`,
        rule: "resourceConfigDnsResolution PUBLIC",
        fix: {
          text: `Create the gateway again with resourceConfigDnsResolution IN_VPC (it is fixed at creation) and move the configuration to it, or publish ${name} in public DNS.`,
        },
      };
  }
  if (definition.kind !== "ip" && definition.kind !== "cidr") return undefined;
  const vpc = ctx.index.get(gateway.data.vpcId, "vpc");
  const tables = vpc?.data.routeTables;
  if (!vpc || !tables) return undefined;
  for (const value of definition.values) {
    if (cidrContains(vpc.data.cidr, value)) continue;
    for (const subnetId of gateway.data.subnetIds) {
      const table = tables.find((t) => t.subnetIds.includes(subnetId)) ?? tables.find((t) => t.main);
      const route = table?.routes.find((r) => r.state !== "blackhole" && cidrContains(r.destination, value));
      if (route) continue;
      return {
        title,
        status: "fail",
        subject,
        detail: `${value} is outside ${vpc.label} (${vpc.data.cidr}), and the route table ${table?.id ?? "(none)"} of ${subnetId}, where ${gateway.label} has an interface, has no route to it.`,
        fix: {
          text: `Add a route to ${value} (through a peering connection, transit gateway or VPN) in ${table?.id ?? "the subnet's route table"}.`,
        },
      };
    }
  }
  return undefined;
}

export const gatewayHop: HopRule = (ctx) => {
  const title = "Resource gateway";
  if (ctx.target.kind !== "resourceConfiguration") return { title, status: "skip", detail: "Not a resource." };
  const { facts, index, port, path } = ctx;
  const gateway = facts.gateway;
  const gatewayId = ctx.target.node.data.gatewayId ?? ctx.target.parent?.data.gatewayId;
  if (!gateway)
    return unknown(
      title,
      `The resource gateway ${gatewayId ?? "(none named)"} could not be read.`,
      targetGaps(ctx).unread("gateways", "configurationDetails"),
    );
  ctx.highlight.push(gateway.id);
  const gatewayGroups = index.securityGroups(gateway.data.securityGroupIds);
  const groupsUnread = gatewayGroups.length < gateway.data.securityGroupIds.length;
  const egress = findEgress(gatewayGroups, port, resourcePeer(ctx));
  const gatewayZones = new Set(
    gateway.data.subnetIds.map((id) => index.subnet(id)?.availabilityZone).filter((z): z is string => Boolean(z)),
  );
  const entryZones =
    path?.entry.kind === "vpcEndpoint"
      ? path.entry.data.subnetIds.map((id) => index.subnet(id)?.availabilityZone).filter((z): z is string => Boolean(z))
      : [];
  const noCommonZone =
    path?.pattern === "resource-endpoint" &&
    entryZones.length > 0 &&
    gatewayZones.size > 0 &&
    !entryZones.some((z) => gatewayZones.has(z));
  const zones = [...gatewayZones].join(", ");
  if (isUsable(gateway.data.status) && !noCommonZone && groupsUnread)
    return unknown(
      title,
      `The rules of ${gateway.label}'s security groups were not read.`,
      targetGaps(ctx).unread("securityGroups"),
      {
        subject: subjectOf(gateway),
      },
    );
  const beyond = gatewayReach(ctx, gateway);
  if (beyond && isUsable(gateway.data.status) && !noCommonZone) return beyond;
  const fails = !isUsable(gateway.data.status) || noCommonZone || (gatewayGroups.length > 0 && !egress);
  return {
    title,
    status: fails ? "fail" : "pass",
    subject: subjectOf(gateway),
    detail: !isUsable(gateway.data.status)
      ? `${gateway.label} is ${gateway.data.status}.`
      : noCommonZone
        ? `The endpoint's subnets (${entryZones.join(", ")}) share no Availability Zone with ${gateway.label} (${zones}).`
        : gatewayGroups.length > 0 && !egress
          ? `No egress rule of ${gatewayGroups.map((g) => g.groupName).join(", ")} lets TCP ${port} out to the resource.`
          : `${gateway.label} is ACTIVE in ${zones} and may send TCP ${port} to the resource.`,
    ...(egress ? { rule: describeRule(egress, "to") } : {}),
    ...(fails
      ? {
          fix: {
            text: noCommonZone
              ? `Give the endpoint a subnet in ${[...gatewayZones].join(" or ")}.`
              : !isUsable(gateway.data.status)
                ? "Wait for the gateway, or recreate it."
                : `Allow TCP ${port} out of ${gatewayGroups[0]?.groupName ?? "the gateway's group"} to the resource.`,
          },
        }
      : {}),
  };
};

export const resourceHop: HopRule = (ctx) => {
  const title = "Resource";
  if (ctx.target.kind !== "resourceConfiguration") return { title, status: "skip", detail: "Not a resource." };
  const { facts, index, port } = ctx;
  const c = ctx.target.node;
  const gateway = facts.gateway;
  const cluster = facts.cluster;
  const value = c.data.definition?.values.join(", ") ?? c.data.name;
  if (!cluster) {
    const looksLikeRds =
      c.data.definition?.kind === "arn" || /\.rds\.amazonaws\.com$/i.test(c.data.definition?.values[0] ?? "");
    if (looksLikeRds && targetGaps(ctx).has("databases"))
      return unknown(
        title,
        `The Aurora cluster behind ${value} was not read, so whether its security groups admit the resource gateway is unknown.`,
        targetGaps(ctx).unread("databases"),
      );
    return {
      title,
      status: "skip",
      detail: `What guards ${value} is outside what AWS's APIs show Atlas: it must accept TCP ${port} from the resource gateway's group ${gateway?.data.securityGroupIds.join(", ") || "(none)"} or its subnets.`,
    };
  }
  if (facts.dbEndpoint) ctx.highlight.push(cluster.id, facts.dbEndpoint.id);
  else ctx.highlight.push(cluster.id);
  if (!gateway)
    return unknown(title, `Without the resource gateway, the rules of ${cluster.label} cannot be checked.`, []);
  const clusterGroups = index.securityGroups(cluster.data.securityGroupIds);
  if (clusterGroups.length < cluster.data.securityGroupIds.length)
    return unknown(
      title,
      `The security groups of ${cluster.label} were not read.`,
      targetGaps(ctx).unread("securityGroups"),
      {
        subject: subjectOf(cluster),
      },
    );
  const gatewayPeer: Peer = {
    groupIds: gateway.data.securityGroupIds,
    cidrs: gateway.data.subnetIds.map((id) => index.subnet(id)?.cidr).filter((x): x is string => Boolean(x)),
  };
  const ingress = findIngress(clusterGroups, port, gatewayPeer);
  const first = clusterGroups[0];
  if (ingress) {
    ctx.highlight.push(ingress.group.groupId);
    const available = isUsable(cluster.data.status);
    return {
      title,
      status: available ? "pass" : "fail",
      subject: subjectOf(cluster),
      detail: available
        ? `${cluster.label} (${cluster.data.engine}) lets TCP ${port} in from the resource gateway.`
        : `${cluster.label} is ${cluster.data.status}.`,
      rule: describeRule(ingress, "from"),
      ...(available ? {} : { fix: { text: `Wait until ${cluster.label} is available.` } }),
    };
  }
  if (first) ctx.highlight.push(first.groupId);
  const source = gateway.data.securityGroupIds[0];
  return {
    title,
    status: "fail",
    subject: first ? groupSubject(first) : subjectOf(cluster),
    detail: `No rule of ${clusterGroups.map((g) => named(g.groupName, g.groupId)).join(", ") || "the cluster's security groups"} lets TCP ${port} in from the resource gateway's group ${gateway.data.securityGroupIds.join(", ")}: connections time out.`,
    ...(first && source
      ? {
          fix: {
            text: `Allow TCP ${port} into ${named(first.groupName, first.groupId)} from the resource gateway's group ${source}.`,
            action: {
              type: "add-ingress-rule" as const,
              groupId: first.groupId,
              protocol: "tcp" as const,
              port,
              sourceGroupId: source,
              description: "From the VPC Lattice resource gateway",
            },
          },
        }
      : {}),
  };
};

/* ------------------------------ 4–6 for a Lattice service ----------------------------- */

export const listenerHop: HopRule = (ctx) => {
  const title = "Lattice service";
  if (ctx.target.kind !== "service") return { title, status: "skip", detail: "Not a service." };
  const s = ctx.target.node;
  const { port } = ctx;
  ctx.highlight.push(s.id);
  if (s.data.listeners.length === 0 && targetGaps(ctx).has("listeners"))
    return unknown(title, `The listeners of ${s.data.name} were not read.`, targetGaps(ctx).unread("listeners"), {
      subject: subjectOf(s),
    });
  const listener = s.data.listeners.find((l) => l.port === port);
  const live = isUsable(s.data.status);
  return {
    title,
    status: live && listener ? "pass" : "fail",
    subject: subjectOf(s),
    detail: !live
      ? `${s.data.name} is ${s.data.status}.`
      : listener
        ? `${s.data.name} listens on ${listener.protocol} ${listener.port}.`
        : `${s.data.name} listens on ${s.data.listeners.map((l) => `${l.protocol} ${l.port}`).join(", ") || "nothing"}, not on ${port}.`,
    ...(listener
      ? { rule: `listener ${listener.name}: ${listener.protocol} ${listener.port}` }
      : { fix: { text: `Use port ${s.data.listeners[0]?.port ?? 443}, or add a listener on ${port}.` } }),
  };
};

export const targetGroupHop: HopRule = (ctx) => {
  const title = "Target group";
  if (ctx.target.kind !== "service") return { title, status: "skip", detail: "Not a service." };
  const s = ctx.target.node;
  const groups = ctx.index.targetGroupsOf(s.data.arn);
  ctx.highlight.push(...groups.map((g) => g.id));
  if (groups.length === 0 && targetGaps(ctx).has("targetGroups"))
    return unknown(title, `The target groups of ${s.data.name} were not read.`, targetGaps(ctx).unread("targetGroups"));
  return {
    title,
    status: groups.length === 0 ? "fail" : groups.every((g) => isUsable(g.data.status)) ? "pass" : "fail",
    ...(groups[0] ? { subject: subjectOf(groups[0]) } : {}),
    detail:
      groups.length === 0
        ? `No listener of ${s.data.name} forwards to a target group.`
        : `${groups.map((g) => `${g.label} (${g.data.type}, ${g.data.status})`).join(", ")}.`,
    ...(groups.length === 0 ? { fix: { text: "Forward the listener to a target group." } } : {}),
  };
};

export const targetsAndAuthHop: HopRule = (ctx) => {
  const title = "Targets and auth";
  if (ctx.target.kind !== "service") return { title, status: "skip", detail: "Not a service." };
  const s = ctx.target.node;
  const { index, path } = ctx;
  const groups = index.targetGroupsOf(s.data.arn);
  const targets = groups.flatMap((g) => index.targetsOf(g.id));
  ctx.highlight.push(...targets.map((t) => t.id));
  const healthy = targets.filter((t) => isUsable(t.data.status));
  const network = path?.networkId ? index.get(path.networkId, "serviceNetwork") : undefined;
  const iam = s.data.authType === "AWS_IAM" || network?.data.authType === "AWS_IAM";
  const policyMissing =
    (s.data.authType === "AWS_IAM" && s.data.authPolicy === "absent") ||
    (network?.data.authType === "AWS_IAM" && network.data.authPolicy === "absent");
  // A policy that denies every caller, whoever signs the request.
  const denying = [
    ...(s.data.authType === "AWS_IAM" && s.data.authPolicyText
      ? [{ where: `the service ${s.data.name}`, why: policyDeniesEveryone(s.data.authPolicyText) }]
      : []),
    ...(network?.data.authType === "AWS_IAM" && network.data.authPolicyText
      ? [{ where: `the service network ${network.data.name}`, why: policyDeniesEveryone(network.data.authPolicyText) }]
      : []),
  ].find((p) => p.why !== undefined);
  if (targets.length === 0 && targetGaps(ctx).has("targets"))
    return unknown(title, `The targets of ${s.data.name} were not read.`, targetGaps(ctx).unread("targets"));
  if (
    healthy.length > 0 &&
    !policyMissing &&
    !denying &&
    (s.data.authPolicy === "unknown" || network?.data.authPolicy === "unknown") &&
    targetGaps(ctx).has("auth")
  )
    return unknown(
      title,
      `Whether IAM auth is on for ${s.data.name} could not be read.`,
      targetGaps(ctx).unread("auth"),
    );
  const fails = healthy.length === 0 || policyMissing || Boolean(denying);
  return {
    title,
    status: fails ? "fail" : "pass",
    ...(targets[0] ? { subject: subjectOf(targets[0]) } : {}),
    detail:
      healthy.length === 0
        ? `No healthy target (${targets.map((t) => `${t.label}: ${t.data.status ?? "unknown"}`).join(", ") || "none registered"}).`
        : policyMissing
          ? "IAM auth is on but no auth policy is set, so every request is denied."
          : denying
            ? `The auth policy of ${denying.where} denies every caller: ${denying.why}. Requests get 403 Forbidden.`
            : `${healthy.length} healthy target${healthy.length === 1 ? "" : "s"}${iam ? "; IAM auth is on: requests must be SigV4-signed and allowed by the auth policy" : "; no IAM auth"}.`,
    rule: iam ? "auth type AWS_IAM with a policy" : "auth type NONE",
    ...(healthy.length === 0
      ? { fix: { text: "Register healthy targets in the target group." } }
      : policyMissing
        ? { fix: { text: "Put an auth policy on the service (or network) that allows the caller." } }
        : denying
          ? {
              fix: {
                text: `Change the auth policy of ${denying.where} so that it allows the callers (vpc-lattice-svcs:Invoke).`,
              },
            }
          : {}),
  };
};

/* ------------------------------------ 7. DNS ------------------------------------ */

export const dnsHop: HopRule = (ctx) => {
  const title = "DNS";
  const { path, names, hostname, vpc } = ctx;
  if (!path) return { title, status: "skip", detail: "No way in." };
  const working = names.working;
  if (working.length === 0) {
    const unread = pathGaps(ctx).unread(path.entry.kind === "vpcEndpoint" ? "endpointNames" : "resourceAssociations");
    return unknown(title, "No name is published for this path yet.", unread);
  }
  if (hostname) {
    const wanted = hostname.toLowerCase();
    const match = working.find((h) => h.hostname.toLowerCase() === wanted);
    if (match)
      return {
        title,
        status: "pass",
        detail: `${hostname} resolves through this path (${match.privateDns ? "private DNS" : "the generated name"}).`,
        rule: `${match.source.api} ${match.source.field}`,
      };
    const fails = [...names.failing, ...ctx.otherFailingNames].find((h) => h.hostname.toLowerCase() === wanted);
    return {
      title,
      status: "fail",
      subject: path.association ? subjectOf(path.association) : subjectOf(path.entry),
      detail: fails?.reason ?? `${hostname} is not a name that ${path.entry.id} publishes in ${vpc.label}.`,
      fix: { text: `Use ${working[0]!.hostname}.` },
    };
  }
  return {
    title,
    status: "pass",
    detail: `Use ${working[0]!.hostname}${
      working.length > 1
        ? ` (or ${working
            .slice(1)
            .map((h) => h.hostname)
            .join(", ")})`
        : ""
    }.`,
    rule: `${working[0]!.source.api} ${working[0]!.source.field}`,
  };
};

/* ------------------------------- 8. network ACLs ------------------------------- */

interface AclLeg {
  /** Which subnets' ACLs: the client's, the endpoint's, the gateway's. */
  label: string;
  vpc: GraphNodeOf<"vpc"> | undefined;
  subnetIds: string[];
  outgoing: boolean;
  peer: string;
}

/** The legs of the path whose subnets have network ACLs in the way. */
function aclLegs(ctx: PathContext): AclLeg[] {
  const { index, path, vpc, clientSubnet, port: _port } = ctx;
  if (!path) return [];
  const legs: AclLeg[] = [];
  const destination = destinationOf(ctx);
  const clientSubnets = clientSubnet ? [clientSubnet.id] : vpc.data.subnets.map((s) => s.id);
  const clientCidr = clientSubnet?.cidr ?? vpc.data.cidr;
  for (const peer of destination.peer.cidrs)
    legs.push({
      label: `the client's subnet${clientSubnet ? "" : "s"}`,
      vpc,
      subnetIds: clientSubnets,
      outgoing: true,
      peer,
    });
  if (path.entry.kind === "vpcEndpoint")
    legs.push({
      label: `the subnets of ${path.entry.id}`,
      vpc,
      subnetIds: path.entry.data.subnetIds,
      outgoing: false,
      peer: clientCidr,
    });
  const gateway = ctx.facts.gateway;
  if (gateway && ctx.target.kind === "resourceConfiguration") {
    const gatewayVpc = index.get(gateway.data.vpcId, "vpc");
    const definition = ctx.target.node.data.definition;
    const peers =
      definition?.kind === "ip" || definition?.kind === "cidr"
        ? definition.values
        : ctx.facts.cluster
          ? [gatewayVpc?.data.cidr ?? "0.0.0.0/0"]
          : [];
    for (const peer of peers)
      legs.push({
        label: `the subnets of ${gateway.label}`,
        vpc: gatewayVpc,
        subnetIds: gateway.data.subnetIds,
        outgoing: true,
        peer,
      });
  }
  return legs;
}

export const networkAclsHop: HopRule = (ctx) => {
  const title = "Network ACLs";
  if (!ctx.path) return { title, status: "skip", detail: "No way in." };
  const legs = aclLegs(ctx);
  const allowedBy: string[] = [];
  const unreadVpcs: string[] = [];
  for (const leg of legs) {
    const acls = leg.vpc?.data.networkAcls;
    if (!acls) {
      if (leg.vpc) unreadVpcs.push(leg.vpc.id);
      continue;
    }
    for (const subnetId of leg.subnetIds) {
      const acl = aclOfSubnet(acls, subnetId);
      if (!acl) continue;
      const verdict = aclAllowsConnection(acl, leg.outgoing, ctx.port, leg.peer);
      if (verdict.allowed) {
        allowedBy.push(...verdict.allowedBy.map((e) => describeAclEntry(acl, e)));
        continue;
      }
      const denied = verdict.denied!;
      const what =
        denied.port === ctx.port
          ? `TCP ${ctx.port}`
          : `the answers on port ${denied.port} (the client's ephemeral ports)`;
      const firstDeny = denied.entry?.ruleNumber;
      return {
        title,
        status: "fail",
        subject: { id: acl.id, kind: "networkAcl", label: acl.id },
        detail: `The network ACL ${acl.id} of ${subnetId} (${leg.label}) drops ${what} ${denied.direction === "outbound" ? "out to" : "in from"} ${denied.peer}: ${describeAclEntry(acl, denied.entry)}. Network ACLs are stateless: the request and its answer must both be allowed.`,
        fix: {
          text: `Add to ${acl.id} an ${denied.direction} ALLOW for ${denied.port === ctx.port ? `TCP ${ctx.port}` : "TCP 1024-65535"} ${denied.direction === "outbound" ? "to" : "from"} ${denied.peer}${firstDeny !== undefined ? ` numbered below ${firstDeny}` : ""}${denied.port === ctx.port ? `, and the answers on TCP 1024-65535 the other way` : ""}.`,
        },
      };
    }
  }
  const gaps = pathGaps(ctx);
  if (unreadVpcs.length > 0 && gaps.has("networkAcls"))
    return unknown(
      title,
      `The network ACLs of ${[...new Set(unreadVpcs)].join(", ")} were not read.`,
      gaps.unread("networkAcls"),
    );
  if (allowedBy.length === 0)
    return {
      title,
      status: "skip",
      detail:
        legs.length > 0 && unreadVpcs.length === legs.length
          ? "The network ACLs of these subnets are not part of this topology."
          : "No network ACL filters this path (VPC Lattice answers on link-local addresses).",
    };
  return {
    title,
    status: "pass",
    detail: `The network ACLs on the path let TCP ${ctx.port} through both ways (request and answer).`,
    rule: [...new Set(allowedBy)].slice(0, 4).join("; "),
  };
};

export const RESOURCE_HOPS: readonly HopRule[] = [
  clientEgress,
  wayIn,
  entrySecurityGroups,
  configurationHop,
  gatewayHop,
  resourceHop,
  dnsHop,
  networkAclsHop,
];

export const SERVICE_HOPS: readonly HopRule[] = [
  clientEgress,
  wayIn,
  entrySecurityGroups,
  listenerHop,
  targetGroupHop,
  targetsAndAuthHop,
  dnsHop,
  networkAclsHop,
];
