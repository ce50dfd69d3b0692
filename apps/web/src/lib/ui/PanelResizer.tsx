/**
 * The left edge of the side panel, to drag (or, focused, to move with the arrow keys) to make the panel wider or
 * narrower. A window splitter in ARIA terms: role separator with its value.
 */
import type { KeyboardEvent, PointerEvent } from "react";

interface PanelResizerProps {
  width: number;
  min: number;
  max: number;
  onWidth(width: number): void;
}

const STEP = 24;

export function PanelResizer({ width, min, max, onWidth }: PanelResizerProps) {
  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    event.currentTarget.setPointerCapture(event.pointerId);
    event.preventDefault();
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId)) return;
    onWidth(window.innerWidth - event.clientX);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const next =
      event.key === "ArrowLeft"
        ? width + STEP
        : event.key === "ArrowRight"
          ? width - STEP
          : event.key === "Home"
            ? max
            : event.key === "End"
              ? min
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    onWidth(next);
  };
  return (
    <div
      className="panel-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Width of the side panel (drag, or arrow keys)"
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      data-testid="panel-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
    />
  );
}
