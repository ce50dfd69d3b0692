import { describe, expect, it } from "vitest";
import { activeFilters, filterKey, NO_FILTERS } from "./filter-summary";

const labels: Record<string, string> = { "vpc-1": "consumer-a", "sn-1": "prod-network" };
const labelOf = (id: string): string | undefined => labels[id];

describe("activeFilters", () => {
  it("is empty when no filter is on", () => {
    expect(activeFilters(NO_FILTERS, labelOf)).toEqual([]);
  });

  it("names each filter that is on, with the VPC's and network's names, and how to clear it", () => {
    const list = activeFilters(
      { ...NO_FILTERS, vpcs: ["vpc-1"], serviceNetworks: ["sn-1"], statuses: ["failed"], hiddenKinds: ["service"] },
      labelOf,
    );
    expect(list.map((f) => f.key)).toEqual(["vpcs", "serviceNetworks", "statuses", "hiddenKinds"]);
    expect(list[0]!.text).toBe("Only what consumer-a (vpc-1) reaches or is reached from");
    expect(list[0]!.clear).toEqual({ vpcs: [] });
    expect(list[1]!.text).toBe("Only what goes through prod-network (sn-1)");
    expect(list[2]!.text).toBe("Only status failed");
    expect(list[3]!.text).toContain("Hidden kinds:");
    expect(list[3]!.clear).toEqual({ hiddenKinds: [] });
  });

  it("falls back on the id when a node has no name, and lists accounts and regions of an estate", () => {
    const list = activeFilters({ ...NO_FILTERS, vpcs: ["vpc-9"], accounts: ["111"], regions: ["eu-west-1"] }, labelOf);
    expect(list.map((f) => f.text)).toEqual([
      "Only account 111",
      "Only region eu-west-1",
      "Only what vpc-9 reaches or is reached from",
    ]);
  });
});

describe("filterKey", () => {
  it("changes with any filter and only with filters", () => {
    const base = filterKey(NO_FILTERS);
    expect(filterKey({ ...NO_FILTERS })).toBe(base);
    expect(filterKey({ ...NO_FILTERS, vpcs: ["vpc-1"] })).not.toBe(base);
    expect(filterKey({ ...NO_FILTERS, statuses: ["ok"] })).not.toBe(base);
    expect(filterKey({ ...NO_FILTERS, regions: ["x"] })).not.toBe(filterKey({ ...NO_FILTERS, accounts: ["x"] }));
  });
});
