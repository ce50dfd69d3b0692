import { describe, expect, it } from "vitest";
import { isGoing, isInProgress, isUsable, PHASE_IS_FINAL, statusClass, statusPhase } from "./status.js";

describe("one reading of AWS status words", () => {
  it.each([
    ["ACTIVE", "ready", "ok"],
    ["available", "ready", "ok"],
    ["Available", "ready", "ok"],
    ["HEALTHY", "ready", "ok"],
    ["CREATE_IN_PROGRESS", "pending", "pending"],
    ["UPDATE_IN_PROGRESS", "pending", "pending"],
    ["Pending", "pending", "pending"],
    ["DELETE_IN_PROGRESS", "deleting", "pending"],
    ["Deleting", "deleting", "pending"],
    ["CREATE_FAILED", "failed", "failed"],
    ["DELETE_FAILED", "failed", "failed"],
    ["PARTIAL", "failed", "failed"],
    ["rejected", "failed", "failed"],
    ["UNHEALTHY", "failed", "failed"],
    // The API and the console once disagreed here: a finished removal is gone, not broken.
    ["DELETED", "deleted", "other"],
  ] as const)("%s is %s (%s)", (word, phase, cls) => {
    expect(statusPhase(word)).toBe(phase);
    expect(statusClass(word)).toBe(cls);
  });

  it("words without a lifecycle are 'other', and nothing at all is no class", () => {
    expect(statusPhase("UNUSED")).toBeUndefined();
    expect(statusClass("UNUSED")).toBe("other");
    expect(statusClass(undefined)).toBeUndefined();
  });

  it("final phases stop polling; predicates agree with the table", () => {
    expect(PHASE_IS_FINAL.ready && PHASE_IS_FINAL.failed && PHASE_IS_FINAL.deleted).toBe(true);
    expect(PHASE_IS_FINAL.pending || PHASE_IS_FINAL.deleting).toBe(false);
    expect(isUsable("Available")).toBe(true);
    expect(isUsable("CREATE_IN_PROGRESS")).toBe(false);
    expect(isGoing("DELETE_IN_PROGRESS")).toBe(true);
    expect(isGoing("DELETE_FAILED")).toBe(false);
    expect(isInProgress("Pending")).toBe(true);
    expect(isInProgress("ACTIVE")).toBe(false);
  });
});
