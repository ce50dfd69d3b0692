/**
 * GET /api/topology (the whole graph) and GET /api/topology/events (server-sent
 * discovery progress: ready, progress {done,total}, done, error).
 */
import type { DiscoveryProgress, Topology } from "@lattice-atlas/shared";
import { getJson } from "../../lib/http";
import type { SourceTarget } from "./target";

export function fetchTopology(
  target: SourceTarget,
  options: { refresh?: boolean; signal?: AbortSignal | undefined } = {},
): Promise<Topology> {
  // A snapshot's frozen topology (there is nothing to refresh). Opening a snapshot seeds this query's cache
  // (features/views), so this only runs when that entry was dropped.
  if (target.snapshot)
    return getJson<{ topology: Topology }>(
      `/api/snapshots/${encodeURIComponent(target.snapshot)}`,
      {},
      {
        signal: options.signal,
      },
    ).then((snapshot) => snapshot.topology);
  return getJson<Topology>(
    "/api/topology",
    { source: target.source, region: target.region, refresh: options.refresh },
    { signal: options.signal },
  );
}

export type ProgressEvent =
  { type: "progress"; progress: DiscoveryProgress } | { type: "done" } | { type: "error"; message: string };

/** Listen to discovery progress of one source/region; returns the function that stops listening. */
export function subscribeToProgress(target: SourceTarget, listener: (event: ProgressEvent) => void): () => void {
  const params = new URLSearchParams({ source: target.source, region: target.region });
  const source = new EventSource(`/api/topology/events?${params.toString()}`);
  source.addEventListener("progress", (event) => {
    try {
      listener({ type: "progress", progress: JSON.parse((event as MessageEvent<string>).data) as DiscoveryProgress });
    } catch {
      // A malformed event only costs one progress tick.
    }
  });
  source.addEventListener("done", () => listener({ type: "done" }));
  source.addEventListener("error", (event) => {
    const data = (event as MessageEvent<string | undefined>).data;
    if (typeof data === "string") {
      try {
        listener({ type: "error", message: (JSON.parse(data) as { message?: string }).message ?? "Discovery failed." });
      } catch {
        listener({ type: "error", message: "Discovery failed." });
      }
    }
  });
  return () => source.close();
}
