/**
 * POST /api/analyze (a snapshot: /api/snapshots/:id/analyze): why can (or
 * can't) this client reach that target, hop by hop. A read, sent as a body.
 */
import type { AnalyzeAnswer } from "@lattice-atlas/shared";
import { postJson } from "../../lib/http";
import type { SourceTarget } from "../topology/target";
import { toAnalyzeRequest, type ExplainParams } from "./request";

export function analyzeConnectivity(
  target: SourceTarget,
  params: ExplainParams,
  options: { refresh?: boolean; signal?: AbortSignal | undefined } = {},
): Promise<AnalyzeAnswer> {
  const path = target.snapshot ? `/api/snapshots/${encodeURIComponent(target.snapshot)}/analyze` : "/api/analyze";
  return postJson<AnalyzeAnswer>(path, toAnalyzeRequest(params, target, options.refresh ?? false), {
    signal: options.signal,
  });
}
