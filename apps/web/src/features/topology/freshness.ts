/**
 * How old the picture is, in words, and when it is stale: the header's chip and the console's own refresh read
 * these. Pure: the time is passed in.
 */

/** "just now", "7 min ago", "3 h ago", "2 days ago" (an unreadable time: ""). */
export function ageText(discoveredAt: string, now: number): string {
  const at = Date.parse(discoveredAt);
  if (!Number.isFinite(at)) return "";
  const seconds = Math.max(0, Math.floor((now - at) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** Read longer ago than the server's --refresh-after (0 or unknown: never stale; a snapshot never is). */
export function isStale(discoveredAt: string, now: number, refreshAfterMinutes: number | undefined): boolean {
  if (!refreshAfterMinutes || refreshAfterMinutes <= 0) return false;
  const at = Date.parse(discoveredAt);
  if (!Number.isFinite(at)) return false;
  return now - at > refreshAfterMinutes * 60_000;
}

export type FreshnessState = "fresh" | "stale" | "refreshing" | "snapshot";

/** What the chip says and how it is marked. */
export function freshness(input: {
  discoveredAt: string;
  now: number;
  refreshAfterMinutes: number | undefined;
  refreshing: boolean;
  snapshot: boolean;
}): { state: FreshnessState; text: string } {
  const age = ageText(input.discoveredAt, input.now);
  if (input.snapshot) return { state: "snapshot", text: "Snapshot" };
  if (input.refreshing) return { state: "refreshing", text: `Read ${age} · refreshing…` };
  if (isStale(input.discoveredAt, input.now, input.refreshAfterMinutes))
    return { state: "stale", text: `Read ${age} · stale` };
  return { state: "fresh", text: `Read ${age}` };
}

/**
 * Whether the console should read this picture again by itself when it opens it (page load, source or region
 * switch): stale, live (never a snapshot), and not already tried for this very picture.
 */
export function shouldAutoRefresh(input: {
  discoveredAt: string;
  now: number;
  refreshAfterMinutes: number | undefined;
  snapshot: boolean;
  alreadyTried: boolean;
}): boolean {
  return !input.snapshot && !input.alreadyTried && isStale(input.discoveredAt, input.now, input.refreshAfterMinutes);
}
