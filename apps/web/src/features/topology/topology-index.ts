/**
 * Lookups over one API topology, built once per response object (WeakMap) and
 * shared by the projection, the details panel, search and the connect path.
 */
import type { GraphEdge, GraphNode, GraphNodeOf, NodeKind, Topology } from "@lattice-atlas/shared";

export interface TopologyIndex {
  readonly topology: Topology;
  readonly byId: ReadonlyMap<string, GraphNode>;
  readonly outgoing: ReadonlyMap<string, readonly GraphEdge[]>;
  readonly incoming: ReadonlyMap<string, readonly GraphEdge[]>;
  /** VPC id → the nodes it contains. */
  readonly childrenOf: ReadonlyMap<string, readonly GraphNode[]>;
  /** Service network id → its VPC, resource and service associations. */
  readonly associationsOf: ReadonlyMap<string, readonly GraphNode[]>;
  /** Security group id → the nodes that use it (endpoints, associations, gateways, databases, functions). */
  readonly groupOwners: ReadonlyMap<string, readonly GraphNode[]>;
  /** Security group id → the groups whose inbound rules let it in. */
  readonly admittedBy: ReadonlyMap<string, readonly GraphNodeOf<"securityGroup">[]>;
  /** Service network ARN → id. */
  readonly networkIdByArn: ReadonlyMap<string, string>;
  of<K extends NodeKind>(kind: K): ReadonlyArray<GraphNodeOf<K>>;
  get<K extends NodeKind>(id: string, kind: K): GraphNodeOf<K> | undefined;
}

const cache = new WeakMap<Topology, TopologyIndex>();

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The service network an association node belongs to, if it is one. */
export function networkOfAssociation(node: GraphNode): string | undefined {
  if (node.kind === "vpcAssociation" || node.kind === "resourceAssociation" || node.kind === "serviceAssociation")
    return node.data.serviceNetworkId;
  return undefined;
}

export function indexTopology(topology: Topology): TopologyIndex {
  const cached = cache.get(topology);
  if (cached) return cached;
  const byId = new Map<string, GraphNode>();
  const byKind = new Map<NodeKind, GraphNode[]>();
  const childrenOf = new Map<string, GraphNode[]>();
  const associationsOf = new Map<string, GraphNode[]>();
  const networkIdByArn = new Map<string, string>();
  const admittedBy = new Map<string, GraphNodeOf<"securityGroup">[]>();
  for (const node of topology.nodes) {
    byId.set(node.id, node);
    push(byKind as Map<string, GraphNode[]>, node.kind, node);
    if (node.parent) push(childrenOf, node.parent, node);
    const network = networkOfAssociation(node);
    if (network) push(associationsOf, network, node);
    if (node.kind === "serviceNetwork") networkIdByArn.set(node.data.arn, node.id);
    if (node.kind === "securityGroup") {
      const sources = new Set(
        node.data.ingress.map((rule) => rule.sourceGroupId).filter((id): id is string => Boolean(id) && id !== node.id),
      );
      for (const source of sources) push(admittedBy, source, node);
    }
  }
  const outgoing = new Map<string, GraphEdge[]>();
  const incoming = new Map<string, GraphEdge[]>();
  const groupOwners = new Map<string, GraphNode[]>();
  for (const edge of topology.edges) {
    push(outgoing, edge.source, edge);
    push(incoming, edge.target, edge);
    if (edge.kind === "security-group") {
      const owner = byId.get(edge.source);
      if (owner) push(groupOwners, edge.target, owner);
    }
  }
  const index: TopologyIndex = {
    topology,
    byId,
    outgoing,
    incoming,
    childrenOf,
    associationsOf,
    groupOwners,
    admittedBy,
    networkIdByArn,
    of: <K extends NodeKind>(kind: K) => (byKind.get(kind) ?? []) as unknown as ReadonlyArray<GraphNodeOf<K>>,
    get: <K extends NodeKind>(id: string, kind: K) => {
      const node = byId.get(id);
      return node?.kind === kind ? (node as GraphNodeOf<K>) : undefined;
    },
  };
  cache.set(topology, index);
  return index;
}
