/**
 * Every route the app registers has a rule, and the rule is enforced: each route is requested as nobody, a
 * viewer, an operator and an admin (identified by a trusted proxy's headers) and must be admitted exactly when
 * the role reaches the rule. The app's `admitted` test hook answers 204 once the role check passed, so the
 * route itself does not run. A route added without a rule fails here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROLES, roleAtLeast, type Role } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/app.js";
import { isConsoleFile, ROUTE_RULES, ruleFor } from "./route-rules.js";

let team: TestApp;
let laptop: TestApp;
/** A built console of two files: fastify-static registers one route per file. */
const webRoot = mkdtempSync(path.join(tmpdir(), "atlas-web-"));
mkdirSync(path.join(webRoot, "assets"));
writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>Lattice Atlas</title>");
writeFileSync(path.join(webRoot, "assets", "index-abc123.js"), "console.log(1)");

beforeAll(async () => {
  team = await startTestApp({
    app: {
      webRoot,
      auth: {
        mode: "team",
        trustedProxies: ["127.0.0.1/32"],
        roles: { groups: { "g-viewer": "viewer", "g-operator": "operator", "g-admin": "admin" }, users: {} },
        sessionTtlMs: 60_000,
      },
      testHooks: { admitted: () => true },
    },
  });
  laptop = await startTestApp();
  await Promise.all([team.app.ready(), laptop.app.ready()]);
}, 60_000);
afterAll(async () => {
  await team?.close();
  await laptop?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

/** A concrete URL for a registered pattern. */
const concrete = (pattern: string): string => pattern.replace(/:id/g, "v000000001").replace(/\*$/, "index.html");

const routesOf = (app: TestApp): string[] => [...new Set(app.app.atlasRoutes)].sort();

describe("the route table", () => {
  it("has a rule for every route the app registers, in both modes", () => {
    for (const app of [team, laptop]) {
      const missing = routesOf(app).filter((r) => {
        const [method, url] = r.split(" ");
        return ruleFor(method!, url!) === undefined;
      });
      expect(missing, "add these routes to auth/route-rules.ts").toEqual([]);
    }
  });

  it.each([
    ["/index.html", true],
    ["/assets/index-abc123.js", true],
    ["/api/secret", false],
    ["/api", false],
    ["/auth/anything", false],
    ["/files/:id", false],
    ["/static/*", false],
  ])("a console file: %s → %s", (url, file) => {
    expect(isConsoleFile(url)).toBe(file);
  });

  it("names no route that does not exist", () => {
    const registered = new Set(routesOf(team).map((r) => r.replace(/^HEAD /, "GET ")));
    expect(Object.keys(ROUTE_RULES).filter((r) => !registered.has(r))).toEqual([]);
  });

  it("refuses a route added without a rule (fail closed)", async () => {
    const app = await startTestApp({
      app: { auth: { mode: "team", trustedProxies: ["127.0.0.1/32"], sessionTtlMs: 60_000 } },
    });
    try {
      app.app.get("/api/unruled", async () => ({ secret: true }));
      const response = await app.request({
        method: "GET",
        url: "/api/unruled",
        headers: { "x-forwarded-email": "ada@example.com", "x-forwarded-groups": "admin" },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json().error).toMatchObject({ code: "ROLE_FORBIDDEN" });
      expect(response.json().error.message).toContain("No role rule covers GET /api/unruled");
    } finally {
      await app.close();
    }
  });
});

describe("every route × every role (team mode)", () => {
  const who: Array<Role | "nobody"> = ["nobody", ...ROLES];
  // Every registered route (the console's files included), each with the rule the table gives it.
  const cases = () =>
    routesOf(team).flatMap((route) => {
      const [method, url] = route.split(" ") as [string, string];
      return who.map((as) => ({ route, rule: ruleFor(method, url)!, as }));
    });

  it("covers the console's files and HEAD routes too", () => {
    expect(routesOf(team)).toEqual(expect.arrayContaining(["GET /index.html", "HEAD /assets/index-abc123.js"]));
    expect(cases().length).toBeGreaterThan(4 * 40);
  });

  it("admits each role exactly where the table says", async () => {
    const wrong: string[] = [];
    for (const { route, rule, as } of cases()) {
      const verdict = await admittedAs(route, as);
      const admitted =
        rule === "public" || (as !== "nobody" && (rule === "signed-in" || roleAtLeast(as, rule as Role)));
      const expected = admitted ? 204 : as === "nobody" ? 401 : 403;
      if (verdict !== expected) wrong.push(`${route} (${rule}) as ${as}: ${verdict}, expected ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  async function admittedAs(route: string, as: Role | "nobody"): Promise<number> {
    const [method, pattern] = route.split(" ") as [string, string];
    const response = await team.request({
      method: method as "GET",
      url: concrete(pattern),
      headers: {
        origin: "http://127.0.0.1:8080",
        "x-atlas-csrf": "1",
        ...(as === "nobody" ? {} : { "x-forwarded-email": `${as}@example.com`, "x-forwarded-groups": `g-${as}` }),
      },
    });
    if (response.statusCode === 204 && response.headers["x-atlas-admitted"] !== "1") return -1;
    if (method === "HEAD") return response.statusCode;
    if (response.statusCode === 401 && response.json().error.code !== "SIGN_IN_REQUIRED") return -401;
    if (response.statusCode === 403 && response.json().error.code !== "ROLE_FORBIDDEN") return -403;
    return response.statusCode;
  }

  it("says why a viewer cannot make a change", async () => {
    const response = await team.request({
      method: "POST",
      url: "/api/actions/execute",
      headers: {
        origin: "http://127.0.0.1:8080",
        "x-atlas-csrf": "1",
        "x-forwarded-email": "vera@example.com",
        "x-forwarded-groups": "g-viewer",
      },
    });
    expect(response.json().error.message).toBe("Your role (viewer) cannot make changes — ask an operator.");
  });

  it("the docs need a viewer too", async () => {
    const anonymous = await team.request({ method: "GET", url: "/api/docs/json" });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe("laptop mode", () => {
  it("answers /api/me: no user, admin, everything allowed", async () => {
    const response = await laptop.request({ method: "GET", url: "/api/me" });
    expect(response.json()).toEqual({
      mode: "laptop",
      user: null,
      role: "admin",
      can: { read: true, change: true, administer: true },
      signOutUrl: null,
    });
  });
  it("ignores identity headers (no sign-in, nothing to trust)", async () => {
    const response = await laptop.request({
      method: "GET",
      url: "/api/me",
      headers: { "x-forwarded-email": "mallory@example.com", "x-forwarded-groups": "viewer" },
    });
    expect(response.json().user).toBeNull();
  });
});
