/** Lambda reads: functions (the targets of LAMBDA target groups) and their VPCs. */
import { ListFunctionsCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import type { LambdaFunctionInput } from "../topology/inputs.js";
import { collectPages } from "./pagination.js";
import type { CallRunner } from "./runner.js";

export function createLambdaReader(lambda: LambdaClient, runner: CallRunner) {
  return {
    listFunctions: (): Promise<LambdaFunctionInput[]> =>
      collectPages("lambda", "ListFunctions", async (token) => {
        const out = await runner.call("lambda", "ListFunctions", (abortSignal) =>
          lambda.send(new ListFunctionsCommand({ MaxItems: 50, Marker: token }), { abortSignal }),
        );
        return {
          items: (out.Functions ?? []).map((f) => ({
            name: f.FunctionName!,
            arn: f.FunctionArn!,
            ...(f.VpcConfig?.VpcId ? { vpcId: f.VpcConfig.VpcId } : {}),
            subnetIds: f.VpcConfig?.SubnetIds ?? [],
            securityGroupIds: f.VpcConfig?.SecurityGroupIds ?? [],
            ...(f.State ? { state: f.State } : {}),
          })),
          next: out.NextMarker,
        };
      }),
  };
}

export type LambdaReader = ReturnType<typeof createLambdaReader>;
