import { describe, expect, it } from "vitest";
import { hiddenWeight, offsetInScroller, rangeWithKept } from "./virtual-range";

describe("rangeWithKept", () => {
  const range = { startIndex: 10, endIndex: 14, overscan: 2, count: 100 };

  it("draws the visible window with its overscan, clamped to the list", () => {
    expect(rangeWithKept(range, undefined)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(rangeWithKept({ startIndex: 0, endIndex: 2, overscan: 3, count: 4 }, undefined)).toEqual([0, 1, 2, 3]);
  });

  it("keeps the focused item drawn when it scrolls out, before or after the window, in order", () => {
    expect(rangeWithKept(range, 3)).toEqual([3, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(rangeWithKept(range, 40)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 40]);
  });

  it("adds nothing for a focused item already drawn, or one that is no longer in the list", () => {
    expect(rangeWithKept(range, 12)).toHaveLength(9);
    expect(rangeWithKept(range, 100)).toHaveLength(9);
    expect(rangeWithKept(range, -1)).toHaveLength(9);
  });
});

describe("hiddenWeight", () => {
  it("sums what the items not drawn stand for", () => {
    const items = [{ n: 1 }, { n: 40 }, { n: 1 }, { n: 7 }];
    expect(hiddenWeight(items, [0, 1], (i) => i.n)).toBe(8);
    expect(hiddenWeight(items, [], (i) => i.n)).toBe(49);
    expect(hiddenWeight(items, [0, 1, 2, 3], (i) => i.n)).toBe(0);
  });
});

describe("offsetInScroller", () => {
  it("is the list's top in the scroller's content, whatever is scrolled", () => {
    // The panel's top at 60 px on screen, scrolled by 500 px; the list's top at 20 px on screen → 460 px in.
    expect(offsetInScroller(20, 60, 500)).toBe(460);
    expect(offsetInScroller(300.4, 60, 0)).toBe(240);
    // The page itself scrolls (a phone): its top is 0.
    expect(offsetInScroller(-200, 0, 1000)).toBe(800);
  });
});
