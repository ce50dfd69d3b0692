/**
 * Two replicas on one PostgreSQL, over real HTTP on loopback ports, against one emulator: a client token
 * sent to both at once makes one change (the claim is the executions table's primary key), and a change
 * made through one replica invalidates the other's cached topology (LISTEN/NOTIFY), while a replica that
 * does not listen keeps serving its stale picture. Prints the median time for a change to show on the other.
 */
import { randomUUID } from "node:crypto";
import { CreateServiceNetworkCommand } from "@aws-sdk/client-vpc-lattice";
import { startEmulator, type RunningEmulator } from "@lattice-atlas/aws-emulator";
import type { Action, AuditResponse, ExecuteResponse, Topology } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { REGION } from "../testing/actions.js";
import { startTestPostgres, type TestPostgres } from "../testing/postgres.js";
import { startReplica, type Replica } from "../testing/replicas.js";
import { CHANGE_CHANNEL } from "./change-feed.js";
import { VPCLatticeClient } from "@aws-sdk/client-vpc-lattice";

let postgres: TestPostgres | undefined;
let emulator: RunningEmulator | undefined;
let a: Replica;
let b: Replica;
/** A replica on the same database that does not listen for other replicas' changes. */
let deaf: Replica;
let network: string;
const SERVICE = "svc-0a836c24f4bc2c8ea";

beforeAll(async () => {
  postgres = await startTestPostgres();
  emulator = await startEmulator({ port: 0, scenario: "field-report" });
  a = await startReplica(postgres.url, emulator);
  b = await startReplica(postgres.url, emulator);
  deaf = await startReplica(postgres.url, emulator, {
    store: ({ views, snapshots, audit, ping }) => ({ views, snapshots, audit, ping }),
  });
  const lattice = new VPCLatticeClient({
    region: REGION,
    endpoint: emulator.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  network = (await lattice.send(new CreateServiceNetworkCommand({ name: "replica-sn" }))).id!;
}, 90_000);
afterAll(async () => {
  for (const replica of [a, b, deaf]) await replica?.close();
  await emulator?.close();
  postgres?.stop();
});

const topologyOf = async (replica: Replica): Promise<Topology> => {
  const response = await fetch(`${replica.url}/api/topology`);
  expect(response.status).toBe(200);
  return (await response.json()) as Topology;
};
const shows = (topology: Topology, id: string): boolean => JSON.stringify(topology).includes(id);

const execute = (replica: Replica, action: Action, clientToken: string) =>
  fetch(`${replica.url}/api/actions/execute`, {
    method: "POST",
    headers: replica.mutationHeaders,
    body: JSON.stringify({ action, clientToken }),
  });

/** Reads the replica's topology until `seen` holds; the milliseconds it took. */
async function until(replica: Replica, seen: (t: Topology) => boolean, timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (seen(await topologyOf(replica))) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`not seen on ${replica.url} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("two replicas on one PostgreSQL, over HTTP", () => {
  it("one client token sent to both replicas at once makes one change", async () => {
    const action: Action = { type: "associate-service", serviceNetworkId: network, serviceId: SERVICE };
    const token = randomUUID();
    const answers = await Promise.all([execute(a, action, token), execute(b, action, token)]);
    const statuses = answers.map((r) => r.status).sort();
    // The loser either replays the stored answer or is told the token is running elsewhere (retry).
    expect(statuses[0]).toBe(200);
    expect([200, 409]).toContain(statuses[1]);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    const made = bodies.filter((body) => (body as ExecuteResponse).replayed === false) as ExecuteResponse[];
    expect(made).toHaveLength(1);
    // A retry on either replica answers the one change.
    for (const replica of [a, b]) {
      const again = await execute(replica, action, token);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ replayed: true, resource: { id: made[0]!.resource.id } });
    }
    const audit = (await (await fetch(`${b.url}/api/audit?limit=20`)).json()) as AuditResponse;
    const succeeded = audit.entries.filter((e) => e.clientToken === token && e.outcome === "succeeded");
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]!.resourceId).toBe(made[0]!.resource.id);
    // Undo, so the next case starts without the association.
    const removed = await execute(
      a,
      { type: "remove-service-association", associationId: made[0]!.resource.id },
      randomUUID(),
    );
    expect(removed.status).toBe(200);
  });

  it("a change through one replica shows on the other's next topology; a replica not listening stays stale", async () => {
    const times: number[] = [];
    for (const replica of [a, b, deaf]) await until(replica, (t) => !shows(t, "replica-sn-never"));
    for (let i = 0; i < 5; i++) {
      // Both caches warm and cached (no discovery pending) before the change.
      const before = await topologyOf(b);
      const staleBefore = await topologyOf(deaf);
      expect(before.stats.cached).toBe(true);
      const response = await execute(
        a,
        { type: "associate-service", serviceNetworkId: network, serviceId: SERVICE },
        randomUUID(),
      );
      expect(response.status).toBe(200);
      const id = ((await response.json()) as ExecuteResponse).resource.id;
      expect(shows(before, id)).toBe(false);
      times.push(await until(b, (t) => shows(t, id)));
      // Without the feed, the third replica keeps its cached picture: the change is not there.
      const stale = await topologyOf(deaf);
      expect(stale.stats.cached).toBe(true);
      expect(shows(stale, id)).toBe(false);
      expect(shows(staleBefore, id)).toBe(false);
      const removal = await execute(a, { type: "remove-service-association", associationId: id }, randomUUID());
      expect(removal.status).toBe(200);
      times.push(await until(b, (t) => !shows(t, id)));
    }
    const sorted = [...times].sort((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `cross-replica change propagation (change answered on A → B's /api/topology shows it, incl. B's re-discovery): median ${median.toFixed(0)} ms over ${times.length} changes (min ${sorted[0]!.toFixed(0)}, max ${sorted[sorted.length - 1]!.toFixed(0)})`,
    );
  });

  it("the other replica re-reads only what the change touched; a notification without slices re-reads everything", async () => {
    expect((await topologyOf(b)).stats.cached).toBe(true);
    const response = await execute(
      a,
      { type: "associate-service", serviceNetworkId: network, serviceId: SERVICE },
      randomUUID(),
    );
    const id = ((await response.json()) as ExecuteResponse).resource.id;
    let shown: Topology | undefined;
    await until(b, (t) => (shows(t, id) ? Boolean((shown = t)) : false));
    // B's own answer that first showed it: patched from two Lists, its last full read's time kept.
    expect(shown!.stats).toMatchObject({ cached: false, patchedAt: expect.any(String) });
    expect(shown!.stats.calls).toEqual({
      "vpc-lattice:ListServiceNetworks": 1,
      "vpc-lattice:ListServiceNetworkServiceAssociations": 1,
    });
    // A's own next read is patched the same way.
    expect((await topologyOf(a)).stats.patchedAt).toEqual(expect.any(String));
    await execute(a, { type: "remove-service-association", associationId: id }, randomUUID());
    await until(b, (t) => !shows(t, id));

    // A replica of an earlier version tells a change without slices: B reads the whole account again.
    const client = new pg.Client({ connectionString: postgres!.url });
    await client.connect();
    try {
      await client.query("SELECT pg_notify($1, $2)", [
        CHANGE_CHANNEL,
        JSON.stringify({ source: shown!.source.id, region: REGION, origin: "an-earlier-replica" }),
      ]);
    } finally {
      await client.end();
    }
    await until(b, (t) => !t.stats.cached && t.stats.patchedAt === undefined && t.stats.totalCalls > 10);
  });
});
