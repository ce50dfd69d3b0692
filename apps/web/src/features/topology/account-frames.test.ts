import type { GraphNode, Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { accountBlocksFor } from "./account-frames";

const vpc = (id: string, accountId?: string): GraphNode =>
  ({ id, kind: "vpc", label: id, ...(accountId ? { accountId } : {}), data: {} }) as unknown as GraphNode;

const topology = (estate: boolean): Topology =>
  ({
    accountId: "111122223333",
    ...(estate
      ? {
          estate: {
            hubAccountId: "111122223333",
            roleName: "R",
            regions: ["us-east-1"],
            accounts: [
              { accountId: "111122223333", name: "hub", status: "readable", regions: [] },
              { accountId: "333344445555", name: "data", status: "readable", regions: [] },
              { accountId: "222233334444", name: "networking", status: "readable", regions: [] },
            ],
          },
        }
      : {}),
  }) as unknown as Topology;

describe("accountBlocksFor", () => {
  const nodes = [vpc("a", "222233334444"), vpc("b", "333344445555"), vpc("c")];
  const byId = new Map(nodes.map((n) => [n.id, n]));

  it("frames an estate's accounts in the summary's order, named, a node without an account in the hub's", () => {
    const blocks = accountBlocksFor(topology(true), byId, ["a", "b", "c"])!;
    expect(blocks.blocks).toEqual([
      { accountId: "111122223333", label: "hub · 111122223333" },
      { accountId: "333344445555", label: "data · 333344445555" },
      { accountId: "222233334444", label: "networking · 222233334444" },
    ]);
    expect(blocks.accountOf("c")).toBe("111122223333");
  });

  it("draws no frame for one account shown, nor outside an estate", () => {
    expect(accountBlocksFor(topology(true), byId, ["a"])).toBeUndefined();
    expect(accountBlocksFor(topology(false), byId, ["a", "b"])).toBeUndefined();
  });
});
