/**
 * The check the URL asks for (panel=explain, from, to …), its answer, and what
 * it marks on the diagram. The shell uses it to highlight the path, mark the
 * failing hop and frame the path once per answer; the panel (lazy) reads the
 * same query. The path stays drawn while the check is in the URL, except
 * under the Connect tab, which draws its own.
 */
import type { Topology } from "@lattice-atlas/shared";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { EMPTY_VIEW, type ViewState } from "../../lib/url-state";
import type { SourceTarget } from "../topology/target";
import { indexTopology } from "../topology/topology-index";
import { explainMarks, frameIds, type ExplainMarks } from "./path-marks";
import { explainQuery } from "./queries";
import { explainParamsOf, type ExplainParams } from "./request";

const NO_TARGET: SourceTarget = { source: "", region: "" };
const NO_PARAMS: ExplainParams = { from: "", to: "" };

export interface ExplainPath {
  params: ExplainParams | undefined;
  /** Undefined when nothing is to be drawn (no check, no answer yet, or the Connect tab is open). */
  marks: ExplainMarks | undefined;
  /** Bring the path (or its failing hop) into view when the key changes. */
  frame: { key: string; ids: ReadonlySet<string> } | undefined;
}

export function useExplainPath(
  view: ViewState,
  target: SourceTarget | undefined,
  topology: Topology | undefined,
): ExplainPath {
  const { from, to, hostname, clientGroup, port } = view;
  // Only the check's own fields matter (the view object changes with every URL change).
  const params = useMemo(
    () => explainParamsOf({ ...EMPTY_VIEW, from, to, hostname, clientGroup, port }),
    [from, to, hostname, clientGroup, port],
  );
  const answer = useQuery({
    ...explainQuery(target ?? NO_TARGET, params ?? NO_PARAMS),
    enabled: target !== undefined && params !== undefined && topology !== undefined,
  });
  const data = answer.data;
  const shown =
    params !== undefined && view.panel !== "connect" && data !== undefined && data.from.vpcId === params.from;
  const marks = useMemo(() => (shown && data ? explainMarks(data) : undefined), [shown, data]);
  const updatedAt = answer.dataUpdatedAt;
  const frame = useMemo(
    () =>
      marks && params && topology
        ? {
            key: `explain|${params.from}|${params.to}|${params.hostname ?? ""}|${updatedAt}`,
            ids: frameIds(marks, indexTopology(topology)),
          }
        : undefined,
    [marks, params, updatedAt, topology],
  );
  return { params, marks, frame };
}
