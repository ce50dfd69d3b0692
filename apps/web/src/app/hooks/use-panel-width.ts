/** The side panel's width: the window's default (see lib/panel-width) until resized, then as left, per browser. */
import { useCallback, useEffect, useState } from "react";
import { clampPanelWidth, defaultPanelWidth } from "../../lib/panel-width";

const KEY = "lattice-atlas.panel-width";

function saved(): number | undefined {
  try {
    const value = Number(window.localStorage.getItem(KEY));
    return value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

export function usePanelWidth() {
  const [windowWidth, setWindowWidth] = useState(() => window.innerWidth);
  const [chosen, setChosen] = useState<number | undefined>(saved);
  useEffect(() => {
    const onResize = (): void => setWindowWidth(window.innerWidth);
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  const width = chosen === undefined ? defaultPanelWidth(windowWidth) : clampPanelWidth(chosen, windowWidth);
  const setWidth = useCallback((next: number) => {
    const clamped = clampPanelWidth(next, window.innerWidth);
    setChosen(clamped);
    try {
      window.localStorage.setItem(KEY, String(clamped));
    } catch {
      // Private mode: the width holds for this page only.
    }
  }, []);
  return { width, setWidth, min: clampPanelWidth(0, windowWidth), max: clampPanelWidth(Infinity, windowWidth) };
}
