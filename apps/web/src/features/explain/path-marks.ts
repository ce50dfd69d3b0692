/**
 * What a check marks on the diagram: the nodes along its path (the rest is
 * dimmed), the failing hop's node (drawn red with the path edge into it, see
 * toFlowGraph's `failing`), and what the camera frames: the whole path, or
 * — when a hop fails — that node and its neighbours on the path, so that the
 * red step is on screen at a readable zoom however long the path is.
 */
import type { AnalyzeAnswer } from "@lattice-atlas/shared";
import type { TopologyIndex } from "../topology/topology-index";

export interface ExplainMarks {
  highlight: ReadonlySet<string>;
  failing: ReadonlySet<string> | undefined;
}

export function explainMarks(answer: AnalyzeAnswer): ExplainMarks {
  const highlight = new Set(answer.highlight);
  if (answer.failingNodeId) highlight.add(answer.failingNodeId);
  return {
    highlight,
    failing: answer.failingNodeId && answer.verdict !== "reachable" ? new Set([answer.failingNodeId]) : undefined,
  };
}

/** The nodes to bring into view for these marks. */
export function frameIds(marks: ExplainMarks, index: TopologyIndex): ReadonlySet<string> {
  if (!marks.failing) return marks.highlight;
  const ids = new Set(marks.failing);
  for (const id of marks.failing) {
    for (const edge of index.incoming.get(id) ?? []) if (marks.highlight.has(edge.source)) ids.add(edge.source);
    for (const edge of index.outgoing.get(id) ?? []) if (marks.highlight.has(edge.target)) ids.add(edge.target);
  }
  return ids;
}
