/** The account and region filters of an estate, on the field report stamped as if read across two accounts. */
import type { GraphNode, Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import fieldReport from "./fixtures/field-report.json";
import { toFlowGraph, type ProjectionView } from "./to-flow-graph";

const DATA = "333344445555";
const APP = "666677778888";
const ASSOCIATION_VPC = "vpc-0a03953771bed5895";
const PROVIDER_VPC = "vpc-0e27fe36b5514a2ef";
const VPC_ASSOCIATION = "snva-0c7568464798463a6";
const SERVICE = "svc-0a836c24f4bc2c8ea";
const NETWORK = "sn-0b615c0ed1ca34177";

/** The association VPC and its contents in the app account; the association seen from it too; the service in us-east-1. */
function estateTopology(): Topology {
  const base = fieldReport as unknown as Topology;
  const nodes = base.nodes.map((n): GraphNode => {
    const inApp = n.id === ASSOCIATION_VPC || n.parent === ASSOCIATION_VPC;
    return {
      ...n,
      accountId: inApp ? APP : DATA,
      region: n.id === SERVICE ? "us-east-1" : "ap-northeast-1",
      ...(n.id === VPC_ASSOCIATION ? { observedIn: [DATA, APP] } : {}),
    } as GraphNode;
  });
  return { ...base, nodes };
}

const view: ProjectionView = {
  hiddenKinds: [],
  vpcs: [],
  serviceNetworks: [],
  statuses: [],
  accounts: [],
  regions: [],
  collapsed: [],
  expanded: [],
};
const drawn = (topology: Topology, v: ProjectionView): Set<string> =>
  new Set(toFlowGraph(topology, v).nodes.map((n) => n.id));

describe("estate filters", () => {
  it("an account filter draws that account's nodes and what was seen from it, and lifting it draws everything again", () => {
    const topology = estateTopology();
    const app = drawn(topology, { ...view, accounts: [APP] });
    expect(app.has(ASSOCIATION_VPC)).toBe(true);
    expect(app.has(VPC_ASSOCIATION)).toBe(true);
    expect(app.has(PROVIDER_VPC)).toBe(false);
    // The network its VPC association goes to stays, though another account owns it.
    expect(app.has(NETWORK)).toBe(true);
    expect(drawn(topology, { ...view, accounts: ["444455556666"] }).has(NETWORK)).toBe(false);
    // Same topology object: the layout cache must tell the two views apart.
    const all = drawn(topology, view);
    expect(all.has(PROVIDER_VPC)).toBe(true);
    expect(all.size).toBe(topology.nodes.length);
  });

  it("a region filter drops what was read in another region", () => {
    const topology = estateTopology();
    const tokyo = drawn(topology, { ...view, regions: ["ap-northeast-1"] });
    expect(tokyo.has(SERVICE)).toBe(false);
    expect(tokyo.has(PROVIDER_VPC)).toBe(true);
    expect(drawn(topology, { ...view, regions: ["us-east-1"] }).has(SERVICE)).toBe(true);
  });
});
