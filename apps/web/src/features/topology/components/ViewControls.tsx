/** Filters (account and region in an estate, kind, VPC, service network, status) and folding, all written to the URL. */
import { STATUS_CLASSES, type NodeKind, type StatusClass, type Topology } from "@lattice-atlas/shared";
import { memo, useMemo } from "react";
import { hasActiveFilters, type ViewFilters, type ViewState } from "../../../lib/url-state";
import { NODE_KIND_LABEL, NODE_KIND_LIST } from "../../../lib/node-kinds";
import { RovingFieldset } from "../../../lib/ui/RovingFieldset";
import { Toolbar } from "../../../lib/ui/Toolbar";
import { indexTopology } from "../topology-index";
import type { Visibility } from "../visibility";

const STATUS_LABEL: Record<StatusClass, string> = {
  ok: "Active",
  pending: "In progress",
  failed: "Failed",
  other: "Other",
};

const byName = <T extends { id: string; label: string }>(nodes: readonly T[]): T[] =>
  [...nodes].sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));

export type ViewControlsState = ViewFilters & Pick<ViewState, "collapsed" | "expanded">;

interface ViewControlsProps {
  topology: Topology;
  view: ViewControlsState;
  visibility: Visibility | undefined;
  shownCount: number;
  onChange(patch: Partial<ViewState>): void;
}

export const ViewControls = memo(function ViewControls({
  topology,
  view,
  visibility,
  shownCount,
  onChange,
}: ViewControlsProps) {
  const index = indexTopology(topology);
  const counts = useMemo(() => {
    const map = new Map<NodeKind, number>();
    for (const n of topology.nodes) map.set(n.kind, (map.get(n.kind) ?? 0) + 1);
    return map;
  }, [topology]);
  // Listed by name (then id), as in "Connect from…".
  const vpcs = useMemo(() => byName(index.of("vpc")), [index]);
  const networks = useMemo(() => byName(index.of("serviceNetwork")), [index]);
  const hidden = new Set(view.hiddenKinds);
  const statuses = new Set(view.statuses);

  const setAll = (kind: "vpc" | "serviceNetwork", collapse: boolean): void => {
    const ids = new Set((kind === "vpc" ? vpcs : networks).map((n) => n.id));
    const byDefault = kind === "vpc" ? visibility?.collapsedByDefault.vpcs : visibility?.collapsedByDefault.networks;
    const collapsed = view.collapsed.filter((id) => !ids.has(id));
    const expanded = view.expanded.filter((id) => !ids.has(id));
    if (collapse !== byDefault) (collapse ? collapsed : expanded).push(...ids);
    onChange({ collapsed, expanded });
  };

  return (
    <section className="sidebar__section" aria-labelledby="view-title">
      <h2 id="view-title" className="sidebar__title">
        View
      </h2>
      <p className="sidebar__hint">
        {shownCount} of {topology.nodes.length} things drawn
        {visibility && visibility.filteredOut > 0 ? ` · ${visibility.filteredOut} filtered out` : ""}
      </p>
      <Toolbar className="button-row" label="Fold">
        <button type="button" className="button button--small" onClick={() => setAll("vpc", true)}>
          Fold VPCs
        </button>
        <button type="button" className="button button--small" onClick={() => setAll("vpc", false)}>
          Unfold VPCs
        </button>
        <button type="button" className="button button--small" onClick={() => setAll("serviceNetwork", true)}>
          Fold networks
        </button>
        <button type="button" className="button button--small" onClick={() => setAll("serviceNetwork", false)}>
          Unfold networks
        </button>
      </Toolbar>

      {topology.estate ? (
        <>
          <label className="field field--stacked">
            <span className="field__label">Only this account</span>
            <select
              value={view.accounts.length === 1 ? view.accounts[0] : ""}
              onChange={(e) => onChange({ accounts: e.target.value ? [e.target.value] : [] })}
              data-testid="filter-account"
            >
              <option value="">Every account</option>
              {topology.estate.accounts.map((a) => (
                <option key={a.accountId} value={a.accountId}>
                  {a.name ? `${a.name} (${a.accountId})` : a.accountId}
                </option>
              ))}
            </select>
          </label>
          <label className="field field--stacked">
            <span className="field__label">Only this region</span>
            <select
              value={view.regions.length === 1 ? view.regions[0] : ""}
              onChange={(e) => onChange({ regions: e.target.value ? [e.target.value] : [] })}
              data-testid="filter-region"
            >
              <option value="">Every region</option>
              {topology.estate.regions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : null}
      <label className="field field--stacked">
        <span className="field__label">Only what this VPC reaches or is reached from</span>
        <select
          value={view.vpcs[0] ?? ""}
          onChange={(e) => onChange({ vpcs: e.target.value ? [e.target.value] : [] })}
          data-testid="filter-vpc"
        >
          <option value="">Every VPC</option>
          {vpcs.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label === v.id ? v.id : `${v.label} (${v.id})`}
            </option>
          ))}
        </select>
      </label>
      <label className="field field--stacked">
        <span className="field__label">Only what goes through this service network</span>
        <select
          value={view.serviceNetworks[0] ?? ""}
          onChange={(e) => onChange({ serviceNetworks: e.target.value ? [e.target.value] : [] })}
          data-testid="filter-service-network"
        >
          <option value="">Every service network</option>
          {networks.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label} ({n.id})
            </option>
          ))}
        </select>
      </label>

      <RovingFieldset className="checks" legend="Status">
        {STATUS_CLASSES.map((s) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={statuses.size === 0 || statuses.has(s)}
              onChange={(e) => {
                const current = statuses.size === 0 ? new Set(STATUS_CLASSES) : new Set(statuses);
                if (e.target.checked) current.add(s);
                else current.delete(s);
                onChange({ statuses: current.size === STATUS_CLASSES.length ? [] : [...current] });
              }}
            />
            <span className={`status-dot status-${s}`} aria-hidden="true" />
            {STATUS_LABEL[s]}
          </label>
        ))}
      </RovingFieldset>

      <RovingFieldset className="checks" legend="Kinds">
        {NODE_KIND_LIST.filter((k) => counts.has(k)).map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={!hidden.has(kind)}
              onChange={(e) => {
                const next = new Set(hidden);
                if (e.target.checked) next.delete(kind);
                else next.add(kind);
                onChange({ hiddenKinds: [...next] });
              }}
            />
            {NODE_KIND_LABEL[kind]} <span className="muted">{counts.get(kind)}</span>
          </label>
        ))}
      </RovingFieldset>

      {hasActiveFilters(view) ? (
        <button
          type="button"
          className="button button--small"
          onClick={() =>
            onChange({ hiddenKinds: [], vpcs: [], serviceNetworks: [], statuses: [], accounts: [], regions: [] })
          }
        >
          Clear filters
        </button>
      ) : null}
    </section>
  );
});
