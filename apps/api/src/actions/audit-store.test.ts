import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { tempDataDir } from "../testing/app.js";
import { AUDIT_FILE, openAuditStore, redact, type AuditRecord } from "./audit-store.js";

const dirs: string[] = [];
const dataDir = (): string => {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const record = (n: number, extra: Partial<AuditRecord> = {}): AuditRecord => ({
  at: new Date(Date.UTC(2026, 10, 29, 0, 0, n)).toISOString(),
  source: "emulator",
  accountId: "111122223333",
  region: "ap-northeast-1",
  action: "associate-vpc",
  input: { type: "associate-vpc", vpcId: `vpc-${String(n).padStart(17, "0")}` },
  outcome: "succeeded",
  resourceKind: "vpcAssociation",
  resourceId: `snva-${String(n).padStart(17, "0")}`,
  clientToken: `token-${n}`,
  ...extra,
});

describe("the audit store", () => {
  it("creates its schema in the data folder, versioned by user_version", () => {
    const dir = dataDir();
    const store = openAuditStore(dir);
    store.close();
    const db = new Database(path.join(dir, AUDIT_FILE), { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(5);
    expect(
      (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>
      ).map((r) => r.name),
    ).toEqual(expect.arrayContaining(["audit", "executions"]));
    db.close();
  });

  it("refuses a file written by a newer schema instead of guessing", () => {
    const dir = dataDir();
    openAuditStore(dir).close();
    const db = new Database(path.join(dir, AUDIT_FILE));
    db.pragma("user_version = 99");
    db.close();
    expect(() => openAuditStore(dir)).toThrow(/newer Lattice Atlas \(schema 99/);
  });

  it("pages newest first and keeps entries across a reopen", () => {
    const dir = dataDir();
    const store = openAuditStore(dir);
    for (let n = 1; n <= 5; n += 1) store.append(record(n));
    store.close();

    const reopened = openAuditStore(dir);
    const first = reopened.list({ limit: 2 });
    expect(first.entries.map((e) => e.clientToken)).toEqual(["token-5", "token-4"]);
    expect(first.nextBefore).toBe(first.entries[1]!.id);
    const second = reopened.list({ limit: 2, before: first.nextBefore });
    expect(second.entries.map((e) => e.clientToken)).toEqual(["token-3", "token-2"]);
    const last = reopened.list({ limit: 2, before: second.nextBefore });
    expect(last.entries.map((e) => e.clientToken)).toEqual(["token-1"]);
    expect(last.nextBefore).toBeUndefined();
    expect(first.entries[0]).toEqual({
      id: 5,
      at: "2026-11-29T00:00:05.000Z",
      source: "emulator",
      accountId: "111122223333",
      region: "ap-northeast-1",
      action: "associate-vpc",
      input: { type: "associate-vpc", vpcId: "vpc-00000000000000005" },
      outcome: "succeeded",
      resourceKind: "vpcAssociation",
      resourceId: "snva-00000000000000005",
      clientToken: "token-5",
    });
    reopened.close();
  });

  it("never stores anything credential-like", () => {
    const dir = dataDir();
    const store = openAuditStore(dir);
    store.append(
      record(1, {
        input: {
          type: "x",
          secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          nested: { sessionToken: "FwoGZXIvYXdz", note: "AKIAIOSFODNN7EXAMPLE" },
        },
      }),
    );
    store.close();
    const bytes = readFileSync(path.join(dir, AUDIT_FILE)).toString("latin1") + readWal(dir);
    expect(bytes).not.toContain("wJalrXUtnFEMI");
    expect(bytes).not.toContain("FwoGZXIvYXdz");
    expect(bytes).not.toContain("AKIAIOSFODNN7EXAMPLE");
    expect(redact({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", keep: "vpc-1" })).toEqual({
      accessKeyId: "[redacted]",
      keep: "vpc-1",
    });
  });

  it("claims a client token once, keeps its result, and releases it when the call failed", () => {
    const store = openAuditStore();
    const key = { source: "emulator", region: "ap-northeast-1", clientToken: "t-1" };
    expect(store.beginExecution(key, '{"a":1}', "associate-vpc", "2026-11-29T00:00:00Z")).toBe(true);
    expect(store.beginExecution(key, '{"a":1}', "associate-vpc", "2026-11-29T00:00:01Z")).toBe(false);
    expect(store.execution(key)).toMatchObject({ state: "pending", fingerprint: '{"a":1}' });
    store.dropExecution(key);
    expect(store.execution(key)).toBeUndefined();
    store.beginExecution(key, '{"a":1}', "associate-vpc", "2026-11-29T00:00:02Z");
    store.finishExecution(key, { resource: { id: "snva-1" } }, "111122223333");
    // A finished token is never released.
    store.dropExecution(key);
    expect(store.execution(key)).toMatchObject({
      state: "done",
      result: { resource: { id: "snva-1" } },
      accountId: "111122223333",
    });
    store.close();
  });

  it("records how the latest change of a resource ended, once", () => {
    const store = openAuditStore();
    store.append(record(1, { resourceId: "snva-1", status: "CREATE_IN_PROGRESS" }));
    store.append(record(2, { resourceId: "snva-1", action: "remove-vpc-association", status: "DELETE_IN_PROGRESS" }));
    const at = "2026-11-29T00:01:00.000Z";
    expect(store.settle("snva-1", { status: "DELETE_FAILED", phase: "failed", failureReason: "in use", at })).toBe(
      true,
    );
    // A later poll of the same ending does not rewrite it; a resource with no change has nothing to settle.
    expect(store.settle("snva-1", { status: "DELETED", phase: "deleted", at })).toBe(false);
    expect(store.settle("snva-2", { status: "ACTIVE", phase: "ready", at })).toBe(false);
    const [removal, creation] = store.list({ limit: 10 }).entries;
    expect(removal).toMatchObject({
      action: "remove-vpc-association",
      status: "DELETE_IN_PROGRESS",
      finalStatus: "DELETE_FAILED",
      finalPhase: "failed",
      failureReason: "in use",
      settledAt: at,
    });
    expect(creation?.finalStatus).toBeUndefined();
    store.close();
  });

  it("upgrades a file of the first schema in place, keeping its entries", () => {
    const dir = dataDir();
    const store = openAuditStore(dir);
    store.append(record(1));
    store.close();
    // Back to schema 1, as an older Lattice Atlas left it.
    const db = new Database(path.join(dir, AUDIT_FILE));
    for (const column of ["final_status", "final_phase", "failure_reason", "settled_at"])
      db.exec(`ALTER TABLE audit DROP COLUMN ${column}`);
    db.exec(`ALTER TABLE executions DROP COLUMN audit_id`);
    for (const column of ["user_name", "role_session_name"]) db.exec(`ALTER TABLE audit DROP COLUMN ${column}`);
    for (const column of ["owner", "heartbeat_at"]) db.exec(`ALTER TABLE executions DROP COLUMN ${column}`);
    db.pragma("user_version = 1");
    db.close();
    const upgraded = openAuditStore(dir);
    expect(upgraded.list({ limit: 10 }).entries.map((e) => e.resourceId)).toEqual([record(1).resourceId]);
    expect(upgraded.settle(record(1).resourceId!, { status: "ACTIVE", phase: "ready", at: record(2).at })).toBe(true);
    expect(upgraded.list({ limit: 10 }).entries[0]?.finalStatus).toBe("ACTIVE");
    upgraded.close();
  });

  it("finds the last change that produced a resource", () => {
    const store = openAuditStore();
    store.append(record(1, { resourceId: "vpce-1", action: "create-resource-endpoint" }));
    store.append(record(2, { resourceId: "vpce-1", action: "remove-endpoint" }));
    store.append(record(3, { resourceId: "vpce-1", action: "create-resource-endpoint", outcome: "failed" }));
    expect(store.lastChangeOf("vpce-1")?.action).toBe("remove-endpoint");
    expect(store.lastChangeOf("vpce-2")).toBeUndefined();
    store.close();
  });
});

function readWal(dir: string): string {
  try {
    return readFileSync(path.join(dir, `${AUDIT_FILE}-wal`)).toString("latin1");
  } catch {
    return "";
  }
}
