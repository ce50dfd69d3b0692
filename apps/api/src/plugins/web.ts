/** Serves the built console (same origin as the API); unknown /api paths are JSON 404s, other paths the SPA. */
import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { ApiErrorBody } from "@lattice-atlas/shared";
import type { FastifyInstance } from "fastify";

export async function registerWeb(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const index = webRoot ? path.join(webRoot, "index.html") : undefined;
  const hasWeb = Boolean(index && existsSync(index));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot!,
      prefix: "/",
      index: false,
      wildcard: false,
      maxAge: "1h",
      immutable: true,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || !hasWeb || request.method !== "GET") {
      return reply.status(404).send({
        error: { code: "NOT_FOUND", message: `No route ${request.method} ${request.url.split("?")[0]}.` },
      } satisfies ApiErrorBody);
    }
    return reply.header("cache-control", "no-cache").sendFile("index.html", { maxAge: 0, immutable: false });
  });
}
