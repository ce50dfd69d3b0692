/** Process glue: configuration, the embedded emulator, listen, graceful shutdown. Nothing else. */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator, type RunningEmulator } from "@lattice-atlas/aws-emulator";
import { buildApp } from "./app.js";
import { ConfigError, parseConfig } from "./config.js";
import { publicUrl } from "./plugins/security.js";
import { createShutdown } from "./shutdown.js";
import { openPostgresStore, type PostgresStore } from "./storage/postgres-store.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const VERSION = "0.1.0";

let config;
try {
  config = parseConfig(process.argv.slice(2), process.env);
} catch (error) {
  if (
    error instanceof ConfigError ||
    (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
  ) {
    console.error(`lattice-atlas: ${error.message}`);
    process.exit(2);
  }
  throw error;
}

// How long /readyz says "draining" before the server stops accepting (graceful shutdown).
const graceMs = Number(process.env.ATLAS_SHUTDOWN_GRACE_MS ?? 0);
if (!Number.isInteger(graceMs) || graceMs < 0 || graceMs > 600_000) {
  console.error("lattice-atlas: ATLAS_SHUTDOWN_GRACE_MS must be a whole number of milliseconds from 0 to 600000.");
  process.exit(2);
}

let emulator: RunningEmulator | undefined;
if (config.emulator.embedded) {
  try {
    emulator = await startEmulator({ port: config.emulator.port, scenario: config.emulator.scenario });
  } catch (error) {
    console.error(
      `lattice-atlas: could not start the embedded AWS emulator on 127.0.0.1:${config.emulator.port} (${(error as Error).message}). Use --emulator-port or --emulator-url.`,
    );
    process.exit(1);
  }
}
let teamStore: PostgresStore | undefined;
if (config.databaseUrl) {
  try {
    teamStore = await openPostgresStore(config.databaseUrl);
  } catch (error) {
    const hint = (error as { details?: { hint?: string } }).details?.hint;
    console.error(`lattice-atlas: ${(error as Error).message}${hint ? ` ${hint}` : ""}`);
    await emulator?.close();
    process.exit(1);
  }
}
const emulatorUrl = emulator?.url ?? config.emulator.url;
const here = path.dirname(fileURLToPath(import.meta.url));

const app = await buildApp({
  version: VERSION,
  port: config.port,
  host: config.host,
  allowedHosts: config.allowedHosts,
  token: config.token,
  emulatorUrl,
  defaultSource: config.source,
  region: config.region,
  allowAwsMutations: config.allowMutations,
  readOnly: config.readOnly,
  dataDir: config.dataDir,
  discoveryDeadlineMs: config.discoveryDeadlineMs,
  refreshAfterMinutes: config.refreshAfterMinutes,
  ...(config.estate ? { estate: config.estate } : {}),
  ...(config.assumeRoleArn ? { assumeRoleArn: config.assumeRoleArn } : {}),
  ...(teamStore ? { teamStore } : {}),
  auth: config.auth,
  webRoot: process.env.ATLAS_WEB_ROOT ?? path.resolve(here, "../../web/dist"),
  logger: process.env.ATLAS_LOG === "1",
});
const address = await app.listen({ port: config.port, host: config.host });
// Bound to all interfaces: print one of this machine's addresses (0.0.0.0 is not a place a browser can go).
const url = publicUrl(config.host, Number(new URL(address).port));
console.log(`Lattice Atlas is running at ${url}${config.token ? `/?token=${config.token}` : ""}`);
if (emulatorUrl)
  console.log(
    `  AWS source: ${emulator ? `embedded emulator (${config.emulator.scenario} scenario)` : "emulator"} at ${emulatorUrl}`,
  );
console.log(
  `  default source: ${config.source}${config.region ? `, region ${config.region}` : ""}; API docs at ${url}/api/docs`,
);
console.log(
  `  changes: ${config.readOnly ? "refused (--read-only)" : config.allowMutations ? "allowed, real AWS included (--allow-mutations)" : "emulator only (real AWS needs --allow-mutations)"}; audit log in ${config.dataDir}`,
);
if (config.tokenGenerated) console.log("  bound beyond loopback: the token above is required on every request");

if (teamStore) console.log("  saved views: PostgreSQL (--store postgres)");
if (config.assumeRoleArn)
  console.log(
    `  AWS calls through ${config.assumeRoleArn} (reads as lattice-atlas, a signed-in user's as atlas-<user>)`,
  );
if (config.auth.mode === "team") {
  const ways = [
    ...(config.auth.oidc ? [`OpenID Connect (${config.auth.oidc.issuer})`] : []),
    ...(config.auth.trustedProxies.length > 0 ? [`proxy headers from ${config.auth.trustedProxies.join(", ")}`] : []),
  ];
  console.log(`  team mode: sign-in by ${ways.join(" or ")}; sessions in ${teamStore ? "PostgreSQL" : config.dataDir}`);
}

// Graceful: /readyz 503 and no new change, ATLAS_SHUTDOWN_GRACE_MS for the load balancer to notice, the
// changes in flight finish, the server closes, then the stores (see shutdown.ts).
const shutdown = createShutdown({
  app,
  drain: app.lifecycle.drain,
  inflightChanges: app.lifecycle.inflightChanges,
  graceMs,
  closeStores: async () => {
    await teamStore?.close();
    await emulator?.close();
  },
  log: (message) => console.log(`lattice-atlas: ${message}`),
});
const stop = (signal: string) => {
  console.log(`lattice-atlas: ${signal} received`);
  shutdown().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`lattice-atlas: shutdown failed: ${(error as Error).message}`);
      process.exit(1);
    },
  );
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
