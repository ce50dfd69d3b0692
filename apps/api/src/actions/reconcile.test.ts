/**
 * A change interrupted between the AWS call and its record: the process "dies" there (a test hook that
 * never returns, then the app is closed with the request still hanging), a new process starts on the same
 * data folder and emulator, and reconciles: the audit log has the change with its resource, and no
 * execution stays pending.
 */
import { randomUUID } from "node:crypto";
import { ListServiceNetworkVpcAssociationsCommand } from "@aws-sdk/client-vpc-lattice";
import type { Action, AuditEntry, ExecuteResponse } from "@lattice-atlas/shared";
import Database from "better-sqlite3";
import path from "node:path";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute, namesOf, sdk, topology } from "../testing/actions.js";
import { startTestApp, tempDataDir, type TestApp } from "../testing/app.js";
import { AUDIT_FILE } from "./audit-store.js";

let dataDir: string;
let first: TestApp;
beforeAll(async () => {
  dataDir = tempDataDir();
});
afterAll(async () => {
  await first?.emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const pendingRows = (): number => {
  const db = new Database(path.join(dataDir, AUDIT_FILE), { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM executions WHERE state = 'pending'`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

async function auditWhenSettled(app: TestApp, clientToken: string): Promise<AuditEntry | undefined> {
  for (let i = 0; i < 100; i++) {
    const entries = (await app.request({ method: "GET", url: "/api/audit" })).json<{ entries: AuditEntry[] }>().entries;
    const entry = entries.find((e) => e.clientToken === clientToken);
    if (entry) return entry;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

describe("a change interrupted between the AWS call and its audit record", () => {
  it("is found again at the next start: audited with its resource, nothing left pending", async () => {
    let reachedAws!: () => void;
    const called = new Promise<void>((resolve) => (reachedAws = resolve));
    first = await startTestApp({
      app: {
        dataDir,
        testHooks: {
          // The process "dies" right after AWS answered: nothing after this point ever runs.
          afterAwsCall: () => {
            reachedAws();
            return new Promise<void>(() => undefined);
          },
        },
      },
    });
    const names = namesOf(await topology(first, true));
    const vpcId = names.vpc("consumer-resource-endpoint-vpc");
    const action: Action = { type: "associate-vpc", vpcId, serviceNetworkId: names.serviceNetwork };
    const clientToken = randomUUID();
    void execute(first, action, clientToken);
    await called;
    // The association exists in AWS; the audit log lists nothing yet; the execution is pending.
    const made = await sdk(first).lattice.send(new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: vpcId }));
    expect(made.items).toHaveLength(1);
    expect(
      (await first.request({ method: "GET", url: "/api/audit" }))
        .json<{ entries: AuditEntry[] }>()
        .entries.some((e) => e.clientToken === clientToken),
    ).toBe(false);
    await first.app.close();
    expect(pendingRows()).toBe(1);

    const second = await startTestApp({ emulator: first.emulator, app: { dataDir } });
    try {
      const entry = await auditWhenSettled(second, clientToken);
      expect(entry).toMatchObject({
        action: "associate-vpc",
        outcome: "succeeded",
        resourceKind: "vpcAssociation",
        resourceId: made.items![0]!.id,
        clientToken,
        accountId: "111122223333",
      });
      expect(pendingRows()).toBe(0);
      // The token now answers the change it made, without a second AWS call.
      const replay = await execute(second, action, clientToken);
      expect(replay.statusCode).toBe(200);
      expect(replay.json<ExecuteResponse>()).toMatchObject({ replayed: true, resource: { id: made.items![0]!.id } });
      const after = await sdk(second).lattice.send(
        new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: vpcId }),
      );
      expect(after.items).toHaveLength(1);
    } finally {
      await second.app.close();
    }
  });

  it("a change whose call never took effect is audited as failed (INTERRUPTED) and its token released", async () => {
    // A pending execution and intent as a crash before the call would leave them.
    const reader = await startTestApp({ emulator: first.emulator });
    const names = namesOf(await topology(reader));
    await reader.close();
    const vpcId = names.vpc("consumer-sn-endpoint-vpc");
    const clientToken = randomUUID();
    const db = new Database(path.join(dataDir, AUDIT_FILE));
    const input = { type: "associate-vpc", vpcId, serviceNetworkId: names.serviceNetwork };
    const auditId = Number(
      db
        .prepare(
          `INSERT INTO audit (at, source, region, action, input, outcome, resource_kind, client_token) VALUES (?, 'emulator', 'ap-northeast-1', 'associate-vpc', ?, 'pending', 'vpcAssociation', ?)`,
        )
        .run(new Date().toISOString(), JSON.stringify(input), clientToken).lastInsertRowid,
    );
    db.prepare(
      `INSERT INTO executions (source, region, client_token, fingerprint, action, state, created_at, audit_id) VALUES ('emulator', 'ap-northeast-1', ?, 'f', 'associate-vpc', 'pending', ?, ?)`,
    ).run(clientToken, new Date().toISOString(), auditId);
    db.close();
    const app = await startTestApp({ emulator: first.emulator, app: { dataDir } });
    try {
      const entry = await auditWhenSettled(app, clientToken);
      expect(entry).toMatchObject({ outcome: "failed", errorCode: "INTERRUPTED", resourceKind: "vpcAssociation" });
      expect(pendingRows()).toBe(0);
    } finally {
      await app.app.close();
    }
  });
});
