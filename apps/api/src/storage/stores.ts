/**
 * The store interfaces a team server needs, one shape for both back ends: SQLite (the laptop's files,
 * wrapping today's stores unchanged) and PostgreSQL (`postgres-store.ts`). Asynchronous because a network
 * database is; the SQLite side answers at once.
 * Not yet used by the routes (they still call the laptop stores directly): see the README's "Open work".
 */
import type { SavedView } from "@lattice-atlas/shared";
import type { AuditRecord, AuditStore, ExecutionKey } from "../actions/audit-store.js";
import { AppError } from "../errors.js";
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
  ): Promise<boolean>;
  /** Releases a claimed token whose call failed, so that a retry runs again. */
  release(key: ExecutionKey): Promise<void>;
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

/**
 * The laptop's claims. Its audit file has no user columns (the laptop has no sign-in, and its schema stays
 * as it is), so a record that names a user is refused rather than stored without it: team mode runs on
 * PostgreSQL.
 */
export function sqliteClaims(store: AuditStore): ExecutionClaims {
  return {
    claim: async (key, fingerprint, action, at, intent) => {
      if (intent?.user !== undefined || intent?.roleSessionName !== undefined) {
        throw new AppError("STORAGE_UNAVAILABLE", "The SQLite audit log cannot record who made a change.", {
          hint: "Team mode (signed-in users) runs on PostgreSQL: start with --store postgres --database-url <url>.",
        });
      }
      return store.beginExecution(key, fingerprint, action, at, intent);
    },
    release: async (key) => store.dropExecution(key),
  };
}
