import type { Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import fieldReport from "../fixtures/field-report.json";
import { LARGE_SHAPE, syntheticTopology } from "../fixtures/synthetic";
import {
  isProjectionReady,
  prepareProjection,
  projectionSteps,
  toFlowGraph,
  type ProjectionView,
} from "../to-flow-graph";
import { layoutColumns, type LayoutNodeInput, type Rect } from "./column-layout";
import { COLUMN } from "./topology-columns";

const topology = fieldReport as unknown as Topology;
const everything: ProjectionView = {
  hiddenKinds: [],
  vpcs: [],
  serviceNetworks: [],
  statuses: [],
  accounts: [],
  regions: [],
  collapsed: [],
  expanded: [],
};

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const encloses = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

describe("layoutColumns (generic)", () => {
  it("puts columns left to right and never overlaps nodes of one column", () => {
    const nodes: LayoutNodeInput[] = [
      { id: "a", column: 0, width: 100, height: 40 },
      { id: "b", column: 0, width: 100, height: 40 },
      { id: "c", column: 1, width: 120, height: 40 },
      { id: "d", column: 2, width: 80, height: 40 },
    ];
    const { rects } = layoutColumns(nodes, [
      { source: "a", target: "c" },
      { source: "b", target: "c" },
      { source: "c", target: "d" },
    ]);
    expect(rects.get("a")!.x).toBeLessThan(rects.get("c")!.x);
    expect(rects.get("c")!.x).toBeLessThan(rects.get("d")!.x);
    expect(overlaps(rects.get("a")!, rects.get("b")!)).toBe(false);
  });

  it("orders a column by the barycentre of its neighbours (removes a crossing)", () => {
    // Left: a above b (id order). Right: x is linked to b, y to a; ids alone would put x above y and cross.
    const nodes: LayoutNodeInput[] = [
      { id: "a", column: 0, width: 100, height: 40 },
      { id: "b", column: 0, width: 100, height: 40 },
      { id: "x", column: 1, width: 100, height: 40 },
      { id: "y", column: 1, width: 100, height: 40 },
    ];
    const { rects } = layoutColumns(nodes, [
      { source: "a", target: "y" },
      { source: "b", target: "x" },
    ]);
    expect(rects.get("y")!.y).toBeLessThan(rects.get("x")!.y);
  });

  it("keeps a container around its children and places other nodes outside it", () => {
    const nodes: LayoutNodeInput[] = [
      { id: "free", column: 1, width: 100, height: 40 },
      { id: "in1", column: 0, width: 100, height: 40, container: "box" },
      { id: "in2", column: 1, width: 100, height: 40, container: "box" },
    ];
    const { rects } = layoutColumns(nodes, [{ source: "in1", target: "in2" }], [{ id: "box", span: [0, 1] }]);
    const box = rects.get("box")!;
    expect(encloses(box, rects.get("in1")!)).toBe(true);
    expect(encloses(box, rects.get("in2")!)).toBe(true);
    expect(overlaps(box, rects.get("free")!)).toBe(false);
  });

  it("tiles nodes over their column range like masonry instead of one tall column", () => {
    const nodes: LayoutNodeInput[] = Array.from({ length: 9 }, (_, i) => ({
      id: `chip-${i}`,
      column: 2,
      width: 100,
      height: 40,
      tile: [0, 2] as const,
    }));
    const { rects } = layoutColumns(nodes, []);
    const xs = new Set([...rects.values()].map((r) => r.x));
    expect(xs.size).toBe(3);
    const bottom = Math.max(...[...rects.values()].map((r) => r.y + r.height));
    expect(bottom).toBeLessThanOrEqual(3 * 40 + 2 * 14);
    const all = [...rects.values()];
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) expect(overlaps(all[i]!, all[j]!)).toBe(false);
  });

  it("draws anchored nodes right under their anchor", () => {
    const nodes: LayoutNodeInput[] = [
      { id: "z-group", column: 0, width: 100, height: 40 },
      { id: "a-child", column: 0, width: 100, height: 40, anchor: "z-group" },
      { id: "m-other", column: 0, width: 100, height: 40 },
    ];
    const { rects } = layoutColumns(nodes, []);
    const order = ["z-group", "a-child", "m-other"].sort((p, q) => rects.get(p)!.y - rects.get(q)!.y);
    expect(order.indexOf("a-child")).toBe(order.indexOf("z-group") + 1);
  });
});

describe("topology layout (field report)", () => {
  const graph = toFlowGraph(topology, everything);
  const rect = (id: string): Rect => {
    const r = graph.rects.get(id);
    if (!r) throw new Error(`no rect for ${id}`);
    return r;
  };
  const byLabel = (label: string): string => topology.nodes.find((n) => n.label === label)!.id;

  it("reads left to right in traffic order", () => {
    const chain = [
      byLabel("pattern-2-service-network-endpoint"),
      "snva-0c7568464798463a6",
      "sn-0b615c0ed1ca34177",
      "snra-0258ae5ca1fffbb4a",
      "rcfg-01158845410b9f395",
      "rgw-025d31929ebd9f273",
      "arn:aws:rds:ap-northeast-1:111122223333:cluster:zenn-aurora-serverless-dev",
    ];
    const xs = chain.map((id) => rect(id).x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]!, chain[i]).toBeGreaterThan(xs[i - 1]!);
  });

  it("hangs the writer and reader endpoints and the database's group under the Aurora cluster", () => {
    const cluster = rect("arn:aws:rds:ap-northeast-1:111122223333:cluster:zenn-aurora-serverless-dev");
    for (const id of [
      "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com",
      "zenn-aurora-serverless-dev.cluster-ro-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com",
      "sg-00902c1ef600630a9",
    ]) {
      expect(rect(id).x, id).toBe(cluster.x);
      expect(rect(id).y, id).toBeGreaterThan(cluster.y);
    }
  });

  it("puts the client security group left of the endpoint it reaches", () => {
    expect(rect("sg-01865685cfdf14862").x).toBeLessThan(rect("sg-0ba37e309b4a5fb94").x);
    expect(rect("sg-0ba37e309b4a5fb94").x).toBeLessThan(rect("vpce-00c3d5450f87e1973").x);
  });

  it("encloses every VPC child in its container and overlaps nothing else", () => {
    const containers = graph.nodes.filter((n) => n.type === "vpc" && n.data.mode === "container");
    expect(containers.map((c) => c.data.node.label).sort()).toEqual([
      "consumer-resource-endpoint-vpc",
      "consumer-sn-association-vpc",
      "consumer-sn-endpoint-vpc",
      "provider-vpc",
    ]);
    for (const container of containers) {
      const outer = rect(container.id);
      for (const node of graph.nodes) {
        if (node.id === container.id) continue;
        if (node.parentId === container.id)
          expect(encloses(outer, rect(node.id)), `${node.id} inside ${container.id}`).toBe(true);
        else if (!node.parentId)
          expect(overlaps(outer, rect(node.id)), `${node.id} outside ${container.id}`).toBe(false);
      }
    }
  });

  it("never overlaps two top-level nodes", () => {
    const top = graph.nodes.filter((n) => !n.parentId);
    for (let i = 0; i < top.length; i++)
      for (let j = i + 1; j < top.length; j++)
        expect(overlaps(rect(top[i]!.id), rect(top[j]!.id)), `${top[i]!.id} / ${top[j]!.id}`).toBe(false);
  });

  it("is deterministic: the same topology (even reordered) gives the same positions", () => {
    const shuffled: Topology = {
      ...topology,
      nodes: [...topology.nodes].reverse(),
      edges: [...topology.edges].reverse(),
    };
    const again = toFlowGraph(shuffled, everything);
    for (const [id, r] of graph.rects) expect(again.rects.get(id), id).toEqual(r);
  });

  it("gives every node an explicit size", () => {
    for (const node of graph.nodes) {
      expect(node.width, node.id).toBeGreaterThan(0);
      expect(node.height, node.id).toBeGreaterThan(0);
    }
  });

  it("uses the domain columns", () => {
    const columnX = (id: string): number => rect(id).x;
    expect(columnX("snra-0258ae5ca1fffbb4a")).toBe(columnX("snsa-0a9c9e0fa6625729b"));
    expect(columnX("rcfg-01158845410b9f395")).toBe(columnX("svc-0a836c24f4bc2c8ea"));
    expect(COLUMN.serviceNetwork).toBeGreaterThan(COLUMN.vpcAssociation);
  });
});

describe("topology layout at scale", () => {
  it("lays out a generated 3,000-node account in milliseconds (prints the time)", () => {
    const large = syntheticTopology(LARGE_SHAPE);
    expect(large.nodes.length).toBeGreaterThanOrEqual(3000);
    const everyContainer = large.nodes.filter((n) => n.kind === "vpc" || n.kind === "serviceNetwork").map((n) => n.id);
    const view: ProjectionView = { ...everything, expanded: everyContainer };
    // Each run gets a fresh topology object, so nothing is served from the projection's caches.
    const time = (): { ms: number; graph: ReturnType<typeof toFlowGraph> } => {
      const started = performance.now();
      const graph = toFlowGraph({ ...large }, view);
      return { ms: performance.now() - started, graph };
    };
    const first = time();
    const warm = Array.from({ length: 5 }, () => time().ms).sort((a, b) => a - b);
    console.log(
      `layout + projection of ${large.nodes.length} nodes / ${large.edges.length} edges, everything unfolded: ` +
        `first run ${first.ms.toFixed(1)} ms, then median ${warm[2]!.toFixed(1)} ms (min ${warm[0]!.toFixed(1)}, max ${warm[4]!.toFixed(1)})`,
    );
    const { graph } = first;
    expect(graph.nodes.length).toBe(large.nodes.length);
    const top = graph.nodes.filter((n) => !n.parentId).map((n) => graph.rects.get(n.id)!);
    // No overlap between neighbours in one column (the full check is quadratic).
    const byColumn = new Map<number, Rect[]>();
    for (const r of top) byColumn.set(r.x, [...(byColumn.get(r.x) ?? []), r]);
    for (const column of byColumn.values()) {
      column.sort((a, b) => a.y - b.y);
      for (let i = 1; i < column.length; i++)
        expect(column[i]!.y).toBeGreaterThanOrEqual(column[i - 1]!.y + column[i - 1]!.height);
    }
  });

  it("can run in slices: prints the longest step (the longest task the layout causes)", () => {
    const large = syntheticTopology(LARGE_SHAPE);
    const view: ProjectionView = {
      ...everything,
      expanded: large.nodes.filter((n) => n.kind === "vpc" || n.kind === "serviceNetwork").map((n) => n.id),
    };
    const steps = projectionSteps({ ...large }, view);
    const durations: number[] = [];
    for (;;) {
      const started = performance.now();
      const result = steps.next();
      durations.push(performance.now() - started);
      if (result.done) break;
    }
    console.log(
      `sliced layout of ${large.nodes.length} nodes: ${durations.length} steps, longest ${Math.max(...durations).toFixed(1)} ms, total ${durations.reduce((a, b) => a + b, 0).toFixed(1)} ms`,
    );
    expect(durations.length).toBeGreaterThan(8);
  });

  it("prepares a projection in slices, after which toFlowGraph answers from the cache", async () => {
    const large = syntheticTopology({ serviceNetworks: 4, consumerVpcs: 30, providerVpcs: 10, services: 6 });
    expect(isProjectionReady(large, everything)).toBe(false);
    await prepareProjection(large, everything);
    expect(isProjectionReady(large, everything)).toBe(true);
    const controller = new AbortController();
    controller.abort();
    await expect(
      prepareProjection(large, { ...everything, hiddenKinds: ["securityGroup"] }, controller.signal),
    ).rejects.toMatchObject({ name: "AbortError" });
  });

  it("collapses VPCs by default above 600 nodes", () => {
    const large = syntheticTopology(LARGE_SHAPE);
    const graph = toFlowGraph(large, everything);
    const vpcs = graph.nodes.filter((n) => n.type === "vpc");
    expect(vpcs.length).toBe(LARGE_SHAPE.consumerVpcs + LARGE_SHAPE.providerVpcs);
    expect(vpcs.every((n) => n.data.mode === "chip" && n.data.collapsed)).toBe(true);
    expect(graph.nodes.some((n) => n.parentId)).toBe(false);
  });
});
