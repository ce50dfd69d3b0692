/**
 * The same store cases against both back ends: SQLite (the laptop's files) and a real PostgreSQL cluster
 * started for this file in a temporary folder (see testing/postgres.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_FILE, openAuditStore, type AuditRecord } from "../actions/audit-store.js";
import { startTestPostgres, type TestPostgres } from "../testing/postgres.js";
import { openPostgresStore, PG_MIGRATIONS, type PostgresStore } from "./postgres-store.js";
import {
  sqliteAudit,
  sqliteClaims,
  sqliteSnapshots,
  sqliteViews,
  type Actor,
  type AuditRepository,
  type ExecutionClaims,
  type SnapshotRepository,
  type ViewRepository,
} from "./stores.js";
import { openViewsStore } from "./views-store.js";

interface Handle {
  views: ViewRepository;
  claims: ExecutionClaims;
  audit: AuditRepository;
  snapshots: SnapshotRepository;
}
interface Backend extends Handle {
  /** A second handle on the same data: another process, or another replica. */
  other: Handle;
  /** The user and role session name stored with the audit entry of a client token. */
  actorOf(clientToken: string): Promise<{ user: string | null; role: string | null } | undefined>;
  close(): Promise<void>;
}

let postgres: TestPostgres | undefined;
let database = 0;
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 60_000);
afterAll(() => postgres?.stop());

/** A fresh database per case, on the cluster of this file. */
async function freshDatabase(): Promise<string> {
  const name = `atlas_${process.pid}_${++database}`;
  const admin = await openPostgresStore(postgres!.url, { max: 1 });
  await admin.pool.query(`CREATE DATABASE ${name}`);
  await admin.close();
  return postgres!.url.replace(/\/postgres$/, `/${name}`);
}

const backends: Array<[string, () => Promise<Backend>]> = [
  [
    "SQLite",
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "atlas-stores-"));
      const [viewsA, viewsB] = [openViewsStore(dir), openViewsStore(dir)];
      const [auditA, auditB] = [openAuditStore(dir), openAuditStore(dir)];
      return {
        views: sqliteViews(viewsA),
        claims: sqliteClaims(auditA),
        audit: sqliteAudit(auditA),
        snapshots: sqliteSnapshots(viewsA),
        other: {
          views: sqliteViews(viewsB),
          claims: sqliteClaims(auditB),
          audit: sqliteAudit(auditB),
          snapshots: sqliteSnapshots(viewsB),
        },
        async actorOf(token) {
          const db = new Database(path.join(dir, AUDIT_FILE), { readonly: true });
          try {
            return db
              .prepare(`SELECT user_name AS user, role_session_name AS role FROM audit WHERE client_token = ?`)
              .get(token) as { user: string | null; role: string | null } | undefined;
          } finally {
            db.close();
          }
        },
        async close() {
          for (const store of [viewsA, viewsB, auditA, auditB]) store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    "PostgreSQL",
    async () => {
      const url = await freshDatabase();
      const a: PostgresStore = await openPostgresStore(url, { leaseMs: LEASE_MS });
      const b: PostgresStore = await openPostgresStore(url, { leaseMs: LEASE_MS });
      return {
        views: a.views,
        claims: a.claims,
        audit: a.audit,
        snapshots: a.snapshots,
        other: { views: b.views, claims: b.claims, audit: b.audit, snapshots: b.snapshots },
        async actorOf(token) {
          const { rows } = await a.pool.query<{ user: string | null; role: string | null }>(
            `SELECT user_name AS user, role_session_name AS role FROM audit WHERE client_token = $1`,
            [token],
          );
          return rows[0];
        },
        async close() {
          await Promise.all([a.close(), b.close()]);
        },
      };
    },
  ],
];

/** The PostgreSQL stores' lease in these cases: long enough for a loaded machine, short enough to wait out. */
const LEASE_MS = 2_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const key = (clientToken: string) => ({ source: "emulator", region: "us-west-2", clientToken });
const intent = (clientToken: string, actor: Actor = {}): AuditRecord & Actor => ({
  at: new Date().toISOString(),
  source: "emulator",
  region: "us-west-2",
  action: "create-service-network",
  input: { name: "payments", secretAccessKey: "x" },
  outcome: "pending",
  clientToken,
  ...actor,
});

describe.each(backends)("stores on %s", (name, open) => {
  it("saves, lists, renames and deletes a view, and another handle on the same data sees it", async () => {
    const store = await open();
    try {
      const saved = await store.views.createView("  Payments  ", '{"focus":"sn-1"}');
      expect(saved).toMatchObject({ name: "Payments", state: '{"focus":"sn-1"}', url: `/v/${saved.id}` });
      expect(saved.id).toMatch(/^v[0-9a-z]{9}$/);
      expect(await store.other.views.getView(saved.id)).toEqual(saved);
      const renamed = await store.other.views.renameView(saved.id, "Payments east");
      expect(renamed.name).toBe("Payments east");
      expect((await store.views.listViews()).map((v) => v.name)).toEqual(["Payments east"]);
      await store.views.deleteView(saved.id);
      await expect(store.other.views.getView(saved.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        details: { field: "id" },
      });
      await expect(store.views.deleteView(saved.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(store.views.renameView("vmissing00", "x")).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await store.close();
    }
  });

  it("claims a client token once, even when two handles claim it at the same moment", async () => {
    const store = await open();
    try {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? store.other.claims : store.claims).claim(
            key("tok-1"),
            "fp",
            "create-service-network",
            new Date().toISOString(),
            intent("tok-1"),
          ),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      // A released claim (its call failed) can be claimed again, by either handle.
      await store.claims.release(key("tok-1"));
      expect(
        await store.other.claims.claim(key("tok-1"), "fp", "create-service-network", new Date().toISOString()),
      ).toBe(true);
      // Another token, or the same token in another region, is another claim.
      expect(await store.claims.claim(key("tok-2"), "fp", "x", new Date().toISOString())).toBe(true);
      expect(
        await store.claims.claim({ ...key("tok-1"), region: "eu-west-1" }, "fp", "x", new Date().toISOString()),
      ).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("runs a change's audit life on one handle and shows it on the other: intent, completion, replay, settlement", async () => {
    const store = await open();
    try {
      const at = new Date().toISOString();
      expect(await store.audit.claim(key("tok-a"), "fp-a", "associate-service", at, intent("tok-a"))).toBe(true);
      // Claimed on one replica, pending on the other; the intent is not listed yet.
      const pending = await store.other.audit.pendingExecutions();
      expect(pending).toHaveLength(1);
      expect(pending[0]).toMatchObject({
        clientToken: "tok-a",
        fingerprint: "fp-a",
        state: "pending",
        intent: { outcome: "pending", clientToken: "tok-a", input: { secretAccessKey: "[redacted]" } },
      });
      expect((await store.other.audit.list({ limit: 10 })).entries).toEqual([]);
      expect(await store.other.audit.claim(key("tok-a"), "fp-a", "associate-service", at)).toBe(false);

      // The call answered: the intent completed in place, the token's answer stored for replays.
      const auditId = (await store.audit.execution(key("tok-a")))!.auditId!;
      expect(
        await store.audit.complete(auditId, {
          at,
          outcome: "succeeded",
          accountId: "111122223333",
          resourceKind: "serviceAssociation",
          resourceId: "snsa-0123",
          status: "CREATE_IN_PROGRESS",
          requestId: "req-1",
        }),
      ).toBe(true);
      expect(await store.audit.complete(auditId, { at, outcome: "failed" })).toBe(false);
      await store.audit.finish(key("tok-a"), { resource: { id: "snsa-0123" } }, "111122223333");
      expect(await store.other.audit.execution(key("tok-a"))).toMatchObject({
        state: "done",
        result: { resource: { id: "snsa-0123" } },
        accountId: "111122223333",
      });
      expect(await store.other.audit.pendingExecutions()).toEqual([]);
      await store.other.audit.append({
        at,
        source: "emulator",
        region: "us-west-2",
        action: "associate-service",
        input: {},
        outcome: "replayed",
        resourceId: "snsa-0123",
        clientToken: "tok-a",
      });

      // A status poll on either replica settles the latest change of the resource, once.
      const settlement = { status: "ACTIVE", phase: "settled", at };
      expect(await store.other.audit.settle("snsa-0123", settlement)).toBe(true);
      expect(await store.audit.settle("snsa-0123", settlement)).toBe(false);
      expect(await store.audit.lastChangeOf("snsa-0123")).toMatchObject({ outcome: "replayed", finalStatus: "ACTIVE" });

      // Paged newest first.
      const first = await store.audit.list({ limit: 1 });
      expect(first.entries.map((e) => e.outcome)).toEqual(["replayed"]);
      const second = await store.audit.list({ limit: 1, before: first.nextBefore });
      expect(second.entries.map((e) => [e.outcome, e.resourceId, e.accountId])).toEqual([
        ["succeeded", "snsa-0123", "111122223333"],
      ]);
      expect(second.nextBefore).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it("keeps a snapshot, its frozen topology and its name, seen from the other handle", async () => {
    const store = await open();
    try {
      const topology = {
        source: { id: "emulator", kind: "emulator", label: "Embedded AWS emulator" },
        accountId: "111122223333",
        region: "us-west-2",
        nodes: [{ id: "sn-1" }, { id: "svc-1" }],
        edges: [{ id: "e-1" }],
        warnings: [],
      } as unknown as Parameters<SnapshotRepository["createSnapshot"]>[0]["topology"];
      const meta = await store.snapshots.createSnapshot({
        name: "  Before the change ",
        takenAt: "2026-12-05T07:00:00.000Z",
        state: "panel=connect",
        topology,
      });
      expect(meta).toMatchObject({
        name: "Before the change",
        url: `/s/${meta.id}`,
        accountId: "111122223333",
        region: "us-west-2",
        nodes: 2,
        edges: 1,
        source: { id: "emulator" },
      });
      expect(meta.id).toMatch(/^s[0-9a-z]{9}$/);
      expect(await store.other.snapshots.getSnapshot(meta.id)).toEqual({ meta, topology });
      expect((await store.other.snapshots.renameSnapshot(meta.id, "Renamed")).name).toBe("Renamed");
      expect((await store.snapshots.listSnapshots()).map((m) => m.name)).toEqual(["Renamed"]);
      await store.other.snapshots.deleteSnapshot(meta.id);
      await expect(store.snapshots.snapshotMeta(meta.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(store.snapshots.getSnapshot(meta.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(store.snapshots.deleteSnapshot(meta.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    } finally {
      await store.close();
    }
  });

  it("records the signed-in user and role session name with the audit intent and its entry, and nulls on a laptop", async () => {
    const store = await open();
    try {
      const at = new Date().toISOString();
      await store.claims.claim(key("tok-laptop"), "fp", "x", at, intent("tok-laptop"));
      expect(await store.actorOf("tok-laptop")).toEqual({ user: null, role: null });
      const actor = { user: "ana@example.com", roleSessionName: "atlas-ana" };
      await store.claims.claim(key("tok-team"), "fp", "x", at, intent("tok-team", actor));
      expect(await store.actorOf("tok-team")).toEqual({ user: "ana@example.com", role: "atlas-ana" });
      // A user whose change assumed no role: named, with no session name.
      await store.audit.append({ ...intent("tok-plain", { user: "bo" }), outcome: "refused" });
      expect(await store.actorOf("tok-plain")).toEqual({ user: "bo", role: null });
      const auditId = (await store.audit.execution(key("tok-team")))!.auditId!;
      await store.audit.complete(auditId, { at, outcome: "succeeded", resourceId: "snsa-1" });
      const { entries } = await store.other.audit.list({ limit: 10 });
      expect(entries.find((e) => e.clientToken === "tok-team")).toMatchObject({
        user: "ana@example.com",
        roleSessionName: "atlas-ana",
      });
      expect(entries.find((e) => e.clientToken === "tok-plain")).toMatchObject({ user: "bo" });
      expect(entries.find((e) => e.clientToken === "tok-plain")).not.toHaveProperty("roleSessionName");
    } finally {
      await store.close();
    }
  });

  it("gives an execution to the replica that claimed it: an orphan only once its owner is gone, adopted once", async () => {
    const store = await open();
    try {
      const at = new Date().toISOString();
      expect(await store.audit.claim(key("tok-o"), "fp", "x", at, intent("tok-o"), "replica-a")).toBe(true);
      expect(await store.audit.execution(key("tok-o"))).toMatchObject({ owner: "replica-a", state: "pending" });
      // Never one's own.
      expect(await store.audit.orphans("replica-a")).toEqual([]);
      if (name === "SQLite") {
        // One process owns the laptop's file: another owner's claim is a previous process's, gone at once.
        expect((await store.other.audit.orphans("replica-b")).map((e) => e.clientToken)).toEqual(["tok-o"]);
        expect(await store.other.audit.adopt(key("tok-o"), "replica-b")).toBe(true);
        expect(await store.audit.execution(key("tok-o"))).toMatchObject({ owner: "replica-b" });
        return;
      }
      // PostgreSQL: replica A renews its lease while its change runs; B sees no orphan and cannot adopt it.
      for (let beat = 0; beat < 6; beat++) {
        await sleep(LEASE_MS / 4);
        await store.audit.renew([key("tok-o")], "replica-a");
      }
      expect(await store.other.audit.orphans("replica-b")).toEqual([]);
      expect(await store.other.audit.adopt(key("tok-o"), "replica-b")).toBe(false);
      // A stops renewing (it died): once its lease ran out the execution is an orphan, with its intent.
      await sleep(LEASE_MS * 1.5);
      const orphans = await store.other.audit.orphans("replica-b");
      expect(orphans).toMatchObject([{ clientToken: "tok-o", owner: "replica-a", intent: { outcome: "pending" } }]);
      // Two replicas adopt it at the same moment: one wins, and it is live again (no longer an orphan).
      const adopted = await Promise.all([
        store.audit.adopt(key("tok-o"), "replica-c"),
        store.other.audit.adopt(key("tok-o"), "replica-b"),
      ]);
      expect(adopted.filter(Boolean)).toHaveLength(1);
      expect(await store.audit.orphans("replica-d")).toEqual([]);
      // A's late heartbeat renews nothing it no longer owns.
      await store.audit.renew([key("tok-o")], "replica-a");
      expect((await store.audit.execution(key("tok-o")))!.owner).toBe(adopted[0] ? "replica-c" : "replica-b");
      // A finished execution is nobody's orphan.
      await store.audit.finish(key("tok-o"), { done: true });
      await sleep(LEASE_MS * 1.5);
      expect(await store.audit.orphans("replica-d")).toEqual([]);
      expect(await store.audit.adopt(key("tok-o"), "replica-d")).toBe(false);
    } finally {
      await store.close();
    }
  });
});

describe("the laptop's audit file", () => {
  it("migrates a file of schema 3 in place: its entries kept, user columns and owners added", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atlas-stores-"));
    try {
      const db = new Database(path.join(dir, AUDIT_FILE));
      db.exec(`CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, source TEXT NOT NULL,
          account_id TEXT, region TEXT NOT NULL, action TEXT NOT NULL, input TEXT NOT NULL, outcome TEXT NOT NULL,
          resource_kind TEXT, resource_id TEXT, status TEXT, error_code TEXT, aws_code TEXT, request_id TEXT,
          client_token TEXT, final_status TEXT, final_phase TEXT, failure_reason TEXT, settled_at TEXT);
        CREATE TABLE executions (source TEXT NOT NULL, region TEXT NOT NULL, client_token TEXT NOT NULL,
          fingerprint TEXT NOT NULL, action TEXT NOT NULL, state TEXT NOT NULL, result TEXT, account_id TEXT,
          created_at TEXT NOT NULL, audit_id INTEGER, PRIMARY KEY (source, region, client_token));
        INSERT INTO audit (at, source, region, action, input, outcome, client_token)
          VALUES ('2026-01-01T00:00:00.000Z', 'emulator', 'us-west-2', 'associate-vpc', '{}', 'succeeded', 'old');
        INSERT INTO executions (source, region, client_token, fingerprint, action, state, created_at)
          VALUES ('emulator', 'us-west-2', 'old-pending', 'fp', 'x', 'pending', '2026-01-01T00:00:00.000Z');
        PRAGMA user_version = 3;`);
      db.close();
      const store = openAuditStore(dir);
      try {
        const audit = sqliteAudit(store);
        expect((await audit.list({ limit: 10 })).entries).toMatchObject([{ clientToken: "old", outcome: "succeeded" }]);
        // A claim from before owners is an orphan.
        expect((await audit.orphans("now")).map((e) => e.clientToken)).toEqual(["old-pending"]);
        await audit.append({ ...intent("new", { user: "ana", roleSessionName: "atlas-ana" }), outcome: "refused" });
        expect((await audit.list({ limit: 1 })).entries[0]).toMatchObject({
          user: "ana",
          roleSessionName: "atlas-ana",
        });
      } finally {
        store.close();
      }
      const check = new Database(path.join(dir, AUDIT_FILE), { readonly: true });
      expect(check.pragma("user_version", { simple: true })).toBe(5);
      check.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("PostgreSQL store", () => {
  it("migrates once when two replicas start at once, and records the version", async () => {
    const url = await freshDatabase();
    const stores = await Promise.all([openPostgresStore(url), openPostgresStore(url), openPostgresStore(url)]);
    try {
      const { rows } = await stores[0]!.pool.query<{ version: number }>(
        "SELECT version FROM schema_migrations ORDER BY version",
      );
      expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
      expect(await stores[1]!.ping()).toBe(true);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it("redacts credential-like inputs in the audit log", async () => {
    const store = await openPostgresStore(await freshDatabase());
    try {
      const id = await store.appendAudit(intent("tok-r"));
      const { rows } = await store.pool.query<{ input: string }>("SELECT input FROM audit WHERE id = $1", [id]);
      expect(JSON.parse(rows[0]!.input)).toEqual({ name: "payments", secretAccessKey: "[redacted]" });
    } finally {
      await store.close();
    }
  });

  it("refuses a database migrated by a newer version, and says so", async () => {
    const url = await freshDatabase();
    const first = await openPostgresStore(url);
    await first.pool.query("INSERT INTO schema_migrations (version) VALUES (999)");
    await first.close();
    await expect(openPostgresStore(url)).rejects.toMatchObject({
      code: "STORAGE_UNAVAILABLE",
      message: expect.stringContaining("schema 999"),
    });
  });

  it("answers STORAGE_UNAVAILABLE naming the fix when the database is unreachable", async () => {
    await expect(openPostgresStore(`postgres://atlas@127.0.0.1:1/none`)).rejects.toMatchObject({
      code: "STORAGE_UNAVAILABLE",
      details: { hint: expect.stringContaining("ATLAS_DATABASE_URL") },
    });
  });
});
