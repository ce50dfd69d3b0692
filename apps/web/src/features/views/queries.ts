/** Query keys and options for saved views and snapshots. Components never spell a key. */
import type { Snapshot } from "@lattice-atlas/shared";
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { topologyKeys } from "../topology/queries";
import { snapshotTarget } from "../topology/target";
import { fetchSnapshot, fetchSnapshots, fetchView, fetchViews } from "./api";

export const viewKeys = {
  all: ["views"] as const,
  list: () => [...viewKeys.all, "list"] as const,
  detail: (id: string) => [...viewKeys.all, "detail", id] as const,
};

export const snapshotKeys = {
  all: ["snapshots"] as const,
  list: () => [...snapshotKeys.all, "list"] as const,
  detail: (id: string) => [...snapshotKeys.all, "detail", id] as const,
};

export const viewsQuery = () =>
  queryOptions({ queryKey: viewKeys.list(), queryFn: ({ signal }) => fetchViews(signal), staleTime: 30_000 });

export const viewQuery = (id: string) =>
  queryOptions({ queryKey: viewKeys.detail(id), queryFn: ({ signal }) => fetchView(id, signal), staleTime: 30_000 });

export const snapshotsQuery = () =>
  queryOptions({
    queryKey: snapshotKeys.list(),
    queryFn: ({ signal }) => fetchSnapshots(signal),
    staleTime: 30_000,
  });

/**
 * One snapshot (meta and frozen topology). Its topology also becomes the topology query of the snapshot's target,
 * so the diagram, the search and the details read it like any other topology, without a second download.
 */
export const snapshotQuery = (id: string) =>
  queryOptions({
    queryKey: snapshotKeys.detail(id),
    queryFn: async ({ signal, client }): Promise<Snapshot> => {
      const snapshot = await fetchSnapshot(id, signal);
      client.setQueryData(topologyKeys.graph(snapshotTarget(id, snapshot.meta.region)), snapshot.topology);
      return snapshot;
    },
    // Frozen: it never changes (a rename updates the cached meta).
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 10 * 60_000,
  });

/** After a snapshot changed (renamed, deleted, imported): the list, and the meta of that one. */
export function invalidateSnapshots(client: QueryClient, renamed?: Snapshot["meta"]): Promise<void> {
  if (renamed)
    client.setQueryData<Snapshot>(snapshotKeys.detail(renamed.id), (current) =>
      current ? { ...current, meta: renamed } : current,
    );
  return client.invalidateQueries({ queryKey: snapshotKeys.list() });
}
