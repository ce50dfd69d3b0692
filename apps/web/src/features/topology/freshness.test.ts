import { describe, expect, it } from "vitest";
import { ageText, freshness, isStale, shouldAutoRefresh } from "./freshness";

const at = "2026-03-01T10:00:00.000Z";
const t0 = Date.parse(at);
const min = 60_000;

describe("ageText", () => {
  it.each([
    [0, "just now"],
    [59_000, "just now"],
    [60_000, "1 min ago"],
    [7 * min + 30_000, "7 min ago"],
    [59 * min, "59 min ago"],
    [60 * min, "1 h ago"],
    [47 * 60 * min, "47 h ago"],
    [72 * 60 * min, "3 days ago"],
  ])("%i ms after → %s", (elapsed, text) => {
    expect(ageText(at, t0 + elapsed)).toBe(text);
  });

  it("never says a future time (a clock slightly ahead) and gives nothing for an unreadable time", () => {
    expect(ageText(at, t0 - 5_000)).toBe("just now");
    expect(ageText("yesterday", t0)).toBe("");
  });
});

describe("isStale", () => {
  it("is stale past the configured minutes, not at them", () => {
    expect(isStale(at, t0 + 10 * min, 10)).toBe(false);
    expect(isStale(at, t0 + 10 * min + 1, 10)).toBe(true);
    expect(isStale(at, t0 + 4_000, 0.05)).toBe(true);
  });

  it("is never stale when automatic refresh is off (0) or the age is unknown", () => {
    expect(isStale(at, t0 + 1000 * min, 0)).toBe(false);
    expect(isStale(at, t0 + 1000 * min, undefined)).toBe(false);
    expect(isStale("not a time", t0 + 1000 * min, 10)).toBe(false);
  });
});

describe("freshness", () => {
  const base = { discoveredAt: at, refreshAfterMinutes: 10, refreshing: false, snapshot: false };
  it("reads fresh, then stale past the age, and says when it refreshes", () => {
    expect(freshness({ ...base, now: t0 + 7 * min })).toEqual({ state: "fresh", text: "Read 7 min ago" });
    expect(freshness({ ...base, now: t0 + 12 * min })).toEqual({ state: "stale", text: "Read 12 min ago · stale" });
    expect(freshness({ ...base, now: t0 + 12 * min, refreshing: true }).state).toBe("refreshing");
  });

  it("a snapshot is never stale: it is frozen", () => {
    expect(freshness({ ...base, now: t0 + 1000 * min, snapshot: true }).state).toBe("snapshot");
  });
});

describe("shouldAutoRefresh", () => {
  const base = { discoveredAt: at, refreshAfterMinutes: 10, snapshot: false, alreadyTried: false };
  it("refreshes a stale live picture once", () => {
    expect(shouldAutoRefresh({ ...base, now: t0 + 11 * min })).toBe(true);
    expect(shouldAutoRefresh({ ...base, now: t0 + 11 * min, alreadyTried: true })).toBe(false);
    expect(shouldAutoRefresh({ ...base, now: t0 + 9 * min })).toBe(false);
  });

  it("never refreshes a snapshot, nor anything when the server turned it off", () => {
    expect(shouldAutoRefresh({ ...base, now: t0 + 99 * min, snapshot: true })).toBe(false);
    expect(shouldAutoRefresh({ ...base, now: t0 + 99 * min, refreshAfterMinutes: 0 })).toBe(false);
  });
});
