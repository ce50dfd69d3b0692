#!/usr/bin/env node
/**
 * The two commands, on a machine that has only Node.js 20 and npm:
 *   npm start  → install what is missing, build what is stale, serve the console
 *   npm test   → install what is missing (Debian's chromium and postgresql too), run every test
 * Everything else is delegated to pnpm (fetched by npx, pinned).
 */
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PNPM = ["npx", "--yes", "pnpm@12.4.2"];
const INSTALL_STAMP = path.join(root, "node_modules", ".atlas-install-stamp");
const BUILD_STAMP = path.join(root, "apps", "api", "dist", ".atlas-build-stamp");
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", CI: process.env.CI ?? "true" };

function step(title) {
  console.log(`\n\u001b[1m▶ ${title}\u001b[0m`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env, ...options });
  if (result.status !== 0) {
    console.error(`\n✖ ${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

function pnpm(...args) {
  run(PNPM[0], [...PNPM.slice(1), ...args]);
}

/** Manifests that decide what gets installed. */
function manifestHash() {
  const hash = createHash("sha256");
  for (const file of [
    "pnpm-lock.yaml",
    "pnpm-workspace.yaml",
    "package.json",
    ...workspacePackages().map((p) => path.join(p, "package.json")),
  ]) {
    const full = path.join(root, file);
    if (existsSync(full)) hash.update(file).update(readFileSync(full));
  }
  return hash.digest("hex");
}

function workspacePackages() {
  const out = [];
  for (const parent of ["apps", "packages"]) {
    const dir = path.join(root, parent);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir))
      if (existsSync(path.join(dir, name, "package.json"))) out.push(path.join(parent, name));
  }
  if (existsSync(path.join(root, "e2e", "package.json"))) out.push("e2e");
  return out;
}

function ensureInstalled() {
  const want = manifestHash();
  if (existsSync(INSTALL_STAMP) && readFileSync(INSTALL_STAMP, "utf8") === want) return;
  step("Installing dependencies (pnpm, frozen lockfile)");
  pnpm("install", "--frozen-lockfile");
  writeFileSync(INSTALL_STAMP, want);
}

/** Newest modification time under the source folders that the build reads. */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const pkg of workspacePackages()) {
    for (const sub of ["src", "index.html", "vite.config.ts", "public"]) {
      const full = path.join(root, pkg, sub);
      if (!existsSync(full)) continue;
      if (statSync(full).isDirectory()) visit(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

function ensureBuilt(force = false) {
  if (!force && existsSync(BUILD_STAMP) && statSync(BUILD_STAMP).mtimeMs >= newestSource()) return;
  step("Building the API, the emulator and the web console");
  run(process.execPath, ["scripts/build.mjs"]);
  writeFileSync(BUILD_STAMP, new Date().toISOString());
}

function chromiumPath() {
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
}

/** apt-get as root, else through `sudo -n` (never prompts). */
function apt(args) {
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const prefix = asRoot ? [] : ["sudo", "-n"];
  run(prefix[0] ?? "apt-get", prefix.length ? [...prefix.slice(1), "apt-get", ...args] : args, {
    env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

function ensureChromium() {
  if (process.env.ATLAS_CHROMIUM && existsSync(process.env.ATLAS_CHROMIUM)) return;
  if (chromiumPath()) return;
  step("Installing Debian's chromium for the end-to-end tests");
  apt(["update"]);
  apt(["install", "-y", "--no-install-recommends", "chromium"]);
  if (!chromiumPath()) {
    console.error("✖ chromium is still missing after apt-get install; set ATLAS_CHROMIUM to a Chromium binary");
    process.exit(1);
  }
}

/**
 * The folder with initdb and pg_ctl, found the way the store tests find it (apps/api/src/testing/postgres.ts):
 * ATLAS_PG_BIN, PATH, then Debian's /usr/lib/postgresql/<newest>/bin.
 */
function postgresBin() {
  const debian = "/usr/lib/postgresql";
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))
        .map((v) => path.join(debian, v, "bin"))
    : [];
  return [process.env.ATLAS_PG_BIN, ...(process.env.PATH ?? "").split(path.delimiter), ...versions]
    .filter(Boolean)
    .find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")));
}

/** The store tests start a throwaway PostgreSQL cluster; install Debian's `postgresql` when it is absent. */
function ensurePostgres() {
  if (postgresBin()) return;
  step("Installing Debian's postgresql for the store tests");
  apt(["update"]);
  apt(["install", "-y", "--no-install-recommends", "postgresql"]);
  if (!postgresBin()) {
    console.error("✖ initdb/pg_ctl are still missing after apt-get install; set ATLAS_PG_BIN to their folder");
    process.exit(1);
  }
}

const command = process.argv[2];
const passthrough = process.argv.slice(3);

if (command === "start") {
  ensureInstalled();
  ensureBuilt();
  step("Starting Lattice Atlas");
  const child = spawn(process.execPath, [path.join(root, "apps/api/dist/server.js"), ...passthrough], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else if (command === "test") {
  const started = Date.now();
  ensureInstalled();
  ensureChromium();
  ensurePostgres();
  step("Type-checking");
  pnpm("run", "typecheck");
  step("Linting");
  pnpm("run", "lint");
  step("Formatting (Prettier)");
  pnpm("run", "format:check");
  step("Unit and integration tests (vitest)");
  pnpm("run", "test:unit");
  ensureBuilt(true);
  if (existsSync(path.join(root, "e2e", "playwright.config.ts"))) {
    step("End-to-end tests (Playwright, Debian chromium)");
    pnpm("run", "test:e2e");
  }
  console.log(`\n✔ every test passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} else {
  console.error("usage: node scripts/atlas.mjs start|test");
  process.exit(2);
}
