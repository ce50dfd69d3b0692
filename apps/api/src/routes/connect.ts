/**
 * GET /api/connect: which hostname works from a consumer VPC, and which do not, with why;
 * GET /api/reachable-from: every VPC that reaches a target, by which pattern and name.
 */
import {
  ApiErrorBody,
  ConnectAnswer,
  ConnectQuery,
  ReachableFromAnswer,
  ReachableFromQuery,
} from "@lattice-atlas/shared";
import type { FastifyPluginAsync } from "fastify";
import { AppError } from "../errors.js";
import { resolveTarget, type RouteContext } from "./context.js";

const CODE_OF_WARNING = {
  AccessDenied: "ACCESS_DENIED",
  Throttled: "THROTTLED",
  Timeout: "AWS_TIMEOUT",
  Deadline: "AWS_TIMEOUT",
} as const;

/**
 * A VPC missing from a picture whose DescribeVpcs failed is unknown, not absent: say that (with the
 * failure's own code) instead of "not in this account".
 */
async function unlessUnread<T>(
  ctx: RouteContext,
  sourceId: string,
  region: string,
  answer: () => Promise<T>,
): Promise<T> {
  try {
    return await answer();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "NOT_FOUND" || error.details.field !== "from") throw error;
    const { warnings } = await ctx.topology.snapshot(sourceId, region);
    const unread = warnings.find((w) => w.operation === "DescribeVpcs");
    if (!unread) throw error;
    throw new AppError(
      CODE_OF_WARNING[unread.code as keyof typeof CODE_OF_WARNING] ?? "AWS_UNAVAILABLE",
      `${error.message.replace(/ is not in this account and region\.$/, "")} cannot be looked up: DescribeVpcs failed (${unread.awsCode ?? unread.code}), so Lattice Atlas cannot tell whether it exists.`,
      {
        field: "from",
        hint: unread.code === "AccessDenied" ? `Grant ${unread.iamAction}, then refresh.` : "Refresh the topology.",
        ...(unread.awsCode ? { awsCode: unread.awsCode } : {}),
      },
    );
  }
}

export const connectRoutes: FastifyPluginAsync<RouteContext> = async (app, ctx) => {
  app.get<{ Querystring: ConnectQuery }>(
    "/api/connect",
    {
      schema: {
        tags: ["connect"],
        summary:
          "For a consumer VPC: each reachable resource or service with the hostnames that work, the pattern, the port and a ready command; names that fail, and targets out of reach",
        querystring: ConnectQuery,
        response: {
          200: ConnectAnswer,
          400: ApiErrorBody,
          401: ApiErrorBody,
          403: ApiErrorBody,
          404: ApiErrorBody,
          429: ApiErrorBody,
          502: ApiErrorBody,
          504: ApiErrorBody,
        },
      },
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => {
      const { source, region } = await resolveTarget(ctx, request.query);
      return unlessUnread(ctx, source.id, region, () =>
        ctx.connect.answer(source.id, region, request.query.from, request.query.to),
      );
    },
  );

  app.get<{ Querystring: ReachableFromQuery }>(
    "/api/reachable-from",
    {
      schema: {
        tags: ["connect"],
        summary:
          "For a resource configuration, Aurora cluster or endpoint, or service: every VPC with a way in, the pattern, the name to use there and the connectivity check's verdict",
        querystring: ReachableFromQuery,
        response: { 200: ReachableFromAnswer, 400: ApiErrorBody, 401: ApiErrorBody, 404: ApiErrorBody },
      },
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (request) => {
      const { source, region } = await resolveTarget(ctx, request.query);
      return ctx.connect.reachableFrom(source.id, region, request.query.to);
    },
  );
};
