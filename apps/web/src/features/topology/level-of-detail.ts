/**
 * What the diagram writes at a given zoom, so that every word on screen stays
 * legible (≥ 11 px) however far out the camera is:
 *  - "full"    (zoom ≥ 1.05): captions, names, ids, status, rule labels;
 *  - "names"   (0.4 ≤ zoom < 1.05): names only, set larger in the drawing so that they stay ≥ 11 px on screen;
 *  - "outline" (zoom < 0.4): no words inside nodes (coloured blocks and lines), zoom in to read.
 * The canvas carries the level as a data attribute and the zoom as a CSS variable (see level-of-detail.css).
 */
export type DetailLevel = "full" | "names" | "outline";

/** The smallest text the diagram puts on screen, in CSS pixels. */
export const MIN_SCREEN_TEXT_PX = 11.5;
/** From this zoom up, every line of a node is drawn (its smallest text, 10.5 px, is then ≥ 11 px on screen). */
export const FULL_DETAIL_ZOOM = 1.05;
/** From this zoom up, names are drawn (below it, a name would not fit its node at a legible size). */
export const NAMES_ZOOM = 0.4;

export function detailLevel(zoom: number): DetailLevel {
  if (zoom >= FULL_DETAIL_ZOOM) return "full";
  if (zoom >= NAMES_ZOOM) return "names";
  return "outline";
}

/**
 * The zoom the text sizes are computed for, rounded down to a 20th: text is never smaller than intended, and the
 * styles are recomputed at most every 5 % of zoom rather than on every frame of a zoom gesture.
 */
export function textZoom(zoom: number): number {
  if (!Number.isFinite(zoom) || zoom <= 0) return 1;
  return Math.max(0.05, Math.floor(zoom * 20) / 20);
}

/** What the level tells the reader, beside the zoom buttons. */
export function detailHint(level: DetailLevel): string {
  switch (level) {
    case "full":
      return "All details";
    case "names":
      return "Names only · zoom in for ids and details";
    case "outline":
      return "Outline · zoom in to read names";
  }
}
