/** Who is signed in: GET /api/me; signing out: POST /auth/logout (team mode). */
import type { MeResponse } from "@lattice-atlas/shared";
import { getJson, postJson } from "../../lib/http";

export function fetchMe(signal?: AbortSignal): Promise<MeResponse> {
  return getJson<MeResponse>("/api/me", {}, { signal });
}

export function signOut(url: string): Promise<{ signedOut: boolean; next: string }> {
  return postJson<{ signedOut: boolean; next: string }>(url, {});
}
