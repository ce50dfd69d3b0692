/**
 * EC2 changes: Resource and ServiceNetwork VPC endpoints (created with the
 * user's ClientToken, deleted one at a time) and one inbound security-group
 * rule. DeleteVpcEndpoints reports failures per item in `Unsuccessful`, not as
 * an exception: an item's error becomes the same typed failure an exception would.
 */
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateVpcEndpointCommand,
  DeleteVpcEndpointsCommand,
  type AuthorizeSecurityGroupIngressCommandInput,
  type CreateVpcEndpointCommandInput,
  type DeleteVpcEndpointsCommandInput,
  type EC2Client,
} from "@aws-sdk/client-ec2";
import { toAwsFailure } from "./failures.js";
import type { WriteResult } from "./results.js";
import type { CallRunner } from "./runner.js";

type Input = Record<string, unknown>;

export function createEc2Writer(ec2: EC2Client, runner: CallRunner) {
  const call = <T>(operation: string, fn: (signal: AbortSignal) => Promise<T>) => runner.call("ec2", operation, fn);
  return {
    CreateVpcEndpoint: async (input: Input): Promise<WriteResult> => {
      const out = await call("CreateVpcEndpoint", (abortSignal) =>
        ec2.send(new CreateVpcEndpointCommand(input as unknown as CreateVpcEndpointCommandInput), { abortSignal }),
      );
      return {
        id: out.VpcEndpoint?.VpcEndpointId ?? "",
        status: out.VpcEndpoint?.State ?? "Pending",
        requestId: out.$metadata.requestId,
      };
    },

    DeleteVpcEndpoints: async (input: Input): Promise<WriteResult> => {
      const request = input as unknown as DeleteVpcEndpointsCommandInput;
      const out = await call("DeleteVpcEndpoints", (abortSignal) =>
        ec2.send(new DeleteVpcEndpointsCommand(request), { abortSignal }),
      );
      const failed = out.Unsuccessful?.find((item) => item.Error?.Code);
      if (failed) {
        throw toAwsFailure(
          {
            name: failed.Error!.Code,
            message: `${failed.ResourceId ?? "endpoint"}: ${failed.Error!.Message ?? failed.Error!.Code}`,
            $metadata: { requestId: out.$metadata.requestId, httpStatusCode: 400 },
          },
          "ec2",
          "DeleteVpcEndpoints",
        );
      }
      return { id: request.VpcEndpointIds?.[0] ?? "", status: "Deleting", requestId: out.$metadata.requestId };
    },

    AuthorizeSecurityGroupIngress: async (input: Input): Promise<WriteResult> => {
      const out = await call("AuthorizeSecurityGroupIngress", (abortSignal) =>
        ec2.send(
          new AuthorizeSecurityGroupIngressCommand(input as unknown as AuthorizeSecurityGroupIngressCommandInput),
          { abortSignal },
        ),
      );
      const rule = out.SecurityGroupRules?.[0];
      return {
        id: rule?.SecurityGroupRuleId ?? String(input.GroupId ?? ""),
        arn: rule?.SecurityGroupRuleArn,
        status: "active",
        requestId: out.$metadata.requestId,
      };
    },
  };
}

export type Ec2Writer = ReturnType<typeof createEc2Writer>;
