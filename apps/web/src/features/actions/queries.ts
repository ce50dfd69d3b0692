/**
 * Query keys and options for plans and the audit log, and the one place that
 * says what a change makes out of date. Components never spell a key.
 */
import { actionFingerprint, type Action, type AuditResponse } from "@lattice-atlas/shared";
import { infiniteQueryOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import { connectKeys } from "../connect/queries";
import { topologyKeys } from "../topology/queries";
import type { SourceTarget } from "../topology/target";
import { fetchAudit, planAction } from "./api";

export const actionKeys = {
  all: ["actions"] as const,
  plans: () => [...actionKeys.all, "plan"] as const,
  plansFor: (target: SourceTarget) =>
    [...actionKeys.plans(), { source: target.source, region: target.region }] as const,
  plan: (target: SourceTarget, action: Action, clientToken: string | undefined) =>
    [...actionKeys.plansFor(target), actionFingerprint(action), clientToken ?? ""] as const,
};

export const auditKeys = {
  all: ["audit"] as const,
  list: (pageSize: number) => [...auditKeys.all, "list", pageSize] as const,
};

/** A plan is a read (POST only because an action is a body): no change is made. */
export const planQuery = (target: SourceTarget, action: Action, clientToken: string | undefined) =>
  queryOptions({
    queryKey: actionKeys.plan(target, action, clientToken),
    queryFn: ({ signal }) => planAction(target, action, clientToken, signal),
    // It answers from the server's cached topology: fresh until a change makes it stale (see invalidateAfterChange).
    staleTime: 60_000,
    gcTime: 60_000,
  });

const AUDIT_PAGE_SIZE = 25;

export const auditQuery = (pageSize = AUDIT_PAGE_SIZE) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(pageSize),
    queryFn: ({ pageParam, signal }) => fetchAudit({ limit: pageSize, before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last: AuditResponse) => last.nextBefore,
    // Newest first: opening the log asks again.
    staleTime: 0,
  });

/**
 * What a settled change made out of date: the topology and the connect
 * answers of its source/region, and the plans computed from that topology —
 * nothing of other sources or regions, and not the sources list.
 */
export function invalidateAfterChange(queryClient: QueryClient, target: SourceTarget): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: topologyKeys.graph(target) }),
    queryClient.invalidateQueries({ queryKey: connectKeys.forTarget(target) }),
    queryClient.invalidateQueries({ queryKey: actionKeys.plansFor(target) }),
  ]).then(() => undefined);
}

/** An execution (of any outcome) adds to the audit log; an open log shows it. */
export function invalidateAudit(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: auditKeys.all });
}
