/**
 * Fault injection: LocalStack-compatible rules ({service, region, operation,
 * probability, error{statusCode, code}}) plus deterministic counts, messages,
 * Retry-After, latency and jitter. Errors are rendered in the target service's
 * own protocol by the dispatcher.
 */
export interface FaultError {
  code?: string;
  statusCode?: number;
  message?: string;
  retryAfterSeconds?: number;
  /** Extra members of the error shape (restJson1), e.g. {"quotaCode": "L-…"}; required ones get defaults. */
  fields?: Record<string, unknown>;
}

/** The members VPC Lattice's error shapes require, so an injected error parses like a real one. */
export const REQUIRED_FAULT_FIELDS: Record<string, Record<string, unknown>> = {
  ServiceQuotaExceededException: { resourceType: "UNKNOWN", serviceCode: "vpc-lattice", quotaCode: "L-00000000" },
  ConflictException: { resourceId: "unknown", resourceType: "UNKNOWN" },
  ResourceNotFoundException: { resourceId: "unknown", resourceType: "UNKNOWN" },
  ValidationException: { reason: "other", fieldList: [] },
};

export interface FaultRule {
  id?: string;
  service?: string;
  operation?: string;
  region?: string;
  accountId?: string;
  /** 0..1, default 1. */
  probability?: number;
  /** Fail only the next N matching calls, then the rule removes itself. */
  count?: number;
  error?: FaultError;
  latencyMs?: number;
  jitterMs?: number;
}

export interface Effects {
  latencyMs: number;
  jitterMs: number;
}

export interface FaultTarget {
  service: string;
  operation: string;
  region: string;
  accountId: string;
}

/** Service aliases accepted in rules: SigV4 names and common short names. */
const SERVICE_ALIASES: Record<string, string> = {
  lattice: "vpc-lattice",
  vpclattice: "vpc-lattice",
  "vpc-lattice": "vpc-lattice",
  ec2: "ec2",
  rds: "rds",
  sts: "sts",
  lambda: "lambda",
  ram: "ram",
  organizations: "organizations",
};

export function normaliseService(name: string): string {
  return SERVICE_ALIASES[name.toLowerCase()] ?? name.toLowerCase();
}

const isNonNegative = (value: unknown): boolean => typeof value === "number" && Number.isFinite(value) && value >= 0;

export interface FaultDecision {
  error?: FaultError;
  delayMs: number;
}

export class FaultInjector {
  rules: FaultRule[] = [];
  effects: Effects = { latencyMs: 0, jitterMs: 0 };

  constructor(private readonly random: () => number) {}

  validate(rules: unknown): FaultRule[] {
    if (!Array.isArray(rules)) throw new Error("faults must be a JSON array of rules");
    return rules.map((rule, index) => {
      if (!rule || typeof rule !== "object") throw new Error(`rule ${index} must be an object`);
      const r = rule as FaultRule;
      if (
        r.probability !== undefined &&
        (typeof r.probability !== "number" || r.probability < 0 || r.probability > 1)
      ) {
        throw new Error(`rule ${index}: probability must be a number between 0 and 1`);
      }
      if (r.count !== undefined && (!Number.isInteger(r.count) || r.count < 1)) {
        throw new Error(`rule ${index}: count must be a positive integer`);
      }
      for (const key of ["id", "service", "operation", "region", "accountId"] as const) {
        if (r[key] !== undefined && typeof r[key] !== "string")
          throw new Error(`rule ${index}: ${key} must be a string`);
      }
      for (const key of ["latencyMs", "jitterMs"] as const) {
        if (r[key] !== undefined && !isNonNegative(r[key]))
          throw new Error(`rule ${index}: ${key} must be a non-negative number`);
      }
      if (r.error !== undefined) {
        const e = r.error as unknown;
        if (!e || typeof e !== "object" || Array.isArray(e))
          throw new Error(
            `rule ${index}: error must be an object {code?, statusCode?, message?, retryAfterSeconds?, fields?}`,
          );
        const { code, statusCode, message, retryAfterSeconds, fields } = e as Record<string, unknown>;
        if (code !== undefined && (typeof code !== "string" || !/^[A-Za-z][A-Za-z0-9.]*$/.test(code))) {
          throw new Error(`rule ${index}: error.code must be an error code such as "ThrottlingException"`);
        }
        if (
          statusCode !== undefined &&
          (!Number.isInteger(statusCode) || (statusCode as number) < 400 || (statusCode as number) > 599)
        ) {
          throw new Error(`rule ${index}: error.statusCode must be an integer from 400 to 599`);
        }
        if (message !== undefined && typeof message !== "string")
          throw new Error(`rule ${index}: error.message must be a string`);
        if (retryAfterSeconds !== undefined && !isNonNegative(retryAfterSeconds)) {
          throw new Error(`rule ${index}: error.retryAfterSeconds must be a non-negative number`);
        }
        if (fields !== undefined && (!fields || typeof fields !== "object" || Array.isArray(fields))) {
          throw new Error(
            `rule ${index}: error.fields must be an object of extra error members, e.g. {"quotaCode": "L-…"}`,
          );
        }
      }
      return { ...r, ...(r.service ? { service: normaliseService(r.service) } : {}) };
    });
  }

  decide(target: FaultTarget): FaultDecision {
    let delayMs = this.effects.latencyMs + this.random() * this.effects.jitterMs;
    let error: FaultError | undefined;
    for (const rule of [...this.rules]) {
      if (!this.matches(rule, target)) continue;
      if (rule.probability !== undefined && rule.probability < 1 && this.random() >= rule.probability) continue;
      if (rule.count !== undefined) {
        rule.count -= 1;
        if (rule.count <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
      }
      delayMs += (rule.latencyMs ?? 0) + this.random() * (rule.jitterMs ?? 0);
      if (rule.error && !error) error = rule.error;
      else if (!rule.error && rule.latencyMs === undefined) error = error ?? {};
    }
    return error ? { error, delayMs } : { delayMs };
  }

  private matches(rule: FaultRule, target: FaultTarget): boolean {
    if (rule.service && rule.service !== target.service) return false;
    if (rule.operation && rule.operation !== target.operation) return false;
    if (rule.region && rule.region !== target.region) return false;
    if (rule.accountId && rule.accountId !== target.accountId) return false;
    return true;
  }
}

/** What a fault with no explicit code means for each service: throttling, as AWS does it. */
export const DEFAULT_FAULTS: Record<string, { code: string; statusCode: number }> = {
  "vpc-lattice": { code: "ThrottlingException", statusCode: 429 },
  ec2: { code: "RequestLimitExceeded", statusCode: 503 },
  rds: { code: "Throttling", statusCode: 400 },
  sts: { code: "Throttling", statusCode: 400 },
  lambda: { code: "TooManyRequestsException", statusCode: 429 },
  ram: { code: "ThrottlingException", statusCode: 429 },
  organizations: { code: "TooManyRequestsException", statusCode: 400 },
};

/** HTTP status of well-known codes when a rule names only the code. */
export const STATUS_BY_CODE: Record<string, number> = {
  ThrottlingException: 429,
  TooManyRequestsException: 429,
  RequestLimitExceeded: 503,
  Throttling: 400,
  AccessDeniedException: 403,
  AccessDenied: 403,
  UnauthorizedOperation: 403,
  ExpiredTokenException: 400,
  ExpiredToken: 400,
  InternalServerException: 500,
  InternalError: 500,
  InternalFailure: 500,
  ServiceUnavailable: 503,
  ServiceUnavailableException: 503,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  ValidationException: 400,
  ServiceQuotaExceededException: 402,
};
