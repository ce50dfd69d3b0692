/** GET /api/connect: which hostname works from a consumer VPC, and which do not, with why. */
import { ApiErrorBody, ConnectAnswer, ConnectQuery } from "@lattice-atlas/shared";
import type { FastifyPluginAsync } from "fastify";
import { resolveTarget, type RouteContext } from "./context.js";

export const connectRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.get<{ Querystring: ConnectQuery }>(
    "/api/connect",
    {
      schema: {
        tags: ["connect"],
        summary:
          "For a consumer VPC: each reachable resource or service with the hostnames that work, the pattern, the port and a ready command; names that fail, and targets out of reach",
        querystring: ConnectQuery,
        response: { 200: ConnectAnswer, 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody },
      },
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => {
      const { source, region } = await resolveTarget(ctx, request.query);
      return ctx.connect.answer(source.id, region, request.query.from, request.query.to);
    },
  );
};
