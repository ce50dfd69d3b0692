/**
 * What a handler can see beyond its own account and region: the global state
 * (IAM, Organizations, STS sessions) and other accounts' region states, for
 * cross-account sharing. States reached here are settled (their due lifecycle
 * transitions applied) like the caller's own.
 */
import type { GlobalState } from "./global.js";
import type { RegionState } from "./region.js";

export interface World {
  readonly global: GlobalState;
  /** Another account's state in a region; undefined when that account has nothing there (never creates one). */
  peek(accountId: string, region: string): RegionState | undefined;
  /** Another account's state in a region, created when missing. */
  state(accountId: string, region: string): RegionState;
  /** Every account's state in a region. */
  statesIn(region: string): RegionState[];
  /**
   * A value derived from the sharing state (RAM shares, the organization),
   * computed once and kept until `sharingChanged` is called.
   */
  derived<T>(key: string, compute: () => T): T;
  /** Drops the `derived` values: call after changing shares, invitations or the organization. */
  sharingChanged(): void;
}
