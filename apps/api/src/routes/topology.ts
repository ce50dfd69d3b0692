/**
 * GET /api/topology → { nodes, edges, warnings, stats }
 * GET /api/topology/events → server-sent discovery progress (operations done of known total)
 */
import { ApiErrorBody, ProgressQuery, Topology, TopologyQuery } from "@lattice-atlas/shared";
import type { FastifyPluginAsync } from "fastify";
import { acceptedEncodings } from "../topology/encoded.js";
import { resolveTarget, type RouteContext } from "./context.js";

/** If-None-Match: a list of (possibly weak) tags, or "*". */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}

export const topologyRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.get<{ Querystring: TopologyQuery }>(
    "/api/topology",
    {
      schema: {
        tags: ["topology"],
        summary: "The whole VPC Lattice topology of an account/region as one graph",
        querystring: TopologyQuery,
        response: { 200: Topology, 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 502: ApiErrorBody },
      },
      // The answer is bytes made once per version (topology/encoded.ts), already compressed.
      compress: false,
    },
    async (request, reply) => {
      const { source, region } = await resolveTarget(ctx, request.query);
      const encoded = await ctx.topology.encoded(source.id, region, request.query.refresh === true);
      // One version, one ETag: a client that has it gets a 304 instead of megabytes again.
      reply.header("etag", encoded.etag).header("cache-control", "no-cache").header("vary", "accept-encoding");
      if (matchesEtag(request.headers["if-none-match"], encoded.etag)) return reply.status(304).send();
      const { encoding, bytes } = await encoded.body(acceptedEncodings(request.headers["accept-encoding"]));
      if (encoding !== "identity") reply.header("content-encoding", encoding);
      return reply.type("application/json; charset=utf-8").send(bytes);
    },
  );

  app.get<{ Querystring: ProgressQuery }>(
    "/api/topology/events",
    {
      schema: {
        tags: ["topology"],
        summary: "Discovery progress as server-sent events (event: progress | done | error)",
        querystring: ProgressQuery,
      },
    },
    async (request, reply) => {
      const { source, region } = await resolveTarget(ctx, request.query);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
        "x-content-type-options": "nosniff",
      });
      const send = (event: string, data: unknown): void => {
        raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      send("ready", { running: ctx.topology.isRunning(source.id, region) });
      const unsubscribe = ctx.topology.subscribe(source.id, region, (event) =>
        send(event.type, event.progress ?? { message: event.message }),
      );
      const keepAlive = setInterval(() => raw.write(": keep-alive\n\n"), 15_000);
      request.raw.on("close", () => {
        clearInterval(keepAlive);
        unsubscribe();
      });
    },
  );
};
