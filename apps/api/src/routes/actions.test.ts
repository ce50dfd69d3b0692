/**
 * One-click changes through the real app against the emulator: each action
 * created, polled to its final state with its DNS names, and removed; the
 * preflight findings that stop an execution; one resource per client token.
 */
import { randomUUID } from "node:crypto";
import { DescribeSecurityGroupRulesCommand, DescribeVpcEndpointsCommand } from "@aws-sdk/client-ec2";
import { CreateServiceNetworkCommand, ListServiceNetworkVpcAssociationsCommand } from "@aws-sdk/client-vpc-lattice";
import type { Action, AuditResponse, ExecuteResponse, PlanResponse, StatusResponse } from "@lattice-atlas/shared";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  callsBetween,
  errorOf,
  execute,
  executeOk,
  namesOf,
  plan,
  pollUntilDone,
  sdk,
  status,
  topology,
} from "../testing/actions.js";
import { startTestApp, type TestApp } from "../testing/app.js";

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
  const created = await aws.lattice.send(new CreateServiceNetworkCommand({ name: "second-sn" }));
  secondNetwork = created.id!;
  names = namesOf(await topology(t, true));
});

/** Transitions that take a little while, so that the pending phase is seen. */
const slowly = (kind: string, ms = 300) => t.control("PUT", "/_emulator/transitions", { delays: { [kind]: ms } });

const phases = (seen: StatusResponse[]): string[] => [...new Set(seen.map((s) => `${s.phase}:${s.status}`))];

describe("associate and remove: created at once as pending, polled to ACTIVE, removed", () => {
  it("service network ↔ VPC association", async () => {
    await slowly("ServiceNetworkVpcAssociation");
    const vpcId = names.vpc("consumer-resource-endpoint-vpc");
    const action: Action = {
      type: "associate-vpc",
      vpcId,
      serviceNetworkId: names.serviceNetwork,
      securityGroupIds: [names.group("consumer-resource-endpoint-vpc", "resource-endpoint-sg")],
    };
    const planned = await plan(t, action);
    expect(planned.blocking).toBe(false);

    const created = await executeOk(t, action);
    expect(created.resource).toMatchObject({
      kind: "vpcAssociation",
      id: expect.stringMatching(/^snva-[0-9a-z]{17}$/),
      status: "CREATE_IN_PROGRESS",
    });
    expect(created.replayed).toBe(false);
    expect(created.requestId).toEqual(expect.any(String));

    const seen = await pollUntilDone(t, "vpcAssociation", created.resource.id);
    expect(phases(seen)).toEqual(["pending:CREATE_IN_PROGRESS", "ready:ACTIVE"]);
    const listed = await aws.lattice.send(new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: vpcId }));
    expect(listed.items?.map((a) => a.id)).toEqual([created.resource.id]);
    // Only this source/region's cached topology was refreshed, and it shows the association.
    expect((await topology(t)).nodes.find((n) => n.id === created.resource.id)?.status).toBe("ACTIVE");

    await slowly("ServiceNetworkVpcAssociation");
    const removed = await executeOk(t, { type: "remove-vpc-association", associationId: created.resource.id });
    expect(removed.resource).toMatchObject({
      kind: "vpcAssociation",
      id: created.resource.id,
      status: "DELETE_IN_PROGRESS",
    });
    const gone = await pollUntilDone(t, "vpcAssociation", created.resource.id);
    expect(phases(gone)).toEqual(["deleting:DELETE_IN_PROGRESS", "deleted:DELETED"]);
    // The audit log says how each change ended, as the polls saw it.
    const entries = (await t.request({ method: "GET", url: "/api/audit?limit=2" })).json<AuditResponse>().entries;
    expect(entries.map((e) => [e.action, e.status, e.finalStatus])).toEqual([
      ["remove-vpc-association", "DELETE_IN_PROGRESS", "DELETED"],
      ["associate-vpc", "CREATE_IN_PROGRESS", "ACTIVE"],
    ]);
  });

  it("service network ↔ resource configuration (ARN): the writer and reader names of its child associations once ACTIVE", async () => {
    await slowly("ServiceNetworkResourceAssociation");
    const created = await executeOk(t, {
      type: "associate-resource",
      serviceNetworkId: secondNetwork,
      resourceConfigurationId: names.auroraConfiguration,
    });
    expect(created.resource).toMatchObject({
      kind: "resourceAssociation",
      id: expect.stringMatching(/^snra-[0-9a-f]{17}$/),
      status: "CREATE_IN_PROGRESS",
    });
    const seen = await pollUntilDone(t, "resourceAssociation", created.resource.id);
    expect(seen[0]).toMatchObject({ phase: "pending", dnsEntries: [] });
    const final = seen[seen.length - 1]!;
    expect(final).toMatchObject({ status: "ACTIVE", phase: "ready", done: true });
    const generated = final.dnsEntries.filter((d) => !d.private).map((d) => d.name);
    expect(generated).toHaveLength(2);
    expect(generated).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^snra-[0-9a-f]{17}\.rcfg-01158845410b9f395\.4232ccc\.vpc-lattice-rsc\.ap-northeast-1\.on\.aws$/,
        ),
        expect.stringMatching(
          /^snra-[0-9a-f]{17}\.rcfg-0ba7ebc5ff6368de5\.4232ccc\.vpc-lattice-rsc\.ap-northeast-1\.on\.aws$/,
        ),
      ]),
    );
    expect(final.dnsEntries.filter((d) => d.private).map((d) => d.name)).toContain(
      "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com",
    );

    const removed = await executeOk(t, { type: "remove-resource-association", associationId: created.resource.id });
    expect(removed.resource.status).toBe("DELETE_IN_PROGRESS");
    expect((await pollUntilDone(t, "resourceAssociation", created.resource.id)).pop()).toMatchObject({
      phase: "deleted",
      done: true,
    });
  });

  it("service network ↔ Lattice service: the service's DNS name", async () => {
    await slowly("ServiceNetworkServiceAssociation");
    const created = await executeOk(t, {
      type: "associate-service",
      serviceNetworkId: secondNetwork,
      serviceId: names.service,
    });
    expect(created.resource.status).toBe("CREATE_IN_PROGRESS");
    const final = (await pollUntilDone(t, "serviceAssociation", created.resource.id)).pop()!;
    expect(final).toMatchObject({
      status: "ACTIVE",
      dnsEntries: [
        {
          name: "zenn-vpc-lattice-service-dev-0a836c24f4bc2c8ea.7d67968.vpc-lattice-svcs.ap-northeast-1.on.aws",
          private: false,
        },
      ],
    });
    await executeOk(t, { type: "remove-service-association", associationId: created.resource.id });
    expect((await pollUntilDone(t, "serviceAssociation", created.resource.id)).pop()?.phase).toBe("deleted");
  });

  it("Resource-type VPC endpoint: Pending at once, Available with the vpce-…-snra-… names, then deleted", async () => {
    await slowly("VpcEndpoint");
    const vpc = "consumer-sn-association-vpc";
    const created = await executeOk(t, {
      type: "create-resource-endpoint",
      vpcId: names.vpc(vpc),
      resourceConfigurationId: names.auroraConfiguration,
      subnetIds: names.subnets(vpc),
      securityGroupIds: [names.group(vpc, "sn-association-sg")],
      privateDnsEnabled: false,
    });
    expect(created.resource).toMatchObject({
      kind: "vpcEndpoint",
      id: expect.stringMatching(/^vpce-[0-9a-f]{17}$/),
      status: "Pending",
    });
    const seen = await pollUntilDone(t, "vpcEndpoint", created.resource.id);
    expect(phases(seen)).toEqual(["pending:Pending", "ready:Available"]);
    const names_ = seen.pop()!.dnsEntries.map((d) => d.name);
    expect(names_).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^${created.resource.id}-snra-[0-9a-f]{17}\\.rcfg-01158845410b9f395\\.4232ccc\\.vpc-lattice-rsc\\.ap-northeast-1\\.on\\.aws$`,
          ),
        ),
      ]),
    );

    await slowly("VpcEndpoint");
    const removed = await executeOk(t, { type: "remove-endpoint", endpointId: created.resource.id });
    expect(removed.resource).toMatchObject({ kind: "vpcEndpoint", id: created.resource.id, status: "Deleting" });
    expect(phases(await pollUntilDone(t, "vpcEndpoint", created.resource.id))).toEqual([
      "deleting:Deleting",
      "deleted:DELETED",
    ]);
  });

  it("ServiceNetwork-type VPC endpoint: names for every member of the network (resources and the service)", async () => {
    const vpc = "consumer-resource-endpoint-vpc";
    const created = await executeOk(t, {
      type: "create-service-network-endpoint",
      vpcId: names.vpc(vpc),
      serviceNetworkId: names.serviceNetwork,
      subnetIds: names.subnets(vpc),
      securityGroupIds: [names.group(vpc, "resource-endpoint-sg")],
      privateDnsEnabled: false,
    });
    const final = (await pollUntilDone(t, "vpcEndpoint", created.resource.id)).pop()!;
    const dns = final.dnsEntries.map((d) => d.name);
    expect(dns).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^${created.resource.id}-snra-0258ae5ca1fffbb4a\\.rcfg-01158845410b9f395\\.4232ccc\\.vpc-lattice-rsc\\.`,
          ),
        ),
        expect.stringMatching(new RegExp(`^${created.resource.id}-snsa-[0-9a-z]{17}\\.7d67968\\.vpc-lattice-svcs\\.`)),
      ]),
    );
  });

  it("the one missing ingress rule: added at once (sgr-…), and a repeat is a blocking duplicate", async () => {
    const vpc = "consumer-resource-endpoint-vpc";
    const action: Action = {
      type: "add-ingress-rule",
      groupId: names.group(vpc, "resource-endpoint-sg"),
      protocol: "tcp",
      port: 443,
      sourceGroupId: names.group(vpc, "CloudShell SG"),
      description: "HTTPS from CloudShell SG",
    };
    const added = await executeOk(t, action);
    expect(added.resource).toMatchObject({
      kind: "securityGroupRule",
      id: expect.stringMatching(/^sgr-[0-9a-f]{17}$/),
      status: "active",
    });
    const rules = await aws.ec2.send(
      new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: "group-id", Values: [action.groupId] }] }),
    );
    expect(rules.SecurityGroupRules?.find((r) => r.SecurityGroupRuleId === added.resource.id)).toMatchObject({
      IsEgress: false,
      IpProtocol: "tcp",
      FromPort: 443,
      ToPort: 443,
      ReferencedGroupInfo: expect.objectContaining({ GroupId: action.sourceGroupId }),
      Description: "HTTPS from CloudShell SG",
    });
    const again = await plan(t, action);
    expect(again.findings).toEqual([expect.objectContaining({ code: "DUPLICATE_RULE", severity: "blocking" })]);
  });
});

describe("preflight through the routes: blocking findings stop the change before any AWS call", () => {
  it("a second service network for an associated VPC: the plan offers a ServiceNetwork endpoint, which then runs clean", async () => {
    const vpc = "consumer-sn-association-vpc";
    const action: Action = {
      type: "associate-vpc",
      vpcId: names.vpc(vpc),
      serviceNetworkId: secondNetwork,
      securityGroupIds: [names.group(vpc, "sn-association-sg")],
    };
    const planned = await plan(t, action);
    expect(planned.blocking).toBe(true);
    const finding = planned.findings.find((f) => f.code === "VPC_ALREADY_ASSOCIATED")!;
    expect(finding.message).toContain("zenn-service-network-dev");
    expect(finding.alternative?.action).toEqual({
      type: "create-service-network-endpoint",
      vpcId: names.vpc(vpc),
      serviceNetworkId: secondNetwork,
      subnetIds: names.subnets(vpc),
      securityGroupIds: [names.group(vpc, "sn-association-sg")],
    });

    const before = await t.calls();
    const refused = await execute(t, action);
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused)).toMatchObject({
      code: "PREFLIGHT_BLOCKED",
      message: expect.stringMatching(/^Not sent to AWS: A VPC can be associated with only one service network/),
      hint: expect.stringMatching(/ServiceNetwork/),
    });
    expect(callsBetween(before, await t.calls())).toEqual({});

    const alternative = await plan(t, finding.alternative!.action);
    expect(alternative.blocking).toBe(false);
    const created = await executeOk(t, finding.alternative!.action);
    expect((await pollUntilDone(t, "vpcEndpoint", created.resource.id)).pop()?.phase).toBe("ready");
  });

  it("a ServiceNetwork endpoint with private DNS where a Resource endpoint with private DNS reaches the same configuration", async () => {
    const vpc = "consumer-resource-endpoint-vpc";
    const action: Action = {
      type: "create-service-network-endpoint",
      vpcId: names.vpc(vpc),
      serviceNetworkId: names.serviceNetwork,
      subnetIds: names.subnets(vpc),
      privateDnsEnabled: true,
    };
    const planned = await plan(t, action);
    expect(planned.findings.map((f) => f.code)).toContain("PRIVATE_DNS_CLASH");
    const before = await t.calls();
    expect(errorOf(await execute(t, action)).code).toBe("PREFLIGHT_BLOCKED");
    expect(callsBetween(before, await t.calls())).toEqual({});
  });

  it("says when the topology it checks against is partial", async () => {
    await t.control("POST", "/_emulator/faults", [
      { service: "vpc-lattice", operation: "ListServices", error: { code: "AccessDeniedException", statusCode: 403 } },
    ]);
    await topology(t, true);
    const planned = await plan(t, {
      type: "associate-vpc",
      vpcId: names.vpc("consumer-sn-endpoint-vpc"),
      serviceNetworkId: secondNetwork,
    });
    expect(planned.findings.find((f) => f.code === "PARTIAL_TOPOLOGY")).toMatchObject({
      severity: "warning",
      message: expect.stringContaining("ListServices"),
    });
    await t.control("DELETE", "/_emulator/faults");
  });

  it("a CHILD configuration: the plan offers its GROUP", async () => {
    const planned = await plan(t, {
      type: "associate-resource",
      serviceNetworkId: secondNetwork,
      resourceConfigurationId: names.writerConfiguration,
    });
    expect(planned.findings.find((f) => f.code === "CHILD_CONFIGURATION")?.alternative?.action).toEqual({
      type: "associate-resource",
      serviceNetworkId: secondNetwork,
      resourceConfigurationId: names.auroraConfiguration,
    });
  });

  it("warns (without blocking) when the Aurora group does not admit the resource gateway, and offers the rule", async () => {
    const aurora = names.group("provider-vpc", "aurora-sg");
    const gateway = names.group("provider-vpc", "resource-gateway-sg");
    const { RevokeSecurityGroupIngressCommand } = await import("@aws-sdk/client-ec2");
    await aws.ec2.send(
      new RevokeSecurityGroupIngressCommand({
        GroupId: aurora,
        IpPermissions: [{ IpProtocol: "tcp", FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: gateway }] }],
      }),
    );
    await topology(t, true);
    const planned = await plan(t, {
      type: "associate-resource",
      serviceNetworkId: secondNetwork,
      resourceConfigurationId: names.auroraConfiguration,
    });
    expect(planned.blocking).toBe(false);
    const finding = planned.findings.find((f) => f.code === "TARGET_INGRESS_MISSING")!;
    expect(finding.alternative?.action).toEqual({
      type: "add-ingress-rule",
      groupId: aurora,
      protocol: "tcp",
      port: 5432,
      sourceGroupId: gateway,
      description: expect.stringContaining("resource gateway"),
    });
    await executeOk(t, finding.alternative!.action);
    expect(
      (
        await plan(t, {
          type: "associate-resource",
          serviceNetworkId: secondNetwork,
          resourceConfigurationId: names.auroraConfiguration,
        })
      ).findings,
    ).toEqual([]);
  });
});

describe("one client token, one change", () => {
  it("a retried request answers the stored result and makes no second AWS call", async () => {
    const vpcId = names.vpc("consumer-sn-endpoint-vpc");
    const action: Action = { type: "associate-vpc", vpcId, serviceNetworkId: secondNetwork };
    const token = randomUUID();
    const before = await t.calls();
    const first = await executeOk(t, action, token);
    const again = await executeOk(t, action, token);
    expect(again).toEqual({ ...first, replayed: true });
    expect(callsBetween(before, await t.calls())["vpc-lattice:CreateServiceNetworkVpcAssociation"]).toBe(1);
    const listed = await aws.lattice.send(new ListServiceNetworkVpcAssociationsCommand({ vpcIdentifier: vpcId }));
    expect(listed.items).toHaveLength(1);
  });

  it("a double click (two requests at once with one token) sends one create; AWS gets the token too", async () => {
    const vpc = "consumer-sn-association-vpc";
    const action: Action = {
      type: "create-resource-endpoint",
      vpcId: names.vpc(vpc),
      resourceConfigurationId: names.auroraConfiguration,
      subnetIds: names.subnets(vpc),
    };
    const token = randomUUID();
    const before = await t.calls();
    const [a, b] = await Promise.all([execute(t, action, token), execute(t, action, token)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const [ra, rb] = [a.json<ExecuteResponse>(), b.json<ExecuteResponse>()];
    expect(ra.resource.id).toBe(rb.resource.id);
    expect([ra.replayed, rb.replayed].sort()).toEqual([false, true]);
    expect(callsBetween(before, await t.calls())["ec2:CreateVpcEndpoint"]).toBe(1);
    const endpoints = await aws.ec2.send(
      new DescribeVpcEndpointsCommand({ Filters: [{ Name: "vpc-id", Values: [names.vpc(vpc)] }] }),
    );
    expect(endpoints.VpcEndpoints).toHaveLength(1);
    expect(endpoints.VpcEndpoints?.[0]?.VpcEndpointId).toBe(ra.resource.id);
  });

  it("the same token for a different change is refused before any AWS call", async () => {
    const token = randomUUID();
    await executeOk(t, { type: "associate-service", serviceNetworkId: secondNetwork, serviceId: names.service }, token);
    const before = await t.calls();
    const reused = await execute(
      t,
      { type: "associate-vpc", vpcId: names.vpc("consumer-sn-endpoint-vpc"), serviceNetworkId: secondNetwork },
      token,
    );
    expect(reused.statusCode).toBe(409);
    expect(errorOf(reused)).toMatchObject({
      code: "IDEMPOTENCY_MISMATCH",
      field: "clientToken",
      hint: expect.stringMatching(/new client token/),
    });
    expect(callsBetween(before, await t.calls())).toEqual({});
  });

  it("a removal (no token at AWS) retried with its token is answered from the record, not sent again", async () => {
    const created = await executeOk(t, {
      type: "associate-service",
      serviceNetworkId: secondNetwork,
      serviceId: names.service,
    });
    await pollUntilDone(t, "serviceAssociation", created.resource.id);
    const removal: Action = { type: "remove-service-association", associationId: created.resource.id };
    const token = randomUUID();
    const before = await t.calls();
    const first = await executeOk(t, removal, token);
    const again = await executeOk(t, removal, token);
    expect(again).toEqual({ ...first, replayed: true });
    expect(callsBetween(before, await t.calls())["vpc-lattice:DeleteServiceNetworkServiceAssociation"]).toBe(1);
  });
});

describe("the status of a change that does not go to plan", () => {
  it("a failed association: CREATE_FAILED with the failure, and delete-and-recreate offered", async () => {
    await t.control("PUT", "/_emulator/transitions", {
      delays: { ServiceNetworkVpcAssociation: 100 },
      failures: {
        ServiceNetworkVpcAssociation: {
          count: 1,
          code: "SecurityGroupNotFound",
          message: "The security group could not be attached to the association.",
        },
      },
    });
    const created = await executeOk(t, {
      type: "associate-vpc",
      vpcId: names.vpc("consumer-sn-endpoint-vpc"),
      serviceNetworkId: secondNetwork,
    });
    const final = (await pollUntilDone(t, "vpcAssociation", created.resource.id)).pop()!;
    expect(final).toMatchObject({
      status: "CREATE_FAILED",
      phase: "failed",
      done: true,
      failureCode: "SecurityGroupNotFound",
      failureReason: "The security group could not be attached to the association.",
      recovery: { action: { type: "remove-vpc-association", associationId: created.resource.id } },
    });
    expect(
      (await t.request({ method: "GET", url: "/api/audit?limit=1" })).json<AuditResponse>().entries[0],
    ).toMatchObject({
      resourceId: created.resource.id,
      finalStatus: "CREATE_FAILED",
      finalPhase: "failed",
      failureReason: "The security group could not be attached to the association.",
    });
    // The failed association is in the refreshed topology, and the plan for the same pair says so.
    const replan = await plan(t, {
      type: "associate-vpc",
      vpcId: names.vpc("consumer-sn-endpoint-vpc"),
      serviceNetworkId: secondNetwork,
    });
    expect(replan.findings.find((f) => f.code === "DUPLICATE_ASSOCIATION")?.alternative?.action).toEqual(
      final.recovery?.action,
    );
    await executeOk(t, final.recovery!.action);
    expect((await pollUntilDone(t, "vpcAssociation", created.resource.id)).pop()?.phase).toBe("deleted");
  });

  it("NotFound right after a create is pending (eventual consistency), not a failure", async () => {
    const created = await executeOk(t, {
      type: "associate-vpc",
      vpcId: names.vpc("consumer-sn-endpoint-vpc"),
      serviceNetworkId: secondNetwork,
    });
    await t.control("POST", "/_emulator/faults", [
      {
        service: "vpc-lattice",
        operation: "GetServiceNetworkVpcAssociation",
        count: 1,
        error: { code: "ResourceNotFoundException", statusCode: 404 },
      },
    ]);
    expect(await status(t, "vpcAssociation", created.resource.id)).toMatchObject({
      status: "NOT_YET_VISIBLE",
      phase: "pending",
      done: false,
    });
    expect(await status(t, "vpcAssociation", created.resource.id)).toMatchObject({ status: "ACTIVE", phase: "ready" });
  });

  it("an id nothing created: not-found, done", async () => {
    expect(await status(t, "vpcEndpoint", "vpce-0123456789abcdef0")).toMatchObject({
      status: "NOT_FOUND",
      phase: "not-found",
      done: true,
    });
  });
});

describe("the audit log", () => {
  it("lists every attempt newest first, with request ids and tokens", async () => {
    const token = randomUUID();
    const created = await executeOk(
      t,
      { type: "associate-service", serviceNetworkId: secondNetwork, serviceId: names.service },
      token,
    );
    await executeOk(t, { type: "associate-service", serviceNetworkId: secondNetwork, serviceId: names.service }, token);
    const page = (await t.request({ method: "GET", url: "/api/audit?limit=2" })).json<AuditResponse>();
    expect(page.entries.map((e) => e.outcome)).toEqual(["replayed", "succeeded"]);
    expect(page.entries[1]).toMatchObject({
      source: "emulator",
      accountId: "111122223333",
      region: "ap-northeast-1",
      action: "associate-service",
      input: { type: "associate-service", serviceNetworkId: secondNetwork, serviceId: names.service },
      resourceKind: "serviceAssociation",
      resourceId: created.resource.id,
      status: "CREATE_IN_PROGRESS",
      requestId: created.requestId,
      clientToken: token,
    });
    expect(page.nextBefore).toBe(page.entries[1]!.id);
    const older = (
      await t.request({ method: "GET", url: `/api/audit?limit=2&before=${page.nextBefore}` })
    ).json<AuditResponse>();
    expect(older.entries.every((e) => e.id < page.nextBefore!)).toBe(true);
  });

  it("plans are not changes: they leave no entry and make no AWS call", async () => {
    const before = (await t.request({ method: "GET", url: "/api/audit?limit=1" })).json<AuditResponse>().entries[0]?.id;
    const calls = await t.calls();
    const planned: PlanResponse = await plan(t, {
      type: "associate-service",
      serviceNetworkId: secondNetwork,
      serviceId: names.service,
    });
    expect(planned.calls[0]?.operation).toBe("CreateServiceNetworkServiceAssociation");
    expect(callsBetween(calls, await t.calls())).toEqual({});
    expect((await t.request({ method: "GET", url: "/api/audit?limit=1" })).json<AuditResponse>().entries[0]?.id).toBe(
      before,
    );
  });
});
