/**
 * The container packaging, checked without a Docker engine: deploy/compose.yaml parses (YAML, merge keys)
 * and wires what it says — PostgreSQL, the example OIDC provider, the emulator and two replicas, each with
 * its port and healthcheck, the database URL matching the database service, the OIDC client matching Dex's
 * static client and its redirect URIs; every file it mounts exists; the Dockerfile is multi-stage on
 * node:22-slim, runs as a non-root user and starts the bundle that scripts/build.mjs writes.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const deploy = path.join(root, "deploy");

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  entrypoint?: string[];
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean; interval?: string };
}
const compose = parse(readFileSync(path.join(deploy, "compose.yaml"), "utf8"), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const dex = parse(readFileSync(path.join(deploy, "dex/config.yaml"), "utf8")) as {
  issuer: string;
  web: { http: string };
  telemetry: { http: string };
  staticClients: Array<{ id: string; secret: string; redirectURIs: string[] }>;
  staticPasswords: Array<{ email: string; hash: string }>;
};
const replicas = ["atlas-1", "atlas-2"] as const;

describe("deploy/compose.yaml", () => {
  it("has PostgreSQL, the OIDC provider, the emulator and two replicas, each replica on its own port", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["atlas-1", "atlas-2", "dex", "emulator", "postgres"]);
    expect(compose.services.postgres!.image).toMatch(/^postgres:\d+/);
    expect(compose.services.dex!.image).toMatch(/^ghcr\.io\/dexidp\/dex:v\d+\.\d+\.\d+$/);
    expect(compose.services.dex!.ports).toEqual(["5556:5556"]);
    expect(replicas.map((r) => compose.services[r]!.ports)).toEqual([["8080:8080"], ["8081:8080"]]);
    for (const name of replicas) {
      const service = compose.services[name]!;
      expect(service.build).toEqual({ context: "..", dockerfile: "deploy/Dockerfile" });
      expect(service.depends_on).toEqual({
        postgres: { condition: "service_healthy" },
        dex: { condition: "service_healthy" },
        emulator: { condition: "service_started" },
      });
    }
    expect(compose.services.emulator!.entrypoint).toEqual(["node", "packages/aws-emulator/dist/cli.js"]);
    expect(compose.volumes).toHaveProperty("postgres-data");
  });

  it("has a healthcheck on every long-running service but the emulator: pg_isready, Dex's ready probe, /readyz", () => {
    expect(compose.services.postgres!.healthcheck!.test!.join(" ")).toContain("pg_isready -U atlas -d atlas");
    const dexProbe = compose.services.dex!.healthcheck!.test!.join(" ");
    expect(dexProbe).toContain(`http://127.0.0.1:${dex.telemetry.http.split(":").pop()}/healthz/ready`);
    for (const name of replicas) {
      const probe = compose.services[name]!.healthcheck!.test!.join(" ");
      expect(probe).toContain("http://127.0.0.1:8080/readyz");
    }
    expect(compose.services.emulator!.healthcheck).toEqual({ disable: true });
  });

  it("points the replicas at the database service, the Dex client and one emulator, in team mode", () => {
    const pg = compose.services.postgres!.environment!;
    for (const name of replicas) {
      const env = compose.services[name]!.environment!;
      expect(env.ATLAS_MODE).toBe("team");
      const url = new URL(env.ATLAS_DATABASE_URL!);
      expect([url.hostname, url.port, url.username, url.password, url.pathname]).toEqual([
        "postgres",
        "5432",
        pg.POSTGRES_USER,
        pg.POSTGRES_PASSWORD,
        `/${pg.POSTGRES_DB}`,
      ]);
      expect(env.ATLAS_OIDC_ISSUER).toBe(dex.issuer);
      const client = dex.staticClients.find((c) => c.id === env.ATLAS_OIDC_CLIENT_ID);
      expect(client?.secret).toBe(env.ATLAS_OIDC_CLIENT_SECRET);
      expect(client?.redirectURIs).toContain(`${env.ATLAS_PUBLIC_URL}/auth/callback`);
      expect(env.ATLAS_EMULATOR_URL).toBe("http://emulator:4566");
      expect(env.ATLAS_ALLOWED_HOSTS!.split(",")).toContain(new URL(env.ATLAS_PUBLIC_URL!).hostname);
    }
    expect(new URL(dex.issuer).port).toBe(dex.web.http.split(":").pop());
    expect(dex.staticPasswords.map((p) => p.email)).toEqual([
      "admin@example.com",
      "viewer@example.com",
      "operator@example.com",
    ]);
    const roles = parse(readFileSync(path.join(deploy, "dex/roles.yaml"), "utf8")) as { users: Record<string, string> };
    expect(Object.keys(roles.users).sort()).toEqual(dex.staticPasswords.map((p) => p.email).sort());
  });

  it("mounts only files that exist", () => {
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const [from] = volume.split(":");
        if (from!.startsWith(".")) expect(existsSync(path.join(deploy, from!)), volume).toBe(true);
      }
    }
  });
});

describe("deploy/Dockerfile", () => {
  const text = readFileSync(path.join(deploy, "Dockerfile"), "utf8");
  const instructions = text
    .replace(/\\\n/g, " ")
    .split("\n")
    .filter((line) => line.trim() && !line.trim().startsWith("#"));

  it("builds with pnpm in one stage and runs on node:22-slim as a non-root user in another", () => {
    const froms = instructions.filter((l) => l.startsWith("FROM "));
    expect(froms).toEqual(["FROM node:22-slim AS build", "FROM node:22-slim AS runtime"]);
    const runtime = instructions.slice(instructions.indexOf("FROM node:22-slim AS runtime"));
    expect(instructions.join("\n")).toMatch(/pnpm install --frozen-lockfile/);
    expect(instructions.join("\n")).toContain("node scripts/build.mjs");
    const user = runtime.find((l) => l.startsWith("USER "));
    expect(user).toBeDefined();
    expect(["root", "0"]).not.toContain(user!.split(/\s+/)[1]);
    // Nothing is installed or built in the runtime stage: only copies of the build's output.
    expect(runtime.filter((l) => l.startsWith("RUN ")).every((l) => !/pnpm|npm install|apt-get/.test(l))).toBe(true);
    expect(runtime.some((l) => l.startsWith("HEALTHCHECK ") && l.includes("/healthz"))).toBe(true);
  });

  it("starts the API bundle and serves the built console from where the build writes them", () => {
    const build = readFileSync(path.join(root, "scripts/build.mjs"), "utf8");
    expect(build).toContain('"apps/api/dist/server.js"');
    expect(instructions).toContain('ENTRYPOINT ["node", "apps/api/dist/server.js"]');
    expect(text).toContain("COPY --from=build /src/apps/web/dist ./apps/web/dist");
    expect(text).toMatch(/ATLAS_WEB_ROOT=\/app\/apps\/web\/dist/);
    expect(text).toMatch(/ATLAS_MODE=team/);
    expect(readFileSync(path.join(root, ".dockerignore"), "utf8")).toContain("**/node_modules");
  });
});
