/**
 * Moving the focus to something that is not drawn yet: a control asks (`requestFocus("connect-answer")`) and the
 * part that will show the answer takes the focus once it is on screen (`useFocusRequest`). Only an explicit choice
 * asks, so a page opened on a link to an answer leaves the focus where the browser puts it.
 */
import { useEffect, type RefObject } from "react";

let pending: string | undefined;

export function requestFocus(key: string): void {
  pending = key;
}

/** Whether a request for this key is waiting; taking it clears it. */
export function takeFocusRequest(key: string): boolean {
  if (pending !== key) return false;
  pending = undefined;
  return true;
}

/** Focuses the element once it is rendered, when a request for `key` is waiting. */
export function useFocusRequest(key: string, element: RefObject<HTMLElement | null>, ready = true): void {
  useEffect(() => {
    if (!ready || !element.current) return;
    if (takeFocusRequest(key)) element.current.focus({ preventScroll: false });
  });
}
