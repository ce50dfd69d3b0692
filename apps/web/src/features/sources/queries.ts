/** Query keys and options for sources and server health. Components never spell a key. */
import { queryOptions } from "@tanstack/react-query";
import { fetchHealth, fetchRegions, fetchSources } from "./api";

export const sourceKeys = {
  all: ["sources"] as const,
  list: () => [...sourceKeys.all, "list"] as const,
  health: () => ["health"] as const,
  regions: (source: string) => [...sourceKeys.all, "regions", source] as const,
};

/** Per Region, what a source holds (the server counts and caches it a few minutes). */
export const regionsQuery = (source: string) =>
  queryOptions({
    queryKey: sourceKeys.regions(source),
    queryFn: ({ signal }) => fetchRegions(source, signal),
    staleTime: 3 * 60_000,
    retry: false,
  });

export const sourcesQuery = () =>
  queryOptions({
    queryKey: sourceKeys.list(),
    queryFn: ({ signal }) => fetchSources(signal),
    // Sources change when someone edits ~/.aws/config: rarely.
    staleTime: 5 * 60_000,
  });

export const healthQuery = () =>
  queryOptions({
    queryKey: sourceKeys.health(),
    queryFn: ({ signal }) => fetchHealth(signal),
    staleTime: 60_000,
  });
