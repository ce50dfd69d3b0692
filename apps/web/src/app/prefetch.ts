/**
 * The first screen's reads, started before React mounts and side by side: who is signed in, the server's health and
 * the sources, then the topology of the account view the address names (or the server's default) as soon as the
 * sources say which that is. Without this they ran one after the other (me → sources → topology), each waiting for
 * the component that asks for it. A read refused for want of a session (team mode) is simply not used: the sign-in
 * gate sends the browser to sign in.
 */
import type { SourcesResponse } from "@lattice-atlas/shared";
import type { QueryClient } from "@tanstack/react-query";
import { meQuery } from "../features/auth/queries";
import { healthQuery, sourcesQuery } from "../features/sources/queries";
import { topologyQuery } from "../features/topology/queries";
import type { SourceTarget } from "../features/topology/target";
import { parseViewState } from "../lib/url-state";

/** The account view of a console address: its `source`/`region`, else the server's default and that source's Region. */
export function firstTarget(
  location: Pick<Location, "pathname" | "search">,
  sources: SourcesResponse,
): SourceTarget | undefined {
  // A shared view (/v/…) or a snapshot (/s/…) names its own target: left to the console.
  if (location.pathname !== "/") return undefined;
  // Read as the console reads it (a malformed source or region is dropped there, so here too).
  const view = parseViewState(location.search);
  const source = view.source ?? sources.defaultSource;
  const region = view.region ?? sources.sources.find((s) => s.id === source)?.defaultRegion;
  return source && region ? { source, region } : undefined;
}

export function prefetchFirstScreen(queryClient: QueryClient, location: Pick<Location, "pathname" | "search">): void {
  void queryClient.prefetchQuery(meQuery());
  void queryClient.prefetchQuery(healthQuery());
  // A snapshot (/s/…) is read with no source at all: nothing more to ask.
  if (location.pathname.startsWith("/s/")) return;
  queryClient
    .fetchQuery(sourcesQuery())
    .then((sources) => {
      const target = firstTarget(location, sources);
      if (target) void queryClient.prefetchQuery(topologyQuery(target));
    })
    .catch(() => undefined);
}
