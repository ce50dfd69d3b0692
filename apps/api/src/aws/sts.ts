/** STS: who the credentials of a source belong to. */
import { GetCallerIdentityCommand, type STSClient } from "@aws-sdk/client-sts";
import type { CallRunner } from "./runner.js";

export interface CallerIdentity {
  accountId: string;
  arn: string;
}

export function createStsReader(sts: STSClient, runner: CallRunner) {
  return {
    callerIdentity: async (): Promise<CallerIdentity> => {
      const out = await runner.call("sts", "GetCallerIdentity", (abortSignal) =>
        sts.send(new GetCallerIdentityCommand({}), { abortSignal }),
      );
      return { accountId: out.Account ?? "", arn: out.Arn ?? "" };
    },
  };
}
