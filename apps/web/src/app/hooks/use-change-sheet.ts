/**
 * The change in the making: the "+" menu of a node, and the change sheet with
 * what it was opened for (a SheetRequest) and the element to give the focus
 * back to when it closes. Another source or region closes both: they were
 * about the previous one.
 */
import { useCallback, useEffect, useState } from "react";
import type { ChangeIntent } from "../../features/actions/kinds";
import type { ChangeMenuState } from "../../features/actions/components/ChangeMenu";
import type { SheetRequest } from "../../features/actions/sheet-request";
import type { SourceTarget } from "../../features/topology/target";

export interface OpenSheet {
  request: SheetRequest;
  /** A fresh key per opening: a new sheet, a new client token. */
  key: number;
  opener: Element | null;
}

export function useChangeSheet(target: SourceTarget | undefined) {
  const [menu, setMenu] = useState<ChangeMenuState | undefined>(undefined);
  const [sheet, setSheet] = useState<OpenSheet | undefined>(undefined);
  const startChange = useCallback((request: SheetRequest, opener?: Element | null) => {
    setMenu(undefined);
    setSheet({ request, key: Date.now(), opener: opener ?? document.activeElement });
  }, []);
  const closeSheet = useCallback(() => {
    setSheet((current) => {
      const opener = current?.opener;
      if (opener instanceof HTMLElement && opener.isConnected) window.setTimeout(() => opener.focus(), 0);
      return undefined;
    });
  }, []);
  const openMenu = useCallback((nodeId: string, anchor: HTMLElement) => setMenu({ nodeId, anchor }), []);
  const closeMenu = useCallback(() => setMenu(undefined), []);
  const chooseFromMenu = useCallback(
    (intent: ChangeIntent, anchor: HTMLElement) => startChange({ intent }, anchor),
    [startChange],
  );
  useEffect(() => {
    setMenu(undefined);
    setSheet(undefined);
  }, [target]);
  return { menu, sheet, startChange, closeSheet, openMenu, closeMenu, chooseFromMenu };
}

export type ChangeSheetState = ReturnType<typeof useChangeSheet>;
