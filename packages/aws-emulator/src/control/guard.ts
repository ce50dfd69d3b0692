/**
 * The control API's door rules, the same as Lattice Atlas's own API: it rewrites what the console shows,
 * so a web page must not reach it. Host must be a loopback name (or the address the request came in on:
 * no DNS-rebinding name is), an Origin must be that same host, a browser's cross-site or same-site fetch is
 * refused, and a body must be JSON (a cross-origin form or no-cors fetch can send text/plain, never JSON
 * without asking first).
 */
import type { IncomingMessage } from "node:http";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** The name part of a Host header ("[::1]:4566" → "[::1]"). */
function hostName(host: string): string {
  const match = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(host.trim().toLowerCase());
  return match?.[1] ?? host;
}

function allowedHost(name: string, request: IncomingMessage): boolean {
  if (LOOPBACK.has(name) || /^127\.\d+\.\d+\.\d+$/.test(name)) return true;
  // The address this connection arrived on, as an IP literal (bound beyond loopback: the machine's address).
  const local = request.socket.localAddress?.replace(/^::ffff:/, "");
  return local !== undefined && (name === local || name === `[${local}]`);
}

/** A refusal ({status, message}) for a control request that breaks the rules, or undefined. */
export function controlRefusal(
  method: string,
  body: string,
  request: IncomingMessage | undefined,
): { status: number; body: { message: string } } | undefined {
  if (!request) return undefined;
  const refuse = (status: number, message: string) => ({ status, body: { message } });
  const host = hostName(request.headers.host ?? "");
  if (!allowedHost(host, request))
    return refuse(403, `the control API answers only on loopback names (127.0.0.1, localhost), not "${host}"`);
  const site = request.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site")
    return refuse(403, "the control API refuses requests from web pages of other sites");
  const origin = request.headers.origin;
  if (origin !== undefined && !allowedHost(hostName(origin.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "")), request))
    return refuse(403, `the control API refuses requests from the origin ${origin}`);
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (method !== "GET" && method !== "HEAD" && (body.trim() !== "" || type !== "") && type !== "application/json")
    return refuse(415, `control bodies must be JSON (content-type: application/json), not "${type || "none"}"`);
  return undefined;
}
