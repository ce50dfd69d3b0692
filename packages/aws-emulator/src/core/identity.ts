/**
 * Who is calling: the access key selects the account. A 12-digit key id is that
 * account, an `ASIA…` key issued by STS AssumeRole is its session's account
 * (with the assumed-role identity), any other key the default account.
 */
import { AwsError } from "./errors.js";
import type { GlobalState } from "./global.js";
import type { Protocol } from "./service.js";
import type { SessionRecord } from "../services/sts/sessions.js";

export interface Caller {
  accountId: string;
  /** `arn:aws:iam::<account>:user/lattice-atlas`, or `arn:aws:sts::<account>:assumed-role/<role>/<session>`. */
  arn: string;
  userId: string;
  /** The STS session the credentials belong to, for assumed roles. */
  session?: SessionRecord;
}

export const EMULATOR_USER = "lattice-atlas";
const USER_ID = "AIDAEMULATOR0LATTICE0";
const SESSION_KEY = /^ASIA[A-Z0-9]{16}$/;

export function userCaller(accountId: string): Caller {
  return { accountId, arn: `arn:aws:iam::${accountId}:user/${EMULATOR_USER}`, userId: USER_ID };
}

export function sessionCaller(session: SessionRecord): Caller {
  return {
    accountId: session.accountId,
    arn: `arn:aws:sts::${session.accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
    userId: `${session.roleId}:${session.sessionName}`,
    session,
  };
}

export type CredentialProblem = "invalid" | "expired";

/** The caller for these credentials, or why they are refused. */
export function identifyCaller(
  global: GlobalState,
  accessKeyId: string | undefined,
  sessionToken: string | undefined,
  defaultAccountId: string,
  now: number,
): Caller | CredentialProblem {
  if (accessKeyId && /^\d{12}$/.test(accessKeyId)) return userCaller(accessKeyId);
  if (accessKeyId && SESSION_KEY.test(accessKeyId)) {
    const session = global.sts.sessions[accessKeyId];
    // A session key the emulator never issued stays an ordinary key (the default account), as before.
    if (session) {
      if (sessionToken !== session.sessionToken) return "invalid";
      if (Date.parse(session.expiresAt) <= now) return "expired";
      return sessionCaller(session);
    }
  }
  return userCaller(defaultAccountId);
}

/** The error AWS answers for refused credentials, in the code each protocol family uses. */
export function credentialError(protocol: Protocol, problem: CredentialProblem): AwsError {
  const expired = problem === "expired";
  if (protocol === "awsQuery") {
    return expired
      ? new AwsError({
          code: "ExpiredToken",
          status: 400,
          message: "The security token included in the request is expired",
        })
      : new AwsError({
          code: "InvalidClientTokenId",
          status: 403,
          message: "The security token included in the request is invalid.",
        });
  }
  if (protocol === "ec2") {
    return expired
      ? new AwsError({ code: "RequestExpired", status: 400, message: "Request has expired." })
      : new AwsError({
          code: "AuthFailure",
          status: 401,
          message: "AWS was not able to validate the provided access credentials",
        });
  }
  return expired
    ? new AwsError({
        code: "ExpiredTokenException",
        status: 403,
        message: "The security token included in the request is expired",
      })
    : new AwsError({
        code: "UnrecognizedClientException",
        status: 403,
        message: "The security token included in the request is invalid.",
      });
}
