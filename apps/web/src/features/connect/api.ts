/** GET /api/connect: from a consumer VPC, which hostname works for what, and why the others do not. */
import type { ConnectAnswer } from "@lattice-atlas/shared";
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
