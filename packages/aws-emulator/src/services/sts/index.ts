/**
 * STS (awsQuery, API 2011-06-15): who am I, and AssumeRole, which issues
 * temporary credentials (`ASIA…`) that act in the role's account on later
 * calls, once the role's trust policy lets the caller in.
 */
import * as StsModel from "@aws-sdk/client-sts";
import type { AssumeRoleRequest } from "@aws-sdk/client-sts";
import { AwsError } from "../../core/errors.js";
import { sessionCaller } from "../../core/identity.js";
import type { Handler, HandlerContext, ServiceDefinition } from "../../core/service.js";
import { operationsOf } from "../../protocols/model.js";
import { findRole, ROLE_ARN, trusts } from "../iam/roles.js";
import type { SessionRecord } from "./sessions.js";

const stsError = (code: string, message: string, status = 400): AwsError => new AwsError({ code, message, status });

interface Problem {
  member: string;
  value: unknown;
  constraint: string;
}

/** STS's ValidationError text: "N validation error(s) detected: Value 'x' at 'member' failed to satisfy constraint: …". */
function validationError(problems: Problem[]): AwsError {
  const count = problems.length;
  return stsError(
    "ValidationError",
    `${count} validation error${count === 1 ? "" : "s"} detected: ` +
      problems
        .map((p) => `Value '${String(p.value)}' at '${p.member}' failed to satisfy constraint: ${p.constraint}`)
        .join("; "),
  );
}

function checkString(
  problems: Problem[],
  member: string,
  value: string | undefined,
  min: number,
  max: number,
  pattern?: RegExp,
  patternText?: string,
): void {
  if (value === undefined) return;
  if (value.length < min)
    problems.push({ member, value, constraint: `Member must have length greater than or equal to ${min}` });
  else if (value.length > max)
    problems.push({ member, value, constraint: `Member must have length less than or equal to ${max}` });
  else if (pattern && !pattern.test(value))
    problems.push({ member, value, constraint: `Member must satisfy regular expression pattern: ${patternText}` });
}

const SESSION_NAME = /^[\w+=,.@-]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]*$/;

function checkAssumeRoleInput(input: AssumeRoleRequest): void {
  const problems: Problem[] = [];
  checkString(problems, "roleArn", input.RoleArn, 20, 2048);
  checkString(problems, "roleSessionName", input.RoleSessionName, 2, 64, SESSION_NAME, "[\\w+=,.@-]*");
  checkString(problems, "externalId", input.ExternalId, 2, 1224, EXTERNAL_ID, "[\\w+=,.@:\\/-]*");
  checkString(problems, "sourceIdentity", input.SourceIdentity, 2, 64, SESSION_NAME, "[\\w+=,.@-]*");
  const duration = input.DurationSeconds;
  if (duration !== undefined && (!Number.isInteger(duration) || duration < 900))
    problems.push({
      member: "durationSeconds",
      value: duration,
      constraint: "Member must have value greater than or equal to 900",
    });
  else if (duration !== undefined && duration > 43200)
    problems.push({
      member: "durationSeconds",
      value: duration,
      constraint: "Member must have value less than or equal to 43200",
    });
  if (problems.length > 0) throw validationError(problems);
  if (!ROLE_ARN.test(input.RoleArn!))
    throw stsError(
      "ValidationError",
      `${input.RoleArn} is not a valid role ARN: expected arn:aws:iam::<12-digit account>:role/<name>.`,
    );
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function issueCredentials(ctx: HandlerContext): { accessKeyId: string; secret: string; token: string } {
  const hex = ctx.ids.hex(400);
  let accessKeyId = "ASIA";
  for (let i = 0; i < 16; i++) accessKeyId += ALPHANUMERIC[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 32];
  const secret = Buffer.from(hex.slice(32, 92), "hex").toString("base64");
  // Real session tokens are long opaque base64 blobs beginning "IQoJb3JpZ2luX2Vj".
  const token = `IQoJb3JpZ2luX2Vj${Buffer.from(hex.slice(92), "hex").toString("base64")}`;
  return { accessKeyId, secret, token };
}

const assumeRole: Handler = (input: AssumeRoleRequest, ctx) => {
  checkAssumeRoleInput(input);
  const global = ctx.world.global;
  const roleArn = input.RoleArn!;
  const denied = (): AwsError =>
    stsError(
      "AccessDenied",
      `User: ${ctx.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
      403,
    );
  const role = findRole(global, roleArn);
  const targetAccount = ROLE_ARN.exec(roleArn)![1]!;
  const membership = global.organizations.accounts[targetAccount];
  // A missing role, a policy that does not trust the caller and a suspended account look alike to the caller.
  if (!role || membership?.status === "SUSPENDED" || !trusts(role, ctx.caller, input.ExternalId)) throw denied();
  const chained = Boolean(ctx.caller.session);
  const duration = input.DurationSeconds ?? 3600;
  if (chained && duration > 3600)
    throw stsError(
      "ValidationError",
      "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
    );
  if (duration > role.maxSessionDuration)
    throw stsError(
      "ValidationError",
      "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
    );

  const { accessKeyId, secret, token } = issueCredentials(ctx);
  const expiresAt = new Date(ctx.now + duration * 1000).toISOString();
  const session: SessionRecord = {
    accessKeyId,
    sessionToken: token,
    accountId: targetAccount,
    roleName: role.roleName,
    roleArn: role.arn,
    roleId: role.roleId,
    sessionName: input.RoleSessionName!,
    assumedBy: ctx.caller.arn,
    issuedAt: ctx.nowIso,
    expiresAt,
    ...(input.SourceIdentity ? { sourceIdentity: input.SourceIdentity } : {}),
  };
  global.sts.sessions[accessKeyId] = session;
  const assumed = sessionCaller(session);
  return {
    Credentials: { AccessKeyId: accessKeyId, SecretAccessKey: secret, SessionToken: token, Expiration: expiresAt },
    AssumedRoleUser: { AssumedRoleId: assumed.userId, Arn: assumed.arn },
    ...(input.Policy || input.PolicyArns?.length ? { PackedPolicySize: 6 } : {}),
    ...(input.SourceIdentity ? { SourceIdentity: input.SourceIdentity } : {}),
  };
};

export function stsService(): ServiceDefinition {
  return {
    name: "sts",
    protocol: "awsQuery",
    version: "2011-06-15",
    operations: operationsOf(StsModel as unknown as Record<string, unknown>),
    handlers: {
      GetCallerIdentity: (_input: unknown, ctx) => ({
        UserId: ctx.caller.userId,
        Account: ctx.caller.accountId,
        Arn: ctx.caller.arn,
      }),
      AssumeRole: assumeRole,
    },
    missingParameter: (member) => stsError("MissingParameter", `The request must contain the parameter ${member}`),
    unknownOperation: (operation) =>
      stsError("InvalidAction", `The action ${operation} is not valid for this web service.`),
    internalError: (message) => stsError("InternalFailure", message, 500),
  };
}
