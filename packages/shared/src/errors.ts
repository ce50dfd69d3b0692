/** Typed error codes of the API, one table from code to HTTP status and to a hint for humans. */
import Type, { type Static } from "typebox";

export const ERROR_CODES = {
  VALIDATION: 400,
  UNKNOWN_SOURCE: 400,
  UNKNOWN_REGION: 400,
  NOT_FOUND: 404,
  CREDENTIALS_MISSING: 401,
  CREDENTIALS_EXPIRED: 401,
  TOKEN_REQUIRED: 401,
  /** Team mode: no signed-in session (or it expired). */
  SIGN_IN_REQUIRED: 401,
  /** Team mode: the signed-in user's role does not allow this route. */
  ROLE_FORBIDDEN: 403,
  ACCESS_DENIED: 403,
  HOST_NOT_ALLOWED: 403,
  CSRF_REJECTED: 403,
  READ_ONLY: 403,
  /** A body larger than the route accepts (the whole body, or a field such as a snapshot file's name). */
  PAYLOAD_TOO_LARGE: 413,
  /** A URL (or one of its path parameters) longer than any valid one. */
  URI_TOO_LONG: 414,
  /** A body of a type the route does not read (e.g. text/plain where JSON is expected). */
  UNSUPPORTED_MEDIA_TYPE: 415,
  CONFLICT: 409,
  /** A client token reused for a different change. */
  IDEMPOTENCY_MISMATCH: 409,
  /** Something still uses what a change would remove (EC2 DependencyViolation). */
  DEPENDENCY_VIOLATION: 409,
  /** Preflight found a blocking problem; nothing was sent to AWS. */
  PREFLIGHT_BLOCKED: 409,
  QUOTA_EXCEEDED: 409,
  /** AWS rejected the request's parameters (ValidationException, InvalidParameter…). */
  AWS_VALIDATION: 400,
  THROTTLED: 429,
  AWS_TIMEOUT: 504,
  AWS_UNAVAILABLE: 502,
  STORAGE_UNAVAILABLE: 503,
  /** The server is stopping (a replica being replaced): the request goes to another replica. */
  SHUTTING_DOWN: 503,
  /** Team mode: the OpenID Connect provider cannot be reached or refused the sign-in. */
  IDP_UNAVAILABLE: 502,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ApiErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    field: Type.Optional(Type.String()),
    hint: Type.Optional(Type.String()),
    awsCode: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    iamAction: Type.Optional(Type.String()),
    /** Service Quotas code of the quota an error hit, e.g. L-9BC96FEF. */
    quotaCode: Type.Optional(Type.String()),
  }),
});
export type ApiErrorBody = Static<typeof ApiErrorBody>;

export function statusOf(code: string): number {
  return (ERROR_CODES as Record<string, number>)[code] ?? 500;
}
