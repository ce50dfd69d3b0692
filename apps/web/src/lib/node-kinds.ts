/**
 * The console's vocabulary of node kinds: a human name, the order in which
 * traffic meets them, and their colours. Each table is checked with
 * `satisfies Record<NodeKind, …>`, so a new kind in packages/shared is a type
 * error here until it has a name, a place and a colour.
 *
 * The colours are defined here only: the diagram's CSS is generated from them
 * (see features/topology/diagram-colors.ts), and the minimap, the legend and
 * the exports read them as values.
 */
import type { NodeKind } from "@lattice-atlas/shared";

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
  account: "Account",
  resourceShare: "RAM share",
  stub: "Not read",
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
  "account",
  "resourceShare",
  "stub",
] as const satisfies readonly NodeKind[];

export interface KindColor {
  /** The kind's own colour: a card's border and icon, a pill's outline and text, its lines. */
  ink: string;
  /** A light background of the same hue (a box in an exported diagram). */
  fill: string;
}

/** The three ways into Lattice: a Resource endpoint (1), a ServiceNetwork endpoint (2), a VPC association (3). */
export const PATTERN_COLOR = {
  resourceEndpoint: { ink: "#0f7b6c", fill: "#ccfbf1" },
  serviceNetworkEndpoint: { ink: "#7c3aed", fill: "#ede9fe" },
  vpcAssociation: { ink: "#c2410c", fill: "#ffedd5" },
} as const satisfies Record<string, KindColor>;

const SLATE: KindColor = { ink: "#475569", fill: "#e2e8f0" };
const BLUE: KindColor = { ink: "#2563eb", fill: "#dbeafe" };
const INDIGO: KindColor = { ink: "#4338ca", fill: "#e0e7ff" };
const CRIMSON: KindColor = { ink: "#9d174d", fill: "#fce7f3" };

export const NODE_KIND_COLOR = {
  vpc: { ink: "#475569", fill: "#f1f5f9" },
  securityGroup: { ink: "#78716c", fill: "#f5f5f4" },
  vpcEndpoint: PATTERN_COLOR.resourceEndpoint,
  serviceNetwork: PATTERN_COLOR.vpcAssociation,
  vpcAssociation: PATTERN_COLOR.vpcAssociation,
  resourceAssociation: BLUE,
  serviceAssociation: { ink: "#db2777", fill: "#fce7f3" },
  resourceConfiguration: BLUE,
  service: { ink: "#be185d", fill: "#fce7f3" },
  resourceGateway: SLATE,
  targetGroup: CRIMSON,
  dbCluster: INDIGO,
  dbEndpoint: INDIGO,
  resourceTarget: SLATE,
  target: CRIMSON,
  account: { ink: "#334155", fill: "#f8fafc" },
  resourceShare: { ink: "#0e7490", fill: "#cffafe" },
  stub: { ink: "#64748b", fill: "#f1f5f9" },
} as const satisfies Record<NodeKind, KindColor>;

/** A kind's colour on the minimap: its ink, light enough that the camera frame stays readable over it. */
export const minimapColor = (kind: NodeKind): string => `${NODE_KIND_COLOR[kind].ink}73`;
