/** GET /api/health: liveness, version and whether the embedded emulator is up. */
import type { FastifyPluginAsync } from "fastify";

export const healthRoutes: FastifyPluginAsync<{ version: string; emulatorUrl?: string | undefined }> = async (app, options) => {
  app.get("/api/health", async () => ({
    status: "ok",
    version: options.version,
    emulator: options.emulatorUrl ? { url: options.emulatorUrl } : null,
  }));
};
