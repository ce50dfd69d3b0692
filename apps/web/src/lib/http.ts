/**
 * JSON over the API; every failure becomes an ApiError (never null, never a raw Response).
 * Non-GET requests carry the CSRF header the server requires (the browser adds the same-origin Origin itself).
 */
import { ApiError, isApiErrorBody } from "./api-error";

export type QueryParams = Record<string, string | number | boolean | undefined>;

/** The header every state-changing request must carry (see apps/api/src/plugins/security.ts). */
export const CSRF_HEADER = "x-atlas-csrf";

function apiUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === false) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** The headers of a request: JSON in and out, and the CSRF header on anything but GET/HEAD. */
export function requestHeaders(method: string, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (hasBody) headers["content-type"] = "application/json";
  if (method !== "GET" && method !== "HEAD") headers[CSRF_HEADER] = "1";
  return headers;
}

/** A body sent as it is (a file's text), not JSON-encoded. */
class RawBody {
  constructor(readonly text: string) {}
}

async function requestJson<T>(
  method: "GET" | "POST" | "PATCH" | "DELETE",
  url: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: requestHeaders(method, body !== undefined),
      ...(body !== undefined ? { body: body instanceof RawBody ? body.text : JSON.stringify(body) } : {}),
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("NETWORK", "The browser could not reach the Lattice Atlas server. Is it still running?", 0, {
      hint: "Start it with `npm start`, then reload this page.",
    });
  }
  // 204 No Content (a deletion): nothing to parse, nothing to return.
  if (response.status === 204 && method === "DELETE") return undefined as T;
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    throw new ApiError(
      "BAD_RESPONSE",
      `The server answered ${response.status} ${response.statusText} without JSON.`,
      response.status,
    );
  }
  if (!response.ok) {
    if (isApiErrorBody(parsed)) throw ApiError.fromBody(parsed, response.status);
    throw new ApiError(
      "BAD_RESPONSE",
      `The server answered ${response.status} without an error body.`,
      response.status,
    );
  }
  if (parsed === null || parsed === undefined)
    throw new ApiError("BAD_RESPONSE", "The server answered with an empty body.", response.status);
  return parsed as T;
}

export function getJson<T>(
  path: string,
  params: QueryParams = {},
  init: { signal?: AbortSignal | undefined } = {},
): Promise<T> {
  return requestJson<T>("GET", apiUrl(path, params), undefined, init.signal);
}

/** POST a JSON body (with the CSRF header). */
export function postJson<T>(path: string, body: unknown, init: { signal?: AbortSignal | undefined } = {}): Promise<T> {
  return requestJson<T>("POST", path, body, init.signal);
}

/** PATCH a JSON body (with the CSRF header). */
export function patchJson<T>(path: string, body: unknown, init: { signal?: AbortSignal | undefined } = {}): Promise<T> {
  return requestJson<T>("PATCH", path, body, init.signal);
}

/** DELETE (with the CSRF header); the server answers 204 or an error body. */
export function deleteResource(path: string, init: { signal?: AbortSignal | undefined } = {}): Promise<void> {
  return requestJson<void>("DELETE", path, undefined, init.signal);
}

/** POST text as it is (a file the user picked), with the CSRF header; the answer is JSON. */
export function postText<T>(path: string, text: string, init: { signal?: AbortSignal | undefined } = {}): Promise<T> {
  return requestJson<T>("POST", path, new RawBody(text), init.signal);
}
