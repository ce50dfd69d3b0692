/**
 * The projection on screen: the drawn topology through the view (filters,
 * folds, selection, highlight, the failing hop, the marks of changes in
 * flight) → React Flow's nodes and edges. A new layout (another topology,
 * filter or fold) of a large account is computed in slices between frames;
 * until it is ready the diagram keeps showing the previous one, so a large
 * account never blocks the page. Unchanged nodes and edges keep their identity
 * from one projection to the next.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { DrawnTopology } from "../../features/actions/merge-pending";
import type { ViewControlsState } from "../../features/topology/components/ViewControls";
import {
  isProjectionReady,
  prepareProjection,
  toFlowGraph,
  type FlowGraph,
  type ProjectionView,
} from "../../features/topology/to-flow-graph";
import type { ViewState } from "../../lib/url-state";

/** Below this many nodes the layout runs at once (a few ms); above, in slices between frames. */
const SLICED_LAYOUT_ABOVE = 800;

export function useFlowGraph(
  drawn: DrawnTopology | undefined,
  view: ViewState,
  highlight: ReadonlySet<string> | undefined,
  failing: ReadonlySet<string> | undefined,
) {
  const data = drawn?.topology;
  const marks = drawn?.marks;
  const controls = useMemo<ViewControlsState>(
    () => ({
      hiddenKinds: view.hiddenKinds,
      vpcs: view.vpcs,
      serviceNetworks: view.serviceNetworks,
      statuses: view.statuses,
      accounts: view.accounts,
      regions: view.regions,
      collapsed: view.collapsed,
      expanded: view.expanded,
    }),
    [
      view.hiddenKinds,
      view.vpcs,
      view.serviceNetworks,
      view.statuses,
      view.accounts,
      view.regions,
      view.collapsed,
      view.expanded,
    ],
  );
  // What decides the layout (filters, folds, change marks): the sliced layout is prepared for exactly this.
  const layoutView = useMemo<ProjectionView>(() => ({ ...controls, changeMarks: marks }), [controls, marks]);
  const projectionView = useMemo<ProjectionView>(
    () => ({ ...layoutView, selected: view.selected, highlight, failing }),
    [layoutView, view.selected, highlight, failing],
  );

  const [layoutsReady, setLayoutsReady] = useState(0);
  useEffect(() => {
    if (!data || data.nodes.length <= SLICED_LAYOUT_ABOVE || isProjectionReady(data, layoutView)) return;
    const controller = new AbortController();
    prepareProjection(data, layoutView, controller.signal).then(
      () => setLayoutsReady((n) => n + 1),
      (error: unknown) => {
        if (!(error instanceof DOMException && error.name === "AbortError")) throw error;
      },
    );
    return () => controller.abort();
  }, [data, layoutView]);

  const previousGraph = useRef<FlowGraph | undefined>(undefined);
  const graph = useMemo(() => {
    if (!data) return undefined;
    if (data.nodes.length > SLICED_LAYOUT_ABOVE && !isProjectionReady(data, projectionView))
      return previousGraph.current;
    const next = toFlowGraph(data, projectionView, previousGraph.current);
    previousGraph.current = next;
    return next;
    // layoutsReady is a dependency on purpose: a sliced layout has landed in the projection's cache.
  }, [data, projectionView, layoutsReady]);

  return { graph, controls };
}
