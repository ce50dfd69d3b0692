/**
 * The one error type every queryFn throws: the API's ApiErrorBody (code,
 * message, hint, field …) plus the HTTP status, or a client-side code when the
 * server could not be reached or answered something that is not the contract.
 */
import type { ApiErrorBody } from "@lattice-atlas/shared";

type ErrorDetails = Omit<ApiErrorBody["error"], "code" | "message">;

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly code: string;
  readonly status: number;
  readonly hint: string | undefined;
  readonly field: string | undefined;
  readonly awsCode: string | undefined;
  readonly requestId: string | undefined;
  readonly iamAction: string | undefined;
  /** Service Quotas code of the quota an error hit (QUOTA_EXCEEDED). */
  readonly quotaCode: string | undefined;

  constructor(code: string, message: string, status: number, details: ErrorDetails = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.hint = details.hint;
    this.field = details.field;
    this.awsCode = details.awsCode;
    this.requestId = details.requestId;
    this.iamAction = details.iamAction;
    this.quotaCode = details.quotaCode;
  }

  static fromBody(body: ApiErrorBody, status: number): ApiError {
    const { code, message, ...details } = body.error;
    return new ApiError(code, message, status, details);
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  );
}

/** A short human title per code, shown above the API's own sentence. */
const TITLES: Record<string, string> = {
  VALIDATION: "The request was not valid",
  UNKNOWN_SOURCE: "That source does not exist",
  UNKNOWN_REGION: "That region is not known",
  NOT_FOUND: "Not found",
  CREDENTIALS_MISSING: "No AWS credentials for this source",
  CREDENTIALS_EXPIRED: "The AWS credentials have expired",
  TOKEN_REQUIRED: "This console needs its access token",
  ACCESS_DENIED: "AWS denied access",
  HOST_NOT_ALLOWED: "This address is not allowed",
  CSRF_REJECTED: "The change was refused",
  READ_ONLY: "This source is read-only",
  CONFLICT: "AWS reported a conflict",
  IDEMPOTENCY_MISMATCH: "That request token was already used for another change",
  DEPENDENCY_VIOLATION: "Something still depends on it",
  PREFLIGHT_BLOCKED: "Not sent to AWS: the checks found a blocking problem",
  AWS_VALIDATION: "AWS rejected the request",
  QUOTA_EXCEEDED: "An AWS quota is exhausted",
  THROTTLED: "AWS is throttling requests",
  AWS_TIMEOUT: "AWS did not answer in time",
  AWS_UNAVAILABLE: "AWS could not be reached",
  INTERNAL: "Something went wrong in Lattice Atlas",
  STORAGE_UNAVAILABLE: "Saved views and snapshots are unavailable",
  NETWORK: "The Lattice Atlas server cannot be reached",
  BAD_RESPONSE: "The server answered something unexpected",
  ABORTED: "The request was cancelled",
};

export function errorTitle(code: string): string {
  return TITLES[code] ?? "Something went wrong";
}

/** Any thrown value as an ApiError, so components render one shape. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DOMException && error.name === "AbortError")
    return new ApiError("ABORTED", "The request was cancelled.", 0);
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError("INTERNAL", message, 0);
}
