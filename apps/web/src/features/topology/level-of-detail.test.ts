import { describe, expect, it } from "vitest";
import { detailHint, detailLevel, FULL_DETAIL_ZOOM, MIN_SCREEN_TEXT_PX, NAMES_ZOOM, textZoom } from "./level-of-detail";

describe("detailLevel", () => {
  it("draws everything near, names only in the middle, an outline far out", () => {
    expect(detailLevel(2)).toBe("full");
    expect(detailLevel(FULL_DETAIL_ZOOM)).toBe("full");
    expect(detailLevel(1)).toBe("names");
    expect(detailLevel(0.5)).toBe("names");
    expect(detailLevel(NAMES_ZOOM)).toBe("names");
    expect(detailLevel(0.39)).toBe("outline");
    expect(detailLevel(0.05)).toBe("outline");
  });

  it("switches to full detail only where the smallest node text (10.5 px) is legible on screen", () => {
    expect(10.5 * FULL_DETAIL_ZOOM).toBeGreaterThanOrEqual(11);
    expect(MIN_SCREEN_TEXT_PX).toBeGreaterThanOrEqual(11);
  });

  it("says what each level hides", () => {
    expect(detailHint("names")).toContain("zoom in for ids");
    expect(detailHint("outline")).toContain("zoom in to read names");
  });
});

describe("textZoom", () => {
  it("rounds down to a 20th, so text is never smaller than intended", () => {
    expect(textZoom(0.57)).toBe(0.55);
    expect(textZoom(1)).toBe(1);
    expect(textZoom(0.999)).toBe(0.95);
    // Text sized for the rounded zoom is at least the minimum on screen at the real one.
    for (const zoom of [0.41, 0.5, 0.63, 0.77, 0.99, 1.04]) {
      expect((MIN_SCREEN_TEXT_PX / textZoom(zoom)) * zoom).toBeGreaterThanOrEqual(MIN_SCREEN_TEXT_PX);
    }
  });

  it("never divides by zero", () => {
    expect(textZoom(0)).toBe(1);
    expect(textZoom(Number.NaN)).toBe(1);
    expect(textZoom(0.01)).toBe(0.05);
  });
});
