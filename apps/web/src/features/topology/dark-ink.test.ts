import { describe, expect, it } from "vitest";
import { NODE_KIND_COLOR, PATTERN_COLOR } from "../../lib/node-kinds";
import { AA_TEXT, contrast, DARK_SURFACE, inkOnDark } from "./dark-ink";

describe("inkOnDark", () => {
  it("knows the contrast of black on white and of a colour on itself", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#475569", "#475569")).toBe(1);
  });

  it("lightens every kind's and pattern's ink until it reads on the dark surface (AA)", () => {
    for (const { ink } of [...Object.values(NODE_KIND_COLOR), ...Object.values(PATTERN_COLOR)]) {
      expect(contrast(ink, DARK_SURFACE)).toBeLessThan(AA_TEXT + 3); // the light inks do not read as they are…
      const dark = inkOnDark(ink);
      expect(contrast(dark, DARK_SURFACE), `${ink} → ${dark}`).toBeGreaterThanOrEqual(AA_TEXT);
    }
  });

  it("leaves an ink that already reads on dark as it is, and keeps the hue of one it lightens", () => {
    expect(inkOnDark("#e2e8f0")).toBe("#e2e8f0");
    const vpcAssociation = inkOnDark(PATTERN_COLOR.vpcAssociation.ink); // orange stays orange
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(vpcAssociation.slice(i, i + 2), 16)) as [number, number, number];
    expect(r).toBeGreaterThan(g);
    expect(g).toBeGreaterThan(b);
  });

  it("refuses what is not a colour", () => {
    expect(() => inkOnDark("red")).toThrow(/#rrggbb/);
  });
});
