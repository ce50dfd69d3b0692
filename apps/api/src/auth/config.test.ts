import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../config.js";

const dir = mkdtempSync(path.join(tmpdir(), "atlas-auth-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const rolesYaml = path.join(dir, "roles.yaml");
writeFileSync(rolesYaml, "groups:\n  platform-team: operator\nusers:\n  ada@example.com: admin\n");

const oidcFlags = [
  "--mode",
  "team",
  "--oidc-issuer",
  "https://idp.example.com/realms/acme",
  "--oidc-client-id",
  "atlas",
  "--public-url",
  "https://atlas.example.com/",
];

describe("team mode configuration", () => {
  it("keeps the laptop as it is by default", () => {
    expect(parseConfig([], {}).auth).toEqual({ mode: "laptop" });
  });

  it("reads OIDC from flags and the secret from the environment only", () => {
    const config = parseConfig([...oidcFlags, "--roles-file", rolesYaml, "--host", "0.0.0.0"], {
      ATLAS_OIDC_CLIENT_SECRET: "s3cret",
    });
    expect(config.auth).toMatchObject({
      mode: "team",
      publicUrl: "https://atlas.example.com",
      oidc: {
        issuer: "https://idp.example.com/realms/acme",
        clientId: "atlas",
        clientSecret: "s3cret",
        scopes: "openid email profile",
        groupsClaim: "groups",
      },
      roles: { groups: { "platform-team": "operator" }, users: { "ada@example.com": "admin" } },
      sessionTtlMs: 12 * 3_600_000,
    });
    // Signed-in users instead of a shared token; the public host is allowed.
    expect(config.token).toBeUndefined();
    expect(config.allowedHosts).toContain("atlas.example.com");
  });

  it("reads the same from the environment", () => {
    const config = parseConfig([], {
      ATLAS_MODE: "team",
      ATLAS_TRUSTED_PROXIES: "10.0.0.0/8, 192.168.0.10",
      ATLAS_GROUPS_CLAIM: "roles",
    });
    expect(config.auth).toMatchObject({ mode: "team", trustedProxies: ["10.0.0.0/8", "192.168.0.10"] });
  });

  it.each([
    [["--oidc-client-secret", "x"], {}, "ATLAS_OIDC_CLIENT_SECRET"],
    [["--mode", "cluster"], {}, '--mode must be laptop or team, not "cluster"'],
    [["--mode", "team"], {}, "--mode team needs a way to sign in"],
    [["--trusted-proxy", "10.0.0.0/8"], {}, "need --mode team"],
    [["--mode", "team", "--oidc-issuer", "https://idp.example.com"], {}, "--oidc-issuer needs --oidc-client-id"],
    [
      ["--mode", "team", "--oidc-issuer", "https://idp.example.com", "--oidc-client-id", "a"],
      {},
      "--oidc-issuer needs --public-url",
    ],
    [[...oidcFlags, "--oidc-scopes", "email"], {}, "--oidc-scopes must include openid"],
    [["--mode", "team", "--trusted-proxy", "proxy.local"], {}, '--trusted-proxy "proxy.local"'],
    [
      ["--mode", "team", "--trusted-proxy", "10.0.0.1", "--roles-file", "/nonexistent.yaml"],
      {},
      "--roles-file cannot be read",
    ],
    [[...oidcFlags, "--session-hours", "0"], {}, "--session-hours must be"],
    [[...oidcFlags, "--public-url", "ftp://x"], {}, "--public-url must start with https://"],
  ] as Array<[string[], Record<string, string>, string]>)("refuses %j naming the fix", (argv, env, message) => {
    expect(() => parseConfig(argv, env)).toThrow(ConfigError);
    expect(() => parseConfig(argv, env)).toThrow(message);
  });

  it("names the field of a bad roles file", () => {
    const bad = path.join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ groups: { ops: "root" } }));
    expect(() => parseConfig(["--mode", "team", "--trusted-proxy", "10.0.0.1", "--roles-file", bad], {})).toThrow(
      '--roles-file groups."ops" is "root"',
    );
  });
});
