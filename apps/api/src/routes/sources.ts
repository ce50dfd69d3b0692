/** GET /api/sources: the emulator, the default chain and every profile, with the account behind each. */
import { ApiErrorBody, SourcesResponse } from "@lattice-atlas/shared";
import type { FastifyPluginAsync } from "fastify";
import type { RouteContext } from "./context.js";

export const sourcesRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.get(
    "/api/sources",
    {
      schema: {
        tags: ["sources"],
        summary: "Sources and the AWS account behind each (STS); never a secret",
        response: { 200: SourcesResponse, 500: ApiErrorBody },
      },
    },
    async (): Promise<SourcesResponse> => ({
      defaultSource: ctx.registry.defaultSourceId,
      sources: await ctx.registry.describe(),
      profileFiles: ctx.registry.profileFiles(),
    }),
  );
};
