import { describe, expect, it } from "vitest";
import { nextRovingIndex } from "./roving";

describe("nextRovingIndex", () => {
  it("moves forward and back, stopping at the ends", () => {
    expect(nextRovingIndex(0, 3, "ArrowDown")).toBe(1);
    expect(nextRovingIndex(2, 3, "ArrowDown")).toBe(2);
    expect(nextRovingIndex(1, 3, "ArrowUp")).toBe(0);
    expect(nextRovingIndex(0, 3, "ArrowLeft")).toBe(0);
  });

  it("goes to the first and the last with Home and End", () => {
    expect(nextRovingIndex(1, 5, "Home")).toBe(0);
    expect(nextRovingIndex(1, 5, "End")).toBe(4);
  });

  it("ignores the keys of the other orientation and every other key", () => {
    expect(nextRovingIndex(0, 3, "ArrowRight", "vertical")).toBeUndefined();
    expect(nextRovingIndex(0, 3, "ArrowDown", "horizontal")).toBeUndefined();
    expect(nextRovingIndex(0, 3, "ArrowRight", "horizontal")).toBe(1);
    expect(nextRovingIndex(0, 3, "Tab")).toBeUndefined();
    expect(nextRovingIndex(0, 3, "a")).toBeUndefined();
  });

  it("has nowhere to go in an empty group", () => {
    expect(nextRovingIndex(0, 0, "ArrowDown")).toBeUndefined();
  });
});
