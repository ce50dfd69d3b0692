import type { Action, Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import fieldReport from "../topology/fixtures/field-report.json";
import { toFlowGraph, type ProjectionView } from "../topology/to-flow-graph";
import { indexTopology } from "../topology/topology-index";
import { mergePendingChanges } from "./merge-pending";
import type { PendingChange } from "./pending-changes";

const topology = fieldReport as unknown as Topology;
const tokyo = { source: "emulator", region: "ap-northeast-1" };
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
  network: "sn-0b615c0ed1ca34177",
  resourceEndpointVpc: "vpc-023cb195488e7d121",
  networkEndpointVpc: "vpc-061137ab7c3ac2069",
  vpcAssociation: "snva-0c7568464798463a6",
  groupConfig: "rcfg-0d3f5b7a9c1e2f486",
  service: "svc-0a836c24f4bc2c8ea",
  cloudShellGroup: "sg-01865685cfdf14862",
};

function change(id: string, action: Action, patch: Partial<PendingChange> = {}): PendingChange {
  const kind =
    action.type === "associate-vpc" || action.type === "remove-vpc-association"
      ? "vpcAssociation"
      : action.type === "associate-resource"
        ? "resourceAssociation"
        : action.type === "associate-service"
          ? "serviceAssociation"
          : "vpcEndpoint";
  return {
    key: `emulator|ap-northeast-1|${id}`,
    target: tokyo,
    action,
    kind,
    id,
    clientToken: "token-1",
    status: "CREATE_IN_PROGRESS",
    phase: "pending",
    done: false,
    dnsEntries: [],
    startedAt: 0,
    ...patch,
  };
}

const associateVpc = change("snva-0000000000000000a", {
  type: "associate-vpc",
  serviceNetworkId: ids.network,
  vpcId: ids.resourceEndpointVpc,
  securityGroupIds: [ids.cloudShellGroup],
  privateDnsEnabled: false,
});

describe("mergePendingChanges", () => {
  it("returns the topology itself when nothing is in flight", () => {
    expect(mergePendingChanges(topology, []).topology).toBe(topology);
    expect(mergePendingChanges(topology, []).marks.size).toBe(0);
  });

  it("adds a VPC association AWS accepted, with its edges, marked pending — and its status, not ACTIVE", () => {
    const { topology: merged, marks } = mergePendingChanges(topology, [associateVpc]);
    const index = indexTopology(merged);
    const node = index.get(associateVpc.id, "vpcAssociation");
    expect(node).toMatchObject({
      status: "CREATE_IN_PROGRESS",
      data: { vpcId: ids.resourceEndpointVpc, serviceNetworkId: ids.network },
    });
    expect(index.outgoing.get(ids.resourceEndpointVpc)?.some((e) => e.target === associateVpc.id)).toBe(true);
    expect(
      index.outgoing
        .get(associateVpc.id)
        ?.map((e) => `${e.kind}:${e.target}`)
        .sort(),
    ).toEqual([`security-group:${ids.cloudShellGroup}`, `vpc-association:${ids.network}`]);
    expect(marks.get(associateVpc.id)).toBe("pending");
    // The API's topology is left alone.
    expect(indexTopology(topology).byId.has(associateVpc.id)).toBe(false);
  });

  it("draws the pending node dashed (class) with dashed edges, through the projection", () => {
    const drawn = mergePendingChanges(topology, [associateVpc]);
    const graph = toFlowGraph(drawn.topology, { ...base, changeMarks: drawn.marks });
    const node = graph.nodes.find((n) => n.id === associateVpc.id)!;
    expect(node.className).toBe("is-change-pending");
    expect(node.data.node.status).toBe("CREATE_IN_PROGRESS");
    const edges = graph.edges.filter((e) => e.source === associateVpc.id || e.target === associateVpc.id);
    expect(edges.length).toBeGreaterThanOrEqual(2);
    for (const e of edges) expect(e.className).toContain("is-change-pending");
    // Nothing else is marked.
    expect(graph.nodes.filter((n) => n.className?.includes("is-change")).map((n) => n.id)).toEqual([associateVpc.id]);
  });

  it("builds each of the five creations as discovery would", () => {
    const resourceAssociation = change("snra-0000000000000000b", {
      type: "associate-resource",
      serviceNetworkId: ids.network,
      resourceConfigurationId: ids.groupConfig,
    });
    const serviceAssociation = change("snsa-0000000000000000c", {
      type: "associate-service",
      serviceNetworkId: ids.network,
      serviceId: ids.service,
    });
    const resourceEndpoint = change(
      "vpce-0000000000000000d",
      {
        type: "create-resource-endpoint",
        vpcId: ids.networkEndpointVpc,
        resourceConfigurationId: ids.groupConfig,
        subnetIds: ["subnet-01c706755a24d79e2"],
        privateDnsEnabled: false,
      },
      {
        status: "Pending",
        dnsEntries: [
          {
            name: "vpce-0000000000000000d-snra-1.rcfg-1.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws",
            private: false,
          },
        ],
      },
    );
    const networkEndpoint = change(
      "vpce-0000000000000000e",
      {
        type: "create-service-network-endpoint",
        vpcId: ids.resourceEndpointVpc,
        serviceNetworkId: ids.network,
        subnetIds: ["subnet-0a6bfa2a468cb071d"],
      },
      { status: "Pending" },
    );
    const { topology: merged, marks } = mergePendingChanges(topology, [
      associateVpc,
      resourceAssociation,
      serviceAssociation,
      resourceEndpoint,
      networkEndpoint,
    ]);
    const index = indexTopology(merged);
    expect(index.get(resourceAssociation.id, "resourceAssociation")?.label).toBe("zenn-aurora-rcfg-dev");
    expect(index.incoming.get(resourceAssociation.id)?.[0]?.source).toBe(ids.network);
    expect(index.outgoing.get(serviceAssociation.id)?.[0]).toMatchObject({
      kind: "service-association",
      target: ids.service,
    });
    const endpoint = index.get(resourceEndpoint.id, "vpcEndpoint")!;
    expect(endpoint).toMatchObject({
      parent: ids.networkEndpointVpc,
      data: { endpointType: "Resource", state: "Pending" },
    });
    expect(endpoint.data.associations[0]?.dnsName).toContain("vpc-lattice-rsc");
    expect(index.outgoing.get(networkEndpoint.id)?.[0]).toMatchObject({ kind: "endpoint", target: ids.network });
    // Inside its VPC's container on the diagram.
    const graph = toFlowGraph(merged, { ...base, changeMarks: marks });
    expect(graph.nodes.find((n) => n.id === resourceEndpoint.id)?.parentId).toBe(ids.networkEndpointVpc);
  });

  it("lets discovery's node win once the topology holds the resource", () => {
    const refetched: Topology = {
      ...topology,
      nodes: [
        ...topology.nodes,
        {
          ...indexTopology(topology).get(ids.vpcAssociation, "vpcAssociation")!,
          id: associateVpc.id,
          status: "ACTIVE",
        },
      ],
    };
    const merged = mergePendingChanges(refetched, [{ ...associateVpc, status: "ACTIVE", phase: "ready", done: true }]);
    expect(merged.topology).toBe(refetched);
  });

  it("shows a removal in flight with AWS's status, and drops the node once AWS says it is gone", () => {
    const removing = change(
      ids.vpcAssociation,
      { type: "remove-vpc-association", associationId: ids.vpcAssociation },
      { status: "DELETE_IN_PROGRESS", phase: "deleting" },
    );
    const { topology: merged, marks } = mergePendingChanges(topology, [removing]);
    expect(indexTopology(merged).byId.get(ids.vpcAssociation)).toMatchObject({
      status: "DELETE_IN_PROGRESS",
      data: { status: "DELETE_IN_PROGRESS" },
    });
    expect(marks.get(ids.vpcAssociation)).toBe("pending");
    const { topology: gone } = mergePendingChanges(topology, [
      { ...removing, status: "DELETED", phase: "deleted", done: true },
    ]);
    expect(indexTopology(gone).byId.has(ids.vpcAssociation)).toBe(false);
    expect(gone.edges.some((e) => e.source === ids.vpcAssociation || e.target === ids.vpcAssociation)).toBe(false);
  });

  it("marks a failed creation failed", () => {
    const failed = {
      ...associateVpc,
      status: "CREATE_FAILED",
      phase: "failed" as const,
      done: true,
      failureReason: "no",
    };
    const { topology: merged, marks } = mergePendingChanges(topology, [failed]);
    expect(marks.get(failed.id)).toBe("failed");
    expect(indexTopology(merged).get(failed.id, "vpcAssociation")?.data.failureMessage).toBe("no");
  });

  it("hands the marks to the projection as a parameter: the same topology draws with or without them", () => {
    const drawn = mergePendingChanges(topology, [
      change(
        ids.vpcAssociation,
        { type: "remove-vpc-association", associationId: ids.vpcAssociation },
        {
          status: "DELETE_IN_PROGRESS",
          phase: "deleting",
        },
      ),
    ]);
    const marked = toFlowGraph(drawn.topology, { ...base, changeMarks: drawn.marks });
    const plain = toFlowGraph(drawn.topology, base);
    expect(marked.nodes.find((n) => n.id === ids.vpcAssociation)?.className).toBe("is-change-pending");
    expect(plain.nodes.find((n) => n.id === ids.vpcAssociation)?.className).toBeUndefined();
  });

  it("is memoised on (topology, changes): an unchanged store costs no new layout", () => {
    const changes = [associateVpc];
    expect(mergePendingChanges(topology, changes)).toBe(mergePendingChanges(topology, changes));
    expect(mergePendingChanges(topology, [associateVpc])).not.toBe(mergePendingChanges(topology, changes));
  });
});
