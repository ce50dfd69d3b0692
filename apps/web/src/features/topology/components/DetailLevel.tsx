/**
 * Keeps the diagram's words legible at every zoom: writes the level of detail
 * (see level-of-detail.ts) and the zoom the text is sized for onto the canvas
 * element — a data attribute and a CSS variable, no React render of any node —
 * and says beside the zoom buttons what the level leaves out.
 */
import { Panel, useStore } from "@xyflow/react";
import { memo, useLayoutEffect, type RefObject } from "react";
import { detailHint, detailLevel, textZoom } from "../level-of-detail";
import "../level-of-detail.css";

export const DetailLevel = memo(function DetailLevel({ canvas }: { canvas: RefObject<HTMLDivElement | null> }) {
  const zoom = useStore((s) => textZoom(s.transform[2]));
  const level = useStore((s) => detailLevel(s.transform[2]));
  useLayoutEffect(() => {
    const element = canvas.current;
    if (!element) return;
    element.dataset.detail = level;
    element.style.setProperty("--zoom", String(zoom));
  }, [canvas, level, zoom]);
  return (
    <Panel position="bottom-left" className="detail-level" data-testid="detail-level" data-level={level}>
      {detailHint(level)}
    </Panel>
  );
});
