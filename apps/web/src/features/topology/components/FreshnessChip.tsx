/**
 * How old the picture is, next to Refresh: "Read just now", "Read 7 min ago · stale", "… · refreshing…", or for a
 * snapshot "Snapshot of <date>". The title has the exact time and whether it came from the server's cache.
 */
import type { DiscoveryStats } from "@lattice-atlas/shared";
import { formatTime } from "../../../lib/format";
import { useNow } from "../../../lib/use-now";
import { freshness } from "../freshness";

interface FreshnessChipProps {
  stats: DiscoveryStats;
  refreshAfterMinutes: number | undefined;
  refreshing: boolean;
  snapshot: boolean;
}

export function FreshnessChip({ stats, refreshAfterMinutes, refreshing, snapshot }: FreshnessChipProps) {
  const now = useNow(5_000);
  const { state, text } = freshness({
    discoveredAt: stats.discoveredAt,
    now,
    refreshAfterMinutes,
    refreshing,
    snapshot,
  });
  const exact = formatTime(stats.discoveredAt, "second");
  const title = snapshot
    ? `Frozen data read at ${exact}: a snapshot is never refreshed.`
    : [
        `Read from AWS at ${exact}${stats.cached ? " (served from the server's cache)" : ""}.`,
        refreshAfterMinutes && refreshAfterMinutes > 0
          ? `Stale after ${refreshAfterMinutes} min: the console reads it again when you open it.`
          : "Automatic refresh is off (--refresh-after 0).",
      ].join(" ");
  return (
    <span
      className={`freshness freshness--${state}`}
      data-testid="freshness-chip"
      data-state={state}
      title={title}
      aria-live="polite"
    >
      {snapshot ? `Snapshot of ${formatTime(stats.discoveredAt)}` : text}
    </span>
  );
}
