import type { EstateSummary } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { countWords, estateOverview, statusLine } from "./overview";

const estate: EstateSummary = {
  hubAccountId: "111122223333",
  roleName: "LatticeAtlasReadOnly",
  regions: ["ap-northeast-1", "us-east-1"],
  accounts: [
    {
      accountId: "222233334444",
      name: "networking",
      status: "readable",
      regions: [
        {
          region: "ap-northeast-1",
          status: "readable",
          counts: { vpc: 1, serviceNetwork: 2, resourceConfiguration: 4, securityGroup: 3 },
          warnings: 0,
        },
        { region: "us-east-1", status: "partial", counts: { serviceNetwork: 1 }, warnings: 2 },
      ],
    },
    {
      accountId: "777788889999",
      name: "legacy",
      status: "unreadable",
      reason: "assume-role denied",
      fix: "Let the hub assume arn:aws:iam::777788889999:role/LatticeAtlasReadOnly",
      regions: [],
    },
    { accountId: "888899990000", name: "retired", status: "skipped", reason: "suspended", regions: [] },
  ],
};

describe("the estate overview", () => {
  it("has a row per account and a cell per region of the estate, with what was read there", () => {
    const rows = estateOverview(estate);
    expect(rows.map((r) => r.accountId)).toEqual(["222233334444", "777788889999", "888899990000"]);
    expect(rows[0]!.cells).toEqual([
      {
        region: "ap-northeast-1",
        status: "readable",
        counts: ["1 VPC", "2 networks", "4 configurations"],
        warnings: 0,
      },
      { region: "us-east-1", status: "partial", counts: ["1 network"], warnings: 2 },
    ]);
  });

  it("gives an account that was not read its own status in every region, and keeps its fix", () => {
    const [, legacy, retired] = estateOverview(estate);
    expect(legacy!.cells.map((c) => c.status)).toEqual(["unreadable", "unreadable"]);
    expect(legacy!.fix).toContain("777788889999:role/LatticeAtlasReadOnly");
    expect(retired!.cells.map((c) => c.status)).toEqual(["skipped", "skipped"]);
  });

  it("counts only the kinds people look for, singular or plural", () => {
    expect(countWords({ vpcEndpoint: 1, service: 2, target: 9 })).toEqual(["2 services", "1 endpoint"]);
    expect(countWords({})).toEqual([]);
  });

  it("sums the estate up in one line", () => {
    expect(statusLine(estateOverview(estate))).toBe("1 readable · 1 unreadable · 1 skipped");
  });
});
