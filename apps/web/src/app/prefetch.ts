/**
 * The first screen's reads, started before React mounts and side by side: who is signed in, the server's health and
 * the sources, then the topology of the account view the address names (or the server's default) as soon as the
 * sources say which that is. Without this they ran one after the other (me → sources → topology), each waiting for
 * the component that asks for it. The topology itself is asked for at once too (earlyTopology): the address names its
 * source and Region or leaves them to the server's defaults, and the answer is used once the sources confirm it. A
 * read refused for want of a session (team mode) is simply not used: the sign-in gate sends the browser to sign in.
 */
import type { SourcesResponse, Topology } from "@lattice-atlas/shared";
import type { QueryClient } from "@tanstack/react-query";
import { meQuery } from "../features/auth/queries";
import { healthQuery, sourcesQuery } from "../features/sources/queries";
import { fetchTopology } from "../features/topology/api";
import { topologyQuery } from "../features/topology/queries";
import type { SourceTarget } from "../features/topology/target";
import { getJson } from "../lib/http";
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

/**
 * The topology the address names, asked for at once: the source and Region it gives (the server fills in what it
 * omits with its default source and that source's Region, as firstTarget does). Undefined where the console reads
 * something else first (a shared view, a snapshot). Never rejects: a refusal (no session yet) is simply not used.
 */
export function earlyTopology(
  location: Pick<Location, "pathname" | "search">,
): Promise<Topology | undefined> | undefined {
  if (location.pathname !== "/") return undefined;
  const view = parseViewState(location.search);
  return getJson<Topology>("/api/topology", { source: view.source, region: view.region }).catch(() => undefined);
}

/** The early answer when it is the topology of `target` (it names its source and Region), else undefined. */
export function earlyAnswerFor(answer: Topology | undefined, target: SourceTarget): Topology | undefined {
  return answer && !target.snapshot && answer.source.id === target.source && answer.region === target.region
    ? answer
    : undefined;
}

export function prefetchFirstScreen(queryClient: QueryClient, location: Pick<Location, "pathname" | "search">): void {
  void queryClient.prefetchQuery(meQuery());
  void queryClient.prefetchQuery(healthQuery());
  // A snapshot (/s/…) is read with no source at all: nothing more to ask.
  if (location.pathname.startsWith("/s/")) return;
  // The topology (megabytes on a large account) is asked for beside the sources rather than after them: the sources
  // only say which source and Region the address means, and the answer names both, so it is checked when they come.
  const early = earlyTopology(location);
  queryClient
    .fetchQuery(sourcesQuery())
    .then((sources) => {
      const target = firstTarget(location, sources);
      if (!target) return;
      const query = topologyQuery(target);
      void queryClient.prefetchQuery({
        ...query,
        queryFn: async (context) =>
          earlyAnswerFor(await early, target) ?? fetchTopology(target, { signal: context.signal }),
      });
    })
    .catch(() => undefined);
}
