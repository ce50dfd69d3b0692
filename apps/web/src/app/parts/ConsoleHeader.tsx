/**
 * The top bar: the product name, source and region (a switch of source keeps the
 * Region when it can, or says why not), the emulator marker and account, search,
 * refresh (not in a snapshot) with how old the picture is, the read-only badge,
 * the estate overview (for an estate source), the audit log and "Copy link".
 */
import type { Topology } from "@lattice-atlas/shared";
import { useState } from "react";
import { UserBadge } from "../../features/auth/components/UserBadge";
import { SearchBox } from "../../features/search/components/SearchBox";
import type { SearchHit } from "../../features/search/search-index";
import { AccountTag, EmulatorMarker, SourcePicker } from "../../features/sources/components/SourcePicker";
import { regionForSource } from "../../features/sources/region-keeping";
import { RefreshControl } from "../../features/topology/components/DiscoveryBar";
import { FreshnessChip } from "../../features/topology/components/FreshnessChip";
import { CopyButton } from "../../lib/ui/CopyButton";
import type { ViewState } from "../../lib/url-state";
import type { ViewUpdate } from "../../lib/use-view-state";
import type { ConsoleTarget } from "../hooks/use-console-target";
import type { DrawnTopologyState } from "../hooks/use-drawn-topology";

interface ConsoleHeaderProps {
  place: ConsoleTarget;
  drawing: DrawnTopologyState;
  data: Topology | undefined;
  view: ViewState;
  shareUrl: string;
  onView(update: ViewUpdate): void;
  onPick(hit: SearchHit): void;
}

/** Another source or region: what was selected, focused or asked about belonged to the previous one. */
const FRESH: Partial<ViewState> = {
  selected: undefined,
  focus: undefined,
  from: undefined,
  panel: undefined,
  accounts: [],
  regions: [],
};

export function ConsoleHeader({ place, drawing, data, view, shareUrl, onView, onPick }: ConsoleHeaderProps) {
  const { sources, health, target, sourceInfo, access } = place;
  const { refresh } = drawing;
  // "Region changed to …": said once, after the switch that changed it.
  const [notice, setNotice] = useState<string | undefined>(undefined);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand__mark" aria-hidden="true" />
        <h1 className="brand__name">Lattice Atlas</h1>
      </div>
      {sources.data && !place.inSnapshot ? (
        <SourcePicker
          sources={sources.data.sources}
          source={target?.source}
          region={target?.region}
          profileFiles={sources.data.profileFiles}
          onSource={(s) => {
            const choice = regionForSource(target?.region, s);
            setNotice(choice.notice);
            onView({ source: s.id, region: choice.region, ...FRESH });
          }}
          onRegion={(region) => {
            setNotice(undefined);
            onView({ region, ...FRESH });
          }}
        />
      ) : null}
      {notice ? (
        <p className="region-notice" role="status" data-testid="region-notice">
          {notice}
          <button
            type="button"
            className="link-button"
            aria-label="Dismiss the notice"
            onClick={() => setNotice(undefined)}
          >
            ×
          </button>
        </p>
      ) : null}
      <EmulatorMarker source={sourceInfo} />
      <AccountTag accountId={data?.accountId ?? sourceInfo?.accountId} />
      <SearchBox topology={data} onPick={onPick} />
      {!place.inSnapshot ? (
        <RefreshControl
          refreshing={drawing.refreshing}
          disabled={!target || drawing.topology.isPending || refresh.isPending}
          progress={drawing.progress}
          onRefresh={() => {
            if (target) refresh.mutate(target);
          }}
        />
      ) : null}
      {data ? (
        <FreshnessChip
          stats={data.stats}
          refreshAfterMinutes={health.data?.refreshAfterMinutes}
          refreshing={drawing.refreshing}
          snapshot={place.inSnapshot || data.source.kind === "snapshot"}
        />
      ) : null}
      {sourceInfo && health.data && !access.allowed ? (
        <span className="read-only-badge" data-testid="read-only-badge" title={access.reason}>
          Read-only<span className="visually-hidden">: {access.reason}</span>
        </span>
      ) : null}
      {data?.estate ? (
        <button
          type="button"
          className="button"
          data-testid="estate-button"
          aria-pressed={view.panel === "estate"}
          onClick={() => onView({ panel: view.panel === "estate" ? undefined : "estate" })}
        >
          Estate · {data.estate.accounts.length} accounts
        </button>
      ) : null}
      <button
        type="button"
        className="button"
        data-testid="audit-button"
        aria-pressed={view.panel === "audit"}
        onClick={() => onView({ panel: view.panel === "audit" ? undefined : "audit" })}
      >
        Audit log
      </button>
      <CopyButton value={shareUrl} label="Copy link to this view" testId="copy-link" className="button">
        Copy link
      </CopyButton>
      <UserBadge />
    </header>
  );
}
