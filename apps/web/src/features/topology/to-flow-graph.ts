/**
 * The canvas is a projection: API topology + view state → React Flow nodes
 * and edges. Pure; the structural part (what is shown, where) is cached per
 * topology object and filter/collapse key, so selecting or highlighting only
 * restyles. Pass the previous result to keep the identity of every node and
 * edge whose rendering did not change (React Flow then skips them).
 */
import type { GraphEdge, GraphNode, GraphNodeOf, NodeKind, Topology } from "@lattice-atlas/shared";
import { MarkerType, type Edge, type EdgeMarker, type Node } from "@xyflow/react";
import type { ViewFilters } from "../../lib/url-state";
import {
  layoutColumnsSteps,
  type LayoutContainerInput,
  type LayoutEdgeInput,
  type LayoutNodeInput,
  type Rect,
} from "./layout/column-layout";
import { layoutAccountBlocksSteps, type AccountFrame } from "./layout/account-blocks";
import { runSliced, runToEnd, type Steps } from "./layout/steps";
import { accountBlocksFor } from "./account-frames";
import {
  containerSpan,
  placeNode,
  zoneOf,
  CONSUMER_ZONE,
  PROVIDER_ZONE,
  type Placement,
} from "./layout/topology-columns";
import { EDGE_COLOR, type EdgeVariant } from "./edge-styles";
import { CHANGE_MARK_CLASS, NO_CHANGE_MARKS, type ChangeMark, type ChangeMarks } from "./change-marks";
import { HANDLE, NODE_SIZE, connectRoleOf, handlesFor, type ConnectRole } from "./node-geometry";
import { indexTopology, type TopologyIndex } from "./topology-index";
import { computeVisibility, type CollapseState, type Visibility } from "./visibility";

// exports/mermaid.ts reads the line colours from here.
export { EDGE_COLOR, type EdgeVariant };

/** How a VPC is drawn: around its children, or as one chip (collapsed, or nothing inside is shown). */
type VpcMode = "container" | "chip";

type AtlasNodeData<K extends NodeKind = NodeKind> = {
  node: GraphNodeOf<K>;
  /** VPCs and service networks: folded into one node. */
  collapsed: boolean;
  /** VPCs and service networks: whether there is anything to fold or unfold. */
  collapsible: boolean;
  /** VPCs: container or chip. */
  mode?: VpcMode;
  /** What a collapsed VPC or network hides, per kind. */
  hiddenCounts?: Partial<Record<NodeKind, number>>;
};

export type AtlasNodeOf<K extends NodeKind> = Node<AtlasNodeData<K>, K>;
export type AtlasNode = { [K in NodeKind]: AtlasNodeOf<K> }[NodeKind];

type AtlasEdgeData = { variant: EdgeVariant; merged: number };
export type AtlasEdge = Edge<AtlasEdgeData>;

export interface ProjectionView extends ViewFilters, CollapseState {
  selected?: string | undefined;
  /** Nodes to stand out (connect path, search matches); the rest is dimmed. Empty: nothing dimmed. */
  highlight?: ReadonlySet<string> | undefined;
  /**
   * Nodes where a connectivity check fails (drawn red, never dimmed), with the path edge into each: an edge from a
   * highlighted node, or — when none leads in (a security group is drawn towards its user) — a path edge touching it.
   */
  failing?: ReadonlySet<string> | undefined;
  /** What changes in flight touch (dashed, failed, stalled): see actions/merge-pending.ts. */
  changeMarks?: ChangeMarks | undefined;
}

export interface FlowGraph {
  /** The topology this was projected from. */
  topology: Topology;
  nodes: AtlasNode[];
  edges: AtlasEdge[];
  /** Absolute rectangles of shown nodes (for focusing the viewport). */
  rects: ReadonlyMap<string, Rect>;
  /** Hidden-by-collapse node → the shown node that stands for it. */
  representative: ReadonlyMap<string, string>;
  visibility: Visibility;
  /** Size of the whole drawing. */
  bounds: { width: number; height: number };
  /** An estate's account frames (absolute rectangles, behind the nodes); empty for one account. */
  accountFrames: readonly AccountFrame[];
}

const MARKERS = Object.fromEntries(
  (Object.keys(EDGE_COLOR) as EdgeVariant[]).map((variant) => [
    variant,
    {
      type: MarkerType.ArrowClosed,
      color: EDGE_COLOR[variant],
      width: 14,
      height: 14,
      markerUnits: "userSpaceOnUse",
    } satisfies EdgeMarker,
  ]),
) as Record<EdgeVariant, EdgeMarker>;

interface StructuralNode {
  id: string;
  type: NodeKind;
  data: AtlasNodeData;
  parentId?: string;
  rect: Rect;
  position: { x: number; y: number };
  /** Its part in the connect gesture (dragged from, dropped on). */
  role?: ConnectRole;
  /** A change in flight touches it (see change-marks.ts). */
  mark?: ChangeMark;
}

interface StructuralEdge {
  id: string;
  variant: EdgeVariant;
  source: string;
  target: string;
  sourceHandle: string;
  targetHandle: string;
  label?: string;
  merged: number;
  /** A change in flight touches one of its ends. */
  mark?: ChangeMark;
}

interface Structure {
  nodes: StructuralNode[];
  edges: StructuralEdge[];
  /** An estate's accounts, each framed around what it owns (none for one account). */
  accountFrames: AccountFrame[];
  rects: Map<string, Rect>;
  visibility: Visibility;
  bounds: { width: number; height: number };
}

const structureCache = new WeakMap<Topology, Map<string, Structure>>();
const STRUCTURE_CACHE_SIZE = 6;

function structureKey(view: ProjectionView): string {
  return JSON.stringify([
    view.hiddenKinds,
    view.vpcs,
    view.serviceNetworks,
    view.statuses,
    view.accounts,
    view.regions,
    view.collapsed,
    view.expanded,
    // A handful of entries at most: the changes this browser has in flight.
    view.changeMarks && view.changeMarks.size > 0 ? [...view.changeMarks] : [],
  ]);
}

function edgeVariant(edge: GraphEdge, index: TopologyIndex): EdgeVariant {
  if (edge.kind !== "endpoint") return edge.kind;
  const endpoint = index.get(edge.source, "vpcEndpoint");
  return endpoint?.data.endpointType === "Resource" ? "endpoint-resource" : "endpoint-network";
}

/** "tcp 5432 · 443", "all": the ports an inbound rule opens, grouped by protocol. */
export function rulesLabel(
  rules: ReadonlyArray<{ protocol: string; fromPort?: number | undefined; toPort?: number | undefined }>,
): string {
  const byProtocol = new Map<string, string[]>();
  for (const rule of rules) {
    const protocol = rule.protocol === "-1" ? "all" : rule.protocol;
    const ports = byProtocol.get(protocol) ?? [];
    if (rule.protocol !== "-1" && rule.fromPort !== undefined)
      ports.push(rule.fromPort === rule.toPort ? String(rule.fromPort) : `${rule.fromPort}-${rule.toPort}`);
    byProtocol.set(protocol, ports);
  }
  return [...byProtocol]
    .map(([protocol, ports]) => (ports.length > 0 ? `${protocol} ${[...new Set(ports)].join(" · ")}` : protocol))
    .join(", ");
}

/** The structural part of the projection (what is shown, where), as steps: see layout/steps.ts. */
export function* projectionSteps(topology: Topology, view: ProjectionView): Steps<unknown> {
  return yield* buildStructure(topology, view);
}

function* buildStructure(topology: Topology, view: ProjectionView): Steps<Structure> {
  const index = indexTopology(topology);
  const marks = view.changeMarks ?? NO_CHANGE_MARKS;
  yield;
  const visibility = computeVisibility(index, view, view);
  yield;
  const { shown, representative, collapsed } = visibility;
  const hiddenKinds = new Set(view.hiddenKinds);
  const stand = (id: string): string | undefined => (shown.has(id) ? id : representative.get(id));

  // Which VPCs draw as containers: expanded, and at least one shown child.
  const shownChildren = new Map<string, GraphNode[]>();
  for (const id of shown) {
    const node = index.byId.get(id)!;
    if (node.parent && shown.has(node.parent) && !hiddenKinds.has("vpc")) {
      const list = shownChildren.get(node.parent);
      if (list) list.push(node);
      else shownChildren.set(node.parent, [node]);
    }
  }
  const hiddenCounts = new Map<string, Partial<Record<NodeKind, number>>>();
  for (const [id, rep] of representative) {
    const kind = index.byId.get(id)!.kind;
    const counts = hiddenCounts.get(rep) ?? {};
    counts[kind] = (counts[kind] ?? 0) + 1;
    hiddenCounts.set(rep, counts);
  }

  // Edges through representatives, deduplicated; "uses security group" is drawn group → user, so it reads left to right.
  const edges = new Map<string, StructuralEdge>();
  const addEdge = (variant: EdgeVariant, source: string, target: string, label?: string, mark?: ChangeMark): void => {
    if (source === target) return;
    const id = `${variant}:${source}->${target}`;
    const existing = edges.get(id);
    if (existing) {
      existing.merged++;
      if (mark && existing.mark !== "pending") existing.mark = mark;
      return;
    }
    edges.set(id, {
      id,
      variant,
      source,
      target,
      sourceHandle: HANDLE.out,
      targetHandle: HANDLE.in,
      merged: 1,
      ...(label ? { label } : {}),
      ...(mark ? { mark } : {}),
    });
  };
  for (const edge of topology.edges) {
    const source = stand(edge.source);
    const target = stand(edge.target);
    if (!source || !target) continue;
    const variant = edgeVariant(edge, index);
    const mark = marks.size > 0 ? (marks.get(edge.source) ?? marks.get(edge.target)) : undefined;
    if (variant === "security-group") addEdge(variant, target, source, undefined, mark);
    else addEdge(variant, source, target, undefined, mark);
  }
  for (const group of index.of("securityGroup")) {
    const target = stand(group.id);
    if (!target) continue;
    const rules = new Map<string, Array<(typeof group.data.ingress)[number]>>();
    for (const rule of group.data.ingress) {
      if (!rule.sourceGroupId) continue;
      const source = stand(rule.sourceGroupId);
      if (!source || source === target) continue;
      rules.set(source, [...(rules.get(source) ?? []), rule]);
    }
    for (const [source, list] of rules) addEdge("sg-rule", source, target, rulesLabel(list));
  }

  yield;
  // Columns and layout input.
  const placements = new Map<string, Placement>();
  const layoutNodes: LayoutNodeInput[] = [];
  const containers: LayoutContainerInput[] = [];
  const modes = new Map<string, "container" | "chip">();
  for (const id of shown) {
    const node = index.byId.get(id)!;
    if (node.kind === "vpc") {
      const children = shownChildren.get(id);
      if (children && children.length > 0) {
        modes.set(id, "container");
        const columns = children.map((c) => placeNode(c, index, placements).column);
        containers.push({ id, span: containerSpan(columns) });
        continue;
      }
      modes.set(id, "chip");
    }
  }
  const anchors = new Map<string, string>();
  for (const edge of edges.values()) if (edge.variant === "child") anchors.set(edge.target, edge.source);
  for (const id of shown) {
    const node = index.byId.get(id)!;
    if (modes.get(id) === "container") continue;
    const size = NODE_SIZE[node.kind];
    const container = node.parent && modes.get(node.parent) === "container" ? node.parent : undefined;
    const placement = placeNode(node, index, placements);
    const anchor = anchors.get(id) ?? (placement.anchor && shown.has(placement.anchor) ? placement.anchor : undefined);
    // Under an anchor, what it contains (children, endpoints) comes before the groups protecting it.
    // Folded VPCs tile their zone: hundreds of chips fill a grid rather than one column.
    const zone = modes.get(id) === "chip" ? zoneOf(placement.column) : undefined;
    const tile = zone === "consumer" ? CONSUMER_ZONE : zone === "provider" ? PROVIDER_ZONE : undefined;
    layoutNodes.push({
      id,
      tile,
      column: placement.column,
      width: size.width,
      height: size.height,
      container,
      anchor,
      rank: node.kind === "securityGroup" ? 1 : 0,
    });
  }
  const layoutEdges: LayoutEdgeInput[] = [];
  for (const edge of edges.values()) layoutEdges.push({ source: edge.source, target: edge.target });
  yield;
  // An estate of several accounts: a block (and a frame) per account; otherwise one layout.
  const accountBlocks = accountBlocksFor(topology, index.byId, shown);
  const layout = accountBlocks
    ? yield* layoutAccountBlocksSteps(
        accountBlocks.blocks,
        accountBlocks.accountOf,
        layoutNodes,
        layoutEdges,
        containers,
      )
    : { ...(yield* layoutColumnsSteps(layoutNodes, layoutEdges, containers)), frames: [] };

  // In-column edges (a group and its children) leave and enter on the left side.
  const columnById = new Map(layoutNodes.map((n) => [n.id, n.column]));
  for (const edge of edges.values()) {
    const sc = columnById.get(edge.source);
    if (sc !== undefined && sc === columnById.get(edge.target)) {
      edge.sourceHandle = HANDLE.sideOut;
      edge.targetHandle = HANDLE.sideIn;
    }
  }

  yield;
  // Nodes: containers before their children (React Flow needs parents first), children relative to them.
  const structuralNodes: StructuralNode[] = [];
  const pushNode = (node: GraphNode, parentId: string | undefined): void => {
    const rect = layout.rects.get(node.id);
    if (!rect) return;
    const parentRect = parentId ? layout.rects.get(parentId) : undefined;
    const mode = modes.get(node.id);
    const canFold =
      node.kind === "vpc"
        ? (index.childrenOf.get(node.id)?.length ?? 0) > 0
        : node.kind === "serviceNetwork"
          ? (index.associationsOf.get(node.id)?.length ?? 0) > 0
          : false;
    const counts = hiddenCounts.get(node.id);
    const role = connectRoleOf(node, mode === "container");
    const mark = marks.get(node.id);
    structuralNodes.push({
      id: node.id,
      type: node.kind,
      data: {
        node,
        collapsed: collapsed.has(node.id),
        collapsible: canFold,
        ...(mode ? { mode } : {}),
        ...(counts ? { hiddenCounts: counts } : {}),
      } as AtlasNodeData,
      ...(parentId ? { parentId } : {}),
      rect,
      position: parentRect ? { x: rect.x - parentRect.x, y: rect.y - parentRect.y } : { x: rect.x, y: rect.y },
      ...(role ? { role } : {}),
      ...(mark ? { mark } : {}),
    });
  };
  for (const container of containers) {
    pushNode(index.byId.get(container.id)!, undefined);
    for (const child of shownChildren.get(container.id) ?? []) pushNode(child, container.id);
  }
  for (const id of shown) {
    const node = index.byId.get(id)!;
    if (modes.get(id) === "container") continue;
    if (node.parent && modes.get(node.parent) === "container") continue;
    pushNode(node, undefined);
  }

  return {
    nodes: structuralNodes,
    edges: [...edges.values()],
    accountFrames: layout.frames,
    rects: layout.rects,
    visibility,
    bounds: { width: layout.width, height: layout.height },
  };
}

function cachedStructure(topology: Topology, key: string): Structure | undefined {
  const perTopology = structureCache.get(topology);
  const structure = perTopology?.get(key);
  if (perTopology && structure) {
    // Most recently used last.
    perTopology.delete(key);
    perTopology.set(key, structure);
  }
  return structure;
}

function remember(topology: Topology, key: string, structure: Structure): void {
  let perTopology = structureCache.get(topology);
  if (!perTopology) {
    perTopology = new Map();
    structureCache.set(topology, perTopology);
  }
  perTopology.set(key, structure);
  if (perTopology.size > STRUCTURE_CACHE_SIZE) perTopology.delete(perTopology.keys().next().value!);
}

function structureFor(topology: Topology, view: ProjectionView): Structure {
  const key = structureKey(view);
  const cached = cachedStructure(topology, key);
  if (cached) return cached;
  const structure = runToEnd(buildStructure(topology, view), "atlas:layout");
  remember(topology, key, structure);
  return structure;
}

/** Whether toFlowGraph would answer at once for this topology and these filters/folds. */
export function isProjectionReady(topology: Topology, view: ProjectionView): boolean {
  return structureCache.get(topology)?.has(structureKey(view)) ?? false;
}

/**
 * Lays the projection out in slices of a few milliseconds (no long task on a
 * large account); toFlowGraph then finds it ready. Rejects with AbortError
 * when the signal aborts (the view changed again).
 */
export async function prepareProjection(topology: Topology, view: ProjectionView, signal?: AbortSignal): Promise<void> {
  const key = structureKey(view);
  if (cachedStructure(topology, key)) return;
  const structure = await runSliced(buildStructure(topology, view), {
    label: "atlas:layout",
    ...(signal ? { signal } : {}),
  });
  remember(topology, key, structure);
}

/** The path edges at failing nodes: those leading in from the path, else any path edge touching them. */
function failingPathEdges(
  edges: readonly StructuralEdge[],
  failing: ReadonlySet<string>,
  onPath: ReadonlySet<string>,
): Set<string> {
  const into = new Map<string, string[]>();
  const touching = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, node: string, edge: string): void => {
    const list = map.get(node);
    if (list) list.push(edge);
    else map.set(node, [edge]);
  };
  for (const e of edges) {
    if (failing.has(e.target) && onPath.has(e.source)) add(into, e.target, e.id);
    else if (failing.has(e.source) && onPath.has(e.target)) add(touching, e.source, e.id);
  }
  const ids = new Set<string>();
  for (const node of failing) for (const id of into.get(node) ?? touching.get(node) ?? []) ids.add(id);
  return ids;
}

export function toFlowGraph(topology: Topology, view: ProjectionView, previous?: FlowGraph): FlowGraph {
  const structure = structureFor(topology, view);
  const { representative } = structure.visibility;
  const highlighted = new Set<string>();
  for (const id of view.highlight ?? []) {
    const shownAs = structure.visibility.shown.has(id) ? id : representative.get(id);
    if (shownAs) highlighted.add(shownAs);
  }
  const failing = new Set<string>();
  for (const id of view.failing ?? []) {
    const shownAs = structure.visibility.shown.has(id) ? id : representative.get(id);
    if (shownAs) {
      failing.add(shownAs);
      highlighted.add(shownAs);
    }
  }
  const failingEdges = failing.size > 0 ? failingPathEdges(structure.edges, failing, highlighted) : undefined;
  const dimming = highlighted.size > 0;
  // A container with a highlighted child is not dimmed either.
  if (dimming) for (const n of structure.nodes) if (n.parentId && highlighted.has(n.id)) highlighted.add(n.parentId);

  const previousNodes = new Map(previous?.nodes.map((n) => [n.id, n]));
  const nodes: AtlasNode[] = structure.nodes.map((s) => {
    const selected = view.selected === s.id;
    const dim = dimming ? (highlighted.has(s.id) ? "is-highlighted" : "is-dimmed") : undefined;
    const state = failing.has(s.id) ? `${dim} is-failing` : dim;
    const className = s.mark ? (state ? `${state} ${CHANGE_MARK_CLASS[s.mark]}` : CHANGE_MARK_CLASS[s.mark]) : state;
    const before = previousNodes.get(s.id);
    if (
      before &&
      before.data === s.data &&
      before.selected === selected &&
      before.className === className &&
      before.position === s.position &&
      before.parentId === s.parentId
    )
      return before;
    const node = {
      id: s.id,
      type: s.type,
      data: s.data,
      position: s.position,
      width: s.rect.width,
      height: s.rect.height,
      handles: handlesFor(s.rect.width, s.rect.height, s.role),
      selected,
      draggable: false,
      // What takes part in the connect gesture leaves `connectable` unset, so that ReactFlow's nodesConnectable
      // (the source accepts changes) decides; everything else never connects.
      ...(s.role ? {} : { connectable: false }),
      ariaLabel: `${s.data.node.kind} ${s.data.node.label}`,
      ...(s.parentId ? { parentId: s.parentId, extent: "parent" as const } : {}),
      ...(className ? { className } : {}),
    };
    return node as AtlasNode;
  });

  const previousEdges = new Map(previous?.edges.map((e) => [e.id, e]));
  const edges: AtlasEdge[] = structure.edges.map((s) => {
    const state = dimming
      ? highlighted.has(s.source) && highlighted.has(s.target)
        ? "is-highlighted"
        : "is-dimmed"
      : "";
    const fails = failingEdges?.has(s.id) ?? false;
    const className = `edge-${s.variant}${s.mark ? ` ${CHANGE_MARK_CLASS[s.mark]}` : ""}${state ? ` ${state}` : ""}${fails ? " is-failing" : ""}`;
    const before = previousEdges.get(s.id);
    if (before && before.className === className && before.source === s.source && before.target === s.target)
      return before;
    return {
      id: s.id,
      source: s.source,
      target: s.target,
      sourceHandle: s.sourceHandle,
      targetHandle: s.targetHandle,
      className,
      data: { variant: s.variant, merged: s.merged },
      markerEnd: MARKERS[s.variant],
      selectable: false,
      focusable: false,
      ...(s.label ? { label: s.label } : {}),
      ...(fails ? { zIndex: 2 } : state === "is-highlighted" ? { zIndex: 1 } : {}),
    } satisfies AtlasEdge;
  });

  // Unchanged arrays keep their identity too: React Flow then skips rebuilding its lookups (thousands of edges).
  const sameNodes =
    previous !== undefined && previous.nodes.length === nodes.length && nodes.every((n, i) => n === previous.nodes[i]);
  const sameEdges =
    previous !== undefined && previous.edges.length === edges.length && edges.every((e, i) => e === previous.edges[i]);
  return {
    topology,
    nodes: sameNodes ? previous.nodes : nodes,
    edges: sameEdges ? previous.edges : edges,
    rects: structure.rects,
    representative,
    visibility: structure.visibility,
    bounds: structure.bounds,
    accountFrames: structure.accountFrames,
  };
}
