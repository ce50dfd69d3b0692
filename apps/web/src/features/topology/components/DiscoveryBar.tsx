/** Refresh, and how far a discovery has come: operations done of those known so far (a bar, not a spinner), per account in an estate. */
import type { DiscoveryProgress, DiscoveryStats } from "@lattice-atlas/shared";
import { ageText } from "../freshness";

export function ProgressBar({ progress, label }: { progress: DiscoveryProgress | undefined; label: string }) {
  const total = Math.max(progress?.total ?? 0, progress?.done ?? 0);
  const done = progress?.done ?? 0;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className="progress" data-testid="discovery-progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total || 1}
        aria-valuenow={done}
        aria-valuetext={total > 0 ? `${done} of ${total} AWS calls` : "starting"}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress__text">
        {total > 0 ? `${done} of ${total} calls` : "starting…"}
        {progress?.operation ? ` · ${progress.operation}` : ""}
        {progress ? estateProgressText(progress) : ""}
      </span>
    </div>
  );
}

/** In an estate: which account and region the discovery is reading, and how many accounts are done. */
export function estateProgressText(progress: DiscoveryProgress): string {
  if (!progress.accountId) return "";
  const where = progress.region ? `${progress.accountId} ${progress.region}` : progress.accountId;
  const accounts =
    progress.accountsTotal !== undefined
      ? ` · ${progress.accountsDone ?? 0} of ${progress.accountsTotal} accounts`
      : "";
  return ` · account ${where}${accounts}`;
}

interface RefreshControlProps {
  refreshing: boolean;
  disabled: boolean;
  progress: DiscoveryProgress | undefined;
  onRefresh(): void;
}

export function RefreshControl({ refreshing, disabled, progress, onRefresh }: RefreshControlProps) {
  return (
    <div className="refresh">
      <button
        type="button"
        className="button"
        onClick={onRefresh}
        disabled={disabled || refreshing}
        data-testid="refresh-button"
        aria-busy={refreshing}
      >
        {refreshing ? "Refreshing…" : "Refresh"}
      </button>
      {refreshing ? <ProgressBar progress={progress} label="Discovery progress" /> : null}
    </div>
  );
}

/** When and how the picture was read, for the status bar. */
export function DiscoveryStatsText({ stats }: { stats: DiscoveryStats }) {
  return (
    <span title={`Discovered at ${stats.discoveredAt}`}>
      Read {ageText(stats.discoveredAt, Date.now())} · {stats.totalCalls} AWS calls in{" "}
      {(stats.wallMs / 1000).toFixed(1)} s{stats.cached ? " (cached)" : ""}
    </span>
  );
}
