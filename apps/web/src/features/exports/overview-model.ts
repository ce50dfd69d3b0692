/**
 * What an export draws of the overview (a large account opens on it): each service network one box with its counts
 * (and its members when expanded), the VPCs in groups by name (the first names and "+ N more", or all when expanded),
 * one line with its count between two groups — where the overview places them. The same ExportModel as the
 * diagram's, so the SVG/PNG (title, source, date, legend), Mermaid, draw.io and JSON writers draw the overview as
 * they draw the diagram. "Current view": the overview on screen (its filters and what is expanded); "Whole
 * topology": the overview of everything, folded. Pure.
 */
import type { Topology } from "@lattice-atlas/shared";
import type { ViewFilters } from "../../lib/url-state";
import {
  aggregateOverview,
  FOLDED_NAMES,
  type Overview,
  type OverviewGroup,
  type OverviewNetwork,
} from "../topology/overview/aggregate";
import { placeOverview } from "../topology/overview/overview-flow";
import { overviewPassing } from "../topology/overview/passing";
import type { ExportModel, ExportNode } from "./export-model";
import type { ExportScope } from "./svg-diagram";

/** The overview on screen: the topology, the view's filters, the networks and groups expanded. */
export interface OverviewSource {
  topology: Topology;
  filters: ViewFilters;
  expanded: readonly string[];
}

const plural = (n: number, word: string): string => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

/** The overview an export of this scope draws. */
export function overviewFor(source: OverviewSource, scope: ExportScope): Overview {
  if (scope === "topology") return aggregateOverview(source.topology, { expanded: new Set() });
  return aggregateOverview(source.topology, {
    expanded: new Set(source.expanded),
    passing: overviewPassing(source.topology, source.filters),
  });
}

function networkNode(network: OverviewNetwork): Omit<ExportNode, "rect"> {
  const { counts } = network;
  return {
    id: network.id,
    kind: "serviceNetwork",
    title: network.label,
    lines: [
      `Service network · ${plural(counts.vpcs, "VPC")} · ${plural(counts.endpoints, "endpoint")}`,
      `${plural(counts.resources, "resource")} · ${plural(counts.services, "service")}`,
      ...(network.accountId ? [`account ${network.accountId}`] : []),
      ...(network.expanded ? network.members.map((m) => m.label) : []),
    ],
    dnsNames: [],
    container: false,
  };
}

function groupNode(group: OverviewGroup): Omit<ExportNode, "rect"> {
  const shown = group.expanded ? group.vpcs : group.vpcs.slice(0, FOLDED_NAMES);
  const more = group.vpcs.length - shown.length;
  return {
    id: group.id,
    kind: "vpc",
    title: group.label,
    lines: [
      `${plural(group.vpcs.length, "VPC")}, by name${group.side === "provider" ? " (providers)" : ""}`,
      ...shown.map((vpc) => vpc.label),
      ...(more > 0 ? [`+ ${more.toLocaleString("en-US")} more`] : []),
    ],
    dnsNames: [],
    container: false,
  };
}

export function toOverviewExportModel(overview: Overview, topology: Topology): ExportModel {
  const flow = placeOverview(overview);
  const nodes: ExportNode[] = [];
  const place = (node: Omit<ExportNode, "rect">): void => {
    const rect = flow.rects.get(node.id);
    if (rect) nodes.push({ ...node, rect: { ...rect } });
  };
  // Consumers, networks, providers: the overview's columns, in its order.
  for (const group of overview.groups) if (group.side === "consumer") place(groupNode(group));
  for (const network of overview.networks) place(networkNode(network));
  for (const group of overview.groups) if (group.side === "provider") place(groupNode(group));
  const edges: ExportModel["edges"] = overview.bundles.map((bundle) => ({
    id: bundle.id,
    source: bundle.source,
    target: bundle.target,
    // Consumers reach a network through their associations and endpoints; a network reaches providers' resources.
    variant: bundle.source.startsWith("group:consumer:") ? "vpc-association" : "resource-association",
    label: bundle.count.toLocaleString("en-US"),
    merged: bundle.count,
  }));
  return {
    source: topology.source,
    region: topology.region,
    accountId: topology.accountId,
    nodes,
    edges,
    bounds: flow.bounds,
  };
}

/** The header's line of what is drawn: "Overview: 50 service networks, 100 VPC groups, 180 lines (7,138 nodes in all)". */
export function overviewSummary(overview: Overview, topologyNodes: number, scope: ExportScope): string {
  const what = scope === "topology" ? "Whole topology, overview" : "Current view, overview";
  return `${what}: ${plural(overview.networks.length, "service network")}, ${plural(overview.groups.length, "VPC group")}, ${plural(overview.bundles.length, "line")} (${topologyNodes.toLocaleString("en-US")} nodes in all)`;
}
