/**
 * Nodes a change in flight touches, as the projection should draw them:
 * pending (dashed, "CREATE_IN_PROGRESS" / "Pending"), failed, or stalled (the
 * poll gave up). The actions feature works them out while it merges its
 * pending changes into the topology (merge-pending.ts) and hands them to the
 * projection with the view (ProjectionView.changeMarks).
 */
export type ChangeMark = "pending" | "failed" | "stalled";

/** Node id → its mark. */
export type ChangeMarks = ReadonlyMap<string, ChangeMark>;

export const NO_CHANGE_MARKS: ChangeMarks = new Map();

export const CHANGE_MARK_CLASS: Record<ChangeMark, string> = {
  pending: "is-change-pending",
  failed: "is-change-failed",
  stalled: "is-change-stalled",
};
