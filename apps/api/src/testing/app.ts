/** Test harness: a real emulator on a free port and the real app talking to it over HTTP. */
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
  close: () => Promise<void>;
}

export const TEST_PORT = 8080;

export async function startTestApp(options: { scenario?: string; app?: Partial<AppOptions> } = {}): Promise<TestApp> {
  const emulator = await startEmulator({ port: 0, scenario: options.scenario ?? "field-report" });
  const app = await buildApp({
    version: "test",
    port: TEST_PORT,
    host: "127.0.0.1",
    emulatorUrl: emulator.url,
    clientOptions: { maxAttempts: 2 },
    runner: { timeoutMs: 3_000 },
    ...options.app,
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
    close: async () => {
      await app.close();
      await emulator.close();
    },
  };
}
