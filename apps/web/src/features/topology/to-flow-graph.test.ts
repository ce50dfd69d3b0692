import { NODE_KINDS, type Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import fieldReport from "./fixtures/field-report.json";
import { nodeTypes } from "./nodes";
import { rulesLabel, toFlowGraph, type AtlasEdge, type FlowGraph, type ProjectionView } from "./to-flow-graph";

const topology = fieldReport as unknown as Topology;
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

const ids = {
  providerVpc: "vpc-0e27fe36b5514a2ef",
  resourceEndpointVpc: "vpc-023cb195488e7d121",
  associationVpc: "vpc-0a03953771bed5895",
  network: "sn-0b615c0ed1ca34177",
  vpcAssociation: "snva-0c7568464798463a6",
  writerAssociation: "snra-0258ae5ca1fffbb4a",
  groupAssociation: "snra-0e3b6d27c41f5a809",
  serviceAssociation: "snsa-0a9c9e0fa6625729b",
  resourceEndpoint: "vpce-00c3d5450f87e1973",
  networkEndpoint: "vpce-0579157320ec413bb",
  groupConfig: "rcfg-0d3f5b7a9c1e2f486",
  writerConfig: "rcfg-01158845410b9f395",
  gateway: "rgw-025d31929ebd9f273",
  cluster: "arn:aws:rds:ap-northeast-1:111122223333:cluster:zenn-aurora-serverless-dev",
  service: "svc-0a836c24f4bc2c8ea",
  cloudShellGroup: "sg-01865685cfdf14862",
  resourceEndpointGroup: "sg-0ba37e309b4a5fb94",
};

const node = (graph: FlowGraph, id: string) => graph.nodes.find((n) => n.id === id);
const edge = (graph: FlowGraph, source: string, target: string): AtlasEdge | undefined =>
  graph.edges.find((e) => e.source === source && e.target === target);

describe("toFlowGraph: kinds and components", () => {
  const graph = toFlowGraph(topology, base);

  it("draws every node of the field report, typed by its kind", () => {
    expect(graph.nodes).toHaveLength(topology.nodes.length);
    for (const n of graph.nodes) {
      expect(n.type).toBe(n.data.node.kind);
      expect(nodeTypes[n.type], n.type).toBeDefined();
    }
  });

  it("has one memoised component per node kind", () => {
    expect(Object.keys(nodeTypes).sort()).toEqual([...NODE_KINDS].sort());
    for (const component of Object.values(nodeTypes))
      expect((component as { $$typeof?: symbol }).$$typeof).toBe(Symbol.for("react.memo"));
  });

  it("gives each node its size and handles for culling", () => {
    for (const n of graph.nodes) {
      expect(n.width).toBeGreaterThan(0);
      expect(n.height).toBeGreaterThan(0);
      expect(n.handles?.slice(0, 4).map((h) => h.id)).toEqual(["in", "side-in", "out", "side-out"]);
    }
  });

  it("declares the connect handles only where the gesture means something", () => {
    const connectHandles = (id: string) =>
      node(graph, id)
        ?.handles?.slice(4)
        .map((h) => `${h.id}:${h.type}`);
    // Dragged from: a VPC, a (GROUP / ARN / SINGLE) configuration, a service; dropped on: a service network.
    expect(connectHandles(ids.associationVpc)).toEqual(["connect-from:source"]);
    expect(connectHandles(ids.groupConfig)).toEqual(["connect-from:source"]);
    expect(connectHandles(ids.service)).toEqual(["connect-from:source"]);
    expect(connectHandles(ids.network)).toEqual(["connect-to:target"]);
    // A CHILD configuration (its GROUP is associated), associations, endpoints: nothing.
    for (const id of [ids.writerConfig, ids.vpcAssociation, ids.resourceEndpoint, ids.cloudShellGroup, ids.gateway])
      expect(connectHandles(id), id).toEqual([]);
    // The drop target is the whole network card, so that a drop anywhere on it counts.
    const target = node(graph, ids.network)!.handles!.at(-1)!;
    expect({ x: target.x, y: target.y, width: target.width, height: target.height }).toEqual({
      x: 0,
      y: 0,
      width: node(graph, ids.network)!.width,
      height: node(graph, ids.network)!.height,
    });
    // Handle arrays are shared per kind and size: nothing is allocated per node.
    expect(node(graph, ids.groupConfig)!.handles).toBe(node(graph, ids.service)!.handles);
  });

  it("leaves `connectable` to React Flow's switch where the gesture applies, and off elsewhere", () => {
    expect(node(graph, ids.network)?.connectable).toBeUndefined();
    expect(node(graph, ids.associationVpc)?.connectable).toBeUndefined();
    expect(node(graph, ids.vpcAssociation)?.connectable).toBe(false);
    expect(node(graph, ids.writerConfig)?.connectable).toBe(false);
  });

  it("tells the three patterns apart by edge style", () => {
    expect(edge(graph, ids.resourceEndpoint, ids.groupConfig)?.className).toContain("edge-endpoint-resource");
    expect(edge(graph, ids.networkEndpoint, ids.network)?.className).toContain("edge-endpoint-network");
    expect(edge(graph, ids.associationVpc, ids.vpcAssociation)?.className).toContain("edge-vpc-association");
    expect(edge(graph, ids.vpcAssociation, ids.network)?.className).toContain("edge-vpc-association");
  });

  it("draws security groups in front of what they protect, and the rules between groups", () => {
    // The API says endpoint → group ("uses"); the diagram reads group → endpoint.
    expect(edge(graph, ids.resourceEndpointGroup, ids.resourceEndpoint)?.data?.variant).toBe("security-group");
    expect(edge(graph, ids.resourceEndpoint, ids.resourceEndpointGroup)).toBeUndefined();
    const rule = edge(graph, ids.cloudShellGroup, ids.resourceEndpointGroup);
    expect(rule?.data?.variant).toBe("sg-rule");
    expect(rule?.label).toBe("tcp 5432");
  });

  it("labels rules by protocol and port", () => {
    expect(
      rulesLabel([
        { protocol: "tcp", fromPort: 5432, toPort: 5432 },
        { protocol: "tcp", fromPort: 443, toPort: 443 },
      ]),
    ).toBe("tcp 5432 · 443");
    expect(rulesLabel([{ protocol: "-1" }])).toBe("all");
    expect(rulesLabel([{ protocol: "tcp", fromPort: 1024, toPort: 2048 }])).toBe("tcp 1024-2048");
  });
});

describe("toFlowGraph: parents", () => {
  const graph = toFlowGraph(topology, base);

  it("puts VPC-bound nodes inside their VPC container, relative to it", () => {
    const endpoint = node(graph, ids.resourceEndpoint)!;
    expect(endpoint.parentId).toBe(ids.resourceEndpointVpc);
    expect(endpoint.extent).toBe("parent");
    const vpcRect = graph.rects.get(ids.resourceEndpointVpc)!;
    const endpointRect = graph.rects.get(ids.resourceEndpoint)!;
    expect(endpoint.position).toEqual({ x: endpointRect.x - vpcRect.x, y: endpointRect.y - vpcRect.y });
    expect(node(graph, ids.resourceEndpointVpc)?.data.mode).toBe("container");
  });

  it("lists every parent before its children", () => {
    const seen = new Set<string>();
    for (const n of graph.nodes) {
      if (n.parentId) expect(seen.has(n.parentId), `${n.id} after ${n.parentId}`).toBe(true);
      seen.add(n.id);
    }
  });

  it("keeps nodes outside VPCs at the top level", () => {
    expect(node(graph, ids.network)?.parentId).toBeUndefined();
    expect(node(graph, ids.writerAssociation)?.parentId).toBeUndefined();
  });
});

describe("toFlowGraph: collapsed and hidden", () => {
  it("folds a VPC into a chip that stands for its children", () => {
    const graph = toFlowGraph(topology, { ...base, collapsed: [ids.providerVpc] });
    const chip = node(graph, ids.providerVpc)!;
    expect(chip.data.mode).toBe("chip");
    expect(chip.data.collapsed).toBe(true);
    expect(chip.data.hiddenCounts).toMatchObject({ resourceGateway: 1, dbCluster: 1, dbEndpoint: 2 });
    expect(node(graph, ids.gateway)).toBeUndefined();
    expect(graph.nodes.some((n) => n.parentId === ids.providerVpc)).toBe(false);
    // Edges into the folded VPC now end at the chip, once.
    expect(edge(graph, ids.groupConfig, ids.providerVpc)).toBeDefined();
    expect(graph.edges.filter((e) => e.source === ids.groupConfig && e.target === ids.providerVpc)).toHaveLength(2);
    expect(graph.representative.get(ids.gateway)).toBe(ids.providerVpc);
  });

  it("unfolds a VPC that large graphs fold by default when it is listed as expanded", () => {
    const graph = toFlowGraph(topology, { ...base, collapsed: [ids.providerVpc], expanded: [ids.providerVpc] });
    expect(node(graph, ids.providerVpc)?.data.mode).toBe("container");
  });

  it("folds a service network's associations, and what hangs off it alone, into it", () => {
    const graph = toFlowGraph(topology, { ...base, collapsed: [ids.network] });
    for (const id of [ids.vpcAssociation, ids.writerAssociation, ids.groupAssociation, ids.serviceAssociation]) {
      expect(node(graph, id), id).toBeUndefined();
    }
    expect(edge(graph, ids.associationVpc, ids.network)?.data?.variant).toBe("vpc-association");
    expect(edge(graph, ids.network, ids.writerConfig)?.data?.variant).toBe("resource-association");
    // The service is associated with this network only: it folds in, with its target group and function.
    expect(node(graph, ids.service)).toBeUndefined();
    expect(node(graph, "tg-045dbc06c8ba64aa0")).toBeUndefined();
    expect(graph.representative.get(ids.service)).toBe(ids.network);
    // The configurations stay: a Resource endpoint reaches their group directly (pattern 1).
    expect(node(graph, ids.groupConfig)).toBeDefined();
    expect(node(graph, ids.network)?.data.collapsed).toBe(true);
    expect(node(graph, ids.network)?.data.hiddenCounts).toMatchObject({
      serviceAssociation: 1,
      service: 1,
      targetGroup: 1,
    });
  });

  it("takes a kind off the diagram with its edges", () => {
    const graph = toFlowGraph(topology, { ...base, hiddenKinds: ["securityGroup"] });
    expect(graph.nodes.some((n) => n.type === "securityGroup")).toBe(false);
    expect(graph.edges.some((e) => e.data?.variant === "security-group" || e.data?.variant === "sg-rule")).toBe(false);
  });

  it("bridges hidden association kinds: the network links straight to what they associate", () => {
    const graph = toFlowGraph(topology, { ...base, hiddenKinds: ["resourceAssociation"] });
    expect(node(graph, ids.writerAssociation)).toBeUndefined();
    expect(edge(graph, ids.network, ids.writerConfig)).toBeDefined();
    expect(node(graph, ids.vpcAssociation)).toBeDefined();
  });

  it("shows a VPC once it becomes empty as a chip, not an empty box", () => {
    const graph = toFlowGraph(topology, { ...base, hiddenKinds: ["securityGroup"] });
    expect(node(graph, ids.associationVpc)?.data.mode).toBe("chip");
    expect(node(graph, ids.resourceEndpointVpc)?.data.mode).toBe("container");
  });

  it("keeps only what a chosen VPC reaches or is reached from", () => {
    const graph = toFlowGraph(topology, { ...base, vpcs: [ids.resourceEndpointVpc] });
    const shown = new Set(graph.nodes.map((n) => n.id));
    for (const id of [
      ids.resourceEndpointVpc,
      ids.resourceEndpoint,
      ids.groupConfig,
      ids.writerConfig,
      ids.gateway,
      ids.cluster,
      ids.cloudShellGroup,
    ])
      expect(shown.has(id), id).toBe(true);
    for (const id of [ids.associationVpc, ids.vpcAssociation, ids.service]) expect(shown.has(id), id).toBe(false);
    expect(graph.visibility.filteredOut).toBeGreaterThan(0);
  });

  it("filters by status class, keeping status-less nodes", () => {
    const graph = toFlowGraph(topology, { ...base, statuses: ["failed"] });
    expect(graph.nodes.some((n) => n.data.node.status === "ACTIVE")).toBe(false);
    expect(node(graph, ids.cloudShellGroup)).toBeDefined();
  });
});

describe("toFlowGraph: selection and highlight", () => {
  it("marks the selected node", () => {
    const graph = toFlowGraph(topology, { ...base, selected: ids.network });
    expect(node(graph, ids.network)?.selected).toBe(true);
    expect(graph.nodes.filter((n) => n.selected)).toHaveLength(1);
  });

  it("highlights a path and dims the rest, edges included", () => {
    const highlight = new Set([ids.associationVpc, ids.vpcAssociation, ids.network, ids.writerAssociation]);
    const graph = toFlowGraph(topology, { ...base, highlight });
    expect(node(graph, ids.network)?.className).toBe("is-highlighted");
    expect(node(graph, ids.gateway)?.className).toBe("is-dimmed");
    expect(edge(graph, ids.vpcAssociation, ids.network)?.className).toContain("is-highlighted");
    expect(edge(graph, ids.network, ids.serviceAssociation)?.className).toContain("is-dimmed");
  });

  it("highlights the chip of a folded VPC when something inside it is on the path", () => {
    const graph = toFlowGraph(topology, { ...base, collapsed: [ids.providerVpc], highlight: new Set([ids.gateway]) });
    expect(node(graph, ids.providerVpc)?.className).toBe("is-highlighted");
  });

  it("dims nothing without a highlight", () => {
    const graph = toFlowGraph(topology, base);
    expect(graph.nodes.every((n) => n.className === undefined)).toBe(true);
  });

  it("keeps the identity of nodes and edges a selection does not touch", () => {
    const first = toFlowGraph(topology, base);
    const second = toFlowGraph(topology, { ...base, selected: ids.network }, first);
    const changed = second.nodes.filter((n, i) => n !== first.nodes[i]);
    expect(changed.map((n) => n.id)).toEqual([ids.network]);
    expect(second.edges.every((e, i) => e === first.edges[i])).toBe(true);
  });
});

describe("toFlowGraph: a failing connectivity check", () => {
  const auroraGroup = "sg-00902c1ef600630a9";
  const gatewayGroup = "sg-01d181db43be1daaa";
  const writerHostname = "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com";
  // The path of a check from the pattern-3 VPC to the Aurora writer, as the API highlights it.
  const path = [
    ids.associationVpc,
    ids.vpcAssociation,
    ids.network,
    ids.writerAssociation,
    ids.writerConfig,
    ids.groupConfig,
    ids.gateway,
    ids.cluster,
    writerHostname,
    auroraGroup,
  ];
  const failingEdges = (graph: FlowGraph) => graph.edges.filter((e) => e.className?.includes("is-failing"));

  it("draws the failing node red and the path edge into it, nothing else", () => {
    const graph = toFlowGraph(topology, {
      ...base,
      highlight: new Set(path),
      failing: new Set([ids.writerConfig]),
    });
    expect(node(graph, ids.writerConfig)?.className).toBe("is-highlighted is-failing");
    expect(graph.nodes.filter((n) => n.className?.includes("is-failing")).map((n) => n.id)).toEqual([ids.writerConfig]);
    // In from the path (its association, its GROUP parent); not out to the endpoint it stands for.
    expect(failingEdges(graph).map((e) => e.id)).toEqual([
      edge(graph, ids.writerAssociation, ids.writerConfig)!.id,
      edge(graph, ids.groupConfig, ids.writerConfig)!.id,
    ]);
    expect(edge(graph, ids.writerConfig, writerHostname)?.className).not.toContain("is-failing");
    expect(failingEdges(graph)[0]?.zIndex).toBe(2);
  });

  it("falls back to a path edge leaving the node when none leads in (a group is drawn towards its user)", () => {
    // The gateway's group is off the path (as when the Aurora rule is missing): no path edge leads into aurora-sg.
    const graph = toFlowGraph(topology, { ...base, highlight: new Set(path), failing: new Set([auroraGroup]) });
    expect(node(graph, auroraGroup)?.className).toContain("is-failing");
    expect(failingEdges(graph).map((e) => e.id)).toEqual([edge(graph, auroraGroup, ids.cluster)!.id]);
    // With the gateway's group on the path, the rule edge from it is the one into the node.
    const withRule = toFlowGraph(topology, {
      ...base,
      highlight: new Set([...path, gatewayGroup]),
      failing: new Set([auroraGroup]),
    });
    expect(failingEdges(withRule).map((e) => e.id)).toEqual([edge(withRule, gatewayGroup, auroraGroup)!.id]);
  });

  it("never dims a failing node, even one missing from the highlight", () => {
    const graph = toFlowGraph(topology, {
      ...base,
      highlight: new Set([ids.associationVpc]),
      failing: new Set([ids.vpcAssociation]),
    });
    expect(node(graph, ids.vpcAssociation)?.className).toBe("is-highlighted is-failing");
    expect(edge(graph, ids.associationVpc, ids.vpcAssociation)?.className).toContain("is-failing");
  });

  it("marks what stands for a failing node folded away", () => {
    const graph = toFlowGraph(topology, {
      ...base,
      collapsed: [ids.providerVpc],
      highlight: new Set(path),
      failing: new Set([auroraGroup]),
    });
    expect(node(graph, auroraGroup)).toBeUndefined();
    expect(node(graph, ids.providerVpc)?.className).toBe("is-highlighted is-failing");
  });

  it("restyles only the failing node and its edge when a check's failure appears", () => {
    const highlight = new Set(path);
    const first = toFlowGraph(topology, { ...base, highlight });
    const second = toFlowGraph(topology, { ...base, highlight, failing: new Set([ids.writerConfig]) }, first);
    expect(second.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id)).toEqual([ids.writerConfig]);
    expect(second.edges.filter((e, i) => e !== first.edges[i])).toHaveLength(2);
    // And back: nothing failing any more.
    const third = toFlowGraph(topology, { ...base, highlight }, second);
    expect(third.nodes.some((n) => n.className?.includes("is-failing"))).toBe(false);
    expect(failingEdges(third)).toHaveLength(0);
  });
});
