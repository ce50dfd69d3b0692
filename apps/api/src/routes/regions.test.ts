/** GET /api/regions through real HTTP against the emulator: where a source's Lattice things are, Region by Region. */
import {
  CreateServiceNetworkCommand,
  ListResourceConfigurationsCommand,
  ListServicesCommand,
  ListServiceNetworksCommand,
  VPCLatticeClient,
} from "@aws-sdk/client-vpc-lattice";
import { DescribeVpcEndpointsCommand, EC2Client } from "@aws-sdk/client-ec2";
import type { ApiErrorBody, HealthResponse, RegionsResponse } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SourceRegistry } from "../sources/registry.js";
import { createRegionCensus } from "../sources/census.js";
import { startTestApp, type TestApp } from "../testing/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ scenario: "field-report" });
});
afterAll(() => t.close());

const credentials = { accessKeyId: "test", secretAccessKey: "test" };
const census = async (app: TestApp = t, query = "") => {
  const response = await app.request({ method: "GET", url: `/api/regions${query}` });
  return { status: response.statusCode, body: response.json<RegionsResponse & ApiErrorBody>() };
};

/** What the emulator itself lists in a Region, asked with the SDK directly. */
async function listed(region: string) {
  const lattice = new VPCLatticeClient({ region, endpoint: t.emulator.url, credentials });
  const ec2 = new EC2Client({ region, endpoint: t.emulator.url, credentials });
  try {
    return {
      serviceNetworks: (await lattice.send(new ListServiceNetworksCommand({}))).items?.length ?? 0,
      resourceConfigurations: (await lattice.send(new ListResourceConfigurationsCommand({}))).items?.length ?? 0,
      services: (await lattice.send(new ListServicesCommand({}))).items?.length ?? 0,
      vpcEndpoints:
        (
          await ec2.send(
            new DescribeVpcEndpointsCommand({
              Filters: [{ Name: "vpc-endpoint-type", Values: ["Resource", "ServiceNetwork"] }],
            }),
          )
        ).VpcEndpoints?.length ?? 0,
    };
  } finally {
    lattice.destroy();
    ec2.destroy();
  }
}

describe("GET /api/regions", () => {
  it("counts the Region with things and names every enabled Region it asked, empty ones included", async () => {
    await t.control("DELETE", "/_emulator/stats");
    const { status, body } = await census();
    const calls = await t.calls();
    expect(status).toBe(200);
    expect(body.source).toBe("emulator");
    expect(body.accountId).toMatch(/^\d{12}$/);
    expect(body.warnings).toEqual([]);
    expect(body.cached).toBe(false);
    // field-report lives in ap-northeast-1 alone: that is the one Region listed, with what the emulator lists there.
    expect(body.regions.map((r) => r.region)).toEqual(["ap-northeast-1"]);
    const tokyo = body.regions[0]!;
    expect(tokyo.counts).toEqual(await listed("ap-northeast-1"));
    expect(tokyo.counts.serviceNetworks).toBeGreaterThan(0);
    expect(tokyo.counts.resourceConfigurations).toBeGreaterThan(0);
    expect(tokyo.capped).toEqual([]);
    expect(tokyo.complete).toBe(true);
    // The empty ones were asked (EC2 DescribeRegions: the enabled Regions, no opt-in one).
    expect(body.checked).toContain("us-east-1");
    expect(body.checked).toContain("eu-west-1");
    expect(body.checked).not.toContain("af-south-1");
    expect(calls["ec2:DescribeRegions"]).toBe(1);
    expect(calls["vpc-lattice:ListServiceNetworks"]).toBe(body.checked.length);
    expect(calls["ec2:DescribeVpcEndpoints"]).toBe(body.checked.length);
    // Asked again within minutes: the cached answer, no call.
    await t.control("DELETE", "/_emulator/stats");
    const again = await census(t, "?source=emulator");
    expect(again.body.cached).toBe(true);
    expect(again.body.regions).toEqual(body.regions);
    expect(Object.keys(await t.calls())).toEqual([]);
  });

  it("lists a second Region once something is there, most things first", async () => {
    const dublin = new VPCLatticeClient({ region: "eu-west-1", endpoint: t.emulator.url, credentials });
    await dublin.send(new CreateServiceNetworkCommand({ name: "census-dublin" }));
    dublin.destroy();
    const fresh = await startTestApp({ emulator: t.emulator });
    try {
      const { body } = await census(fresh);
      expect(body.regions.map((r) => r.region)).toEqual(["ap-northeast-1", "eu-west-1"]);
      expect(body.regions[1]!.counts).toEqual({
        serviceNetworks: 1,
        resourceConfigurations: 0,
        services: 0,
        vpcEndpoints: 0,
      });
    } finally {
      await fresh.close();
    }
  });

  it("a denied List is a warning naming the Region, the call and the permission; the rest is counted", async () => {
    await t.control("POST", "/_emulator/faults", [
      {
        service: "vpc-lattice",
        operation: "ListServices",
        region: "ap-northeast-1",
        error: { code: "AccessDeniedException", statusCode: 403 },
      },
    ]);
    const fresh = await startTestApp({ emulator: t.emulator });
    try {
      const { status, body } = await census(fresh);
      expect(status).toBe(200);
      expect(body.warnings).toEqual([
        expect.objectContaining({
          code: "AccessDenied",
          region: "ap-northeast-1",
          operation: "ListServices",
          iamAction: "vpc-lattice:ListServices",
        }),
      ]);
      const tokyo = body.regions.find((r) => r.region === "ap-northeast-1")!;
      expect(tokyo.complete).toBe(false);
      expect(tokyo.counts.serviceNetworks).toBeGreaterThan(0);
      expect(tokyo.counts.services).toBe(0);
    } finally {
      await fresh.close();
      await t.control("DELETE", "/_emulator/faults");
    }
  });

  it("every count denied is the source's error, never 'holds nothing'; DescribeRegions denied falls back to the default Regions", async () => {
    await t.control("POST", "/_emulator/faults", [
      { service: "vpc-lattice", error: { code: "AccessDeniedException", statusCode: 403 } },
      { service: "ec2", error: { code: "UnauthorizedOperation", statusCode: 403 } },
    ]);
    const fresh = await startTestApp({ emulator: t.emulator });
    try {
      const { status, body } = await census(fresh);
      expect(status).toBe(403);
      expect(body.error.code).toBe("ACCESS_DENIED");
    } finally {
      await fresh.close();
      await t.control("DELETE", "/_emulator/faults");
    }
  });

  it("says a count is a lower bound when the listing has more pages than the cap", async () => {
    const registry = new SourceRegistry({
      emulatorUrl: t.emulator.url,
      defaultSource: "emulator",
      allowAwsMutations: false,
    });
    try {
      const capped = createRegionCensus({ registry, paging: { latticePageSize: 1, maxPages: 2 } });
      const answer = await capped.census("emulator");
      const tokyo = answer.regions.find((r) => r.region === "ap-northeast-1")!;
      const real = await listed("ap-northeast-1");
      expect(real.resourceConfigurations).toBeGreaterThan(2);
      expect(tokyo.counts.resourceConfigurations).toBe(2);
      expect(tokyo.capped).toContain("resourceConfigurations");
      expect(tokyo.capped).not.toContain("vpcEndpoints");
    } finally {
      registry.close();
    }
  });

  it("refuses an estate or a snapshot (they have their own Regions) and an unknown source, naming the field", async () => {
    const unknown = await census(t, "?source=profile:nobody-here");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.field).toBe("source");
    const bad = await census(t, "?source=nonsense");
    expect(bad.status).toBe(400);
  });
});

describe("GET /api/health: the age past which the console refreshes a picture", () => {
  it("is --refresh-after's minutes (default 10, 0 for never)", async () => {
    const health = async (app: TestApp) =>
      (await app.request({ method: "GET", url: "/api/health" })).json<HealthResponse>().refreshAfterMinutes;
    expect(await health(t)).toBe(10);
    for (const minutes of [2.5, 0]) {
      const other = await startTestApp({ emulator: t.emulator, app: { refreshAfterMinutes: minutes } });
      try {
        expect(await health(other)).toBe(minutes);
      } finally {
        await other.close();
      }
    }
  });
});
