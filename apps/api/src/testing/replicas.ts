/**
 * Test harness: API replicas listening on real loopback ports, sharing one PostgreSQL database and one
 * emulator, as two processes behind a load balancer would. Each replica has its own data folder (nothing of
 * a replica's state lives there in team mode but the laptop files it still opens).
 */
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import type { RunningEmulator } from "@lattice-atlas/aws-emulator";
import type { FastifyInstance } from "fastify";
import { buildApp, type AppOptions } from "../app.js";
import { openPostgresStore, type PostgresStore } from "../storage/postgres-store.js";
import { tempDataDir } from "./app.js";

export interface Replica {
  url: string;
  app: FastifyInstance;
  store: PostgresStore;
  /** Headers a same-origin mutation from this replica's console carries. */
  mutationHeaders: Record<string, string>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startReplica(
  databaseUrl: string,
  emulator: RunningEmulator,
  options: { app?: Partial<AppOptions>; store?: (store: PostgresStore) => AppOptions["teamStore"] } = {},
): Promise<Replica> {
  const store = await openPostgresStore(databaseUrl);
  const port = await freePort();
  const dataDir = tempDataDir();
  const app = await buildApp({
    version: "test",
    port,
    host: "127.0.0.1",
    emulatorUrl: emulator.url,
    clientOptions: { maxAttempts: 2 },
    runner: { timeoutMs: 3_000 },
    dataDir,
    teamStore: options.store ? options.store(store) : store,
    ...options.app,
  });
  await app.listen({ port, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    app,
    store,
    mutationHeaders: { origin: url, "x-atlas-csrf": "1", "content-type": "application/json" },
    async close() {
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
