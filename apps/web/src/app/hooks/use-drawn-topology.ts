/**
 * What is drawn: the API's topology of the target with this browser's changes
 * in flight merged in (and their marks), a refresh, and the progress of any
 * discovery under way. A settled change leaves the store once a refetched
 * topology shows its result.
 */
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { mergePendingChanges } from "../../features/actions/merge-pending";
import { usePendingChangesStore, useTargetChanges } from "../../features/actions/use-pending-changes";
import { topologyQuery } from "../../features/topology/queries";
import type { SourceTarget } from "../../features/topology/target";
import { useDiscoveryProgress, useRefreshTopology } from "../../features/topology/use-refresh";

const NO_TARGET: SourceTarget = { source: "", region: "" };

export function useDrawnTopology(target: SourceTarget | undefined) {
  const topology = useQuery({ ...topologyQuery(target ?? NO_TARGET), enabled: target !== undefined });
  const pendingChanges = useTargetChanges(target);
  const changesStore = usePendingChangesStore();
  const refresh = useRefreshTopology(target);
  const discovering = refresh.isPending || (topology.isFetching && topology.data === undefined);
  const progress = useDiscoveryProgress(target, discovering);

  const raw = topology.data;
  const drawn = useMemo(() => (raw ? mergePendingChanges(raw, pendingChanges) : undefined), [raw, pendingChanges]);
  useEffect(() => {
    if (raw && target) changesStore.prune(target, raw);
  }, [raw, target, changesStore]);
  return { topology, drawn, refresh, progress };
}

export type DrawnTopologyState = ReturnType<typeof useDrawnTopology>;
