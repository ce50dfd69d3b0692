import { describe, expect, it } from "vitest";
import { syntheticTopology } from "../fixtures/synthetic";
import { aggregateOverview } from "./aggregate";
import { placeOverview, selectInOverview } from "./overview-flow";

const topology = syntheticTopology({ serviceNetworks: 30, consumerVpcs: 200, providerVpcs: 30, services: 10 });

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("placeOverview and selectInOverview", () => {
  const overview = aggregateOverview(topology, { expanded: new Set() });
  const flow = placeOverview(overview);

  it("places every network and group once, none over another", () => {
    expect(flow.nodes).toHaveLength(overview.networks.length + overview.groups.length);
    const rects = [...flow.rects.values()];
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
  });

  it("lays the rows out in lanes: the whole is wider than tall, not one long column", () => {
    expect(flow.bounds.width).toBeGreaterThan(flow.bounds.height * 0.8);
    expect(flow.bounds.width / flow.bounds.height).toBeLessThan(4);
  });

  it("draws one labelled edge per bundle, between placed nodes", () => {
    expect(flow.edges).toHaveLength(overview.bundles.length);
    for (const edge of flow.edges) {
      expect(flow.rects.has(edge.source) && flow.rects.has(edge.target)).toBe(true);
      expect(edge.label).toBe(String(edge.data!.count));
    }
  });

  it("puts a network to the right of its consumers and left of its providers, in the same row", () => {
    for (const group of overview.groups.filter((g) => g.network)) {
      const own = flow.rects.get(group.id)!;
      const network = flow.rects.get(group.network!)!;
      if (group.side === "consumer") expect(own.x).toBeLessThan(network.x);
      else expect(own.x).toBeGreaterThan(network.x);
      expect(own.y).toBeGreaterThanOrEqual(network.y);
    }
  });

  it("grows an expanded network to list its members, and marks the selection", () => {
    const network = overview.networks.find((n) => n.counts.resources > 0)!;
    const expanded = aggregateOverview(topology, { expanded: new Set([network.id]) });
    const member = expanded.networks.find((n) => n.id === network.id)!.members[0]!;
    const grown = selectInOverview(placeOverview(expanded), member.id);
    expect(grown.rects.get(network.id)!.height).toBeGreaterThan(flow.rects.get(network.id)!.height);
    const node = grown.nodes.find((n) => n.id === network.id)!;
    expect(node.data.selected).toBe(member.id);
  });

  it("marks a selection on the cards that list it and gives every other card its node object again", () => {
    const placed = placeOverview(overview);
    const group = overview.groups.find((g) => g.vpcs.length > 1)!;
    const selected = selectInOverview(placed, group.vpcs[1]!.id);
    const changed = selected.nodes.filter((node, i) => node !== placed.nodes[i]);
    expect(changed.map((n) => n.id)).toEqual([group.id]);
    expect(changed[0]!.data.selected).toBe(group.vpcs[1]!.id);
    expect(selected.edges).toBe(placed.edges);
    expect(selectInOverview(placed, undefined)).toBe(placed);
  });
});
