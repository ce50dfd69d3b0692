/** Where a topology can come from: GET /api/sources, GET /api/health, and where a source's things are: GET /api/regions. */
import type { HealthResponse, RegionsResponse, SourcesResponse } from "@lattice-atlas/shared";
import { getJson } from "../../lib/http";

export function fetchSources(signal?: AbortSignal): Promise<SourcesResponse> {
  return getJson<SourcesResponse>("/api/sources", {}, { signal });
}

export function fetchHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return getJson<HealthResponse>("/api/health", {}, { signal });
}

export function fetchRegions(source: string, signal?: AbortSignal): Promise<RegionsResponse> {
  return getJson<RegionsResponse>("/api/regions", { source }, { signal });
}
