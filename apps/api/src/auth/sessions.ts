/**
 * Sessions of signed-in users and the logins under way (state, nonce and PKCE verifier between the redirect to
 * the IdP and its answer), behind one interface with two back ends: SQLite (`atlas-sessions.sqlite` in the data
 * folder, `PRAGMA user_version` migrations) and PostgreSQL (`sessions-postgres.ts`). The cookie carries a random
 * secret; the store keeps only its SHA-256, so a copy of the database opens no session.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { AppError } from "../errors.js";
import type { Identity } from "./identity.js";

export const SESSIONS_FILE = "atlas-sessions.sqlite";

export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  /** Where the console was when sign-in started (a path on this server). */
  returnTo: string;
}

export interface SessionStore {
  /** A new session for this identity; the secret for the cookie. */
  createSession(identity: Identity, ttlMs: number): Promise<string>;
  /** The identity of a live session, undefined when unknown or expired. */
  getSession(secret: string): Promise<Identity | undefined>;
  deleteSession(secret: string): Promise<void>;
  /** Keeps a login under way; the secret for its cookie. */
  saveLogin(login: PendingLogin, ttlMs: number): Promise<string>;
  /** The login once (it is deleted), undefined when unknown or expired. */
  takeLogin(secret: string): Promise<PendingLogin | undefined>;
  close(): Promise<void>;
}

export const newSecret = (): string => randomBytes(32).toString("base64url");
export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("hex");

const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     id_hash     TEXT PRIMARY KEY,
     identity    TEXT NOT NULL,
     created_at  INTEGER NOT NULL,
     expires_at  INTEGER NOT NULL
   );
   CREATE INDEX sessions_expiry ON sessions (expires_at);
   CREATE TABLE login_requests (
     id_hash     TEXT PRIMARY KEY,
     login       TEXT NOT NULL,
     expires_at  INTEGER NOT NULL
   );`,
];

function migrate(db: Database.Database): void {
  const version = Number(db.pragma("user_version", { simple: true }));
  if (version > MIGRATIONS.length) {
    throw new AppError(
      "STORAGE_UNAVAILABLE",
      `${SESSIONS_FILE} was written by a newer Lattice Atlas (schema ${version}); this one knows ${MIGRATIONS.length}.`,
    );
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

/** Sessions in `dataDir`/atlas-sessions.sqlite (in memory without a folder). */
export function openSqliteSessions(dataDir: string | undefined): SessionStore {
  let db: Database.Database;
  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    db = new Database(dataDir ? path.join(dataDir, SESSIONS_FILE) : ":memory:");
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    migrate(db);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("STORAGE_UNAVAILABLE", `The sessions file cannot be opened: ${(error as Error).message}.`, {
      hint: "Check that --data-dir is a folder this server may write.",
    });
  }
  const purge = db.prepare("DELETE FROM sessions WHERE expires_at <= ?");
  const purgeLogins = db.prepare("DELETE FROM login_requests WHERE expires_at <= ?");
  return {
    async createSession(identity, ttlMs) {
      const secret = newSecret();
      const now = Date.now();
      purge.run(now);
      db.prepare("INSERT INTO sessions (id_hash, identity, created_at, expires_at) VALUES (?, ?, ?, ?)").run(
        hashSecret(secret),
        JSON.stringify(identity),
        now,
        now + ttlMs,
      );
      return secret;
    },
    async getSession(secret) {
      const row = db
        .prepare("SELECT identity FROM sessions WHERE id_hash = ? AND expires_at > ?")
        .get(hashSecret(secret), Date.now()) as { identity: string } | undefined;
      return row ? (JSON.parse(row.identity) as Identity) : undefined;
    },
    async deleteSession(secret) {
      db.prepare("DELETE FROM sessions WHERE id_hash = ?").run(hashSecret(secret));
    },
    async saveLogin(login, ttlMs) {
      const secret = newSecret();
      const now = Date.now();
      purgeLogins.run(now);
      db.prepare("INSERT INTO login_requests (id_hash, login, expires_at) VALUES (?, ?, ?)").run(
        hashSecret(secret),
        JSON.stringify(login),
        now + ttlMs,
      );
      return secret;
    },
    async takeLogin(secret) {
      const row = db
        .prepare("DELETE FROM login_requests WHERE id_hash = ? RETURNING login, expires_at")
        .get(hashSecret(secret)) as { login: string; expires_at: number } | undefined;
      return row && row.expires_at > Date.now() ? (JSON.parse(row.login) as PendingLogin) : undefined;
    },
    async close() {
      db.close();
    },
  };
}
