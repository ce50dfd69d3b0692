/**
 * What never reaches a log: secrets in a URL's query — the access token (`?token=…`, as the printed link
 * carries it) and what a sign-in redirect carries (an authorization `code`, `state`, any `*_token`, a client
 * secret).
 */
export function redactQueryToken(url: string): string {
  return url.replace(
    /([?&](?:token|code|state|id_token|access_token|refresh_token|session_token|client_secret)=)[^&#]*/gi,
    "$1[redacted]",
  );
}
