/**
 * Team mode's door: who is asking (a session from OpenID Connect sign-in, or a trusted proxy's headers) and
 * whether their role may use the route (`route-rules.ts`). Laptop mode keeps no sign-in: GET /api/me answers
 * that the person at the keyboard may do everything, and nothing else changes.
 * Registered on the root instance before the routes, so its onRoute hook sees every route.
 */
import { MeResponse, permissionsOf, ROLES, roleAtLeast, roleRefusal, type Role } from "@lattice-atlas/shared";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.js";
import { readCookie } from "../plugins/security.js";
import { roleSessionName, type Identity } from "./identity.js";
import { createOidcSignIn, LOGIN_TTL_MS, type OidcOptions } from "./oidc.js";
import { roleFor, type RoleMapping } from "./roles.js";
import { ruleFor, type RouteRule } from "./route-rules.js";
import type { SessionStore } from "./sessions.js";
import { fromTrustedProxy, identityFromHeaders, trustedProxyList } from "./trusted-proxy.js";

export interface TeamAuthOptions {
  /** OpenID Connect sign-in (the secret from ATLAS_OIDC_CLIENT_SECRET). */
  oidc?: Omit<OidcOptions, "publicUrl"> | undefined;
  /** The console's URL as browsers see it (needed by OIDC: the redirect URI, and Secure cookies on https). */
  publicUrl?: string | undefined;
  /** Addresses (CIDR) of an authenticating reverse proxy whose identity headers are believed. */
  trustedProxies: string[];
  roles?: RoleMapping | undefined;
  sessionTtlMs: number;
}

export type AuthMode = { mode: "laptop" } | ({ mode: "team"; sessions: SessionStore } & TeamAuthOptions);

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in user (team mode), undefined on a laptop or before sign-in. */
    identity: Identity | undefined;
  }
  interface FastifyInstance {
    /** Every route registered, "METHOD /url" (what route-rules.test.ts checks against the table). */
    atlasRoutes: string[];
  }
}

export const SESSION_COOKIE = "atlas_session";
const LOGIN_COOKIE = "atlas_login";

/** A path on this server to go back to after sign-in (never another site: no scheme, no "//"). */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return "/";
  return value.slice(0, 2000);
}

const meOf = (
  identity: Identity | undefined,
  role: Role | null,
  mode: "laptop" | "team",
  signOut: boolean,
): MeResponse => ({
  mode,
  user: identity
    ? {
        id: identity.id,
        ...(identity.email ? { email: identity.email } : {}),
        ...(identity.name ? { name: identity.name } : {}),
        groups: identity.groups,
        via: identity.via,
        roleSessionName: roleSessionName(identity.id),
      }
    : null,
  role,
  can: permissionsOf(role),
  signOutUrl: signOut ? "/auth/logout" : null,
});

export async function registerAuth(
  app: FastifyInstance,
  auth: AuthMode,
  testHooks?: { admitted?: (request: FastifyRequest) => boolean },
): Promise<void> {
  const routes: string[] = [];
  app.decorate("atlasRoutes", routes);
  app.decorateRequest("identity", undefined);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) routes.push(`${method} ${route.url}`);
  });
  const meSchema = {
    schema: {
      tags: ["auth"],
      summary: "Who is signed in, their role and what it may do",
      response: { 200: MeResponse },
    },
  };

  if (auth.mode === "laptop") {
    app.get("/api/me", meSchema, async () => meOf(undefined, "admin", "laptop", false));
    return;
  }

  const secure = auth.publicUrl?.startsWith("https://") ?? false;
  const cookie = (name: string, value: string, attributes: { path: string; maxAgeSeconds: number }): string =>
    `${name}=${value}; Path=${attributes.path}; Max-Age=${attributes.maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  const proxies = trustedProxyList(auth.trustedProxies);
  const oidc =
    auth.oidc && auth.publicUrl
      ? createOidcSignIn({ ...auth.oidc, publicUrl: auth.publicUrl }, auth.sessions)
      : undefined;
  const withRole = (identity: Omit<Identity, "role">): Identity => ({
    ...identity,
    role: roleFor([identity.id, identity.email], identity.groups, auth.roles),
  });

  const identify = async (request: FastifyRequest): Promise<Identity | undefined> => {
    if (auth.trustedProxies.length > 0 && fromTrustedProxy(proxies, request.socket.remoteAddress)) {
      const fromProxy = identityFromHeaders(request.headers);
      if (fromProxy) return withRole(fromProxy);
    }
    if (!oidc) return undefined;
    const secret = readCookie(request, SESSION_COOKIE);
    const session = secret ? await auth.sessions.getSession(secret) : undefined;
    // The role follows the roles file as it is now, not as it was at sign-in.
    return session ? withRole(session) : undefined;
  };

  const refuse = (rule: RouteRule, identity: Identity | undefined): AppError | undefined => {
    if (rule === "public") return undefined;
    if (!identity)
      return new AppError("SIGN_IN_REQUIRED", "Sign in to use this console.", {
        hint: oidc
          ? "Open /auth/login (the console does this for you)."
          : "Open the console through the sign-in proxy.",
      });
    if (rule === "signed-in") return undefined;
    if (!identity.role)
      return new AppError("ROLE_FORBIDDEN", `${identity.id} is signed in but has no role in this console.`, {
        hint: `Ask an admin to add you (or one of your groups) to the roles file as one of ${ROLES.join(", ")}.`,
      });
    if (!roleAtLeast(identity.role, rule))
      return new AppError(
        "ROLE_FORBIDDEN",
        roleRefusal(
          identity.role,
          rule,
          rule === "admin" ? "change sources or settings" : rule === "operator" ? "make changes" : "use this",
        ),
        {
          hint: `This needs the ${rule} role.`,
        },
      );
    return undefined;
  };

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.routeOptions.url;
    // No route: the 404 answer says so, whoever asks.
    if (url === undefined) return;
    const rule = ruleFor(request.method, url);
    if (rule === undefined) {
      throw new AppError("ROLE_FORBIDDEN", `No role rule covers ${request.method} ${url}, so it is refused.`, {
        hint: "Add the route to auth/route-rules.ts.",
      });
    }
    request.identity = await identify(request);
    const refusal = refuse(rule, request.identity);
    if (refusal) throw refusal;
    if (testHooks?.admitted?.(request)) return reply.code(204).header("x-atlas-admitted", "1").send();
  });

  app.get("/api/me", meSchema, async (request) => {
    const identity = request.identity!;
    return meOf(identity, identity.role ?? null, "team", Boolean(oidc) && identity.via === "oidc");
  });

  const hidden = { schema: { hide: true } };
  app.get<{ Querystring: { returnTo?: string } }>("/auth/login", hidden, async (request, reply) => {
    if (!oidc)
      throw new AppError("NOT_FOUND", "This console signs in through its reverse proxy, not here.", {
        hint: "Open the console through the sign-in proxy.",
      });
    const { url, loginSecret } = await oidc.start(safeReturnTo(request.query.returnTo));
    return reply
      .header("set-cookie", cookie(LOGIN_COOKIE, loginSecret, { path: "/auth", maxAgeSeconds: LOGIN_TTL_MS / 1000 }))
      .header("cache-control", "no-store")
      .redirect(url, 302);
  });

  app.get("/auth/callback", hidden, async (request, reply) => {
    if (!oidc) throw new AppError("NOT_FOUND", "This console signs in through its reverse proxy, not here.");
    const callbackUrl = new URL(request.url, auth.publicUrl);
    const { identity, returnTo } = await oidc.finish(callbackUrl, readCookie(request, LOGIN_COOKIE));
    const secret = await auth.sessions.createSession({ ...identity, role: undefined }, auth.sessionTtlMs);
    request.log.info({ user: identity.id }, "signed in");
    return reply
      .header("set-cookie", [
        cookie(SESSION_COOKIE, secret, { path: "/", maxAgeSeconds: Math.floor(auth.sessionTtlMs / 1000) }),
        cookie(LOGIN_COOKIE, "", { path: "/auth", maxAgeSeconds: 0 }),
      ])
      .header("cache-control", "no-store")
      .redirect(returnTo, 302);
  });

  app.post("/auth/logout", hidden, async (request, reply) => {
    const secret = readCookie(request, SESSION_COOKIE);
    if (secret) await auth.sessions.deleteSession(secret);
    return reply
      .header("set-cookie", cookie(SESSION_COOKIE, "", { path: "/", maxAgeSeconds: 0 }))
      .send({ signedOut: true, next: "/auth/signed-out" });
  });

  app.get("/auth/signed-out", hidden, async (_request, reply) =>
    reply
      .type("text/html; charset=utf-8")
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signed out · Lattice Atlas</title></head>` +
          `<body style="font-family:system-ui,sans-serif;margin:4rem auto;max-width:32rem">` +
          `<h1>You are signed out</h1><p>Your session on this console has ended.</p>` +
          `<p><a href="/auth/login">Sign in again</a></p></body></html>`,
      ),
  );
}
