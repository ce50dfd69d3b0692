import { describe, expect, it } from "vitest";
import { clampPanelWidth, defaultPanelWidth, PANEL_MIN_WIDTH } from "./panel-width";

describe("panel width", () => {
  it("is wider on a wide window, within 460–560 px", () => {
    expect(defaultPanelWidth(1280)).toBe(461);
    expect(defaultPanelWidth(1440)).toBe(518);
    expect(defaultPanelWidth(1920)).toBe(560);
  });

  it("keeps a usable diagram beside it, and never goes below its minimum", () => {
    expect(clampPanelWidth(2000, 1440)).toBe(880);
    expect(clampPanelWidth(100, 1440)).toBe(PANEL_MIN_WIDTH);
    expect(clampPanelWidth(500, 800)).toBe(PANEL_MIN_WIDTH);
    expect(clampPanelWidth(Number.NaN, 1440)).toBe(460);
    expect(clampPanelWidth(612.4, 1440)).toBe(612);
  });
});
