/** Lambda (restJson1, API 2015-03-31): the functions that Lattice target groups point at. */
import { createHash } from "node:crypto";
import * as LambdaModel from "@aws-sdk/client-lambda";
import type {
  CreateFunctionRequest,
  DeleteFunctionRequest,
  GetFunctionCodeSigningConfigRequest,
  GetFunctionRequest,
  ListFunctionsRequest,
  ListVersionsByFunctionRequest,
} from "@aws-sdk/client-lambda";
import { AwsError } from "../../core/errors.js";
import { paginate } from "../../core/pagination.js";
import type { Handler, HandlerContext, ServiceDefinition } from "../../core/service.js";
import { operationsOf } from "../../protocols/model.js";
import { createManagedInterface, removeInterfacesOf } from "../ec2/network.js";
import type { FunctionRecord } from "./state.js";

const lambdaError = (code: string, message: string, status = 400): AwsError => new AwsError({ code, message, status });
const NAME = /^[a-zA-Z0-9-_]{1,64}$/;
const ROLE = /^arn:aws[a-z-]*:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;

function functionName(identifier: string): string {
  // Name, partial ARN (account:function:name) or full ARN, with an optional :qualifier.
  const parts = identifier.split(":");
  const index = parts.indexOf("function");
  return index >= 0 ? (parts[index + 1] ?? identifier) : parts[0]!;
}

function find(ctx: HandlerContext, identifier: string): FunctionRecord {
  const fn = ctx.state.lambda.functions[functionName(identifier)];
  if (!fn) {
    throw lambdaError(
      "ResourceNotFoundException",
      `Function not found: arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${functionName(identifier)}`,
      404,
    );
  }
  return fn;
}

function configuration(fn: FunctionRecord) {
  const { Tags: _tags, ...config } = fn;
  return config;
}

export function createFunction(ctx: HandlerContext, input: CreateFunctionRequest): FunctionRecord {
  const name = input.FunctionName!;
  if (!NAME.test(name))
    throw lambdaError(
      "InvalidParameterValueException",
      `1 validation error detected: Value '${name}' at 'functionName' failed to satisfy constraint`,
    );
  if (ctx.state.lambda.functions[name])
    throw lambdaError("ResourceConflictException", `Function already exist: ${name}`, 409);
  if (!ROLE.test(input.Role!))
    throw lambdaError(
      "InvalidParameterValueException",
      "The role defined for the function cannot be assumed by Lambda.",
    );
  let vpcConfig: FunctionRecord["VpcConfig"];
  if (input.VpcConfig?.SubnetIds?.length) {
    const subnets = input.VpcConfig.SubnetIds.map((id) => {
      const subnet = ctx.state.ec2.subnets[id];
      if (!subnet)
        throw lambdaError(
          "InvalidParameterValueException",
          `Error occurred while DescribeSubnets. EC2 Error Code: InvalidSubnetID.NotFound. EC2 Error Message: The subnet ID '${id}' does not exist`,
        );
      return subnet;
    });
    const vpcId = subnets[0]!.VpcId;
    const stray = subnets.find((s) => s.VpcId !== vpcId);
    if (stray) {
      throw lambdaError(
        "InvalidParameterValueException",
        `Subnets ${subnets[0]!.SubnetId} and ${stray.SubnetId} belong to different VPCs (${vpcId}, ${stray.VpcId}); all subnets of a function must be in one VPC.`,
      );
    }
    const groups = input.VpcConfig.SecurityGroupIds ?? [];
    for (const groupId of groups) {
      const group = ctx.state.ec2.securityGroups[groupId];
      if (!group) {
        throw lambdaError(
          "InvalidParameterValueException",
          `Error occurred while DescribeSecurityGroups. EC2 Error Code: InvalidGroup.NotFound. EC2 Error Message: The security group '${groupId}' does not exist`,
        );
      }
      if (group.VpcId !== vpcId) {
        throw lambdaError(
          "InvalidParameterValueException",
          `Security group ${groupId} belongs to ${group.VpcId}, not to the VPC of the subnets (${vpcId}).`,
        );
      }
    }
    vpcConfig = { SubnetIds: subnets.map((s) => s.SubnetId), SecurityGroupIds: groups, VpcId: vpcId };
    for (const subnet of subnets) {
      createManagedInterface(ctx, {
        subnetId: subnet.SubnetId,
        groupIds: groups,
        description: `AWS Lambda VPC ENI-${name}`,
        interfaceType: "lambda",
        attachedTo: `function:${name}`,
        requesterId: "lambda",
      });
    }
  }
  // The package's bytes (ZipFile arrives base64-encoded on the wire), else a stand-in for S3 or image code.
  const zip = input.Code?.ZipFile;
  const code =
    typeof zip === "string"
      ? Buffer.from(zip, "base64")
      : zip instanceof Uint8Array
        ? Buffer.from(zip)
        : Buffer.from(JSON.stringify(input.Code ?? {}));
  const record: FunctionRecord = {
    FunctionName: name,
    FunctionArn: `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${name}`,
    ...(input.Runtime ? { Runtime: input.Runtime } : {}),
    Role: input.Role!,
    ...(input.Handler ? { Handler: input.Handler } : {}),
    ...(input.Description ? { Description: input.Description } : {}),
    Timeout: input.Timeout ?? 3,
    MemorySize: input.MemorySize ?? 128,
    LastModified: ctx.nowIso.replace("Z", "+0000"),
    CodeSize: code.byteLength,
    CodeSha256: createHash("sha256").update(code).digest("base64"),
    Version: "$LATEST",
    State: "Active",
    PackageType: input.PackageType ?? "Zip",
    Architectures: input.Architectures ?? ["x86_64"],
    ...(vpcConfig ? { VpcConfig: vpcConfig } : {}),
    Tags: input.Tags ?? {},
  };
  ctx.state.lambda.functions[name] = record;
  return record;
}

const listFunctions: Handler = (input: ListFunctionsRequest, ctx) => {
  if (input.MaxItems !== undefined && (input.MaxItems < 1 || input.MaxItems > 10000)) {
    throw lambdaError("InvalidParameterValueException", "MaxItems must be between 1 and 10000");
  }
  const p = paginate(Object.values(ctx.state.lambda.functions), {
    maxResults: input.MaxItems,
    nextToken: input.Marker,
    defaultSize: 50,
    scope: "ListFunctions",
    invalidToken: () => lambdaError("InvalidParameterValueException", "Invalid Marker"),
  });
  return { Functions: p.items.map(configuration), NextMarker: p.nextToken };
};

/** Versions: the emulator publishes none, so a function has only $LATEST. */
const listVersionsByFunction: Handler = (input: ListVersionsByFunctionRequest, ctx) => {
  const fn = find(ctx, input.FunctionName!);
  if (input.MaxItems !== undefined && (input.MaxItems < 1 || input.MaxItems > 10000)) {
    throw lambdaError("InvalidParameterValueException", "MaxItems must be between 1 and 10000");
  }
  const p = paginate([configuration(fn)], {
    maxResults: input.MaxItems,
    nextToken: input.Marker,
    defaultSize: 50,
    scope: `ListVersionsByFunction:${fn.FunctionName}`,
    invalidToken: () => lambdaError("InvalidParameterValueException", "Invalid Marker"),
  });
  return { Versions: p.items, NextMarker: p.nextToken };
};

/** No code-signing configurations are modelled: every function answers without one. */
const getFunctionCodeSigningConfig: Handler = (input: GetFunctionCodeSigningConfigRequest, ctx) => {
  const fn = find(ctx, input.FunctionName!);
  return { FunctionName: fn.FunctionName, CodeSigningConfigArn: "" };
};

export function lambdaService(): ServiceDefinition {
  return {
    name: "lambda",
    protocol: "restJson",
    operations: operationsOf(LambdaModel as unknown as Record<string, unknown>),
    handlers: {
      CreateFunction: (input: CreateFunctionRequest, ctx) => configuration(createFunction(ctx, input)),
      GetFunction: (input: GetFunctionRequest, ctx) => {
        const fn = find(ctx, input.FunctionName!);
        return {
          Configuration: configuration(fn),
          Code: {
            RepositoryType: "S3",
            Location: `https://awslambda-${ctx.region}-tasks.s3.${ctx.region}.amazonaws.com/snapshots/${ctx.accountId}/${fn.FunctionName}`,
          },
          Tags: fn.Tags,
        };
      },
      ListFunctions: listFunctions,
      ListVersionsByFunction: listVersionsByFunction,
      GetFunctionCodeSigningConfig: getFunctionCodeSigningConfig,
      DeleteFunction: (input: DeleteFunctionRequest, ctx) => {
        const fn = find(ctx, input.FunctionName!);
        delete ctx.state.lambda.functions[fn.FunctionName];
        removeInterfacesOf(ctx.state, `function:${fn.FunctionName}`);
        return undefined;
      },
    },
    missingParameter: (member) =>
      lambdaError(
        "InvalidParameterValueException",
        `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
      ),
    unknownOperation: (operation) => lambdaError("UnknownOperationException", `Unknown operation ${operation}`, 404),
    internalError: (message) => lambdaError("ServiceException", message, 500),
  };
}
