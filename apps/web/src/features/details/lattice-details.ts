/** GET /api/lattice-details: access logs and listener rules, read when the details of a network, service or configuration open. */
import type { LatticeDetails, NodeKind } from "@lattice-atlas/shared";
import { queryOptions } from "@tanstack/react-query";
import { getJson } from "../../lib/http";
import type { SourceTarget } from "../topology/target";

/** The kinds that have access log subscriptions (a service also has listener rules). */
export const LATTICE_DETAILS_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>([
  "serviceNetwork",
  "service",
  "resourceConfiguration",
]);

export const latticeDetailsQuery = (target: SourceTarget, id: string) =>
  queryOptions({
    queryKey: ["lattice-details", target.source, target.region, id] as const,
    queryFn: ({ signal }) =>
      getJson<LatticeDetails>("/api/lattice-details", { source: target.source, region: target.region, id }, { signal }),
    staleTime: 5 * 60_000,
  });

/** Where an access log destination is, in words: an S3 bucket, a CloudWatch log group, a Firehose stream. */
export function destinationKind(arn: string): string {
  const service = arn.split(":")[2];
  return service === "s3"
    ? "S3 bucket"
    : service === "logs"
      ? "CloudWatch Logs group"
      : service === "firehose"
        ? "Data Firehose stream"
        : "destination";
}
