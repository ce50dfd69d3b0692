/**
 * Follows nextToken/NextToken/Marker with a guard against repeated tokens and endless listings. A listing
 * that stops part-way (its guard, a failed page, the discovery's deadline) throws with the items of the
 * pages it had read as `partial`: the caller keeps them and says what is missing.
 */
import { AwsFailure, toAwsFailure } from "./failures.js";

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
  const stopped = (failure: AwsFailure): AwsFailure => {
    if (all.length > 0) failure.partial = all;
    return failure;
  };
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    let result: Page<T>;
    try {
      result = await fetchPage(token);
    } catch (error) {
      throw stopped(toAwsFailure(error, service, operation));
    }
    all.push(...result.items);
    onPage?.(result.items);
    if (!result.next) return all;
    if (seen.has(result.next)) {
      throw stopped(
        new AwsFailure(
          service,
          operation,
          "pagination",
          "RepeatedNextToken",
          `${operation} returned the same page token twice; the listing stopped after ${page + 1} pages.`,
          undefined,
          undefined,
        ),
      );
    }
    seen.add(result.next);
    token = result.next;
  }
  throw stopped(
    new AwsFailure(
      service,
      operation,
      "pagination",
      "TooManyPages",
      `${operation} did not finish within ${maxPages} pages.`,
      undefined,
      undefined,
    ),
  );
}
