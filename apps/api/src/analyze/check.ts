/**
 * The connectivity check, as pure rules over the graph: from a client (VPC and
 * security group) to a resource configuration or Lattice service, hop by hop:
 *  1. the client's security-group egress towards the way in;
 *  2. the way in (Resource endpoint, ServiceNetwork endpoint or VPC association) and its status;
 *  3. the security groups on that way in (none on a VPC association: no filtering);
 *  4. the resource configuration (status, ports, protocol) or the service's listener;
 *  5. the resource gateway (status, egress, shared AZ) or the service's target group;
 *  6. the resource's own security groups (Aurora: ingress from the gateway's group),
 *     or the service's targets and auth;
 *  7. DNS: whether the name the client uses resolves through this path.
 */
import type { AccessPattern, AnalyzeAnswer, GraphNodeOf, Hop } from "@lattice-atlas/shared";
import { singlePort } from "../connect/commands.js";
import type { GraphIndex, SecurityGroupFacts } from "../connect/graph-index.js";
import { answerConnect } from "../connect/hostnames.js";
import { AppError } from "../errors.js";
import { describeRule, findEgress, findIngress, type Peer } from "./rules.js";

type Configuration = GraphNodeOf<"resourceConfiguration">;
type Service = GraphNodeOf<"service">;
type Endpoint = GraphNodeOf<"vpcEndpoint">;
type VpcAssociation = GraphNodeOf<"vpcAssociation">;
type Target =
  | { kind: "resourceConfiguration"; node: Configuration; parent?: Configuration | undefined }
  | { kind: "service"; node: Service };

export interface AnalyzeInput {
  from: { vpc: string; securityGroup?: string | undefined; subnet?: string | undefined };
  to: string;
  port?: number | undefined;
  hostname?: string | undefined;
}

/** Lattice answers an associated VPC at these link-local / reserved ranges. */
const LATTICE_RESOURCE_RANGE = "129.224.0.0/17";
const LATTICE_SERVICE_RANGE = "169.254.171.0/24";

interface Path {
  pattern: AccessPattern;
  entry: Endpoint | VpcAssociation;
  networkId?: string | undefined;
  association?: GraphNodeOf<"resourceAssociation"> | GraphNodeOf<"serviceAssociation"> | undefined;
}

const live = (status: string | undefined): boolean => status === "ACTIVE";

function inRanges(ranges: string[], port: number): boolean {
  if (ranges.length === 0) return true;
  return ranges.some((r) => {
    const [lo, hi = lo] = r.split("-").map(Number);
    return lo !== undefined && hi !== undefined && lo <= port && port <= hi;
  });
}

function resolveTarget(index: GraphIndex, to: string, hostname: string | undefined): Target {
  const node = index.find(to) ?? index.find(to.replace(/^https?:\/\//, "").replace(/\/.*$/, ""));
  if (!node) throw new AppError("NOT_FOUND", `${to} is not in this account and region.`, { field: "to" });
  const configurations = index.of("resourceConfiguration");
  const leafFor = (c: Configuration): Target => {
    if (c.data.type === "GROUP" || c.data.type === "ARN") {
      const children = configurations.filter((x) => x.data.groupId === c.id);
      const matching = hostname
        ? children.find(
            (x) => x.data.definition?.values.includes(hostname.toLowerCase()) || x.data.customDomainName === hostname,
          )
        : undefined;
      const child = matching ?? children[0];
      if (!child)
        throw new AppError("VALIDATION", `${c.data.name} has no child configuration to reach.`, { field: "to" });
      return { kind: "resourceConfiguration", node: child, parent: c };
    }
    const parent = c.data.groupId ? index.get(c.data.groupId, "resourceConfiguration") : undefined;
    return { kind: "resourceConfiguration", node: c, parent };
  };
  switch (node.kind) {
    case "resourceConfiguration":
      return leafFor(node);
    case "service":
      return { kind: "service", node };
    case "resourceAssociation": {
      const c = index.get(node.data.resourceConfigurationId, "resourceConfiguration");
      if (c) return leafFor(c);
      break;
    }
    case "serviceAssociation": {
      const s = index.get(node.data.serviceId, "service");
      if (s) return { kind: "service", node: s };
      break;
    }
    case "dbEndpoint":
    case "resourceTarget": {
      const value = node.kind === "dbEndpoint" ? node.data.hostname : node.data.value;
      const c = configurations.find((x) =>
        x.data.definition?.values.some((v) => v.toLowerCase() === value.toLowerCase()),
      );
      if (c) return leafFor(c);
      break;
    }
    case "dbCluster": {
      const c = configurations.find(
        (x) => x.data.definition?.kind === "arn" && x.data.definition.values.includes(node.data.arn),
      );
      if (c) return leafFor(c);
      const writer = node.data.writerEndpoint
        ? configurations.find((x) => x.data.definition?.values.includes(node.data.writerEndpoint!.toLowerCase()))
        : undefined;
      if (writer) return leafFor(writer);
      break;
    }
    default:
      throw new AppError(
        "VALIDATION",
        `${to} is a ${node.kind}; the check runs to a resource configuration, a service, or an Aurora cluster or endpoint.`,
        { field: "to" },
      );
  }
  throw new AppError("VALIDATION", `No resource configuration or service in VPC Lattice points at ${to}.`, {
    field: "to",
  });
}

export function analyzeConnectivity(index: GraphIndex, input: AnalyzeInput, now: Date = new Date()): AnalyzeAnswer {
  const vpc = index.get(input.from.vpc, "vpc");
  if (!vpc)
    throw new AppError("NOT_FOUND", `VPC ${input.from.vpc} is not in this account and region.`, { field: "from.vpc" });
  if (input.from.securityGroup) {
    const group = index.securityGroup(input.from.securityGroup);
    if (!group || group.vpcId !== vpc.id)
      throw new AppError("VALIDATION", `${input.from.securityGroup} is not a security group of ${vpc.label}.`, {
        field: "from.securityGroup",
      });
  }
  const clientSubnet = input.from.subnet ? index.subnet(input.from.subnet) : undefined;
  if (input.from.subnet && (!clientSubnet || clientSubnet.vpcId !== vpc.id)) {
    throw new AppError("VALIDATION", `${input.from.subnet} is not a subnet of ${vpc.label}.`, { field: "from.subnet" });
  }
  const target = resolveTarget(index, input.to, input.hostname);
  const groupsOf = (ids: string[] | null | undefined): SecurityGroupFacts[] =>
    (ids ?? []).map((id) => index.securityGroup(id)).filter((g): g is SecurityGroupFacts => Boolean(g));
  const label = (id: string): string => index.byId.get(id)?.label ?? id;

  // The port.
  let port = input.port;
  let dbEndpoint: GraphNodeOf<"dbEndpoint"> | undefined;
  if (target.kind === "resourceConfiguration") {
    const definition = target.node.data.definition;
    dbEndpoint = definition?.kind === "dns" ? index.get(definition.values[0]!.toLowerCase(), "dbEndpoint") : undefined;
    port ??= singlePort(target.node.data.portRanges) ?? dbEndpoint?.data.port;
  } else {
    port ??= (target.node.data.listeners.find((l) => l.protocol === "HTTPS") ?? target.node.data.listeners[0])?.port;
  }
  if (port === undefined)
    throw new AppError(
      "VALIDATION",
      `Which port? ${target.node.label} accepts ${target.kind === "resourceConfiguration" ? target.node.data.portRanges.join(", ") : "no listener port"}.`,
      { field: "port" },
    );

  // Every way in from this VPC that could carry the target.
  const paths: Path[] = [];
  const endpoints = index.of("vpcEndpoint").filter((e) => e.data.vpcId === vpc.id);
  const networkOf = (e: Endpoint): string | undefined =>
    e.data.serviceNetworkArn ? index.find(e.data.serviceNetworkArn)?.id : undefined;
  const associationIn = (networkId: string | undefined) =>
    networkId === undefined
      ? undefined
      : target.kind === "resourceConfiguration"
        ? index
            .of("resourceAssociation")
            .find((a) => a.data.serviceNetworkId === networkId && a.data.resourceConfigurationId === target.node.id)
        : index
            .of("serviceAssociation")
            .find((a) => a.data.serviceNetworkId === networkId && a.data.serviceId === target.node.id);
  if (target.kind === "resourceConfiguration") {
    for (const e of endpoints.filter((x) => x.data.endpointType === "Resource")) {
      if (
        e.data.resourceConfigurationArn === target.node.data.arn ||
        (target.parent && e.data.resourceConfigurationArn === target.parent.data.arn)
      ) {
        paths.push({ pattern: "resource-endpoint", entry: e });
      }
    }
  }
  for (const e of endpoints.filter((x) => x.data.endpointType === "ServiceNetwork")) {
    const networkId = networkOf(e);
    const association = associationIn(networkId);
    if (association) paths.push({ pattern: "service-network-endpoint", entry: e, networkId, association });
  }
  const vpcAssociation = index.of("vpcAssociation").find((a) => a.data.vpcId === vpc.id);
  if (vpcAssociation) {
    const association = associationIn(vpcAssociation.data.serviceNetworkId);
    if (association)
      paths.push({
        pattern: "service-network-association",
        entry: vpcAssociation,
        networkId: vpcAssociation.data.serviceNetworkId,
        association,
      });
  }

  // The names that work (or not) from here, for hop 7.
  let connect: ReturnType<typeof answerConnect> | undefined;
  try {
    connect = answerConnect(index, vpc.id, target.node.id);
  } catch {
    connect = undefined;
  }
  const reachable = connect?.reachable.find((r) => r.target.id === target.node.id);

  const evaluate = (
    path: Path | undefined,
  ): { hops: Hop[]; clientGroup?: string; inferred: boolean; highlight: string[] } => {
    const hops: Hop[] = [];
    const highlight: string[] = [vpc.id];
    const entryGroups: SecurityGroupFacts[] =
      path?.entry.kind === "vpcEndpoint"
        ? groupsOf(path.entry.data.securityGroupIds)
        : path?.entry.kind === "vpcAssociation"
          ? groupsOf(path.entry.data.securityGroupIds)
          : [];
    // The client's group: given, or the one the entry's rules let in from this VPC.
    let clientGroup = input.from.securityGroup;
    let inferred = false;
    if (!clientGroup) {
      const candidate = entryGroups
        .flatMap((g) => g.ingress)
        .find(
          (r) =>
            r.sourceGroupId && index.securityGroup(r.sourceGroupId)?.vpcId === vpc.id && r.sourceGroupId !== undefined,
        );
      if (candidate?.sourceGroupId) {
        clientGroup = candidate.sourceGroupId;
        inferred = true;
      }
    }
    if (clientGroup) highlight.push(clientGroup);
    const clientCidrs = [clientSubnet?.cidr ?? vpc.data.cidr];
    const clientPeer: Peer = { groupIds: clientGroup ? [clientGroup] : [], cidrs: clientCidrs };
    const clientLabel = clientGroup
      ? `${index.securityGroup(clientGroup)?.groupName ?? clientGroup} (${clientGroup})`
      : `clients in ${vpc.label}`;

    // 1. Client egress.
    const entrySubnets =
      path?.entry.kind === "vpcEndpoint"
        ? path.entry.data.subnetIds.map((id) => index.subnet(id)?.cidr).filter((c): c is string => Boolean(c))
        : [];
    const destination: Peer =
      path?.entry.kind === "vpcEndpoint"
        ? { groupIds: entryGroups.map((g) => g.groupId), cidrs: entrySubnets.length ? entrySubnets : [vpc.data.cidr] }
        : { groupIds: [], cidrs: [target.kind === "service" ? LATTICE_SERVICE_RANGE : LATTICE_RESOURCE_RANGE] };
    const destinationLabel =
      path?.entry.kind === "vpcEndpoint"
        ? `the endpoint ${path.entry.id}`
        : target.kind === "service"
          ? LATTICE_SERVICE_RANGE
          : LATTICE_RESOURCE_RANGE;
    if (!path)
      hops.push({
        step: 1,
        title: "Client egress",
        status: "skip",
        detail: "No way into VPC Lattice to check egress towards.",
      });
    else if (!clientGroup) {
      hops.push({
        step: 1,
        title: "Client egress",
        status: "unknown",
        detail: `Which security group does the client use? Name it (from.securityGroup) to check that it lets TCP ${port} out to ${destinationLabel}.`,
      });
    } else {
      const found = findEgress(groupsOf([clientGroup]), port, destination);
      const group = index.securityGroup(clientGroup)!;
      hops.push(
        found
          ? {
              step: 1,
              title: "Client egress",
              status: "pass",
              subject: { id: group.groupId, kind: "securityGroup", label: group.groupName },
              detail: `${clientLabel}${inferred ? " (the group the way in admits)" : ""} may send TCP ${port} to ${destinationLabel}.`,
              rule: describeRule(found.group, found.rule, "to"),
            }
          : {
              step: 1,
              title: "Client egress",
              status: "fail",
              subject: { id: group.groupId, kind: "securityGroup", label: group.groupName },
              detail: `No egress rule of ${clientLabel} lets TCP ${port} out to ${destinationLabel}.`,
              fix: {
                text: `Add an outbound rule to ${group.groupName} (${group.groupId}) for TCP ${port} to ${destination.cidrs[0]}${destination.groupIds[0] ? ` or to ${destination.groupIds[0]}` : ""}.`,
              },
            },
      );
    }

    // 2. The way in.
    if (!path) {
      const unreachable = connect?.unreachable.find((u) => u.target.id === target.node.id);
      hops.push({
        step: 2,
        title: "Way into VPC Lattice",
        status: "fail",
        subject: { id: vpc.id, kind: "vpc", label: vpc.label },
        detail:
          unreachable?.reason ??
          `${vpc.label} has no VPC endpoint or service-network association that reaches ${target.node.label}.`,
        fix: { text: unreachable?.fix ?? `Create a way in for ${vpc.label}.`, ...wayInAction(index, vpc, target) },
      });
    } else {
      highlight.push(path.entry.id);
      if (path.networkId) highlight.push(path.networkId);
      if (path.association) highlight.push(path.association.id);
      const entryStatus = path.entry.kind === "vpcEndpoint" ? path.entry.data.state : path.entry.data.status;
      const entryOk = path.entry.kind === "vpcEndpoint" ? entryStatus.toLowerCase() === "available" : live(entryStatus);
      const associationOk = !path.association || live(path.association.data.status);
      const what =
        path.pattern === "resource-endpoint"
          ? `Resource endpoint ${path.entry.id}`
          : path.pattern === "service-network-endpoint"
            ? `ServiceNetwork endpoint ${path.entry.id} to ${label(path.networkId!)}`
            : `the service-network association ${path.entry.id} to ${label(path.networkId!)}`;
      hops.push({
        step: 2,
        title: "Way into VPC Lattice",
        status: entryOk && associationOk ? "pass" : "fail",
        subject: { id: path.entry.id, kind: path.entry.kind, label: path.entry.label },
        detail:
          entryOk && associationOk
            ? `${vpc.label} reaches ${target.node.label} through ${what}${path.association ? `, which holds it (${path.association.id}, ${path.association.data.status})` : ""}.`
            : `${what} is ${entryStatus}${path.association && !associationOk ? `; the association ${path.association.id} is ${path.association.data.status}` : ""}.`,
        rule: `${what} (${entryStatus})`,
        ...(entryOk && associationOk
          ? {}
          : {
              fix: {
                text: /FAILED/.test(`${entryStatus} ${path.association?.data.status ?? ""}`)
                  ? "Delete the failed piece and recreate it."
                  : "Wait until it is ACTIVE / Available.",
              },
            }),
      });
    }

    // 3. Security groups on the way in.
    if (!path) hops.push({ step: 3, title: "Security groups of the way in", status: "skip", detail: "No way in." });
    else if (path.entry.kind === "vpcAssociation" && path.entry.data.securityGroupIds === null) {
      hops.push({
        step: 3,
        title: "Security groups of the way in",
        status: "unknown",
        subject: { id: path.entry.id, kind: "vpcAssociation", label: path.entry.label },
        detail: "The security groups of this association could not be read (see the warnings).",
      });
    } else if (path.entry.kind === "vpcAssociation" && entryGroups.length === 0) {
      hops.push({
        step: 3,
        title: "Security groups of the way in",
        status: "pass",
        subject: { id: path.entry.id, kind: "vpcAssociation", label: path.entry.label },
        detail: "The VPC association has no security groups: AWS applies no security-group filtering to it.",
        rule: "no security groups on the association",
      });
    } else {
      const found = findIngress(entryGroups, port, clientPeer);
      const first = entryGroups[0];
      if (found) {
        hops.push({
          step: 3,
          title: "Security groups of the way in",
          status: "pass",
          subject: { id: found.group.groupId, kind: "securityGroup", label: found.group.groupName },
          detail: `${found.group.groupName} lets TCP ${port} in from ${clientLabel}.`,
          rule: describeRule(found.group, found.rule, "from"),
        });
        highlight.push(found.group.groupId);
      } else if (!clientGroup && !first) {
        hops.push({
          step: 3,
          title: "Security groups of the way in",
          status: "unknown",
          detail: "Neither the client's nor the entry's security groups are known.",
        });
      } else {
        hops.push({
          step: 3,
          title: "Security groups of the way in",
          status: clientGroup ? "fail" : "unknown",
          subject: first
            ? { id: first.groupId, kind: "securityGroup", label: first.groupName }
            : { id: path.entry.id, kind: path.entry.kind, label: path.entry.label },
          detail: `No rule of ${entryGroups.map((g) => `${g.groupName} (${g.groupId})`).join(", ")} lets TCP ${port} in from ${clientLabel}.`,
          ...(first
            ? {
                fix: {
                  text: `Allow TCP ${port} into ${first.groupName} (${first.groupId}) from ${clientLabel}.`,
                  action: {
                    type: "add-ingress-rule" as const,
                    groupId: first.groupId,
                    protocol: "tcp" as const,
                    port,
                    ...(clientGroup ? { sourceGroupId: clientGroup } : { cidr: vpc.data.cidr }),
                    description: `TCP ${port} from the clients of ${vpc.label}`.replace(
                      /[^A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g,
                      "",
                    ),
                  },
                },
              }
            : {}),
        });
        if (first) highlight.push(first.groupId);
      }
    }

    if (target.kind === "resourceConfiguration") evaluateResource(path, hops, highlight);
    else evaluateService(hops, highlight);

    // 7. DNS.
    const working = (reachable?.hostnames ?? []).filter((h) =>
      path ? h.via.id === path.entry.id || (path.association && h.via.id === path.association.id) : false,
    );
    const failing = reachable?.notWorking ?? [];
    if (!path || working.length === 0) {
      hops.push({
        step: 7,
        title: "DNS",
        status: path ? "unknown" : "skip",
        detail: path ? "No name is published for this path yet." : "No way in.",
      });
    } else if (input.hostname) {
      const match = working.find((h) => h.hostname.toLowerCase() === input.hostname!.toLowerCase());
      const fails = failing.find((h) => h.hostname.toLowerCase() === input.hostname!.toLowerCase());
      hops.push(
        match
          ? {
              step: 7,
              title: "DNS",
              status: "pass",
              detail: `${input.hostname} resolves through this path (${match.privateDns ? "private DNS" : "the generated name"}).`,
              rule: `${match.source.api} ${match.source.field}`,
            }
          : {
              step: 7,
              title: "DNS",
              status: "fail",
              subject: path.association
                ? { id: path.association.id, kind: path.association.kind, label: path.association.label }
                : { id: path.entry.id, kind: path.entry.kind, label: path.entry.label },
              detail:
                fails?.reason ?? `${input.hostname} is not a name that ${path.entry.id} publishes in ${vpc.label}.`,
              fix: { text: `Use ${working[0]!.hostname}.` },
            },
      );
    } else {
      hops.push({
        step: 7,
        title: "DNS",
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
      });
    }
    return { hops, ...(clientGroup ? { clientGroup } : {}), inferred, highlight };
  };

  function evaluateResource(path: Path | undefined, hops: Hop[], highlight: string[]): void {
    if (target.kind !== "resourceConfiguration") return;
    const c = target.node;
    highlight.push(c.id);
    if (target.parent) highlight.push(target.parent.id);
    // 4. The configuration.
    const problems: string[] = [];
    if (!live(c.data.status)) problems.push(`it is ${c.data.status}`);
    if (!inRanges(c.data.portRanges, port!))
      problems.push(`TCP ${port} is outside its port ranges (${c.data.portRanges.join(", ")})`);
    if (c.data.protocol && c.data.protocol !== "TCP" && c.data.protocol !== "TCP_UDP")
      problems.push(`its protocol is ${c.data.protocol}`);
    const role = dbEndpoint
      ? ` (the ${dbEndpoint.data.role} of ${index.get(dbEndpoint.data.clusterArn, "dbCluster")?.label ?? "the cluster"})`
      : "";
    hops.push({
      step: 4,
      title: "Resource configuration",
      status: problems.length ? "fail" : "pass",
      subject: { id: c.id, kind: "resourceConfiguration", label: c.label },
      detail: problems.length
        ? `${c.data.name}: ${problems.join("; ")}.`
        : `${c.data.name}${role}${target.parent ? `, child of ${target.parent.data.type} configuration ${target.parent.data.name}` : ""}, is ACTIVE and accepts TCP ${port}.`,
      rule: `port ranges ${c.data.portRanges.join(", ") || "all"}, ${c.data.protocol ?? "TCP"}`,
      ...(problems.length
        ? {
            fix: {
              text: !live(c.data.status)
                ? "Wait for the configuration to be ACTIVE, or recreate it."
                : `Use a port in ${c.data.portRanges.join(", ")}, or widen the configuration's port ranges.`,
            },
          }
        : {}),
    });

    // 5. The resource gateway.
    const gatewayId = c.data.gatewayId ?? target.parent?.data.gatewayId;
    const gateway = gatewayId ? index.get(gatewayId, "resourceGateway") : undefined;
    const cluster = dbEndpoint ? index.get(dbEndpoint.data.clusterArn, "dbCluster") : undefined;
    if (!gateway) {
      hops.push({
        step: 5,
        title: "Resource gateway",
        status: "unknown",
        detail: `The resource gateway ${gatewayId ?? "(none)"} could not be read.`,
      });
    } else {
      highlight.push(gateway.id);
      const gatewayGroups = groupsOf(gateway.data.securityGroupIds);
      const resourcePeer: Peer = {
        groupIds: cluster?.data.securityGroupIds ?? [],
        cidrs:
          c.data.definition?.kind === "ip"
            ? c.data.definition.values
            : c.data.definition?.kind === "cidr"
              ? c.data.definition.values
              : [index.get(gateway.data.vpcId, "vpc")?.data.cidr ?? "0.0.0.0/0"],
      };
      const egress = findEgress(gatewayGroups, port!, resourcePeer);
      const gatewayZones = new Set(
        gateway.data.subnetIds.map((id) => index.subnet(id)?.availabilityZone).filter(Boolean),
      );
      const entryZones =
        path?.entry.kind === "vpcEndpoint"
          ? path.entry.data.subnetIds.map((id) => index.subnet(id)?.availabilityZone).filter(Boolean)
          : [];
      const noCommonZone =
        path?.pattern === "resource-endpoint" &&
        entryZones.length > 0 &&
        gatewayZones.size > 0 &&
        !entryZones.some((z) => gatewayZones.has(z));
      const status =
        !live(gateway.data.status) || noCommonZone || (gatewayGroups.length > 0 && !egress) ? "fail" : "pass";
      hops.push({
        step: 5,
        title: "Resource gateway",
        status,
        subject: { id: gateway.id, kind: "resourceGateway", label: gateway.label },
        detail: !live(gateway.data.status)
          ? `${gateway.label} is ${gateway.data.status}.`
          : noCommonZone
            ? `The endpoint's subnets (${entryZones.join(", ")}) share no Availability Zone with ${gateway.label} (${[...gatewayZones].join(", ")}).`
            : gatewayGroups.length > 0 && !egress
              ? `No egress rule of ${gatewayGroups.map((g) => g.groupName).join(", ")} lets TCP ${port} out to the resource.`
              : `${gateway.label} is ACTIVE in ${[...gatewayZones].join(", ")} and may send TCP ${port} to the resource.`,
        ...(egress ? { rule: describeRule(egress.group, egress.rule, "to") } : {}),
        ...(status === "fail"
          ? {
              fix: {
                text: noCommonZone
                  ? `Give the endpoint a subnet in ${[...gatewayZones].join(" or ")}.`
                  : !live(gateway.data.status)
                    ? "Wait for the gateway, or recreate it."
                    : `Allow TCP ${port} out of ${gatewayGroups[0]?.groupName ?? "the gateway's group"} to the resource.`,
              },
            }
          : {}),
      });

      // 6. The resource.
      if (cluster) {
        highlight.push(cluster.id, dbEndpoint!.id);
        const clusterGroups = groupsOf(cluster.data.securityGroupIds);
        const gatewayPeer: Peer = {
          groupIds: gateway.data.securityGroupIds,
          cidrs: gateway.data.subnetIds.map((id) => index.subnet(id)?.cidr).filter((x): x is string => Boolean(x)),
        };
        const ingress = findIngress(clusterGroups, port!, gatewayPeer);
        const first = clusterGroups[0];
        if (ingress) highlight.push(ingress.group.groupId);
        else if (first) highlight.push(first.groupId);
        hops.push(
          ingress
            ? {
                step: 6,
                title: "Resource",
                status: cluster.data.status === "available" ? "pass" : "fail",
                subject: { id: cluster.id, kind: "dbCluster", label: cluster.label },
                detail: `${cluster.label} (${cluster.data.engine}) lets TCP ${port} in from the resource gateway.`,
                rule: describeRule(ingress.group, ingress.rule, "from"),
              }
            : {
                step: 6,
                title: "Resource",
                status: "fail",
                subject: first
                  ? { id: first.groupId, kind: "securityGroup", label: first.groupName }
                  : { id: cluster.id, kind: "dbCluster", label: cluster.label },
                detail: `No rule of ${clusterGroups.map((g) => `${g.groupName} (${g.groupId})`).join(", ") || "the cluster's security groups"} lets TCP ${port} in from the resource gateway's group ${gateway.data.securityGroupIds.join(", ")}: connections time out.`,
                ...(first && gateway.data.securityGroupIds[0]
                  ? {
                      fix: {
                        text: `Allow TCP ${port} into ${first.groupName} (${first.groupId}) from the resource gateway's group ${gateway.data.securityGroupIds[0]}.`,
                        action: {
                          type: "add-ingress-rule" as const,
                          groupId: first.groupId,
                          protocol: "tcp" as const,
                          port: port!,
                          sourceGroupId: gateway.data.securityGroupIds[0],
                          description: "From the VPC Lattice resource gateway",
                        },
                      },
                    }
                  : {}),
              },
        );
      } else {
        const value = c.data.definition?.values.join(", ") ?? c.data.name;
        hops.push({
          step: 6,
          title: "Resource",
          status: "unknown",
          detail: `Atlas cannot see what guards ${value}; it must accept TCP ${port} from the resource gateway's group ${gateway.data.securityGroupIds.join(", ") || "(none)"} or its subnets.`,
        });
      }
    }
  }

  function evaluateService(hops: Hop[], highlight: string[]): void {
    if (target.kind !== "service") return;
    const s = target.node;
    highlight.push(s.id);
    const listener = s.data.listeners.find((l) => l.port === port);
    hops.push({
      step: 4,
      title: "Lattice service",
      status: live(s.data.status) && listener ? "pass" : "fail",
      subject: { id: s.id, kind: "service", label: s.label },
      detail: !live(s.data.status)
        ? `${s.data.name} is ${s.data.status}.`
        : listener
          ? `${s.data.name} listens on ${listener.protocol} ${listener.port}.`
          : `${s.data.name} listens on ${s.data.listeners.map((l) => `${l.protocol} ${l.port}`).join(", ") || "nothing"}, not on ${port}.`,
      ...(listener
        ? { rule: `listener ${listener.name}: ${listener.protocol} ${listener.port}` }
        : { fix: { text: `Use port ${s.data.listeners[0]?.port ?? 443}, or add a listener on ${port}.` } }),
    });
    const groups = index.of("targetGroup").filter((tg) => tg.data.serviceArns.includes(s.data.arn));
    highlight.push(...groups.map((g) => g.id));
    hops.push({
      step: 5,
      title: "Target group",
      status: groups.length === 0 ? "fail" : groups.every((g) => live(g.data.status)) ? "pass" : "fail",
      ...(groups[0] ? { subject: { id: groups[0].id, kind: "targetGroup", label: groups[0].label } } : {}),
      detail:
        groups.length === 0
          ? `No listener of ${s.data.name} forwards to a target group.`
          : `${groups.map((g) => `${g.label} (${g.data.type}, ${g.data.status})`).join(", ")}.`,
      ...(groups.length === 0 ? { fix: { text: "Forward the listener to a target group." } } : {}),
    });
    const targets = index
      .of("target")
      .filter((t) =>
        groups.some((g) => index.edges.some((e) => e.kind === "target" && e.source === g.id && e.target === t.id)),
      );
    highlight.push(...targets.map((t) => t.id));
    const healthy = targets.filter((t) => t.data.status === "HEALTHY");
    const network = index.of("serviceNetwork").find((n) => highlight.includes(n.id));
    const iam = s.data.authType === "AWS_IAM" || network?.data.authType === "AWS_IAM";
    const policyMissing =
      (s.data.authType === "AWS_IAM" && s.data.authPolicy === "absent") ||
      (network?.data.authType === "AWS_IAM" && network.data.authPolicy === "absent");
    hops.push({
      step: 6,
      title: "Targets and auth",
      status: healthy.length === 0 || policyMissing ? "fail" : "pass",
      ...(targets[0] ? { subject: { id: targets[0].id, kind: "target", label: targets[0].label } } : {}),
      detail:
        healthy.length === 0
          ? `No healthy target (${targets.map((t) => `${t.label}: ${t.data.status ?? "unknown"}`).join(", ") || "none registered"}).`
          : policyMissing
            ? "IAM auth is on but no auth policy is set, so every request is denied."
            : `${healthy.length} healthy target${healthy.length === 1 ? "" : "s"}${iam ? "; IAM auth is on: requests must be SigV4-signed and allowed by the auth policy" : "; no IAM auth"}.`,
      rule: iam ? "auth type AWS_IAM with a policy" : "auth type NONE",
      ...(healthy.length === 0
        ? { fix: { text: "Register healthy targets in the target group." } }
        : policyMissing
          ? { fix: { text: "Put an auth policy on the service (or network) that allows the caller." } }
          : {}),
    });
  }

  // Pick the best path: fewest failures, then fewest unknowns.
  const score = (hops: Hop[]) =>
    hops.filter((h) => h.status === "fail").length * 100 + hops.filter((h) => h.status === "unknown").length;
  const candidates = (paths.length ? paths : [undefined]).map((path) => ({ path, result: evaluate(path) }));
  candidates.sort((a, b) => score(a.result.hops) - score(b.result.hops));
  const best = candidates[0]!;
  const hops = best.result.hops.sort((a, b) => a.step - b.step);
  const failing = hops.find((h) => h.status === "fail");
  const verdict: AnalyzeAnswer["verdict"] = failing
    ? "not-reachable"
    : hops.some((h) => h.status === "unknown")
      ? "unknown"
      : "reachable";
  const targetLabel = `${target.node.label} (${target.node.id})`;
  const summary =
    verdict === "reachable"
      ? `${vpc.label} reaches ${targetLabel} on TCP ${port}${best.path ? ` through ${best.path.entry.id}` : ""}.`
      : verdict === "not-reachable"
        ? `${vpc.label} cannot reach ${targetLabel} on TCP ${port}: it fails at hop ${failing!.step} (${failing!.title}).`
        : `${vpc.label} may reach ${targetLabel} on TCP ${port}; some hops cannot be checked from configuration.`;
  const mark = { pass: "✔", fail: "✘", unknown: "?", skip: "–" } as const;
  const text = [
    `Lattice Atlas connectivity check — ${now.toISOString()}`,
    `From: ${vpc.label} (${vpc.id})${best.result.clientGroup ? `, security group ${best.result.clientGroup}${best.result.inferred ? " (inferred)" : ""}` : ""}`,
    `To: ${targetLabel}, TCP ${port}${input.hostname ? `, as ${input.hostname}` : ""}${best.path ? `, via ${best.path.pattern} ${best.path.entry.id}` : ""}`,
    `Verdict: ${verdict.toUpperCase()} — ${summary}`,
    ...hops.map(
      (h) =>
        `${h.step}. ${mark[h.status]} ${h.title}: ${h.detail}${h.rule && h.status === "pass" ? ` [${h.rule}]` : ""}${h.fix ? ` Fix: ${h.fix.text}` : ""}`,
    ),
  ].join("\n");
  return {
    verdict,
    summary,
    from: {
      vpcId: vpc.id,
      name: vpc.label,
      ...(best.result.clientGroup ? { securityGroupId: best.result.clientGroup } : {}),
      securityGroupInferred: best.result.inferred,
    },
    target: { id: target.node.id, kind: target.kind, name: target.node.label },
    ...(best.path
      ? { path: { pattern: best.path.pattern, entryId: best.path.entry.id, entryKind: best.path.entry.kind } }
      : {}),
    port,
    ...(input.hostname ? { hostname: input.hostname } : {}),
    hops,
    highlight: [...new Set(best.result.highlight)],
    ...(failing?.subject ? { failingNodeId: failing.subject.id } : {}),
    text,
  };
}

/** The change that would give `vpc` a way in to the target, when one is obvious. */
function wayInAction(
  index: GraphIndex,
  vpc: GraphNodeOf<"vpc">,
  target: Target,
): { action: NonNullable<NonNullable<Hop["fix"]>["action"]> } | Record<string, never> {
  const subnets = oneSubnetPerZone(vpc);
  const networks =
    target.kind === "resourceConfiguration"
      ? index
          .of("resourceAssociation")
          .filter((a) => a.data.resourceConfigurationId === target.node.id)
          .map((a) => a.data.serviceNetworkId)
      : index
          .of("serviceAssociation")
          .filter((a) => a.data.serviceId === target.node.id)
          .map((a) => a.data.serviceNetworkId);
  const network = networks[0];
  const associated = index.of("vpcAssociation").some((a) => a.data.vpcId === vpc.id);
  if (network && !associated) return { action: { type: "associate-vpc", serviceNetworkId: network, vpcId: vpc.id } };
  if (network && subnets.length)
    return {
      action: { type: "create-service-network-endpoint", vpcId: vpc.id, serviceNetworkId: network, subnetIds: subnets },
    };
  if (target.kind === "resourceConfiguration" && subnets.length) {
    return {
      action: {
        type: "create-resource-endpoint",
        vpcId: vpc.id,
        resourceConfigurationId: target.parent?.id ?? target.node.id,
        subnetIds: subnets,
      },
    };
  }
  return {};
}

function oneSubnetPerZone(vpc: GraphNodeOf<"vpc">): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const subnet of vpc.data.subnets) {
    if (seen.has(subnet.availabilityZone)) continue;
    seen.add(subnet.availabilityZone);
    out.push(subnet.id);
  }
  return out;
}
