/**
 * What the diagram knows about the edge kinds of the contract (a human name),
 * the association kinds, and the status classes (one table, in
 * packages/shared). The node kinds' names, order and colours are in
 * lib/node-kinds.ts: the URL and every feature read them.
 */
import type { EdgeKind, NodeKind } from "@lattice-atlas/shared";

export const ASSOCIATION_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>([
  "vpcAssociation",
  "resourceAssociation",
  "serviceAssociation",
]);

export const EDGE_KIND_LABEL = {
  "vpc-association": "VPC association (pattern 3)",
  endpoint: "VPC endpoint",
  "resource-association": "Resource association",
  "service-association": "Service association",
  child: "Group → child",
  gateway: "Configuration → gateway",
  resource: "Configuration → resource",
  listener: "Service → target group",
  target: "Target group → target",
  "security-group": "Uses security group",
  share: "RAM share → what it shares",
  "shared-with": "RAM share → account",
} as const satisfies Record<EdgeKind, string>;

export { statusClass } from "@lattice-atlas/shared";
