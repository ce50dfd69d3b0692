/**
 * The side panel's width: wider on wide windows (long DNS names get room), and
 * resizable within bounds that always leave the diagram a usable part.
 */
export const PANEL_MIN_WIDTH = 360;
const PANEL_MAX_WIDTH = 900;
/** What the left rail and a usable strip of diagram need beside the panel. */
const LEFT_OF_PANEL = 560;

export function clampPanelWidth(width: number, windowWidth: number): number {
  const max = Math.max(PANEL_MIN_WIDTH, Math.min(PANEL_MAX_WIDTH, windowWidth - LEFT_OF_PANEL));
  if (!Number.isFinite(width)) return Math.min(460, max);
  return Math.round(Math.min(max, Math.max(PANEL_MIN_WIDTH, width)));
}

/** 36 % of the window, between 460 and 560 px (clamped to what the window allows). */
export function defaultPanelWidth(windowWidth: number): number {
  return clampPanelWidth(Math.min(560, Math.max(460, windowWidth * 0.36)), windowWidth);
}
