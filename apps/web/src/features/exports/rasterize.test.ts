import { describe, expect, it } from "vitest";
import { pngScale } from "./rasterize";

describe("pngScale", () => {
  it("draws at twice the size when the canvas holds it", () => {
    expect(pngScale(4300, 1400)).toBe(2);
  });

  it("stays within 16,384 px a side and 60 M pixels", () => {
    const wide = pngScale(20_000, 500);
    expect(20_000 * wide).toBeLessThanOrEqual(16_384);
    const big = pngScale(9000, 9000);
    expect(9000 * big * 9000 * big).toBeLessThanOrEqual(60_000_000 + 1);
  });

  it("refuses a drawing without a size", () => {
    expect(() => pngScale(0, 10)).toThrow(/no size \(0 × 10\)/);
  });
});
