/**
 * Query keys and options for connectivity checks. A check answers from the
 * server's topology, like a connect answer, so its keys live under the connect
 * answers of the same source/region: a refresh and a settled change (both
 * invalidate connectKeys.forTarget) make it stale without knowing about it.
 */
import type { AnalyzeAnswer } from "@lattice-atlas/shared";
import { queryOptions, type QueryClient } from "@tanstack/react-query";
import { connectKeys } from "../connect/queries";
import { topologyKeys } from "../topology/queries";
import type { SourceTarget } from "../topology/target";
import { analyzeConnectivity } from "./api";
import type { ExplainParams } from "./request";

const ANALYZE = "analyze";

export const explainKeys = {
  forTarget: (target: SourceTarget) => [...connectKeys.forTarget(target), ANALYZE] as const,
  check: (target: SourceTarget, params: ExplainParams) =>
    [
      ...explainKeys.forTarget(target),
      {
        from: params.from,
        to: params.to,
        hostname: params.hostname ?? "",
        clientGroup: params.clientGroup ?? "",
        port: params.port ?? 0,
      },
    ] as const,
};

export const explainQuery = (target: SourceTarget, params: ExplainParams) =>
  queryOptions({
    queryKey: explainKeys.check(target, params),
    queryFn: ({ signal }) => analyzeConnectivity(target, params, { signal }),
    staleTime: 5 * 60_000,
  });

/**
 * "Check again": the server re-reads AWS first (refresh), so the answer is
 * stored for this check and the topology and the other answers of the
 * source/region are refetched from the fresh discovery.
 */
export async function checkAgain(
  queryClient: QueryClient,
  target: SourceTarget,
  params: ExplainParams,
): Promise<AnalyzeAnswer> {
  const answer = await analyzeConnectivity(target, params, { refresh: true });
  const key = explainKeys.check(target, params);
  queryClient.setQueryData(key, answer);
  const checkKey = JSON.stringify(key);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: topologyKeys.graph(target) }),
    queryClient.invalidateQueries({
      queryKey: connectKeys.forTarget(target),
      predicate: (query) => JSON.stringify(query.queryKey) !== checkKey,
    }),
  ]);
  return answer;
}
