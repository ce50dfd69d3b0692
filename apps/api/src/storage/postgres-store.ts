/**
 * The team store on PostgreSQL (node-postgres): saved views, snapshots, the audit log and executed client
 * tokens.
 * Schema changes are an ordered list of migrations recorded in `schema_migrations`, applied under an
 * advisory lock so that two replicas starting at once migrate once. A client token is claimed by the
 * table's primary key (INSERT … ON CONFLICT DO NOTHING): two replicas receiving the same token at the same
 * moment make one change, whatever process holds what.
 */
import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import type { AuditEntry, AuditOutcome, SavedView, SnapshotMeta, Topology } from "@lattice-atlas/shared";
import pg from "pg";
import type { AuditRecord, ExecutionKey, ExecutionRecord } from "../actions/audit-store.js";
import { redact } from "../actions/audit-store.js";
import { AppError } from "../errors.js";
import { openPostgresChangeFeed, type ChangeFeed } from "./change-feed.js";
import type { Actor, AuditRepository, ExecutionClaims, SnapshotRepository, ViewRepository } from "./stores.js";
import { newId } from "./views-store.js";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Ordered: entry i is schema version i + 1. Never edit a released entry; append a new one. */
export const PG_MIGRATIONS: readonly string[] = [
  `CREATE TABLE views (
     id          TEXT PRIMARY KEY,
     name        TEXT NOT NULL,
     state       TEXT NOT NULL,
     created_at  TEXT NOT NULL,
     updated_at  TEXT NOT NULL
   );
   CREATE TABLE audit (
     id                BIGSERIAL PRIMARY KEY,
     at                TEXT NOT NULL,
     source            TEXT NOT NULL,
     account_id        TEXT,
     region            TEXT NOT NULL,
     action            TEXT NOT NULL,
     input             TEXT NOT NULL,
     outcome           TEXT NOT NULL,
     resource_kind     TEXT,
     resource_id       TEXT,
     status            TEXT,
     error_code        TEXT,
     aws_code          TEXT,
     request_id        TEXT,
     client_token      TEXT,
     final_status      TEXT,
     final_phase       TEXT,
     failure_reason    TEXT,
     settled_at        TEXT,
     user_name         TEXT,
     role_session_name TEXT
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
     audit_id      BIGINT REFERENCES audit (id),
     PRIMARY KEY (source, region, client_token)
   );`,
  // 2: snapshots (the topology gzipped, as in the laptop's file).
  `CREATE TABLE snapshots (
     id           TEXT PRIMARY KEY,
     name         TEXT NOT NULL,
     taken_at     TEXT NOT NULL,
     source_id    TEXT NOT NULL,
     source_kind  TEXT NOT NULL,
     source_label TEXT NOT NULL,
     account_id   TEXT NOT NULL,
     region       TEXT NOT NULL,
     state        TEXT NOT NULL,
     nodes        INTEGER NOT NULL,
     edges        INTEGER NOT NULL,
     bytes        INTEGER NOT NULL,
     topology     BYTEA NOT NULL
   );
   CREATE INDEX snapshots_taken ON snapshots (taken_at);`,
  // 3: the replica that claimed an execution and its heartbeat (the database's clock): reconciliation settles
  //    only executions whose owner stopped renewing its lease.
  `ALTER TABLE executions ADD COLUMN owner TEXT, ADD COLUMN heartbeat_at TIMESTAMPTZ;`,
];

/** How long a claim outlives its owner's last heartbeat unless openPostgresStore is told otherwise. */
export const DEFAULT_LEASE_MS = 30_000;

/** Any number, as long as it is the same for every replica: the key of the migration lock. */
const MIGRATION_LOCK = 0x41544c53; // "ATLS"

export async function migratePostgres(pool: pg.Pool): Promise<number> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw unavailable(error);
  }
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    const { rows } = await client.query<{ v: number | null }>("SELECT max(version) AS v FROM schema_migrations");
    const current = rows[0]?.v ?? 0;
    if (current > PG_MIGRATIONS.length) {
      throw new AppError(
        "STORAGE_UNAVAILABLE",
        `The database was migrated by a newer Lattice Atlas (schema ${current}); this one knows ${PG_MIGRATIONS.length}.`,
        { hint: "Run the newer version, or point --database-url at another database." },
      );
    }
    for (let version = current; version < PG_MIGRATIONS.length; version++) {
      await client.query(PG_MIGRATIONS[version]!);
      await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version + 1]);
    }
    await client.query("COMMIT");
    return PG_MIGRATIONS.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw unavailable(error);
  } finally {
    client.release();
  }
}

function unavailable(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError("STORAGE_UNAVAILABLE", `The team database cannot be used: ${message}.`, {
    hint: "Check --database-url (ATLAS_DATABASE_URL) and that PostgreSQL is reachable from this server.",
  });
}

const notFoundView = (id: string) =>
  new AppError("NOT_FOUND", `There is no saved view ${id}.`, {
    field: "id",
    hint: "It may have been deleted; the list of saved views shows what exists.",
  });

interface ViewRow {
  id: string;
  name: string;
  state: string;
  created_at: string;
  updated_at: string;
}
const toView = (row: ViewRow): SavedView => ({
  id: row.id,
  name: row.name,
  state: row.state,
  url: `/v/${row.id}`,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

interface SnapshotRow {
  id: string;
  name: string;
  taken_at: string;
  source_id: string;
  source_kind: string;
  source_label: string;
  account_id: string;
  region: string;
  state: string;
  nodes: number;
  edges: number;
  bytes: number;
  topology?: Buffer;
}
const toMeta = (row: SnapshotRow): SnapshotMeta => ({
  id: row.id,
  name: row.name,
  url: `/s/${row.id}`,
  takenAt: row.taken_at,
  source: { id: row.source_id, kind: row.source_kind, label: row.source_label },
  accountId: row.account_id,
  region: row.region,
  state: row.state,
  nodes: row.nodes,
  edges: row.edges,
  bytes: row.bytes,
});
const SNAPSHOT_META =
  "id, name, taken_at, source_id, source_kind, source_label, account_id, region, state, nodes, edges, bytes";
const notFoundSnapshot = (id: string) =>
  new AppError("NOT_FOUND", `There is no snapshot ${id}.`, {
    field: "id",
    hint: "It may have been deleted; the list of snapshots shows what exists.",
  });

interface AuditRow {
  id: string;
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
  user_name: string | null;
  role_session_name: string | null;
  final_status: string | null;
  final_phase: string | null;
  failure_reason: string | null;
  settled_at: string | null;
}
function toEntry(row: AuditRow): AuditEntry {
  const optional = (key: keyof AuditEntry, value: string | null) => (value === null ? {} : { [key]: value });
  return {
    id: Number(row.id),
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
  audit_id: string | null;
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
    ...(row.audit_id !== null ? { auditId: Number(row.audit_id) } : {}),
    ...(row.owner !== null ? { owner: row.owner } : {}),
  };
}
const KEY_WHERE = "source = $1 AND region = $2 AND client_token = $3";
/** An execution whose owner stopped renewing its lease (the lease in ms is the query's parameter $N). */
const ORPHANED_AT = (n: number) =>
  `(CASE WHEN e.owner IS NULL THEN e.created_at::timestamptz ELSE e.heartbeat_at END) < now() - make_interval(secs => $${n}::double precision / 1000)`;
const keyValues = (key: ExecutionKey) => [key.source, key.region, key.clientToken];

export interface PostgresStore {
  pool: pg.Pool;
  views: ViewRepository;
  snapshots: SnapshotRepository;
  audit: AuditRepository;
  /** The audit repository's claims (kept for callers that only claim). */
  claims: ExecutionClaims;
  /** Changes told between replicas (LISTEN/NOTIFY on this database). */
  changes: ChangeFeed;
  /** Appends an audit entry (credential-like inputs redacted); its id. */
  appendAudit(record: AuditRecord & Actor): Promise<number>;
  /** Readiness: true when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Connects and migrates; throws STORAGE_UNAVAILABLE with the reason when the database cannot be used. */
export async function openPostgresStore(
  connectionString: string,
  options: { max?: number; reconnectMs?: number; leaseMs?: number } = {},
): Promise<PostgresStore> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  let changes: ChangeFeed;
  try {
    changes = await openPostgresChangeFeed(connectionString, {
      publishWith: pool,
      ...(options.reconnectMs !== undefined ? { reconnectMs: options.reconnectMs } : {}),
    });
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw unavailable(error);
  }
  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    try {
      return await pool.query<R>(text, values);
    } catch (error) {
      throw unavailable(error);
    }
  };

  const appendWith = async (client: pg.Pool | pg.PoolClient, record: AuditRecord & Actor): Promise<number> => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO audit (at, source, account_id, region, action, input, outcome, resource_kind, resource_id, status,
         error_code, aws_code, request_id, client_token, user_name, role_session_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        record.at,
        record.source,
        record.accountId ?? null,
        record.region,
        record.action,
        JSON.stringify(redact(record.input) ?? {}),
        record.outcome,
        record.resourceKind ?? null,
        record.resourceId ?? null,
        record.status ?? null,
        record.errorCode ?? null,
        record.awsCode ?? null,
        record.requestId ?? null,
        record.clientToken ?? null,
        record.user ?? null,
        record.roleSessionName ?? null,
      ],
    );
    return Number(rows[0]!.id);
  };

  const views: ViewRepository = {
    async createView(name, state) {
      const at = new Date().toISOString();
      for (;;) {
        const { rows } = await query<ViewRow>(
          `INSERT INTO views (id, name, state, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
           ON CONFLICT (id) DO NOTHING RETURNING *`,
          [newId("v"), name.trim(), state, at],
        );
        if (rows[0]) return toView(rows[0]);
      }
    },
    async listViews() {
      return (await query<ViewRow>("SELECT * FROM views ORDER BY updated_at DESC, id")).rows.map(toView);
    },
    async getView(id) {
      const row = (await query<ViewRow>("SELECT * FROM views WHERE id = $1", [id])).rows[0];
      if (!row) throw notFoundView(id);
      return toView(row);
    },
    async renameView(id, name) {
      const row = (
        await query<ViewRow>("UPDATE views SET name = $1, updated_at = $2 WHERE id = $3 RETURNING *", [
          name.trim(),
          new Date().toISOString(),
          id,
        ])
      ).rows[0];
      if (!row) throw notFoundView(id);
      return toView(row);
    },
    async deleteView(id) {
      if ((await query("DELETE FROM views WHERE id = $1", [id])).rowCount === 0) throw notFoundView(id);
    },
  };

  const claims: ExecutionClaims = {
    async claim(key: ExecutionKey, fingerprint, action, at, intent, owner) {
      let client: pg.PoolClient | undefined;
      try {
        client = await pool.connect();
        await client.query("BEGIN");
        const claimed = await client.query(
          `INSERT INTO executions (source, region, client_token, fingerprint, action, state, created_at, owner, heartbeat_at)
           VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, now()) ON CONFLICT DO NOTHING`,
          [key.source, key.region, key.clientToken, fingerprint, action, at, owner ?? null],
        );
        if (claimed.rowCount !== 1) {
          await client.query("ROLLBACK");
          return false;
        }
        if (intent) {
          const auditId = await appendWith(client, intent);
          await client.query(
            "UPDATE executions SET audit_id = $1 WHERE source = $2 AND region = $3 AND client_token = $4",
            [auditId, key.source, key.region, key.clientToken],
          );
        }
        await client.query("COMMIT");
        return true;
      } catch (error) {
        await client?.query("ROLLBACK").catch(() => undefined);
        throw unavailable(error);
      } finally {
        client?.release();
      }
    },
    async release(key) {
      await query(
        "DELETE FROM executions WHERE source = $1 AND region = $2 AND client_token = $3 AND state = 'pending'",
        [key.source, key.region, key.clientToken],
      );
    },
  };

  const snapshots: SnapshotRepository = {
    async createSnapshot(input) {
      const json = Buffer.from(JSON.stringify(input.topology));
      const packed = await gzipAsync(json);
      for (;;) {
        const { rows } = await query<SnapshotRow>(
          `INSERT INTO snapshots (id, name, taken_at, source_id, source_kind, source_label, account_id, region, state,
             nodes, edges, bytes, topology)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (id) DO NOTHING RETURNING ${SNAPSHOT_META}`,
          [
            newId("s"),
            input.name.trim(),
            input.takenAt,
            input.topology.source.id,
            input.topology.source.kind,
            input.topology.source.label,
            input.topology.accountId,
            input.topology.region,
            input.state,
            input.topology.nodes.length,
            input.topology.edges.length,
            json.length,
            packed,
          ],
        );
        if (rows[0]) return toMeta(rows[0]);
      }
    },
    async listSnapshots() {
      return (await query<SnapshotRow>(`SELECT ${SNAPSHOT_META} FROM snapshots ORDER BY taken_at DESC, id`)).rows.map(
        toMeta,
      );
    },
    async getSnapshot(id) {
      const row = (await query<SnapshotRow>("SELECT * FROM snapshots WHERE id = $1", [id])).rows[0];
      if (!row?.topology) throw notFoundSnapshot(id);
      const topology = JSON.parse((await gunzipAsync(row.topology)).toString("utf8")) as Topology;
      return { meta: toMeta(row), topology };
    },
    async snapshotMeta(id) {
      const row = (await query<SnapshotRow>(`SELECT ${SNAPSHOT_META} FROM snapshots WHERE id = $1`, [id])).rows[0];
      if (!row) throw notFoundSnapshot(id);
      return toMeta(row);
    },
    async renameSnapshot(id, name) {
      const row = (
        await query<SnapshotRow>(`UPDATE snapshots SET name = $1 WHERE id = $2 RETURNING ${SNAPSHOT_META}`, [
          name.trim(),
          id,
        ])
      ).rows[0];
      if (!row) throw notFoundSnapshot(id);
      return toMeta(row);
    },
    async deleteSnapshot(id) {
      if ((await query("DELETE FROM snapshots WHERE id = $1", [id])).rowCount === 0) throw notFoundSnapshot(id);
    },
  };

  const audit: AuditRepository = {
    ...claims,
    append: async (record) => {
      try {
        return await appendWith(pool, record);
      } catch (error) {
        throw unavailable(error);
      }
    },
    async list(options) {
      const { rows } =
        options.before === undefined
          ? await query<AuditRow>("SELECT * FROM audit WHERE outcome != 'pending' ORDER BY id DESC LIMIT $1", [
              options.limit + 1,
            ])
          : await query<AuditRow>(
              "SELECT * FROM audit WHERE id < $1 AND outcome != 'pending' ORDER BY id DESC LIMIT $2",
              [options.before, options.limit + 1],
            );
      const entries = rows.slice(0, options.limit).map(toEntry);
      const last = entries[entries.length - 1];
      return rows.length > options.limit && last ? { entries, nextBefore: last.id } : { entries };
    },
    async lastChangeOf(resourceId) {
      const { rows } = await query<AuditRow>(
        `SELECT * FROM audit WHERE resource_id = $1 AND outcome IN ('succeeded', 'replayed') ORDER BY id DESC LIMIT 1`,
        [resourceId],
      );
      return rows[0] ? toEntry(rows[0]) : undefined;
    },
    async settle(resourceId, settlement) {
      const result = await query(
        `UPDATE audit SET final_status = $2, final_phase = $3, failure_reason = $4, settled_at = $5
         WHERE id = (SELECT id FROM audit WHERE resource_id = $1 AND outcome IN ('succeeded', 'replayed')
                     ORDER BY id DESC LIMIT 1)
           AND settled_at IS NULL`,
        [resourceId, settlement.status, settlement.phase, settlement.failureReason ?? null, settlement.at],
      );
      return result.rowCount === 1;
    },
    async execution<R>(key: ExecutionKey) {
      const { rows } = await query<ExecutionRow>(`SELECT * FROM executions WHERE ${KEY_WHERE}`, keyValues(key));
      return rows[0] ? toExecution<R>(rows[0]) : undefined;
    },
    async complete(auditId, completion) {
      const result = await query(
        `UPDATE audit SET at = $2, outcome = $3, account_id = COALESCE($4, account_id),
           resource_kind = COALESCE($5, resource_kind), resource_id = $6, status = $7, error_code = $8,
           aws_code = $9, request_id = $10
         WHERE id = $1 AND outcome = 'pending'`,
        [
          auditId,
          completion.at,
          completion.outcome,
          completion.accountId ?? null,
          completion.resourceKind ?? null,
          completion.resourceId ?? null,
          completion.status ?? null,
          completion.errorCode ?? null,
          completion.awsCode ?? null,
          completion.requestId ?? null,
        ],
      );
      return result.rowCount === 1;
    },
    async pendingExecutions() {
      const { rows } = await query<ExecutionRow & { intent_row: AuditRow | null }>(
        `SELECT e.*, to_jsonb(a) AS intent_row FROM executions e LEFT JOIN audit a ON a.id = e.audit_id
         WHERE e.state = 'pending' ORDER BY e.created_at`,
      );
      return rows.map((row) => ({
        ...toExecution(row),
        ...(row.intent_row ? { intent: toEntry(row.intent_row) } : {}),
      }));
    },
    leaseMs,
    async orphans(owner) {
      // Gone: no heartbeat within the lease (by the database's clock, the same for every replica). A claim
      // written before owners existed counts from its creation.
      const { rows } = await query<ExecutionRow & { intent_row: AuditRow | null }>(
        `SELECT e.*, to_jsonb(a) AS intent_row FROM executions e LEFT JOIN audit a ON a.id = e.audit_id
         WHERE e.state = 'pending' AND ${ORPHANED_AT(1)} AND e.owner IS DISTINCT FROM $2
         ORDER BY e.created_at`,
        [leaseMs, owner],
      );
      return rows.map((row) => ({
        ...toExecution(row),
        ...(row.intent_row ? { intent: toEntry(row.intent_row) } : {}),
      }));
    },
    async adopt(key, owner) {
      const result = await query(
        `UPDATE executions e SET owner = $5, heartbeat_at = now()
         WHERE ${KEY_WHERE} AND state = 'pending' AND (${ORPHANED_AT(4)} OR e.owner = $5)`,
        [...keyValues(key), leaseMs, owner],
      );
      return result.rowCount === 1;
    },
    async renew(keys, owner) {
      if (keys.length === 0) return;
      await query(
        `UPDATE executions SET heartbeat_at = now()
         WHERE owner = $1 AND state = 'pending'
           AND (source, region, client_token) IN (SELECT * FROM unnest($2::text[], $3::text[], $4::text[]))`,
        [owner, keys.map((k) => k.source), keys.map((k) => k.region), keys.map((k) => k.clientToken)],
      );
    },
    async finish(key, result, accountId) {
      await query(`UPDATE executions SET state = 'done', result = $4, account_id = $5 WHERE ${KEY_WHERE}`, [
        ...keyValues(key),
        JSON.stringify(result),
        accountId ?? null,
      ]);
    },
  };

  return {
    pool,
    views,
    snapshots,
    audit,
    claims,
    changes,
    appendAudit: audit.append,
    async ping() {
      try {
        await pool.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await changes.close();
      await pool.end();
    },
  };
}
