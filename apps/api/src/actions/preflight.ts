/**
 * Preflight: pure checks of one action against the cached topology, before
 * any AWS call. Each finding says what is wrong and what to do; blocking ones
 * would fail at AWS (or silently not work) and stop an execution. Where a
 * ready alternative exists (a ServiceNetwork endpoint instead of a second VPC
 * association, the GROUP instead of a CHILD, the one missing ingress rule) the
 * finding carries it as an action the UI can plan next.
 *
 * It also resolves what the AWS calls need and the action does not spell:
 * ARNs for EC2, an ARN for a network owned by another account.
 */
import type { Action, DnsOptionsInput, Finding, GraphNodeOf, SecurityGroupRule } from "@lattice-atlas/shared";
import { singlePort } from "../connect/commands.js";
import type { GraphIndex, SecurityGroupFacts } from "../connect/graph-index.js";

type Vpc = GraphNodeOf<"vpc">;
type Network = GraphNodeOf<"serviceNetwork">;
type Configuration = GraphNodeOf<"resourceConfiguration">;
type Service = GraphNodeOf<"service">;
type Endpoint = GraphNodeOf<"vpcEndpoint">;

export interface PreflightContext {
  accountId: string;
  region: string;
  /** false when the source refuses changes: the plan still codifies, execution is refused. */
  mutationsAllowed: boolean;
}

/** What the AWS calls need beyond the action itself. */
export interface ResolvedAction {
  action: Action;
  accountId: string;
  region: string;
  summary: string;
  /** Lattice `serviceNetworkIdentifier`: the id, or the ARN for a network of another account. */
  serviceNetworkIdentifier?: string;
  serviceNetworkArn?: string;
  resourceConfigurationIdentifier?: string;
  resourceConfigurationArn?: string;
  serviceIdentifier?: string;
}

export interface PreflightResult {
  findings: Finding[];
  blocking: boolean;
  resolved: ResolvedAction;
}

export const MAX_SECURITY_GROUPS = 5;

const DELETING = (status: string | undefined): boolean => Boolean(status?.startsWith("DELETE"));
const IN_PROGRESS = (status: string | undefined): boolean => Boolean(status?.endsWith("_IN_PROGRESS"));
const FAILED = (status: string | undefined): boolean => Boolean(status?.endsWith("_FAILED")) || status === "PARTIAL";
const ENDPOINT_GONE = new Set(["deleting", "deleted", "rejected", "failed", "expired"]);
const endpointLive = (e: Endpoint): boolean => !ENDPOINT_GONE.has(e.data.state.toLowerCase());

export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  return "aws";
}

const latticeArn = (ctx: PreflightContext, path: string): string =>
  `arn:${partitionOf(ctx.region)}:vpc-lattice:${ctx.region}:${ctx.accountId}:${path}`;
const idOf = (reference: string): string =>
  reference.startsWith("arn:") ? (reference.split("/").pop() ?? reference) : reference;
const accountOfArn = (arn: string): string | undefined => arn.split(":")[4];

const named = (label: string | undefined, id: string): string => (label && label !== id ? `${label} (${id})` : id);

/** EC2 rule descriptions accept a limited alphabet. */
export function ruleDescription(text: string): string {
  return text.replace(/[^A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, "-").slice(0, 255);
}

/* ------------------------------- rule checks ------------------------------- */

function ipToInt(ip: string): number {
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** Whether CIDR `outer` contains CIDR `inner` (IPv4). */
export function cidrCovers(outer: string, inner: string): boolean {
  const [outerBase, outerBits] = outer.split("/");
  const [innerBase, innerBits] = inner.split("/");
  if (!outerBase || !innerBase || outerBits === undefined) return false;
  const ob = Number(outerBits);
  const ib = innerBits === undefined ? 32 : Number(innerBits);
  if (ib < ob) return false;
  const size = 2 ** (32 - ob);
  return Math.floor(ipToInt(outerBase) / size) === Math.floor(ipToInt(innerBase) / size);
}

function coversPort(rule: SecurityGroupRule, port: number): boolean {
  if (rule.protocol === "-1") return true;
  if (rule.protocol !== "tcp" && rule.protocol !== "6") return false;
  return (rule.fromPort ?? 0) <= port && port <= (rule.toPort ?? 65535);
}

/** Whether any of `groups` lets TCP `port` in from anywhere (the entry side: we do not know the clients). */
function entryAdmits(groups: SecurityGroupFacts[], port: number): boolean {
  return groups.some((g) => g.ingress.some((rule) => coversPort(rule, port)));
}

/* ---------------------------- topology helpers ----------------------------- */

function childrenOf(index: GraphIndex, configuration: Configuration): Configuration[] {
  return index.of("resourceConfiguration").filter((c) => c.data.groupId === configuration.id);
}

/** The configurations a connection to `configuration` really reaches: its children for GROUP/ARN, else itself. */
function leavesOf(index: GraphIndex, configuration: Configuration): Configuration[] {
  const children = childrenOf(index, configuration);
  return children.length > 0 ? children : [configuration];
}

/** The database cluster behind a configuration (ARN definition, or DNS name of a cluster endpoint). */
function clusterOf(index: GraphIndex, configuration: Configuration): GraphNodeOf<"dbCluster"> | undefined {
  const definition = configuration.data.definition;
  if (!definition) return undefined;
  if (definition.kind === "arn") return index.get(definition.values[0] ?? "", "dbCluster");
  if (definition.kind === "dns") {
    const endpoint = index.get((definition.values[0] ?? "").toLowerCase(), "dbEndpoint");
    return endpoint ? index.get(endpoint.data.clusterArn, "dbCluster") : undefined;
  }
  return undefined;
}

function portOf(index: GraphIndex, configuration: Configuration): number | undefined {
  return singlePort(configuration.data.portRanges) ?? clusterOf(index, configuration)?.data.port;
}

function portsOfConfiguration(index: GraphIndex, configuration: Configuration): Array<{ port: number; what: string }> {
  const out = new Map<number, string>();
  for (const leaf of [configuration, ...childrenOf(index, configuration)]) {
    const port = portOf(index, leaf);
    if (port !== undefined && !out.has(port)) out.set(port, named(configuration.label, configuration.id));
  }
  return [...out].map(([port, what]) => ({ port, what }));
}

function portsOfService(service: Service): Array<{ port: number; what: string }> {
  return [...new Set(service.data.listeners.map((l) => l.port))].map((port) => ({
    port,
    what: named(service.label, service.id),
  }));
}

function networkMembers(
  index: GraphIndex,
  networkId: string,
): { configurations: Configuration[]; services: Service[] } {
  const configurations = index
    .of("resourceAssociation")
    .filter(
      (a) =>
        a.data.serviceNetworkId === networkId &&
        !a.data.isManaged &&
        !DELETING(a.data.status) &&
        !FAILED(a.data.status),
    )
    .map((a) => index.get(a.data.resourceConfigurationId, "resourceConfiguration"))
    .filter((c): c is Configuration => Boolean(c));
  const services = index
    .of("serviceAssociation")
    .filter((a) => a.data.serviceNetworkId === networkId && !DELETING(a.data.status) && !FAILED(a.data.status))
    .map((a) => index.get(a.data.serviceId, "service"))
    .filter((s): s is Service => Boolean(s));
  return { configurations, services };
}

function portsOfNetwork(index: GraphIndex, networkId: string): Array<{ port: number; what: string }> {
  const { configurations, services } = networkMembers(index, networkId);
  const all = [...configurations.flatMap((c) => portsOfConfiguration(index, c)), ...services.flatMap(portsOfService)];
  const byPort = new Map<number, string[]>();
  for (const { port, what } of all) byPort.set(port, [...(byPort.get(port) ?? []), what]);
  return [...byPort].map(([port, whats]) => ({ port, what: whats.join(", ") }));
}

/** Configuration ids a Lattice endpoint (or a would-be one) reaches with private DNS, for the clash rule. */
function reachedByResourceEndpoint(index: GraphIndex, configuration: Configuration): Set<string> {
  return new Set(leavesOf(index, configuration).map((c) => c.id));
}

function reachedByNetwork(index: GraphIndex, networkId: string): Set<string> {
  return new Set(networkMembers(index, networkId).configurations.flatMap((c) => leavesOf(index, c).map((l) => l.id)));
}

/** One subnet per AZ of the VPC, for a ready endpoint proposal. */
function oneSubnetPerZone(vpc: Vpc): string[] {
  const byZone = new Map<string, string>();
  for (const subnet of [...vpc.data.subnets].sort(
    (a, b) => a.availabilityZone.localeCompare(b.availabilityZone) || a.id.localeCompare(b.id),
  )) {
    if (!byZone.has(subnet.availabilityZone)) byZone.set(subnet.availabilityZone, subnet.id);
  }
  return [...byZone.values()];
}

/* --------------------------------- checks ---------------------------------- */

class Findings {
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

/** The pair is associated already: nothing to do, or (when it failed) its removal, one click away. */
function duplicateAssociation(
  f: Findings,
  existing: { id: string; data: { status: string } },
  message: string,
  removal: "remove-vpc-association" | "remove-resource-association" | "remove-service-association",
): void {
  const failed = FAILED(existing.data.status);
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

function notFound(f: Findings, what: string, id: string): void {
  f.blocking(
    "NOT_FOUND",
    `${what} ${id} is not in the current topology of this account and region.`,
    "Check the id, or refresh the topology if it was created moments ago.",
    { subject: id },
  );
}

/** Security groups chosen for an association or endpoint: at most five, all of the VPC. */
function checkGroups(
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

function checkDnsOptions(
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
function checkSubnets(
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
function checkEntryIngress(
  f: Findings,
  vpc: Vpc | undefined,
  groups: SecurityGroupFacts[],
  ports: Array<{ port: number; what: string }>,
  where: string,
): void {
  if (groups.length === 0) return;
  for (const { port, what } of ports) {
    if (entryAdmits(groups, port)) continue;
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
 * The resource side (the field report's rule): the target's security group
 * (e.g. Aurora's) must admit the resource gateway's group on the port, or
 * connections through Lattice time out at the target.
 */
function checkTargetIngress(f: Findings, index: GraphIndex, configuration: Configuration): void {
  const top = configuration.data.groupId
    ? (index.get(configuration.data.groupId, "resourceConfiguration") ?? configuration)
    : configuration;
  const gateway = top.data.gatewayId ? index.get(top.data.gatewayId, "resourceGateway") : undefined;
  if (!gateway) return;
  const gatewayGroups = new Set(gateway.data.securityGroupIds);
  const gatewayCidrs = gateway.data.subnetIds
    .map((id) => index.subnet(id)?.cidr)
    .filter((c): c is string => Boolean(c));
  const seen = new Set<string>();
  for (const leaf of [top, ...childrenOf(index, top)]) {
    const cluster = clusterOf(index, leaf);
    const port = portOf(index, leaf);
    if (!cluster || port === undefined || seen.has(`${cluster.id}:${port}`)) continue;
    seen.add(`${cluster.id}:${port}`);
    const targetGroups = cluster.data.securityGroupIds
      .map((id) => index.securityGroup(id))
      .filter((g): g is SecurityGroupFacts => Boolean(g));
    if (targetGroups.length === 0 || gatewayGroups.size === 0) continue;
    const admitted = targetGroups.some((g) =>
      g.ingress.some(
        (rule) =>
          coversPort(rule, port) &&
          ((rule.sourceGroupId !== undefined && gatewayGroups.has(rule.sourceGroupId)) ||
            (rule.cidr !== undefined &&
              gatewayCidrs.length > 0 &&
              gatewayCidrs.every((cidr) => cidrCovers(rule.cidr!, cidr)))),
      ),
    );
    if (admitted) continue;
    const target = targetGroups[0]!;
    const source = [...gatewayGroups][0]!;
    f.warning(
      "TARGET_INGRESS_MISSING",
      `${named(cluster.label, cluster.data.identifier)} does not let TCP ${port} in from resource gateway ${named(gateway.label, gateway.id)}: none of its security groups (${targetGroups.map((g) => named(g.groupName, g.groupId)).join(", ")}) admits the gateway's group ${source}. Connections through Lattice will time out at the database.`,
      `Add an inbound rule for TCP ${port} from ${source} to ${named(target.groupName, target.groupId)}.`,
      {
        subject: target.groupId,
        alternative: {
          label: `Allow TCP ${port} from the resource gateway's group on ${target.groupName || target.groupId}`,
          action: {
            type: "add-ingress-rule",
            groupId: target.groupId,
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
function checkConsumersOfNetwork(
  f: Findings,
  index: GraphIndex,
  network: Network,
  ports: Array<{ port: number; what: string }>,
): void {
  for (const association of index.of("vpcAssociation")) {
    if (association.data.serviceNetworkId !== network.id || DELETING(association.data.status)) continue;
    const groups = (association.data.securityGroupIds ?? [])
      .map((id) => index.securityGroup(id))
      .filter((g): g is SecurityGroupFacts => Boolean(g));
    const vpc = index.get(association.data.vpcId, "vpc");
    checkEntryIngress(
      f,
      vpc,
      groups,
      ports,
      `VPC association ${association.id} of ${vpc ? named(vpc.label, vpc.id) : association.data.vpcId}`,
    );
  }
  for (const endpoint of index.of("vpcEndpoint")) {
    if (endpoint.data.serviceNetworkArn !== network.data.arn || !endpointLive(endpoint)) continue;
    const groups = endpoint.data.securityGroupIds
      .map((id) => index.securityGroup(id))
      .filter((g): g is SecurityGroupFacts => Boolean(g));
    checkEntryIngress(
      f,
      index.get(endpoint.data.vpcId, "vpc"),
      groups,
      ports,
      `ServiceNetwork endpoint ${endpoint.id}`,
    );
  }
}

/** With no groups chosen, AWS puts the VPC's default group on an endpoint. */
function endpointGroups(
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
function checkPrivateDnsClash(
  f: Findings,
  index: GraphIndex,
  vpcId: string,
  type: "Resource" | "ServiceNetwork",
  reached: Set<string>,
): void {
  for (const other of index.of("vpcEndpoint")) {
    if (
      other.data.vpcId !== vpcId ||
      other.data.endpointType === type ||
      !other.data.privateDnsEnabled ||
      !endpointLive(other)
    )
      continue;
    let theirs = new Set<string>();
    if (other.data.resourceConfigurationArn) {
      const configuration = index.find(other.data.resourceConfigurationArn);
      if (configuration?.kind === "resourceConfiguration") theirs = reachedByResourceEndpoint(index, configuration);
    } else if (other.data.serviceNetworkArn) {
      const network = index.find(other.data.serviceNetworkArn);
      if (network?.kind === "serviceNetwork") theirs = reachedByNetwork(index, network.id);
    }
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

function checkNotDeleting(
  f: Findings,
  node: { id: string; label: string; status?: string | undefined } | undefined,
  what: string,
): void {
  if (!node) return;
  if (DELETING(node.status)) {
    f.blocking(
      "TARGET_DELETING",
      `${what} ${named(node.label, node.id)} is being deleted (${node.status}).`,
      "Pick something that is not being deleted.",
      { subject: node.id },
    );
  } else if (node.status && node.status !== "ACTIVE" && node.status.toLowerCase() !== "available") {
    f.warning(
      "TARGET_NOT_READY",
      `${what} ${named(node.label, node.id)} is ${node.status}, not ACTIVE.`,
      "Wait until it is ACTIVE, or expect AWS to refuse the change.",
      { subject: node.id },
    );
  }
}

/* --------------------------------- actions --------------------------------- */

export function preflight(index: GraphIndex, action: Action, ctx: PreflightContext): PreflightResult {
  const f = new Findings();
  const resolved: ResolvedAction = { action, accountId: ctx.accountId, region: ctx.region, summary: "" };
  if (!ctx.mutationsAllowed) {
    f.blocking(
      "READ_ONLY",
      "This source is read-only: the server will not make this change.",
      "Run the CLI command, Terraform or CloudFormation below yourself, or restart the server with --allow-mutations (real AWS) and without --read-only.",
    );
  }

  const network = (reference: string): Network | undefined => {
    const node = index.find(reference);
    const found = node?.kind === "serviceNetwork" ? node : undefined;
    const arn =
      found?.data.arn ?? (reference.startsWith("arn:") ? reference : latticeArn(ctx, `servicenetwork/${reference}`));
    resolved.serviceNetworkArn = arn;
    // Another account's network (shared through RAM) must be named by its ARN.
    resolved.serviceNetworkIdentifier = accountOfArn(arn) !== ctx.accountId ? arn : idOf(reference);
    if (!found) notFound(f, "Service network", reference);
    return found;
  };
  const configuration = (reference: string): Configuration | undefined => {
    const node = index.find(reference);
    const found = node?.kind === "resourceConfiguration" ? node : undefined;
    resolved.resourceConfigurationArn =
      found?.data.arn ??
      (reference.startsWith("arn:") ? reference : latticeArn(ctx, `resourceconfiguration/${reference}`));
    resolved.resourceConfigurationIdentifier =
      accountOfArn(resolved.resourceConfigurationArn) !== ctx.accountId
        ? resolved.resourceConfigurationArn
        : idOf(reference);
    if (!found) notFound(f, "Resource configuration", reference);
    return found;
  };
  const vpcNamed = (vpcId: string): Vpc | undefined => {
    const vpc = index.get(vpcId, "vpc");
    if (!vpc) notFound(f, "VPC", vpcId);
    return vpc;
  };

  switch (action.type) {
    case "associate-vpc": {
      const vpc = vpcNamed(action.vpcId);
      const sn = network(action.serviceNetworkId);
      resolved.summary = `Associate ${vpc ? named(vpc.label, vpc.id) : action.vpcId} with service network ${sn ? named(sn.label, sn.id) : action.serviceNetworkId}.`;
      const requested = action.securityGroupIds ?? [];
      const groups = checkGroups(f, index, vpc, requested, "a service network VPC association");
      checkDnsOptions(f, action.privateDnsEnabled, action.dnsOptions);
      if (requested.length === 0) {
        f.info(
          "NO_SECURITY_GROUPS",
          "Without security groups the association applies no security-group filtering: every client in the VPC can reach everything in the service network.",
          "Add security groups to limit who gets in (once an association has groups, at least one must remain).",
        );
      }
      for (const existing of index.of("vpcAssociation").filter((a) => a.data.vpcId === action.vpcId)) {
        const other = index.get(existing.data.serviceNetworkId, "serviceNetwork");
        const otherName = named(other?.label, existing.data.serviceNetworkId);
        if (DELETING(existing.data.status)) {
          f.blocking(
            "BUSY",
            `${action.vpcId}'s association ${existing.id} with ${otherName} is being removed (${existing.data.status}); a new association is refused until it is gone.`,
            "Wait a minute and plan again.",
            { subject: existing.id },
          );
        } else if (sn && existing.data.serviceNetworkId === sn.id) {
          duplicateAssociation(
            f,
            existing,
            FAILED(existing.data.status)
              ? `${action.vpcId} already has a failed association ${existing.id} with this service network (${existing.data.status}${existing.data.failureMessage ? `: ${existing.data.failureMessage}` : ""}).`
              : `${action.vpcId} is already associated with this service network (${existing.id}, ${existing.data.status}).`,
            "remove-vpc-association",
          );
        } else {
          const subnetIds = vpc ? oneSubnetPerZone(vpc) : [];
          f.blocking(
            "VPC_ALREADY_ASSOCIATED",
            `A VPC can be associated with only one service network, and ${vpc ? named(vpc.label, vpc.id) : action.vpcId} is already associated with ${otherName} (${existing.id}).`,
            `Reach ${sn ? named(sn.label, sn.id) : "this service network"} through a VPC endpoint of type ServiceNetwork instead (one per service network, many per VPC), or remove the other association first.`,
            {
              subject: existing.id,
              ...(subnetIds.length > 0
                ? {
                    alternative: {
                      label: `Create a ServiceNetwork endpoint for ${sn?.label ?? action.serviceNetworkId} in ${vpc?.label ?? action.vpcId}`,
                      action: {
                        type: "create-service-network-endpoint",
                        vpcId: action.vpcId,
                        serviceNetworkId: action.serviceNetworkId,
                        subnetIds,
                        ...(requested.length > 0 ? { securityGroupIds: requested } : {}),
                        ...(action.privateDnsEnabled !== undefined
                          ? { privateDnsEnabled: action.privateDnsEnabled }
                          : {}),
                        ...(action.dnsOptions ? { dnsOptions: action.dnsOptions } : {}),
                      },
                    },
                  }
                : {}),
            },
          );
        }
      }
      if (sn)
        checkEntryIngress(
          f,
          vpc,
          groups,
          portsOfNetwork(index, sn.id),
          `the association of ${vpc?.label ?? action.vpcId}`,
        );
      break;
    }

    case "associate-resource": {
      const sn = network(action.serviceNetworkId);
      const rc = configuration(action.resourceConfigurationId);
      resolved.summary = `Associate resource configuration ${rc ? named(rc.label, rc.id) : action.resourceConfigurationId} with service network ${sn ? named(sn.label, sn.id) : action.serviceNetworkId}.`;
      if (rc) {
        checkNotDeleting(f, rc, "Resource configuration");
        if (rc.data.type === "CIDR") {
          f.blocking(
            "CIDR_CONFIGURATION",
            `${named(rc.label, rc.id)} is a CIDR configuration; CIDR configurations cannot be added to a service network.`,
            "Reach it through a VPC endpoint of type Tunnel instead.",
            { subject: rc.id },
          );
        }
        if (rc.data.type === "CHILD" && rc.data.groupId) {
          const group = index.get(rc.data.groupId, "resourceConfiguration");
          f.blocking(
            "CHILD_CONFIGURATION",
            `${named(rc.label, rc.id)} is a CHILD configuration; children are associated through their GROUP ${named(group?.label, rc.data.groupId)}.`,
            `Associate the GROUP ${rc.data.groupId}: each of its children gets its own association and DNS name.`,
            {
              subject: rc.id,
              alternative: {
                label: `Associate the GROUP ${group?.label ?? rc.data.groupId} instead`,
                action: { ...action, resourceConfigurationId: rc.data.groupId },
              },
            },
          );
        }
        if (rc.data.type === "ARN" && action.privateDnsEnabled === false) {
          f.info(
            "DNS_OPTIONS",
            "Private DNS is always on for ARN (RDS) configurations; AWS ignores privateDnsEnabled=false here.",
            "Leave privateDnsEnabled out.",
          );
        }
        if (sn) {
          for (const existing of index.of("resourceAssociation")) {
            if (
              existing.data.serviceNetworkId !== sn.id ||
              existing.data.resourceConfigurationId !== rc.id ||
              existing.data.isManaged
            )
              continue;
            if (DELETING(existing.data.status)) {
              f.blocking(
                "BUSY",
                `The association ${existing.id} of this pair is being removed; wait until it is gone.`,
                "Plan again in a minute.",
                { subject: existing.id },
              );
            } else {
              duplicateAssociation(
                f,
                existing,
                `${named(rc.label, rc.id)} is already associated with ${named(sn.label, sn.id)} (${existing.id}, ${existing.data.status}).`,
                "remove-resource-association",
              );
            }
          }
          checkConsumersOfNetwork(f, index, sn, portsOfConfiguration(index, rc));
        }
        checkTargetIngress(f, index, rc);
      }
      break;
    }

    case "associate-service": {
      const sn = network(action.serviceNetworkId);
      const node = index.find(action.serviceId);
      const service = node?.kind === "service" ? node : undefined;
      resolved.serviceIdentifier =
        service && accountOfArn(service.data.arn) !== ctx.accountId ? service.data.arn : idOf(action.serviceId);
      if (!service) notFound(f, "Service", action.serviceId);
      resolved.summary = `Associate Lattice service ${service ? named(service.label, service.id) : action.serviceId} with service network ${sn ? named(sn.label, sn.id) : action.serviceNetworkId}.`;
      checkNotDeleting(f, service, "Service");
      if (sn && service) {
        for (const existing of index.of("serviceAssociation")) {
          if (existing.data.serviceNetworkId !== sn.id || existing.data.serviceId !== service.id) continue;
          if (DELETING(existing.data.status)) {
            f.blocking(
              "BUSY",
              `The association ${existing.id} of this pair is being removed; wait until it is gone.`,
              "Plan again in a minute.",
              { subject: existing.id },
            );
          } else {
            duplicateAssociation(
              f,
              existing,
              `${named(service.label, service.id)} is already associated with ${named(sn.label, sn.id)} (${existing.id}, ${existing.data.status}).`,
              "remove-service-association",
            );
          }
        }
        checkConsumersOfNetwork(f, index, sn, portsOfService(service));
      }
      break;
    }

    case "create-resource-endpoint": {
      const vpc = vpcNamed(action.vpcId);
      const rc = configuration(action.resourceConfigurationId);
      resolved.summary = `Create a Resource VPC endpoint in ${vpc ? named(vpc.label, vpc.id) : action.vpcId} for resource configuration ${rc ? named(rc.label, rc.id) : action.resourceConfigurationId}.`;
      const requested = action.securityGroupIds ?? [];
      const chosen = checkGroups(f, index, vpc, requested, "an endpoint");
      checkDnsOptions(f, action.privateDnsEnabled, action.dnsOptions);
      let gateway: GraphNodeOf<"resourceGateway"> | undefined;
      if (rc) {
        checkNotDeleting(f, rc, "Resource configuration");
        if (rc.data.type === "CHILD" && rc.data.groupId) {
          const group = index.get(rc.data.groupId, "resourceConfiguration");
          f.blocking(
            "CHILD_CONFIGURATION",
            `${named(rc.label, rc.id)} is a CHILD configuration; a Resource endpoint names its GROUP ${named(group?.label, rc.data.groupId)} and reaches every child.`,
            `Create the endpoint for the GROUP ${rc.data.groupId}.`,
            {
              subject: rc.id,
              alternative: {
                label: `Create the endpoint for the GROUP ${group?.label ?? rc.data.groupId}`,
                action: { ...action, resourceConfigurationId: rc.data.groupId },
              },
            },
          );
        }
        if (rc.data.type === "CIDR") {
          f.blocking(
            "CIDR_CONFIGURATION",
            `${named(rc.label, rc.id)} is a CIDR configuration; it is reached through a VPC endpoint of type Tunnel, not Resource.`,
            "Create a Tunnel endpoint for it instead.",
            { subject: rc.id },
          );
        }
        const top = rc.data.groupId ? (index.get(rc.data.groupId, "resourceConfiguration") ?? rc) : rc;
        gateway = top.data.gatewayId ? index.get(top.data.gatewayId, "resourceGateway") : undefined;
        for (const existing of index.of("vpcEndpoint")) {
          if (
            existing.data.vpcId === action.vpcId &&
            existing.data.resourceConfigurationArn === rc.data.arn &&
            endpointLive(existing)
          ) {
            f.warning(
              "DUPLICATE_ENDPOINT",
              `${action.vpcId} already has Resource endpoint ${existing.id} for ${named(rc.label, rc.id)} (${existing.data.state}).`,
              `Use the names of ${existing.id}; a second endpoint adds cost and no reach.`,
              { subject: existing.id },
            );
          }
        }
        if (action.privateDnsEnabled === true)
          checkPrivateDnsClash(f, index, action.vpcId, "Resource", reachedByResourceEndpoint(index, rc));
        const groups = endpointGroups(f, index, vpc, chosen, requested);
        checkEntryIngress(f, vpc, groups, portsOfConfiguration(index, rc), `the endpoint`);
        checkTargetIngress(f, index, rc);
      }
      checkSubnets(f, index, vpc, action.subnetIds, gateway);
      break;
    }

    case "create-service-network-endpoint": {
      const vpc = vpcNamed(action.vpcId);
      const sn = network(action.serviceNetworkId);
      resolved.summary = `Create a ServiceNetwork VPC endpoint in ${vpc ? named(vpc.label, vpc.id) : action.vpcId} for service network ${sn ? named(sn.label, sn.id) : action.serviceNetworkId}.`;
      const requested = action.securityGroupIds ?? [];
      const chosen = checkGroups(f, index, vpc, requested, "an endpoint");
      checkDnsOptions(f, action.privateDnsEnabled, action.dnsOptions);
      checkSubnets(f, index, vpc, action.subnetIds, undefined);
      if (sn) {
        for (const existing of index.of("vpcEndpoint")) {
          if (
            existing.data.vpcId === action.vpcId &&
            existing.data.serviceNetworkArn === sn.data.arn &&
            endpointLive(existing)
          ) {
            f.warning(
              "DUPLICATE_ENDPOINT",
              `${action.vpcId} already has ServiceNetwork endpoint ${existing.id} for ${named(sn.label, sn.id)} (${existing.data.state}).`,
              `Use the names of ${existing.id}; a second endpoint adds cost and no reach.`,
              { subject: existing.id },
            );
          }
        }
        const association = index
          .of("vpcAssociation")
          .find((a) => a.data.vpcId === action.vpcId && a.data.serviceNetworkId === sn.id && !DELETING(a.data.status));
        if (association) {
          f.warning(
            "DUPLICATE_ENDPOINT",
            `${action.vpcId} already reaches ${named(sn.label, sn.id)} through its VPC association ${association.id}.`,
            "An endpoint is needed only for service networks the VPC is not associated with.",
            { subject: association.id },
          );
        }
        if (action.privateDnsEnabled === true)
          checkPrivateDnsClash(f, index, action.vpcId, "ServiceNetwork", reachedByNetwork(index, sn.id));
        const groups = endpointGroups(f, index, vpc, chosen, requested);
        checkEntryIngress(f, vpc, groups, portsOfNetwork(index, sn.id), `the endpoint`);
      }
      break;
    }

    case "remove-vpc-association":
    case "remove-resource-association":
    case "remove-service-association": {
      const kind =
        action.type === "remove-vpc-association"
          ? "vpcAssociation"
          : action.type === "remove-resource-association"
            ? "resourceAssociation"
            : "serviceAssociation";
      const noun =
        kind === "vpcAssociation"
          ? "VPC association"
          : kind === "resourceAssociation"
            ? "Resource association"
            : "Service association";
      const association = index.get(action.associationId, kind);
      resolved.summary = `Remove ${noun.toLowerCase()} ${action.associationId}.`;
      if (!association) {
        notFound(f, noun, action.associationId);
        break;
      }
      const status = association.data.status;
      if (DELETING(status) && status !== "DELETE_FAILED") {
        f.blocking(
          "BUSY",
          `${noun} ${association.id} is already being deleted (${status}).`,
          "Nothing to do; poll its status until it is gone.",
          { subject: association.id },
        );
      } else if (IN_PROGRESS(status)) {
        f.blocking(
          "BUSY",
          `${noun} ${association.id} is ${status}; AWS refuses a delete until that finishes.`,
          "Wait until it is ACTIVE (or failed), then remove it.",
          { subject: association.id },
        );
      }
      if (association.kind === "resourceAssociation" && association.data.isManaged) {
        const parent = association.data.parentAssociationId;
        f.blocking(
          "MANAGED_ASSOCIATION",
          `${association.id} is managed by AWS for a child configuration; it goes away with its parent association${parent ? ` ${parent}` : ""}.`,
          "Remove the parent association.",
          {
            subject: association.id,
            ...(parent
              ? {
                  alternative: {
                    label: `Remove the parent association ${parent}`,
                    action: { type: "remove-resource-association", associationId: parent },
                  },
                }
              : {}),
          },
        );
      }
      break;
    }

    case "remove-endpoint": {
      const endpoint = index.get(action.endpointId, "vpcEndpoint");
      resolved.summary = `Delete VPC endpoint ${action.endpointId}.`;
      if (!endpoint) {
        notFound(f, "VPC endpoint", action.endpointId);
        break;
      }
      resolved.summary = `Delete ${endpoint.data.endpointType} VPC endpoint ${endpoint.id} in ${endpoint.data.vpcId}.`;
      if (endpoint.data.state.toLowerCase() === "deleting") {
        f.blocking(
          "BUSY",
          `Endpoint ${endpoint.id} is already being deleted.`,
          "Nothing to do; poll its status until it is gone.",
          { subject: endpoint.id },
        );
      }
      break;
    }

    case "add-ingress-rule": {
      const group = index.securityGroup(action.groupId);
      const from = action.sourceGroupId ?? action.cidr ?? "?";
      resolved.summary = `Allow TCP ${action.port} into ${group ? named(group.groupName, group.groupId) : action.groupId} from ${from}.`;
      if (!group) {
        notFound(f, "Security group", action.groupId);
        break;
      }
      if (action.sourceGroupId && !index.securityGroup(action.sourceGroupId)) {
        f.warning(
          "NOT_FOUND",
          `Source security group ${action.sourceGroupId} is not one of this account's groups in the topology.`,
          "Check the id; a group of a peered VPC or another account must be reachable from this VPC.",
          { subject: action.sourceGroupId },
        );
      }
      for (const rule of group.ingress) {
        if (!coversPort(rule, action.port)) continue;
        const sameSource =
          (action.sourceGroupId !== undefined && rule.sourceGroupId === action.sourceGroupId) ||
          (action.cidr !== undefined && rule.cidr === action.cidr);
        const exact =
          sameSource && rule.protocol === "tcp" && rule.fromPort === action.port && rule.toPort === action.port;
        if (exact) {
          f.blocking(
            "DUPLICATE_RULE",
            `${named(group.groupName, group.groupId)} already lets TCP ${action.port} in from ${from}.`,
            "Nothing to add.",
            { subject: group.groupId },
          );
        } else if (
          sameSource ||
          (action.cidr !== undefined && rule.cidr !== undefined && cidrCovers(rule.cidr, action.cidr))
        ) {
          f.warning(
            "DUPLICATE_RULE",
            `A broader rule of ${named(group.groupName, group.groupId)} already lets TCP ${action.port} in from ${rule.sourceGroupId ?? rule.cidr}.`,
            "The new rule would change nothing; skip it unless you mean to remove the broader one later.",
            { subject: group.groupId },
          );
        }
      }
      break;
    }
  }

  return { findings: f.list, blocking: f.list.some((x) => x.severity === "blocking"), resolved };
}
