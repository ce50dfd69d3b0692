/**
 * Query keys and options for connect answers and their reverse ("reachable
 * from"); they depend on the topology, so a refresh or a settled change
 * (both invalidate connectKeys.forTarget) makes them stale.
 */
import { queryOptions } from "@tanstack/react-query";
import type { SourceTarget } from "../topology/target";
import { fetchConnectAnswer, fetchReachableFrom } from "./api";

export const connectKeys = {
  all: ["connect"] as const,
  forTarget: (target: SourceTarget) => [...connectKeys.all, { source: target.source, region: target.region }] as const,
  answer: (target: SourceTarget, fromVpcId: string) => [...connectKeys.forTarget(target), fromVpcId] as const,
};

const REACHABLE_FROM = "reachable-from";

export const reachableFromKeys = {
  forTarget: (target: SourceTarget) => [...connectKeys.forTarget(target), REACHABLE_FROM] as const,
  answer: (target: SourceTarget, to: string) => [...reachableFromKeys.forTarget(target), to] as const,
};

export const connectQuery = (target: SourceTarget, fromVpcId: string) =>
  queryOptions({
    queryKey: connectKeys.answer(target, fromVpcId),
    queryFn: ({ signal }) => fetchConnectAnswer(target, fromVpcId, signal),
    staleTime: 5 * 60_000,
  });

export const reachableFromQuery = (target: SourceTarget, to: string) =>
  queryOptions({
    queryKey: reachableFromKeys.answer(target, to),
    queryFn: ({ signal }) => fetchReachableFrom(target, to, signal),
    staleTime: 5 * 60_000,
  });
