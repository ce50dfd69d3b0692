/** Query keys and options for connect answers; they depend on the topology, so a refresh invalidates them. */
import { queryOptions } from "@tanstack/react-query";
import type { SourceTarget } from "../topology/target";
import { fetchConnectAnswer } from "./api";

export const connectKeys = {
  all: ["connect"] as const,
  forTarget: (target: SourceTarget) => [...connectKeys.all, { source: target.source, region: target.region }] as const,
  answer: (target: SourceTarget, fromVpcId: string) => [...connectKeys.forTarget(target), fromVpcId] as const,
};

export const connectQuery = (target: SourceTarget, fromVpcId: string) =>
  queryOptions({
    queryKey: connectKeys.answer(target, fromVpcId),
    queryFn: ({ signal }) => fetchConnectAnswer(target, fromVpcId, signal),
    staleTime: 5 * 60_000,
  });
