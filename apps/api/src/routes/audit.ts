/** GET /api/audit: every change, refused and replayed request, newest first, paged by id. */
import { ApiErrorBody, AuditQuery, AuditResponse } from "@lattice-atlas/shared";
import type { FastifyPluginAsync } from "fastify";
import type { RouteContext } from "./context.js";

export const auditRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.get<{ Querystring: AuditQuery }>(
    "/api/audit",
    {
      schema: {
        tags: ["actions"],
        summary:
          "The audit log of changes: time, source, account, region, action, input, outcome, error code, AWS request id, client token",
        querystring: AuditQuery,
        response: { 200: AuditResponse, 400: ApiErrorBody },
      },
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => ctx.actions.audit(request.query),
  );
};
