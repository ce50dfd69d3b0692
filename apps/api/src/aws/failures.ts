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

/** Whether an AWS error code (or HTTP status) means "slow down". */
export function isThrottling(code: string | undefined, status?: number): boolean {
  return (code !== undefined && THROTTLE.has(code)) || status === 429;
}

export function toAwsFailure(error: unknown, service: string, operation: string, timedOut = false): AwsFailure {
  if (error instanceof AwsFailure) return error;
  const e = (error ?? {}) as SdkLikeError;
  const code = e.name && e.name !== "Error" ? e.name : (e.code ?? "Unknown");
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId;
  const message = e.message ?? String(error);
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
