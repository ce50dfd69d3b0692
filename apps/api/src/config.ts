/**
 * Command-line flags and environment for `npm start` (flags win):
 *   --source emulator|default|profile:<name>   ATLAS_SOURCE
 *   --profile <name>                           ATLAS_PROFILE / AWS_PROFILE (implies that profile as source)
 *   --region <region>                          ATLAS_REGION
 *   --host <addr> (127.0.0.1)                  ATLAS_HOST
 *   --port <n> (8080)                          ATLAS_PORT
 *   --token <t>                                ATLAS_TOKEN (generated when binding beyond loopback)
 *   --allowed-host <name> (repeatable)         ATLAS_ALLOWED_HOSTS (comma separated)
 *   --emulator-url <url>                       ATLAS_EMULATOR_URL (use a running emulator instead of embedding one)
 *   --emulator-port <n> (4566)                 ATLAS_EMULATOR_PORT
 *   --scenario <name> (field-report)           ATLAS_SCENARIO
 *   --no-emulator                              ATLAS_NO_EMULATOR=1
 *   --allow-mutations                          ATLAS_ALLOW_MUTATIONS=1 (needed to change real AWS)
 *   --read-only                                ATLAS_READ_ONLY=1 (refuse every change, the emulator's too)
 *   --data-dir <dir>                           ATLAS_DATA_DIR (audit log and executed client tokens;
 *                                              default ${XDG_DATA_HOME:-~/.local/share}/lattice-atlas)
 *   --discovery-deadline <seconds> (30)        ATLAS_DISCOVERY_DEADLINE (one discovery's time; then what was
 *                                              read is the answer, with warnings naming what is missing)
 *   --refresh-after <minutes> (10)             ATLAS_REFRESH_AFTER (a picture read longer ago is marked stale, and the
 *                                              console re-reads it in the background when opened or switched to;
 *                                              0 turns that off)
 * An estate (many accounts, each reached by assuming a role from the hub's credentials):
 *   --estate <file.json>                       ATLAS_ESTATE (see sources/estate-config.ts)
 *   --role-name <name>                         ATLAS_ROLE_NAME (the member accounts' read-only role)
 *   --external-id <id>                         ATLAS_EXTERNAL_ID
 *   --accounts organization|<id,id,…>          ATLAS_ACCOUNTS (default: the organization's ACTIVE accounts)
 *   --regions <r1,r2,…>                        ATLAS_REGIONS (default: --region)
 *   --hub default|profile:<name>|emulator:<id> ATLAS_HUB (whose credentials assume the role; default: default)
 *   --store sqlite|postgres (sqlite)           ATLAS_STORE (where saved views live; postgres needs --database-url)
 *   --database-url postgres://…                ATLAS_DATABASE_URL (implies --store postgres)
 *   --assume-role-arn arn:aws:iam::<id>:role/<name>
 *                                              ATLAS_ASSUME_ROLE_ARN (the default and emulator sources assume
 *                                              this role: reads as lattice-atlas, a signed-in user's calls as
 *                                              atlas-<user>, so one account gets per-user session names)
 * Team mode (sign-in and roles): --mode team and the flags in auth/config.ts.
 */
import { randomBytes } from "node:crypto";
import { homedir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PATTERNS, isKnownRegion } from "@lattice-atlas/shared";
import { AUTH_FLAGS, AuthConfigError, parseAuthConfig, type AuthConfig } from "./auth/config.js";
import { isLoopback } from "./plugins/security.js";
import { EstateConfigError, parseEstate, type EstateSpec } from "./sources/estate-config.js";

export interface ServerConfig {
  source: string;
  region?: string | undefined;
  host: string;
  port: number;
  token?: string | undefined;
  tokenGenerated: boolean;
  allowedHosts: string[];
  emulator: { embedded: boolean; url?: string | undefined; port: number; scenario: string };
  allowMutations: boolean;
  readOnly: boolean;
  dataDir: string;
  discoveryDeadlineMs: number;
  /** A picture older than this is stale; the console refreshes it when it opens it (0: never by itself). */
  refreshAfterMinutes: number;
  estate?: EstateSpec | undefined;
  /** The PostgreSQL team store (--store postgres); absent: the laptop's SQLite files in dataDir. */
  databaseUrl?: string | undefined;
  /** laptop (no sign-in) or team (sign-in and roles). */
  auth: AuthConfig;
  /** --assume-role-arn: the hub role of the default and emulator sources. */
  assumeRoleArn?: string | undefined;
}

/** An IAM role ARN in any partition, a path allowed: arn:aws:iam::123456789012:role/path/Name. */
const ROLE_ARN = /^arn:aws(?:-[a-z]+)*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

function assumeRoleArnFrom(value: string | undefined): { assumeRoleArn?: string } {
  if (value === undefined) return {};
  const arn = value.trim();
  if (!ROLE_ARN.test(arn))
    throw new ConfigError(
      `--assume-role-arn "${arn.slice(0, 200)}" is not an IAM role ARN: write arn:aws:iam::<12-digit account>:role/<name> (the role the server's own credentials assume; its trust policy must admit them)`,
    );
  return { assumeRoleArn: arn };
}

export class ConfigError extends Error {}

export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig {
  const { values } = parseArgs({
    // Package managers may pass a leading "--" through (`pnpm start -- --port 9000`).
    args: argv[0] === "--" ? argv.slice(1) : argv,
    options: {
      source: { type: "string" },
      profile: { type: "string" },
      region: { type: "string" },
      host: { type: "string" },
      port: { type: "string" },
      token: { type: "string" },
      "allowed-host": { type: "string", multiple: true },
      "emulator-url": { type: "string" },
      "emulator-port": { type: "string" },
      scenario: { type: "string" },
      "no-emulator": { type: "boolean" },
      "allow-mutations": { type: "boolean" },
      "read-only": { type: "boolean" },
      "data-dir": { type: "string" },
      "discovery-deadline": { type: "string" },
      "refresh-after": { type: "string" },
      estate: { type: "string" },
      "role-name": { type: "string" },
      "external-id": { type: "string" },
      accounts: { type: "string" },
      regions: { type: "string" },
      hub: { type: "string" },
      store: { type: "string" },
      "database-url": { type: "string" },
      "assume-role-arn": { type: "string" },
      ...AUTH_FLAGS,
    },
    strict: true,
    allowPositionals: false,
  });
  const profile = values.profile ?? env.ATLAS_PROFILE;
  const region = values.region ?? env.ATLAS_REGION;
  let estate: EstateSpec | undefined;
  try {
    estate = parseEstate({
      file: values.estate ?? env.ATLAS_ESTATE,
      roleName: values["role-name"] ?? env.ATLAS_ROLE_NAME,
      externalId: values["external-id"] ?? env.ATLAS_EXTERNAL_ID,
      accounts: values.accounts ?? env.ATLAS_ACCOUNTS,
      regions: values.regions ?? env.ATLAS_REGIONS,
      hub: values.hub ?? env.ATLAS_HUB,
      region,
    });
  } catch (error) {
    if (error instanceof EstateConfigError) throw new ConfigError(`estate ${error.message}`);
    throw error;
  }
  const scenario = values.scenario ?? env.ATLAS_SCENARIO ?? "field-report";
  // The emulator's estate scenario is read as the estate it is (every account), not as its hub account alone.
  const emulatorDefault = scenario === "estate" ? "estate:emulator" : "emulator";
  const source =
    values.source ?? env.ATLAS_SOURCE ?? (estate ? "estate" : profile ? `profile:${profile}` : emulatorDefault);
  if (!new RegExp(PATTERNS.sourceId).test(source))
    throw new ConfigError(`--source must be emulator, default, estate or profile:<name>, not "${source}"`);
  if (source === "estate" && !estate) throw new ConfigError("--source estate needs --estate <file> or --role-name");
  if (region !== undefined && !isKnownRegion(region))
    throw new ConfigError(`--region "${region}" is not an AWS region`);
  const host = values.host ?? env.ATLAS_HOST ?? "127.0.0.1";
  const port = Number(values.port ?? env.ATLAS_PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`--port must be 0–65535, not "${values.port ?? env.ATLAS_PORT}"`);
  const emulatorPort = Number(values["emulator-port"] ?? env.ATLAS_EMULATOR_PORT ?? 4566);
  if (!Number.isInteger(emulatorPort) || emulatorPort < 0 || emulatorPort > 65535)
    throw new ConfigError("--emulator-port must be 0–65535");
  const deadlineText = values["discovery-deadline"] ?? env.ATLAS_DISCOVERY_DEADLINE ?? "30";
  const deadlineSeconds = Number(deadlineText);
  if (deadlineText.trim() === "" || !Number.isFinite(deadlineSeconds) || deadlineSeconds < 1 || deadlineSeconds > 3600)
    throw new ConfigError(`--discovery-deadline must be a number of seconds from 1 to 3600, not "${deadlineText}"`);
  const refreshText = values["refresh-after"] ?? env.ATLAS_REFRESH_AFTER ?? "10";
  const refreshAfterMinutes = Number(refreshText);
  if (
    refreshText.trim() === "" ||
    !Number.isFinite(refreshAfterMinutes) ||
    refreshAfterMinutes < 0 ||
    refreshAfterMinutes > 1440
  )
    throw new ConfigError(
      `--refresh-after must be a number of minutes from 0 (never refresh by itself) to 1440, not "${refreshText}"`,
    );
  let auth: AuthConfig;
  try {
    auth = parseAuthConfig(values, env);
  } catch (error) {
    if (error instanceof AuthConfigError) throw new ConfigError(error.message);
    throw error;
  }
  let token = values.token ?? env.ATLAS_TOKEN;
  let tokenGenerated = false;
  // Team mode signs users in instead: no shared token.
  if (!token && !isLoopback(host) && auth.mode === "laptop") {
    // Like Jupyter: beyond loopback, a token is required; we make one and print it.
    token = randomBytes(24).toString("base64url");
    tokenGenerated = true;
  }
  const emulatorUrl = values["emulator-url"] ?? env.ATLAS_EMULATOR_URL;
  const noEmulator = Boolean(values["no-emulator"]) || env.ATLAS_NO_EMULATOR === "1";
  if ((source === "emulator" || source === "estate:emulator") && noEmulator && !emulatorUrl)
    throw new ConfigError("--source emulator needs the embedded emulator or --emulator-url");
  return {
    source,
    region,
    host,
    port,
    token,
    tokenGenerated,
    allowedHosts: [
      ...(values["allowed-host"] ?? []),
      // The public URL's host is where browsers come from in team mode.
      ...(auth.mode === "team" && auth.publicUrl ? [new URL(auth.publicUrl).host.replace(/:\d+$/, "")] : []),
      ...(env.ATLAS_ALLOWED_HOSTS
        ? env.ATLAS_ALLOWED_HOSTS.split(",")
            .map((h) => h.trim())
            .filter(Boolean)
        : []),
    ],
    emulator: {
      embedded: !noEmulator && !emulatorUrl,
      url: emulatorUrl,
      port: emulatorPort,
      scenario,
    },
    allowMutations: Boolean(values["allow-mutations"]) || env.ATLAS_ALLOW_MUTATIONS === "1",
    readOnly: Boolean(values["read-only"]) || env.ATLAS_READ_ONLY === "1",
    dataDir: dataDirFrom(values["data-dir"] ?? env.ATLAS_DATA_DIR, env),
    discoveryDeadlineMs: Math.round(deadlineSeconds * 1000),
    refreshAfterMinutes,
    ...(estate ? { estate } : {}),
    auth,
    ...databaseFrom(values.store ?? env.ATLAS_STORE, values["database-url"] ?? env.ATLAS_DATABASE_URL),
    ...assumeRoleArnFrom(values["assume-role-arn"] ?? env.ATLAS_ASSUME_ROLE_ARN),
  };
}

/** --store and --database-url: nothing for the laptop's SQLite, `{ databaseUrl }` for PostgreSQL. */
function databaseFrom(store: string | undefined, url: string | undefined): { databaseUrl?: string } {
  const kind = store ?? (url ? "postgres" : "sqlite");
  if (kind !== "sqlite" && kind !== "postgres")
    throw new ConfigError(`--store must be sqlite or postgres, not "${kind}"`);
  if (kind === "sqlite") {
    if (url) throw new ConfigError("--database-url is for --store postgres; drop it, or use --store postgres");
    return {};
  }
  if (!url)
    throw new ConfigError("--store postgres needs --database-url postgres://user@host:5432/db (or ATLAS_DATABASE_URL)");
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    // Never echo the URL: it may hold a password.
    throw new ConfigError("--database-url is not a URL; write postgres://user@host:5432/db");
  }
  if (protocol !== "postgres:" && protocol !== "postgresql:")
    throw new ConfigError(`--database-url must start with postgres:// or postgresql://, not ${protocol}//`);
  return { databaseUrl: url };
}

/** --data-dir, else the XDG data home (default ~/.local/share) + lattice-atlas. */
function dataDirFrom(given: string | undefined, env: NodeJS.ProcessEnv): string {
  if (given !== undefined) {
    if (given.trim() === "") throw new ConfigError("--data-dir must name a folder");
    return path.resolve(given);
  }
  const xdg =
    env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)
      ? env.XDG_DATA_HOME
      : path.join(env.HOME ?? homedir(), ".local", "share");
  return path.join(xdg, "lattice-atlas");
}
