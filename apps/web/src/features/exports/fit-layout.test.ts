import type { Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { EMPTY_VIEW } from "../../lib/url-state";
import fieldReport from "../topology/fixtures/field-report.json";
import { toFlowGraph } from "../topology/to-flow-graph";
import { toExportModel } from "./export-model";
import { fitAxis, fitLayout, type FitBox, type FitRect } from "./fit-layout";

const overlap = (a: FitRect, b: FitRect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (child: FitRect, parent: FitRect): boolean =>
  child.x >= parent.x &&
  child.y >= parent.y &&
  child.x + child.width <= parent.x + parent.width + 1e-9 &&
  child.y + child.height <= parent.y + parent.height + 1e-9;

describe("fitAxis", () => {
  it("stretches each stretch to what the boxes ending there need, and never shrinks one", () => {
    // Two boxes in different columns, overlapping in y: [0, 62] needs 120, [30, 92] needs 120.
    const f = fitAxis(
      [
        { start: 0, end: 62, need: 120 },
        { start: 30, end: 92, need: 120 },
        { start: 100, end: 150, need: 10 },
      ],
      [0, 200],
    );
    expect([f(0), f(30), f(62), f(92), f(100), f(150), f(200)]).toEqual([0, 30, 120, 150, 158, 208, 258]);
    // Between breakpoints, linear; outside, shifted.
    expect(f(15)).toBe(15);
    expect(f(125)).toBe(183);
    expect(f(-5)).toBe(-5);
    expect(f(210)).toBe(268);
  });

  it("lets a stretch that no box covers (a container's emptied columns) keep at most maxGap", () => {
    const f = fitAxis(
      [
        { start: 0, end: 800, need: 100 },
        { start: 16, end: 100, need: 84, solid: true },
        { start: 600, end: 700, need: 300, solid: true },
      ],
      [0, 800],
      72,
    );
    // 100 → 600 is empty inside the container: 500 px become 72; the boxes keep (or grow to) their length.
    expect([f(16), f(100), f(600), f(700), f(800)]).toEqual([16, 100, 172, 472, 544]);
  });

  it("refuses a box that ends before it starts, naming both ends", () => {
    expect(() => fitAxis([{ start: 10, end: 5, need: 1 }], [0, 10])).toThrow(/ends \(5\) before it starts \(10\)/);
  });
});

describe("fitLayout on the field report", () => {
  const model = toExportModel(toFlowGraph(fieldReport as unknown as Topology, EMPTY_VIEW));
  // Every box asks for three times its width and twice its height; containers for a 70 px header.
  const boxes: FitBox[] = model.nodes.map((n) => ({
    id: n.id,
    rect: n.rect,
    parentId: n.parentId,
    need: { width: n.rect.width * 3, height: n.rect.height * 2 },
    ...(n.container ? { header: 70 } : {}),
  }));
  const fitted = fitLayout(boxes, model.bounds);
  const leaves = model.nodes.filter((n) => !n.container);

  it("gives every box at least what it needs, inside the drawing", () => {
    for (const box of boxes) {
      const r = fitted.rects.get(box.id)!;
      expect(r.width, box.id).toBeGreaterThanOrEqual(box.need.width - 1e-9);
      expect(r.height, box.id).toBeGreaterThanOrEqual(box.need.height - 1e-9);
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(fitted.width + 1e-9);
      expect(r.y + r.height).toBeLessThanOrEqual(fitted.height + 1e-9);
    }
  });

  it("keeps the arrangement: no two boxes overlap, children stay in their container below its header", () => {
    for (let i = 0; i < leaves.length; i++)
      for (let j = i + 1; j < leaves.length; j++)
        expect(
          overlap(fitted.rects.get(leaves[i]!.id)!, fitted.rects.get(leaves[j]!.id)!),
          `${leaves[i]!.id} × ${leaves[j]!.id}`,
        ).toBe(false);
    for (const n of model.nodes) {
      if (!n.parentId) continue;
      const parent = fitted.rects.get(n.parentId)!;
      const child = fitted.rects.get(n.id)!;
      expect(inside(child, parent), n.id).toBe(true);
      expect(child.y - parent.y).toBeGreaterThanOrEqual(70);
    }
  });

  it("keeps what was left of something left of it, and columns aligned", () => {
    for (const a of leaves)
      for (const b of leaves) {
        const ra = fitted.rects.get(a.id)!;
        const rb = fitted.rects.get(b.id)!;
        if (a.rect.x + a.rect.width <= b.rect.x) expect(ra.x + ra.width, `${a.id} | ${b.id}`).toBeLessThanOrEqual(rb.x);
        if (a.rect.x === b.rect.x) expect(ra.x).toBe(rb.x);
      }
  });
});
