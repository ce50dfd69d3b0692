/** Builds the Fastify application; tests build the same app and use inject() or a real port. */
import Fastify, { type FastifyInstance } from "fastify";
import { healthRoutes } from "./routes/health.js";

export interface AppOptions {
  version: string;
  emulatorUrl?: string | undefined;
  logger?: boolean;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 64 * 1024, requestTimeout: 30_000 });
  await app.register(healthRoutes, { version: options.version, emulatorUrl: options.emulatorUrl });
  return app;
}
