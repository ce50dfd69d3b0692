/**
 * The shell: header (source, region, search, refresh, audit log, copy link),
 * the warnings banner, "Connect from…" and view controls on the left, the
 * diagram in the middle, details, the connect answer, a check or the audit
 * log on the right, and the change sheet over it all. Every bit of view state
 * is read from and written to the URL; data comes from the query cache, with
 * the changes in flight merged into what is drawn. The work is done by the
 * hooks in ./hooks and drawn by the parts in ./parts; this file wires them.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState, type CSSProperties } from "react";
import { fetchActionStatus } from "../features/actions/api";
import { createPendingChanges } from "../features/actions/pending-changes";
import { invalidateAfterChange } from "../features/actions/queries";
import { localChangeStorage } from "../features/actions/saved-changes";
import { PendingChangesContext } from "../features/actions/use-pending-changes";
import type { SearchHit } from "../features/search/search-index";
import { TopologyActionsContext } from "../features/topology/actions-context";
import { drawsEveryNode } from "../features/topology/overview/level";
import { WarningsBanner } from "../features/topology/components/WarningsBanner";
import { ShareBanner } from "../features/views/components/ShareBanner";
import { useSharedRoute } from "../features/views/use-shared-route";
import { ErrorNotice } from "../lib/ui/ErrorNotice";
import { PanelResizer } from "../lib/ui/PanelResizer";
import { useViewState } from "../lib/use-view-state";
import { useCanvasActions } from "./hooks/use-canvas-actions";
import { useChangeSheet } from "./hooks/use-change-sheet";
import { useConsoleTarget } from "./hooks/use-console-target";
import { useDrawnTopology } from "./hooks/use-drawn-topology";
import { useEscapeClosesPanel } from "./hooks/use-escape-closes-panel";
import { useFlowGraph } from "./hooks/use-flow-graph";
import { usePathHighlight } from "./hooks/use-path-highlight";
import { usePanelWidth } from "./hooks/use-panel-width";
import { useSidePanel } from "./hooks/use-side-panel";
import { ChangeLayer } from "./parts/ChangeLayer";
import { ConsoleHeader } from "./parts/ConsoleHeader";
import { ConsoleStage } from "./parts/ConsoleStage";
import { LeftRail } from "./parts/LeftRail";
import { SkipLinks } from "./parts/SkipLinks";
import { StatusBar } from "./parts/StatusBar";
import { shareUrl } from "./share-url";
import { preloadPanels, SidePanel } from "./SidePanel";

/** The app with its one store of changes in flight (which invalidates what a settled change made stale). */
export function App() {
  const queryClient = useQueryClient();
  const [changes] = useState(() =>
    createPendingChanges({
      readStatus: (target, kind, id, signal) => fetchActionStatus(target, kind, id, signal),
      onSettled: (change) => void invalidateAfterChange(queryClient, change.target),
      storage: localChangeStorage(),
    }),
  );
  useEffect(() => {
    // Changes still in flight when this console was last open (a reload): watch them again.
    changes.restore();
    return () => changes.stopAll();
  }, [changes]);
  return (
    <PendingChangesContext.Provider value={changes}>
      <Console />
    </PendingChangesContext.Provider>
  );
}

function Console() {
  const [view, setView] = useViewState();
  // /v/<id> resolves to a view; /s/<id> is a snapshot with its own target.
  const shared = useSharedRoute();
  const place = useConsoleTarget(view, shared);
  const { target, access } = place;
  const drawing = useDrawnTopology(target, {
    refreshAfterMinutes: place.health.data?.refreshAfterMinutes,
    frozen: place.inSnapshot,
  });
  const data = drawing.drawn?.topology;
  const paths = usePathHighlight(view, target, data);
  // The overview and the table draw from the topology itself: every node is laid out only when it is on screen.
  const everyNode = drawsEveryNode(view, data?.nodes.length ?? 0);
  const { graph, controls } = useFlowGraph(everyNode ? drawing.drawn : undefined, view, paths.highlight, paths.failing);
  const change = useChangeSheet(target);
  const canvas = useCanvasActions({ view, graph, data }, setView, change);
  const { panel, detailsId } = useSidePanel(view, paths.explainPath.params);
  // The side panel lies over the right of the diagram (see app.css), as wide as chosen.
  const panelWidth = usePanelWidth();
  useEscapeClosesPanel(view.panel, setView);
  const { selectAndReveal } = canvas;
  const onPick = useCallback((hit: SearchHit) => selectAndReveal(hit.nodeId), [selectAndReveal]);
  const drawn = graph !== undefined;
  // On a phone the diagram is behind a toggle (responsive.css); wider screens always show it.
  const [diagramOnPhone, setDiagramOnPhone] = useState(false);
  useEffect(() => (drawn ? preloadPanels() : undefined), [drawn]);

  return (
    <TopologyActionsContext.Provider value={canvas.actions}>
      <div className={`app${panel ? " has-panel" : ""}${diagramOnPhone ? " shows-diagram" : ""}`}>
        <SkipLinks panelOpen={panel !== undefined} />
        <ConsoleHeader
          place={place}
          drawing={drawing}
          data={data}
          view={view}
          shareUrl={shareUrl(view, target, window.location)}
          onView={setView}
          onPick={onPick}
        />
        {drawing.refresh.isError ? (
          <section className="banner banner--error" aria-label="Refresh">
            <ErrorNotice error={drawing.refresh.error} />
          </section>
        ) : null}
        <ShareBanner route={shared} onView={setView} />
        {data ? <WarningsBanner warnings={data.warnings} /> : null}

        <main className="workspace" style={{ "--panel-width": `${panelWidth.width}px` } as CSSProperties}>
          <LeftRail
            topology={data}
            from={view.from}
            controls={controls}
            graph={graph}
            onConnectFrom={canvas.actions.connectFrom}
            onView={setView}
          />
          {/* The side panel lies over the diagram (app.css); before it in the DOM, so that Tab reaches the answer first. */}
          {panel && (panel === "audit" || panel === "views" || panel === "snapshots" || (target && data)) ? (
            <SidePanel
              panel={panel}
              target={target}
              topology={data}
              view={view}
              detailsId={detailsId}
              pathTarget={paths.pathTarget}
              onPathTarget={paths.setPathTarget}
              onView={setView}
              onReveal={canvas.reveal}
              onSelect={canvas.selectAndReveal}
              onConnectFrom={canvas.actions.connectFrom}
              access={access}
              onStartChange={change.startChange}
            />
          ) : null}
          {panel ? (
            <PanelResizer
              width={panelWidth.width}
              min={panelWidth.min}
              max={panelWidth.max}
              onWidth={panelWidth.setWidth}
            />
          ) : null}
          <button
            type="button"
            className="button diagram-toggle phone-only"
            aria-pressed={diagramOnPhone}
            data-testid="diagram-toggle"
            onClick={() => setDiagramOnPhone((shown) => !shown)}
          >
            {diagramOnPhone ? "Hide diagram" : "Show diagram"}
          </button>
          <ConsoleStage
            view={view}
            shared={shared}
            place={place}
            drawing={drawing}
            graph={graph}
            canvas={{
              focus: view.focus,
              frame: paths.frame,
              rightInset: panel ? panelWidth.width : 0,
              centerOn: canvas.centerOn,
              canChange: access.allowed,
              onSelect: canvas.onSelect,
              onConnectChange: canvas.onConnectChange,
            }}
            onView={setView}
          />
        </main>

        <ChangeLayer
          change={change}
          target={target}
          topology={data}
          access={access}
          onShowNode={canvas.selectAndReveal}
        />
        <StatusBar
          data={data}
          graph={graph}
          view={view}
          answer={paths.answer.data}
          checkShown={paths.explainPath.marks !== undefined}
          onView={setView}
        />
      </div>
    </TopologyActionsContext.Provider>
  );
}
