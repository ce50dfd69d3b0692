/**
 * What the UI knows about each node and edge kind of the contract: a human
 * name, the traffic column it sits in, and the status classes. `satisfies
 * Record<NodeKind, …>` makes a new kind in packages/shared a type error here
 * until it is placed.
 */
import type { EdgeKind, NodeKind } from "@lattice-atlas/shared";

export const NODE_KIND_LABEL = {
  vpc: "VPC",
  securityGroup: "Security group",
  vpcEndpoint: "VPC endpoint",
  serviceNetwork: "Service network",
  vpcAssociation: "VPC association",
  resourceAssociation: "Resource association",
  serviceAssociation: "Service association",
  resourceGateway: "Resource gateway",
  resourceConfiguration: "Resource configuration",
  dbCluster: "Aurora / RDS cluster",
  dbEndpoint: "Database endpoint",
  resourceTarget: "Resource target",
  service: "Lattice service",
  targetGroup: "Target group",
  target: "Target",
} as const satisfies Record<NodeKind, string>;

/** Every node kind, in traffic order (used to validate URLs and to list filters). */
export const NODE_KIND_LIST = [
  "vpc",
  "securityGroup",
  "vpcEndpoint",
  "vpcAssociation",
  "serviceNetwork",
  "resourceAssociation",
  "serviceAssociation",
  "resourceConfiguration",
  "service",
  "resourceGateway",
  "targetGroup",
  "dbCluster",
  "target",
  "resourceTarget",
  "dbEndpoint",
] as const satisfies readonly NodeKind[];

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
} as const satisfies Record<EdgeKind, string>;

export { statusClass } from "@lattice-atlas/shared";
