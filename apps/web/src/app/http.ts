/** GET JSON from the API; every failure becomes an ApiError (never null, never a raw Response). */
import { ApiError, isApiErrorBody } from "./api-error";

export type QueryParams = Record<string, string | boolean | undefined>;

export function apiUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === false) continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export async function getJson<T>(
  path: string,
  params: QueryParams = {},
  init: { signal?: AbortSignal | undefined } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), {
      headers: { accept: "application/json" },
      signal: init.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("NETWORK", "The browser could not reach the Lattice Atlas server. Is it still running?", 0, {
      hint: "Start it with `npm start`, then reload this page.",
    });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(
      "BAD_RESPONSE",
      `The server answered ${response.status} ${response.statusText} without JSON.`,
      response.status,
    );
  }
  if (!response.ok) {
    if (isApiErrorBody(body)) throw ApiError.fromBody(body, response.status);
    throw new ApiError(
      "BAD_RESPONSE",
      `The server answered ${response.status} without an error body.`,
      response.status,
    );
  }
  if (body === null || body === undefined)
    throw new ApiError("BAD_RESPONSE", "The server answered with an empty body.", response.status);
  return body as T;
}
