/**
 * What a client connects to: a leaf resource configuration (SINGLE, CHILD,
 * CIDR; a GROUP or ARN configuration stands for its children) or a Lattice
 * service, found from whatever the user named (id, ARN, association, Aurora
 * cluster or endpoint, DNS name), and the facts every rule asks of it: port,
 * the database behind it, its gateway, the names a client would naturally try.
 */
import type { ConnectTarget, GraphNode, GraphNodeOf, Hostname } from "@lattice-atlas/shared";
import { AppError } from "../errors.js";
import { databaseCommand, httpCommand, singlePort } from "./commands.js";
import type { GraphIndex } from "./graph-index.js";

export type Configuration = GraphNodeOf<"resourceConfiguration">;
export type Service = GraphNodeOf<"service">;

export type Target =
  | { kind: "resourceConfiguration"; node: Configuration; parent?: Configuration | undefined }
  | { kind: "service"; node: Service };

export interface TargetFacts {
  target: ConnectTarget;
  port: number | undefined;
  command: (host: string) => string;
  /** The resource's own names (DNS definition, custom domain) that a client would naturally try. */
  nativeNames: Array<{ name: string; source: Hostname["source"] }>;
  /** AWS owns the name (an Aurora endpoint, an AWS-managed configuration): no domain verification of yours. */
  awsOwned: boolean;
  /** The custom domain (or its group's domain) is verified, or AWS owns the name: a VERIFIED_DOMAINS preference admits it. */
  domainVerified: boolean;
  /** The verification of the custom domain, when there is one. */
  verification?: NonNullable<Configuration["data"]["domainVerification"]> | undefined;
  dbEndpoint?: GraphNodeOf<"dbEndpoint"> | undefined;
  cluster?: GraphNodeOf<"dbCluster"> | undefined;
  gateway?: GraphNodeOf<"resourceGateway"> | undefined;
  /** The service's listener the port belongs to. */
  listener?: Service["data"]["listeners"][number] | undefined;
}

export const NATIVE_NAME_SOURCES = {
  definition: {
    api: "vpc-lattice:GetResourceConfiguration",
    field: "resourceConfigurationDefinition.dnsResource.domainName",
  },
  customDomain: { api: "vpc-lattice:ListResourceConfigurations", field: "items[].customDomainName" },
  serviceCustom: { api: "vpc-lattice:ListServices", field: "items[].customDomainName" },
} as const;

const LEAF_TYPES = new Set(["SINGLE", "CHILD", "CIDR"]);

/** Configurations a client connects to (GROUP and ARN ones stand for their children). */
export function leafConfigurations(index: GraphIndex): Configuration[] {
  return index.of("resourceConfiguration").filter((c) => LEAF_TYPES.has(c.data.type));
}

/** The leaves a configuration stands for: its children for GROUP/ARN, else itself. */
export function leavesOf(index: GraphIndex, configuration: Configuration): Configuration[] {
  const children = index.childrenOf(configuration.id);
  return children.length > 0 ? children : [configuration];
}

/** The configuration whose endpoints and associations carry `c`: its GROUP for a CHILD, else itself. */
export function topOf(index: GraphIndex, c: Configuration): Configuration {
  return (c.data.groupId ? index.get(c.data.groupId, "resourceConfiguration") : undefined) ?? c;
}

const configurationTarget = (index: GraphIndex, c: Configuration): Target => {
  const parent = c.data.groupId ? index.get(c.data.groupId, "resourceConfiguration") : undefined;
  return { kind: "resourceConfiguration", node: c, parent };
};

/** Every leaf target a node stands for (a GROUP: each child; an Aurora cluster: the configurations that reach it). */
export function targetsOf(index: GraphIndex, node: GraphNode): Target[] {
  switch (node.kind) {
    case "service":
      return [{ kind: "service", node }];
    case "resourceConfiguration":
      return leavesOf(index, node).map((c) => configurationTarget(index, c));
    case "resourceAssociation": {
      const c = index.get(node.data.resourceConfigurationId, "resourceConfiguration");
      return c ? targetsOf(index, c) : [];
    }
    case "serviceAssociation": {
      const s = index.get(node.data.serviceId, "service");
      return s ? [{ kind: "service", node: s }] : [];
    }
    case "dbEndpoint":
    case "resourceTarget": {
      const c = index.configurationNaming(node.kind === "dbEndpoint" ? node.data.hostname : node.data.value);
      return c ? targetsOf(index, c) : [];
    }
    case "dbCluster": {
      const byArn = index.configurationNaming(node.data.arn);
      if (byArn) return targetsOf(index, byArn);
      const names = [node.data.writerEndpoint, node.data.readerEndpoint].filter((n): n is string => Boolean(n));
      return names.flatMap((name) => {
        const c = index.configurationNaming(name);
        return c ? targetsOf(index, c) : [];
      });
    }
    default:
      return [];
  }
}

/**
 * The one target a check runs to. For a GROUP, the child that `hostname`
 * names, else the first; for an Aurora cluster, its writer.
 */
export function resolveTarget(index: GraphIndex, reference: string, hostname?: string | undefined): Target {
  const node = index.find(reference) ?? index.find(reference.replace(/^https?:\/\//, "").replace(/[/:].*$/, ""));
  if (!node) throw new AppError("NOT_FOUND", `${reference} is not in this account and region.`, { field: "to" });
  const targets = targetsOf(index, node);
  if (targets.length === 0) {
    if (node.kind === "resourceConfiguration" || node.kind === "dbCluster" || node.kind === "dbEndpoint")
      throw new AppError("VALIDATION", `No resource configuration in VPC Lattice reaches ${node.label}.`, {
        field: "to",
      });
    throw new AppError(
      "VALIDATION",
      `${reference} is a ${node.kind}; the check runs to a resource configuration, a service, or an Aurora cluster or endpoint.`,
      { field: "to" },
    );
  }
  if (hostname) {
    const wanted = hostname.toLowerCase();
    const named = targets.find(
      (t) =>
        t.kind === "resourceConfiguration" &&
        (t.node.data.definition?.values.some((v) => v.toLowerCase() === wanted) ||
          t.node.data.customDomainName?.toLowerCase() === wanted),
    );
    if (named) return named;
  }
  if (node.kind === "dbCluster" && node.data.writerEndpoint) {
    const writer = targets.find(
      (t) =>
        t.kind === "resourceConfiguration" &&
        t.node.data.definition?.values.some((v) => v.toLowerCase() === node.data.writerEndpoint!.toLowerCase()),
    );
    if (writer) return writer;
  }
  return targets[0]!;
}

/** The database endpoint a configuration's DNS definition names, and its cluster. */
function databaseOf(index: GraphIndex, c: Configuration) {
  const definition = c.data.definition;
  if (definition?.kind === "arn") {
    const cluster = index.get(definition.values[0] ?? "", "dbCluster");
    return { cluster };
  }
  const dbEndpoint =
    definition?.kind === "dns" ? index.get((definition.values[0] ?? "").toLowerCase(), "dbEndpoint") : undefined;
  const cluster = dbEndpoint ? index.get(dbEndpoint.data.clusterArn, "dbCluster") : undefined;
  return { dbEndpoint, cluster };
}

export function describeTarget(index: GraphIndex, target: Target): TargetFacts {
  if (target.kind === "service") return describeService(target.node);
  const c = target.node;
  const { dbEndpoint, cluster } = databaseOf(index, c);
  const top = target.parent ?? c;
  const gatewayId = c.data.gatewayId ?? top.data.gatewayId;
  const gateway = gatewayId ? index.get(gatewayId, "resourceGateway") : undefined;
  const definition = c.data.definition;
  const port = singlePort(c.data.portRanges) ?? dbEndpoint?.data.port ?? cluster?.data.port;
  const description = dbEndpoint
    ? `Aurora ${dbEndpoint.data.role} endpoint of ${cluster?.data.identifier ?? dbEndpoint.data.clusterArn} (${dbEndpoint.data.engine})`
    : definition
      ? `${definition.kind.toUpperCase()} ${definition.values.join(", ")}`
      : `${c.data.type} resource configuration`;
  const nativeNames: TargetFacts["nativeNames"] = [];
  if (definition?.kind === "dns")
    nativeNames.push({ name: definition.values[0]!, source: NATIVE_NAME_SOURCES.definition });
  if (c.data.customDomainName)
    nativeNames.push({ name: c.data.customDomainName, source: NATIVE_NAME_SOURCES.customDomain });
  const verification = c.data.domainVerification ?? target.parent?.data.domainVerification;
  const awsOwned = c.data.amazonManaged || Boolean(dbEndpoint);
  return {
    target: {
      id: c.id,
      arn: c.data.arn,
      kind: "resourceConfiguration",
      name: c.data.name,
      description,
      ...(target.parent ? { parentId: target.parent.id } : {}),
      ports: c.data.portRanges.length > 0 ? c.data.portRanges : port ? [String(port)] : [],
      ...(c.data.protocol ? { protocol: c.data.protocol } : {}),
    },
    port,
    command: (host) => databaseCommand(host, port, { engine: dbEndpoint?.data.engine ?? cluster?.data.engine }),
    nativeNames,
    awsOwned,
    domainVerified: awsOwned || verification?.status === "VERIFIED",
    ...(verification ? { verification } : {}),
    dbEndpoint,
    cluster,
    gateway,
  };
}

function describeService(s: Service): TargetFacts {
  const listener = s.data.listeners.find((l) => l.protocol === "HTTPS") ?? s.data.listeners[0];
  const port = listener?.port;
  return {
    target: {
      id: s.id,
      arn: s.data.arn,
      kind: "service",
      name: s.data.name,
      description: `Lattice service${listener ? ` (${s.data.listeners.map((l) => `${l.protocol} ${l.port}`).join(", ")})` : ""}`,
      ports: s.data.listeners.map((l) => String(l.port)),
      ...(listener ? { protocol: listener.protocol } : {}),
    },
    port,
    command: (host) => httpCommand(host, listener?.protocol ?? "HTTPS", port ?? 443),
    nativeNames: s.data.customDomainName
      ? [{ name: s.data.customDomainName, source: NATIVE_NAME_SOURCES.serviceCustom }]
      : [],
    awsOwned: false,
    domainVerified: false,
    listener,
  };
}
