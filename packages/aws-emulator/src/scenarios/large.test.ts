import { describe, expect, it } from "vitest";
import { createEmulator } from "../index.js";
import { largeScenario, LARGE_DEFAULTS, parseLargeParams } from "./large.js";
import { loadScenario } from "./loader.js";

describe("the large scenario generator", () => {
  it("produces the requested counts at the default quotas", () => {
    const doc = largeScenario(LARGE_DEFAULTS);
    expect(doc.serviceNetworks).toHaveLength(50);
    expect(doc.vpcs).toHaveLength(500);
    expect(doc.services).toHaveLength(125);
    expect(doc.resourceConfigurations).toHaveLength(1250);
    expect(new Set(doc.resourceConfigurations!.map((c) => c.type))).toEqual(
      new Set(["ARN", "SINGLE", "GROUP", "CHILD"]),
    );
    expect(doc.endpoints!.some((e) => e.type === "Resource")).toBe(true);
    expect(doc.endpoints!.some((e) => e.type === "ServiceNetwork")).toBe(true);
  });

  it("loads through the real handlers, with every association settled", () => {
    const emulator = createEmulator({ seed: "large-test" });
    const result = loadScenario(
      emulator,
      largeScenario(parseLargeParams({ serviceNetworks: 5, vpcs: 40, resourceConfigurations: 60, services: 10 })),
    );
    const state = emulator.region(result.accountId, result.region);
    expect(Object.keys(state.lattice.serviceNetworks)).toHaveLength(5);
    expect(Object.keys(state.ec2.vpcs)).toHaveLength(40);
    expect(Object.values(state.lattice.resourceConfigurations).filter((c) => !c.amazonManaged)).toHaveLength(60);
    expect(Object.values(state.lattice.vpcAssociations).every((a) => a.status === "ACTIVE")).toBe(true);
    expect(Object.values(state.ec2.vpcEndpoints).every((e) => e.State === "Available")).toBe(true);
    expect(state.pending).toHaveLength(0);
  });

  it("is deterministic under a seed", () => {
    const ids = (seed: string) => {
      const emulator = createEmulator({ seed });
      const result = loadScenario(
        emulator,
        largeScenario(parseLargeParams({ serviceNetworks: 2, vpcs: 4, resourceConfigurations: 5, services: 2 })),
      );
      return result.ids;
    };
    expect(ids("s1")).toEqual(ids("s1"));
    expect(ids("s1")).not.toEqual(ids("s2"));
  });

  it("rejects parameters beyond the quotas", () => {
    expect(() => parseLargeParams({ serviceNetworks: 51 })).toThrow(/serviceNetworks must be an integer from 1 to 50/);
    expect(() => parseLargeParams({ vpcs: "many" })).toThrow(/vpcs/);
  });
});
