/**
 * Where the camera goes: the whole area when it fits at a readable zoom,
 * otherwise a readable zoom from the area's top left, where traffic starts.
 */
import type { Viewport } from "@xyflow/react";

const READABLE_ZOOM = 0.5;
const MAX_ZOOM = 1;
const MARGIN = 24;

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function viewportFor(
  area: Area,
  screen: { width: number; height: number },
  minZoom = READABLE_ZOOM,
  maxZoom = MAX_ZOOM,
): Viewport {
  const fit = Math.min(
    (screen.width - 2 * MARGIN) / Math.max(area.width, 1),
    (screen.height - 2 * MARGIN) / Math.max(area.height, 1),
  );
  const zoom = Math.min(maxZoom, Math.max(minZoom, fit));
  const width = area.width * zoom;
  const height = area.height * zoom;
  // Centre what fits; start at the left/top edge of what does not.
  const x = (width <= screen.width - 2 * MARGIN ? (screen.width - width) / 2 : MARGIN) - area.x * zoom;
  const y = (height <= screen.height - 2 * MARGIN ? (screen.height - height) / 2 : MARGIN) - area.y * zoom;
  return { x, y, zoom };
}
