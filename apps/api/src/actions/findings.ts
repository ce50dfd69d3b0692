/**
 * The preflight checks several action kinds share, each a finding that says
 * what is wrong and what to do (blocking ones would fail at AWS or silently
 * not work). The Lattice rules they apply — security groups, subnets, status,
 * ports, what a network or endpoint reaches — come from the domain core.
 */
import {
  isFailed,
  isGoing,
  isUsable,
  type DnsOptionsInput,
  type Finding,
  type GraphNodeOf,
} from "@lattice-atlas/shared";
import { cidrContains } from "../lattice/cidr.js";
import type { GraphIndex, SecurityGroupFacts } from "../lattice/graph-index.js";
import { admitsPortFromSomewhere, findIngress, ruleAllowsPort, ruleDescription } from "../lattice/security-groups.js";
import { describeTarget, leavesOf, targetsOf, topOf, type Configuration, type Service } from "../lattice/targets.js";
import { named } from "../lattice/text.js";

type Vpc = GraphNodeOf<"vpc">;
type Network = GraphNodeOf<"serviceNetwork">;
type Endpoint = GraphNodeOf<"vpcEndpoint">;

export const MAX_SECURITY_GROUPS = 5;

/** An endpoint that still exists and works, or will (not deleting, deleted, failed, rejected or expired). */
export const endpointLive = (e: Endpoint): boolean => !isGoing(e.data.state) && !isFailed(e.data.state);

export class Findings {
  readonly list: Finding[] = [];
  add(finding: Finding): void {
    if (
      !this.list.some((f) => f.code === finding.code && f.subject === finding.subject && f.message === finding.message)
    )
      this.list.push(finding);
  }
  blocking(code: Finding["code"], message: string, fix: string, extra: Partial<Finding> = {}): void {
    this.add({ code, severity: "blocking", message, fix, ...extra });
  }
  warning(code: Finding["code"], message: string, fix: string, extra: Partial<Finding> = {}): void {
    this.add({ code, severity: "warning", message, fix, ...extra });
  }
  info(code: Finding["code"], message: string, fix: string, extra: Partial<Finding> = {}): void {
    this.add({ code, severity: "info", message, fix, ...extra });
  }
}

/* ------------------------------- ports of things ------------------------------- */

export interface PortUse {
  port: number;
  what: string;
}

/** The ports a connection to a configuration uses (its children's for a GROUP/ARN). */
export function portsOfConfiguration(index: GraphIndex, configuration: Configuration): PortUse[] {
  const out = new Map<number, string>();
  for (const node of [configuration, ...index.childrenOf(configuration.id)]) {
    const port = describeTarget(index, { kind: "resourceConfiguration", node }).port;
    if (port !== undefined && !out.has(port)) out.set(port, named(configuration.label, configuration.id));
  }
  return [...out].map(([port, what]) => ({ port, what }));
}

export function portsOfService(service: Service): PortUse[] {
  return [...new Set(service.data.listeners.map((l) => l.port))].map((port) => ({
    port,
    what: named(service.label, service.id),
  }));
}

/** What a network carries now (associations that are not going away or failed). */
export function networkMembers(
  index: GraphIndex,
  networkId: string,
): { configurations: Configuration[]; services: Service[] } {
  const live = (status: string | undefined) => !isGoing(status) && !isFailed(status);
  const configurations = index
    .resourceAssociationsIn(networkId)
    .filter((a) => !a.data.isManaged && live(a.data.status))
    .map((a) => index.get(a.data.resourceConfigurationId, "resourceConfiguration"))
    .filter((c): c is Configuration => Boolean(c));
  const services = index
    .serviceAssociationsIn(networkId)
    .filter((a) => live(a.data.status))
    .map((a) => index.get(a.data.serviceId, "service"))
    .filter((s): s is Service => Boolean(s));
  return { configurations, services };
}

export function portsOfNetwork(index: GraphIndex, networkId: string): PortUse[] {
  const { configurations, services } = networkMembers(index, networkId);
  const all = [...configurations.flatMap((c) => portsOfConfiguration(index, c)), ...services.flatMap(portsOfService)];
  const byPort = new Map<number, string[]>();
  for (const { port, what } of all) byPort.set(port, [...(byPort.get(port) ?? []), what]);
  return [...byPort].map(([port, whats]) => ({ port, what: whats.join(", ") }));
}

/** Leaf configuration ids an endpoint for a configuration reaches. */
export const reachedByResourceEndpoint = (index: GraphIndex, configuration: Configuration): Set<string> =>
  new Set(leavesOf(index, configuration).map((c) => c.id));

/** Leaf configuration ids a network's endpoint reaches. */
export const reachedByNetwork = (index: GraphIndex, networkId: string): Set<string> =>
  new Set(networkMembers(index, networkId).configurations.flatMap((c) => leavesOf(index, c).map((l) => l.id)));

/* ----------------------------------- checks ----------------------------------- */

/** The pair is associated already: nothing to do, or (when it failed) its removal, one click away. */
export function duplicateAssociation(
  f: Findings,
  existing: { id: string; data: { status: string } },
  message: string,
  removal: "remove-vpc-association" | "remove-resource-association" | "remove-service-association",
): void {
  const failed = isFailed(existing.data.status);
  f.blocking(
    "DUPLICATE_ASSOCIATION",
    message,
    failed ? "Delete the failed association, then create it again." : "Nothing to do: the association exists.",
    {
      subject: existing.id,
      ...(failed
        ? {
            alternative: {
              label: `Delete the failed association ${existing.id}`,
              action: { type: removal, associationId: existing.id },
            },
          }
        : {}),
    },
  );
}

/**
 * Associations of the pair a change would create: one being removed blocks
 * until it is gone (AWS refuses a new one), one that exists is a duplicate.
 */
export function checkExistingPair(
  f: Findings,
  existing: ReadonlyArray<{ id: string; data: { status: string } }>,
  describe: (association: { id: string; data: { status: string } }) => string,
  removal: "remove-resource-association" | "remove-service-association",
): void {
  for (const association of existing) {
    if (isGoing(association.data.status))
      f.blocking(
        "BUSY",
        `The association ${association.id} of this pair is being removed; wait until it is gone.`,
        "Plan again in a minute.",
        { subject: association.id },
      );
    else duplicateAssociation(f, association, describe(association), removal);
  }
}

/** A live endpoint of the same kind and target in the VPC: a second one adds cost and no reach. */
export function checkDuplicateEndpoints(
  f: Findings,
  existing: readonly Endpoint[],
  describe: (e: Endpoint) => string,
): void {
  for (const endpoint of existing.filter(endpointLive))
    f.warning(
      "DUPLICATE_ENDPOINT",
      describe(endpoint),
      `Use the names of ${endpoint.id}; a second endpoint adds cost and no reach.`,
      {
        subject: endpoint.id,
      },
    );
}

export function notFound(f: Findings, what: string, id: string): void {
  f.blocking(
    "NOT_FOUND",
    `${what} ${id} is not in the current topology of this account and region.`,
    "Check the id, or refresh the topology if it was created moments ago.",
    { subject: id },
  );
}

/** Security groups chosen for an association or endpoint: at most five, all of the VPC. */
export function checkGroups(
  f: Findings,
  index: GraphIndex,
  vpc: Vpc | undefined,
  groupIds: string[],
  what: string,
): SecurityGroupFacts[] {
  if (groupIds.length > MAX_SECURITY_GROUPS) {
    f.blocking(
      "TOO_MANY_SECURITY_GROUPS",
      `${groupIds.length} security groups were chosen; ${what} takes at most ${MAX_SECURITY_GROUPS} (a fixed quota).`,
      `Keep at most ${MAX_SECURITY_GROUPS}; merge rules into fewer groups if needed.`,
    );
  }
  const groups: SecurityGroupFacts[] = [];
  for (const groupId of groupIds) {
    const group = index.securityGroup(groupId);
    if (!group) {
      f.blocking(
        "GROUP_NOT_IN_VPC",
        `Security group ${groupId} was not found${vpc ? ` in ${named(vpc.label, vpc.id)}` : ""}.`,
        "Pick a security group of that VPC.",
        { subject: groupId },
      );
      continue;
    }
    if (vpc && group.vpcId !== vpc.id) {
      f.blocking(
        "GROUP_NOT_IN_VPC",
        `Security group ${named(group.groupName, groupId)} belongs to ${group.vpcId}, not to ${named(vpc.label, vpc.id)}.`,
        "Pick security groups of the VPC the change is made in.",
        { subject: groupId },
      );
      continue;
    }
    groups.push(group);
  }
  return groups;
}

export function checkDnsOptions(
  f: Findings,
  privateDnsEnabled: boolean | undefined,
  dnsOptions: DnsOptionsInput | undefined,
): void {
  if (!dnsOptions) return;
  if (privateDnsEnabled !== true) {
    f.blocking(
      "DNS_OPTIONS",
      "DNS options only apply when private DNS is enabled.",
      "Enable private DNS, or drop the DNS options.",
    );
  }
  const preference = dnsOptions.privateDnsPreference;
  const specified = dnsOptions.privateDnsSpecifiedDomains ?? [];
  if (
    (preference === "SPECIFIED_DOMAINS_ONLY" || preference === "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS") &&
    specified.length === 0
  ) {
    f.blocking(
      "DNS_OPTIONS",
      `The private DNS preference ${preference} needs the domains to create private hosted zones for.`,
      "List them in privateDnsSpecifiedDomains (up to 10; *.example.com wildcards allowed).",
    );
  }
  if (
    specified.length > 0 &&
    (preference === undefined || preference === "VERIFIED_DOMAINS_ONLY" || preference === "ALL_DOMAINS")
  ) {
    f.blocking(
      "DNS_OPTIONS",
      `Specified domains are used only with the preference SPECIFIED_DOMAINS_ONLY or VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS, not ${preference ?? "the default VERIFIED_DOMAINS_ONLY"}.`,
      "Choose one of those preferences, or drop the specified domains.",
    );
  }
}

/** Subnets of an endpoint: in the VPC, one per AZ, and (Resource endpoints) an AZ shared with the resource gateway. */
export function checkSubnets(
  f: Findings,
  index: GraphIndex,
  vpc: Vpc | undefined,
  subnetIds: string[],
  gateway: GraphNodeOf<"resourceGateway"> | undefined,
): void {
  const zones = new Map<string, string>();
  for (const subnetId of subnetIds) {
    const subnet = index.subnet(subnetId);
    if (!subnet || (vpc && subnet.vpcId !== vpc.id)) {
      f.blocking(
        "SUBNET_NOT_IN_VPC",
        subnet
          ? `Subnet ${subnetId} is in ${subnet.vpcId}, not in ${vpc ? named(vpc.label, vpc.id) : "the endpoint's VPC"}.`
          : `Subnet ${subnetId} was not found.`,
        "Pick subnets of the endpoint's VPC.",
        { subject: subnetId },
      );
      continue;
    }
    const other = zones.get(subnet.availabilityZone);
    if (other) {
      f.blocking(
        "SUBNETS_SHARE_AZ",
        `Subnets ${other} and ${subnetId} are both in ${subnet.availabilityZone}; an endpoint takes one subnet per Availability Zone.`,
        `Keep one of them for ${subnet.availabilityZone}.`,
        { subject: subnetId },
      );
      continue;
    }
    zones.set(subnet.availabilityZone, subnetId);
  }
  if (!gateway || zones.size === 0) return;
  const gatewayZones = [
    ...new Set(
      gateway.data.subnetIds.map((id) => index.subnet(id)?.availabilityZone).filter((z): z is string => Boolean(z)),
    ),
  ];
  if (gatewayZones.length === 0) return;
  if (![...zones.keys()].some((zone) => gatewayZones.includes(zone))) {
    f.blocking(
      "NO_COMMON_AZ",
      `The endpoint's subnets are in ${[...zones.keys()].sort().join(", ")}, but resource gateway ${named(gateway.label, gateway.id)} has its interfaces in ${gatewayZones.sort().join(", ")}; they need at least one Availability Zone in common.`,
      `Add a subnet of the VPC in ${gatewayZones.sort().join(" or ")}.`,
      { subject: gateway.id },
    );
  }
}

/** The entry side: the groups a client's traffic meets must let the path's ports in. */
export function checkEntryIngress(
  f: Findings,
  vpc: Vpc | undefined,
  groups: SecurityGroupFacts[],
  ports: PortUse[],
  where: string,
): void {
  if (groups.length === 0) return;
  for (const { port, what } of ports) {
    if (admitsPortFromSomewhere(groups, port)) continue;
    const group = groups[0]!;
    f.warning(
      "ENTRY_INGRESS_MISSING",
      `None of the security groups on ${where} (${groups.map((g) => named(g.groupName, g.groupId)).join(", ")}) lets TCP ${port} in; clients will time out reaching ${what}.`,
      `Add an inbound rule for TCP ${port} from your clients (their security group, or the VPC CIDR) to ${named(group.groupName, group.groupId)}.`,
      {
        subject: group.groupId,
        ...(vpc
          ? {
              alternative: {
                label: `Allow TCP ${port} from ${vpc.data.cidr} on ${group.groupName || group.groupId}`,
                action: {
                  type: "add-ingress-rule",
                  groupId: group.groupId,
                  protocol: "tcp",
                  port,
                  cidr: vpc.data.cidr,
                  description: ruleDescription(`Lattice Atlas: TCP ${port} from ${vpc.label}`),
                },
              },
            }
          : {}),
      },
    );
  }
}

/**
 * The resource side (the field report's rule): the database's security group
 * must admit the resource gateway on the port, or connections through Lattice
 * time out at the database. The same rule as the check's hop 6.
 */
export function checkTargetIngress(f: Findings, index: GraphIndex, configuration: Configuration): void {
  const top = topOf(index, configuration);
  const seen = new Set<string>();
  for (const target of targetsOf(index, top)) {
    const facts = describeTarget(index, target);
    const { cluster, gateway, port } = facts;
    if (!cluster || !gateway || port === undefined || seen.has(`${cluster.id}:${port}`)) continue;
    seen.add(`${cluster.id}:${port}`);
    const targetGroups = index.securityGroups(cluster.data.securityGroupIds);
    if (targetGroups.length === 0 || gateway.data.securityGroupIds.length === 0) continue;
    const gatewayPeer = {
      groupIds: gateway.data.securityGroupIds,
      cidrs: gateway.data.subnetIds.map((id) => index.subnet(id)?.cidr).filter((c): c is string => Boolean(c)),
    };
    if (findIngress(targetGroups, port, gatewayPeer)) continue;
    const first = targetGroups[0]!;
    const source = gateway.data.securityGroupIds[0]!;
    f.warning(
      "TARGET_INGRESS_MISSING",
      `${named(cluster.label, cluster.data.identifier)} does not let TCP ${port} in from resource gateway ${named(gateway.label, gateway.id)}: none of its security groups (${targetGroups.map((g) => named(g.groupName, g.groupId)).join(", ")}) admits the gateway's group ${source}. Connections through Lattice will time out at the database.`,
      `Add an inbound rule for TCP ${port} from ${source} to ${named(first.groupName, first.groupId)}.`,
      {
        subject: first.groupId,
        alternative: {
          label: `Allow TCP ${port} from the resource gateway's group on ${first.groupName || first.groupId}`,
          action: {
            type: "add-ingress-rule",
            groupId: first.groupId,
            protocol: "tcp",
            port,
            sourceGroupId: source,
            description: ruleDescription(`Lattice Atlas: TCP ${port} from resource gateway ${gateway.id}`),
          },
        },
      },
    );
  }
}

/** Consumers already on a network (VPC associations and ServiceNetwork endpoints with groups) must let a new member's ports in. */
export function checkConsumersOfNetwork(f: Findings, index: GraphIndex, network: Network, ports: PortUse[]): void {
  for (const association of index.vpcAssociationsIn(network.id)) {
    if (isGoing(association.data.status)) continue;
    const vpc = index.get(association.data.vpcId, "vpc");
    checkEntryIngress(
      f,
      vpc,
      index.securityGroups(association.data.securityGroupIds),
      ports,
      `VPC association ${association.id} of ${vpc ? named(vpc.label, vpc.id) : association.data.vpcId}`,
    );
  }
  for (const endpoint of index.of("vpcEndpoint")) {
    if (endpoint.data.serviceNetworkArn !== network.data.arn || !endpointLive(endpoint)) continue;
    checkEntryIngress(
      f,
      index.get(endpoint.data.vpcId, "vpc"),
      index.securityGroups(endpoint.data.securityGroupIds),
      ports,
      `ServiceNetwork endpoint ${endpoint.id}`,
    );
  }
}

/** With no groups chosen, AWS puts the VPC's default group on an endpoint. */
export function endpointGroups(
  f: Findings,
  index: GraphIndex,
  vpc: Vpc | undefined,
  chosen: SecurityGroupFacts[],
  requested: string[],
): SecurityGroupFacts[] {
  if (requested.length > 0 || !vpc) return chosen;
  const fallback = index.securityGroupsOf(vpc.id).find((g) => g.groupName === "default");
  f.info(
    "DEFAULT_SECURITY_GROUP",
    `No security group chosen: AWS attaches the VPC's default group${fallback ? ` ${fallback.groupId}` : ""}, which usually admits only its own members.`,
    "Choose a security group that admits your clients on the resource's port.",
    fallback ? { subject: fallback.groupId } : {},
  );
  return fallback ? [fallback] : [];
}

/** The clash AWS refuses: with private DNS, one VPC cannot hold a Resource and a ServiceNetwork endpoint for the same configuration. */
export function checkPrivateDnsClash(
  f: Findings,
  index: GraphIndex,
  vpcId: string,
  type: "Resource" | "ServiceNetwork",
  reached: Set<string>,
): void {
  for (const other of index.endpointsIn(vpcId)) {
    if (other.data.endpointType === type || !other.data.privateDnsEnabled || !endpointLive(other)) continue;
    const configuration = index.findOf(other.data.resourceConfigurationArn, "resourceConfiguration");
    const network = index.findOf(other.data.serviceNetworkArn, "serviceNetwork");
    const theirs = configuration
      ? reachedByResourceEndpoint(index, configuration)
      : network
        ? reachedByNetwork(index, network.id)
        : new Set<string>();
    const shared = [...reached].filter((id) => theirs.has(id));
    if (shared.length === 0) continue;
    f.blocking(
      "PRIVATE_DNS_CLASH",
      `With private DNS enabled, a VPC cannot have both a Resource and a ServiceNetwork endpoint for the same resource configuration: ${other.data.endpointType} endpoint ${other.id} in ${vpcId} already reaches ${shared.join(", ")} with private DNS.`,
      `Create this endpoint with private DNS off, or use the existing endpoint ${other.id}.`,
      { subject: other.id },
    );
  }
}

export function checkNotDeleting(
  f: Findings,
  node: { id: string; label: string; status?: string | undefined } | undefined,
  what: string,
): void {
  if (!node) return;
  if (isGoing(node.status)) {
    f.blocking(
      "TARGET_DELETING",
      `${what} ${named(node.label, node.id)} is being deleted (${node.status}).`,
      "Pick something that is not being deleted.",
      { subject: node.id },
    );
  } else if (node.status && !isUsable(node.status)) {
    f.warning(
      "TARGET_NOT_READY",
      `${what} ${named(node.label, node.id)} is ${node.status}, not ACTIVE.`,
      "Wait until it is ACTIVE, or expect AWS to refuse the change.",
      { subject: node.id },
    );
  }
}

/** An existing rule that already lets TCP `port` in from the same source (exact), or from the same or a broader one. */
export function ruleCovering(
  group: SecurityGroupFacts,
  port: number,
  source: { sourceGroupId?: string | undefined; cidr?: string | undefined },
): { exact: boolean; rule: SecurityGroupFacts["ingress"][number] } | undefined {
  const candidates = group.ingress.filter((rule) => ruleAllowsPort(rule, port));
  const sameSource = (rule: SecurityGroupFacts["ingress"][number]): boolean =>
    (source.sourceGroupId !== undefined && rule.sourceGroupId === source.sourceGroupId) ||
    (source.cidr !== undefined && rule.cidr === source.cidr);
  const exact = candidates.find(
    (rule) => sameSource(rule) && rule.protocol === "tcp" && rule.fromPort === port && rule.toPort === port,
  );
  if (exact) return { exact: true, rule: exact };
  const broader = candidates.find(
    (rule) =>
      sameSource(rule) ||
      (source.cidr !== undefined && rule.cidr !== undefined && cidrContains(rule.cidr, source.cidr)),
  );
  return broader ? { exact: false, rule: broader } : undefined;
}
