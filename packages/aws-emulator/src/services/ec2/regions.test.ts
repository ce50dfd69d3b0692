import { CreateVpcCommand, DescribeRegionsCommand } from "@aws-sdk/client-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("DescribeRegions", () => {
  it("lists the Regions enabled for the account, with their endpoints", async () => {
    const out = await h.ec2.send(new DescribeRegionsCommand({}));
    const regions = out.Regions ?? [];
    const names = regions.map((r) => r.RegionName);
    expect(names).toContain("ap-northeast-1");
    expect(names).toContain("us-east-1");
    expect(names).not.toContain("af-south-1");
    expect(names).toEqual([...names].sort());
    for (const r of regions) {
      expect(r.Endpoint).toBe(`ec2.${r.RegionName}.amazonaws.com`);
      expect(r.OptInStatus).toBe("opt-in-not-required");
    }
  });

  it("lists opt-in Regions with AllRegions, and one as opted in once the account has state there", async () => {
    const all = await h.ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(all.Regions?.find((r) => r.RegionName === "af-south-1")?.OptInStatus).toBe("not-opted-in");
    const cape = h.clientsFor("test", "af-south-1");
    await cape.ec2.send(new CreateVpcCommand({ CidrBlock: "10.9.0.0/16" }));
    const after = await h.ec2.send(new DescribeRegionsCommand({}));
    cape.ec2.destroy();
    expect(after.Regions?.find((r) => r.RegionName === "af-south-1")?.OptInStatus).toBe("opted-in");
  });

  it("filters by name, status and endpoint, and refuses a Region it does not know", async () => {
    const named = await h.ec2.send(new DescribeRegionsCommand({ RegionNames: ["eu-west-1", "me-south-1"] }));
    expect(named.Regions?.map((r) => [r.RegionName, r.OptInStatus])).toEqual([
      ["eu-west-1", "opt-in-not-required"],
      ["me-south-1", "not-opted-in"],
    ]);
    const optIn = await h.ec2.send(
      new DescribeRegionsCommand({ AllRegions: true, Filters: [{ Name: "opt-in-status", Values: ["not-opted-in"] }] }),
    );
    expect(optIn.Regions?.every((r) => r.OptInStatus === "not-opted-in")).toBe(true);
    expect(optIn.Regions?.length).toBeGreaterThan(5);
    const byEndpoint = await h.ec2.send(
      new DescribeRegionsCommand({ Filters: [{ Name: "endpoint", Values: ["ec2.us-*"] }] }),
    );
    expect(byEndpoint.Regions?.map((r) => r.RegionName)).toEqual(["us-east-1", "us-east-2", "us-west-1", "us-west-2"]);
    const bad = await sdkError(() => h.ec2.send(new DescribeRegionsCommand({ RegionNames: ["moon-1"] })));
    expect(bad.name).toBe("InvalidParameterValue");
    expect(bad.message).toContain("moon-1");
  });
});
