/**
 * Which account view the console shows: the source and region of the URL,
 * else the server's defaults, or a snapshot's own (/s/<id>: no sources, they
 * ask AWS who you are); what is known of that source; and whether it may be
 * changed (a snapshot never).
 */
import type { SourceInfo, SourcesResponse } from "@lattice-atlas/shared";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { changeAccess, type ChangeAccess } from "../../features/actions/change-access";
import { meQuery } from "../../features/auth/queries";
import { healthQuery, sourcesQuery } from "../../features/sources/queries";
import type { SourceTarget } from "../../features/topology/target";
import type { SharedRoute } from "../../features/views/use-shared-route";
import type { ViewState } from "../../lib/url-state";

/** A snapshot is read-only like a read-only source: the change controls hide themselves and say why. */
const SNAPSHOT_ACCESS: ChangeAccess = {
  allowed: false,
  reason: "This is a snapshot: frozen data, read with no AWS access. Reproduce it in the emulator to try changes.",
};

function resolveTarget(view: ViewState, sources: SourcesResponse | undefined): SourceTarget | undefined {
  const source = view.source ?? sources?.defaultSource;
  if (!source) return undefined;
  const region = view.region ?? sources?.sources.find((s) => s.id === source)?.defaultRegion;
  return region ? { source, region } : undefined;
}

export function useConsoleTarget(view: ViewState, shared: SharedRoute) {
  const inSnapshot = shared.snapshotId !== undefined;
  const sources = useQuery({ ...sourcesQuery(), enabled: !inSnapshot });
  const health = useQuery(healthQuery());
  const me = useQuery(meQuery());
  // One object per source/region, so that memoised panels and queries see the same target between renders.
  const resolved = resolveTarget(view, sources.data);
  const resolvedSource = resolved?.source;
  const resolvedRegion = resolved?.region;
  const liveTarget = useMemo<SourceTarget | undefined>(
    () => (resolvedSource && resolvedRegion ? { source: resolvedSource, region: resolvedRegion } : undefined),
    [resolvedSource, resolvedRegion],
  );
  const target = inSnapshot ? shared.target : liveTarget;
  const sourceInfo: SourceInfo | undefined = sources.data?.sources.find((s) => s.id === target?.source);
  const accessNow = inSnapshot ? SNAPSHOT_ACCESS : changeAccess(sourceInfo, health.data, me.data);
  // One object per answer, so that memoised panels do not re-render on every render of the shell.
  const access = useMemo<ChangeAccess>(
    () => ({ allowed: accessNow.allowed, reason: accessNow.reason }),
    [accessNow.allowed, accessNow.reason],
  );
  return { sources, health, inSnapshot, liveTarget, target, sourceInfo, access };
}

export type ConsoleTarget = ReturnType<typeof useConsoleTarget>;
