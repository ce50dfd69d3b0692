/** Helpers the Lattice handler modules share. */
import { paginate, type Page } from "../../../core/pagination.js";
import type { HandlerContext } from "../../../core/service.js";
import { invalid } from "../errors.js";

export function listPage<T>(
  ctx: HandlerContext,
  items: readonly T[],
  input: { maxResults?: number | undefined; nextToken?: string | undefined },
  scope: string,
): Page<T> {
  return paginate(items, {
    maxResults: input.maxResults,
    nextToken: input.nextToken,
    defaultSize: 100,
    scope: `${ctx.operation}:${scope}`,
    invalidToken: () => invalid("nextToken", "The pagination token is invalid or expired."),
  });
}

export function touch(record: { lastUpdatedAt: string }, ctx: HandlerContext): void {
  record.lastUpdatedAt = ctx.nowIso;
}
