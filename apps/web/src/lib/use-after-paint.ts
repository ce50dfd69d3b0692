/**
 * A value that follows its input one painted frame later. The click that
 * selects a node paints its feedback (the selection) first; the side panel,
 * a large area of text to lay out and rasterise, follows in the next frame
 * — the "yield before heavy work" pattern that keeps interactions fast.
 */
import { useEffect, useState } from "react";

export function useAfterNextPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    let timeout: number | undefined;
    const frame = requestAnimationFrame(() => {
      timeout = window.setTimeout(() => setShown(value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timeout);
    };
  }, [value, shown]);
  return shown;
}
