/**
 * How each kind of line is drawn: the contract's edge kinds, endpoints split by
 * type (patterns 1 and 2), and security-group rules, each with its colour —
 * taken from the node kind or the pattern it belongs to (lib/node-kinds.ts),
 * so that a line and the boxes it joins agree.
 */
import type { EdgeKind } from "@lattice-atlas/shared";
import { NODE_KIND_COLOR, PATTERN_COLOR } from "../../lib/node-kinds";

export type EdgeVariant = Exclude<EdgeKind, "endpoint"> | "endpoint-resource" | "endpoint-network" | "sg-rule";

export const EDGE_COLOR = {
  "endpoint-resource": PATTERN_COLOR.resourceEndpoint.ink,
  "endpoint-network": PATTERN_COLOR.serviceNetworkEndpoint.ink,
  "vpc-association": PATTERN_COLOR.vpcAssociation.ink,
  "resource-association": NODE_KIND_COLOR.resourceAssociation.ink,
  "service-association": NODE_KIND_COLOR.serviceAssociation.ink,
  child: "#94a3b8",
  gateway: NODE_KIND_COLOR.resourceGateway.ink,
  resource: NODE_KIND_COLOR.resourceGateway.ink,
  listener: NODE_KIND_COLOR.targetGroup.ink,
  target: NODE_KIND_COLOR.target.ink,
  "security-group": "#a8a29e",
  "sg-rule": "#b45309",
  share: NODE_KIND_COLOR.resourceShare.ink,
  "shared-with": NODE_KIND_COLOR.resourceShare.ink,
} as const satisfies Record<EdgeVariant, string>;
