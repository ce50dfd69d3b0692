/**
 * Status lifecycles (CREATE_IN_PROGRESS → ACTIVE, Pending → Available,
 * DELETE_IN_PROGRESS → gone). Transitions are stored with the region state and
 * applied lazily at the start of each request, so no timers run. Delays are 0
 * by default ("instant": the next call sees the final state) and set per kind
 * through the control API; a kind can also be told to fail its next creations.
 */
import type { PendingTransition, RegionState } from "./region.js";

export interface KindBinding {
  /** Where the records of this kind live. */
  collection: (state: RegionState) => Record<string, Record<string, unknown>>;
  statusField: string;
  failedStatus: string;
  failureFields: { code?: string; message: string };
  /** Called once a record is removed at the end of its deletion. */
  onRemoved?: (state: RegionState, id: string) => void;
}

export interface TransitionSettings {
  defaultDelayMs: number;
  delays: Record<string, number>;
  /** `after`: creations of the kind that still succeed before the failures start (0 when absent). */
  failures: Record<string, { remaining: number; code: string; message: string; after?: number }>;
}

export class Lifecycle {
  settings: TransitionSettings = { defaultDelayMs: 0, delays: {}, failures: {} };
  private readonly kinds = new Map<string, KindBinding>();

  register(kind: string, binding: KindBinding): void {
    this.kinds.set(kind, binding);
  }

  copyKindsTo(other: Lifecycle): void {
    for (const [kind, binding] of this.kinds) other.register(kind, binding);
  }

  knownKinds(): string[] {
    return [...this.kinds.keys()];
  }

  delayFor(kind: string): number {
    return this.settings.delays[kind] ?? this.settings.defaultDelayMs;
  }

  /** Schedules `id` to reach `finalStatus` (or its failed status, when a failure is armed). */
  scheduleCreate(state: RegionState, kind: string, id: string, finalStatus: string, now: number): void {
    const armed = this.settings.failures[kind];
    let failure: PendingTransition["failure"];
    let to = finalStatus;
    if (armed && armed.after) {
      armed.after -= 1;
    } else if (armed && armed.remaining > 0) {
      armed.remaining -= 1;
      if (armed.remaining === 0) delete this.settings.failures[kind];
      failure = { code: armed.code, message: armed.message };
      to = this.binding(kind).failedStatus;
    }
    state.pending.push({ kind, id, to, at: now + this.delayFor(kind), ...(failure ? { failure } : {}) });
  }

  scheduleStatus(state: RegionState, kind: string, id: string, status: string, now: number): void {
    state.pending.push({ kind, id, to: status, at: now + this.delayFor(kind) });
  }

  scheduleRemoval(state: RegionState, kind: string, id: string, now: number): void {
    state.pending = state.pending.filter((p) => !(p.kind === kind && p.id === id));
    state.pending.push({ kind, id, to: null, at: now + this.delayFor(kind) });
  }

  /** Applies every transition that is due (all of them with `everything`). */
  settle(state: RegionState, now: number, everything = false): void {
    if (state.pending.length === 0) return;
    const due = everything ? state.pending : state.pending.filter((p) => p.at <= now);
    if (due.length === 0) return;
    state.pending = everything ? [] : state.pending.filter((p) => p.at > now);
    for (const transition of due) this.apply(state, transition, now);
  }

  private apply(state: RegionState, transition: PendingTransition, now: number): void {
    const binding = this.binding(transition.kind);
    const records = binding.collection(state);
    const record = records[transition.id];
    if (!record) return;
    if (transition.to === null) {
      delete records[transition.id];
      binding.onRemoved?.(state, transition.id);
      return;
    }
    record[binding.statusField] = transition.to;
    if ("lastUpdatedAt" in record) record.lastUpdatedAt = new Date(now).toISOString();
    if (transition.failure) {
      if (binding.failureFields.code) record[binding.failureFields.code] = transition.failure.code;
      record[binding.failureFields.message] = transition.failure.message;
    }
  }

  private binding(kind: string): KindBinding {
    const binding = this.kinds.get(kind);
    if (!binding) throw new Error(`unknown lifecycle kind ${kind}`);
    return binding;
  }
}
