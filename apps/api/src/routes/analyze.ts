/** POST /api/analyze: why can (or can't) this client reach that resource, hop by hop. */
import { AnalyzeAnswer, AnalyzeRequest, ApiErrorBody } from "@lattice-atlas/shared";
import type { FastifyPluginAsync } from "fastify";
import { analyzeConnectivity } from "../lattice/check.js";
import { resolveTarget, type RouteContext } from "./context.js";

export const analyzeRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.post<{ Body: AnalyzeRequest }>(
    "/api/analyze",
    {
      schema: {
        tags: ["analyze"],
        summary:
          "Connectivity check from a client (VPC, security group) to a resource configuration or service: a verdict and the seven hops, each with the rule that allows it or the fix",
        body: AnalyzeRequest,
        response: { 200: AnalyzeAnswer, 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody },
      },
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => {
      const { source, region } = await resolveTarget(ctx, request.body);
      if (request.body.refresh) await ctx.topology.topology(source.id, region, true);
      const index = await ctx.topology.index(source.id, region);
      return analyzeConnectivity(index, request.body);
    },
  );
};
