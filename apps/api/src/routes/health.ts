/** GET /api/health */
import { ApiErrorBody, HealthResponse } from "@lattice-atlas/shared";
import type { FastifyPluginAsync } from "fastify";
import { DEFAULT_REFRESH_AFTER_MINUTES, type RouteContext } from "./context.js";

export const healthRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.get(
    "/api/health",
    {
      schema: {
        tags: ["health"],
        summary: "Liveness and what this server talks to",
        response: { 200: HealthResponse, 500: ApiErrorBody },
      },
    },
    async (): Promise<HealthResponse> => ({
      status: "ok",
      version: ctx.version,
      emulator: ctx.emulatorUrl ? { url: ctx.emulatorUrl } : null,
      readOnly: ctx.registry.readOnly,
      refreshAfterMinutes: ctx.refreshAfterMinutes ?? DEFAULT_REFRESH_AFTER_MINUTES,
    }),
  );
};
