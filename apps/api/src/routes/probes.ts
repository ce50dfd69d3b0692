/**
 * GET /healthz (liveness: the process answers) and GET /readyz (readiness: its stores answer), for a load
 * balancer or an orchestrator. /readyz answers 503 with what is wrong while a store cannot be used; it never
 * names a file path or a connection string.
 */
import type { FastifyPluginAsync } from "fastify";

export interface ProbeOptions {
  /** Each check resolves when its store answers, and throws (with why) when it does not. */
  checks: Record<string, () => unknown>;
  /** True once graceful shutdown began: not ready, whatever the stores say. */
  draining?: () => boolean;
}

export const probeRoutes: FastifyPluginAsync<ProbeOptions> = async (app, options) => {
  const hidden = { schema: { hide: true } };
  app.get("/healthz", hidden, async () => ({ status: "ok" }));
  app.get("/readyz", hidden, async (_request, reply) => {
    const results = await Promise.all(
      Object.entries(options.checks).map(async ([name, check]) => {
        try {
          await check();
          return [name, "ok"] as const;
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          return [name, typeof code === "string" ? code : "unavailable"] as const;
        }
      }),
    );
    const draining = options.draining?.() ?? false;
    const ready = !draining && results.every(([, state]) => state === "ok");
    return reply
      .code(ready ? 200 : 503)
      .send({ status: draining ? "draining" : ready ? "ready" : "not ready", checks: Object.fromEntries(results) });
  });
};
