import { describe, expect, it } from "vitest";
import { textWidth } from "./text-metrics";

describe("textWidth", () => {
  it("gives monospace text 0.6 em a character", () => {
    expect(textWidth("snra-0258ae5ca1fffbb4a", { font: "mono", size: 10 })).toBeCloseTo(22 * 6);
  });

  it("gives proportional text Helvetica's advances widened for other fonts, bold wider still", () => {
    const plain = textWidth("Wi", { font: "sans", size: 10 });
    expect(plain).toBeCloseTo((9.44 + 2.22) * 1.15);
    expect(textWidth("Wi", { font: "sans", size: 10, bold: true })).toBeCloseTo(plain * 1.1);
    expect(textWidth("mmmm", { font: "sans", size: 10 })).toBeGreaterThan(
      textWidth("iiii", { font: "sans", size: 10 }),
    );
  });

  it("counts a full em for what it has no table for", () => {
    expect(textWidth("東京", { font: "sans", size: 12 })).toBe(24);
    expect(textWidth("東京", { font: "mono", size: 12 })).toBe(24);
  });
});
