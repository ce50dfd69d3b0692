/**
 * What an export draws: exactly the nodes and lines the diagram shows (after
 * filters and folds), where it shows them, each node with a title and the
 * lines of text that matter — its id, status and the DNS names that the view
 * carries (an association's dnsName and privateDnsName, an endpoint's rows, a
 * service's names, a database endpoint's hostname). Pure: a FlowGraph in, plain
 * data out; the Mermaid, draw.io and JSON writers work from this alone.
 */
import type { GraphNode, NodeKind } from "@lattice-atlas/shared";
import { NODE_KIND_LABEL } from "../../lib/node-kinds";
import type { EdgeVariant } from "../topology/edge-styles";
import type { FlowGraph } from "../topology/to-flow-graph";

interface ExportRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ExportNode {
  id: string;
  kind: NodeKind;
  /** What the node is called on the diagram. */
  title: string;
  /** Lines under the title: the kind, the id, the status, DNS names (each once). */
  lines: string[];
  /** Every DNS name among the lines (for a reader who wants only those). */
  dnsNames: string[];
  /** The container (a VPC drawn around its children) it sits in. */
  parentId?: string | undefined;
  /** Absolute, in diagram units. */
  rect: ExportRect;
  /** A VPC drawn as a container of other nodes. */
  container: boolean;
  status?: string | undefined;
}

interface ExportEdge {
  id: string;
  source: string;
  target: string;
  variant: EdgeVariant;
  /** A security-group rule's ports, when the diagram labels the line. */
  label?: string | undefined;
  /** How many edges of the topology this line stands for (through folded containers). */
  merged: number;
}

export interface ExportModel {
  source: { id: string; kind: string; label: string };
  region: string;
  accountId: string;
  nodes: ExportNode[];
  edges: ExportEdge[];
  /** The drawing's size (every rect fits inside). */
  bounds: { width: number; height: number };
}

const FOLDED_LABEL: Partial<Record<NodeKind, string>> = {
  vpc: "VPC",
  securityGroup: "SG",
  vpcEndpoint: "endpoint",
  vpcAssociation: "VPC assoc.",
  resourceAssociation: "resource assoc.",
  serviceAssociation: "service assoc.",
  resourceGateway: "gateway",
  resourceConfiguration: "config",
  dbCluster: "cluster",
  dbEndpoint: "DB endpoint",
  service: "service",
  targetGroup: "target group",
  target: "target",
  resourceTarget: "resource target",
};

/** The DNS names a node carries, in the order the details panel lists them. */
function dnsNamesOf(node: GraphNode): string[] {
  const names: Array<string | undefined> = [];
  switch (node.kind) {
    case "vpcEndpoint":
      for (const row of node.data.associations) names.push(row.dnsName, row.privateDnsName);
      break;
    case "resourceAssociation":
      names.push(node.data.dnsName, node.data.privateDnsName);
      break;
    case "serviceAssociation":
      names.push(node.data.dnsName, node.data.customDomainName);
      break;
    case "service":
      names.push(node.data.dnsName, node.data.customDomainName);
      break;
    case "resourceConfiguration":
      names.push(node.data.customDomainName);
      if (node.data.definition?.kind === "dns") names.push(...node.data.definition.values);
      break;
    case "dbCluster":
      names.push(node.data.writerEndpoint, node.data.readerEndpoint);
      break;
    case "dbEndpoint":
      names.push(node.data.hostname);
      break;
    case "resourceTarget":
      if (node.data.kind === "dns") names.push(node.data.value);
      break;
    default:
      break;
  }
  return [...new Set(names.filter((n): n is string => typeof n === "string" && n.length > 0))];
}

/** The line under the title that says what the node is (and its own details). */
function kindLine(node: GraphNode): string {
  switch (node.kind) {
    case "vpc":
      return `VPC · ${node.data.cidr}`;
    case "vpcEndpoint":
      return `${node.data.endpointType} endpoint · private DNS ${node.data.privateDnsEnabled ? "on" : "off"}`;
    case "vpcAssociation":
      return `VPC association · private DNS ${node.data.privateDnsEnabled ? "on" : "off"}`;
    case "resourceAssociation":
      return node.data.isManaged ? "Resource association (child)" : "Resource association";
    case "resourceConfiguration": {
      const ports =
        node.data.portRanges.length > 0 ? ` · ${node.data.protocol ?? "TCP"} ${node.data.portRanges.join(",")}` : "";
      return `${node.data.type} resource configuration${ports}`;
    }
    case "dbCluster":
      return `${node.data.engine} · port ${node.data.port}`;
    case "dbEndpoint":
      return `${node.data.engine} ${node.data.role} endpoint · port ${node.data.port}`;
    case "service": {
      const listeners = node.data.listeners.map((l) => `${l.protocol} ${l.port}`).join(", ");
      return `Lattice service${listeners ? ` · ${listeners}` : ""}`;
    }
    case "targetGroup":
      return `${node.data.type} target group`;
    default:
      return NODE_KIND_LABEL[node.kind];
  }
}

function foldedLine(counts: Partial<Record<NodeKind, number>> | undefined): string | undefined {
  if (!counts) return undefined;
  const parts = Object.entries(counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([kind, n]) => `${n} ${FOLDED_LABEL[kind as NodeKind] ?? kind}`);
  return parts.length > 0 ? `folded: ${parts.join(", ")}` : undefined;
}

export function toExportModel(graph: FlowGraph): ExportModel {
  const { topology } = graph;
  const containers = new Set<string>();
  for (const n of graph.nodes) if (n.parentId) containers.add(n.parentId);
  const nodes: ExportNode[] = [];
  for (const n of graph.nodes) {
    const rect = graph.rects.get(n.id);
    if (!rect) continue;
    const node = n.data.node;
    const dnsNames = dnsNamesOf(node);
    const title = node.kind === "securityGroup" ? node.data.groupName : node.label;
    const lines = [kindLine(node), ...(node.id !== title ? [node.id] : [])];
    if (node.status) lines.push(node.status);
    const folded = foldedLine(n.data.hiddenCounts);
    if (folded) lines.push(folded);
    for (const name of dnsNames) if (name !== title && !lines.includes(name)) lines.push(name);
    nodes.push({
      id: n.id,
      kind: node.kind,
      title,
      lines,
      dnsNames,
      ...(n.parentId ? { parentId: n.parentId } : {}),
      rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      container: containers.has(n.id),
      ...(node.status ? { status: node.status } : {}),
    });
  }
  const shown = new Set(nodes.map((n) => n.id));
  const edges: ExportEdge[] = graph.edges
    .filter((e) => shown.has(e.source) && shown.has(e.target))
    .map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      variant: e.data?.variant ?? "resource",
      ...(typeof e.label === "string" && e.label ? { label: e.label } : {}),
      merged: e.data?.merged ?? 1,
    }));
  return {
    source: topology.source,
    region: topology.region,
    accountId: topology.accountId,
    nodes,
    edges,
    bounds: graph.bounds,
  };
}

/** `lattice-atlas-<source>-<region>-<date>.<ext>`, safe on every file system. */
export function exportFileName(source: string, region: string, date: Date, extension: string): string {
  const slug = (value: string): string =>
    value
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "unknown";
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
  return `lattice-atlas-${slug(source)}-${slug(region)}-${day}.${extension}`;
}
