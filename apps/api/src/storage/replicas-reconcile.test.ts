/**
 * Reconciliation with replicas, two apps on one real PostgreSQL and one emulator: replica A makes a change and
 * stops right after AWS answered (a test hook that never returns) while it keeps renewing its lease. Replica B,
 * started meanwhile, reconciles and must leave A's change alone (A is alive), and a retry of the same client
 * token on B is a conflict, not a second call. Then A dies (its app closes: no more heartbeats); once its lease
 * has run out, B's periodic sweep adopts the change and settles it from what AWS shows, and the token replays.
 */
import { randomUUID } from "node:crypto";
import { ListServiceNetworkVpcAssociationsCommand } from "@aws-sdk/client-vpc-lattice";
import type { Action, AuditEntry, ExecuteResponse } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf, execute, namesOf, sdk, topology } from "../testing/actions.js";
import { startTestApp, type TestApp } from "../testing/app.js";
import { startTestPostgres, type TestPostgres } from "../testing/postgres.js";
import { openPostgresStore, type PostgresStore } from "./postgres-store.js";

/** Short, so that the test can wait a dead replica's lease out; renewed every third of it. */
const LEASE_MS = 1_500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let postgres: TestPostgres | undefined;
const stores: PostgresStore[] = [];
let a: TestApp | undefined;
let b: TestApp | undefined;

beforeAll(async () => {
  postgres = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await b?.app.close();
  await a?.app.close();
  await a?.emulator.close();
  await Promise.all(stores.map((s) => s.close()));
  postgres?.stop();
});

async function store(): Promise<PostgresStore> {
  const opened = await openPostgresStore(postgres!.url, { leaseMs: LEASE_MS });
  stores.push(opened);
  return opened;
}

async function entryOf(app: TestApp, clientToken: string): Promise<AuditEntry | undefined> {
  const { entries } = (await app.request({ method: "GET", url: "/api/audit" })).json<{ entries: AuditEntry[] }>();
  return entries.find((e) => e.clientToken === clientToken);
}

describe("reconciliation on two replicas of one PostgreSQL", () => {
  it("leaves a live replica's change in flight alone, and settles it once that replica is gone", async () => {
    let reachedAws!: () => void;
    const called = new Promise<void>((resolve) => (reachedAws = resolve));
    a = await startTestApp({
      app: {
        teamStore: await store(),
        replicaId: "replica-a",
        testHooks: {
          afterAwsCall: () => {
            reachedAws();
            return new Promise<void>(() => undefined); // A hangs here, alive, until its app closes
          },
        },
      },
    });
    const names = namesOf(await topology(a, true));
    const vpcId = names.vpc("consumer-resource-endpoint-vpc");
    const action: Action = { type: "associate-vpc", vpcId, serviceNetworkId: names.serviceNetwork };
    const clientToken = randomUUID();
    void execute(a, action, clientToken);
    await called;
    const associations = async () =>
      (await sdk(a!).lattice.send(new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: vpcId }))).items ?? [];
    expect(await associations()).toHaveLength(1);

    const storeB = await store();
    b = await startTestApp({ emulator: a.emulator, app: { teamStore: storeB, replicaId: "replica-b" } });
    // Longer than the lease: A's heartbeats keep its change its own, whatever B's start-up and sweeps do.
    await sleep(LEASE_MS * 2);
    expect(await b.app.lifecycle.reconcile()).toEqual({ settled: 0, left: 0 });
    const key = { source: "emulator", region: "ap-northeast-1", clientToken };
    expect(await storeB.audit.execution(key)).toMatchObject({ state: "pending", owner: "replica-a" });
    expect(await entryOf(b, clientToken)).toBeUndefined();
    // The same token on B while A runs it: a conflict, and no second call to AWS.
    const retried = await execute(b, action, clientToken);
    expect(retried.statusCode).toBe(409);
    expect(errorOf(retried)).toMatchObject({ code: "CONFLICT" });
    expect(await associations()).toHaveLength(1);

    // A dies: no more heartbeats. B's sweep (every lease period) adopts the change once the lease ran out.
    await a.app.close();
    let entry: AuditEntry | undefined;
    for (let i = 0; i < 120 && entry?.outcome !== "succeeded"; i++) {
      await sleep(250);
      entry = await entryOf(b, clientToken);
    }
    expect(entry).toMatchObject({
      action: "associate-vpc",
      outcome: "succeeded",
      resourceKind: "vpcAssociation",
      resourceId: (await associations())[0]!.id,
    });
    expect(await storeB.audit.execution(key)).toMatchObject({ state: "done", owner: "replica-b" });
    const replay = await execute(b, action, clientToken);
    expect(replay.statusCode).toBe(200);
    expect(replay.json<ExecuteResponse>()).toMatchObject({ replayed: true });
    expect(await associations()).toHaveLength(1);
  }, 90_000);
});
