/**
 * POST /api/actions/plan, POST /api/actions/execute, GET /api/actions/status,
 * GET /api/audit. Every failure is an ApiError (code, message, hint, and the
 * AWS detail: quotaCode, iamAction, requestId).
 */
import type {
  Action,
  AuditResponse,
  ExecuteResponse,
  PlanResponse,
  PollableKind,
  StatusResponse,
} from "@lattice-atlas/shared";
import { getJson, postJson } from "../../lib/http";
import type { SourceTarget } from "../topology/target";

export function planAction(
  target: SourceTarget,
  action: Action,
  clientToken: string | undefined,
  signal?: AbortSignal,
): Promise<PlanResponse> {
  return postJson<PlanResponse>(
    "/api/actions/plan",
    { source: target.source, region: target.region, action, ...(clientToken ? { clientToken } : {}) },
    { signal },
  );
}

export function executeAction(target: SourceTarget, action: Action, clientToken: string): Promise<ExecuteResponse> {
  return postJson<ExecuteResponse>("/api/actions/execute", {
    source: target.source,
    region: target.region,
    action,
    clientToken,
  });
}

export function fetchActionStatus(
  target: SourceTarget,
  kind: PollableKind,
  id: string,
  signal?: AbortSignal,
): Promise<StatusResponse> {
  return getJson<StatusResponse>(
    "/api/actions/status",
    { source: target.source, region: target.region, kind, id },
    { signal },
  );
}

export function fetchAudit(
  page: { limit: number; before?: number | undefined },
  signal?: AbortSignal,
): Promise<AuditResponse> {
  return getJson<AuditResponse>("/api/audit", { limit: page.limit, before: page.before }, { signal });
}
