/**
 * GET /api/connect: which hostname works from a consumer VPC, and which do not, with why;
 * GET /api/reachable-from: every VPC that reaches a target, by which pattern and name.
 */
import {
  ApiErrorBody,
  ConnectAnswer,
  ConnectQuery,
  ReachableFromAnswer,
  ReachableFromQuery,
} from "@lattice-atlas/shared";
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

  app.get<{ Querystring: ReachableFromQuery }>(
    "/api/reachable-from",
    {
      schema: {
        tags: ["connect"],
        summary:
          "For a resource configuration, Aurora cluster or endpoint, or service: every VPC with a way in, the pattern, the name to use there and the connectivity check's verdict",
        querystring: ReachableFromQuery,
        response: { 200: ReachableFromAnswer, 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody },
      },
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => {
      const { source, region } = await resolveTarget(ctx, request.query);
      return ctx.connect.reachableFrom(source.id, region, request.query.to);
    },
  );
};
