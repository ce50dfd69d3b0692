/** Follows nextToken/NextToken/Marker with a guard against repeated tokens and endless listings. */
import { AwsFailure } from "./failures.js";

export interface Page<T> {
  items: T[];
  next: string | undefined;
}

export async function collectPages<T>(
  service: string,
  operation: string,
  fetchPage: (token: string | undefined) => Promise<Page<T>>,
  onPage?: (items: T[]) => void,
  maxPages = 1000,
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(token);
    all.push(...result.items);
    onPage?.(result.items);
    if (!result.next) return all;
    if (seen.has(result.next)) {
      throw new AwsFailure(
        service,
        operation,
        "pagination",
        "RepeatedNextToken",
        `${operation} returned the same page token twice; the listing stopped after ${page + 1} pages.`,
        undefined,
        undefined,
      );
    }
    seen.add(result.next);
    token = result.next;
  }
  throw new AwsFailure(
    service,
    operation,
    "pagination",
    "TooManyPages",
    `${operation} did not finish within ${maxPages} pages.`,
    undefined,
    undefined,
  );
}
