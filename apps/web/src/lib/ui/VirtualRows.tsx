/**
 * A list of cards of varying height inside a panel that scrolls (or, on a phone, inside the page): up to `whole`
 * items are drawn as they are; a longer list draws only what is in view and a few more (@tanstack/react-virtual,
 * each card measured once drawn). Several lists may share one scroller: each finds what scrolls it and where it
 * starts in it. The item holding the keyboard focus stays drawn while it is scrolled away, and Tab reaches the next
 * card because the focus scrolls it into view and the list draws what follows. The list says how many of what it
 * lists are not drawn (`data-hidden`).
 */
import { useVirtualizer, useWindowVirtualizer, type Range } from "@tanstack/react-virtual";
import {
  Fragment,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type ReactNode,
} from "react";
import { hiddenWeight, offsetInScroller, rangeWithKept } from "../virtual-range";

interface VirtualRowsProps<T> {
  items: readonly T[];
  itemKey(item: T): string;
  render(item: T): ReactNode;
  /** A first guess at an item's height in pixels, before it is measured. */
  estimate(item: T): number;
  /** How many things an item stands for while it is not drawn (a folded group: its count); 1 by default. */
  weight?(item: T): number;
  /** Lists up to this long are drawn whole (find-in-page sees every word). */
  whole?: number;
  testId?: string;
}

const WHOLE = 30;
const OVERSCAN = 4;
const one = (): number => 1;

export function VirtualRows<T>(props: VirtualRowsProps<T>) {
  if (props.items.length <= (props.whole ?? WHOLE))
    return (
      <>
        {props.items.map((item) => (
          <Fragment key={props.itemKey(item)}>{props.render(item)}</Fragment>
        ))}
      </>
    );
  return <Virtualised {...props} />;
}

type Scroller = Element | Window;

/** The nearest ancestor that scrolls, or the page. */
function scrollerOf(element: Element): Scroller {
  for (let el = element.parentElement; el && el !== document.body; el = el.parentElement) {
    if (/(auto|scroll|overlay)/.test(getComputedStyle(el).overflowY)) return el;
  }
  return window;
}

function marginIn(list: Element, scroller: Scroller): number {
  const top = list.getBoundingClientRect().top;
  return scroller instanceof Element
    ? offsetInScroller(top, scroller.getBoundingClientRect().top, scroller.scrollTop)
    : offsetInScroller(top, 0, window.scrollY);
}

function Virtualised<T>({ items, itemKey, render, estimate, weight = one, testId }: VirtualRowsProps<T>) {
  const list = useRef<HTMLDivElement>(null);
  const [scroller, setScroller] = useState<Scroller | undefined>(undefined);
  const [margin, setMargin] = useState(0);
  const [focusedKey, setFocusedKey] = useState<string | undefined>(undefined);

  // What scrolls the list (the side panel; the page on a phone), and where the list starts in it: again whenever
  // something in the scroller changes size (a card above measured, a group opened, the filter's count).
  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return;
    const found = scrollerOf(el);
    setScroller(found);
    const place = () => setMargin(marginIn(el, found));
    place();
    const observer = new ResizeObserver(place);
    const content = found instanceof Element ? [...found.children] : [document.body];
    for (const child of content) observer.observe(child);
    window.addEventListener("resize", place);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", place);
    };
  }, []);

  const focused = useMemo(
    () => (focusedKey === undefined ? undefined : items.findIndex((item) => itemKey(item) === focusedKey)),
    [focusedKey, items, itemKey],
  );
  const rangeExtractor = useCallback((range: Range) => rangeWithKept(range, focused), [focused]);
  const common = {
    count: items.length,
    estimateSize: (index: number) => estimate(items[index]!),
    getItemKey: (index: number) => itemKey(items[index]!),
    overscan: OVERSCAN,
    rangeExtractor,
    scrollMargin: margin,
  };
  const inPanel = useVirtualizer({
    ...common,
    getScrollElement: () => (scroller instanceof Element ? scroller : null),
    enabled: scroller instanceof Element,
  });
  const onPage = useWindowVirtualizer({ ...common, enabled: scroller === window });
  const virtualizer = scroller === window ? onPage : inPanel;
  const drawn = virtualizer.getVirtualItems();

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const row = (event.target as Element).closest<HTMLElement>("[data-row-key]");
    if (row && list.current?.contains(row)) setFocusedKey(row.dataset.rowKey);
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!list.current?.contains(event.relatedTarget as Node | null)) setFocusedKey(undefined);
  };

  return (
    <div
      ref={list}
      className="virtual-rows"
      data-testid={testId}
      data-count={items.length}
      data-hidden={hiddenWeight(
        items,
        drawn.map((d) => d.index),
        weight,
      )}
      style={{ position: "relative", height: virtualizer.getTotalSize() }}
      onFocus={onFocus}
      onBlur={onBlur}
    >
      {drawn.map((row) => (
        <div
          key={row.key as string}
          ref={virtualizer.measureElement}
          data-index={row.index}
          data-row-key={row.key as string}
          // flow-root: a card's margin counts in the measured height instead of collapsing through.
          style={{
            position: "absolute",
            top: 0,
            left: 0,
            width: "100%",
            display: "flow-root",
            transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
          }}
        >
          {render(items[row.index]!)}
        </div>
      ))}
    </div>
  );
}
