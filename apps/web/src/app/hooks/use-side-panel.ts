/**
 * Which side panel shows: the one the URL asks for when it has something to
 * show (details need a selection, "Connect from" a VPC, a check its ends). It
 * follows the URL one painted frame later, so that a click paints the
 * selection first; so does the selection the details show.
 */
import type { ExplainParams } from "../../features/explain/request";
import { useAfterNextPaint } from "../../lib/use-after-paint";
import type { PanelId, ViewState } from "../../lib/url-state";

function wantedPanel(view: ViewState, check: ExplainParams | undefined): PanelId | undefined {
  if (view.panel === "explain") return check ? "explain" : undefined;
  if (view.panel === "connect") return view.from ? "connect" : undefined;
  if (view.panel === "details") return view.selected ? "details" : undefined;
  return view.panel;
}

export function useSidePanel(view: ViewState, check: ExplainParams | undefined) {
  const panel = useAfterNextPaint(wantedPanel(view, check));
  const detailsId = useAfterNextPaint(view.selected);
  return { panel, detailsId };
}
