/**
 * Metrics and logs of the real app against the emulator: /metrics counts requests by route pattern and
 * status, AWS calls by operation and outcome (a denied call as access-denied), discoveries and cache hits;
 * every log line is JSON with the request's id, and no token from a URL reaches the log.
 */
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/app.js";

let t: TestApp;
const lines: Array<Record<string, unknown>> = [];
let raw = "";

beforeAll(async () => {
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => {
    raw += chunk.toString();
    for (const line of chunk.toString().split("\n").filter(Boolean))
      lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  t = await startTestApp({ app: { logger: { stream } } });
}, 60_000);
afterAll(() => t.close());

/** The value of one sample of the exposition, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const body = /\{(.*)\}/.exec(line)?.[1] ?? "";
    const has = Object.entries(labels).every(([k, v]) => body.includes(`${k}="${v}"`));
    if (has) return Number(line.split(" ").pop());
  }
  return undefined;
}

const metrics = async (): Promise<string> => {
  const response = await t.request({ method: "GET", url: "/metrics" });
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toContain("text/plain");
  return response.body;
};

describe("GET /metrics", () => {
  it("counts requests by route and status, AWS calls by operation and outcome, discoveries and cache hits", async () => {
    await t.control("POST", "/_emulator/faults", [
      { service: "ec2", operation: "DescribeNetworkAcls", error: { code: "UnauthorizedOperation", statusCode: 403 } },
    ]);
    try {
      expect((await t.request({ method: "GET", url: "/api/topology" })).statusCode).toBe(200);
      expect((await t.request({ method: "GET", url: "/api/topology" })).statusCode).toBe(200);
      expect((await t.request({ method: "GET", url: "/api/views/vnothere00" })).statusCode).toBe(404);
    } finally {
      await t.control("DELETE", "/_emulator/faults");
    }
    const text = await metrics();
    expect(sample(text, "atlas_http_requests_total", { route: "/api/topology", method: "GET", status: "200" })).toBe(2);
    // The route's pattern, not the id asked for.
    expect(sample(text, "atlas_http_requests_total", { route: "/api/views/:id", status: "404" })).toBe(1);
    expect(text).not.toContain("vnothere00");
    expect(sample(text, "atlas_topology_cache_lookups_total", { result: "miss" })).toBe(1);
    expect(sample(text, "atlas_topology_cache_lookups_total", { result: "hit" })).toBe(1);
    expect(sample(text, "atlas_discovery_duration_seconds_count", { outcome: "ok" })).toBe(1);
    expect(
      sample(text, "atlas_aws_calls_total", { service: "lattice", operation: "ListServiceNetworks", outcome: "ok" }),
    ).toBe(1);
    expect(
      sample(text, "atlas_aws_calls_total", {
        service: "ec2",
        operation: "DescribeNetworkAcls",
        outcome: "access-denied",
      }),
    ).toBe(1);
    // Every call the emulator served was counted once (retries are inside one call).
    const served = Object.entries(await t.calls()).reduce((sum, [, n]) => sum + n, 0);
    const counted = text
      .split("\n")
      .filter((line) => line.startsWith("atlas_aws_calls_total{"))
      .reduce((sum, line) => sum + Number(line.split(" ").pop()), 0);
    expect(counted).toBeGreaterThan(10);
    expect(counted).toBeLessThanOrEqual(served);
    expect(sample(text, "atlas_changes_in_flight")).toBe(0);
    expect(sample(text, "atlas_process_resident_memory_bytes")).toBeGreaterThan(0);
  });
});

describe("structured logs", () => {
  it("are JSON lines carrying the request id, the proxy's when it is plain, and no token from a URL", async () => {
    lines.length = 0;
    const given = await t.request({
      method: "GET",
      url: "/healthz?token=s3cr3t-token&code=auth-code-123&state=st4te",
      headers: { "x-request-id": "lb-7f3a.1" },
    });
    expect(given.headers["x-request-id"]).toBe("lb-7f3a.1");
    const forged = await t.request({
      method: "GET",
      url: "/healthz",
      headers: { "x-request-id": 'x" injected\nline' },
    });
    const minted = String(forged.headers["x-request-id"]);
    expect(minted).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 50));

    const ofGiven = lines.filter((l) => l.requestId === "lb-7f3a.1");
    expect(ofGiven.map((l) => l.msg)).toEqual(["incoming request", "request completed"]);
    expect(ofGiven[0]).toMatchObject({ level: 30, req: { method: "GET", url: expect.stringContaining("/healthz?") } });
    expect(ofGiven[1]).toMatchObject({ res: { statusCode: 200 }, responseTime: expect.any(Number) });
    expect(lines.filter((l) => l.requestId === minted)).toHaveLength(2);
    for (const secret of ["s3cr3t-token", "auth-code-123", "st4te", "injected"]) expect(raw).not.toContain(secret);
    expect(raw).toContain("token=[redacted]&code=[redacted]&state=[redacted]");
  });
});
