/**
 * Secure defaults for a local console that holds cloud credentials:
 * a Host allow-list (DNS rebinding) that knows the machine's own addresses
 * when bound to all interfaces, a token when bound beyond loopback,
 * same-origin + custom-header checks on every mutation (CSRF), GETs that
 * spend AWS calls (`refresh`) refused from other sites, and helmet headers
 * without upgrade-insecure-requests on plain HTTP.
 */
import { timingSafeEqual } from "node:crypto";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import helmet from "@fastify/helmet";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../errors.js";

export interface SecurityOptions {
  port: number;
  host: string;
  allowedHosts: string[];
  token?: string | undefined;
}

export const CSRF_HEADER = "x-atlas-csrf";
const TOKEN_COOKIE = "atlas_token";

export function isLoopback(host: string): boolean {
  return host === "127.0.0.1" || host === "localhost" || host === "::1" || host.startsWith("127.");
}

export const isWildcard = (host: string): boolean => host === "0.0.0.0" || host === "::" || host === "[::]";

/** An address as it appears in a Host header (IPv6 in brackets). */
const hostForm = (address: string): string =>
  address.includes(":") && !address.startsWith("[") ? `[${address}]` : address;

/** This machine's own interface addresses (what a browser on the LAN types to reach a server bound to 0.0.0.0). */
export function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i): i is NonNullable<typeof i> => Boolean(i) && !(i!.family === "IPv6" && i!.scopeid))
    .map((i) => i.address);
}

/** The URL to print for a server bound to `host`: for all interfaces, the first external address (else loopback). */
export function publicUrl(host: string, port: number): string {
  let name = host;
  if (isWildcard(host)) {
    const all = networkInterfaces();
    const external = Object.values(all)
      .flat()
      .find((i) => i && !i.internal && i.family === "IPv4");
    name = external?.address ?? "127.0.0.1";
  }
  return `http://${hostForm(name)}:${port}`;
}

/** Host names (without port) this server answers to. */
export function allowedHostNames(options: Pick<SecurityOptions, "host" | "allowedHosts">): Set<string> {
  const names = ["127.0.0.1", "localhost", "[::1]", ...options.allowedHosts];
  if (isWildcard(options.host)) names.push(...interfaceAddresses().map(hostForm));
  else if (!isLoopback(options.host)) names.push(hostForm(options.host));
  return new Set(names.map((n) => n.toLowerCase()));
}

export function allowedHostHeaders(options: SecurityOptions): Set<string> {
  const hosts = new Set<string>();
  for (const name of allowedHostNames(options)) {
    hosts.add(name);
    hosts.add(`${name}:${options.port}`);
  }
  return hosts;
}

/** A Host header's name and port ("[::1]:8080" → ["[::1]", "8080"]). */
function splitHost(host: string): [string, string | undefined] {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  return match ? [match[1]!, match[2]] : [host, undefined];
}

/** Query parameters that make a GET spend the user's AWS calls. */
const SIDE_EFFECT_QUERY = ["refresh"];

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A cookie's value from the request (undefined when absent or malformed). */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(rest.join("="));
    } catch {
      // A malformed cookie (bad percent-encoding) is no token: the request is refused as without one.
      return undefined;
    }
  }
  return undefined;
}

export async function registerSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  const names = allowedHostNames(options);
  /** The configured port, and the one really bound (--port 0 picks one). */
  const allowedPort = (port: string): boolean => {
    const bound = (app.server.address() as AddressInfo | null)?.port;
    return Number(port) === options.port || Number(port) === bound;
  };
  const hostAllowed = (host: string): boolean => {
    const [name, port] = splitHost(host.toLowerCase());
    return names.has(name) && (port === undefined || allowedPort(port));
  };
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const host = (request.headers.host ?? "").toLowerCase();
    if (!hostAllowed(host)) {
      throw new AppError("HOST_NOT_ALLOWED", `Requests for host "${host}" are refused (DNS-rebinding protection).`, {
        hint: "Open the console at http://127.0.0.1:<port>, or start it with --allowed-host <name>.",
      });
    }
    if (options.token) {
      const query = request.query as { token?: string } | undefined;
      const bearer = request.headers.authorization?.replace(/^Bearer\s+/i, "");
      const presented = bearer ?? readCookie(request, TOKEN_COOKIE) ?? query?.token;
      if (!sameToken(presented, options.token)) {
        throw new AppError("TOKEN_REQUIRED", "This console needs its access token (printed when the server started).", {
          hint: "Open the URL with ?token=… that the server printed.",
        });
      }
      if (query?.token && request.method === "GET") {
        reply.header(
          "set-cookie",
          `${TOKEN_COOKIE}=${encodeURIComponent(options.token)}; HttpOnly; SameSite=Strict; Path=/`,
        );
      }
    }
    const origin = request.headers.origin;
    const sameOrigin = origin !== undefined && hostAllowed(origin.replace(/^https?:\/\//, "").toLowerCase());
    if (request.method === "GET" || request.method === "HEAD") {
      // A GET that spends AWS calls must not run for another site's page (an <img src> or a link).
      const query = request.query as Record<string, unknown> | undefined;
      const sideEffect = SIDE_EFFECT_QUERY.some((name) => {
        const value = query?.[name];
        return value !== undefined && !["0", "false", "no", "off"].includes(String(value).trim().toLowerCase());
      });
      const site = request.headers["sec-fetch-site"];
      const otherSite = site === "cross-site" || site === "same-site" || (origin !== undefined && !sameOrigin);
      if (sideEffect && otherSite) {
        throw new AppError(
          "CSRF_REJECTED",
          "A refresh spends this account's AWS calls, so it must come from the console itself, not from another site.",
          { field: "refresh", hint: "Open the console and use its Refresh button." },
        );
      }
    }
    if (request.method !== "GET" && request.method !== "HEAD" && request.method !== "OPTIONS") {
      if (!sameOrigin || request.headers[CSRF_HEADER] !== "1") {
        throw new AppError(
          "CSRF_REJECTED",
          "Changes must come from the console itself (same origin, with its request header).",
          {
            hint: `Send Origin of this server and the header ${CSRF_HEADER}: 1.`,
          },
        );
      }
    }
  });
}
