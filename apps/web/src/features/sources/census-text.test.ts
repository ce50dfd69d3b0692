import type { RegionCount } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { censusText } from "./census-text";

const row = (over: Partial<RegionCount>): RegionCount => ({
  region: "ap-northeast-1",
  counts: { serviceNetworks: 0, resourceConfigurations: 0, services: 0, vpcEndpoints: 0 },
  capped: [],
  complete: true,
  ...over,
});

describe("censusText", () => {
  it("names what a Region holds, singular or plural, zeros left out", () => {
    expect(
      censusText(row({ counts: { serviceNetworks: 1, resourceConfigurations: 3, services: 0, vpcEndpoints: 2 } })),
    ).toBe("1 service network, 3 resource configurations, 2 VPC endpoints");
  });

  it("says ≥ N for a listing stopped at its page cap, and when a count failed", () => {
    expect(
      censusText(
        row({
          counts: { serviceNetworks: 0, resourceConfigurations: 1500, services: 1, vpcEndpoints: 0 },
          capped: ["resourceConfigurations"],
          complete: false,
        }),
      ),
    ).toBe("≥ 1,500 resource configurations, 1 service (not all counted)");
    expect(censusText(row({ complete: false }))).toBe("nothing counted (not all counted)");
  });
});
