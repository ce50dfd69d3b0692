/**
 * Roving tabindex: a group of controls (a list of VPCs, a set of checkboxes, a card's buttons) is one stop of the
 * Tab key; the arrow keys, Home and End move inside it. The pure part is `nextRovingIndex`; `useRovingFocus` applies
 * it to the items of a container (those matching `[data-roving]`, or a selector of the caller's), keeping exactly one of them tabbable: the one last
 * focused, else the current one (`aria-pressed="true"`, `aria-current`), else the first.
 */
import { useCallback, useLayoutEffect, type FocusEvent, type KeyboardEvent, type RefObject } from "react";

export type RovingOrientation = "vertical" | "horizontal" | "both";

/** The index the key moves to from `current` among `count` items, or undefined when the key is not a move. */
export function nextRovingIndex(
  current: number,
  count: number,
  key: string,
  orientation: RovingOrientation = "both",
): number | undefined {
  if (count <= 0) return undefined;
  const back =
    orientation === "horizontal" ? ["ArrowLeft"] : orientation === "vertical" ? ["ArrowUp"] : ["ArrowUp", "ArrowLeft"];
  const forward =
    orientation === "horizontal"
      ? ["ArrowRight"]
      : orientation === "vertical"
        ? ["ArrowDown"]
        : ["ArrowDown", "ArrowRight"];
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  if (forward.includes(key)) return current < 0 ? 0 : Math.min(current + 1, count - 1);
  if (back.includes(key)) return current < 0 ? 0 : Math.max(current - 1, 0);
  return undefined;
}

export const ROVING_SELECTOR = "[data-roving]";

function items(container: HTMLElement, selector: string): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(selector)].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.closest("details:not([open]) > :not(summary)") === null,
  );
}

/** Which item is the group's tab stop: the one holding the focus, one marked current, or the first. */
function stopOf(list: HTMLElement[]): HTMLElement | undefined {
  return (
    list.find((el) => el === document.activeElement) ??
    list.find((el) => el.dataset.rovingStop === "true") ??
    list.find((el) => el.getAttribute("aria-pressed") === "true" || el.hasAttribute("aria-current")) ??
    list[0]
  );
}

/** Makes one item of the container tabbable (after each render) and moves the focus with the arrow keys. */
export function useRovingFocus(
  container: RefObject<HTMLElement | null>,
  orientation: RovingOrientation = "both",
  selector: string = ROVING_SELECTOR,
): { onKeyDown(event: KeyboardEvent): void; onFocus(event: FocusEvent): void } {
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const list = items(root, selector);
    const stop = stopOf(list);
    for (const el of list) el.tabIndex = el === stop ? 0 : -1;
  });
  const onFocus = useCallback(
    (event: FocusEvent) => {
      const root = container.current;
      const target = event.target as HTMLElement;
      if (!root || !target.matches(selector)) return;
      for (const el of items(root, selector)) {
        el.tabIndex = el === target ? 0 : -1;
        delete el.dataset.rovingStop;
      }
      target.dataset.rovingStop = "true";
    },
    [container, selector],
  );
  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      const root = container.current;
      if (!root || event.altKey || event.ctrlKey || event.metaKey) return;
      const list = items(root, selector);
      const current = list.indexOf(event.target as HTMLElement);
      if (current < 0) return;
      const next = nextRovingIndex(current, list.length, event.key, orientation);
      if (next === undefined) return;
      event.preventDefault();
      list[next]!.focus();
    },
    [container, orientation, selector],
  );
  return { onKeyDown, onFocus };
}
