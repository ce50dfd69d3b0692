/**
 * When the camera shows none of the drawn nodes (panned or zoomed away, or
 * left where a node used to be), say so over the diagram, with the way back.
 * The check is one pass over the laid-out rectangles per camera move, and the
 * component renders only when its answer changes.
 */
import { Panel, useStore } from "@xyflow/react";
import { memo } from "react";
import type { FlowGraph } from "../to-flow-graph";

export const NothingInView = memo(function NothingInView({ graph, onFit }: { graph: FlowGraph; onFit(): void }) {
  const empty = useStore((s) => {
    const [tx, ty, zoom] = s.transform;
    if (s.width === 0 || s.height === 0 || graph.rects.size === 0) return false;
    const left = -tx / zoom;
    const top = -ty / zoom;
    const right = left + s.width / zoom;
    const bottom = top + s.height / zoom;
    for (const rect of graph.rects.values()) {
      if (rect.x < right && rect.x + rect.width > left && rect.y < bottom && rect.y + rect.height > top) return false;
    }
    return true;
  });
  if (!empty) return null;
  return (
    <Panel position="top-center" className="nothing-in-view" data-testid="nothing-in-view">
      <span>Nothing of the diagram is in view.</span>
      <button type="button" className="button button--small button--primary" onClick={onFit}>
        Fit view
      </button>
    </Panel>
  );
});
