/** The same session cases on both back ends: SQLite (atlas-sessions.sqlite) and a real PostgreSQL cluster. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPostgres, type TestPostgres } from "../testing/postgres.js";
import type { Identity } from "./identity.js";
import { AUTH_PG_MIGRATIONS, migrateAuthTables, openPostgresSessions } from "./sessions-postgres.js";
import { openSqliteSessions, SESSIONS_FILE, type SessionStore } from "./sessions.js";

let postgres: TestPostgres | undefined;
let database = 0;
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

async function freshPool(): Promise<pg.Pool> {
  const name = `atlas_auth_${process.pid}_${++database}`;
  const admin = new pg.Pool({ connectionString: postgres!.url, max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return new pg.Pool({ connectionString: postgres!.url.replace(/\/postgres$/, `/${name}`), max: 4 });
}

interface Backend {
  store: SessionStore;
  /** Everything the back end stored, as text (to look for a secret in it). */
  dump(): Promise<string>;
  close(): Promise<void>;
}

const backends: Record<string, () => Promise<Backend>> = {
  sqlite: async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atlas-sessions-"));
    const store = openSqliteSessions(dir);
    return {
      store,
      dump: async () => {
        await store.close();
        const text = readFileSync(path.join(dir, SESSIONS_FILE)).toString("latin1");
        return text;
      },
      close: async () => {
        await store.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  postgres: async () => {
    const pool = await freshPool();
    const store = await openPostgresSessions(pool);
    return {
      store,
      dump: async () =>
        JSON.stringify([
          (await pool.query("SELECT * FROM sessions")).rows,
          (await pool.query("SELECT * FROM login_requests")).rows,
        ]),
      close: () => pool.end(),
    };
  },
};

const otto: Identity = {
  id: "otto",
  email: "otto@example.com",
  groups: ["platform-team"],
  role: undefined,
  via: "oidc",
};

describe.each(Object.keys(backends))("sessions on %s", (kind) => {
  it("keeps a session until it is deleted, and only its hash", async () => {
    const backend = await backends[kind]!();
    try {
      const secret = await backend.store.createSession(otto, 60_000);
      expect(secret).toMatch(/^[\w-]{43}$/);
      expect(await backend.store.getSession(secret)).toMatchObject({ id: "otto", groups: ["platform-team"] });
      expect(await backend.store.getSession(`${secret}x`)).toBeUndefined();
      const other = await backend.store.createSession({ ...otto, id: "vera" }, 60_000);
      await backend.store.deleteSession(secret);
      expect(await backend.store.getSession(secret)).toBeUndefined();
      expect((await backend.store.getSession(other))?.id).toBe("vera");
      expect(await backend.dump()).not.toContain(other);
    } finally {
      await backend.close();
    }
  });

  it("answers nothing for an expired session", async () => {
    const backend = await backends[kind]!();
    try {
      const secret = await backend.store.createSession(otto, -1);
      expect(await backend.store.getSession(secret)).toBeUndefined();
    } finally {
      await backend.close();
    }
  });

  it("gives a login under way back once, and never after it expired", async () => {
    const backend = await backends[kind]!();
    try {
      const login = { state: "s", nonce: "n", verifier: "v", returnTo: "/?vpc=1" };
      const secret = await backend.store.saveLogin(login, 60_000);
      expect(await backend.store.takeLogin(secret)).toEqual(login);
      expect(await backend.store.takeLogin(secret)).toBeUndefined();
      const expired = await backend.store.saveLogin(login, -1);
      expect(await backend.store.takeLogin(expired)).toBeUndefined();
    } finally {
      await backend.close();
    }
  });
});

describe("the auth tables' migrations on PostgreSQL", () => {
  it("run once when two replicas start together, and refuse a newer schema", async () => {
    const pool = await freshPool();
    try {
      const versions = await Promise.all([migrateAuthTables(pool), migrateAuthTables(pool)]);
      expect(versions).toEqual([AUTH_PG_MIGRATIONS.length, AUTH_PG_MIGRATIONS.length]);
      const { rows } = await pool.query("SELECT version FROM auth_schema_migrations ORDER BY version");
      expect(rows.map((r) => r.version)).toEqual(AUTH_PG_MIGRATIONS.map((_, i) => i + 1));
      await pool.query("INSERT INTO auth_schema_migrations (version) VALUES (99)");
      await expect(migrateAuthTables(pool)).rejects.toThrow("auth schema 99");
    } finally {
      await pool.end();
    }
  });
});
