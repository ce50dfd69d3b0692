/**
 * End-to-end: the built console served by the real API with its embedded emulator,
 * driven in Debian's Chromium (never a downloaded browser).
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const chromium =
  process.env.ATLAS_CHROMIUM ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
// Ports per run (two runs on one machine must not collide); set once here, inherited by the workers.
process.env.ATLAS_E2E_PORT ??= String(20_000 + (process.pid % 10_000));
process.env.ATLAS_E2E_EMULATOR_PORT ??= String(30_000 + (process.pid % 10_000));
export const APP_PORT = Number(process.env.ATLAS_E2E_PORT);
export const EMULATOR_PORT = Number(process.env.ATLAS_E2E_EMULATOR_PORT);
/** The window every test sees, also for the pages that a test opens on a browser context of its own. */
export const VIEWPORT = { width: 1440, height: 900 };
/** The audit database of an e2e run lives in a temporary folder, never in the user's data folder. */
const dataDir = process.env.ATLAS_E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "atlas-e2e-"));
process.env.ATLAS_E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: "./tests",
  outputDir: "./artifacts/results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["html", { outputFolder: "./artifacts/report", open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
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
  webServer: {
    command: `node ../apps/api/dist/server.js --port ${APP_PORT} --emulator-port ${EMULATOR_PORT} --data-dir ${dataDir}`,
    url: `http://127.0.0.1:${APP_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  },
});
