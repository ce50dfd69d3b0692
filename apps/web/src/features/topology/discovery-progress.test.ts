import { describe, expect, it } from "vitest";
import { estateProgressText } from "./components/DiscoveryBar";

describe("discovery progress in an estate", () => {
  it("names the account and region being read and how many accounts are done", () => {
    expect(
      estateProgressText({
        phase: "discover",
        done: 12,
        total: 40,
        accountId: "666677778888",
        region: "ap-northeast-1",
        accountsDone: 3,
        accountsTotal: 8,
      }),
    ).toBe(" · account 666677778888 ap-northeast-1 · 3 of 8 accounts");
  });

  it("says nothing more for one account", () => {
    expect(estateProgressText({ phase: "discover", done: 1, total: 2 })).toBe("");
  });
});
