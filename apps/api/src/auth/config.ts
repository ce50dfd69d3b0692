/**
 * Team mode's flags and environment (flags win):
 *   --mode laptop|team (laptop)          ATLAS_MODE
 *   --public-url https://atlas.example   ATLAS_PUBLIC_URL (the console's URL as browsers see it)
 *   --oidc-issuer <url>                  ATLAS_OIDC_ISSUER
 *   --oidc-client-id <id>                ATLAS_OIDC_CLIENT_ID
 *   (no flag)                            ATLAS_OIDC_CLIENT_SECRET (a flag would show in `ps`)
 *   --oidc-scopes "<s> <s>"              ATLAS_OIDC_SCOPES (default "openid email profile")
 *   --groups-claim <name> (groups)       ATLAS_GROUPS_CLAIM
 *   --trusted-proxy <cidr> (repeatable)  ATLAS_TRUSTED_PROXIES (comma separated)
 *   --roles-file <file.json|yaml>        ATLAS_ROLES_FILE
 *   --session-hours <h> (12)             ATLAS_SESSION_HOURS
 */
import type { TeamAuthOptions } from "./plugin.js";
import { readRoleMapping, RolesFileError } from "./roles.js";
import { trustedProxyList, TrustedProxyError } from "./trusted-proxy.js";

export class AuthConfigError extends Error {}

export type AuthConfig = { mode: "laptop" } | ({ mode: "team" } & TeamAuthOptions);

export const AUTH_FLAGS = {
  mode: { type: "string" },
  "public-url": { type: "string" },
  "oidc-issuer": { type: "string" },
  "oidc-client-id": { type: "string" },
  "oidc-client-secret": { type: "string" },
  "oidc-scopes": { type: "string" },
  "groups-claim": { type: "string" },
  "trusted-proxy": { type: "string", multiple: true },
  "roles-file": { type: "string" },
  "session-hours": { type: "string" },
} as const;

export interface AuthFlagValues {
  mode?: string | undefined;
  "public-url"?: string | undefined;
  "oidc-issuer"?: string | undefined;
  "oidc-client-id"?: string | undefined;
  "oidc-client-secret"?: string | undefined;
  "oidc-scopes"?: string | undefined;
  "groups-claim"?: string | undefined;
  "trusted-proxy"?: string[] | undefined;
  "roles-file"?: string | undefined;
  "session-hours"?: string | undefined;
}

function httpUrl(value: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AuthConfigError(`${flag} is not a URL; write e.g. https://atlas.example.com`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new AuthConfigError(`${flag} must start with https:// (or http:// on a trial), not ${url.protocol}//`);
  return url.href.replace(/\/$/, "");
}

export function parseAuthConfig(values: AuthFlagValues, env: NodeJS.ProcessEnv): AuthConfig {
  if (values["oidc-client-secret"] !== undefined)
    throw new AuthConfigError(
      "--oidc-client-secret is not accepted on the command line (every user of the machine can read it); set ATLAS_OIDC_CLIENT_SECRET",
    );
  const mode = values.mode ?? env.ATLAS_MODE ?? "laptop";
  if (mode !== "laptop" && mode !== "team") throw new AuthConfigError(`--mode must be laptop or team, not "${mode}"`);
  const issuer = values["oidc-issuer"] ?? env.ATLAS_OIDC_ISSUER;
  const clientId = values["oidc-client-id"] ?? env.ATLAS_OIDC_CLIENT_ID;
  const publicUrlText = values["public-url"] ?? env.ATLAS_PUBLIC_URL;
  const proxies = [
    ...(values["trusted-proxy"] ?? []),
    ...(env.ATLAS_TRUSTED_PROXIES ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
  ];
  const rolesFile = values["roles-file"] ?? env.ATLAS_ROLES_FILE;
  if (mode === "laptop") {
    if (issuer || proxies.length > 0 || rolesFile)
      throw new AuthConfigError("sign-in settings (--oidc-issuer, --trusted-proxy, --roles-file) need --mode team");
    return { mode: "laptop" };
  }
  if (!issuer && proxies.length === 0)
    throw new AuthConfigError(
      "--mode team needs a way to sign in: --oidc-issuer <url> with --oidc-client-id and --public-url, or --trusted-proxy <cidr> for an authenticating reverse proxy",
    );
  let oidc: TeamAuthOptions["oidc"];
  let publicUrl: string | undefined;
  if (publicUrlText) publicUrl = httpUrl(publicUrlText, "--public-url");
  if (issuer) {
    if (!clientId) throw new AuthConfigError("--oidc-issuer needs --oidc-client-id (ATLAS_OIDC_CLIENT_ID)");
    if (!publicUrl)
      throw new AuthConfigError(
        "--oidc-issuer needs --public-url (the console's URL as browsers see it; the IdP redirects to <public-url>/auth/callback)",
      );
    oidc = {
      issuer: httpUrl(issuer, "--oidc-issuer"),
      clientId,
      clientSecret: env.ATLAS_OIDC_CLIENT_SECRET || undefined,
      scopes: values["oidc-scopes"] ?? env.ATLAS_OIDC_SCOPES ?? "openid email profile",
      groupsClaim: values["groups-claim"] ?? env.ATLAS_GROUPS_CLAIM ?? "groups",
    };
    if (!oidc.scopes.split(/\s+/).includes("openid"))
      throw new AuthConfigError(`--oidc-scopes must include openid, not "${oidc.scopes}"`);
  }
  try {
    trustedProxyList(proxies);
  } catch (error) {
    if (error instanceof TrustedProxyError) throw new AuthConfigError(error.message);
    throw error;
  }
  let roles: TeamAuthOptions["roles"];
  if (rolesFile) {
    try {
      roles = readRoleMapping(rolesFile);
    } catch (error) {
      if (error instanceof RolesFileError) throw new AuthConfigError(`--roles-file ${error.message}`);
      throw error;
    }
  }
  const hoursText = values["session-hours"] ?? env.ATLAS_SESSION_HOURS ?? "12";
  const hours = Number(hoursText);
  if (hoursText.trim() === "" || !Number.isFinite(hours) || hours <= 0 || hours > 24 * 30)
    throw new AuthConfigError(`--session-hours must be a number of hours above 0 and at most 720, not "${hoursText}"`);
  return {
    mode: "team",
    ...(oidc ? { oidc } : {}),
    ...(publicUrl ? { publicUrl } : {}),
    trustedProxies: proxies,
    ...(roles ? { roles } : {}),
    sessionTtlMs: Math.round(hours * 3_600_000),
  };
}
