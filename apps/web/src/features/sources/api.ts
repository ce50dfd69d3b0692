/** Where a topology can come from: GET /api/sources and GET /api/health. */
import type { HealthResponse, SourcesResponse } from "@lattice-atlas/shared";
import { getJson } from "../../lib/http";

export function fetchSources(signal?: AbortSignal): Promise<SourcesResponse> {
  return getJson<SourcesResponse>("/api/sources", {}, { signal });
}

export function fetchHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return getJson<HealthResponse>("/api/health", {}, { signal });
}
