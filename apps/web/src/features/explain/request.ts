/**
 * What a connectivity check asks: from a client (VPC, optionally its security
 * group) to a target (a resource configuration, service or Aurora endpoint),
 * optionally as a given name and port. Built from a "Connect from…" row, from
 * two nodes of the diagram, or from the URL (panel=explain); turned into the
 * body of POST /api/analyze. Pure: no React, no fetch.
 */
import type { AnalyzeRequest, GraphNode, NodeKind } from "@lattice-atlas/shared";
import type { ViewState } from "../../lib/url-state";
import { NODE_KIND_LABEL } from "../../lib/node-kinds";
import type { SourceTarget } from "../topology/target";
import type { TopologyIndex } from "../topology/topology-index";

export interface ExplainParams {
  /** The client's VPC. */
  from: string;
  /** What it wants to reach: an id, ARN or hostname the API resolves. */
  to: string;
  /** The name the client uses (hop 7 checks it). */
  hostname?: string | undefined;
  /** The client's security group (inferred by the API when absent). */
  clientGroup?: string | undefined;
  port?: number | undefined;
}

/** Kinds the check runs to (the API resolves each to a resource configuration or a service). */
export const TARGET_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>([
  "resourceConfiguration",
  "service",
  "dbCluster",
  "dbEndpoint",
  "resourceAssociation",
  "serviceAssociation",
  "resourceTarget",
]);

/** Kinds that stand for the client: a VPC, a group of its clients, or its way into Lattice. */
export const SOURCE_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>([
  "vpc",
  "securityGroup",
  "vpcEndpoint",
  "vpcAssociation",
]);

/** The check a URL asks for (both ends present), or none. */
export function explainParamsOf(view: ViewState): ExplainParams | undefined {
  if (!view.from || !view.to) return undefined;
  return {
    from: view.from,
    to: view.to,
    ...(view.hostname ? { hostname: view.hostname } : {}),
    ...(view.clientGroup ? { clientGroup: view.clientGroup } : {}),
    ...(view.port !== undefined ? { port: view.port } : {}),
  };
}

/** The URL change that opens the check panel for `params` (clearing the options of a previous check). */
export function explainViewPatch(params: ExplainParams): Partial<ViewState> {
  return {
    panel: "explain",
    from: params.from,
    to: params.to,
    hostname: params.hostname,
    clientGroup: params.clientGroup,
    port: params.port,
  };
}

/** The URL change that ends a check (what it highlighted goes with it). */
export function clearExplainPatch(view: ViewState): Partial<ViewState> {
  return {
    to: undefined,
    hostname: undefined,
    clientGroup: undefined,
    port: undefined,
    ...(view.panel === "explain" ? { panel: undefined } : {}),
  };
}

/** "Explain" on a target of the Connect-from answer, or on one of its hostname rows (that name is then checked). */
export function explainFromConnectRow(fromVpcId: string, targetId: string, hostname?: string): ExplainParams {
  return { from: fromVpcId, to: targetId, ...(hostname ? { hostname } : {}) };
}

/** The client's VPC and group that a source-side node stands for. */
function clientOf(node: GraphNode): { from: string; clientGroup?: string } | undefined {
  switch (node.kind) {
    case "vpc":
      return { from: node.id };
    case "securityGroup":
      return { from: node.data.vpcId, clientGroup: node.id };
    case "vpcEndpoint":
    case "vpcAssociation":
      return { from: node.data.vpcId };
    default:
      return undefined;
  }
}

/**
 * A check between two nodes picked in either order: one stands for the client
 * (a VPC, a security group of its clients, its endpoint or VPC association),
 * the other for the target. Undefined when the pair is not one of each.
 */
export function explainBetween(index: TopologyIndex, firstId: string, secondId: string): ExplainParams | undefined {
  const first = index.byId.get(firstId);
  const second = index.byId.get(secondId);
  if (!first || !second || first.id === second.id) return undefined;
  const [source, target] = TARGET_KINDS.has(second.kind) ? [first, second] : [second, first];
  if (!TARGET_KINDS.has(target.kind) || !SOURCE_KINDS.has(source.kind)) return undefined;
  const client = clientOf(source);
  if (!client || !index.get(client.from, "vpc")) return undefined;
  return { from: client.from, to: target.id, ...(client.clientGroup ? { clientGroup: client.clientGroup } : {}) };
}

/**
 * The body of POST /api/analyze for these params in this account view. A
 * snapshot's check (POST /api/snapshots/:id/analyze) names no source or
 * region and has nothing to re-read.
 */
export function toAnalyzeRequest(params: ExplainParams, target: SourceTarget, refresh = false): AnalyzeRequest {
  const live = !target.snapshot;
  return {
    ...(live ? { source: target.source, region: target.region } : {}),
    from: { vpc: params.from, ...(params.clientGroup ? { securityGroup: params.clientGroup } : {}) },
    to: params.to,
    ...(params.hostname ? { hostname: params.hostname } : {}),
    ...(params.port !== undefined ? { port: params.port } : {}),
    ...(refresh && live ? { refresh: true } : {}),
  };
}

export interface ExplainCandidate {
  id: string;
  label: string;
  /** What it is: "Aurora writer endpoint", "Lattice service", "VPC · consumer". */
  description: string;
  /** Lower-case text that a search matches against. */
  haystack: string;
}

function targetDescription(node: GraphNode): string {
  switch (node.kind) {
    case "resourceConfiguration":
      return `Resource configuration (${node.data.type}${node.data.portRanges.length ? `, ${node.data.portRanges.join(", ")}` : ""})`;
    case "dbEndpoint":
      return `Aurora ${node.data.role} endpoint`;
    case "service":
      return `Lattice service${node.data.listeners.length ? ` (${node.data.listeners.map((l) => `${l.protocol} ${l.port}`).join(", ")})` : ""}`;
    default:
      return NODE_KIND_LABEL[node.kind];
  }
}

function candidate(node: GraphNode, description: string): ExplainCandidate {
  const extra =
    node.kind === "dbEndpoint"
      ? node.data.hostname
      : node.kind === "resourceConfiguration"
        ? (node.data.definition?.values.join(" ") ?? "")
        : node.kind === "service"
          ? (node.data.dnsName ?? "")
          : "";
  return {
    id: node.id,
    label: node.label,
    description,
    haystack: `${node.label} ${node.id} ${description} ${extra}`.toLowerCase(),
  };
}

/**
 * What the node of a details panel can be checked against: from a VPC (or a
 * client group), the targets — resource configurations that stand for one
 * resource (not GROUP/ARN parents, whose children are listed), services and
 * Aurora endpoints; from a target, the VPCs (consumers first).
 */
export function explainCandidates(index: TopologyIndex, nodeId: string): ExplainCandidate[] {
  const node = index.byId.get(nodeId);
  if (!node) return [];
  if (SOURCE_KINDS.has(node.kind)) {
    const configurations = index
      .of("resourceConfiguration")
      .filter((c) => c.data.type !== "GROUP" && c.data.type !== "ARN")
      .map((c) => candidate(c, targetDescription(c)));
    const services = index.of("service").map((s) => candidate(s, targetDescription(s)));
    const endpoints = index.of("dbEndpoint").map((e) => candidate(e, targetDescription(e)));
    return [...configurations, ...services, ...endpoints];
  }
  if (TARGET_KINDS.has(node.kind)) {
    const vpcs = [...index.of("vpc")].sort(
      (a, b) =>
        Number(b.data.roles.includes("consumer")) - Number(a.data.roles.includes("consumer")) ||
        a.label.localeCompare(b.label),
    );
    return vpcs.map((v) =>
      candidate(v, `VPC${v.data.roles.length ? ` · ${v.data.roles.join(", ")}` : ""} · ${v.data.cidr}`),
    );
  }
  return [];
}

/** Candidates whose name, id, kind or DNS name contains every word of the query. */
export function filterCandidates(candidates: readonly ExplainCandidate[], query: string): ExplainCandidate[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...candidates];
  return candidates.filter((c) => words.every((w) => c.haystack.includes(w)));
}
