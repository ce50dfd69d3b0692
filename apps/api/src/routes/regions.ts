/** GET /api/regions: per Region, the Lattice things a source holds (so that an empty Region can say where they are). */
import { ApiErrorBody, RegionsQuery, RegionsResponse } from "@lattice-atlas/shared";
import type { FastifyPluginAsync } from "fastify";
import type { RouteContext } from "./context.js";

export const regionsRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.get<{ Querystring: RegionsQuery }>(
    "/api/regions",
    {
      schema: {
        tags: ["sources"],
        summary:
          "Per enabled Region, how many service networks, resource configurations, services and Lattice VPC endpoints a source holds (List calls only, page-capped, cached a few minutes)",
        querystring: RegionsQuery,
        response: { 200: RegionsResponse, 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 502: ApiErrorBody },
      },
    },
    async (request): Promise<RegionsResponse> =>
      ctx.census.census(request.query.source ?? ctx.registry.defaultSourceId),
  );
};
