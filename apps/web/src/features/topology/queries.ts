/** Query keys and options for topologies. Components never spell a key. */
import { queryOptions } from "@tanstack/react-query";
import { fetchTopology } from "./api";
import type { SourceTarget } from "./target";

export const topologyKeys = {
  all: ["topology"] as const,
  graphs: () => [...topologyKeys.all, "graph"] as const,
  graph: (target: SourceTarget) =>
    [...topologyKeys.graphs(), { source: target.source, region: target.region }] as const,
};

export const topologyQuery = (target: SourceTarget) =>
  queryOptions({
    queryKey: topologyKeys.graph(target),
    queryFn: ({ signal }) => fetchTopology(target, { signal }),
    // The server caches discoveries; a new one happens only on an explicit refresh.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 10 * 60_000,
    refetchOnWindowFocus: false,
  });
