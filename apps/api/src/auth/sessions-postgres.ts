/**
 * Sessions on the team database (PostgreSQL). The auth tables have their own ordered migrations, recorded in
 * `auth_schema_migrations` and applied under their own advisory lock, so that they evolve apart from the
 * store's schema and replicas starting together migrate once.
 */
import type pg from "pg";
import { AppError } from "../errors.js";
import { hashSecret, newSecret, type PendingLogin, type SessionStore } from "./sessions.js";
import type { Identity } from "./identity.js";

/** Ordered: entry i is auth schema version i + 1. Never edit a released entry; append a new one. */
export const AUTH_PG_MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     id_hash     TEXT PRIMARY KEY,
     identity    JSONB NOT NULL,
     user_id     TEXT NOT NULL,
     created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
     expires_at  TIMESTAMPTZ NOT NULL
   );
   CREATE INDEX sessions_expiry ON sessions (expires_at);
   CREATE TABLE login_requests (
     id_hash     TEXT PRIMARY KEY,
     login       JSONB NOT NULL,
     expires_at  TIMESTAMPTZ NOT NULL
   );`,
];

const AUTH_MIGRATION_LOCK = 0x41544c41; // "ATLA": not the store's key

function unavailable(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError("STORAGE_UNAVAILABLE", `The sessions table cannot be used: ${(error as Error).message}.`, {
    hint: "Check --database-url (ATLAS_DATABASE_URL) and that PostgreSQL is reachable from this server.",
  });
}

export async function migrateAuthTables(pool: pg.Pool): Promise<number> {
  const client = await pool.connect().catch((error: unknown) => {
    throw unavailable(error);
  });
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [AUTH_MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS auth_schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    const { rows } = await client.query<{ v: number | null }>("SELECT max(version) AS v FROM auth_schema_migrations");
    const current = rows[0]?.v ?? 0;
    if (current > AUTH_PG_MIGRATIONS.length)
      throw new AppError(
        "STORAGE_UNAVAILABLE",
        `The sessions tables were migrated by a newer Lattice Atlas (auth schema ${current}); this one knows ${AUTH_PG_MIGRATIONS.length}.`,
        { hint: "Run the newer version, or point --database-url at another database." },
      );
    for (let version = current; version < AUTH_PG_MIGRATIONS.length; version++) {
      await client.query(AUTH_PG_MIGRATIONS[version]!);
      await client.query("INSERT INTO auth_schema_migrations (version) VALUES ($1)", [version + 1]);
    }
    await client.query("COMMIT");
    return AUTH_PG_MIGRATIONS.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw unavailable(error);
  } finally {
    client.release();
  }
}

/** Migrates the auth tables on this pool (the team store's) and answers sessions from them. */
export async function openPostgresSessions(pool: pg.Pool): Promise<SessionStore> {
  await migrateAuthTables(pool);
  const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[]) => {
    try {
      return await pool.query<R>(text, values);
    } catch (error) {
      throw unavailable(error);
    }
  };
  return {
    async createSession(identity, ttlMs) {
      const secret = newSecret();
      await query("DELETE FROM sessions WHERE expires_at <= now()", []);
      await query(
        "INSERT INTO sessions (id_hash, identity, user_id, expires_at) VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')",
        [hashSecret(secret), JSON.stringify(identity), identity.id, ttlMs],
      );
      return secret;
    },
    async getSession(secret) {
      const { rows } = await query<{ identity: Identity }>(
        "SELECT identity FROM sessions WHERE id_hash = $1 AND expires_at > now()",
        [hashSecret(secret)],
      );
      return rows[0]?.identity;
    },
    async deleteSession(secret) {
      await query("DELETE FROM sessions WHERE id_hash = $1", [hashSecret(secret)]);
    },
    async saveLogin(login, ttlMs) {
      const secret = newSecret();
      await query("DELETE FROM login_requests WHERE expires_at <= now()", []);
      await query(
        "INSERT INTO login_requests (id_hash, login, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')",
        [hashSecret(secret), JSON.stringify(login), ttlMs],
      );
      return secret;
    },
    async takeLogin(secret) {
      const { rows } = await query<{ login: PendingLogin; live: boolean }>(
        "DELETE FROM login_requests WHERE id_hash = $1 RETURNING login, expires_at > now() AS live",
        [hashSecret(secret)],
      );
      return rows[0]?.live ? rows[0].login : undefined;
    },
    // The pool belongs to the team store, which closes it.
    async close() {},
  };
}
