import { NODE_KINDS } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { NODE_KIND_COLOR } from "../../lib/node-kinds";
import { contrast, DARK_SURFACE, inkOnDark } from "./dark-ink";
import { diagramColorCss } from "./diagram-colors";
import { EDGE_COLOR } from "./edge-styles";

describe("diagram colours", () => {
  const css = diagramColorCss();

  it("gives every node kind of the contract its colour, from the one table", () => {
    for (const kind of NODE_KINDS)
      expect(css).toContain(`:where(.kind-${kind}){--kind-color:${NODE_KIND_COLOR[kind].ink}}`);
  });

  it("gives every kind of line its colour, and the three patterns theirs", () => {
    for (const [variant, color] of Object.entries(EDGE_COLOR))
      expect(css).toContain(`:where(.edge-${variant}){--edge-color:${color}}`);
    expect(css).toMatch(/^:root\{--p1:#0f7b6c;--p2:#7c3aed;--p3:#c2410c\}/);
  });

  it("draws a line in the colour of the boxes it joins", () => {
    expect(EDGE_COLOR["vpc-association"]).toBe(NODE_KIND_COLOR.vpcAssociation.ink);
    expect(EDGE_COLOR["resource-association"]).toBe(NODE_KIND_COLOR.resourceAssociation.ink);
    expect(EDGE_COLOR["endpoint-resource"]).toBe(NODE_KIND_COLOR.vpcEndpoint.ink);
  });

  it("gives the dark scheme the same kinds, lightened to read on its surface", () => {
    const dark = css.slice(css.indexOf("@media (prefers-color-scheme: dark){"));
    expect(dark.length).toBeGreaterThan(0);
    for (const kind of NODE_KINDS) {
      const ink = inkOnDark(NODE_KIND_COLOR[kind].ink);
      expect(dark).toContain(`:where(.kind-${kind}){--kind-color:${ink}}`);
      expect(contrast(ink, DARK_SURFACE)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
