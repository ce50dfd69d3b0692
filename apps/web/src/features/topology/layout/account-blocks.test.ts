import { describe, expect, it } from "vitest";
import { layoutAccountBlocksSteps } from "./account-blocks";
import type { LayoutNodeInput } from "./column-layout";
import { runToEnd } from "./steps";

const node = (id: string, column: number, extra: Partial<LayoutNodeInput> = {}): LayoutNodeInput => ({
  id,
  column,
  width: id.startsWith("wide") ? 300 : 160,
  height: 40,
  ...extra,
});

const ACCOUNT: Record<string, string> = {
  vpcA: "111111111111",
  epA: "111111111111",
  sgA: "111111111111",
  sn: "222222222222",
  wideCfg: "222222222222",
  db: "333333333333",
};

function layout() {
  const nodes = [
    node("epA", 2, { container: "vpcA" }),
    node("sgA", 1, { container: "vpcA" }),
    node("sn", 4),
    node("wideCfg", 6),
    node("db", 8),
  ];
  const edges = [
    { source: "epA", target: "sn" },
    { source: "sn", target: "wideCfg" },
    { source: "wideCfg", target: "db" },
  ];
  return runToEnd(
    layoutAccountBlocksSteps(
      [
        { accountId: "111111111111", label: "app · 111111111111" },
        { accountId: "222222222222", label: "networking · 222222222222" },
        { accountId: "333333333333", label: "data · 333333333333" },
      ],
      (id) => ACCOUNT[id]!,
      nodes,
      edges,
      [{ id: "vpcA", span: [0, 2] }],
    ),
  );
}

describe("layoutAccountBlocksSteps", () => {
  it("stacks one frame per account, top to bottom in the order given, without overlap", () => {
    const { frames } = layout();
    expect(frames.map((f) => f.accountId)).toEqual(["111111111111", "222222222222", "333333333333"]);
    for (let i = 1; i < frames.length; i++)
      expect(frames[i]!.rect.y).toBeGreaterThanOrEqual(frames[i - 1]!.rect.y + frames[i - 1]!.rect.height);
    expect(frames.map((f) => f.count)).toEqual([2, 2, 1]);
  });

  it("puts every node (and a container's children with it) inside its account's frame, under the header", () => {
    const { frames, rects } = layout();
    for (const [id, account] of Object.entries(ACCOUNT)) {
      const r = rects.get(id)!;
      const f = frames.find((x) => x.accountId === account)!.rect;
      expect(r.y, id).toBeGreaterThan(f.y);
      expect(r.y + r.height, id).toBeLessThanOrEqual(f.y + f.height);
      expect(r.x, id).toBeGreaterThanOrEqual(f.x);
      expect(r.x + r.width, id).toBeLessThanOrEqual(f.x + f.width);
    }
  });

  it("keeps columns in line from block to block (a wide node in one account widens its column in all)", () => {
    const { rects } = layout();
    // db (column 8) sits right of wideCfg (column 6, 300 px) though they are laid out in different blocks.
    expect(rects.get("db")!.x).toBeGreaterThan(rects.get("wideCfg")!.x + 300);
  });
});
