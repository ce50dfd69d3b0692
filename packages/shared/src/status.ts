/**
 * One reading of AWS's status words, for the API (polling, preflight, the
 * Lattice rules) and the console (badges, the status filter) alike.
 * Lattice says ACTIVE / CREATE_IN_PROGRESS / DELETE_FAILED, EC2 endpoints
 * Available / Pending / Deleting, RDS available / modifying, target health
 * HEALTHY / UNHEALTHY / UNUSED, domain verification VERIFIED / PENDING /
 * VERIFICATION_TIMED_OUT. Schema-free, so the browser bundle stays small.
 */

export const STATUS_PHASES = ["pending", "ready", "failed", "deleting", "deleted", "not-found"] as const;
export type StatusPhase = (typeof STATUS_PHASES)[number];

/** The groups the console shows and filters by. */
export const STATUS_CLASSES = ["ok", "pending", "failed", "other"] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** Upper-cased AWS word → phase. Words not listed fall back on their suffix (see statusPhase). */
const PHASE_OF_WORD: Readonly<Record<string, StatusPhase>> = {
  ACTIVE: "ready",
  AVAILABLE: "ready",
  HEALTHY: "ready",
  VERIFIED: "ready",
  PENDING: "pending",
  PENDINGACCEPTANCE: "pending",
  CREATING: "pending",
  UPDATING: "pending",
  MODIFYING: "pending",
  INITIAL: "pending",
  DRAINING: "pending",
  "BACKING-UP": "pending",
  NOT_YET_VISIBLE: "pending",
  DELETING: "deleting",
  DELETE_IN_PROGRESS: "deleting",
  DELETED: "deleted",
  FAILED: "failed",
  PARTIAL: "failed",
  REJECTED: "failed",
  EXPIRED: "failed",
  UNHEALTHY: "failed",
  UNAVAILABLE: "failed",
  VERIFICATION_TIMED_OUT: "failed",
};

/**
 * The phase of an AWS status word; `undefined` for words that say nothing
 * about a lifecycle (UNUSED, stopped …).
 */
export function statusPhase(status: string | undefined): StatusPhase | undefined {
  if (!status) return undefined;
  const word = status.toUpperCase();
  const listed = PHASE_OF_WORD[word];
  if (listed) return listed;
  if (word.endsWith("_FAILED")) return "failed";
  if (word.endsWith("_IN_PROGRESS")) return "pending";
  return undefined;
}

/** A phase is final (polling stops) when nothing more will happen without a new change. */
export const PHASE_IS_FINAL: Readonly<Record<StatusPhase, boolean>> = {
  pending: false,
  deleting: false,
  ready: true,
  failed: true,
  deleted: true,
  "not-found": true,
};

const CLASS_OF_PHASE: Readonly<Record<StatusPhase, StatusClass>> = {
  ready: "ok",
  pending: "pending",
  deleting: "pending",
  failed: "failed",
  // Gone is not broken: a removal that finished.
  deleted: "other",
  "not-found": "other",
};

/** The console's group for a status word. */
export function statusClass(status: string | undefined): StatusClass | undefined {
  if (!status) return undefined;
  const phase = statusPhase(status);
  return phase ? CLASS_OF_PHASE[phase] : "other";
}

/** Whether traffic can use it now (ACTIVE, Available, …). */
export const isUsable = (status: string | undefined): boolean => statusPhase(status) === "ready";
/** Whether it is going away or gone (DELETE_IN_PROGRESS, Deleting, DELETED; not DELETE_FAILED). */
export const isGoing = (status: string | undefined): boolean => {
  const phase = statusPhase(status);
  return phase === "deleting" || phase === "deleted";
};
/** Whether a change to it is still under way (CREATE_/UPDATE_/DELETE_IN_PROGRESS, Pending …). */
export const isInProgress = (status: string | undefined): boolean => {
  const phase = statusPhase(status);
  return phase === "pending" || phase === "deleting";
};
export const isFailed = (status: string | undefined): boolean => statusPhase(status) === "failed";
