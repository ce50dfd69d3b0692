/**
 * Pending changes drawn on the diagram: a pure function from the API's
 * topology and this source/region's pending changes to the topology to draw.
 *
 * - A creation AWS has accepted but discovery has not seen yet becomes a
 *   node of its own (with its edges), marked pending: dashed, labelled with
 *   AWS's status (CREATE_IN_PROGRESS, Pending) — never ACTIVE before the
 *   status poll says so. Once the topology holds the resource, its node wins.
 * - A removal keeps the node, shows AWS's status (DELETE_IN_PROGRESS,
 *   Deleting), and drops it as soon as the poll says it is gone.
 * - Without changes the topology is returned as is (same object).
 *
 * The result is memoised on (topology, changes), so an unchanged store never
 * costs a new layout.
 */
import type { GraphEdge, GraphNode, Topology } from "@lattice-atlas/shared";
import { markChanges, type ChangeMark } from "../topology/change-marks";
import { indexTopology, type TopologyIndex } from "../topology/topology-index";
import { isRemoval, type PendingChange } from "./pending-changes";

const idOf = (reference: string): string =>
  reference.startsWith("arn:") ? (reference.split("/").pop() ?? reference) : reference;

function markOf(change: PendingChange): ChangeMark | undefined {
  if (change.phase === "failed") return "failed";
  if (change.phase === "timeout") return "stalled";
  return change.done ? undefined : "pending";
}

const edgeOf = (kind: GraphEdge["kind"], source: string, target: string, status?: string): GraphEdge => ({
  id: `${kind}:${source}->${target}`,
  kind,
  source,
  target,
  ...(status ? { status } : {}),
});

/** The node (and edges) a creation adds, as discovery would build them once AWS lists it. */
export function pendingNodeOf(
  change: PendingChange,
  index: TopologyIndex,
): { node: GraphNode; edges: GraphEdge[] } | undefined {
  const { action, id, status } = change;
  const arn = change.arn ?? "";
  const publicNames = change.dnsEntries.filter((e) => !e.private);
  const privateNames = change.dnsEntries.filter((e) => e.private);
  const groupEdges = (groups: readonly string[] | undefined): GraphEdge[] =>
    (groups ?? []).map((g) => edgeOf("security-group", id, g));
  switch (action.type) {
    case "associate-vpc": {
      const network = idOf(action.serviceNetworkId);
      return {
        node: {
          id,
          kind: "vpcAssociation",
          label: "VPC association",
          status,
          data: {
            id,
            arn,
            status,
            serviceNetworkId: network,
            vpcId: action.vpcId,
            securityGroupIds: action.securityGroupIds ?? [],
            privateDnsEnabled: action.privateDnsEnabled ?? false,
            ...(action.dnsOptions ? { dnsOptions: action.dnsOptions } : {}),
            ...(change.failureCode ? { failureCode: change.failureCode } : {}),
            ...(change.failureReason ? { failureMessage: change.failureReason } : {}),
          },
        },
        edges: [
          edgeOf("vpc-association", action.vpcId, id, status),
          edgeOf("vpc-association", id, network, status),
          ...groupEdges(action.securityGroupIds),
        ],
      };
    }
    case "associate-resource": {
      const network = idOf(action.serviceNetworkId);
      const configuration = idOf(action.resourceConfigurationId);
      return {
        node: {
          id,
          kind: "resourceAssociation",
          label: index.byId.get(configuration)?.label ?? "resource association",
          status,
          data: {
            id,
            arn,
            status,
            serviceNetworkId: network,
            resourceConfigurationId: configuration,
            isManaged: false,
            privateDnsEnabled: action.privateDnsEnabled ?? true,
            // A GROUP/ARN configuration's names belong to its children: the parent shows one only when there is one.
            ...(publicNames.length === 1 ? { dnsName: publicNames[0]!.name } : {}),
            ...(privateNames.length === 1 ? { privateDnsName: privateNames[0]!.name } : {}),
            ...(change.failureCode ? { failureCode: change.failureCode } : {}),
          },
        },
        edges: [
          edgeOf("resource-association", network, id, status),
          edgeOf("resource-association", id, configuration, status),
        ],
      };
    }
    case "associate-service": {
      const network = idOf(action.serviceNetworkId);
      const service = idOf(action.serviceId);
      return {
        node: {
          id,
          kind: "serviceAssociation",
          label: "service association",
          status,
          data: {
            id,
            arn,
            status,
            serviceNetworkId: network,
            serviceId: service,
            ...(publicNames[0] ? { dnsName: publicNames[0].name } : {}),
          },
        },
        edges: [edgeOf("service-association", network, id, status), edgeOf("service-association", id, service, status)],
      };
    }
    case "create-resource-endpoint":
    case "create-service-network-endpoint": {
      const resource = action.type === "create-resource-endpoint";
      const reached = idOf(resource ? action.resourceConfigurationId : action.serviceNetworkId);
      const reachedNode = index.byId.get(reached);
      const reachedArn =
        reachedNode && "arn" in reachedNode.data && typeof reachedNode.data.arn === "string"
          ? reachedNode.data.arn
          : resource
            ? action.resourceConfigurationId
            : action.serviceNetworkId;
      const inVpc = index.byId.has(action.vpcId) ? { parent: action.vpcId } : {};
      return {
        node: {
          id,
          kind: "vpcEndpoint",
          label: resource ? "Resource endpoint" : "ServiceNetwork endpoint",
          ...inVpc,
          status,
          data: {
            endpointId: id,
            endpointType: resource ? "Resource" : "ServiceNetwork",
            state: status,
            vpcId: action.vpcId,
            subnetIds: action.subnetIds,
            securityGroupIds: action.securityGroupIds ?? [],
            privateDnsEnabled: action.privateDnsEnabled ?? false,
            ...(resource ? { resourceConfigurationArn: reachedArn } : { serviceNetworkArn: reachedArn }),
            associations: change.dnsEntries.map((entry, i) => ({
              id: `${id}-dns-${i}`,
              associatedResourceArn: entry.reaches ?? reachedArn,
              ...(entry.private ? { privateDnsName: entry.name } : { dnsName: entry.name }),
            })),
          },
        },
        edges: [edgeOf("endpoint", id, reached, status), ...groupEdges(action.securityGroupIds)],
      };
    }
    default:
      return undefined;
  }
}

/** The node with AWS's latest word on a removal in flight. */
function withStatus(node: GraphNode, status: string): GraphNode {
  if (node.kind === "vpcEndpoint") return { ...node, status, data: { ...node.data, state: status } };
  if (node.kind === "vpcAssociation" || node.kind === "resourceAssociation" || node.kind === "serviceAssociation")
    return { ...node, status, data: { ...node.data, status } } as GraphNode;
  return { ...node, status };
}

const memo = new WeakMap<Topology, { changes: readonly PendingChange[]; merged: Topology }>();

export function mergePendingChanges(topology: Topology, changes: readonly PendingChange[]): Topology {
  if (changes.length === 0) return topology;
  const remembered = memo.get(topology);
  if (remembered?.changes === changes) return remembered.merged;

  const index = indexTopology(topology);
  const marks = new Map<string, ChangeMark>();
  const replaced = new Map<string, GraphNode>();
  const removed = new Set<string>();
  const addedNodes: GraphNode[] = [];
  const addedEdges: GraphEdge[] = [];
  for (const change of changes) {
    if (change.action.type === "add-ingress-rule") continue;
    const existing = index.byId.get(change.id);
    const mark = markOf(change);
    if (isRemoval(change.action)) {
      if (!existing) continue;
      if (change.phase === "deleted" || change.phase === "not-found") {
        removed.add(change.id);
        continue;
      }
      replaced.set(change.id, withStatus(existing, change.status));
      if (mark) marks.set(change.id, mark);
      continue;
    }
    if (existing) {
      // Discovery already shows it: its node wins; a failure keeps its mark.
      if (mark === "failed") marks.set(change.id, mark);
      continue;
    }
    const built = pendingNodeOf(change, index);
    if (!built) continue;
    addedNodes.push(built.node);
    // Edges to what the picture does not hold (a group of another VPC, a shared network) would dangle: leave them out.
    const present = (nodeId: string): boolean => nodeId === change.id || index.byId.has(nodeId);
    for (const edge of built.edges) if (present(edge.source) && present(edge.target)) addedEdges.push(edge);
    if (mark) marks.set(change.id, mark);
  }
  if (addedNodes.length === 0 && replaced.size === 0 && removed.size === 0 && marks.size === 0) {
    memo.set(topology, { changes, merged: topology });
    return topology;
  }
  const nodes = topology.nodes.filter((n) => !removed.has(n.id)).map((n) => replaced.get(n.id) ?? n);
  const edges = topology.edges.filter((e) => !removed.has(e.source) && !removed.has(e.target));
  const known = new Set(edges.map((e) => e.id));
  const merged: Topology = {
    ...topology,
    nodes: [...nodes, ...addedNodes],
    edges: [...edges, ...addedEdges.filter((e) => !known.has(e.id))],
  };
  markChanges(merged, marks);
  memo.set(topology, { changes, merged });
  return merged;
}
