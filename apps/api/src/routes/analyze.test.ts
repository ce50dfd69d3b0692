import { DescribeSecurityGroupsCommand, EC2Client, RevokeSecurityGroupIngressCommand } from "@aws-sdk/client-ec2";
import type { AnalyzeAnswer, ConnectAnswer, PlanResponse, ReachableFromAnswer, Topology } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAME_ORIGIN } from "../testing/actions.js";
import { startTestApp, type TestApp } from "../testing/app.js";

const WRITER = "rcfg-01158845410b9f395";
const WRITER_HOST = "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com";
const MUTATION_HEADERS = { ...SAME_ORIGIN, "content-type": "application/json" };

let t: TestApp;
let topology: Topology;
const vpcNamed = (name: string): string => topology.nodes.find((n) => n.kind === "vpc" && n.label === name)!.id;
const analyze = async (body: Record<string, unknown>) => {
  const response = await t.request({ method: "POST", url: "/api/analyze", headers: MUTATION_HEADERS, payload: body });
  return { status: response.statusCode, answer: response.json<AnalyzeAnswer>() };
};

beforeAll(async () => {
  t = await startTestApp();
  topology = (await t.request({ method: "GET", url: "/api/topology" })).json();
});
afterAll(() => t.close());

describe("POST /api/analyze on the field-report scenario", () => {
  it.each([
    ["consumer-resource-endpoint-vpc", "resource-endpoint"],
    ["consumer-sn-endpoint-vpc", "service-network-endpoint"],
    ["consumer-sn-association-vpc", "service-network-association"],
  ])("%s reaches the Aurora writer through the %s, with the report's security groups", async (vpc, pattern) => {
    const { status, answer } = await analyze({ from: { vpc: vpcNamed(vpc) }, to: WRITER });
    expect(status).toBe(200);
    expect(answer.verdict).toBe("reachable");
    expect(answer.path?.pattern).toBe(pattern);
    expect(answer.from.securityGroupInferred).toBe(true);
    expect(answer.hops.filter((h) => h.status !== "skip").every((h) => h.status === "pass")).toBe(true);
  });

  it("the pattern-3 VPC reaches the Lattice service on 443", async () => {
    const { answer } = await analyze({
      from: { vpc: vpcNamed("consumer-sn-association-vpc") },
      to: "svc-0a836c24f4bc2c8ea",
    });
    expect(answer.verdict).toBe("reachable");
    expect(answer.port).toBe(443);
    expect(answer.hops[5]!.detail).toMatch(/1 healthy target/);
  });

  it("the native writer name from the pattern-3 VPC fails at hop 7 and names the snra-… entry", async () => {
    const { answer } = await analyze({
      from: { vpc: vpcNamed("consumer-sn-association-vpc") },
      to: WRITER,
      hostname: WRITER_HOST,
    });
    expect(answer.verdict).toBe("not-reachable");
    expect(answer.hops.find((h) => h.status === "fail")!.step).toBe(7);
    expect(answer.hops[6]!.fix!.text).toContain(
      "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws",
    );
  });

  it("without the Aurora rule from the resource-gateway group it fails at hop 6, and the offered fix restores it", async () => {
    const ec2 = new EC2Client({
      region: "ap-northeast-1",
      endpoint: t.emulator.url,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    const aurora = (
      await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "group-name", Values: ["aurora-sg"] }] }))
    ).SecurityGroups![0]!;
    await ec2.send(
      new RevokeSecurityGroupIngressCommand({ GroupId: aurora.GroupId, IpPermissions: aurora.IpPermissions }),
    );
    ec2.destroy();

    const from = { vpc: vpcNamed("consumer-sn-association-vpc") };
    const broken = await analyze({ from, to: WRITER, refresh: true });
    expect(broken.answer.verdict).toBe("not-reachable");
    const failing = broken.answer.hops.find((h) => h.status === "fail")!;
    expect(failing.step).toBe(6);
    expect(broken.answer.failingNodeId).toBe(aurora.GroupId);
    const action = failing.fix!.action!;
    expect(action).toMatchObject({ type: "add-ingress-rule", groupId: aurora.GroupId, port: 5432 });

    // Connect on the same VPC says the same: the writer's row fails at hop 6 and carries the same fix.
    const connect = (
      await t.request({ method: "GET", url: `/api/connect?from=${from.vpc}&to=${WRITER}` })
    ).json<ConnectAnswer>();
    expect(connect.reachable[0]!.check).toMatchObject({ verdict: "not-reachable", failing: { step: 6 } });
    expect(connect.reachable[0]!.check.failing!.fix!.action).toEqual(action);
    // The plan of the fix says who gains what: every consumer of the writer.
    const plan = await t.request({
      method: "POST",
      url: "/api/actions/plan",
      headers: MUTATION_HEADERS,
      payload: { action },
    });
    const impact = plan.json<PlanResponse>().impact;
    expect(impact.map((i) => i.vpc.name).sort()).toEqual([
      "consumer-resource-endpoint-vpc",
      "consumer-sn-association-vpc",
      "consumer-sn-endpoint-vpc",
    ]);
    expect(impact.every((i) => i.gains.some((g) => g.target.id === WRITER) && i.loses.length === 0)).toBe(true);

    const executed = await t.request({
      method: "POST",
      url: "/api/actions/execute",
      headers: MUTATION_HEADERS,
      payload: { action, clientToken: "fix-aurora-rule-1" },
    });
    expect(executed.statusCode).toBe(200);
    const fixed = await analyze({ from, to: WRITER, refresh: true });
    expect(fixed.answer.verdict).toBe("reachable");
  });

  it("answers bad input with 400 naming the field, and unknown things with 404", async () => {
    const bad = await t.request({
      method: "POST",
      url: "/api/analyze",
      headers: MUTATION_HEADERS,
      payload: { from: { vpc: "vpc-1" }, to: WRITER },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("from.vpc");
    const missing = await analyze({ from: { vpc: "vpc-0123456789abcdef0" }, to: WRITER });
    expect(missing.status).toBe(404);
  });
});

describe("GET /api/reachable-from on the field-report scenario", () => {
  it("the Aurora cluster: the three consumer VPCs, each with its pattern and the name to use there", async () => {
    const cluster = topology.nodes.find((n) => n.kind === "dbCluster")!;
    const response = await t.request({
      method: "GET",
      url: `/api/reachable-from?to=${encodeURIComponent(cluster.id)}`,
    });
    expect(response.statusCode).toBe(200);
    const writerRows = response
      .json<ReachableFromAnswer>()
      .vpcs.filter((v) => v.target.id === WRITER)
      .map((v) => [v.vpc.name, v.pattern, v.hostname]);
    expect(writerRows).toEqual([
      ["consumer-resource-endpoint-vpc", "resource-endpoint", WRITER_HOST],
      [
        "consumer-sn-association-vpc",
        "service-network-association",
        expect.stringMatching(/^snra-0258ae5ca1fffbb4a\./),
      ],
      ["consumer-sn-endpoint-vpc", "service-network-endpoint", WRITER_HOST],
    ]);
  });

  it("answers a bad target with 400 naming `to`", async () => {
    const response = await t.request({
      method: "GET",
      url: `/api/reachable-from?to=${vpcNamed("consumer-sn-endpoint-vpc")}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.field).toBe("to");
  });
});

describe("a partial read (AccessDenied on one call)", () => {
  it("Connect says 'cannot tell' for the writer, naming the read it misses, and the check agrees", async () => {
    await t.control("POST", "/_emulator/faults", [
      { service: "rds", operation: "DescribeDBClusters", error: { code: "AccessDenied", statusCode: 403 } },
    ]);
    try {
      const partial = (await t.request({ method: "GET", url: "/api/topology?refresh=true" })).json<Topology>();
      expect(partial.warnings.map((w) => `${w.operation} ${w.code}`)).toEqual(["DescribeDBClusters AccessDenied"]);
      const from = vpcNamed("consumer-sn-association-vpc");
      const connect = (
        await t.request({ method: "GET", url: `/api/connect?from=${from}&to=${WRITER}` })
      ).json<ConnectAnswer>();
      const row = connect.reachable[0]!;
      expect(row.check.verdict).toBe("unknown");
      expect(row.check.cannotTell.map((c) => c.detail).join(" ")).toContain("rds:DescribeDBClusters (AccessDenied)");
      const { answer } = await analyze({ from: { vpc: from }, to: WRITER });
      expect(answer.verdict).toBe("unknown");
      expect(answer.hops.find((h) => h.step === 6)).toMatchObject({ status: "unknown" });
    } finally {
      await t.control("DELETE", "/_emulator/faults");
      await t.request({ method: "GET", url: "/api/topology?refresh=true" });
    }
  });
});
