/**
 * The audit log of every change (and every refused or replayed request), and
 * the record of executed client tokens, in one embedded SQLite file under the
 * app's data folder. Schema changes are numbered migrations tracked by
 * `PRAGMA user_version`, so a newer server upgrades an older file in place.
 * Inputs are stored with anything credential-like redacted.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { AuditEntry, AuditOutcome } from "@lattice-atlas/shared";
import Database from "better-sqlite3";
import { AppError } from "../errors.js";

export const AUDIT_FILE = "atlas.sqlite";

/** Ordered: index i brings a file from user_version i to i + 1. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE audit (
     id             INTEGER PRIMARY KEY AUTOINCREMENT,
     at             TEXT NOT NULL,
     source         TEXT NOT NULL,
     account_id     TEXT,
     region         TEXT NOT NULL,
     action         TEXT NOT NULL,
     input          TEXT NOT NULL,
     outcome        TEXT NOT NULL,
     resource_kind  TEXT,
     resource_id    TEXT,
     status         TEXT,
     error_code     TEXT,
     aws_code       TEXT,
     request_id     TEXT,
     client_token   TEXT
   );
   CREATE INDEX audit_resource ON audit (resource_id, id);
   CREATE TABLE executions (
     source        TEXT NOT NULL,
     region        TEXT NOT NULL,
     client_token  TEXT NOT NULL,
     fingerprint   TEXT NOT NULL,
     action        TEXT NOT NULL,
     state         TEXT NOT NULL CHECK (state IN ('pending', 'done')),
     result        TEXT,
     account_id    TEXT,
     created_at    TEXT NOT NULL,
     PRIMARY KEY (source, region, client_token)
   );`,
  // 2: how a change ended (ACTIVE, CREATE_FAILED …), written when a status poll first sees it settled.
  `ALTER TABLE audit ADD COLUMN final_status TEXT;
   ALTER TABLE audit ADD COLUMN final_phase TEXT;
   ALTER TABLE audit ADD COLUMN failure_reason TEXT;
   ALTER TABLE audit ADD COLUMN settled_at TEXT;`,
  // 3: the audit intent, written with the claim before the AWS call ('pending' until the call answers, or
  //    until the next start-up reconciles it), linked from the execution it belongs to.
  `ALTER TABLE executions ADD COLUMN audit_id INTEGER;`,
  // 4: team mode on SQLite: who made a change, and the AWS role session name it was made under.
  `ALTER TABLE audit ADD COLUMN user_name TEXT;
   ALTER TABLE audit ADD COLUMN role_session_name TEXT;`,
  // 5: the process that claimed an execution and its last heartbeat (reconciliation settles only orphans).
  `ALTER TABLE executions ADD COLUMN owner TEXT;
   ALTER TABLE executions ADD COLUMN heartbeat_at TEXT;`,
];

export interface AuditRecord {
  at: string;
  source: string;
  accountId?: string | undefined;
  region: string;
  action: string;
  input: unknown;
  /** "pending": the intent, written before the AWS call; never listed, completed in place. */
  outcome: AuditOutcome | "pending";
  resourceKind?: string | undefined;
  resourceId?: string | undefined;
  status?: string | undefined;
  errorCode?: string | undefined;
  awsCode?: string | undefined;
  requestId?: string | undefined;
  clientToken?: string | undefined;
  /** Team mode: the signed-in user who asked for it. */
  user?: string | undefined;
  /** The AWS role session name the change was made under (only when its credentials came from an AssumeRole). */
  roleSessionName?: string | undefined;
}

export interface ExecutionKey {
  source: string;
  region: string;
  clientToken: string;
}

export interface ExecutionRecord<R> extends ExecutionKey {
  fingerprint: string;
  action: string;
  state: "pending" | "done";
  result?: R;
  accountId?: string;
  createdAt: string;
  /** The audit intent of this execution. */
  auditId?: number;
  /** The process (replica) that claimed it and renews its lease while the change runs. */
  owner?: string;
}

/** How an audit intent ended: the fields its entry gets when the call answered (or a reconcile found out). */
export type Completion = Pick<
  AuditRecord,
  "at" | "accountId" | "resourceKind" | "resourceId" | "status" | "errorCode" | "awsCode" | "requestId"
> & { outcome: AuditOutcome };

const SECRET_KEY =
  /secret|password|passphrase|credential|sessiontoken|session_token|accesskey|access_key|authorization|private_?key/i;

/** A deep copy with credential-like members replaced; never stores a secret that slipped into an input. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? "[redacted]" : redact(v),
      ]),
    );
  }
  if (typeof value === "string" && /\b(AKIA|ASIA)[A-Z0-9]{16}\b/.test(value)) return "[redacted]";
  return value;
}

interface AuditRow {
  id: number;
  at: string;
  source: string;
  account_id: string | null;
  region: string;
  action: string;
  input: string;
  outcome: AuditOutcome;
  resource_kind: string | null;
  resource_id: string | null;
  status: string | null;
  error_code: string | null;
  aws_code: string | null;
  request_id: string | null;
  client_token: string | null;
  final_status: string | null;
  final_phase: string | null;
  failure_reason: string | null;
  settled_at: string | null;
  user_name: string | null;
  role_session_name: string | null;
}

/** How a change ended, as the status poll read it. */
export interface Settlement {
  status: string;
  phase: string;
  failureReason?: string | undefined;
  at: string;
}

function toEntry(row: AuditRow): AuditEntry {
  const optional = (key: keyof AuditEntry, value: string | null) => (value === null ? {} : { [key]: value });
  return {
    id: row.id,
    at: row.at,
    source: row.source,
    region: row.region,
    action: row.action,
    input: JSON.parse(row.input) as Record<string, unknown>,
    outcome: row.outcome,
    ...optional("accountId", row.account_id),
    ...optional("resourceKind", row.resource_kind),
    ...optional("resourceId", row.resource_id),
    ...optional("status", row.status),
    ...optional("errorCode", row.error_code),
    ...optional("awsCode", row.aws_code),
    ...optional("requestId", row.request_id),
    ...optional("clientToken", row.client_token),
    ...optional("user", row.user_name),
    ...optional("roleSessionName", row.role_session_name),
    ...optional("finalStatus", row.final_status),
    ...optional("finalPhase", row.final_phase),
    ...optional("failureReason", row.failure_reason),
    ...optional("settledAt", row.settled_at),
  };
}

/** Opens (and migrates) the store in `dataDir`; without one, it lives in memory for the life of the process. */
export function openAuditStore(dataDir?: string) {
  let file = ":memory:";
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    file = path.join(dataDir, AUDIT_FILE);
  }
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  migrate(db);

  const insertAudit = db.prepare(
    `INSERT INTO audit (at, source, account_id, region, action, input, outcome, resource_kind, resource_id, status, error_code, aws_code, request_id, client_token, user_name, role_session_name)
     VALUES (@at, @source, @accountId, @region, @action, @input, @outcome, @resourceKind, @resourceId, @status, @errorCode, @awsCode, @requestId, @clientToken, @user, @roleSessionName)`,
  );
  // An intent still pending is not a change that happened (yet): the log lists what is known.
  const pageNewest = db.prepare(`SELECT * FROM audit WHERE outcome != 'pending' ORDER BY id DESC LIMIT ?`);
  const pageBefore = db.prepare(`SELECT * FROM audit WHERE id < ? AND outcome != 'pending' ORDER BY id DESC LIMIT ?`);
  const completeIntent = db.prepare(
    `UPDATE audit SET at = @at, outcome = @outcome, account_id = COALESCE(@accountId, account_id),
       resource_kind = COALESCE(@resourceKind, resource_kind), resource_id = @resourceId, status = @status,
       error_code = @errorCode, aws_code = @awsCode, request_id = @requestId
     WHERE id = @id AND outcome = 'pending'`,
  );
  const linkIntent = db.prepare(
    `UPDATE executions SET audit_id = ? WHERE source = ? AND region = ? AND client_token = ?`,
  );
  const pendingExecutions = db.prepare(`SELECT * FROM executions WHERE state = 'pending' ORDER BY created_at`);
  // One process owns the file (the laptop): a claim of any other process is an orphan at once.
  const orphanExecutions = db.prepare(
    `SELECT * FROM executions WHERE state = 'pending' AND (owner IS NULL OR owner != ?) ORDER BY created_at`,
  );
  const adoptExecution = db.prepare(
    `UPDATE executions SET owner = ?, heartbeat_at = ? WHERE source = ? AND region = ? AND client_token = ? AND state = 'pending'`,
  );
  const renewExecution = db.prepare(
    `UPDATE executions SET heartbeat_at = ? WHERE source = ? AND region = ? AND client_token = ? AND owner = ? AND state = 'pending'`,
  );
  const auditRow = db.prepare(`SELECT * FROM audit WHERE id = ?`);
  const lastChange = db.prepare(
    `SELECT * FROM audit WHERE resource_id = ? AND outcome IN ('succeeded', 'replayed') ORDER BY id DESC LIMIT 1`,
  );
  // Only the latest change of that resource, and only once: the first poll that sees it settled writes it.
  const settleChange = db.prepare(
    `UPDATE audit SET final_status = @status, final_phase = @phase, failure_reason = @failureReason, settled_at = @at
     WHERE id = (SELECT id FROM audit WHERE resource_id = @resourceId AND outcome IN ('succeeded', 'replayed') ORDER BY id DESC LIMIT 1)
       AND settled_at IS NULL`,
  );
  const getExecution = db.prepare(`SELECT * FROM executions WHERE source = ? AND region = ? AND client_token = ?`);
  const insertExecution = db.prepare(
    `INSERT OR IGNORE INTO executions (source, region, client_token, fingerprint, action, state, result, created_at, owner, heartbeat_at)
     VALUES (?, ?, ?, ?, ?, 'pending', NULL, ?, ?, ?)`,
  );
  const finishExecution = db.prepare(
    `UPDATE executions SET state = 'done', result = ?, account_id = ? WHERE source = ? AND region = ? AND client_token = ?`,
  );
  const dropExecution = db.prepare(
    `DELETE FROM executions WHERE source = ? AND region = ? AND client_token = ? AND state = 'pending'`,
  );

  return {
    file,

    append(record: AuditRecord): number {
      const info = insertAudit.run({
        at: record.at,
        source: record.source,
        accountId: record.accountId ?? null,
        region: record.region,
        action: record.action,
        input: JSON.stringify(redact(record.input) ?? {}),
        outcome: record.outcome,
        resourceKind: record.resourceKind ?? null,
        resourceId: record.resourceId ?? null,
        status: record.status ?? null,
        errorCode: record.errorCode ?? null,
        awsCode: record.awsCode ?? null,
        requestId: record.requestId ?? null,
        clientToken: record.clientToken ?? null,
        user: record.user ?? null,
        roleSessionName: record.roleSessionName ?? null,
      });
      return Number(info.lastInsertRowid);
    },

    /** Newest first; `before` is the id the previous page ended at. */
    list(options: { limit: number; before?: number | undefined }): { entries: AuditEntry[]; nextBefore?: number } {
      const rows = (
        options.before === undefined
          ? pageNewest.all(options.limit + 1)
          : pageBefore.all(options.before, options.limit + 1)
      ) as AuditRow[];
      const entries = rows.slice(0, options.limit).map(toEntry);
      const last = entries[entries.length - 1];
      return rows.length > options.limit && last ? { entries, nextBefore: last.id } : { entries };
    },

    /** The latest change that produced `resourceId`, to read a NotFound right after it. */
    lastChangeOf(resourceId: string): AuditEntry | undefined {
      const row = lastChange.get(resourceId) as AuditRow | undefined;
      return row ? toEntry(row) : undefined;
    },

    /** Records how the latest change of `resourceId` ended; false when there is none or it was recorded already. */
    settle(resourceId: string, settlement: Settlement): boolean {
      return (
        settleChange.run({
          resourceId,
          status: settlement.status,
          phase: settlement.phase,
          failureReason: settlement.failureReason ?? null,
          at: settlement.at,
        }).changes === 1
      );
    },

    execution<R>(key: ExecutionKey): ExecutionRecord<R> | undefined {
      const row = getExecution.get(key.source, key.region, key.clientToken) as ExecutionRow | undefined;
      return row ? toExecution<R>(row) : undefined;
    },

    /**
     * Claims a token before its call is made, and writes the audit intent with it (one transaction);
     * false when the token was claimed already. The intent's id is the execution's `auditId`.
     */
    beginExecution(
      key: ExecutionKey,
      fingerprint: string,
      action: string,
      at: string,
      intent?: AuditRecord,
      owner?: string,
    ): boolean {
      return db.transaction(() => {
        const inserted = insertExecution.run(
          key.source,
          key.region,
          key.clientToken,
          fingerprint,
          action,
          at,
          owner ?? null,
          owner ? new Date().toISOString() : null,
        );
        if (inserted.changes !== 1) return false;
        if (intent) linkIntent.run(this.append(intent), key.source, key.region, key.clientToken);
        return true;
      })();
    },

    /** Completes an audit intent in place: how the call (or a reconcile) found the change ended. */
    complete(auditId: number, completion: Completion): boolean {
      return (
        completeIntent.run({
          id: auditId,
          at: completion.at,
          outcome: completion.outcome,
          accountId: completion.accountId ?? null,
          resourceKind: completion.resourceKind ?? null,
          resourceId: completion.resourceId ?? null,
          status: completion.status ?? null,
          errorCode: completion.errorCode ?? null,
          awsCode: completion.awsCode ?? null,
          requestId: completion.requestId ?? null,
        }).changes === 1
      );
    },

    /** Executions claimed but never answered (the process stopped between the claim and the answer), with their intent. */
    pendingExecutions(): Array<ExecutionRecord<unknown> & { intent?: AuditEntry }> {
      return (pendingExecutions.all() as ExecutionRow[]).map((row) => {
        const intent = row.audit_id !== null ? (auditRow.get(row.audit_id) as AuditRow | undefined) : undefined;
        return { ...toExecution(row), ...(intent ? { intent: { ...toEntry(intent) } } : {}) };
      });
    },

    /** Pending executions claimed by another process than `owner` (or by none): on a laptop, orphans all. */
    orphanExecutions(owner: string): Array<ExecutionRecord<unknown> & { intent?: AuditEntry }> {
      return (orphanExecutions.all(owner) as ExecutionRow[]).map((row) => {
        const intent = row.audit_id !== null ? (auditRow.get(row.audit_id) as AuditRow | undefined) : undefined;
        return { ...toExecution(row), ...(intent ? { intent: toEntry(intent) } : {}) };
      });
    },

    /** Takes over a pending execution (its owner is gone: this file has one process); false when it is not pending. */
    adoptExecution(key: ExecutionKey, owner: string): boolean {
      return adoptExecution.run(owner, new Date().toISOString(), key.source, key.region, key.clientToken).changes === 1;
    },

    /** The owner's heartbeat on the executions it runs. */
    renewExecutions(keys: ExecutionKey[], owner: string): void {
      const at = new Date().toISOString();
      db.transaction(() => {
        for (const key of keys) renewExecution.run(at, key.source, key.region, key.clientToken, owner);
      })();
    },

    finishExecution<R>(key: ExecutionKey, result: R, accountId?: string): void {
      finishExecution.run(JSON.stringify(result), accountId ?? null, key.source, key.region, key.clientToken);
    },

    /** Releases a claimed token whose call failed, so that a retry runs again. */
    dropExecution(key: ExecutionKey): void {
      dropExecution.run(key.source, key.region, key.clientToken);
    },

    close(): void {
      if (db.open) db.close();
    },
  };
}

interface ExecutionRow {
  source: string;
  region: string;
  client_token: string;
  fingerprint: string;
  action: string;
  state: "pending" | "done";
  result: string | null;
  account_id: string | null;
  created_at: string;
  audit_id: number | null;
  owner: string | null;
}

function toExecution<R>(row: ExecutionRow): ExecutionRecord<R> {
  return {
    source: row.source,
    region: row.region,
    clientToken: row.client_token,
    fingerprint: row.fingerprint,
    action: row.action,
    state: row.state,
    createdAt: row.created_at,
    ...(row.result !== null ? { result: JSON.parse(row.result) as R } : {}),
    ...(row.account_id !== null ? { accountId: row.account_id } : {}),
    ...(row.audit_id !== null ? { auditId: row.audit_id } : {}),
    ...(row.owner !== null ? { owner: row.owner } : {}),
  };
}

function migrate(db: Database.Database): void {
  const current = Number(db.pragma("user_version", { simple: true }));
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The audit store ${db.name} was written by a newer Lattice Atlas (schema ${current}, this one knows ${MIGRATIONS.length}).`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

export type AuditStore = ReturnType<typeof openAuditStore>;

/**
 * The store, or — when its file cannot be opened — a stand-in whose every use
 * answers STORAGE_UNAVAILABLE with why: changes are refused (they must be
 * audited), while everything that only reads AWS keeps working.
 */
export function openAuditStoreOrExplain(dataDir?: string): AuditStore {
  try {
    return openAuditStore(dataDir);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const file = dataDir ? path.join(dataDir, AUDIT_FILE) : ":memory:";
    const refuse = (): never => {
      throw new AppError(
        "STORAGE_UNAVAILABLE",
        `The audit log cannot be opened (${reason}), so changes are refused: every change must be audited.`,
        {
          hint: `Check ${file} and its folder, or start with --data-dir <another folder>.`,
        },
      );
    };
    return new Proxy({ file, close: () => undefined } as unknown as AuditStore, {
      get: (target, property) => (property in target ? target[property as keyof AuditStore] : refuse),
    });
  }
}
