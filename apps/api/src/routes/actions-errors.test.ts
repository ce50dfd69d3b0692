/**
 * What reaches the user when a change goes wrong: AWS errors (injected as
 * emulator faults, and the emulator's own one-service-network-per-VPC
 * Conflict) as typed codes with a sentence and the fix; read-only sources;
 * bad input refused before any AWS call; the audit log across a restart.
 */
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { DeleteVpcEndpointsCommand } from "@aws-sdk/client-ec2";
import { CreateServiceNetworkCommand, CreateServiceNetworkVpcAssociationCommand } from "@aws-sdk/client-vpc-lattice";
import { startEmulator } from "@lattice-atlas/aws-emulator";
import type { Action, AuditResponse, HealthResponse, SourcesResponse } from "@lattice-atlas/shared";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callsBetween, errorOf, execute, executeOk, namesOf, plan, post, sdk, topology } from "../testing/actions.js";
import { startTestApp, tempDataDir, type TestApp } from "../testing/app.js";

let t: TestApp;
let aws: ReturnType<typeof sdk>;
let names: ReturnType<typeof namesOf>;
let secondNetwork: string;

beforeAll(async () => {
  t = await startTestApp();
  aws = sdk(t);
});
afterAll(() => t.close());

beforeEach(async () => {
  await t.control("POST", "/_emulator/reset", { scenario: "field-report" });
  secondNetwork = (await aws.lattice.send(new CreateServiceNetworkCommand({ name: "second-sn" }))).id!;
  names = namesOf(await topology(t, true));
});

const fault = (service: string, operation: string, code: string, statusCode: number, message?: string) =>
  t.control("POST", "/_emulator/faults", [
    { service, operation, error: { code, statusCode, ...(message ? { message } : {}) } },
  ]);

const associateVpc = (): Action => ({
  type: "associate-vpc",
  vpcId: names.vpc("consumer-sn-endpoint-vpc"),
  serviceNetworkId: secondNetwork,
});
const resourceEndpoint = (): Action => {
  const vpc = "consumer-sn-association-vpc";
  return {
    type: "create-resource-endpoint",
    vpcId: names.vpc(vpc),
    resourceConfigurationId: names.auroraConfiguration,
    subnetIds: names.subnets(vpc),
  };
};

describe("AWS errors reach the user as typed codes with the fix, translated once", () => {
  it.each([
    [
      "ConflictException",
      409,
      409,
      "CONFLICT",
      /conflicts with the current state/,
      /retry once it has finished|refresh the topology/,
    ],
    ["ServiceQuotaExceededException", 402, 409, "QUOTA_EXCEEDED", /hit a service quota/, /Service Quotas/],
    [
      "AccessDeniedException",
      403,
      403,
      "ACCESS_DENIED",
      /may not call CreateServiceNetworkVpcAssociation/,
      /Grant vpc-lattice:CreateServiceNetworkVpcAssociation/,
    ],
    ["ThrottlingException", 429, 429, "THROTTLED", /AWS throttled CreateServiceNetworkVpcAssociation/, /retry/],
    [
      "ValidationException",
      400,
      400,
      "AWS_VALIDATION",
      /rejected the parameters of CreateServiceNetworkVpcAssociation/,
      /Correct the named parameter/,
    ],
  ])("Lattice %s (%i) → %i %s", async (awsCode, awsStatus, status, code, message, hint) => {
    await fault("vpc-lattice", "CreateServiceNetworkVpcAssociation", awsCode, awsStatus);
    const token = randomUUID();
    const response = await execute(t, associateVpc(), token);
    expect(response.statusCode).toBe(status);
    const error = errorOf(response);
    expect(error).toMatchObject({ code, awsCode, requestId: expect.any(String) });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(hint);
    if (code === "ACCESS_DENIED") expect(error.iamAction).toBe("vpc-lattice:CreateServiceNetworkVpcAssociation");

    const [entry] = (await t.request({ method: "GET", url: "/api/audit?limit=1" })).json<AuditResponse>().entries;
    expect(entry).toMatchObject({
      outcome: "failed",
      errorCode: code,
      awsCode,
      requestId: error.requestId,
      clientToken: token,
      accountId: "111122223333",
    });

    // A failed call releases its token: the same token, retried once AWS recovers, makes the change.
    await t.control("DELETE", "/_emulator/faults");
    const retried = await executeOk(t, associateVpc(), token);
    expect(retried).toMatchObject({ replayed: false, resource: { status: "CREATE_IN_PROGRESS" } });
  });

  it("names the quota code when AWS gives one", async () => {
    // The emulator's injected faults carry no quotaCode (see the report); the translation is checked on the failure AWS would send.
    const { toSourceError } = await import("../sources/registry.js");
    const { toAwsFailure } = await import("../aws/failures.js");
    const failure = toAwsFailure(
      {
        name: "ServiceQuotaExceededException",
        message: "Quota exceeded",
        quotaCode: "L-4B8B3D11",
        serviceCode: "vpc-lattice",
        $metadata: { httpStatusCode: 402, requestId: "r-1" },
      },
      "vpc-lattice",
      "CreateServiceNetworkVpcAssociation",
    );
    const error = toSourceError(failure, {
      id: "emulator",
      kind: "emulator",
      label: "Emulator",
      connection: { kind: "emulator", endpoint: "x" },
      defaultRegion: "ap-northeast-1",
      credentialKind: "emulator",
      mutationsAllowed: true,
    });
    expect(error).toMatchObject({
      code: "QUOTA_EXCEEDED",
      status: 409,
      details: { quotaCode: "L-4B8B3D11", hint: expect.stringContaining("quota L-4B8B3D11"), requestId: "r-1" },
    });
  });

  it.each([
    ["IdempotentParameterMismatch", 409, "IDEMPOTENCY_MISMATCH", /new client token/],
    ["InvalidParameter", 400, "AWS_VALIDATION", /Correct the named parameter/],
    ["VpcEndpointLimitExceeded", 409, "QUOTA_EXCEEDED", /Service Quotas/],
    ["UnauthorizedOperation", 403, "ACCESS_DENIED", /Grant ec2:CreateVpcEndpoint/],
    ["RequestLimitExceeded", 429, "THROTTLED", /retry/],
  ])("EC2 %s → %i %s", async (awsCode, status, code, hint) => {
    await fault(
      "ec2",
      "CreateVpcEndpoint",
      awsCode,
      awsCode === "UnauthorizedOperation" ? 403 : awsCode === "RequestLimitExceeded" ? 503 : 400,
    );
    const response = await execute(t, resourceEndpoint());
    expect(response.statusCode).toBe(status);
    expect(errorOf(response)).toMatchObject({ code, awsCode, hint: expect.stringMatching(hint) });
  });

  it("EC2 DependencyViolation → 409 DEPENDENCY_VIOLATION", async () => {
    const created = await executeOk(t, resourceEndpoint());
    await fault("ec2", "DeleteVpcEndpoints", "DependencyViolation", 400, "The endpoint is still in use.");
    const response = await execute(t, { type: "remove-endpoint", endpointId: created.resource.id });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response)).toMatchObject({
      code: "DEPENDENCY_VIOLATION",
      awsCode: "DependencyViolation",
      message: expect.stringContaining("The endpoint is still in use."),
      hint: expect.stringMatching(/Remove what depends on it/),
    });
  });

  it("a partial failure of DeleteVpcEndpoints (in Unsuccessful, not an exception) is an error too", async () => {
    const created = await executeOk(t, resourceEndpoint());
    expect((await topology(t)).nodes.map((n) => n.id)).toContain(created.resource.id);
    // Deleted behind the console's back: its cached topology still shows it, so preflight lets the removal through to AWS.
    await aws.ec2.send(new DeleteVpcEndpointsCommand({ VpcEndpointIds: [created.resource.id] }));
    const response = await execute(t, { type: "remove-endpoint", endpointId: created.resource.id });
    expect(response.statusCode).toBe(404);
    expect(errorOf(response)).toMatchObject({
      code: "NOT_FOUND",
      awsCode: "InvalidVpcEndpoint.NotFound",
      message: expect.stringContaining(created.resource.id),
    });
  });

  it("the emulator's own Conflict for a second service network on one VPC explains the rule and the way out", async () => {
    const vpcId = names.vpc("consumer-sn-endpoint-vpc");
    // Another tool associates the VPC; the console's cached topology has not seen it.
    await aws.lattice.send(
      new CreateServiceNetworkVpcAssociationCommand({
        vpcIdentifier: vpcId,
        serviceNetworkIdentifier: names.serviceNetwork,
      }),
    );
    const response = await execute(t, { type: "associate-vpc", vpcId, serviceNetworkId: secondNetwork });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response)).toMatchObject({
      code: "CONFLICT",
      awsCode: "ConflictException",
      message: expect.stringMatching(/^A VPC can be associated with only one service network: /),
      hint: expect.stringMatching(/VPC endpoint of type ServiceNetwork/),
    });
    // After a refresh, preflight knows and offers the endpoint instead of calling AWS.
    await topology(t, true);
    expect(
      (await plan(t, { type: "associate-vpc", vpcId, serviceNetworkId: secondNetwork })).findings.map((f) => f.code),
    ).toContain("VPC_ALREADY_ASSOCIATED");
  });
});

describe("bad input: 400 naming the field, and no AWS call", () => {
  let before: Record<string, number>;
  beforeEach(async () => {
    before = await t.calls();
  });

  it.each([
    [{ action: { type: "associate-vpc", vpcId: "vpc-1", serviceNetworkId: "sn-0b615c0ed1ca34177" } }, "action.vpcId"],
    [
      { action: { type: "associate-vpc", vpcId: "vpc-0a03953771bed5895", serviceNetworkId: "sn-XYZ" } },
      "action.serviceNetworkId",
    ],
    [{ action: { type: "associate-vpc", vpcId: "vpc-0a03953771bed5895" } }, "action.serviceNetworkId"],
    [
      {
        action: {
          type: "associate-vpc",
          vpcId: "vpc-0a03953771bed5895",
          serviceNetworkId: "sn-0b615c0ed1ca34177",
          extra: 1,
        },
      },
      "action.extra",
    ],
    [{ action: { type: "drop-table" } }, "action.type"],
    [
      { action: { type: "remove-resource-association", associationId: "snra-zzzzzzzzzzzzzzzzz" } },
      "action.associationId",
    ],
    [
      {
        action: {
          type: "add-ingress-rule",
          groupId: "sg-0a56b13a32342e90a",
          protocol: "udp",
          port: 53,
          cidr: "10.0.0.0/8",
        },
      },
      "action.protocol",
    ],
    [
      {
        action: {
          type: "add-ingress-rule",
          groupId: "sg-0a56b13a32342e90a",
          protocol: "tcp",
          port: 70000,
          cidr: "10.0.0.0/8",
        },
      },
      "action.port",
    ],
    [
      {
        action: {
          type: "add-ingress-rule",
          groupId: "sg-0a56b13a32342e90a",
          protocol: "tcp",
          port: 443,
          cidr: "10.0.0.0/8",
          sourceGroupId: "sg-0a56b13a32342e90a",
        },
      },
      "action.sourceGroupId",
    ],
    [
      { action: { type: "remove-endpoint", endpointId: "vpce-00c3d5450f87e1973" }, clientToken: "has space" },
      "clientToken",
    ],
    [{ action: { type: "remove-endpoint", endpointId: "vpce-00c3d5450f87e1973" } }, "clientToken"],
  ])("%j → %s", async (body, field) => {
    const payload = "clientToken" in body || field === "clientToken" ? body : { ...body, clientToken: "t-1" };
    const response = await post(t, "/api/actions/execute", payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(errorOf(response)).toMatchObject({ code: "VALIDATION", field });
    expect(callsBetween(before, await t.calls())).toEqual({});
  });

  it("the status and audit queries are checked too", async () => {
    expect(
      errorOf(await t.request({ method: "GET", url: "/api/actions/status?kind=vpcEndpoint&id=vpce-XYZ" })),
    ).toMatchObject({ code: "VALIDATION", field: "id" });
    expect(
      errorOf(await t.request({ method: "GET", url: "/api/actions/status?kind=listener&id=vpce-00c3d5450f87e1973" })),
    ).toMatchObject({ code: "VALIDATION", field: "kind" });
    expect(
      errorOf(
        await t.request({ method: "GET", url: "/api/actions/status?kind=vpcAssociation&id=vpce-00c3d5450f87e1973" }),
      ),
    ).toMatchObject({ code: "VALIDATION", field: "id" });
    expect(errorOf(await t.request({ method: "GET", url: "/api/audit?limit=5000" }))).toMatchObject({
      code: "VALIDATION",
      field: "limit",
    });
    expect(callsBetween(before, await t.calls())).toEqual({});
  });

  it("changes need the console's own origin and header (CSRF)", async () => {
    const response = await t.request({
      method: "POST",
      url: "/api/actions/execute",
      payload: { action: associateVpc(), clientToken: "t" },
      headers: { origin: "http://evil.example" },
    });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response).code).toBe("CSRF_REJECTED");
    expect(callsBetween(before, await t.calls())).toEqual({});
  });

  it("documents the new routes in /api/openapi.json", async () => {
    const spec = (await t.request({ method: "GET", url: "/api/openapi.json" })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/api/actions/plan", "/api/actions/execute", "/api/actions/status", "/api/audit"]),
    );
  });
});

describe("read-only sources and the audit log across restarts", () => {
  it("a read-only source answers 403 READ_ONLY to a change (and says so everywhere), but still plans", async () => {
    const readOnly = await startTestApp({ app: { readOnly: true } });
    try {
      const graph = await topology(readOnly);
      const ro = namesOf(graph);
      const action: Action = {
        type: "associate-vpc",
        vpcId: ro.vpc("consumer-sn-endpoint-vpc"),
        serviceNetworkId: ro.serviceNetwork,
      };
      const before = await readOnly.calls();
      const refused = await execute(readOnly, action);
      expect(refused.statusCode).toBe(403);
      expect(errorOf(refused)).toMatchObject({ code: "READ_ONLY", hint: expect.stringMatching(/--read-only/) });
      expect(callsBetween(before, await readOnly.calls())).toEqual({});
      const planned = await plan(readOnly, action);
      expect(planned.findings[0]).toMatchObject({ code: "READ_ONLY", severity: "blocking" });
      expect(planned.cli).toMatch(/^aws vpc-lattice create-service-network-vpc-association/);
      expect((await readOnly.request({ method: "GET", url: "/api/health" })).json<HealthResponse>().readOnly).toBe(
        true,
      );
      expect(
        (await readOnly.request({ method: "GET", url: "/api/sources" }))
          .json<SourcesResponse>()
          .sources.every((s) => !s.mutationsAllowed),
      ).toBe(true);
      expect(
        (await readOnly.request({ method: "GET", url: "/api/audit" })).json<AuditResponse>().entries[0],
      ).toMatchObject({ outcome: "refused", errorCode: "READ_ONLY" });
    } finally {
      await readOnly.close();
    }
  });

  it("real AWS without --allow-mutations is read-only; the emulator is not", async () => {
    expect((await t.request({ method: "GET", url: "/api/health" })).json<HealthResponse>().readOnly).toBe(false);
    const sources = (await t.request({ method: "GET", url: "/api/sources" })).json<SourcesResponse>().sources;
    expect(sources.find((s) => s.id === "emulator")?.mutationsAllowed).toBe(true);
    expect(sources.find((s) => s.id === "default")?.mutationsAllowed).toBe(false);
  });

  it("keeps the audit log and the executed tokens in the data folder across an app restart, and no credential in it", async () => {
    const emulator = await startEmulator({ port: 0, scenario: "field-report" });
    const dataDir = tempDataDir();
    try {
      const first = await startTestApp({ emulator, app: { dataDir } });
      const graph = namesOf(await topology(first));
      const token = randomUUID();
      const action: Action = {
        type: "associate-vpc",
        vpcId: graph.vpc("consumer-sn-endpoint-vpc"),
        serviceNetworkId: graph.serviceNetwork,
      };
      const created = await executeOk(first, action, token);
      await first.close();

      const second = await startTestApp({ emulator, app: { dataDir } });
      const audit = (await second.request({ method: "GET", url: "/api/audit" })).json<AuditResponse>();
      expect(audit.entries).toEqual([
        expect.objectContaining({ outcome: "succeeded", resourceId: created.resource.id, clientToken: token }),
      ]);
      // The token outlives the process: a retry after the restart is answered from the record.
      const before = await second.calls();
      expect(await executeOk(second, action, token)).toEqual({ ...created, replayed: true });
      expect(
        callsBetween(before, await second.calls())["vpc-lattice:CreateServiceNetworkVpcAssociation"],
      ).toBeUndefined();
      await second.close();

      const stored = readdirSync(dataDir)
        .map((file) => readFileSync(path.join(dataDir, file)).toString("latin1"))
        .join("");
      expect(stored).toContain(created.resource.id);
      expect(stored).not.toMatch(/atlas-emulator|secretAccessKey|aws_secret/i);
    } finally {
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
