/**
 * Profiles of the AWS config files as sources, through GET /api/sources: real files in a temporary folder named by
 * AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, read by the SDK's own loader. No secret ever leaves the server.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { SourcesResponse } from "@lattice-atlas/shared";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/app.js";

let t: TestApp;
let folder: string;
const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "atlas-profiles-"));
  t = await startTestApp({ scenario: "empty" });
});
afterEach(() => {
  for (const [name, value] of [
    ["AWS_CONFIG_FILE", saved.config],
    ["AWS_SHARED_CREDENTIALS_FILE", saved.credentials],
  ] as const)
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
});
afterAll(async () => {
  await t.close();
  rmSync(folder, { recursive: true, force: true });
});

const sources = async () => (await t.request({ method: "GET", url: "/api/sources" })).json<SourcesResponse>();

describe("profiles of the AWS config files", () => {
  it("lists each profile as a source with its credential kind and region, and says a missing login is a problem", async () => {
    const config = path.join(folder, "config");
    const credentials = path.join(folder, "credentials");
    writeFileSync(
      config,
      [
        "[sso-session corp]",
        "sso_start_url = https://corp.awsapps.example/start",
        "sso_region = eu-west-1",
        "[profile dev-sso]",
        "sso_session = corp",
        "sso_account_id = 123456789012",
        "sso_role_name = ReadOnly",
        "region = eu-west-1",
        "[profile ops]",
        "role_arn = arn:aws:iam::123456789012:role/LatticeAtlasReadOnly",
        "source_profile = nowhere",
        "[profile tool]",
        "credential_process = /bin/false",
        "",
      ].join("\n"),
    );
    writeFileSync(
      credentials,
      "[keys]\naws_access_key_id = AKIAEXAMPLEEXAMPLE12\naws_secret_access_key = s3cr3t-never-shown\n",
    );
    process.env.AWS_CONFIG_FILE = config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = credentials;
    const body = await sources();
    const profiles = body.sources.filter((s) => s.kind === "profile");
    expect(profiles.map((s) => [s.id, s.credentialKind])).toEqual([
      ["profile:dev-sso", "sso"],
      ["profile:keys", "static"],
      ["profile:ops", "assume-role"],
      ["profile:tool", "process"],
    ]);
    const sso = profiles.find((s) => s.id === "profile:dev-sso")!;
    expect(sso.defaultRegion).toBe("eu-west-1");
    expect(sso.status).toBe("error");
    expect(sso.error?.code).toMatch(/^CREDENTIALS_(MISSING|EXPIRED)$/);
    expect(profiles.find((s) => s.id === "profile:tool")!.status).toBe("error");
    expect(body.profileFiles).toEqual({ config, credentials });
    // Names and kinds only: no key, secret or start URL in the answer.
    const text = JSON.stringify(body);
    expect(text).not.toContain("s3cr3t");
    expect(text).not.toContain("AKIAEXAMPLE");
    expect(text).not.toContain("awsapps");
  });

  it("with files that hold no profile, lists none and names the files it read", async () => {
    process.env.AWS_CONFIG_FILE = path.join(folder, "absent-config");
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(folder, "absent-credentials");
    const body = await sources();
    expect(body.sources.filter((s) => s.kind === "profile")).toEqual([]);
    expect(body.profileFiles).toEqual({
      config: path.join(folder, "absent-config"),
      credentials: path.join(folder, "absent-credentials"),
    });
  });
});
