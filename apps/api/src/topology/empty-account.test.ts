import type { Topology } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ scenario: "empty" });
});
afterAll(() => t.close());

describe("an empty account", () => {
  it("costs at most 10 calls: nothing is asked about what an empty List rules out", async () => {
    await t.control("DELETE", "/_emulator/stats");
    const response = await t.request({ method: "GET", url: "/api/topology?refresh=true" });
    expect(response.statusCode).toBe(200);
    const topology = response.json<Topology>();
    expect(topology.nodes).toEqual([]);
    expect(topology.warnings).toEqual([]);
    expect(topology.stats.totalCalls).toBeLessThanOrEqual(10);
    const calls = await t.calls();
    const discovery = Object.entries(calls).filter(([op]) => op !== "sts:GetCallerIdentity");
    expect(discovery.reduce((sum, [, n]) => sum + n, 0)).toBe(topology.stats.totalCalls);
    for (const skipped of [
      "ec2:DescribeSubnets",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeVpcEndpoints",
      "ec2:DescribeVpcEndpointAssociations",
      "rds:DescribeDBInstances",
      "lambda:ListFunctions",
    ])
      expect(calls[skipped], skipped).toBeUndefined();
  });

  it("a List that failed does not stop what hangs off it", async () => {
    await t.control("POST", "/_emulator/faults", [
      { service: "ec2", operation: "DescribeVpcs", error: { code: "UnauthorizedOperation", statusCode: 403 } },
    ]);
    try {
      await t.control("DELETE", "/_emulator/stats");
      const fresh = await startTestApp({ emulator: t.emulator });
      try {
        const topology = (await fresh.request({ method: "GET", url: "/api/topology" })).json<Topology>();
        expect(topology.warnings.map((w) => w.operation)).toEqual(["DescribeVpcs"]);
      } finally {
        await fresh.close();
      }
      const calls = await t.calls();
      expect(calls["ec2:DescribeSubnets"]).toBe(1);
      expect(calls["ec2:DescribeSecurityGroups"]).toBe(1);
      expect(calls["ec2:DescribeVpcEndpoints"]).toBe(1);
    } finally {
      await t.control("DELETE", "/_emulator/faults");
    }
  });
});
