/** Which diagram the console draws: as the URL says, else the overview for a large topology. */
import type { ViewState } from "../../../lib/url-state";
import { OVERVIEW_ABOVE } from "./aggregate";

export type DiagramLevel = "overview" | "detail";

export function diagramLevel(view: Pick<ViewState, "level">, nodeCount: number): DiagramLevel {
  return view.level ?? (nodeCount > OVERVIEW_ABOVE ? "overview" : "detail");
}

/** Whether the detailed projection (every node, laid out) is on screen: not in the table, not in the overview. */
export function drawsEveryNode(view: Pick<ViewState, "level" | "display">, nodeCount: number): boolean {
  return view.display !== "table" && diagramLevel(view, nodeCount) === "detail";
}
