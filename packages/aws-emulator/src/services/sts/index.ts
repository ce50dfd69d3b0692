/** STS (awsQuery, API 2011-06-15): who am I. */
import * as StsModel from "@aws-sdk/client-sts";
import { AwsError } from "../../core/errors.js";
import type { ServiceDefinition } from "../../core/service.js";
import { operationsOf } from "../../protocols/model.js";

const stsError = (code: string, message: string, status = 400): AwsError => new AwsError({ code, message, status });

export function stsService(): ServiceDefinition {
  return {
    name: "sts",
    protocol: "awsQuery",
    version: "2011-06-15",
    operations: operationsOf(StsModel as unknown as Record<string, unknown>),
    handlers: {
      GetCallerIdentity: (_input: unknown, ctx) => ({
        UserId: "AIDAEMULATOR0LATTICE0",
        Account: ctx.accountId,
        Arn: `arn:aws:iam::${ctx.accountId}:user/lattice-atlas`,
      }),
    },
    missingParameter: (member) => stsError("MissingParameter", `The request must contain the parameter ${member}`),
    unknownOperation: (operation) =>
      stsError("InvalidAction", `The action ${operation} is not valid for this web service.`),
    internalError: (message) => stsError("InternalFailure", message, 500),
  };
}
