/** The right-hand panel: details of the selection, the "Connect from…" answer, or the audit log, as tabs. */
import type { Topology } from "@lattice-atlas/shared";
import { lazy, Suspense } from "react";
import type { AuditContext } from "../features/actions/audit-view";
import type { ChangeAccess } from "../features/actions/change-access";
import type { SheetRequest } from "../features/actions/sheet-request";
import { ConnectPanel } from "../features/connect/components/ConnectPanel";
import type { SourceTarget } from "../features/topology/target";
import { indexTopology } from "../features/topology/topology-index";
import type { PanelId, ViewState } from "../lib/url-state";
import type { ViewUpdate } from "../lib/use-view-state";

interface SidePanelProps {
  panel: PanelId;
  /** Absent only for the audit log, which needs no topology. */
  target: SourceTarget | undefined;
  topology: Topology | undefined;
  view: ViewState;
  /** The selection the details show (it trails the URL by a frame, see App). */
  detailsId: string | undefined;
  pathTarget: string | undefined;
  onPathTarget(id: string | undefined): void;
  onView(update: ViewUpdate): void;
  onReveal(id: string, extra?: Partial<ViewState>): void;
  onSelect(id: string): void;
  onConnectFrom(vpcId: string): void;
  access: ChangeAccess;
  onStartChange(request: SheetRequest): void;
}

const BODY_ID = "side-panel-body";
/** The details of a node: loaded on demand, and fetched ahead once the diagram is on screen (preloadPanels). */
const loadDetails = () => import("../features/details/components/DetailsPanel");
const DetailsPanel = lazy(loadDetails);
/** The audit log is opened now and then: loaded on demand. */
const AuditPanel = lazy(() => import("../features/actions/components/AuditPanel"));
/** The connectivity check's checklist: loaded when a check opens. */
const ExplainPanel = lazy(() => import("../features/explain/components/ExplainPanel"));
/** The estate overview: loaded when it opens. */
const EstateOverview = lazy(() => import("../features/estate/components/EstateOverview"));
/** Saved views and snapshots: loaded when one of their panels opens. */
const LibraryPanel = lazy(() => import("../features/views/components/LibraryPanel"));

interface PanelTab {
  id: PanelId;
  label: string;
  testId?: string | undefined;
  title?: string | undefined;
  /** A label that may be long (a VPC's name): this tab gives way first, with its whole label as its title. */
  long?: boolean;
}

/** The tabs that make sense for this view: what is selected, where from, which check, which library. */
function panelTabs(view: ViewState, panel: PanelId, fromLabel: string | undefined, estate: boolean): PanelTab[] {
  const tabs: PanelTab[] = [];
  if (estate) tabs.push({ id: "estate", label: "Estate", testId: "estate-tab" });
  if (view.selected) tabs.push({ id: "details", label: "Details" });
  if (view.from) {
    const label = `Connect from ${fromLabel ?? ""}`;
    tabs.push({ id: "connect", label, title: label, long: true });
  }
  if (view.from && view.to)
    tabs.push({ id: "explain", label: "Check", testId: "explain-tab", title: "Connectivity check" });
  if (panel === "views" || panel === "snapshots")
    tabs.push(
      { id: "views", label: "Views", testId: "views-tab" },
      { id: "snapshots", label: "Snapshots", testId: "snapshots-tab" },
    );
  tabs.push({ id: "audit", label: "Audit log", testId: "audit-tab" });
  return tabs;
}

/** What the audit log needs of the topology on screen: its source, region and names (see audit-view.ts). */
function auditContext(target: SourceTarget | undefined, topology: Topology | undefined): AuditContext | undefined {
  if (!target || !topology || target.snapshot) return undefined;
  const { byId } = indexTopology(topology);
  return {
    source: target.source,
    region: target.region,
    nameOf: (id) => byId.get(id)?.label,
    has: (id) => byId.has(id),
  };
}

/** Fetch what the first click on a node needs, while the browser is idle after the diagram is drawn. */
export function preloadPanels(): () => void {
  const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1000));
  const cancel = window.cancelIdleCallback ?? window.clearTimeout;
  const handle = idle(() => void loadDetails());
  return () => cancel(handle);
}

export function SidePanel(props: SidePanelProps) {
  const { panel, target, topology, view, detailsId, onView } = props;
  const fromLabel =
    view.from && topology ? (indexTopology(topology).byId.get(view.from)?.label ?? view.from) : view.from;
  return (
    <aside
      id="side-panel"
      className="panel"
      aria-label={
        panel === "connect"
          ? "Connect from"
          : panel === "audit"
            ? "Audit log"
            : panel === "explain"
              ? "Connectivity check"
              : panel === "estate"
                ? "Estate"
                : panel === "views"
                  ? "Saved views"
                  : panel === "snapshots"
                    ? "Snapshots"
                    : "Details"
      }
      data-testid={`${panel}-side-panel`}
    >
      <div className="panel__tabs">
        <div className="panel__tablist" role="tablist" aria-label="Panel">
          {panelTabs(view, panel, fromLabel, topology?.estate !== undefined).map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              aria-selected={panel === tab.id}
              aria-controls={BODY_ID}
              className={`panel__tab${tab.long ? " panel__tab--long" : ""}`}
              data-testid={tab.testId}
              title={tab.title}
              onClick={() => onView({ panel: tab.id })}
            >
              {tab.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="panel__close"
          aria-label="Close panel"
          onClick={() => onView({ panel: undefined })}
        >
          ×
        </button>
      </div>
      <div id={BODY_ID} role="tabpanel">
        {panel === "audit" ? (
          <Suspense fallback={<div className="panel__body muted">Reading the audit log…</div>}>
            <AuditPanel
              context={auditContext(target, topology)}
              canChange={props.access.allowed}
              onUndo={(action) => props.onStartChange({ action })}
            />
          </Suspense>
        ) : panel === "views" || panel === "snapshots" ? (
          <Suspense fallback={<div className="panel__body muted">Loading…</div>}>
            <LibraryPanel panel={panel} />
          </Suspense>
        ) : !target || !topology ? (
          <div className="panel__body muted">Waiting for the topology…</div>
        ) : panel === "estate" ? (
          topology.estate ? (
            <Suspense fallback={<div className="panel__body muted">Loading…</div>}>
              <EstateOverview estate={topology.estate} view={view} onFilter={(filter) => onView(filter)} />
            </Suspense>
          ) : (
            <div className="panel__body muted">This source is one account: pick an estate source to see accounts.</div>
          )
        ) : panel === "explain" && view.from && view.to ? (
          <Suspense fallback={<div className="panel__body muted">Loading the check…</div>}>
            <ExplainPanel
              target={target}
              topology={topology}
              params={{
                from: view.from,
                to: view.to,
                hostname: view.hostname,
                clientGroup: view.clientGroup,
                port: view.port,
              }}
              access={props.access}
              onStartChange={props.onStartChange}
              onShowNode={(id) => props.onReveal(id, { selected: id })}
            />
          </Suspense>
        ) : panel === "connect" && view.from ? (
          <ConnectPanel
            target={target}
            topology={topology}
            from={view.from}
            pathTarget={props.pathTarget}
            onPathTarget={props.onPathTarget}
            onShowNode={(id) => props.onReveal(id, { selected: id })}
            access={props.access}
            onStartChange={props.onStartChange}
          />
        ) : detailsId ? (
          <Suspense fallback={<div className="panel__body muted">Loading details…</div>}>
            <DetailsPanel
              topology={topology}
              target={target}
              nodeId={detailsId}
              access={props.access}
              onSelect={props.onSelect}
              onConnectFrom={props.onConnectFrom}
              onFocus={props.onReveal}
              onStartChange={props.onStartChange}
            />
          </Suspense>
        ) : (
          <div className="panel__body muted">Loading details…</div>
        )}
      </div>
    </aside>
  );
}
