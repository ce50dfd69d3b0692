/** Escape closes the side panel, unless something else handled it (a dialog, a menu) or the user is typing. */
import { useEffect } from "react";
import { useLatest } from "../../lib/use-latest";
import type { PanelId } from "../../lib/url-state";
import type { ViewUpdate } from "../../lib/use-view-state";

export function useEscapeClosesPanel(panel: PanelId | undefined, setView: (update: ViewUpdate) => void): void {
  const open = useLatest(panel !== undefined);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== "Escape" || (event.target as HTMLElement | null)?.closest("input, textarea, select")) return;
      if (event.defaultPrevented) return;
      if (open.current) setView({ panel: undefined });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [setView, open]);
}
