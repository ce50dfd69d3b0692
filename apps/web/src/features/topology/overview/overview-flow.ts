/**
 * The overview (see aggregate.ts) placed and turned into React Flow nodes and
 * edges: one row per network (its consumer groups → the network → its
 * provider groups), rows in name order, cut into lanes side by side so that
 * the whole has the shape of a screen. Heights follow what a node lists. Pure.
 */
import { Position, type Edge, type Node, type NodeHandle } from "@xyflow/react";
import { FOLDED_NAMES, type Overview, type OverviewGroup, type OverviewNetwork } from "./aggregate";

export const OVERVIEW_GEOMETRY = {
  groupWidth: 320,
  networkWidth: 300,
  columnGap: 140,
  laneGap: 180,
  gap: 18,
  header: 58,
  row: 24,
  padding: 14,
} as const;

export type OverviewNetworkNode = Node<{ network: OverviewNetwork; selected: string | undefined }, "overviewNetwork">;
export type OverviewGroupNode = Node<{ group: OverviewGroup; selected: string | undefined }, "overviewGroup">;
export type OverviewNode = OverviewNetworkNode | OverviewGroupNode;
export type OverviewEdge = Edge<{ count: number }>;

export interface OverviewFlow {
  nodes: OverviewNode[];
  edges: OverviewEdge[];
  rects: Map<string, { x: number; y: number; width: number; height: number }>;
  bounds: { width: number; height: number };
}

const G = OVERVIEW_GEOMETRY;

/**
 * Where a card's two handles are (the 1 px `.atlas-handle`s of overview-nodes.tsx, centred on its left and right
 * edges; see app.css), as React Flow would measure them. Given up front, they spare React Flow drawing every card once
 * to measure it before it can leave out those off screen (onlyRenderVisibleElements): on `large` that first pass drew
 * 146 cards for the 27 on screen. A card that is drawn is measured all the same.
 */
export function cardHandles(width: number, height: number): NodeHandle[] {
  const y = height / 2 - 0.5;
  return [
    { type: "target", position: Position.Left, x: -0.5, y, width: 1, height: 1 },
    { type: "source", position: Position.Right, x: width - 0.5, y, width: 1, height: 1 },
  ];
}

/** Height of a group: its header and its names (all when expanded, the first few and "+N more" when folded). */
export function groupHeight(group: OverviewGroup): number {
  const rows = group.expanded
    ? group.vpcs.length
    : Math.min(group.vpcs.length, FOLDED_NAMES) + (group.vpcs.length > FOLDED_NAMES ? 1 : 0);
  return G.header + rows * G.row + G.padding;
}

/** Height of a network: its name and counts, and its members when expanded. */
export function networkHeight(network: OverviewNetwork): number {
  return G.header + 34 + (network.expanded ? network.members.length * G.row + G.padding : 0);
}

interface Row {
  consumers: OverviewGroup[];
  network: OverviewNetwork | undefined;
  providers: OverviewGroup[];
  height: number;
}

const stackHeight = (groups: readonly OverviewGroup[]): number =>
  groups.reduce((sum, g, i) => sum + groupHeight(g) + (i > 0 ? G.gap : 0), 0);

/** One row per network (its consumer groups → it → its provider groups), and one for the groups without one. */
function rowsOf(overview: Overview): Row[] {
  const bySide = (side: OverviewGroup["side"], network: string | undefined): OverviewGroup[] =>
    overview.groups.filter((g) => g.side === side && g.network === network);
  const rows: Row[] = [];
  const push = (network: OverviewNetwork | undefined, consumers: OverviewGroup[], providers: OverviewGroup[]): void => {
    if (!network && consumers.length === 0 && providers.length === 0) return;
    const height = Math.max(stackHeight(consumers), network ? networkHeight(network) : 0, stackHeight(providers));
    rows.push({ consumers, network, providers, height });
  };
  for (const network of overview.networks)
    push(network, bySide("consumer", network.id), bySide("provider", network.id));
  push(undefined, bySide("consumer", undefined), bySide("provider", undefined));
  return rows;
}

/** Rows cut into lanes side by side, so that the whole reads as a page (about 16:10) rather than a long column. */
function lanesOf(rows: readonly Row[]): Row[][] {
  const laneWidth = 2 * G.groupWidth + G.networkWidth + 2 * G.columnGap + G.laneGap;
  const total = rows.reduce((sum, r) => sum + r.height + G.gap, 0);
  const count = Math.max(1, Math.min(rows.length, Math.round(Math.sqrt((total * 1.6) / laneWidth))));
  const target = total / count;
  const lanes: Row[][] = [[]];
  let height = 0;
  for (const row of rows) {
    if (height > 0 && height + row.height / 2 > target && lanes.length < count) {
      lanes.push([]);
      height = 0;
    }
    lanes.at(-1)!.push(row);
    height += row.height + G.gap;
  }
  return lanes;
}

/** The overview placed, nothing selected. */
export function placeOverview(overview: Overview): OverviewFlow {
  const rects = new Map<string, { x: number; y: number; width: number; height: number }>();
  const nodes: OverviewNode[] = [];
  const laneWidth = 2 * G.groupWidth + G.networkWidth + 2 * G.columnGap;
  let right = 0;
  let bottom = 0;
  lanesOf(rowsOf(overview)).forEach((lane, l) => {
    const x = l * (laneWidth + G.laneGap);
    const xNetwork = x + G.groupWidth + G.columnGap;
    const xProvider = xNetwork + G.networkWidth + G.columnGap;
    let y = 0;
    for (const row of lane) {
      const stack = (groups: readonly OverviewGroup[], left: number): void => {
        let top = y;
        for (const group of groups) {
          const height = groupHeight(group);
          rects.set(group.id, { x: left, y: top, width: G.groupWidth, height });
          top += height + G.gap;
        }
      };
      stack(row.consumers, x);
      if (row.network)
        rects.set(row.network.id, { x: xNetwork, y, width: G.networkWidth, height: networkHeight(row.network) });
      stack(row.providers, xProvider);
      y += row.height + G.gap;
    }
    right = x + laneWidth;
    bottom = Math.max(bottom, y);
  });

  for (const group of overview.groups) {
    const rect = rects.get(group.id)!;
    nodes.push({
      id: group.id,
      type: "overviewGroup",
      position: { x: rect.x, y: rect.y },
      width: rect.width,
      height: rect.height,
      handles: cardHandles(rect.width, rect.height),
      data: { group, selected: undefined },
      draggable: false,
      connectable: false,
      ariaLabel: `${group.label}: ${group.vpcs.length} VPCs`,
    });
  }
  for (const network of overview.networks) {
    const rect = rects.get(network.id)!;
    nodes.push({
      id: network.id,
      type: "overviewNetwork",
      position: { x: rect.x, y: rect.y },
      width: rect.width,
      height: rect.height,
      handles: cardHandles(rect.width, rect.height),
      data: { network, selected: undefined },
      draggable: false,
      connectable: false,
      ariaLabel: `service network ${network.label}`,
    });
  }
  const edges: OverviewEdge[] = overview.bundles.map((bundle) => ({
    id: bundle.id,
    source: bundle.source,
    target: bundle.target,
    label: String(bundle.count),
    data: { count: bundle.count },
    className: "overview-bundle",
    style: { strokeWidth: Math.min(1.5 + Math.log2(bundle.count), 6) },
    selectable: false,
    focusable: false,
  }));
  return {
    nodes,
    edges,
    rects,
    bounds: { width: right, height: bottom },
  };
}

/**
 * A placed overview with `selected` marked on the cards that list it. Every other card keeps its node object, so a
 * click redraws the one or two cards whose selection changed rather than all of them (React Flow keeps what it knows of
 * a node it is given again, and its memoised card skips the render).
 */
export function selectInOverview(placed: OverviewFlow, selected: string | undefined): OverviewFlow {
  if (selected === undefined) return placed;
  const nodes = placed.nodes.map((node): OverviewNode => {
    if (node.type === "overviewGroup")
      return node.data.group.vpcs.some((v) => v.id === selected) ? { ...node, data: { ...node.data, selected } } : node;
    const { network } = node.data;
    return network.id === selected || network.members.some((m) => m.id === selected)
      ? { ...node, data: { ...node.data, selected } }
      : node;
  });
  return { ...placed, nodes };
}
