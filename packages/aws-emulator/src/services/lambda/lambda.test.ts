import { DescribeNetworkInterfacesCommand } from "@aws-sdk/client-ec2";
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  ListFunctionsCommand,
  type CreateFunctionCommandInput,
} from "@aws-sdk/client-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";
import { createTestVpc, type TestVpc } from "../../testing/network.js";

const REGION = "ap-northeast-1";
const ACCOUNT = "111122223333";
const ROLE = `arn:aws:iam::${ACCOUNT}:role/lambda-exec`;

let h: Harness;
let vpc: TestVpc;

const fn = (name: string, extra: Partial<CreateFunctionCommandInput> = {}): CreateFunctionCommandInput => ({
  FunctionName: name,
  Runtime: "nodejs20.x",
  Role: ROLE,
  Handler: "index.handler",
  Code: { ZipFile: new TextEncoder().encode("exports.handler = async () => ({ statusCode: 200 });") },
  ...extra,
});

const lambdaEnis = async (description?: string) => {
  const filters = [{ Name: "interface-type", Values: ["lambda"] }];
  if (description) filters.push({ Name: "description", Values: [description] });
  return (await h.ec2.send(new DescribeNetworkInterfacesCommand({ Filters: filters }))).NetworkInterfaces ?? [];
};

beforeAll(async () => {
  h = await startHarness();
  vpc = await createTestVpc(h.ec2, 30);
});
afterAll(() => h.close());

describe("Lambda functions through the real Lambda client", () => {
  it("creates a function in a VPC: VpcConfig.VpcId is filled and one lambda ENI per subnet appears", async () => {
    const created = await h.lambda.send(
      new CreateFunctionCommand(
        fn("atlas-target", {
          Description: "Lattice target",
          Timeout: 10,
          MemorySize: 256,
          VpcConfig: { SubnetIds: vpc.subnetIds, SecurityGroupIds: [vpc.groupIds[0]!] },
          Tags: { team: "atlas" },
        }),
      ),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.FunctionName).toBe("atlas-target");
    expect(created.FunctionArn).toBe(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:atlas-target`);
    expect(created.Runtime).toBe("nodejs20.x");
    expect(created.Role).toBe(ROLE);
    expect(created.Handler).toBe("index.handler");
    expect(created.Description).toBe("Lattice target");
    expect(created.Timeout).toBe(10);
    expect(created.MemorySize).toBe(256);
    expect(created.State).toBe("Active");
    expect(created.Version).toBe("$LATEST");
    expect(created.PackageType).toBe("Zip");
    expect(created.LastModified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
    expect(created.CodeSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(created.VpcConfig?.VpcId).toBe(vpc.vpcId);
    expect(created.VpcConfig?.SubnetIds).toEqual(vpc.subnetIds);
    expect(created.VpcConfig?.SecurityGroupIds).toEqual([vpc.groupIds[0]]);

    const enis = await lambdaEnis("AWS Lambda VPC ENI-atlas-target");
    expect(enis).toHaveLength(2);
    expect(enis.map((e) => e.SubnetId).sort()).toEqual([...vpc.subnetIds].sort());
    for (const eni of enis) {
      expect(eni.InterfaceType).toBe("lambda");
      expect(eni.VpcId).toBe(vpc.vpcId);
      expect(eni.Groups?.map((g) => g.GroupId)).toEqual([vpc.groupIds[0]]);
      expect(eni.PrivateIpAddress).toMatch(/^10\.30\./);
      expect(eni.RequesterManaged).toBe(true);
    }
  });

  it("creates a function without a VPC: no VpcId and no ENI", async () => {
    const before = (await lambdaEnis()).length;
    const created = await h.lambda.send(new CreateFunctionCommand(fn("plain-fn")));
    expect(created.VpcConfig?.VpcId).toBeFalsy();
    expect(created.Timeout).toBe(3);
    expect(created.MemorySize).toBe(128);
    expect(created.Architectures).toEqual(["x86_64"]);
    expect(await lambdaEnis()).toHaveLength(before);
  });

  it("reads a function by name, by full ARN and by partial ARN", async () => {
    const byName = await h.lambda.send(new GetFunctionCommand({ FunctionName: "atlas-target" }));
    expect(byName.Configuration?.FunctionArn).toBe(`arn:aws:lambda:${REGION}:${ACCOUNT}:function:atlas-target`);
    expect(byName.Configuration?.VpcConfig?.VpcId).toBe(vpc.vpcId);
    expect(byName.Tags).toEqual({ team: "atlas" });
    expect(byName.Code?.RepositoryType).toBe("S3");
    expect(byName.Code?.Location).toContain("atlas-target");

    const byArn = await h.lambda.send(new GetFunctionCommand({ FunctionName: byName.Configuration!.FunctionArn! }));
    expect(byArn.Configuration).toEqual(byName.Configuration);
    const qualified = await h.lambda.send(
      new GetFunctionCommand({ FunctionName: `${byName.Configuration!.FunctionArn!}:$LATEST` }),
    );
    expect(qualified.Configuration?.FunctionName).toBe("atlas-target");
    const partial = await h.lambda.send(new GetFunctionCommand({ FunctionName: `${ACCOUNT}:function:atlas-target` }));
    expect(partial.Configuration?.FunctionName).toBe("atlas-target");
  });

  it("pages ListFunctions with MaxItems and Marker", async () => {
    for (const name of ["page-a", "page-b", "page-c"]) await h.lambda.send(new CreateFunctionCommand(fn(name)));
    // Five functions now: atlas-target, plain-fn, page-a, page-b, page-c.
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await h.lambda.send(
        new ListFunctionsCommand({ MaxItems: 2, ...(marker ? { Marker: marker } : {}) }),
      );
      expect(page.Functions!.length).toBeLessThanOrEqual(2);
      seen.push(...page.Functions!.map((f) => f.FunctionName!));
      marker = page.NextMarker;
      pages += 1;
    } while (marker && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(["atlas-target", "plain-fn", "page-a", "page-b", "page-c"]);

    const all = await h.lambda.send(new ListFunctionsCommand({}));
    expect(all.Functions).toHaveLength(5);
    expect(all.NextMarker).toBeUndefined();
    // Configurations in a list carry no tags, but keep the VPC.
    expect(all.Functions!.find((f) => f.FunctionName === "atlas-target")?.VpcConfig?.VpcId).toBe(vpc.vpcId);

    const badMarker = await sdkError(() => h.lambda.send(new ListFunctionsCommand({ Marker: "not-a-marker" })));
    expect(badMarker.name).toBe("InvalidParameterValueException");
    expect(badMarker.$metadata.httpStatusCode).toBe(400);
  });

  it("rejects a duplicate name with ResourceConflictException (409)", async () => {
    const error = await sdkError(() => h.lambda.send(new CreateFunctionCommand(fn("atlas-target"))));
    expect(error.name).toBe("ResourceConflictException");
    expect(error.$metadata.httpStatusCode).toBe(409);
    expect(error.message).toContain("atlas-target");
    expect(error.Type).toBe("User");
  });

  it("answers ResourceNotFoundException (404) for an unknown function", async () => {
    const error = await sdkError(() => h.lambda.send(new GetFunctionCommand({ FunctionName: "ghost" })));
    expect(error.name).toBe("ResourceNotFoundException");
    expect(error.$metadata.httpStatusCode).toBe(404);
    expect(error.message).toBe(`Function not found: arn:aws:lambda:${REGION}:${ACCOUNT}:function:ghost`);
    const del = await sdkError(() => h.lambda.send(new DeleteFunctionCommand({ FunctionName: "ghost" })));
    expect(del.name).toBe("ResourceNotFoundException");
    expect(del.$metadata.httpStatusCode).toBe(404);
  });

  it("validates the role and the subnets", async () => {
    const badRole = await sdkError(() =>
      h.lambda.send(new CreateFunctionCommand(fn("bad-role", { Role: "not-a-role" }))),
    );
    expect(badRole.name).toBe("InvalidParameterValueException");
    expect(badRole.$metadata.httpStatusCode).toBe(400);
    const badSubnet = await sdkError(() =>
      h.lambda.send(
        new CreateFunctionCommand(
          fn("bad-subnet", { VpcConfig: { SubnetIds: ["subnet-0123456789abcdef0"], SecurityGroupIds: [] } }),
        ),
      ),
    );
    expect(badSubnet.name).toBe("InvalidParameterValueException");
    expect(badSubnet.message).toContain("subnet-0123456789abcdef0");
    const missing = await sdkError(() => h.lambda.send(new GetFunctionCommand({ FunctionName: "bad-subnet" })));
    expect(missing.name).toBe("ResourceNotFoundException");

    // Subnets and security groups must all be in one VPC.
    const other = await createTestVpc(h.ec2, 31, { zones: [`${REGION}a`], groups: 1 });
    const before = (await lambdaEnis()).length;
    const mixedSubnets = await sdkError(() =>
      h.lambda.send(
        new CreateFunctionCommand(
          fn("mixed-subnets", {
            VpcConfig: { SubnetIds: [vpc.subnetIds[0]!, other.subnetIds[0]!], SecurityGroupIds: [] },
          }),
        ),
      ),
    );
    expect(mixedSubnets.name).toBe("InvalidParameterValueException");
    const foreignGroup = await sdkError(() =>
      h.lambda.send(
        new CreateFunctionCommand(
          fn("foreign-group", { VpcConfig: { SubnetIds: vpc.subnetIds, SecurityGroupIds: [other.groupIds[0]!] } }),
        ),
      ),
    );
    expect(foreignGroup.name).toBe("InvalidParameterValueException");
    expect(foreignGroup.message).toContain(other.groupIds[0]!);
    expect(await lambdaEnis()).toHaveLength(before);

    const zero = await sdkError(() => h.lambda.send(new ListFunctionsCommand({ MaxItems: 0 })));
    expect(zero.name).toBe("InvalidParameterValueException");
  });

  it("deletes a function by ARN and removes its ENIs", async () => {
    const deleted = await h.lambda.send(
      new DeleteFunctionCommand({ FunctionName: `arn:aws:lambda:${REGION}:${ACCOUNT}:function:atlas-target` }),
    );
    // client-lambda 3.1164 models DeleteFunction as 200 with the status in StatusCode (AWS answers 204).
    expect([200, 204]).toContain(deleted.$metadata.httpStatusCode);
    const gone = await sdkError(() => h.lambda.send(new GetFunctionCommand({ FunctionName: "atlas-target" })));
    expect(gone.name).toBe("ResourceNotFoundException");
    expect(await lambdaEnis("AWS Lambda VPC ENI-atlas-target")).toEqual([]);
    const names = ((await h.lambda.send(new ListFunctionsCommand({}))).Functions ?? []).map((f) => f.FunctionName);
    expect(names).toEqual(["plain-fn", "page-a", "page-b", "page-c"]);
    // The name is free again.
    const again = await h.lambda.send(new CreateFunctionCommand(fn("atlas-target")));
    expect(again.FunctionName).toBe("atlas-target");
  });
});
