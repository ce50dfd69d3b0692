/**
 * When the camera shows none of the drawn nodes (panned or zoomed away, or
 * left where a node used to be), say so over the diagram, with the way back.
 * The check is one pass over the laid-out rectangles per camera move, and the
 * component renders only when its answer changes.
 */
import { Panel, useStore } from "@xyflow/react";
import { memo } from "react";
import type { FlowGraph } from "../to-flow-graph";

interface NothingInViewProps {
  graph: FlowGraph;
  /** Width of a panel lying over the right of the canvas: what is under it is not in view. */
  rightInset: number;
  onFit(): void;
}

export const NothingInView = memo(function NothingInView({ graph, rightInset, onFit }: NothingInViewProps) {
  const empty = useStore((s) => {
    const [tx, ty, zoom] = s.transform;
    if (s.width === 0 || s.height === 0 || graph.rects.size === 0) return false;
    const left = -tx / zoom;
    const top = -ty / zoom;
    const right = left + Math.max(s.width - rightInset, 1) / zoom;
    const bottom = top + s.height / zoom;
    for (const rect of graph.rects.values()) {
      if (rect.x < right && rect.x + rect.width > left && rect.y < bottom && rect.y + rect.height > top) return false;
    }
    return true;
  });
  if (!empty) return null;
  return (
    // Centred in the part of the canvas that a side panel leaves visible.
    <Panel
      position="top-left"
      className="nothing-in-view"
      data-testid="nothing-in-view"
      style={{ left: `calc((100% - ${rightInset}px) / 2)`, transform: "translateX(-50%)" }}
    >
      <span>Nothing of the diagram is in view.</span>
      <button type="button" className="button button--small button--primary" onClick={onFit}>
        Fit view
      </button>
    </Panel>
  );
});
