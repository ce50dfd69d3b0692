import { afterEach, describe, expect, it } from "vitest";
import { createEmulator } from "../index.js";
import { largeScenario, parseLargeParams } from "../scenarios/large.js";
import { loadScenario } from "../scenarios/loader.js";
import { emptyRegionState, type RegionState } from "./region.js";
import { checkIndexes, Table } from "./indexes.js";

interface Item {
  id: string;
  group: string;
}

// A table over a collection of the region state, as the services declare theirs.
const table = new Table<Item>("test.items", (state) => state.lattice.tags as unknown as Record<string, Item>);
const byGroup = table.index("byGroup", (item) => item.group);

const fresh = (): RegionState => emptyRegionState("111122223333", "us-east-1");
const ids = (items: Item[]) => items.map((i) => i.id);

let previous: boolean | undefined;
afterEach(() => {
  if (previous !== undefined) checkIndexes(previous);
  previous = undefined;
});

describe("record indexes", () => {
  it("builds lazily from records already there, then follows put", () => {
    const state = fresh();
    const items = state.lattice.tags as unknown as Record<string, Item>;
    items.a = { id: "a", group: "g1" };
    items.b = { id: "b", group: "g2" };
    expect(ids(byGroup.get(state, "g1"))).toEqual(["a"]);
    table.put(state, "c", { id: "c", group: "g1" });
    expect(ids(byGroup.get(state, "g1"))).toEqual(["a", "c"]);
    expect(byGroup.has(state, "g3")).toBe(false);
    expect(byGroup.find(state, "g1", (i) => i.id === "c")?.id).toBe("c");
  });

  it("drops removed records and re-files changed ones without a hook", () => {
    const state = fresh();
    table.put(state, "a", { id: "a", group: "g1" });
    table.put(state, "b", { id: "b", group: "g1" });
    const items = state.lattice.tags as unknown as Record<string, Item>;
    delete items.a;
    expect(ids(byGroup.get(state, "g1"))).toEqual(["b"]);
    items.b!.group = "g2";
    expect(ids(byGroup.get(state, "g1"))).toEqual([]);
    expect(ids(byGroup.get(state, "g2"))).toEqual(["b"]);
  });

  it("is per collection object: a replaced collection (import, reset) gets a fresh index", () => {
    const state = fresh();
    table.put(state, "a", { id: "a", group: "g1" });
    expect(byGroup.get(state, "g1")).toHaveLength(1);
    state.lattice.tags = { z: { id: "z", group: "g1" } } as never;
    expect(ids(byGroup.get(state, "g1"))).toEqual(["z"]);
  });

  it("with checks on, a record stored without put is reported", () => {
    previous = checkIndexes(true);
    const state = fresh();
    table.put(state, "a", { id: "a", group: "g1" });
    expect(byGroup.get(state, "g1")).toHaveLength(1);
    (state.lattice.tags as unknown as Record<string, Item>).b = { id: "b", group: "g1" };
    expect(() => byGroup.get(state, "g1")).toThrow(/index test\.items\.byGroup is out of step/);
  });

  it("agree with full scans on every lookup while a scenario loads and is listed", () => {
    previous = checkIndexes(true);
    const emulator = createEmulator({ seed: "index-check" });
    const result = loadScenario(
      emulator,
      largeScenario(parseLargeParams({ serviceNetworks: 6, vpcs: 30, resourceConfigurations: 40, services: 8 })),
    );
    const ctx = emulator.context(result.accountId, result.region, "DescribeVpcEndpointAssociations");
    const ec2 = emulator.service("ec2")!.handlers;
    const lattice = emulator.service("vpc-lattice")!.handlers;
    expect(
      (ec2.DescribeVpcEndpointAssociations!({}, ctx) as { VpcEndpointAssociations: unknown[] }).VpcEndpointAssociations
        .length,
    ).toBeGreaterThan(0);
    expect((ec2.DescribeSecurityGroups!({}, ctx) as { SecurityGroups: unknown[] }).SecurityGroups).toHaveLength(
      30 * 1 + 3 * 3 + 27 * 2,
    );
    for (const id of Object.keys(ctx.state.lattice.serviceNetworks)) {
      lattice.ListServiceNetworkResourceAssociations!({ serviceNetworkIdentifier: id, includeChildren: true }, ctx);
      lattice.ListServiceNetworkVpcAssociations!({ serviceNetworkIdentifier: id }, ctx);
      lattice.GetServiceNetwork!({ serviceNetworkIdentifier: id }, ctx);
    }
  });
});
