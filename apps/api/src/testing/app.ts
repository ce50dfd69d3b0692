/** Test harness: a real emulator on a free port and the real app talking to it over HTTP. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmulator, type RunningEmulator } from "@lattice-atlas/aws-emulator";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp, type AppOptions } from "../app.js";

export interface TestApp {
  app: FastifyInstance;
  emulator: RunningEmulator;
  /** inject() with the Host header the security plugin expects. */
  request: (options: InjectOptions & { url: string }) => Promise<LightMyRequestResponse>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of the emulator control API
  control: (method: string, path: string, body?: unknown) => Promise<any>;
  /** Calls the emulator served since the last reset, by "service:Operation". */
  calls: () => Promise<Record<string, number>>;
  /** The app's data folder (a fresh temp folder unless the caller named one). */
  dataDir: string;
  close: () => Promise<void>;
}

export const TEST_PORT = 8080;

/** A temp folder for an app's data, removed by the caller (or by close()). */
export function tempDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), "atlas-test-"));
}

export async function startTestApp(
  options: { scenario?: string; app?: Partial<AppOptions>; emulator?: RunningEmulator } = {},
): Promise<TestApp> {
  const emulator = options.emulator ?? (await startEmulator({ port: 0, scenario: options.scenario ?? "field-report" }));
  const ownDataDir = options.app?.dataDir === undefined;
  const dataDir = options.app?.dataDir ?? tempDataDir();
  const app = await buildApp({
    version: "test",
    port: TEST_PORT,
    host: "127.0.0.1",
    emulatorUrl: emulator.url,
    clientOptions: { maxAttempts: 2 },
    runner: { timeoutMs: 3_000 },
    ...options.app,
    dataDir,
  });
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } } : {}),
    });
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  };
  return {
    app,
    emulator,
    request: (injectOptions) =>
      app.inject({ ...injectOptions, headers: { host: `127.0.0.1:${TEST_PORT}`, ...(injectOptions.headers ?? {}) } }),
    control,
    calls: async () => (await control("GET", "/_emulator/stats")).calls as Record<string, number>,
    dataDir,
    close: async () => {
      await app.close();
      // An emulator handed in belongs to the caller (e.g. across an app restart).
      if (!options.emulator) await emulator.close();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
