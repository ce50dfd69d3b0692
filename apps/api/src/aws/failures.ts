/**
 * AWS SDK errors, translated once into a typed failure with the AWS code, the
 * request id and the IAM action to grant, and a kind that callers act on.
 */
import { iamActionFor } from "./iam.js";

export type FailureKind =
  | "access-denied"
  | "throttled"
  | "timeout"
  | "credentials"
  | "not-found"
  | "validation"
  | "conflict"
  | "quota"
  | "unavailable"
  | "pagination"
  /** The discovery's overall deadline passed before this call could finish (or start). */
  | "deadline"
  | "other";

const ACCESS = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "AuthorizationError",
  "UnauthorizedException",
  "Forbidden",
]);
const THROTTLE = new Set([
  "Throttling",
  "ThrottlingException",
  "RequestLimitExceeded",
  "TooManyRequestsException",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "ProvisionedThroughputExceededException",
]);
const CREDENTIALS = new Set([
  "CredentialsProviderError",
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "AuthFailure",
  "TokenRefreshRequired",
  "SSOTokenProviderFailure",
]);
const NOT_FOUND = /NotFound|NotFoundException|NotFoundFault|DBInstanceNotFound/;
/** State conflicts: busy or already there (Lattice 409), a token reused differently, something still in use, a rule that exists. */
const CONFLICT = new Set([
  "ConflictException",
  "IdempotentParameterMismatch",
  "DependencyViolation",
  "InvalidPermission.Duplicate",
  "IncorrectState",
]);

export class AwsFailure extends Error {
  /** What a listing had read before it failed (its first pages): kept, not thrown away. */
  partial?: unknown[];

  constructor(
    readonly service: string,
    readonly operation: string,
    readonly kind: FailureKind,
    readonly awsCode: string,
    message: string,
    readonly status: number | undefined,
    readonly requestId: string | undefined,
    /** Extra modelled members, e.g. quotaCode or resourceId. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "AwsFailure";
  }

  get iamAction(): string {
    return iamActionFor(this.service, this.operation);
  }
}

interface SdkLikeError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $fault?: string;
  quotaCode?: string;
  serviceCode?: string;
  resourceId?: string;
  resourceType?: string;
  reason?: string;
  fieldList?: Array<{ name?: string; message?: string }>;
}

/** The longest AWS message passed on (to warnings, errors and the audit log). */
export const MESSAGE_LIMIT = 300;
// eslint-disable-next-line no-control-regex -- control characters are what is removed
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+/g;

/**
 * An AWS error message as it may be shown and stored: one line, no control or direction-override
 * characters, at most MESSAGE_LIMIT characters. (AWS messages can echo what a caller put in a name.)
 */
export function cleanMessage(message: string): string {
  const line = message.replace(INVISIBLE, " ").replace(/\s+/g, " ").trim();
  return line.length > MESSAGE_LIMIT ? `${line.slice(0, MESSAGE_LIMIT - 1)}…` : line;
}

/** An AWS error code as a code: letters, digits and . _ : - only, at most 64 characters. */
export function cleanCode(code: string): string {
  return code.replace(/[^A-Za-z0-9._:-]+/g, "").slice(0, 64) || "Unknown";
}

/** Whether an AWS error code (or HTTP status) means "slow down". */
export function isThrottling(code: string | undefined, status?: number): boolean {
  return (code !== undefined && THROTTLE.has(code)) || status === 429;
}

export function toAwsFailure(error: unknown, service: string, operation: string, timedOut = false): AwsFailure {
  if (error instanceof AwsFailure) return error;
  const e = (error ?? {}) as SdkLikeError;
  // Translated once, here: the code kept (as a code), the message bounded and cleaned.
  const code = cleanCode(e.name && e.name !== "Error" ? e.name : (e.code ?? "Unknown"));
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId ? cleanCode(e.$metadata.requestId) : undefined;
  const message = cleanMessage(e.message ?? String(error));
  const extra: Record<string, unknown> = {};
  if (e.quotaCode) extra.quotaCode = e.quotaCode;
  if (e.serviceCode) extra.serviceCode = e.serviceCode;
  if (e.resourceId) extra.resourceId = e.resourceId;
  if (e.resourceType) extra.resourceType = e.resourceType;
  if (e.fieldList) extra.fieldList = e.fieldList;
  let kind: FailureKind = "other";
  if (timedOut || code === "AbortError" || code === "TimeoutError" || code === "RequestTimeout") kind = "timeout";
  else if (
    CREDENTIALS.has(code) ||
    /credential|security token included in the request is (invalid|expired)/i.test(message)
  )
    kind = "credentials";
  else if (ACCESS.has(code) || status === 403) kind = "access-denied";
  else if (THROTTLE.has(code) || status === 429) kind = "throttled";
  else if (code === "ServiceQuotaExceededException" || code.endsWith("LimitExceeded")) kind = "quota";
  else if (CONFLICT.has(code)) kind = "conflict";
  else if (NOT_FOUND.test(code) || status === 404) kind = "not-found";
  else if (code === "ValidationException" || code.startsWith("InvalidParameter") || code === "MissingParameter")
    kind = "validation";
  else if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|socket hang up/i.test(message) || (status ?? 0) >= 500)
    kind = "unavailable";
  return new AwsFailure(service, operation, kind, code, message, status, requestId, extra);
}
