/**
 * Pending changes drawn on the diagram: a pure function from the API's
 * topology and this source/region's pending changes to the topology to draw.
 *
 * - A creation AWS has accepted but discovery has not seen yet becomes a
 *   node of its own (with its edges), marked pending: dashed, labelled with
 *   AWS's status (CREATE_IN_PROGRESS, Pending) — never ACTIVE before the
 *   status poll says so. Once the topology holds the resource, its node wins.
 * - A removal keeps the node, shows AWS's status (DELETE_IN_PROGRESS,
 *   Deleting), and drops it as soon as the poll says it is gone.
 * - Without changes the topology is returned as is (same object).
 *
 * With it come the marks of what the changes touch (pending, failed,
 * stalled), which the projection draws (ProjectionView.changeMarks). The
 * result is memoised on (topology, changes), so an unchanged store never
 * costs a new layout.
 */
import type { GraphEdge, GraphNode, Topology } from "@lattice-atlas/shared";
import { NO_CHANGE_MARKS, type ChangeMark, type ChangeMarks } from "../topology/change-marks";
import { indexTopology } from "../topology/topology-index";
import { actionKind } from "./kinds";
import type { PendingChange } from "./pending-changes";

function markOf(change: PendingChange): ChangeMark | undefined {
  if (change.phase === "failed") return "failed";
  if (change.phase === "timeout") return "stalled";
  return change.done ? undefined : "pending";
}

/** The node with AWS's latest word on a removal in flight. */
function withStatus(node: GraphNode, status: string): GraphNode {
  if (node.kind === "vpcEndpoint") return { ...node, status, data: { ...node.data, state: status } };
  if (node.kind === "vpcAssociation" || node.kind === "resourceAssociation" || node.kind === "serviceAssociation")
    return { ...node, status, data: { ...node.data, status } } as GraphNode;
  return { ...node, status };
}

/** The topology to draw and the marks of the changes in flight on it. */
export interface DrawnTopology {
  topology: Topology;
  marks: ChangeMarks;
}

const memo = new WeakMap<Topology, { changes: readonly PendingChange[]; merged: DrawnTopology }>();
const unchanged = new WeakMap<Topology, DrawnTopology>();

/** The topology as it is, without marks (one object per topology). */
function asIs(topology: Topology): DrawnTopology {
  let drawn = unchanged.get(topology);
  if (!drawn) {
    drawn = { topology, marks: NO_CHANGE_MARKS };
    unchanged.set(topology, drawn);
  }
  return drawn;
}

export function mergePendingChanges(topology: Topology, changes: readonly PendingChange[]): DrawnTopology {
  if (changes.length === 0) return asIs(topology);
  const remembered = memo.get(topology);
  if (remembered?.changes === changes) return remembered.merged;

  const index = indexTopology(topology);
  const marks = new Map<string, ChangeMark>();
  const replaced = new Map<string, GraphNode>();
  const removed = new Set<string>();
  const addedNodes: GraphNode[] = [];
  const addedEdges: GraphEdge[] = [];
  for (const change of changes) {
    const kind = actionKind(change.action.type);
    const existing = index.byId.get(change.id);
    const mark = markOf(change);
    if (kind.removal) {
      if (!existing) continue;
      if (change.phase === "deleted" || change.phase === "not-found") {
        removed.add(change.id);
        continue;
      }
      replaced.set(change.id, withStatus(existing, change.status));
      if (mark) marks.set(change.id, mark);
      continue;
    }
    if (existing) {
      // Discovery already shows it: its node wins; a failure keeps its mark.
      if (mark === "failed") marks.set(change.id, mark);
      continue;
    }
    // What the kind draws while AWS works on it (a rule draws nothing: it is in place once EC2 answers).
    const built = kind.create?.pendingNode(change as never, index);
    if (!built) continue;
    addedNodes.push(built.node);
    // Edges to what the picture does not hold (a group of another VPC, a shared network) would dangle: leave them out.
    const present = (nodeId: string): boolean => nodeId === change.id || index.byId.has(nodeId);
    for (const edge of built.edges) if (present(edge.source) && present(edge.target)) addedEdges.push(edge);
    if (mark) marks.set(change.id, mark);
  }
  if (addedNodes.length === 0 && replaced.size === 0 && removed.size === 0 && marks.size === 0) {
    memo.set(topology, { changes, merged: asIs(topology) });
    return asIs(topology);
  }
  const nodes = topology.nodes.filter((n) => !removed.has(n.id)).map((n) => replaced.get(n.id) ?? n);
  const edges = topology.edges.filter((e) => !removed.has(e.source) && !removed.has(e.target));
  const known = new Set(edges.map((e) => e.id));
  const merged: DrawnTopology = {
    topology: {
      ...topology,
      nodes: [...nodes, ...addedNodes],
      edges: [...edges, ...addedEdges.filter((e) => !known.has(e.id))],
    },
    marks,
  };
  memo.set(topology, { changes, merged });
  return merged;
}
