/**
 * OpenID Connect sign-in end to end through real HTTP: the console (team mode, listening on a loopback port) and
 * a real provider (`oidc-provider`, in-process on another port). A tiny cookie-keeping client follows the
 * redirects and fills the provider's sign-in form as a browser would. Also: trusted proxy headers over a real
 * socket, believed only from the configured address.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmulator, type RunningEmulator } from "@lattice-atlas/aws-emulator";
import type { MeResponse } from "@lattice-atlas/shared";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { startOidcProvider, TEST_CLIENT, type RunningProvider } from "../testing/oidc-provider.js";
import type { AuthConfig } from "./config.js";
import { SESSIONS_FILE } from "./sessions.js";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

interface Console {
  url: string;
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

let emulator: RunningEmulator;
let provider: RunningProvider;
let team: Console;
let port: number;

async function startConsole(auth: (url: string) => AuthConfig, atPort?: number): Promise<Console> {
  const consolePort = atPort ?? (await freePort());
  const url = `http://127.0.0.1:${consolePort}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "atlas-auth-"));
  const app = await buildApp({
    version: "test",
    port: consolePort,
    host: "127.0.0.1",
    emulatorUrl: emulator.url,
    dataDir,
    clientOptions: { maxAttempts: 2 },
    auth: auth(url),
  });
  await app.listen({ port: consolePort, host: "127.0.0.1" });
  return {
    url,
    app,
    dataDir,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const ROLES_FILE = {
  groups: { "platform-readers": "viewer", "platform-team": "operator", "platform-admins": "admin" } as const,
  users: {},
};

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, scenario: "field-report" });
  port = await freePort();
  provider = await startOidcProvider([`http://127.0.0.1:${port}/auth/callback`]);
  team = await startConsole(
    (url) => ({
      mode: "team",
      publicUrl: url,
      oidc: {
        issuer: provider.issuer,
        clientId: TEST_CLIENT.id,
        clientSecret: TEST_CLIENT.secret,
        scopes: "openid email profile groups",
        groupsClaim: "groups",
      },
      trustedProxies: [],
      roles: ROLES_FILE,
      sessionTtlMs: 3_600_000,
    }),
    port,
  );
}, 60_000);
afterAll(async () => {
  await team?.close();
  await provider?.close();
  await emulator?.close();
});

const errorOf = async (response: Response): Promise<{ code: string; message: string }> =>
  ((await response.json()) as { error: { code: string; message: string } }).error;

/** A browser's memory of cookies, per origin (enough for two loopback servers). */
class Browser {
  readonly cookies = new Map<string, Map<string, string>>();
  readonly setCookieLines: string[] = [];

  cookieHeader(url: URL): string {
    return [...(this.cookies.get(url.origin) ?? new Map<string, string>()).entries()]
      .map(([k, v]) => `${k}=${v}`)
      .join("; ");
  }

  async fetch(url: URL, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), cookie: this.cookieHeader(url) },
    });
    for (const line of response.headers.getSetCookie()) {
      this.setCookieLines.push(line);
      const [pair, ...attributes] = line.split(";");
      const [name, ...value] = pair!.trim().split("=");
      const jar = this.cookies.get(url.origin) ?? new Map<string, string>();
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value.join("=") === "") jar.delete(name!);
      else jar.set(name!, value.join("="));
      this.cookies.set(url.origin, jar);
    }
    return response;
  }

  /** Follows redirects from `start`, filling the provider's sign-in form as `user`; the last response. */
  async signIn(start: URL, user: string): Promise<{ response: Response; url: URL; visited: URL[] }> {
    let url = start;
    const visited: URL[] = [];
    let init: RequestInit = {};
    for (let hop = 0; hop < 20; hop++) {
      visited.push(url);
      const response = await this.fetch(url, init);
      init = {};
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url);
        continue;
      }
      const html = response.headers.get("content-type")?.includes("text/html") ? await response.text() : "";
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (url.origin === new URL(provider.issuer).origin && action && html.includes('name="login"')) {
        url = new URL(action, url);
        init = {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ prompt: "login", login: user, password: "any" }).toString(),
        };
        continue;
      }
      return { response, url, visited };
    }
    throw new Error("too many redirects");
  }

  async me(base: string): Promise<Response> {
    return this.fetch(new URL("/api/me", base));
  }
}

describe("OpenID Connect sign-in (authorization code + PKCE) against a real provider", () => {
  it("asks who you are before anything else", async () => {
    const browser = new Browser();
    const me = await browser.me(team.url);
    expect(me.status).toBe(401);
    expect(await errorOf(me)).toMatchObject({ code: "SIGN_IN_REQUIRED" });
    const topology = await browser.fetch(new URL("/api/topology", team.url));
    expect(topology.status).toBe(401);
    // The probes stay open for the load balancer.
    expect((await browser.fetch(new URL("/healthz", team.url))).status).toBe(200);
  });

  it("sends the browser to the provider with S256 PKCE, state and nonce, and a short-lived HttpOnly cookie", async () => {
    const browser = new Browser();
    const response = await browser.fetch(new URL("/auth/login?returnTo=/?vpc=1", team.url));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get("client_id")).toBe(TEST_CLIENT.id);
    expect(location.searchParams.get("redirect_uri")).toBe(`${team.url}/auth/callback`);
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    expect(location.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get("state")).toBeTruthy();
    expect(location.searchParams.get("nonce")).toBeTruthy();
    const login = browser.setCookieLines.find((l) => l.startsWith("atlas_login="))!;
    expect(login).toMatch(/HttpOnly/);
    expect(login).toMatch(/SameSite=Lax/);
    expect(login).toMatch(/Path=\/auth/);
    expect(login).not.toMatch(/Secure/); // plain http on loopback
  });

  it.each([
    { user: "vera", role: "viewer", can: { read: true, change: false, administer: false } },
    { user: "otto", role: "operator", can: { read: true, change: true, administer: false } },
    { user: "ada", role: "admin", can: { read: true, change: true, administer: true } },
  ])("signs $user in as $role, back where they started", async ({ user, role, can }) => {
    const browser = new Browser();
    const { response, url } = await browser.signIn(new URL("/auth/login?returnTo=/v/v123", team.url), user);
    // Back on the console, at the page sign-in began from (no web build here: the API's 404 for it).
    expect(url.href).toBe(`${team.url}/v/v123`);
    expect(response.status).toBe(404);
    const session = browser.setCookieLines.find((l) => l.startsWith("atlas_session="))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\//);
    const me = (await (await browser.me(team.url)).json()) as MeResponse;
    expect(me).toMatchObject({
      mode: "team",
      role,
      can,
      user: { id: user, email: `${user}@example.com`, via: "oidc", roleSessionName: `atlas-${user}` },
      signOutUrl: "/auth/logout",
    });
    // The cookie never holds a token from the provider, only the session's random secret.
    expect(browser.cookies.get(team.url)!.get("atlas_session")).toMatch(/^[\w-]{43}$/);
  });

  it("lets a viewer read and refuses their change, saying why", async () => {
    const browser = new Browser();
    await browser.signIn(new URL("/auth/login", team.url), "vera");
    expect((await browser.fetch(new URL("/api/topology", team.url))).status).toBe(200);
    const change = await browser.fetch(new URL("/api/actions/plan", team.url), {
      method: "POST",
      headers: { origin: team.url, "x-atlas-csrf": "1", "content-type": "application/json" },
      body: "{}",
    });
    expect(change.status).toBe(403);
    expect(await errorOf(change)).toMatchObject({
      code: "ROLE_FORBIDDEN",
      message: "Your role (viewer) cannot make changes — ask an operator.",
    });
  });

  it("signs in a user with no role, who may do nothing but learn why", async () => {
    const browser = new Browser();
    await browser.signIn(new URL("/auth/login", team.url), "nora");
    const me = (await (await browser.me(team.url)).json()) as MeResponse;
    expect(me).toMatchObject({ role: null, can: { read: false, change: false, administer: false } });
    const topology = await browser.fetch(new URL("/api/topology", team.url));
    expect(topology.status).toBe(403);
    expect((await errorOf(topology)).message).toBe("nora is signed in but has no role in this console.");
  });

  it("refuses a callback replayed, forged or from another browser", async () => {
    const browser = new Browser();
    const { visited } = await browser.signIn(new URL("/auth/login", team.url), "otto");
    const callback = visited.find((u) => u.pathname === "/auth/callback")!;
    expect(callback.searchParams.get("code")).toBeTruthy();
    // The same answer again: the login it belonged to is used up.
    const replay = await browser.fetch(callback);
    expect(replay.status).toBe(401);
    expect((await errorOf(replay)).message).toContain("belongs to no sign-in under way");
    // A stranger's browser with the code: no login cookie.
    const stranger = await new Browser().fetch(callback);
    expect(stranger.status).toBe(401);
    // A login of ours answered with another state.
    const other = new Browser();
    const started = await other.fetch(new URL("/auth/login", team.url));
    const state = new URL(started.headers.get("location")!).searchParams.get("state");
    const forged = new URL(callback);
    forged.searchParams.set("state", `${state}x`);
    const refused = await other.fetch(forged);
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).message).toMatch(/could not be completed/);
  });

  it("never sends the browser elsewhere after sign-in", async () => {
    const browser = new Browser();
    const { url } = await browser.signIn(new URL("/auth/login?returnTo=//evil.example/x", team.url), "vera");
    expect(url.href).toBe(`${team.url}/`);
  });

  it("keeps sessions in the database as hashes only", async () => {
    const browser = new Browser();
    await browser.signIn(new URL("/auth/login", team.url), "ada");
    const secret = browser.cookies.get(team.url)!.get("atlas_session")!;
    const file = readFileSync(path.join(team.dataDir, SESSIONS_FILE)).toString("latin1");
    const wal = (() => {
      try {
        return readFileSync(path.join(team.dataDir, `${SESSIONS_FILE}-wal`)).toString("latin1");
      } catch {
        return "";
      }
    })();
    expect(file + wal).toContain("ada@example.com");
    expect(file + wal).not.toContain(secret);
  });

  it("signs out: the session ends on the server, not only in the browser", async () => {
    const browser = new Browser();
    await browser.signIn(new URL("/auth/login", team.url), "otto");
    const cookie = browser.cookieHeader(new URL(team.url));
    expect((await browser.me(team.url)).status).toBe(200);
    // Without the console's header it is refused (a cross-site form cannot sign you out).
    const forged = await browser.fetch(new URL("/auth/logout", team.url), { method: "POST" });
    expect(forged.status).toBe(403);
    const out = await browser.fetch(new URL("/auth/logout", team.url), {
      method: "POST",
      headers: { origin: team.url, "x-atlas-csrf": "1" },
    });
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ signedOut: true, next: "/auth/signed-out" });
    expect(browser.setCookieLines.at(-1)).toMatch(/^atlas_session=; Path=\/; Max-Age=0/);
    expect((await browser.me(team.url)).status).toBe(401);
    // The old cookie, kept by someone, opens nothing either.
    const replayed = await fetch(new URL("/api/me", team.url), { headers: { cookie } });
    expect(replayed.status).toBe(401);
    const page = await browser.fetch(new URL("/auth/signed-out", team.url));
    expect(await page.text()).toContain("You are signed out");
  });
});

describe("identity headers from a trusted reverse proxy, over a real socket", () => {
  const headers = { "x-forwarded-email": "otto@example.com", "x-forwarded-groups": "platform-team" };

  it("believes them from the configured proxy address", async () => {
    const proxied = await startConsole(() => ({
      mode: "team",
      trustedProxies: ["127.0.0.0/8"],
      roles: ROLES_FILE,
      sessionTtlMs: 60_000,
    }));
    try {
      const me = (await (await fetch(`${proxied.url}/api/me`, { headers })).json()) as MeResponse;
      expect(me).toMatchObject({ role: "operator", user: { id: "otto@example.com", via: "proxy" }, signOutUrl: null });
      expect((await fetch(`${proxied.url}/api/me`)).status).toBe(401);
      // No OIDC here: /auth/login says where sign-in happens.
      const login = await fetch(`${proxied.url}/auth/login`, { redirect: "manual" });
      expect(login.status).toBe(404);
      expect((await errorOf(login)).message).toContain("reverse proxy");
    } finally {
      await proxied.close();
    }
  });

  it("ignores them from any other address", async () => {
    const proxied = await startConsole(() => ({
      mode: "team",
      trustedProxies: ["10.0.0.0/8"],
      roles: ROLES_FILE,
      sessionTtlMs: 60_000,
    }));
    try {
      const response = await fetch(`${proxied.url}/api/me`, { headers });
      expect(response.status).toBe(401);
    } finally {
      await proxied.close();
    }
  });
});
