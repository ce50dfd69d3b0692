/**
 * The path of the address bar (/, /v/<id>, /s/<id>) as a store. The query
 * string is the view (app/use-view-state.ts, which listens to popstate too):
 * navigating here announces a popstate, so both follow.
 */
import { useSyncExternalStore } from "react";

function subscribe(listener: () => void): () => void {
  window.addEventListener("popstate", listener);
  return () => window.removeEventListener("popstate", listener);
}

const getPath = (): string => window.location.pathname;

export function useLocationPath(): string {
  return useSyncExternalStore(subscribe, getPath, () => "/");
}

/** Go to another URL of the console without reloading; `replace` leaves no Back step (a resolved short link). */
export function navigateTo(url: string, options: { replace?: boolean } = {}): void {
  const current = `${window.location.pathname}${window.location.search}`;
  if (url === current) return;
  if (options.replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  window.dispatchEvent(new PopStateEvent("popstate"));
}
