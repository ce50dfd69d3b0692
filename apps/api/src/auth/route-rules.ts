/**
 * The role every route needs, in one table keyed "METHOD /url pattern" (the pattern as registered, so
 * `/api/views/:id`). A route missing from this table is refused in team mode and fails `route-rules.test.ts`,
 * which enumerates every route the app registers.
 *   public     no sign-in (probes, the sign-in routes themselves, the console's static files)
 * The built console's files (one GET route per file, outside /api and /auth, no parameters) are public: they
 * hold no data, and the console asks /api/me and signs in.
 *   signed-in  a signed-in user, whatever their role (who am I)
 *   viewer     read, Connect, checks, saved views and snapshots
 *   operator   + changes
 *   admin      + sources and settings (reproducing a snapshot replaces the emulator's state)
 */
import type { Role } from "@lattice-atlas/shared";

export type RouteRule = "public" | "signed-in" | Role;

export const ROUTE_RULES: Readonly<Record<string, RouteRule>> = {
  // Probes for load balancers and orchestrators.
  "GET /healthz": "public",
  "GET /readyz": "public",
  // Prometheus scrapes without signing in: counts only (routes by pattern, AWS operations, durations), never a
  // name, id or credential. Keep it off the public side of the reverse proxy (see the README's Deployment).
  "GET /metrics": "public",
  // Sign-in.
  "GET /auth/login": "public",
  "GET /auth/callback": "public",
  "POST /auth/logout": "public",
  "GET /auth/signed-out": "public",
  "GET /api/me": "signed-in",
  // Reading.
  "GET /api/health": "viewer",
  "GET /api/sources": "viewer",
  "GET /api/regions": "viewer",
  "GET /api/topology": "viewer",
  "GET /api/topology/events": "viewer",
  "GET /api/connect": "viewer",
  "GET /api/reachable-from": "viewer",
  "GET /api/lattice-details": "viewer",
  "POST /api/analyze": "viewer",
  "GET /api/audit": "viewer",
  "GET /api/actions/status": "viewer",
  "GET /api/openapi.json": "viewer",
  "GET /api/docs": "viewer",
  "GET /api/docs/": "viewer",
  "GET /api/docs/json": "viewer",
  "GET /api/docs/yaml": "viewer",
  "GET /api/docs/static/*": "viewer",
  // Saved views and snapshots.
  "POST /api/views": "viewer",
  "GET /api/views": "viewer",
  "GET /api/views/:id": "viewer",
  "PATCH /api/views/:id": "viewer",
  "DELETE /api/views/:id": "viewer",
  "POST /api/snapshots": "viewer",
  "GET /api/snapshots": "viewer",
  "GET /api/snapshots/:id": "viewer",
  "PATCH /api/snapshots/:id": "viewer",
  "DELETE /api/snapshots/:id": "viewer",
  "GET /api/snapshots/:id/file": "viewer",
  "POST /api/snapshots/import": "viewer",
  "GET /api/snapshots/:id/connect": "viewer",
  "POST /api/snapshots/:id/analyze": "viewer",
  // Changes.
  "POST /api/actions/plan": "operator",
  "POST /api/actions/execute": "operator",
  // Sources and settings.
  "POST /api/snapshots/:id/emulate": "admin",
};

/** The rule of a registered route; HEAD follows its GET. Undefined when the table has none. */
export function ruleFor(method: string, url: string): RouteRule | undefined {
  const verb = method === "HEAD" ? "GET" : method;
  const exact = ROUTE_RULES[`${verb} ${url}`];
  if (exact || verb !== "GET") return exact;
  // The API docs' own files (one route per file of swagger-ui) need what the docs need.
  if (url.startsWith("/api/docs/static/") && isConsoleFile(url.slice("/api/docs/static".length))) return "viewer";
  return isConsoleFile(url) ? "public" : undefined;
}

/** A file of the built console, e.g. /index.html or /assets/index-3f2a.js (never /api or /auth, no parameters). */
export function isConsoleFile(url: string): boolean {
  return /^\/(?!api(\/|$)|auth(\/|$))[\w.@-]+(\/[\w.@-]+)*$/.test(url) && !url.includes("..");
}
