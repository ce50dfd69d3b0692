import type { Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import fieldReport from "../fixtures/field-report.json";
import { syntheticTopology } from "../fixtures/synthetic";
import { aggregateOverview } from "./aggregate";

const large = syntheticTopology({ serviceNetworks: 6, consumerVpcs: 40, providerVpcs: 8, services: 5 });
const none = new Set<string>();

describe("aggregateOverview", () => {
  it("draws every service network once, sorted by name, with the counts of what goes through it", () => {
    const overview = aggregateOverview(large, { expanded: none });
    const networks = large.nodes.filter((n) => n.kind === "serviceNetwork");
    expect(overview.networks.map((n) => n.id).sort()).toEqual(networks.map((n) => n.id).sort());
    const labels = overview.networks.map((n) => n.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en", { numeric: true })));
    for (const network of overview.networks) {
      const resources = large.nodes.filter(
        (n) => n.kind === "resourceAssociation" && n.data.serviceNetworkId === network.id,
      ).length;
      const services = large.nodes.filter(
        (n) => n.kind === "serviceAssociation" && n.data.serviceNetworkId === network.id,
      ).length;
      const associatedVpcs = new Set(
        large.nodes.flatMap((n) =>
          n.kind === "vpcAssociation" && n.data.serviceNetworkId === network.id ? [n.data.vpcId] : [],
        ),
      );
      expect(network.counts.resources).toBe(resources);
      expect(network.counts.services).toBe(services);
      expect(network.counts.vpcs).toBeGreaterThanOrEqual(associatedVpcs.size);
      expect(network.members).toEqual([]);
    }
    expect(overview.networks.some((n) => n.counts.resources > 0)).toBe(true);
  });

  it("puts every VPC in exactly one group, consumers grouped by network and sorted by name", () => {
    const overview = aggregateOverview(large, { expanded: none });
    const vpcs = large.nodes.filter((n) => n.kind === "vpc").map((n) => n.id);
    const grouped = overview.groups.flatMap((g) => g.vpcs.map((v) => v.id));
    expect(grouped.sort()).toEqual([...vpcs].sort());
    for (const group of overview.groups) {
      const names = group.vpcs.map((v) => v.label);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { numeric: true })));
    }
    const consumers = overview.groups.filter((g) => g.side === "consumer");
    const providers = overview.groups.filter((g) => g.side === "provider");
    expect(consumers.length).toBeGreaterThan(1);
    expect(providers.length).toBeGreaterThan(0);
    expect(providers.reduce((n, g) => n + g.vpcs.length, 0)).toBe(8);
    // Groups follow their network's order.
    const order = new Map(overview.networks.map((n, i) => [n.id, i]));
    const ranks = consumers.map((g) => (g.network ? order.get(g.network)! : Infinity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Every VPC stands for its children.
    const child = large.nodes.find((n) => n.parent !== undefined)!;
    expect(overview.representative.get(child.id)).toMatch(/^group:/);
  });

  it("bundles the edges between groups into one edge with a count", () => {
    const overview = aggregateOverview(large, { expanded: none });
    const ids = overview.bundles.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    const nodeIds = new Set([...overview.networks.map((n) => n.id), ...overview.groups.map((g) => g.id)]);
    for (const bundle of overview.bundles) {
      expect(nodeIds.has(bundle.source) && nodeIds.has(bundle.target)).toBe(true);
      expect(bundle.count).toBeGreaterThan(0);
    }
    // Consumer side: the counts add up to the (VPC, network) pairs, each VPC counted once per network.
    const associations = new Set(
      large.nodes.flatMap((n) => (n.kind === "vpcAssociation" ? [`${n.data.vpcId}>${n.data.serviceNetworkId}`] : [])),
    );
    const consumerTotal = overview.bundles
      .filter((b) => b.source.startsWith("group:consumer:"))
      .reduce((sum, b) => sum + b.count, 0);
    expect(consumerTotal).toBeGreaterThanOrEqual(associations.size);
    expect(overview.bundles.length).toBeLessThan(large.edges.length / 5);
  });

  it("expands a network into its resources and services, and a group keeps all its VPCs", () => {
    const first = aggregateOverview(large, { expanded: none }).networks.find((n) => n.counts.resources > 0)!;
    const overview = aggregateOverview(large, { expanded: new Set([first.id]) });
    const network = overview.networks.find((n) => n.id === first.id)!;
    expect(network.expanded).toBe(true);
    expect(network.members.length).toBe(network.counts.resources + network.counts.services);
    const labels = network.members.map((m) => m.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en", { numeric: true })));
    expect(overview.networks.filter((n) => n.expanded)).toHaveLength(1);
  });

  it("splits the groups by account when the topology spans several", () => {
    const accounts = ["111111111111", "222222222222"];
    const estate: Topology = {
      ...large,
      nodes: large.nodes.map((n, i) => (n.kind === "vpc" ? { ...n, accountId: accounts[i % 2]! } : n)),
    };
    const overview = aggregateOverview(estate, { expanded: none });
    expect(overview.accounts).toEqual(expect.arrayContaining(accounts));
    expect(overview.groups.every((g) => g.accountId !== undefined)).toBe(true);
    const order = overview.groups.map((g) => g.accountId!);
    expect(order).toEqual([...order].sort());
  });

  it("keeps only what passes the filters", () => {
    const network = large.nodes.find((n) => n.kind === "serviceNetwork")!;
    const passing = new Set(large.nodes.filter((n) => n.id !== network.id).map((n) => n.id));
    const overview = aggregateOverview(large, { expanded: none, passing });
    expect(overview.networks.map((n) => n.id)).not.toContain(network.id);
    expect(overview.bundles.every((b) => b.source !== network.id && b.target !== network.id)).toBe(true);
  });

  it("works on the field report too (one account, no split)", () => {
    const overview = aggregateOverview(fieldReport as unknown as Topology, { expanded: none });
    expect(overview.accounts).toEqual([]);
    expect(overview.networks.length).toBeGreaterThan(0);
  });
});
