/**
 * Discovery in progress: a forced refresh (GET /api/topology?refresh=true) as
 * a mutation that writes the query cache and invalidates what depends on the
 * topology, and the live progress (SSE) of whatever discovery runs — a refresh
 * or the first load.
 */
import type { DiscoveryProgress } from "@lattice-atlas/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { connectKeys } from "../connect/queries";
import { fetchTopology, subscribeToProgress } from "./api";
import { topologyKeys } from "./queries";
import type { SourceTarget } from "./target";

export function useRefreshTopology() {
  const queryClient = useQueryClient();
  return useMutation({
    // The target travels with the refresh: a switch while it runs does not write it under the new one.
    mutationFn: async (target: SourceTarget) => ({ target, topology: await fetchTopology(target, { refresh: true }) }),
    onSuccess: ({ target, topology }) => {
      queryClient.setQueryData(topologyKeys.graph(target), topology);
      void queryClient.invalidateQueries({ queryKey: connectKeys.forTarget(target) });
    },
  });
}

/** The latest progress of a discovery of `target` while `active`; undefined before the first event. */
export function useDiscoveryProgress(target: SourceTarget | undefined, active: boolean): DiscoveryProgress | undefined {
  const [progress, setProgress] = useState<DiscoveryProgress | undefined>(undefined);
  const source = target?.source;
  const region = target?.region;
  useEffect(() => {
    if (!active || !source || !region) {
      setProgress(undefined);
      return;
    }
    return subscribeToProgress({ source, region }, (event) => {
      if (event.type === "progress") setProgress(event.progress);
    });
  }, [active, source, region]);
  return progress;
}
