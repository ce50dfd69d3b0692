/** Opening a check is a change of the URL (panel=explain, from, to …): any component can ask for it. */
import { navigateView } from "../../lib/use-view-state";
import { explainViewPatch, type ExplainParams } from "./request";

export function openExplain(params: ExplainParams): void {
  navigateView(explainViewPatch(params));
}
