/**
 * Where each Lattice thing sits, left to right, in the order traffic flows:
 *
 *   client SG │ entry SG │ endpoint │ VPC assoc │ service network │ assoc │ config / service │
 *   gateway / target group │ Aurora cluster (its endpoints under it) / Lambda / target
 *
 * Columns 0–2 form the consumer zone (inside consumer VPCs), 7–8 the
 * provider zone (inside provider VPCs); the middle belongs to no VPC.
 * On the consumer side the security-group chain of the field report reads
 * left to right (client group → entry group → endpoint); on the provider
 * side a group hangs right under what it protects (same column, anchored),
 * as do the writer and reader endpoints under their cluster.
 */
import type { GraphNode, NodeKind } from "@lattice-atlas/shared";
import type { TopologyIndex } from "../topology-index";

export const COLUMN = {
  clientGroup: 0,
  entryGroup: 1,
  endpoint: 2,
  vpcAssociation: 3,
  serviceNetwork: 4,
  association: 5,
  configuration: 6,
  gateway: 7,
  resource: 8,
} as const;

export const CONSUMER_ZONE = [COLUMN.clientGroup, COLUMN.endpoint] as const;
export const PROVIDER_ZONE = [COLUMN.gateway, COLUMN.resource] as const;

const COLUMN_OF_KIND = {
  vpcEndpoint: COLUMN.endpoint,
  vpcAssociation: COLUMN.vpcAssociation,
  serviceNetwork: COLUMN.serviceNetwork,
  resourceAssociation: COLUMN.association,
  serviceAssociation: COLUMN.association,
  resourceConfiguration: COLUMN.configuration,
  service: COLUMN.configuration,
  resourceGateway: COLUMN.gateway,
  targetGroup: COLUMN.gateway,
  dbCluster: COLUMN.resource,
  target: COLUMN.resource,
  resourceTarget: COLUMN.resource,
  dbEndpoint: COLUMN.resource,
  account: COLUMN.serviceNetwork,
  resourceShare: COLUMN.serviceNetwork,
  stub: COLUMN.association,
} as const satisfies Record<Exclude<NodeKind, "vpc" | "securityGroup">, number>;

const CONSUMER_SIDE_OWNERS: ReadonlySet<NodeKind> = new Set<NodeKind>(["vpcEndpoint", "vpcAssociation"]);

export function zoneOf(column: number): "consumer" | "provider" | "middle" {
  if (column <= CONSUMER_ZONE[1]) return "consumer";
  if (column >= PROVIDER_ZONE[0]) return "provider";
  return "middle";
}

export interface Placement {
  column: number;
  /** Drawn right under this node, in its column. */
  anchor?: string;
}

const byColumnThenId = (a: GraphNode, b: GraphNode): number =>
  columnOfKind(a) - columnOfKind(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function columnOfKind(node: GraphNode): number {
  return node.kind === "vpc" || node.kind === "securityGroup" ? COLUMN.endpoint : COLUMN_OF_KIND[node.kind];
}

function placeSecurityGroup(group: GraphNode, index: TopologyIndex): Placement {
  const owners = index.groupOwners.get(group.id) ?? [];
  if (owners.some((o) => CONSUMER_SIDE_OWNERS.has(o.kind))) return { column: COLUMN.entryGroup };
  const owner = [...owners].sort(byColumnThenId)[0];
  if (owner) return { column: columnOfKind(owner), anchor: owner.id };
  // A group no one uses directly: a client group that entry groups let in, or a stray one.
  const admittedBy = index.admittedBy.get(group.id) ?? [];
  if (admittedBy.some((g) => (index.groupOwners.get(g.id) ?? []).some((o) => CONSUMER_SIDE_OWNERS.has(o.kind))))
    return { column: COLUMN.clientGroup };
  const vpc = group.parent ? index.get(group.parent, "vpc") : undefined;
  const providerOnly = vpc !== undefined && vpc.data.roles.includes("provider") && !vpc.data.roles.includes("consumer");
  return { column: providerOnly || admittedBy.length > 0 ? COLUMN.gateway : COLUMN.clientGroup };
}

/** Where a node is drawn when shown on its own (VPCs: their collapsed chip). */
export function placeNode(node: GraphNode, index: TopologyIndex, cache: Map<string, Placement>): Placement {
  switch (node.kind) {
    case "vpc": {
      const { roles } = node.data;
      return { column: roles.includes("provider") && !roles.includes("consumer") ? COLUMN.resource : COLUMN.endpoint };
    }
    case "securityGroup": {
      let placement = cache.get(node.id);
      if (!placement) {
        placement = placeSecurityGroup(node, index);
        cache.set(node.id, placement);
      }
      return placement;
    }
    default:
      return { column: COLUMN_OF_KIND[node.kind] };
  }
}

/** The columns a VPC container covers: whole zones, so that sibling VPCs line up. */
export function containerSpan(childColumns: Iterable<number>): [number, number] {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const column of childColumns) {
    const zone = zoneOf(column);
    const [from, to] = zone === "consumer" ? CONSUMER_ZONE : zone === "provider" ? PROVIDER_ZONE : [column, column];
    start = Math.min(start, from);
    end = Math.max(end, to);
  }
  return Number.isFinite(start) ? [start, end] : [COLUMN.endpoint, COLUMN.endpoint];
}
