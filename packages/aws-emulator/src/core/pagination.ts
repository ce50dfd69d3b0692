/** Opaque, scope-checked pagination tokens shared by every List/Describe operation. */
import type { AwsError } from "./errors.js";

export interface PageRequest {
  maxResults?: number | undefined;
  nextToken?: string | undefined;
  /** Page size when the caller gives none (undefined = everything). */
  defaultSize?: number;
  /** Binds a token to the listing that issued it. */
  scope: string;
  invalidToken: () => AwsError;
}

export interface Page<T> {
  items: T[];
  nextToken: string | undefined;
}

export function paginate<T>(all: readonly T[], request: PageRequest): Page<T> {
  let offset = 0;
  if (request.nextToken !== undefined) {
    offset = decodeToken(request.nextToken, request.scope) ?? -1;
    if (offset < 0) throw request.invalidToken();
  }
  const size = request.maxResults ?? request.defaultSize ?? all.length;
  const items = all.slice(offset, offset + size);
  const next = offset + items.length;
  return { items, nextToken: next < all.length ? encodeToken(request.scope, next) : undefined };
}

function encodeToken(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset })).toString("base64url");
}

function decodeToken(token: string, scope: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { s?: unknown; o?: unknown };
    if (parsed.s !== scope || typeof parsed.o !== "number" || parsed.o < 0) return undefined;
    return parsed.o;
  } catch {
    return undefined;
  }
}
