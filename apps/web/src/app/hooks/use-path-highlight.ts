/**
 * What stands out on the diagram, and what the camera frames: a connectivity
 * check's path and failing hop (panel=explain), else the paths of the
 * "Connect from…" answer (or the one target picked in it), else the focused
 * node with what it holds and its neighbours. Everything else is dimmed.
 */
import type { Topology } from "@lattice-atlas/shared";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { connectPathNodeIds } from "../../features/connect/path";
import { connectQuery } from "../../features/connect/queries";
import { useExplainPath } from "../../features/explain/use-explain-path";
import type { SourceTarget } from "../../features/topology/target";
import { indexTopology } from "../../features/topology/topology-index";
import type { ViewState } from "../../lib/url-state";

const NO_TARGET: SourceTarget = { source: "", region: "" };

export function usePathHighlight(view: ViewState, target: SourceTarget | undefined, data: Topology | undefined) {
  const answer = useQuery({
    ...connectQuery(target ?? NO_TARGET, view.from ?? ""),
    enabled: target !== undefined && view.from !== undefined && data !== undefined,
  });
  // The one target of the answer whose path is drawn (undefined: every path); another VPC resets it.
  const [pathTarget, setPathTarget] = useState<string | undefined>(undefined);
  useEffect(() => setPathTarget(undefined), [view.from]);
  const explainPath = useExplainPath(view, target, data);
  const index = data ? indexTopology(data) : undefined;

  const highlight = useMemo<ReadonlySet<string> | undefined>(() => {
    if (!index) return undefined;
    if (explainPath.marks) return explainPath.marks.highlight;
    if (view.from && answer.data && answer.data.from.vpcId === view.from)
      return connectPathNodeIds(index, answer.data, pathTarget);
    if (view.focus && index.byId.has(view.focus)) {
      // The focused node, what it contains and its direct neighbours.
      const ids = new Set([view.focus]);
      for (const c of index.childrenOf.get(view.focus) ?? []) ids.add(c.id);
      for (const e of index.outgoing.get(view.focus) ?? []) ids.add(e.target);
      for (const e of index.incoming.get(view.focus) ?? []) ids.add(e.source);
      return ids;
    }
    return undefined;
  }, [index, view.from, view.focus, answer.data, pathTarget, explainPath.marks]);

  // Bring a connect path into view once per answer (and per chosen target).
  const frame = useMemo(
    () =>
      explainPath.frame ??
      (view.from && answer.data && highlight
        ? { key: `${view.from}|${pathTarget ?? ""}|${answer.dataUpdatedAt}`, ids: highlight }
        : undefined),
    [view.from, answer.data, answer.dataUpdatedAt, highlight, pathTarget, explainPath.frame],
  );

  return {
    /** The "Connect from…" answer of view.from (the status bar names its VPC). */
    answer,
    pathTarget,
    setPathTarget,
    explainPath,
    highlight,
    failing: explainPath.marks?.failing,
    frame,
  };
}
