/**
 * End-to-end: the built console served by the real API with its embedded emulator,
 * driven in Debian's Chromium (never a downloaded browser).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const chromium =
  process.env.ATLAS_CHROMIUM ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
// Four free loopback ports per run (two stacks of API + emulator), asked of the system once here and inherited by
// the workers: ports derived from the process id could land on one a running connection already holds.
if (!process.env.ATLAS_E2E_PORT) {
  const script = `const net = require("node:net");
const servers = [0, 1, 2, 3].map(() => net.createServer());
Promise.all(servers.map((s) => new Promise((r) => s.listen(0, "127.0.0.1", () => r(s.address().port))))).then((ports) => {
  process.stdout.write(ports.join(" "));
  servers.forEach((s) => s.close());
});`;
  const [app, emulator, appB, emulatorB] = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).split(
    " ",
  );
  process.env.ATLAS_E2E_PORT = app;
  process.env.ATLAS_E2E_EMULATOR_PORT = emulator;
  process.env.ATLAS_E2E_PORT_B = appB;
  process.env.ATLAS_E2E_EMULATOR_PORT_B = emulatorB;
}
export const APP_PORT = Number(process.env.ATLAS_E2E_PORT);
export const EMULATOR_PORT = Number(process.env.ATLAS_E2E_EMULATOR_PORT);
const APP_PORT_B = Number(process.env.ATLAS_E2E_PORT_B);
const EMULATOR_PORT_B = Number(process.env.ATLAS_E2E_EMULATOR_PORT_B);
/** The window every test sees, also for the pages that a test opens on a browser context of its own. */
export const VIEWPORT = { width: 1440, height: 900 };
/** The audit database of an e2e run lives in a temporary folder, never in the user's data folder. */
const dataDir = process.env.ATLAS_E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "atlas-e2e-"));
process.env.ATLAS_E2E_DATA_DIR = dataDir;
const dataDirB = process.env.ATLAS_E2E_DATA_DIR_B ?? mkdtempSync(path.join(tmpdir(), "atlas-e2e-b-"));
process.env.ATLAS_E2E_DATA_DIR_B = dataDirB;

/**
 * The suite runs as two lanes side by side, each a project with one worker and its own stack (API + emulator +
 * data folder): a spec resets and changes its stack's emulator, so two specs never share one at the same time.
 * The files below run on the second stack; every other file runs on the first (a new spec needs no entry). The
 * lists are balanced by their measured durations (~5 minutes each on 2 cores).
 */
const SECOND_LANE = [
  "first-screen.spec.ts",
  "actions.spec.ts",
  "explain.spec.ts",
  "scale.spec.ts",
  "audit.spec.ts",
  "custom-domains.spec.ts",
  "sign-in.spec.ts",
  "exports.spec.ts",
].map((file) => `**/${file}`);

const server = (port: number, emulatorPort: number, dir: string) => ({
  command: `node ../apps/api/dist/server.js --port ${port} --emulator-port ${emulatorPort} --data-dir ${dir}`,
  url: `http://127.0.0.1:${port}/api/health`,
  reuseExistingServer: false,
  timeout: 60_000,
  stdout: "pipe" as const,
  env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
});

export default defineConfig({
  testDir: "./tests",
  outputDir: "./artifacts/results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // One worker per lane (see SECOND_LANE); `--workers=1` runs the lanes one after the other.
  workers: 2,
  retries: 0,
  reporter: [["list"], ["html", { outputFolder: "./artifacts/report", open: "never" }]],
  use: {
    viewport: VIEWPORT,
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [
    {
      name: "lane-1",
      testIgnore: SECOND_LANE,
      workers: 1,
      use: { baseURL: `http://127.0.0.1:${APP_PORT}` },
      metadata: { emulatorPort: EMULATOR_PORT },
    },
    {
      name: "lane-2",
      testMatch: SECOND_LANE,
      workers: 1,
      use: { baseURL: `http://127.0.0.1:${APP_PORT_B}` },
      metadata: { emulatorPort: EMULATOR_PORT_B },
    },
  ],
  webServer: [server(APP_PORT, EMULATOR_PORT, dataDir), server(APP_PORT_B, EMULATOR_PORT_B, dataDirB)],
});
