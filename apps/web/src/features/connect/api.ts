/**
 * GET /api/connect: from a consumer VPC, which hostname works for what, and why the others do not;
 * GET /api/reachable-from: the reverse, every VPC with a way in to a target.
 */
import type { ConnectAnswer, NodeKind, ReachableFromAnswer } from "@lattice-atlas/shared";
import { getJson } from "../../lib/http";
import type { SourceTarget } from "../topology/target";

export function fetchConnectAnswer(
  target: SourceTarget,
  fromVpcId: string,
  signal?: AbortSignal,
): Promise<ConnectAnswer> {
  // A snapshot answers from its frozen data.
  if (target.snapshot)
    return getJson<ConnectAnswer>(
      `/api/snapshots/${encodeURIComponent(target.snapshot)}/connect`,
      { from: fromVpcId },
      { signal },
    );
  return getJson<ConnectAnswer>(
    "/api/connect",
    { source: target.source, region: target.region, from: fromVpcId },
    { signal },
  );
}

/** The kinds GET /api/reachable-from answers for: a resource configuration, an Aurora cluster or endpoint, a service. */
export const REACHABLE_FROM_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>([
  "resourceConfiguration",
  "dbCluster",
  "dbEndpoint",
  "service",
]);

/** Every VPC with a way in to `to` (an id, ARN or hostname), by which pattern, the name to use there, the verdict. */
export function fetchReachableFrom(
  target: SourceTarget,
  to: string,
  signal?: AbortSignal,
): Promise<ReachableFromAnswer> {
  return getJson<ReachableFromAnswer>(
    "/api/reachable-from",
    { source: target.source, region: target.region, to },
    { signal },
  );
}
