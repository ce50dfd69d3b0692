/**
 * The pure parts of a virtualised list of cards (lib/ui/VirtualRows.tsx): which items are drawn (the window the
 * virtualiser asks for, plus the item holding the keyboard focus, so that scrolling never takes the focus away), how
 * many of the things listed stand outside what is drawn (a benchmark and a screen reader's count read it), and where
 * a list starts inside what scrolls it.
 */

/** What @tanstack/virtual-core passes to a range extractor. */
export interface VisibleRange {
  startIndex: number;
  endIndex: number;
  overscan: number;
  count: number;
}

/** The indexes to draw: the visible window with its overscan, and `keep` (the focused item) when it lies outside. */
export function rangeWithKept(range: VisibleRange, keep: number | undefined): number[] {
  const start = Math.max(range.startIndex - range.overscan, 0);
  const end = Math.min(range.endIndex + range.overscan, range.count - 1);
  const indexes: number[] = [];
  for (let i = start; i <= end; i++) indexes.push(i);
  if (keep === undefined || keep < 0 || keep >= range.count || (keep >= start && keep <= end)) return indexes;
  return keep < start ? [keep, ...indexes] : [...indexes, keep];
}

/**
 * How many things the items not drawn stand for: an item is one target by default, a folded group the count of its
 * targets (`weight`).
 */
export function hiddenWeight<T>(items: readonly T[], drawn: Iterable<number>, weight: (item: T) => number): number {
  const shown = new Set(drawn);
  let hidden = 0;
  items.forEach((item, index) => {
    if (!shown.has(index)) hidden += weight(item);
  });
  return hidden;
}

/** The top of a list inside what scrolls it, in that scroller's content coordinates (`scrollMargin`). */
export function offsetInScroller(listTop: number, scrollerTop: number, scrollTop: number): number {
  return Math.round(listTop - scrollerTop + scrollTop);
}
