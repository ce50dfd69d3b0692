/** GET /api/lattice-details: what the details panel reads on demand (access logs, listener rules). */
import { roleSessionName } from "../auth/identity.js";
import { ApiErrorBody, LatticeDetails, LatticeDetailsQuery } from "@lattice-atlas/shared";
import type { FastifyPluginAsync } from "fastify";
import { CallRunner, createReaders } from "../aws/index.js";
import { AppError } from "../errors.js";
import { toSourceError } from "../sources/registry.js";
import { readLatticeDetails } from "../topology/lattice-details.js";
import { resolveTarget, type RouteContext } from "./context.js";

export const detailsRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.get<{ Querystring: LatticeDetailsQuery }>(
    "/api/lattice-details",
    {
      schema: {
        tags: ["topology"],
        summary:
          "Read on demand for a service network, service or resource configuration: where its access logs go, and a service's listener rules",
        querystring: LatticeDetailsQuery,
        response: { 200: LatticeDetails, 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody, 404: ApiErrorBody },
      },
    },
    async (request) => {
      const { source, region } = await resolveTarget(ctx, request.query);
      const index = await ctx.topology.index(source.id, region);
      const node = index.find(request.query.id);
      if (!node || !["serviceNetwork", "service", "resourceConfiguration"].includes(node.kind))
        throw new AppError(
          "NOT_FOUND",
          `${request.query.id} is not a service network, service or resource configuration of this picture.`,
          { field: "id", hint: "Name one by its id or ARN, as the topology lists it." },
        );
      // A snapshot is frozen: nothing more can be read from it.
      if (source.kind === "snapshot") return { id: node.id, warnings: [] };
      try {
        // For a signed-in user, as their role session where the source assumes a role (--assume-role-arn).
        const sessionName = request.identity ? roleSessionName(request.identity.id) : undefined;
        const { clients } = ctx.registry.clientsAs(source, region, sessionName);
        const readers = createReaders(clients, new CallRunner({}));
        return await readLatticeDetails(readers, node);
      } catch (error) {
        throw toSourceError(error, source);
      }
    },
  );
};
