import http from "node:http";
import type { Topology } from "@lattice-atlas/shared";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.control("DELETE", "/_emulator/faults");
  await t.control("PUT", "/_emulator/effects", { latencyMs: 0 });
});
afterAll(() => t.close());

/**
 * A first read, by an app with an empty cache on the same emulator (a refresh with failures would keep
 * the complete picture an earlier test read: see fault-states.test.ts).
 */
const refresh = async (): Promise<{ status: number; body: Topology }> => {
  const fresh = await startTestApp({ emulator: t.emulator });
  try {
    const response = await fresh.request({ method: "GET", url: "/api/topology" });
    return { status: response.statusCode, body: response.json() };
  } finally {
    await fresh.close();
  }
};

describe("partial failure is normal", () => {
  it("AccessDenied on one operation yields the rest of the graph and one warning naming it", async () => {
    await t.control("POST", "/_emulator/faults", [
      {
        service: "vpc-lattice",
        operation: "ListServiceNetworkVpcEndpointAssociations",
        error: { code: "AccessDeniedException", statusCode: 403 },
      },
    ]);
    const { status, body } = await refresh();
    expect(status).toBe(200);
    expect(body.warnings).toEqual([
      expect.objectContaining({
        code: "AccessDenied",
        service: "vpc-lattice",
        operation: "ListServiceNetworkVpcEndpointAssociations",
        awsCode: "AccessDeniedException",
        iamAction: "vpc-lattice:ListServiceNetworkVpcEndpointAssociations",
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
    ]);
    expect(body.nodes.some((n) => n.id === "snra-0258ae5ca1fffbb4a")).toBe(true);
    expect(body.nodes.filter((n) => n.kind === "vpcEndpoint")).toHaveLength(2);
  });

  it("a denied List leaves its part out, with the impact said", async () => {
    await t.control("POST", "/_emulator/faults", [
      { service: "rds", operation: "DescribeDBClusters", error: { code: "AccessDenied", statusCode: 403 } },
    ]);
    const { body } = await refresh();
    expect(body.nodes.some((n) => n.kind === "dbCluster")).toBe(false);
    expect(body.nodes.some((n) => n.kind === "resourceAssociation")).toBe(true);
    expect(body.warnings[0]).toMatchObject({ operation: "DescribeDBClusters", iamAction: "rds:DescribeDBClusters" });
    expect(body.warnings[0]!.impact).toMatch(/Aurora/);
  });

  it("a throttling storm is retried by the SDK and the run completes without warnings", async () => {
    // Two throttles in a row on each of these: the second attempt of each call gets through.
    await t.control("POST", "/_emulator/faults", [
      {
        service: "vpc-lattice",
        operation: "ListServiceNetworks",
        count: 1,
        error: { code: "ThrottlingException", retryAfterSeconds: 0 },
      },
      { service: "ec2", operation: "DescribeVpcs", count: 1, error: { code: "RequestLimitExceeded" } },
    ]);
    const { status, body } = await refresh();
    expect(status).toBe(200);
    expect(body.warnings).toEqual([]);
    expect(body.nodes.filter((n) => n.kind === "vpc")).toHaveLength(4);
  });

  it("throttling that outlasts the retries becomes a Throttled warning, not a 500", async () => {
    await t.control("POST", "/_emulator/faults", [
      { service: "vpc-lattice", operation: "ListServices", error: { code: "ThrottlingException" } },
    ]);
    const { status, body } = await refresh();
    expect(status).toBe(200);
    expect(body.warnings.map((w) => [w.code, w.operation])).toEqual([["Throttled", "ListServices"]]);
    expect(body.nodes.some((n) => n.kind === "service")).toBe(false);
  });

  it("a hanging call times out into a warning; the request does not hang", async () => {
    await t.control("POST", "/_emulator/faults", [
      { service: "ec2", operation: "DescribeSecurityGroups", latencyMs: 60_000 },
    ]);
    const { status, body } = await refresh();
    expect(status).toBe(200);
    expect(body.warnings).toEqual([expect.objectContaining({ code: "Timeout", operation: "DescribeSecurityGroups" })]);
    expect(body.nodes.some((n) => n.kind === "securityGroup")).toBe(false);
  });

  it("expired credentials give a typed 401 and nothing is cached as empty", async () => {
    await t.control("POST", "/_emulator/faults", [
      {
        service: "sts",
        operation: "GetCallerIdentity",
        error: {
          code: "ExpiredToken",
          statusCode: 400,
          message: "The security token included in the request is expired",
        },
      },
    ]);
    // A new region has no cached identity, so discovery must ask STS.
    const response = await t.request({ method: "GET", url: "/api/topology?region=us-west-2&refresh=true" });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: "CREDENTIALS_EXPIRED", awsCode: "ExpiredToken" } });
    await t.control("DELETE", "/_emulator/faults");
    const after = await t.request({ method: "GET", url: "/api/topology?region=us-west-2" });
    expect(after.statusCode).toBe(200);
    expect(after.json<Topology>().stats.cached).toBe(false);
  });
});

describe("single flight", () => {
  it("twenty concurrent refreshes share one discovery run", async () => {
    await t.control("PUT", "/_emulator/effects", { latencyMs: 30 });
    await t.control("DELETE", "/_emulator/stats");
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => t.request({ method: "GET", url: "/api/topology?refresh=true" })),
    );
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    const calls = await t.calls();
    expect(calls["vpc-lattice:ListServiceNetworks"]).toBe(1);
    expect(calls["ec2:DescribeVpcs"]).toBe(1);
  });
});

describe("progress", () => {
  it("streams operations done of a known total while discovery runs", async () => {
    // Slow enough that discovery spans several 50 ms progress intervals, even on a loaded machine.
    await t.control("PUT", "/_emulator/effects", { latencyMs: 80 });
    const address = new URL(await t.app.listen({ port: 0, host: "127.0.0.1" }));
    // fetch() cannot set Host; node:http can (the Host check allows 127.0.0.1 on the configured port).
    const get = (path: string, onData?: (chunk: string) => boolean): Promise<{ status: number; text: string }> =>
      new Promise((resolve, reject) => {
        const request = http.get(
          { host: "127.0.0.1", port: address.port, path, headers: { host: "127.0.0.1:8080" } },
          (response) => {
            let text = "";
            response.setEncoding("utf8");
            response.on("data", (chunk: string) => {
              text += chunk;
              if (onData?.(text)) {
                request.destroy();
                resolve({ status: response.statusCode ?? 0, text });
              }
            });
            response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
          },
        );
        request.on("error", (error) => (request.destroyed ? undefined : reject(error)));
      });
    const events = get("/api/topology/events", (text) => text.includes("event: done"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const topology = await get("/api/topology?refresh=true");
    expect(topology.status).toBe(200);
    const { text } = await events;
    const progress = [...text.matchAll(/event: progress\ndata: (.*)\n/g)].map(
      (m) => JSON.parse(m[1]!) as { done: number; total: number },
    );
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.some((p) => p.done < p.total)).toBe(true);
    expect(progress.every((p) => p.done <= p.total)).toBe(true);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(text).toContain("event: done");
  });
});
