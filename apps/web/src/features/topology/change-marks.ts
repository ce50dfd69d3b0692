/**
 * Nodes a change in flight touches, as the projection should draw them:
 * pending (dashed, "CREATE_IN_PROGRESS" / "Pending"), failed, or stalled (the
 * poll gave up). The actions feature merges its pending changes into a copy
 * of the topology and marks that copy here; the projection reads the marks.
 */
import type { Topology } from "@lattice-atlas/shared";

export type ChangeMark = "pending" | "failed" | "stalled";

const marks = new WeakMap<Topology, ReadonlyMap<string, ChangeMark>>();
const NONE: ReadonlyMap<string, ChangeMark> = new Map();

export function markChanges(topology: Topology, byId: ReadonlyMap<string, ChangeMark>): void {
  marks.set(topology, byId);
}

export function changeMarksOf(topology: Topology): ReadonlyMap<string, ChangeMark> {
  return marks.get(topology) ?? NONE;
}

export const CHANGE_MARK_CLASS: Record<ChangeMark, string> = {
  pending: "is-change-pending",
  failed: "is-change-failed",
  stalled: "is-change-stalled",
};
