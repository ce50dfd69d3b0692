/**
 * Graceful shutdown over real HTTP: a replica on a real PostgreSQL with a change in flight (held after AWS
 * answered, before it is recorded) is told to shut down; /readyz turns 503, a new change is refused, the
 * change in flight answers its client and is recorded, then the server stops accepting and the store closes.
 * And the real server process: SIGTERM makes it exit 0 after the same steps.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CreateServiceNetworkCommand, VPCLatticeClient } from "@aws-sdk/client-vpc-lattice";
import { startEmulator, type RunningEmulator } from "@lattice-atlas/aws-emulator";
import type { ExecuteResponse } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGION } from "./testing/actions.js";
import { startTestPostgres, type TestPostgres } from "./testing/postgres.js";
import { freePort, startReplica, type Replica } from "./testing/replicas.js";
import { openPostgresStore } from "./storage/postgres-store.js";
import { createShutdown } from "./shutdown.js";

let postgres: TestPostgres | undefined;
let emulator: RunningEmulator | undefined;

beforeAll(async () => {
  postgres = await startTestPostgres();
  emulator = await startEmulator({ port: 0, scenario: "field-report" });
}, 60_000);
afterAll(async () => {
  await emulator?.close();
  postgres?.stop();
});

describe("graceful shutdown", () => {
  it("drains: /readyz 503, new changes refused, the change in flight answered and recorded, then closes", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const atAws = new Promise<void>((resolve) => (reached = resolve));
    const replica: Replica = await startReplica(postgres!.url, emulator!, {
      app: {
        testHooks: {
          afterAwsCall: async () => {
            reached();
            await held;
          },
        },
      },
    });
    const lattice = new VPCLatticeClient({
      region: REGION,
      endpoint: emulator!.url,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
    });
    const network = (await lattice.send(new CreateServiceNetworkCommand({ name: "shutdown-sn" }))).id!;
    const execute = (token: string) =>
      fetch(`${replica.url}/api/actions/execute`, {
        method: "POST",
        headers: replica.mutationHeaders,
        body: JSON.stringify({
          action: { type: "associate-service", serviceNetworkId: network, serviceId: "svc-0a836c24f4bc2c8ea" },
          clientToken: token,
        }),
      });
    expect((await fetch(`${replica.url}/readyz`)).status).toBe(200);

    const token = randomUUID();
    const inFlight = execute(token);
    await atAws;
    expect(replica.app.lifecycle.inflightCount()).toBe(1);
    const steps: string[] = [];
    const shutdown = createShutdown({
      app: replica.app,
      drain: replica.app.lifecycle.drain,
      inflightChanges: replica.app.lifecycle.inflightChanges,
      closeStores: () => replica.store.close(),
      log: (message) => steps.push(message),
    });
    const done = shutdown();

    const ready = await fetch(`${replica.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "draining" });
    const refused = await execute(randomUUID());
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({
      error: { code: "SHUTTING_DOWN", hint: expect.stringContaining("same client token") },
    });
    // Still open: the store has not closed under the change in flight.
    expect(await replica.store.ping()).toBe(true);

    release();
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    const body = (await answered.json()) as ExecuteResponse;
    await done;
    expect(steps).toEqual([
      "shutting down: /readyz is 503, new changes are refused",
      "changes in flight finished; closing the server",
      "stores closed",
    ]);
    expect(shutdown()).toBe(done);
    await expect(fetch(`${replica.url}/healthz`)).rejects.toThrow();
    expect(await replica.store.ping()).toBe(false);

    // Recorded before the store closed: the claim is done with its answer, the audit entry succeeded.
    const check = await openPostgresStore(postgres!.url);
    try {
      const execution = await check.audit.execution<ExecuteResponse>({
        source: "emulator",
        region: REGION,
        clientToken: token,
      });
      expect(execution).toMatchObject({ state: "done", result: { resource: { id: body.resource.id } } });
      const { entries } = await check.audit.list({ limit: 10 });
      expect(entries.find((e) => e.clientToken === token)).toMatchObject({
        outcome: "succeeded",
        resourceId: body.resource.id,
      });
    } finally {
      await check.close();
    }
  }, 60_000);

  it("the server process exits 0 on SIGTERM after draining", async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
    const dataDir = mkdtempSync(path.join(tmpdir(), "atlas-sigterm-"));
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(root, "apps/api/src/server.ts"),
        "--host",
        "127.0.0.1",
        "--port",
        String(port),
        "--emulator-url",
        emulator!.url,
        "--data-dir",
        dataDir,
        "--database-url",
        postgres!.url,
      ],
      { cwd: root, env: { ...process.env, ATLAS_WEB_ROOT: dataDir }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const deadline = Date.now() + 40_000;
      while (!output.includes("Lattice Atlas is running")) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start: ${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).toContain("SIGTERM received");
      expect(output).toContain("stores closed");
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
