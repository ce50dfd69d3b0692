/**
 * IAM roles and their trust policies: creating them (for scenarios and the
 * control API) and deciding whether a caller may assume one. The policy
 * language is the subset trust policies use: Allow/Deny statements on
 * `sts:AssumeRole`, `Principal.AWS` (account ids, `:root`, role, user and
 * assumed-role ARNs, `*`) and `StringEquals`/`StringLike` conditions on
 * `sts:ExternalId` (any other condition makes a statement not apply).
 */
import type { Caller } from "../../core/identity.js";
import type { GlobalState } from "../../core/global.js";
import type { IdGenerator } from "../../core/ids.js";
import type { RoleRecord } from "./state.js";

export const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;

export interface RoleInput {
  roleName: string;
  /** The trust policy as a document or JSON text. */
  assumeRolePolicyDocument: string | Record<string, unknown>;
  path?: string;
  maxSessionDuration?: number;
  description?: string;
}

/** A trust policy that lets `principals` assume the role, optionally only with this external id. */
export function trustPolicy(principals: string[], externalId?: string): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: principals.length === 1 ? principals[0] : principals },
        Action: "sts:AssumeRole",
        ...(externalId ? { Condition: { StringEquals: { "sts:ExternalId": externalId } } } : {}),
      },
    ],
  };
}

/** Checks a role definition; throws naming the field that is wrong. */
export function checkRoleInput(accountId: unknown, input: Partial<RoleInput>): void {
  if (typeof accountId !== "string" || !/^\d{12}$/.test(accountId))
    throw new Error("accountId must be a 12-digit account id");
  if (typeof input.roleName !== "string" || !/^[\w+=,.@-]{1,64}$/.test(input.roleName))
    throw new Error("roleName must be 1–64 characters of letters, digits and +=,.@_-");
  if (input.path !== undefined && (typeof input.path !== "string" || !/^\/([\w+=,.@-]+\/)*$/.test(input.path)))
    throw new Error('path must start and end with "/" (e.g. "/" or "/atlas/")');
  const max = input.maxSessionDuration;
  if (max !== undefined && (!Number.isInteger(max) || max < 3600 || max > 43200))
    throw new Error("maxSessionDuration must be an integer number of seconds from 3600 to 43200");
  const doc = input.assumeRolePolicyDocument;
  let parsed: unknown = doc;
  if (typeof doc === "string") {
    try {
      parsed = JSON.parse(doc);
    } catch {
      throw new Error("assumeRolePolicyDocument must be a JSON policy document");
    }
  }
  if (!parsed || typeof parsed !== "object" || !("Statement" in parsed))
    throw new Error('assumeRolePolicyDocument must be a policy document with a "Statement"');
}

export function putRole(
  global: GlobalState,
  ids: IdGenerator,
  accountId: string,
  input: RoleInput,
  now: string,
): RoleRecord {
  checkRoleInput(accountId, input);
  const path = input.path ?? "/";
  const existing = global.iam.roles[accountId]?.[input.roleName];
  const role: RoleRecord = {
    roleName: input.roleName,
    roleId: existing?.roleId ?? `AROA${ids.upper(17)}`,
    arn: `arn:aws:iam::${accountId}:role${path}${input.roleName}`,
    path,
    assumeRolePolicyDocument:
      typeof input.assumeRolePolicyDocument === "string"
        ? input.assumeRolePolicyDocument
        : JSON.stringify(input.assumeRolePolicyDocument),
    maxSessionDuration: input.maxSessionDuration ?? 3600,
    createDate: existing?.createDate ?? now,
    ...(input.description ? { description: input.description } : {}),
  };
  (global.iam.roles[accountId] ??= {})[input.roleName] = role;
  return role;
}

export function findRole(global: GlobalState, roleArn: string): RoleRecord | undefined {
  const match = ROLE_ARN.exec(roleArn);
  if (!match) return undefined;
  const role = global.iam.roles[match[1]!]?.[match[3]!];
  // The path in the ARN must be the role's path, as IAM matches the whole ARN.
  return role && role.path === `/${match[2] ?? ""}` ? role : undefined;
}

type Statement = {
  Effect?: unknown;
  Action?: unknown;
  Principal?: unknown;
  Condition?: unknown;
};

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function wildcard(pattern: string, value: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
  return regex.test(value);
}

function actionMatches(action: unknown): boolean {
  return list(action).some((a) => typeof a === "string" && wildcard(a.toLowerCase(), "sts:assumerole"));
}

/** Whether a `Principal.AWS` entry names this caller. */
function principalMatches(principal: string, caller: Caller): boolean {
  if (principal === "*") return true;
  if (/^\d{12}$/.test(principal)) return principal === caller.accountId;
  const root = /^arn:aws[a-z-]*:iam::(\d{12}):root$/.exec(principal);
  if (root) return root[1] === caller.accountId;
  const role = ROLE_ARN.exec(principal);
  if (role) {
    const session = caller.session;
    return Boolean(session && session.accountId === role[1] && session.roleName === role[3]);
  }
  return principal === caller.arn;
}

function principalApplies(principal: unknown, caller: Caller): boolean {
  if (principal === "*") return true;
  if (!principal || typeof principal !== "object") return false;
  return list((principal as { AWS?: unknown }).AWS).some((p) => typeof p === "string" && principalMatches(p, caller));
}

function conditionHolds(condition: unknown, externalId: string | undefined): boolean {
  if (condition === undefined) return true;
  if (!condition || typeof condition !== "object") return false;
  for (const [operator, keys] of Object.entries(condition as Record<string, unknown>)) {
    if (!keys || typeof keys !== "object") return false;
    for (const [key, expected] of Object.entries(keys as Record<string, unknown>)) {
      if (key.toLowerCase() !== "sts:externalid") return false;
      if (externalId === undefined) return false;
      const values = list(expected).filter((v): v is string => typeof v === "string");
      if (operator === "StringEquals" && !values.includes(externalId)) return false;
      if (operator === "StringLike" && !values.some((v) => wildcard(v, externalId))) return false;
      if (operator !== "StringEquals" && operator !== "StringLike") return false;
    }
  }
  return true;
}

/** IAM's evaluation for a trust policy: an explicit Deny wins, then any Allow; nothing matching denies. */
export function trusts(role: RoleRecord, caller: Caller, externalId: string | undefined): boolean {
  let document: { Statement?: unknown };
  try {
    document = JSON.parse(role.assumeRolePolicyDocument) as { Statement?: unknown };
  } catch {
    return false;
  }
  let allowed = false;
  for (const statement of list(document.Statement) as Statement[]) {
    if (!statement || typeof statement !== "object") continue;
    if (!actionMatches(statement.Action) || !principalApplies(statement.Principal, caller)) continue;
    if (!conditionHolds(statement.Condition, externalId)) continue;
    if (statement.Effect === "Deny") return false;
    if (statement.Effect === "Allow") allowed = true;
  }
  return allowed;
}
