/**
 * One error handler: AppError → its status and ApiErrorBody; schema
 * validation → 400 naming the field; anything else → 500 without details.
 */
import type { ApiErrorBody } from "@lattice-atlas/shared";
import type { FastifyError, FastifyInstance } from "fastify";
import { AppError } from "../errors.js";

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { missingProperty?: string; additionalProperty?: string; pattern?: string; tag?: string };
}

function validationBody(
  error: FastifyError & { validation?: ValidationIssue[]; validationContext?: string },
): ApiErrorBody {
  const issue: ValidationIssue = error.validation?.[0] ?? {};
  const path = issue.instancePath?.replace(/^\//, "").replace(/\//g, ".") ?? "";
  // A discriminated union with an unknown tag (e.g. action.type) names the tag, not the whole object.
  const tagged = issue.params?.tag ? [path, issue.params.tag].filter(Boolean).join(".") : undefined;
  const named = issue.params?.missingProperty ?? issue.params?.additionalProperty;
  const field = named !== undefined ? [path, named].filter(Boolean).join(".") : (tagged ?? path);
  const where = error.validationContext ?? "request";
  const what = issue.params?.missingProperty
    ? `is required`
    : issue.params?.tag
      ? "is not one of the known kinds"
      : issue.params?.pattern
        ? `is not valid (expected ${issue.params.pattern})`
        : (issue.message ?? "is not valid");
  return {
    error: { code: "VALIDATION", message: `The ${where} parameter "${field}" ${what}.`, ...(field ? { field } : {}) },
  };
}

/** Fastify's own refusals (body too large, wrong content type, malformed or overlong URL) in the API's words. */
export function frameworkErrorBody(error: FastifyError): { status: number; body: ApiErrorBody } | undefined {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return {
        status: 413,
        body: {
          error: {
            code: "PAYLOAD_TOO_LARGE",
            message: "The request body is larger than this route accepts.",
            field: "body",
            hint: "Send less: saved views and snapshot names are short; a snapshot file is at most 32 MB.",
          },
        },
      };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return {
        status: 415,
        body: {
          error: {
            code: "UNSUPPORTED_MEDIA_TYPE",
            message: "This route reads JSON bodies only.",
            field: "content-type",
            hint: "Send the body as JSON with content-type: application/json.",
          },
        },
      };
    case "FST_ERR_MAX_PARAM_LENGTH":
      return {
        status: 414,
        body: {
          error: {
            code: "URI_TOO_LONG",
            message: "A path parameter is longer than any valid one (ids are at most 100 characters).",
            field: "id",
            hint: "Use the id the API gave, e.g. /api/views/v0123456789.",
          },
        },
      };
    case "FST_ERR_BAD_URL":
      return {
        status: 400,
        body: { error: { code: "VALIDATION", message: "The URL is malformed (bad percent-encoding).", field: "url" } },
      };
    default:
      return undefined;
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { validation?: ValidationIssue[] }, request, reply) => {
    if (error instanceof AppError) {
      const body: ApiErrorBody = { error: { code: error.code, message: error.message, ...error.details } };
      return reply.status(error.status).send(body);
    }
    if (error.validation) return reply.status(400).send(validationBody(error));
    const framework = frameworkErrorBody(error);
    if (framework) return reply.status(framework.status).send(framework.body);
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status < 500) {
      return reply.status(status).send({
        error: { code: "VALIDATION", message: error.message },
      } satisfies ApiErrorBody);
    }
    request.log.error({ err: { message: error.message, stack: error.stack } }, "unhandled error");
    return reply.status(500).send({
      error: { code: "INTERNAL", message: "Something went wrong in Lattice Atlas; the server log has the details." },
    } satisfies ApiErrorBody);
  });
}
