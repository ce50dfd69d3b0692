/**
 * The shell: header (source, region, search, refresh, audit log, copy link),
 * the warnings banner, "Connect from…" and view controls on the left, the
 * diagram in the middle, details, the connect answer or the audit log on the
 * right, and the change sheet over it all. Every bit of view state is read
 * from and written to the URL; data comes from the query cache, with the
 * changes in flight merged into what is drawn.
 */
import type { SourceInfo, SourcesResponse } from "@lattice-atlas/shared";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { fetchActionStatus } from "../features/actions/api";
import { changeAccess, type ChangeAccess } from "../features/actions/change-access";
import { intentForConnect, type ChangeIntent } from "../features/actions/change-forms";
import { ChangeMenu, type ChangeMenuState } from "../features/actions/components/ChangeMenu";
import { mergePendingChanges } from "../features/actions/merge-pending";
import { createPendingChanges } from "../features/actions/pending-changes";
import { localChangeStorage } from "../features/actions/saved-changes";
import { invalidateAfterChange } from "../features/actions/queries";
import type { SheetRequest } from "../features/actions/sheet-request";
import {
  PendingChangesContext,
  usePendingChangesStore,
  useTargetChanges,
} from "../features/actions/use-pending-changes";
import { ConnectFromPicker } from "../features/connect/components/ConnectFromPicker";
import { connectPathNodeIds } from "../features/connect/path";
import { connectQuery } from "../features/connect/queries";
import { ExportMenu } from "../features/exports/components/ExportMenu";
import { DiagramHandle } from "../features/exports/diagram-handle";
import { clearExplainPatch } from "../features/explain/request";
import { useExplainPath } from "../features/explain/use-explain-path";
import type { SearchHit } from "../features/search/search-index";
import { SearchBox } from "../features/search/components/SearchBox";
import { AccountTag, EmulatorMarker, SourcePicker } from "../features/sources/components/SourcePicker";
import { healthQuery, sourcesQuery } from "../features/sources/queries";
import { TopologyActionsContext, type TopologyActions } from "../features/topology/actions-context";
import { DiscoveryStatsText, RefreshControl } from "../features/topology/components/DiscoveryBar";
import { EmptyState, LayingOut, TopologyStage } from "../features/topology/components/TopologyStage";
import { TopologyCanvas } from "../features/topology/components/TopologyCanvas";
import { ViewControls, type ViewControlsState } from "../features/topology/components/ViewControls";
import { WarningsBanner } from "../features/topology/components/WarningsBanner";
import { topologyQuery } from "../features/topology/queries";
import { revealPatch } from "../features/topology/reveal";
import type { SourceTarget } from "../features/topology/target";
import {
  isProjectionReady,
  prepareProjection,
  toFlowGraph,
  type FlowGraph,
  type ProjectionView,
} from "../features/topology/to-flow-graph";
import { indexTopology } from "../features/topology/topology-index";
import { useDiscoveryProgress, useRefreshTopology } from "../features/topology/use-refresh";
import { ShareBanner, SnapshotStage } from "../features/views/components/ShareBanner";
import { ShareToolbar } from "../features/views/components/ShareToolbar";
import { useSharedRoute } from "../features/views/use-shared-route";
import { ErrorNotice } from "../lib/ui/ErrorNotice";
import { CopyButton } from "../lib/ui/CopyButton";
import { toggleCollapsed, serializeViewState, type ViewState } from "../lib/url-state";
import { SidePanel } from "./SidePanel";
import { useAfterNextPaint } from "../lib/use-after-paint";
import { useViewState } from "../lib/use-view-state";

const NO_TARGET: SourceTarget = { source: "", region: "" };
/** The sheet is a few dozen kB of forms and code blocks: loaded when a change starts. */
const ActionSheet = lazy(() => import("../features/actions/components/ActionSheet"));
/** A snapshot is read-only like a read-only source: the change controls hide themselves and say why. */
const SNAPSHOT_ACCESS: ChangeAccess = {
  allowed: false,
  reason: "This is a snapshot: frozen data, read with no AWS access. Reproduce it in the emulator to try changes.",
};
/** Below this many nodes the layout runs at once (a few ms); above, in slices between frames. */
const SLICED_LAYOUT_ABOVE = 800;
/** The side panel's width; it lies over the right of the diagram (see app.css). */
const PANEL_WIDTH = 460;

function resolveTarget(view: ViewState, sources: SourcesResponse | undefined): SourceTarget | undefined {
  const source = view.source ?? sources?.defaultSource;
  if (!source) return undefined;
  const region = view.region ?? sources?.sources.find((s) => s.id === source)?.defaultRegion;
  return region ? { source, region } : undefined;
}

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
  // /v/<id> resolves to a view; /s/<id> is a snapshot: its own target, no sources (they ask AWS who you are).
  const shared = useSharedRoute();
  const sources = useQuery({ ...sourcesQuery(), enabled: shared.snapshotId === undefined });
  const health = useQuery(healthQuery());
  // One object per source/region, so that memoised panels and queries see the same target between renders.
  const resolved = resolveTarget(view, sources.data);
  const resolvedSource = resolved?.source;
  const resolvedRegion = resolved?.region;
  const liveTarget = useMemo<SourceTarget | undefined>(
    () => (resolvedSource && resolvedRegion ? { source: resolvedSource, region: resolvedRegion } : undefined),
    [resolvedSource, resolvedRegion],
  );
  const target = shared.snapshotId !== undefined ? shared.target : liveTarget;
  const sourceInfo: SourceInfo | undefined = sources.data?.sources.find((s) => s.id === target?.source);
  const accessNow = shared.snapshotId !== undefined ? SNAPSHOT_ACCESS : changeAccess(sourceInfo, health.data);
  // One object per answer, so that memoised panels do not re-render on every render of the shell.
  const access = useMemo<ChangeAccess>(
    () => ({ allowed: accessNow.allowed, reason: accessNow.reason }),
    [accessNow.allowed, accessNow.reason],
  );
  const topology = useQuery({ ...topologyQuery(target ?? NO_TARGET), enabled: target !== undefined });
  const pendingChanges = useTargetChanges(target);
  const changesStore = usePendingChangesStore();
  const refresh = useRefreshTopology(target);
  const discovering = refresh.isPending || (topology.isFetching && topology.data === undefined);
  const progress = useDiscoveryProgress(target, discovering);
  const [pathTarget, setPathTarget] = useState<string | undefined>(undefined);
  const [centerOn, setCenterOn] = useState<{ id: string; key: number; collapsed: boolean } | undefined>(undefined);
  useEffect(() => setPathTarget(undefined), [view.from]);

  // What is drawn: the API's topology with this source/region's changes in flight merged in.
  const rawData = topology.data;
  const data = useMemo(
    () => (rawData ? mergePendingChanges(rawData, pendingChanges) : undefined),
    [rawData, pendingChanges],
  );
  // A settled change leaves the store once a refetched topology shows its result.
  useEffect(() => {
    if (rawData && target) changesStore.prune(target, rawData);
  }, [rawData, target, changesStore]);
  const index = data ? indexTopology(data) : undefined;
  const answer = useQuery({
    ...connectQuery(target ?? NO_TARGET, view.from ?? ""),
    enabled: target !== undefined && view.from !== undefined && data !== undefined,
  });
  // A connectivity check in the URL (panel=explain): its path, failing hop and framing.
  const explainPath = useExplainPath(view, target, data);

  const highlight = useMemo<ReadonlySet<string> | undefined>(() => {
    if (!index) return undefined;
    if (explainPath.marks) return explainPath.marks.highlight;
    if (view.from && answer.data && answer.data.from.vpcId === view.from)
      return connectPathNodeIds(index, answer.data, pathTarget);
    if (view.focus && index.byId.has(view.focus)) {
      // The focused node, what it contains and its direct neighbours.
      const ids = new Set([view.focus]);
      for (const c of index.childrenOf.get(view.focus) ?? []) ids.add(c.id);
      for (const e of index.outgoing.get(view.focus) ?? []) ids.add(e.target);
      for (const e of index.incoming.get(view.focus) ?? []) ids.add(e.source);
      return ids;
    }
    return undefined;
  }, [index, view.from, view.focus, answer.data, pathTarget, explainPath.marks]);

  // Bring a connect path into view once per answer (and per chosen target).
  const frame = useMemo(
    () =>
      explainPath.frame ??
      (view.from && answer.data && highlight
        ? { key: `${view.from}|${pathTarget ?? ""}|${answer.dataUpdatedAt}`, ids: highlight }
        : undefined),
    [view.from, answer.data, answer.dataUpdatedAt, highlight, pathTarget, explainPath.frame],
  );

  const controlsState = useMemo<ViewControlsState>(
    () => ({
      hiddenKinds: view.hiddenKinds,
      vpcs: view.vpcs,
      serviceNetworks: view.serviceNetworks,
      statuses: view.statuses,
      collapsed: view.collapsed,
      expanded: view.expanded,
    }),
    [view.hiddenKinds, view.vpcs, view.serviceNetworks, view.statuses, view.collapsed, view.expanded],
  );

  const projectionView = useMemo<ProjectionView>(
    () => ({ ...controlsState, selected: view.selected, highlight, failing: explainPath.marks?.failing }),
    [controlsState, view.selected, highlight, explainPath.marks],
  );

  // A new layout (another topology, filter or fold) is computed in slices; until it is ready the
  // diagram keeps showing the previous one, so a large account never blocks the page.
  const [layoutsReady, setLayoutsReady] = useState(0);
  useEffect(() => {
    if (!data || data.nodes.length <= SLICED_LAYOUT_ABOVE || isProjectionReady(data, controlsState)) return;
    const controller = new AbortController();
    prepareProjection(data, controlsState, controller.signal).then(
      () => setLayoutsReady((n) => n + 1),
      (error: unknown) => {
        if (!(error instanceof DOMException && error.name === "AbortError")) throw error;
      },
    );
    return () => controller.abort();
  }, [data, controlsState]);

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

  // Stable callbacks read the latest projection through refs.
  const latest = useRef({ view, graph, data });
  latest.current = { view, graph, data };

  const reveal = useCallback(
    (id: string, extra: Partial<ViewState> = {}) => {
      const { graph: g, data: d } = latest.current;
      const patch = g && d ? revealPatch(indexTopology(d), latest.current.view, g.visibility, id) : {};
      setView({ ...patch, focus: id, ...extra }, { replace: Object.keys(patch).length === 0 });
    },
    [setView],
  );

  // The "+" menu of a node, and the change sheet (with the element to give the focus back to).
  const [menu, setMenu] = useState<ChangeMenuState | undefined>(undefined);
  const [sheet, setSheet] = useState<{ request: SheetRequest; key: number; opener: Element | null } | undefined>(
    undefined,
  );
  const startChange = useCallback((request: SheetRequest, opener?: Element | null) => {
    setMenu(undefined);
    setSheet({ request, key: Date.now(), opener: opener ?? document.activeElement });
  }, []);
  const closeSheet = useCallback(() => {
    setSheet((current) => {
      const opener = current?.opener;
      if (opener instanceof HTMLElement && opener.isConnected) window.setTimeout(() => opener.focus(), 0);
      return undefined;
    });
  }, []);
  const closeMenu = useCallback(() => setMenu(undefined), []);
  // Another source or region: a sheet or menu about the previous one has nothing to say.
  useEffect(() => {
    setMenu(undefined);
    setSheet(undefined);
  }, [target]);
  const chooseFromMenu = useCallback(
    (intent: ChangeIntent, anchor: HTMLElement) => startChange({ intent }, anchor),
    [startChange],
  );
  const onConnectChange = useCallback(
    (fromId: string, networkId: string) => {
      const d = latest.current.data;
      const kind = d ? indexTopology(d).byId.get(fromId)?.kind : undefined;
      const intent = kind ? intentForConnect(fromId, kind, networkId) : undefined;
      if (intent) startChange({ intent }, null);
    },
    [startChange],
  );

  const actions = useMemo<TopologyActions>(
    () => ({
      toggleCollapsed: (id) => {
        const { graph: g, data: d } = latest.current;
        if (!g || !d) return;
        const kind = indexTopology(d).byId.get(id)?.kind;
        const byDefault =
          kind === "vpc" ? g.visibility.collapsedByDefault.vpcs : g.visibility.collapsedByDefault.networks;
        setView((v) => toggleCollapsed(v, id, g.visibility.collapsed.has(id), byDefault));
        setCenterOn({ id, key: Date.now(), collapsed: !g.visibility.collapsed.has(id) });
      },
      connectFrom: (vpcId) => setView({ from: vpcId, panel: "connect" }),
      openChangeMenu: (id, anchor) => setMenu({ nodeId: id, anchor }),
    }),
    [setView],
  );

  const onSelect = useCallback(
    (id: string | undefined) => {
      // Picking something else on the diagram ends a search focus.
      setView(
        (v) => ({
          selected: id,
          focus: undefined,
          panel: id ? "details" : v.panel === "details" ? undefined : v.panel,
        }),
        { replace: true },
      );
    },
    [setView],
  );

  // The side panel follows the URL one painted frame later: a click paints the selection first.
  const detailsId = useAfterNextPaint(view.selected);
  const selectFromPanel = useCallback((id: string) => reveal(id, { selected: id, panel: "details" }), [reveal]);

  const onPick = useCallback(
    (hit: SearchHit) => reveal(hit.nodeId, { selected: hit.nodeId, panel: "details" }),
    [reveal],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== "Escape" || (event.target as HTMLElement | null)?.closest("input, textarea, select")) return;
      if (event.defaultPrevented) return;
      if (latest.current.view.panel) setView({ panel: undefined });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [setView]);

  const shareUrl = target?.snapshot
    ? `${window.location.origin}${window.location.pathname}${serializeViewState({ ...view, source: undefined, region: undefined })}`
    : target
      ? `${window.location.origin}${window.location.pathname}${serializeViewState({ ...view, source: target.source, region: target.region })}`
      : window.location.href;
  const wantedPanel =
    view.panel === "connect" && view.from
      ? "connect"
      : view.panel === "details" && view.selected
        ? "details"
        : view.panel === "audit" || view.panel === "views" || view.panel === "snapshots"
          ? view.panel
          : undefined;
  const panel = useAfterNextPaint(view.panel === "explain" && explainPath.params ? "explain" : wantedPanel);

  return (
    <TopologyActionsContext.Provider value={actions}>
      <div className={`app${panel ? " has-panel" : ""}`}>
        <header className="topbar">
          <div className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <h1 className="brand__name">Lattice Atlas</h1>
          </div>
          {sources.data ? (
            <SourcePicker
              sources={sources.data.sources}
              source={target?.source}
              region={target?.region}
              onSource={(s) =>
                setView({
                  source: s.id,
                  region: s.defaultRegion,
                  selected: undefined,
                  focus: undefined,
                  from: undefined,
                  panel: undefined,
                })
              }
              onRegion={(region) =>
                setView({ region, selected: undefined, focus: undefined, from: undefined, panel: undefined })
              }
            />
          ) : null}
          <EmulatorMarker source={sourceInfo} />
          <AccountTag accountId={data?.accountId ?? sourceInfo?.accountId} />
          <SearchBox topology={data} onPick={onPick} />
          {shared.snapshotId === undefined ? (
            <RefreshControl
              refreshing={refresh.isPending}
              disabled={!target || topology.isPending}
              progress={progress}
              onRefresh={() => refresh.mutate()}
            />
          ) : null}
          {sourceInfo && health.data && !access.allowed ? (
            <span className="read-only-badge" data-testid="read-only-badge" title={access.reason}>
              Read-only<span className="visually-hidden">: {access.reason}</span>
            </span>
          ) : null}
          <button
            type="button"
            className="button"
            data-testid="audit-button"
            aria-pressed={view.panel === "audit"}
            onClick={() => setView({ panel: view.panel === "audit" ? undefined : "audit" })}
          >
            Audit log
          </button>
          <CopyButton value={shareUrl} label="Copy link to this view" testId="copy-link" className="button">
            Copy link
          </CopyButton>
        </header>

        {refresh.isError ? (
          <section className="banner banner--error" aria-label="Refresh">
            <ErrorNotice error={refresh.error} />
          </section>
        ) : null}
        <ShareBanner route={shared} onView={setView} />
        {data ? <WarningsBanner warnings={data.warnings} /> : null}

        <main className="workspace" style={{ "--panel-width": `${PANEL_WIDTH}px` } as CSSProperties}>
          <aside className="sidebar" aria-label="Connect and view">
            {!data ? (
              <section className="sidebar__section">
                <h2 className="sidebar__title">Connect from…</h2>
                <p className="sidebar__hint">The consumer VPCs appear here once the topology is read.</p>
              </section>
            ) : null}
            {data ? (
              <>
                <ConnectFromPicker topology={data} from={view.from} onPick={actions.connectFrom} />
                <ViewControls
                  topology={data}
                  view={controlsState}
                  visibility={graph?.visibility}
                  shownCount={graph?.nodes.length ?? 0}
                  onChange={setView}
                />
              </>
            ) : null}
          </aside>

          <section className="stage" aria-label="Topology">
            <ShareToolbar
              view={view}
              liveTarget={shared.snapshotId === undefined ? liveTarget : undefined}
              topology={data}
              onView={setView}
            >
              <ExportMenu
                graph={graph}
                state={serializeViewState(view)}
                title={`${shared.snapshot ? `Snapshot “${shared.snapshot.name}” · ` : ""}${data?.source.label ?? ""} · ${data?.region ?? ""}`}
              />
            </ShareToolbar>
            <TopologyStage
              sourcesError={sources.isError ? sources.error : undefined}
              topology={topology}
              target={target}
              sourceInfo={sourceInfo}
              progress={progress}
              onRetry={() => void topology.refetch()}
            >
              {data ? (
                data.nodes.length === 0 ? (
                  <EmptyState topology={data} />
                ) : !graph ? (
                  <LayingOut count={data.nodes.length} />
                ) : (
                  <ReactFlowProvider>
                    <TopologyCanvas
                      graph={graph}
                      viewKey={`${graph.topology.source.id}|${graph.topology.region}`}
                      focus={view.focus}
                      frame={frame}
                      rightInset={panel ? PANEL_WIDTH : 0}
                      centerOn={centerOn}
                      canChange={access.allowed}
                      onSelect={onSelect}
                      onConnectChange={onConnectChange}
                    />
                    <DiagramHandle />
                  </ReactFlowProvider>
                )
              ) : null}
            </TopologyStage>
            {shared.snapshotId !== undefined && !shared.target ? (
              <SnapshotStage route={shared} onView={setView} />
            ) : null}
          </section>

          {panel && (panel === "audit" || panel === "views" || panel === "snapshots" || (target && data)) ? (
            <SidePanel
              panel={panel}
              target={target}
              topology={data}
              view={view}
              detailsId={detailsId}
              pathTarget={pathTarget}
              onPathTarget={setPathTarget}
              onView={setView}
              onReveal={reveal}
              onSelect={selectFromPanel}
              onConnectFrom={actions.connectFrom}
              access={access}
              onStartChange={startChange}
            />
          ) : null}
        </main>

        {menu && data ? (
          <ChangeMenu state={menu} topology={data} onChoose={chooseFromMenu} onClose={closeMenu} />
        ) : null}
        {sheet && target && data ? (
          <Suspense fallback={<div className="sheet-layer sheet-layer--loading" aria-busy="true" />}>
            <ActionSheet
              key={sheet.key}
              target={target}
              topology={data}
              request={sheet.request}
              access={access}
              onClose={closeSheet}
              onShowNode={(id) => {
                closeSheet();
                reveal(id, { selected: id, panel: "details" });
              }}
            />
          </Suspense>
        ) : null}

        <footer className="statusbar" aria-live="polite">
          {data && graph ? (
            <>
              <span>
                {graph.nodes.length} of {data.nodes.length} shown · {graph.edges.length} lines
              </span>
              <span>
                {data.source.label} · {data.region} · account {data.accountId}
              </span>
              <DiscoveryStatsText stats={data.stats} />
              {explainPath.marks ? (
                <span data-testid="explain-status">
                  Check from <strong>{answer.data?.from.name ?? view.from}</strong> highlighted ·{" "}
                  <button type="button" className="link-button" onClick={() => setView(clearExplainPatch(view))}>
                    clear
                  </button>
                </span>
              ) : view.from && answer.data ? (
                <span>
                  Path from <strong>{answer.data.from.name}</strong> highlighted ·{" "}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      setView({ from: undefined, panel: view.panel === "connect" ? undefined : view.panel })
                    }
                  >
                    clear
                  </button>
                </span>
              ) : null}
            </>
          ) : (
            <span>Lattice Atlas</span>
          )}
        </footer>
      </div>
    </TopologyActionsContext.Provider>
  );
}
