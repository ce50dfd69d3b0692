/** Query keys and options for sources and server health. Components never spell a key. */
import { queryOptions } from "@tanstack/react-query";
import { fetchHealth, fetchSources } from "./api";

export const sourceKeys = {
  all: ["sources"] as const,
  list: () => [...sourceKeys.all, "list"] as const,
  health: () => ["health"] as const,
};

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
