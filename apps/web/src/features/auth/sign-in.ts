/** Where the browser goes to sign in, coming back to the page it was on (a path of this console only). */
export function signInUrl(location: { pathname: string; search: string; hash: string }): string {
  const back = `${location.pathname}${location.search}${location.hash}`;
  return `/auth/login?returnTo=${encodeURIComponent(back.startsWith("/") && !back.startsWith("//") ? back : "/")}`;
}
