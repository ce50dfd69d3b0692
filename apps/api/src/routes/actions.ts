/**
 * POST /api/actions/plan     → findings, the exact AWS calls, CLI, Terraform and CloudFormation (no change made)
 * POST /api/actions/execute  → the change, once per client token; the resource with its pending status
 * GET  /api/actions/status   → the status of what a change made, for polling
 * POST routes pass the CSRF guard (same Origin + x-atlas-csrf: 1) like every non-GET request.
 */
import {
  ApiErrorBody,
  ExecuteRequest,
  ExecuteResponse,
  PlanRequest,
  PlanResponse,
  StatusQuery,
  StatusResponse,
} from "@lattice-atlas/shared";
import type { FastifyPluginAsync } from "fastify";
import { roleSessionName } from "../auth/identity.js";
import { resolveTarget, type RouteContext } from "./context.js";

const errors = {
  400: ApiErrorBody,
  401: ApiErrorBody,
  403: ApiErrorBody,
  404: ApiErrorBody,
  409: ApiErrorBody,
  429: ApiErrorBody,
  502: ApiErrorBody,
  504: ApiErrorBody,
};
// Unions of actions and free-form call inputs: plain JSON.stringify keeps every member.
const plainJson = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };

export const actionRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.post<{ Body: PlanRequest }>(
    "/api/actions/plan",
    {
      schema: {
        tags: ["actions"],
        summary:
          "Check an action against the topology and show it as AWS calls, an AWS CLI command, Terraform and CloudFormation; nothing is changed",
        body: PlanRequest,
        response: { 200: PlanResponse, ...errors },
      },
      ...plainJson,
    },
    async (request) => {
      const { source, region } = await resolveTarget(ctx, request.body);
      return ctx.actions.plan(source, region, request.body);
    },
  );

  app.post<{ Body: ExecuteRequest }>(
    "/api/actions/execute",
    {
      schema: {
        tags: ["actions"],
        summary:
          "Make the change (refused on read-only sources and when preflight blocks); a repeated client token answers the first result",
        body: ExecuteRequest,
        response: { 200: ExecuteResponse, ...errors },
      },
      ...plainJson,
    },
    async (request) => {
      const { source, region } = await resolveTarget(ctx, request.body);
      // Team mode: the change is the signed-in user's, made as `atlas-<user>` where a role is assumed.
      const actor = request.identity
        ? { user: request.identity.id, roleSessionName: roleSessionName(request.identity.id) }
        : undefined;
      return ctx.actions.execute(source, region, request.body, actor);
    },
  );

  app.get<{ Querystring: StatusQuery }>(
    "/api/actions/status",
    {
      schema: {
        tags: ["actions"],
        summary: "The status of a resource a change made: phase, failure, DNS names; poll with backoff until done",
        querystring: StatusQuery,
        response: { 200: StatusResponse, ...errors },
      },
      ...plainJson,
    },
    async (request) => {
      const { source, region } = await resolveTarget(ctx, request.query);
      const sessionName = request.identity ? roleSessionName(request.identity.id) : undefined;
      return ctx.actions.status(source, region, request.query.kind, request.query.id, sessionName);
    },
  );
};
