import type { Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import fieldReport from "./fixtures/field-report.json";
import { LARGE_SHAPE, syntheticTopology } from "./fixtures/synthetic";
import { filteredViewport, firstViewport, storyArea } from "./first-frame";
import { detailLevel } from "./level-of-detail";
import { toFlowGraph, type ProjectionView } from "./to-flow-graph";

const base: ProjectionView = {
  hiddenKinds: [],
  vpcs: [],
  serviceNetworks: [],
  statuses: [],
  accounts: [],
  regions: [],
  collapsed: [],
  expanded: [],
};
const graph = toFlowGraph(fieldReport as unknown as Topology, base);
const inside = (outer: { x: number; y: number; width: number; height: number }, id: string): boolean => {
  const r = graph.rects.get(id)!;
  return (
    r.x >= outer.x &&
    r.y >= outer.y &&
    r.x + r.width <= outer.x + outer.width &&
    r.y + r.height <= outer.y + outer.height
  );
};

describe("storyArea", () => {
  it("holds the consumer VPCs, the service network, the resource configurations and the service", () => {
    const area = storyArea(graph)!;
    const byKind = (kind: string) => graph.nodes.filter((n) => n.type === kind).map((n) => n.id);
    const consumers = graph.nodes
      .filter((n) => n.type === "vpc" && n.data.node.data.roles.includes("consumer"))
      .map((n) => n.id);
    expect(consumers.length).toBeGreaterThanOrEqual(3);
    for (const id of [
      ...consumers,
      ...byKind("serviceNetwork"),
      ...byKind("resourceConfiguration"),
      ...byKind("service"),
    ])
      expect(inside(area, id), id).toBe(true);
  });

  it("is undefined when nothing of the story is drawn", () => {
    const sgOnly = toFlowGraph(fieldReport as unknown as Topology, {
      ...base,
      hiddenKinds: [
        "vpc",
        "vpcEndpoint",
        "vpcAssociation",
        "serviceNetwork",
        "resourceAssociation",
        "serviceAssociation",
        "resourceConfiguration",
        "service",
        "dbCluster",
        "target",
      ],
    });
    expect(storyArea(sgOnly)).toBeUndefined();
  });
});

describe("firstViewport", () => {
  for (const screen of [
    { width: 1440 - 280, height: 900 - 100 },
    { width: 1280 - 280, height: 720 - 100 },
  ]) {
    it(`frames the whole story at a zoom that draws names (${screen.width}×${screen.height})`, () => {
      const viewport = firstViewport(graph, screen);
      expect(detailLevel(viewport.zoom)).not.toBe("outline");
      const area = storyArea(graph)!;
      // The story's left edge is on screen (traffic starts there) …
      expect(area.x * viewport.zoom + viewport.x).toBeGreaterThanOrEqual(0);
      // … and, at this size, its right edge too.
      expect((area.x + area.width) * viewport.zoom + viewport.x).toBeLessThanOrEqual(screen.width);
    });
  }

  it("on a large account starts at the top at the zoom of names, never fitting everything into dust", () => {
    const large = toFlowGraph(syntheticTopology(LARGE_SHAPE), base);
    const viewport = firstViewport(large, { width: 1160, height: 800 });
    expect(detailLevel(viewport.zoom)).toBe("names");
    const area = storyArea(large)!;
    expect(area.x * viewport.zoom + viewport.x).toBeGreaterThanOrEqual(0);
    expect(area.y * viewport.zoom + viewport.y).toBeCloseTo(24, 0);
  });
});

describe("filteredViewport", () => {
  it("frames all that a filter leaves, from the top left of the drawing, never below the zoom of names", () => {
    const viewport = filteredViewport(graph, { width: 1160, height: 800 });
    expect(detailLevel(viewport.zoom)).not.toBe("outline");
    expect(viewport.x).toBeGreaterThanOrEqual(0);
    expect(graph.bounds.width * viewport.zoom + viewport.x).toBeLessThanOrEqual(1160);
  });
});
