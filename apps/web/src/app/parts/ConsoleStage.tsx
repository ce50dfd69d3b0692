/**
 * The middle: the toolbar (save, snapshot, export), then the diagram — or
 * what stands in for it (progress, an error in sentences, the empty state,
 * "laying out"), or a snapshot being opened.
 */
import { ReactFlowProvider } from "@xyflow/react";
import { useMemo } from "react";
import { ExportMenu } from "../../features/exports/components/ExportMenu";
import { TopologyTable } from "../../features/table/components/TopologyTable";
import { filterKey } from "../../features/topology/filter-summary";
import { HiddenByFilters } from "../../features/topology/components/HiddenByFilters";
import { OverviewCanvas } from "../../features/topology/components/OverviewCanvas";
import { StageModes } from "../../features/topology/components/StageModes";
import { EmptyRegion } from "../../features/topology/components/EmptyRegion";
import { LayingOut, TopologyStage } from "../../features/topology/components/TopologyStage";
import { TopologyCanvas, type TopologyCanvasProps } from "../../features/topology/components/TopologyCanvas";
import type { FlowGraph } from "../../features/topology/to-flow-graph";
import { ShareToolbar } from "../../features/views/components/ShareToolbar";
import { SnapshotStage } from "../../features/views/components/ShareBanner";
import type { SharedRoute } from "../../features/views/use-shared-route";
import { diagramLevel } from "../../features/topology/overview/level";
import type { OverviewActions } from "../../features/topology/overview/overview-actions";
import { serializeViewState, type ViewFilters, type ViewState } from "../../lib/url-state";
import type { ViewUpdate } from "../../lib/use-view-state";
import type { ConsoleTarget } from "../hooks/use-console-target";
import type { DrawnTopologyState } from "../hooks/use-drawn-topology";

interface ConsoleStageProps {
  view: ViewState;
  shared: SharedRoute;
  place: ConsoleTarget;
  drawing: DrawnTopologyState;
  graph: FlowGraph | undefined;
  /** What the canvas needs besides the graph and its key. */
  canvas: Omit<TopologyCanvasProps, "graph" | "viewKey">;
  onView(update: ViewUpdate, options?: { replace?: boolean }): void;
}

export function ConsoleStage({ view, shared, place, drawing, graph, canvas, onView }: ConsoleStageProps) {
  const data = drawing.drawn?.topology;
  const { topology } = drawing;
  const level = diagramLevel(view, data?.nodes.length ?? 0);
  const { hiddenKinds, vpcs, serviceNetworks, statuses, accounts, regions } = view;
  const filters = useMemo<ViewFilters>(
    () => ({ hiddenKinds, vpcs, serviceNetworks, statuses, accounts, regions }),
    [hiddenKinds, vpcs, serviceNetworks, statuses, accounts, regions],
  );
  const { onSelect } = canvas;
  const overviewActions = useMemo<OverviewActions>(
    () => ({
      select: (id) => onSelect(id),
      toggle: (id) =>
        onView((v) => ({
          expanded: v.expanded.includes(id) ? v.expanded.filter((e) => e !== id) : [...v.expanded, id],
          collapsed: v.collapsed.filter((c) => c !== id),
        })),
    }),
    [onSelect, onView],
  );
  return (
    <section className="stage" aria-label="Topology">
      <ShareToolbar
        view={view}
        liveTarget={place.inSnapshot ? undefined : place.liveTarget}
        topology={data}
        onView={onView}
      >
        <ExportMenu
          graph={graph}
          overview={level === "overview" && data ? { topology: data, filters, expanded: view.expanded } : undefined}
          state={serializeViewState(view)}
          title={`${shared.snapshot ? `Snapshot “${shared.snapshot.name}” · ` : ""}${data?.source.label ?? ""} · ${data?.region ?? ""}`}
        />
        {data && data.nodes.length > 0 ? <StageModes view={view} level={level} onView={onView} /> : null}
      </ShareToolbar>
      <TopologyStage
        sourcesError={place.sources.isError ? place.sources.error : undefined}
        topology={topology}
        target={place.target}
        sourceInfo={place.sourceInfo}
        sources={place.sources.data}
        progress={drawing.progress}
        onRetry={() => void topology.refetch()}
      >
        {data ? (
          data.nodes.length === 0 ? (
            <EmptyRegion
              topology={data}
              source={place.sourceInfo}
              onRegion={(region) =>
                onView({ region, selected: undefined, focus: undefined, from: undefined, panel: undefined })
              }
            />
          ) : view.display === "table" ? (
            <TopologyTable topology={data} selected={view.selected} onSelect={onSelect} view={view} onView={onView} />
          ) : level === "overview" ? (
            <ReactFlowProvider>
              <OverviewCanvas
                topology={data}
                filters={filters}
                expanded={view.expanded}
                selected={view.selected}
                focus={view.focus}
                rightInset={canvas.rightInset ?? 0}
                actions={overviewActions}
              />
            </ReactFlowProvider>
          ) : !graph ? (
            <LayingOut count={data.nodes.length} />
          ) : graph.nodes.length === 0 ? (
            <HiddenByFilters topology={data} view={view} onView={onView} />
          ) : (
            <ReactFlowProvider>
              <TopologyCanvas
                graph={graph}
                viewKey={`${graph.topology.source.id}|${graph.topology.region}`}
                filterKey={filterKey(view)}
                {...canvas}
              />
            </ReactFlowProvider>
          )
        ) : null}
      </TopologyStage>
      {place.inSnapshot && !shared.target ? <SnapshotStage route={shared} onView={onView} /> : null}
    </section>
  );
}
