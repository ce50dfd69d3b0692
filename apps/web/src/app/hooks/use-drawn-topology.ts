/**
 * What is drawn: the API's topology of the target with this browser's changes
 * in flight merged in (and their marks), a refresh, and the progress of any
 * discovery under way. A settled change leaves the store once a refetched
 * topology shows its result. A live picture older than the server's
 * --refresh-after is read again by itself when it is opened (page load, source
 * or region switch), once per picture; the cached one stays drawn meanwhile.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { mergePendingChanges } from "../../features/actions/merge-pending";
import { usePendingChangesStore, useTargetChanges } from "../../features/actions/use-pending-changes";
import { shouldAutoRefresh } from "../../features/topology/freshness";
import { topologyQuery } from "../../features/topology/queries";
import type { SourceTarget } from "../../features/topology/target";
import { useDiscoveryProgress, useRefreshTopology } from "../../features/topology/use-refresh";

const NO_TARGET: SourceTarget = { source: "", region: "" };

interface DrawnTopologyOptions {
  /** Minutes after which a picture is stale (the server's --refresh-after; 0 or unknown: never by itself). */
  refreshAfterMinutes: number | undefined;
  /** A snapshot: frozen, never refreshed. */
  frozen: boolean;
}

export function useDrawnTopology(target: SourceTarget | undefined, options: DrawnTopologyOptions) {
  const topology = useQuery({ ...topologyQuery(target ?? NO_TARGET), enabled: target !== undefined });
  const pendingChanges = useTargetChanges(target);
  const changesStore = usePendingChangesStore();
  const refresh = useRefreshTopology();
  const asked = refresh.variables;
  const refreshing =
    refresh.isPending && asked !== undefined && asked.source === target?.source && asked.region === target?.region;
  const discovering = refreshing || (topology.isFetching && topology.data === undefined);
  const progress = useDiscoveryProgress(target, discovering);

  const raw = topology.data;
  const drawn = useMemo(() => (raw ? mergePendingChanges(raw, pendingChanges) : undefined), [raw, pendingChanges]);
  useEffect(() => {
    if (raw && target) changesStore.prune(target, raw);
  }, [raw, target, changesStore]);

  // Each stale picture is refreshed once: a refresh that fails (or a server whose cache is older) does not loop.
  const tried = useRef(new Set<string>());
  const { mutate, isPending } = refresh;
  const { refreshAfterMinutes, frozen } = options;
  useEffect(() => {
    if (!raw || !target || isPending) return;
    const key = `${target.source}|${target.region}|${raw.stats.discoveredAt}`;
    const due = shouldAutoRefresh({
      discoveredAt: raw.stats.discoveredAt,
      now: Date.now(),
      refreshAfterMinutes,
      snapshot: frozen || raw.source.kind === "snapshot",
      alreadyTried: tried.current.has(key),
    });
    if (!due) return;
    tried.current.add(key);
    mutate(target);
  }, [raw, target, refreshAfterMinutes, frozen, isPending, mutate]);

  return { topology, drawn, refresh, refreshing, progress };
}

export type DrawnTopologyState = ReturnType<typeof useDrawnTopology>;
