/**
 * The link "Copy link" puts on the clipboard: this view with the source and
 * region it resolved to (a teammate with other defaults sees the same), or —
 * in a snapshot — the snapshot's path with the view, no source or region.
 */
import type { SourceTarget } from "../features/topology/target";
import { serializeViewState, type ViewState } from "../lib/url-state";

export function shareUrl(
  view: ViewState,
  target: SourceTarget | undefined,
  location: { origin: string; pathname: string; href: string },
): string {
  if (!target) return location.href;
  const state = target.snapshot
    ? { ...view, source: undefined, region: undefined }
    : { ...view, source: target.source, region: target.region };
  return `${location.origin}${location.pathname}${serializeViewState(state)}`;
}
