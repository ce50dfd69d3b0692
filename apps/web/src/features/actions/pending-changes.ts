/**
 * The changes this browser has made and is watching, per source/region: what
 * was executed, what AWS last said (status, phase, DNS names, failure), and
 * the poll that keeps asking until it settles. A small external store (no
 * React inside) read with useSyncExternalStore; the diagram merges it into
 * the topology (see merge-pending.ts), the sheet and the details panel read
 * one entry each.
 *
 * When a change settles, the store calls `onSettled` once: the app then
 * invalidates the topology and connect answers of that source/region, and
 * the entry stays until the refetched topology shows the result (prune).
 * With a `storage`, changes in flight survive a reload: `restore()` takes
 * them back and polls again (see saved-changes.ts).
 */
import type {
  Action,
  ExecuteResponse,
  PollableKind,
  ResourceKind,
  StatusDnsEntry,
  StatusPhase,
  StatusResponse,
  Topology,
} from "@lattice-atlas/shared";
import type { ApiError } from "../../lib/api-error";
import { toApiError } from "../../lib/api-error";
import type { SourceTarget } from "../topology/target";
import { indexTopology } from "../topology/topology-index";
import {
  DEFAULT_BACKOFF,
  DEFAULT_DEADLINE_MS,
  pollUntilSettled,
  sleep as realSleep,
  type BackoffOptions,
} from "./polling";
import { isRemoval } from "./kinds";

/** What AWS said last, plus "timeout": the poll gave up before a final state. */
type ChangePhase = StatusPhase | "timeout";

export interface PendingChange {
  /** `${source}|${region}|${id}` */
  key: string;
  target: SourceTarget;
  action: Action;
  kind: ResourceKind;
  id: string;
  arn?: string | undefined;
  clientToken: string;
  requestId?: string | undefined;
  /** AWS's own word: CREATE_IN_PROGRESS, Pending, ACTIVE, Available, DELETE_IN_PROGRESS … */
  status: string;
  phase: ChangePhase;
  done: boolean;
  failureCode?: string | undefined;
  failureReason?: string | undefined;
  recovery?: StatusResponse["recovery"];
  dnsEntries: readonly StatusDnsEntry[];
  /** The last poll that failed (network, throttling): shown, and the poll goes on. */
  pollError?: ApiError | undefined;
  startedAt: number;
  checkedAt?: string | undefined;
}

/** Where changes in flight are kept across reloads (localStorage: saved-changes.ts). */
export interface ChangeStorage {
  load(): readonly PendingChange[];
  save(changes: readonly PendingChange[]): void;
}

export interface PendingChangesDeps {
  readStatus(target: SourceTarget, kind: PollableKind, id: string, signal: AbortSignal): Promise<StatusResponse>;
  /** Once per change, when it reaches a final state (or right away for a change with nothing to poll). */
  onSettled(change: PendingChange): void;
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  deadlineMs?: number;
  backoff?: BackoffOptions;
  /** Where changes in flight are kept across reloads. */
  storage?: ChangeStorage;
}

export interface PendingChanges {
  subscribe(listener: () => void): () => void;
  /** Every entry; the same array until something changes. */
  all(): readonly PendingChange[];
  /** The entries of one source/region; the same array until one of them changes. */
  forTarget(target: SourceTarget): readonly PendingChange[];
  get(key: string): PendingChange | undefined;
  /** Record what an execution answered and start watching it. */
  track(target: SourceTarget, action: Action, execution: ExecuteResponse): PendingChange;
  /** Ask again after the poll gave up. */
  resume(key: string): void;
  /** Take back the changes in flight that the storage kept (a reload), and poll them again. Idempotent. */
  restore(): void;
  /** Forget an entry (and stop its poll). */
  dismiss(key: string): void;
  /** Drop settled entries the topology of their source/region now shows as they ended. */
  prune(target: SourceTarget, topology: Topology): void;
  /** Stop every poll (tests, unmount). */
  stopAll(): void;
}

export const changeKey = (target: SourceTarget, id: string): string => `${target.source}|${target.region}|${id}`;

/** What the status route answers for (a rule is final when EC2 answers). Spelled here to keep the schema module out of the bundle. */
const POLLABLE: Record<ResourceKind, boolean> = {
  vpcAssociation: true,
  resourceAssociation: true,
  serviceAssociation: true,
  vpcEndpoint: true,
  securityGroupRule: false,
  // Pending until its TXT record resolves, which can take days: the sheet shows the record, nothing polls.
  domainVerification: false,
};

function isPollable(kind: ResourceKind): kind is PollableKind {
  return POLLABLE[kind];
}

/** Whether the topology shows the change as it ended, so that the entry is no longer needed. */
export function reflectedIn(change: PendingChange, topology: Topology): boolean {
  if (!change.done) return false;
  const index = indexTopology(topology);
  const action = change.action;
  if (action.type === "add-ingress-rule") {
    const group = index.get(action.groupId, "securityGroup");
    return (
      group?.data.ingress.some(
        (rule) =>
          rule.fromPort === action.port &&
          rule.toPort === action.port &&
          ((action.sourceGroupId !== undefined && rule.sourceGroupId === action.sourceGroupId) ||
            (action.cidr !== undefined && rule.cidr === action.cidr)),
      ) ?? false
    );
  }
  const node = index.byId.get(change.id);
  if (isRemoval(action)) return change.phase === "deleted" || change.phase === "not-found" ? !node : false;
  // A failed creation stays: its failure reason and the "delete and recreate" offer live here.
  if (change.phase === "failed") return false;
  return node !== undefined;
}

export function createPendingChanges(deps: PendingChangesDeps): PendingChanges {
  const now = deps.now ?? (() => Date.now());
  const sleep = deps.sleep ?? realSleep;
  const entries = new Map<string, PendingChange>();
  const polls = new Map<string, AbortController>();
  const listeners = new Set<() => void>();
  let list: readonly PendingChange[] = [];
  const perTarget = new Map<string, readonly PendingChange[]>();

  const emit = (): void => {
    list = [...entries.values()];
    // Keep a target's array when none of its entries changed, so its diagram does not re-merge.
    for (const [targetKey, before] of perTarget) {
      const after = list.filter((c) => `${c.target.source}|${c.target.region}` === targetKey);
      if (after.length !== before.length || after.some((c, i) => c !== before[i])) perTarget.delete(targetKey);
    }
    for (const listener of listeners) listener();
    deps.storage?.save(list);
  };

  const update = (key: string, patch: Partial<PendingChange>): PendingChange | undefined => {
    const before = entries.get(key);
    if (!before) return undefined;
    const changed = (Object.keys(patch) as Array<keyof PendingChange>).some((k) => patch[k] !== before[k]);
    if (!changed) return before;
    const after = { ...before, ...patch };
    entries.set(key, after);
    emit();
    return after;
  };

  const fromStatus = (status: StatusResponse): Partial<PendingChange> => ({
    status: status.status,
    phase: status.phase,
    done: status.done,
    failureCode: status.failureCode,
    failureReason: status.failureReason,
    recovery: status.recovery,
    checkedAt: status.checkedAt,
    pollError: undefined,
  });

  const sameDns = (a: readonly StatusDnsEntry[], b: readonly StatusDnsEntry[]): boolean =>
    a.length === b.length && a.every((e, i) => e.name === b[i]?.name && e.private === b[i]?.private);

  const settle = (key: string): void => {
    const change = entries.get(key);
    if (change) deps.onSettled(change);
  };

  const startPoll = (key: string): void => {
    const change = entries.get(key);
    if (!change || !isPollable(change.kind)) return;
    const kind = change.kind;
    polls.get(key)?.abort();
    const controller = new AbortController();
    polls.set(key, controller);
    void pollUntilSettled(
      {
        read: (signal) => deps.readStatus(change.target, kind, change.id, signal),
        sleep,
        now,
        onUpdate: (status) => {
          const current = entries.get(key);
          if (!current) return;
          // Polls that say nothing new change nothing (no re-merge of the diagram).
          const patch = fromStatus(status);
          const dns = sameDns(current.dnsEntries, status.dnsEntries) ? current.dnsEntries : status.dnsEntries;
          const { checkedAt: _checkedAt, ...visible } = patch;
          const changed =
            (Object.keys(visible) as Array<keyof typeof visible>).some((k) => visible[k] !== current[k]) ||
            dns !== current.dnsEntries;
          if (changed) update(key, { ...patch, dnsEntries: dns });
        },
        onError: (error) => update(key, { pollError: toApiError(error) }),
      },
      {
        signal: controller.signal,
        deadlineMs: deps.deadlineMs ?? DEFAULT_DEADLINE_MS,
        backoff: deps.backoff ?? DEFAULT_BACKOFF,
      },
    ).then((outcome) => {
      if (polls.get(key) === controller) polls.delete(key);
      if (outcome.kind === "done") settle(key);
      else if (outcome.kind === "deadline") update(key, { phase: "timeout" });
    });
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    all: () => list,
    forTarget(target) {
      const targetKey = `${target.source}|${target.region}`;
      let cached = perTarget.get(targetKey);
      if (!cached) {
        cached = list.filter((c) => `${c.target.source}|${c.target.region}` === targetKey);
        perTarget.set(targetKey, cached);
      }
      return cached;
    },
    get: (key) => entries.get(key),
    track(target, action, execution) {
      const key = changeKey(target, execution.resource.id);
      const pollable = isPollable(execution.resource.kind);
      const change: PendingChange = {
        key,
        target: { source: target.source, region: target.region },
        action,
        kind: execution.resource.kind,
        id: execution.resource.id,
        arn: execution.resource.arn,
        clientToken: execution.clientToken,
        requestId: execution.requestId,
        status: execution.resource.status,
        // A rule is in place as soon as EC2 answers; the rest is in flight until a poll says otherwise.
        phase: pollable ? (isRemoval(action) ? "deleting" : "pending") : "ready",
        done: !pollable,
        dnsEntries: [],
        startedAt: now(),
      };
      polls.get(key)?.abort();
      entries.set(key, change);
      emit();
      if (pollable) startPoll(key);
      else settle(key);
      return change;
    },
    resume(key) {
      const change = entries.get(key);
      if (!change || change.done || polls.has(key)) return;
      update(key, { phase: isRemoval(change.action) ? "deleting" : "pending", startedAt: now() });
      startPoll(key);
    },
    restore() {
      const saved = deps.storage?.load() ?? [];
      let added = false;
      for (const change of saved) {
        if (entries.has(change.key)) continue;
        entries.set(change.key, change);
        added = true;
      }
      if (added) emit();
      for (const change of entries.values())
        if (!change.done && change.phase !== "timeout" && !polls.has(change.key)) startPoll(change.key);
    },
    dismiss(key) {
      polls.get(key)?.abort();
      polls.delete(key);
      if (entries.delete(key)) emit();
    },
    prune(target, topology) {
      let removed = false;
      for (const change of entries.values()) {
        if (change.target.source !== target.source || change.target.region !== target.region) continue;
        if (reflectedIn(change, topology)) {
          entries.delete(change.key);
          removed = true;
        }
      }
      if (removed) emit();
    },
    stopAll() {
      for (const controller of polls.values()) controller.abort();
      polls.clear();
    },
  };
}
