/**
 * The id of a request, in every log line about it and in the `x-request-id` answer header: the one an
 * upstream proxy sent (`X-Request-Id`) when it is a plain token of at most 64 characters (so a log cannot be
 * forged or flooded through it), otherwise a new random UUID.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

const PLAIN = /^[A-Za-z0-9._:-]{1,64}$/;

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && PLAIN.test(given) ? given : randomUUID();
}
