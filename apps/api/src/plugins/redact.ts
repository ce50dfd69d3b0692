/** What never reaches a log: the access token in a URL's query (`?token=…`, as the printed link carries it). */
export function redactQueryToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, "$1[redacted]");
}
