/**
 * The team store on PostgreSQL (node-postgres): saved views, the audit log and executed client tokens.
 * Schema changes are an ordered list of migrations recorded in `schema_migrations`, applied under an
 * advisory lock so that two replicas starting at once migrate once. A client token is claimed by the
 * table's primary key (INSERT … ON CONFLICT DO NOTHING): two replicas receiving the same token at the same
 * moment make one change, whatever process holds what.
 */
import type { SavedView } from "@lattice-atlas/shared";
import pg from "pg";
import type { AuditRecord, ExecutionKey } from "../actions/audit-store.js";
import { redact } from "../actions/audit-store.js";
import { AppError } from "../errors.js";
import type { Actor, ExecutionClaims, ViewRepository } from "./stores.js";
import { newId } from "./views-store.js";

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
];

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

export interface PostgresStore {
  pool: pg.Pool;
  views: ViewRepository;
  claims: ExecutionClaims;
  /** Appends an audit entry (credential-like inputs redacted); its id. */
  appendAudit(record: AuditRecord & Actor): Promise<number>;
  /** Readiness: true when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Connects and migrates; throws STORAGE_UNAVAILABLE with the reason when the database cannot be used. */
export async function openPostgresStore(
  connectionString: string,
  options: { max?: number } = {},
): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
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
    async claim(key: ExecutionKey, fingerprint, action, at, intent) {
      let client: pg.PoolClient | undefined;
      try {
        client = await pool.connect();
        await client.query("BEGIN");
        const claimed = await client.query(
          `INSERT INTO executions (source, region, client_token, fingerprint, action, state, created_at)
           VALUES ($1, $2, $3, $4, $5, 'pending', $6) ON CONFLICT DO NOTHING`,
          [key.source, key.region, key.clientToken, fingerprint, action, at],
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

  return {
    pool,
    views,
    claims,
    appendAudit: async (record) => {
      try {
        return await appendWith(pool, record);
      } catch (error) {
        throw unavailable(error);
      }
    },
    async ping() {
      try {
        await pool.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}
