/**
 * Discovery under faults, over real HTTP against the emulator: one deadline per discovery, a failed refresh
 * that keeps the last complete picture, a read where everything failed as an error (never an empty
 * account), and throttling named as throttling when it outlasts a call's time.
 */
import type { Topology } from "@lattice-atlas/shared";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.control("DELETE", "/_emulator/faults");
});
afterAll(() => t.close());

/** A second app on the same emulator: its cache is empty, so its first read is a first read. */
async function withFreshApp<T>(
  fn: (app: TestApp) => Promise<T>,
  options: Parameters<typeof startTestApp>[0] = {},
): Promise<T> {
  const app = await startTestApp({ emulator: t.emulator, ...options });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

const EVERY_SERVICE_DENIED = ["vpc-lattice", "ec2", "rds", "lambda"].map((service) => ({
  service,
  error: {
    code: service === "vpc-lattice" || service === "lambda" ? "AccessDeniedException" : "AccessDenied",
    statusCode: 403,
  },
}));

describe("one deadline per discovery", () => {
  it("returns what was read by the deadline, with a warning naming the operation it cut", async () => {
    await t.control("POST", "/_emulator/faults", [
      { service: "vpc-lattice", operation: "ListResourceConfigurations", latencyMs: 20_000 },
    ]);
    const { status, body } = await withFreshApp(
      async (app) => {
        const response = await app.request({ method: "GET", url: "/api/topology" });
        return { status: response.statusCode, body: response.json<Topology>() };
      },
      { app: { discoveryDeadlineMs: 1_500, runner: { timeoutMs: 10_000 } } },
    );
    expect(status).toBe(200);
    expect(body.warnings).toEqual([
      expect.objectContaining({ code: "Deadline", operation: "ListResourceConfigurations" }),
    ]);
    expect(body.warnings[0]!.message).toMatch(/deadline/);
    expect(body.warnings[0]!.impact).toMatch(/Resource configurations are missing/);
    // Everything else was read in time.
    expect(body.nodes.filter((n) => n.kind === "vpc")).toHaveLength(4);
    expect(body.nodes.some((n) => n.kind === "serviceNetwork")).toBe(true);
    expect(body.nodes.some((n) => n.kind === "resourceConfiguration")).toBe(false);
  });
});

describe("a refresh with failures never replaces a complete picture", () => {
  it("keeps the complete picture and shows the refresh's warnings on it", async () => {
    const first = await t.request({ method: "GET", url: "/api/topology?refresh=true" });
    expect(first.json<Topology>().warnings).toEqual([]);
    await t.control("POST", "/_emulator/faults", [
      { service: "rds", operation: "DescribeDBClusters", error: { code: "AccessDenied", statusCode: 403 } },
    ]);
    const refreshed = await t.request({ method: "GET", url: "/api/topology?refresh=true" });
    expect(refreshed.statusCode).toBe(200);
    const body = refreshed.json<Topology>();
    expect(body.nodes.some((n) => n.kind === "dbCluster")).toBe(true);
    expect(body.warnings.map((w) => [w.code, w.operation])).toEqual([["AccessDenied", "DescribeDBClusters"]]);
    expect(body.warnings[0]!.impact).toMatch(/last complete one/);
    expect(body.stats.cached).toBe(true);
    expect(refreshed.headers.etag).not.toBe(first.headers.etag);
    // Connect still answers from the complete picture.
    const vpc = body.nodes.find((n) => n.kind === "vpc")!.id;
    expect((await t.request({ method: "GET", url: `/api/connect?from=${vpc}` })).statusCode).toBe(200);
    await t.control("DELETE", "/_emulator/faults");
    const healed = await t.request({ method: "GET", url: "/api/topology?refresh=true" });
    expect(healed.json<Topology>().warnings).toEqual([]);
    expect(healed.json<Topology>().stats.cached).toBe(false);
  });

  it("a refresh where every call fails keeps the picture too", async () => {
    await t.request({ method: "GET", url: "/api/topology?refresh=true" });
    await t.control("POST", "/_emulator/faults", EVERY_SERVICE_DENIED);
    const refreshed = await t.request({ method: "GET", url: "/api/topology?refresh=true" });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json<Topology>().nodes.filter((n) => n.kind === "vpc")).toHaveLength(4);
    expect(refreshed.json<Topology>().warnings.length).toBeGreaterThan(5);
  });
});

describe("a read where everything failed is an error, not an empty account", () => {
  it("answers a typed error to the topology and to Connect, and caches nothing", async () => {
    const vpc = (await t.request({ method: "GET", url: "/api/topology" }))
      .json<Topology>()
      .nodes.find((n) => n.kind === "vpc")!.id;
    await t.control("POST", "/_emulator/faults", EVERY_SERVICE_DENIED);
    await withFreshApp(async (app) => {
      const connect = await app.request({ method: "GET", url: `/api/connect?from=${vpc}` });
      expect(connect.statusCode).toBe(403);
      expect(connect.json().error.code).toBe("ACCESS_DENIED");
      expect(connect.json().error.message).toMatch(/read nothing/);
      expect(connect.body).not.toMatch(/not in this account/);
      const topology = await app.request({ method: "GET", url: "/api/topology" });
      expect(topology.statusCode).toBe(403);
      expect(topology.json().error.message).toMatch(/every call failed/);
      await t.control("DELETE", "/_emulator/faults");
      const after = await app.request({ method: "GET", url: "/api/topology" });
      expect(after.statusCode).toBe(200);
      expect(after.json<Topology>().stats.cached).toBe(false);
      expect(after.json<Topology>().nodes.length).toBeGreaterThan(20);
    });
  });

  it("when the VPCs could not be read, Connect says it cannot tell instead of 'not in this account'", async () => {
    const vpc = (await t.request({ method: "GET", url: "/api/topology" }))
      .json<Topology>()
      .nodes.find((n) => n.kind === "vpc")!.id;
    await t.control("POST", "/_emulator/faults", [
      { service: "ec2", operation: "DescribeVpcs", error: { code: "UnauthorizedOperation", statusCode: 403 } },
    ]);
    await withFreshApp(async (app) => {
      const connect = await app.request({ method: "GET", url: `/api/connect?from=${vpc}` });
      expect(connect.statusCode).toBe(403);
      expect(connect.json().error).toMatchObject({ code: "ACCESS_DENIED", field: "from" });
      expect(connect.json().error.message).toMatch(/DescribeVpcs/);
      expect(connect.body).not.toMatch(/not in this account/);
    });
  });
});

describe("an AWS error message is passed on bounded and cleaned", () => {
  it("keeps the code; strips control characters and caps the length", async () => {
    const message = `\u001b[2J\u001b[31mpwned\u0007\r\n%%{init: {"theme":"dark"}}%% <img src=x onerror=alert(1)> ${"x".repeat(6000)}`;
    await t.control("POST", "/_emulator/faults", [
      {
        service: "vpc-lattice",
        operation: "ListTargetGroups",
        error: { code: "InternalServerException", statusCode: 500, message },
      },
    ]);
    await withFreshApp(async (app) => {
      const body = (await app.request({ method: "GET", url: "/api/topology" })).json<Topology>();
      const warning = body.warnings.find((w) => w.operation === "ListTargetGroups")!;
      expect(warning.awsCode).toBe("InternalServerException");
      // eslint-disable-next-line no-control-regex -- asserting there are none
      expect(warning.message).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(warning.message.length).toBeLessThan(500);
      expect(warning.message).toContain("pwned");
    });
  });
});

describe("throttling is named as throttling", () => {
  it("a call throttled until its time runs out is a Throttled warning, not a Timeout", async () => {
    // Each attempt is throttled with Retry-After 5 s: the SDK waits past the call's 3 s limit.
    await t.control("POST", "/_emulator/faults", [
      {
        service: "vpc-lattice",
        operation: "ListServices",
        error: { code: "ThrottlingException", retryAfterSeconds: 5 },
      },
    ]);
    await withFreshApp(async (app) => {
      const body = (await app.request({ method: "GET", url: "/api/topology" })).json<Topology>();
      expect(body.warnings.map((w) => [w.code, w.operation, w.awsCode])).toEqual([
        ["Throttled", "ListServices", "ThrottlingException"],
      ]);
      expect(body.warnings[0]!.message).not.toMatch(/timeout|abort/i);
    });
  });
});
