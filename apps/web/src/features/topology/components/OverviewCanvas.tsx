/**
 * The overview of a large topology (see overview/aggregate.ts): networks as
 * single nodes with counts, VPCs in groups, one edge per pair of groups. A
 * click on Expand unfolds a network or group in place (the ids go to the
 * URL's `expand`), as does a click on its card; a name selects that thing (details). The camera fits the
 * whole overview at first and centres on the node that stands for the focus.
 */
import type { Topology } from "@lattice-atlas/shared";
import { Background, BackgroundVariant, Controls, ReactFlow, useReactFlow, useStore } from "@xyflow/react";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ViewFilters } from "../../../lib/url-state";
import { aggregateOverview } from "../overview/aggregate";
import { OverviewActionsContext, type OverviewActions } from "../overview/overview-actions";
import { placeOverview, selectInOverview, type OverviewFlow, type OverviewNode } from "../overview/overview-flow";
import { overviewNodeTypes } from "../overview/overview-nodes";
import { overviewPassing } from "../overview/passing";
import { viewportFor } from "../viewport";

/** The first view: the whole overview when it fits at a readable zoom, else its top left at that zoom. */
const READABLE = 0.7;

export interface OverviewCanvasProps {
  topology: Topology;
  filters: ViewFilters;
  expanded: readonly string[];
  selected: string | undefined;
  focus: string | undefined;
  rightInset: number;
  actions: OverviewActions;
}

export const OverviewCanvas = memo(function OverviewCanvas({
  topology,
  filters,
  expanded,
  selected,
  focus,
  rightInset,
  actions,
}: OverviewCanvasProps) {
  const passing = useMemo(() => overviewPassing(topology, filters), [topology, filters]);
  const overview = useMemo(() => {
    const start = performance.now();
    const result = aggregateOverview(topology, { expanded: new Set(expanded), passing });
    // Read by pnpm bench:ui.
    performance.measure("atlas:overview", { start, end: performance.now() });
    return result;
  }, [topology, expanded, passing]);
  // Placed once per overview; a selection only marks the cards that list it (the others keep their node objects).
  const placed = useMemo(() => placeOverview(overview), [overview]);
  const flow = useMemo(() => selectInOverview(placed, selected), [placed, selected]);
  // A click on a network or group (not on a name in it) expands it in place, or folds it back.
  const onNodeClick = useCallback((_: unknown, node: OverviewNode) => actions.toggle(node.id), [actions]);
  // The camera goes to a search's focus, and at first to the selection (made in the table, say); a click here does
  // not move it.
  const [selectedAtMount] = useState(selected);
  const [defaultViewport] = useState(() => {
    // Below the toolbar over the canvas (about 48 px).
    const viewport = viewportFor(
      { x: 0, y: 0, ...flow.bounds },
      { width: window.innerWidth - 280 - rightInset, height: window.innerHeight - 150 },
      READABLE,
    );
    return { ...viewport, y: viewport.y + 48 };
  });
  return (
    <OverviewActionsContext.Provider value={actions}>
      <div
        className="canvas canvas--overview"
        data-testid="overview-canvas"
        data-network-count={overview.networks.length}
        data-group-count={overview.groups.length}
      >
        <ReactFlow<OverviewNode>
          nodes={flow.nodes}
          edges={flow.edges}
          nodeTypes={overviewNodeTypes}
          onNodeClick={onNodeClick}
          onlyRenderVisibleElements
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          nodesFocusable={false}
          zoomOnDoubleClick={false}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          minZoom={0.05}
          maxZoom={2}
          defaultViewport={defaultViewport}
          aria-label="Overview of the topology: service networks and groups of VPCs"
        >
          <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="#cbd5e1" />
          <Controls showInteractive={false} fitViewOptions={{ padding: 0.06, maxZoom: 1 }} />
          <OverviewCamera
            flow={placed}
            focus={focus ?? selectedAtMount}
            representative={overview.representative}
            rightInset={rightInset}
          />
        </ReactFlow>
      </div>
    </OverviewActionsContext.Provider>
  );
});

/** Centres on the node standing for the focus (or the selection) when it changes. */
function OverviewCamera({
  flow,
  focus,
  representative,
  rightInset,
}: {
  flow: OverviewFlow;
  focus: string | undefined;
  representative: ReadonlyMap<string, string>;
  rightInset: number;
}) {
  const reactFlow = useReactFlow();
  const width = useStore((s) => s.width);
  const centred = useRef<string | undefined>(undefined);
  useEffect(() => {
    const shownAs = focus ? representative.get(focus) : undefined;
    const rect = shownAs ? flow.rects.get(shownAs) : undefined;
    if (!focus || !rect || width === 0 || centred.current === focus) return;
    centred.current = focus;
    const zoom = Math.max(reactFlow.getZoom(), 0.8);
    const shift = rightInset / 2 / zoom;
    void reactFlow.setCenter(rect.x + rect.width / 2 + shift, rect.y + Math.min(rect.height / 2, 200), {
      zoom,
      duration: 250,
    });
  }, [focus, representative, flow, reactFlow, width, rightInset]);
  return null;
}
