/**
 * The store interfaces a team server needs, one shape for both back ends: SQLite (the laptop's files,
 * wrapping today's stores unchanged) and PostgreSQL (`postgres-store.ts`). Asynchronous because a network
 * database is; the SQLite side answers at once.
 * The routes use these (never a back end directly), so a replica on PostgreSQL and a laptop on SQLite run
 * the same code.
 */
import type { AuditEntry, SavedView, SnapshotMeta, Topology } from "@lattice-atlas/shared";
import type {
  AuditRecord,
  AuditStore,
  Completion,
  ExecutionKey,
  ExecutionRecord,
  Settlement,
} from "../actions/audit-store.js";
import type { ViewsStore } from "./views-store.js";

export interface ViewRepository {
  createView(name: string, state: string): Promise<SavedView>;
  listViews(): Promise<SavedView[]>;
  getView(id: string): Promise<SavedView>;
  renameView(id: string, name: string): Promise<SavedView>;
  deleteView(id: string): Promise<void>;
}

/** Who made a change: the signed-in user and the role session name used for AWS (both absent on a laptop). */
export interface Actor {
  user?: string | undefined;
  roleSessionName?: string | undefined;
}

export interface ExecutionClaims {
  /**
   * Claims a client token before its call is made and writes the audit intent with it, in one transaction;
   * false when the token was claimed already (by this process or another one on the same database).
   */
  claim(
    key: ExecutionKey,
    fingerprint: string,
    action: string,
    at: string,
    intent?: AuditRecord & Actor,
    /** The replica making the call: it owns the execution and renews its lease while the call runs. */
    owner?: string,
  ): Promise<boolean>;
  /** Releases a claimed token whose call failed, so that a retry runs again. */
  release(key: ExecutionKey): Promise<void>;
}

export interface SnapshotRepository {
  createSnapshot(input: { name: string; takenAt: string; state: string; topology: Topology }): Promise<SnapshotMeta>;
  listSnapshots(): Promise<SnapshotMeta[]>;
  getSnapshot(id: string): Promise<{ meta: SnapshotMeta; topology: Topology }>;
  snapshotMeta(id: string): Promise<SnapshotMeta>;
  renameSnapshot(id: string, name: string): Promise<SnapshotMeta>;
  deleteSnapshot(id: string): Promise<void>;
}

/** A pending execution with the audit intent written with its claim. */
export type PendingExecution = ExecutionRecord<unknown> & { intent?: AuditEntry };

/**
 * Who runs a pending execution. The replica that claims one owns it and renews its lease (a heartbeat) while
 * the change runs; reconciliation settles only executions whose owner is gone, after adopting them.
 */
export interface ExecutionLeases {
  /**
   * How long a claim outlives its owner's last heartbeat (PostgreSQL: measured by the database's clock). Absent:
   * one process owns the store (the laptop's SQLite file), so another owner's claim is an orphan at once.
   */
  readonly leaseMs?: number | undefined;
  /** Pending executions whose owner is gone (never `owner`'s own), with their intent. */
  orphans(owner: string): Promise<PendingExecution[]>;
  /** Takes over a pending execution whose owner is gone (or `owner`'s own); false when it is live elsewhere or done. */
  adopt(key: ExecutionKey, owner: string): Promise<boolean>;
  /** The owner's heartbeat on the executions it runs now. */
  renew(keys: ExecutionKey[], owner: string): Promise<void>;
}

/**
 * The audit log and the executed client tokens: what the action routes, status polls and start-up
 * reconciliation use. Claims (from ExecutionClaims) are a database constraint on both back ends.
 */
export interface AuditRepository extends ExecutionClaims, ExecutionLeases {
  /** Appends an entry (credential-like inputs redacted); its id. */
  append(record: AuditRecord & Actor): Promise<number>;
  /** Newest first; `before` is the id the previous page ended at. Pending intents are not listed. */
  list(options: {
    limit: number;
    before?: number | undefined;
  }): Promise<{ entries: AuditEntry[]; nextBefore?: number }>;
  /** The latest change that produced `resourceId`. */
  lastChangeOf(resourceId: string): Promise<AuditEntry | undefined>;
  /** Records how the latest change of `resourceId` ended; false when there is none or it was recorded already. */
  settle(resourceId: string, settlement: Settlement): Promise<boolean>;
  execution<R>(key: ExecutionKey): Promise<ExecutionRecord<R> | undefined>;
  /** Completes an audit intent in place. */
  complete(auditId: number, completion: Completion): Promise<boolean>;
  pendingExecutions(): Promise<PendingExecution[]>;
  finish<R>(key: ExecutionKey, result: R, accountId?: string): Promise<void>;
}

export function sqliteViews(store: ViewsStore): ViewRepository {
  return {
    createView: async (name, state) => store.createView(name, state),
    listViews: async () => store.listViews(),
    getView: async (id) => store.getView(id),
    renameView: async (id, name) => store.renameView(id, name),
    deleteView: async (id) => store.deleteView(id),
  };
}

/** The laptop's claims (team mode on SQLite records the user too: schema 4 of audit-store.ts). */
export function sqliteClaims(store: AuditStore): ExecutionClaims {
  return {
    claim: async (key, fingerprint, action, at, intent, owner) =>
      store.beginExecution(key, fingerprint, action, at, intent, owner),
    release: async (key) => store.dropExecution(key),
  };
}

/** The laptop's audit file behind the repository interface. */
export function sqliteAudit(store: AuditStore): AuditRepository {
  return {
    ...sqliteClaims(store),
    append: async (record) => store.append(record),
    list: async (options) => store.list(options),
    lastChangeOf: async (resourceId) => store.lastChangeOf(resourceId),
    settle: async (resourceId, settlement) => store.settle(resourceId, settlement),
    execution: async (key) => store.execution(key),
    complete: async (auditId, completion) => store.complete(auditId, completion),
    pendingExecutions: async () => store.pendingExecutions(),
    orphans: async (owner) => store.orphanExecutions(owner),
    adopt: async (key, owner) => store.adoptExecution(key, owner),
    renew: async (keys, owner) => store.renewExecutions(keys, owner),
    finish: async (key, result, accountId) => store.finishExecution(key, result, accountId),
  };
}

/** The laptop's views file holds its snapshots too. */
export function sqliteSnapshots(store: ViewsStore): SnapshotRepository {
  return {
    createSnapshot: async (input) => store.createSnapshot(input),
    listSnapshots: async () => store.listSnapshots(),
    getSnapshot: async (id) => store.getSnapshot(id),
    snapshotMeta: async (id) => store.snapshotMeta(id),
    renameSnapshot: async (id, name) => store.renameSnapshot(id, name),
    deleteSnapshot: async (id) => store.deleteSnapshot(id),
  };
}
