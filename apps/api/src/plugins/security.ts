/**
 * Secure defaults for a local console that holds cloud credentials:
 * a Host allow-list (DNS rebinding), a token when bound beyond loopback,
 * same-origin + custom-header checks on every mutation (CSRF), and helmet
 * headers without upgrade-insecure-requests on plain HTTP.
 */
import { timingSafeEqual } from "node:crypto";
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

export function allowedHostHeaders(options: SecurityOptions): Set<string> {
  const hosts = new Set<string>();
  const names = ["127.0.0.1", "localhost", "[::1]", ...options.allowedHosts];
  if (!isLoopback(options.host) && options.host !== "0.0.0.0" && options.host !== "::") names.push(options.host);
  for (const name of names) {
    hosts.add(name.toLowerCase());
    hosts.add(`${name.toLowerCase()}:${options.port}`);
  }
  return hosts;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

export async function registerSecurity(app: FastifyInstance, options: SecurityOptions): Promise<void> {
  const hosts = allowedHostHeaders(options);
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
    if (!hosts.has(host)) {
      throw new AppError("HOST_NOT_ALLOWED", `Requests for host "${host}" are refused (DNS-rebinding protection).`, {
        hint: "Open the console at http://127.0.0.1:<port>, or start it with --allowed-host <name>.",
      });
    }
    if (options.token) {
      const query = request.query as { token?: string } | undefined;
      const bearer = request.headers.authorization?.replace(/^Bearer\s+/i, "");
      const presented = bearer ?? cookie(request, TOKEN_COOKIE) ?? query?.token;
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
    if (request.method !== "GET" && request.method !== "HEAD" && request.method !== "OPTIONS") {
      const origin = request.headers.origin;
      const sameOrigin = origin !== undefined && hosts.has(origin.replace(/^https?:\/\//, "").toLowerCase());
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
