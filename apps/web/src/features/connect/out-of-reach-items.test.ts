import type { RowCheck, UnreachableTarget } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { outOfReachItems, outOfReachWeight } from "./out-of-reach-items";
import { groupByFix } from "./verdicts";

const NO_WAY: RowCheck = { verdict: "not-reachable", cannotTell: [], summary: "no way in" };
const row = (id: string, network: string): UnreachableTarget => ({
  target: { id, arn: `arn:${id}`, kind: "resourceConfiguration", name: id, description: "", ports: [] },
  reason: "This VPC has no way into the network.",
  fix: `Associate this VPC with ${network}.`,
  check: NO_WAY,
});

// On `large`, a consumer's 1,306 rows out of reach are 91 such groups; three make the point.
const groups = groupByFix([row("a1", "sn-a"), row("b1", "sn-b"), row("b2", "sn-b"), row("c1", "sn-c")]);

describe("outOfReachItems", () => {
  it("is one line per fix while every group is folded, each standing for its rows", () => {
    const items = outOfReachItems(groups, new Set());
    expect(items.map((i) => i.key)).toEqual([
      `fix:${groups[0]!.key}`,
      `fix:${groups[1]!.key}`,
      `fix:${groups[2]!.key}`,
    ]);
    expect(items.map(outOfReachWeight)).toEqual([2, 1, 1]);
    expect(items.reduce((n, i) => n + outOfReachWeight(i), 0)).toBe(4);
  });

  it("puts an open group's rows right after its line, each row one target and the line none", () => {
    const items = outOfReachItems(groups, new Set([groups[0]!.key]));
    expect(items.map((i) => (i.kind === "row" ? i.row.target.id : i.group.fixText))).toEqual([
      "Associate this VPC with sn-b.",
      "b1",
      "b2",
      "Associate this VPC with sn-a.",
      "Associate this VPC with sn-c.",
    ]);
    expect(items.map(outOfReachWeight)).toEqual([0, 1, 1, 1, 1]);
    expect(items[0]).toMatchObject({ kind: "group", open: true });
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });
});
