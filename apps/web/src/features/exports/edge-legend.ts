/**
 * What each kind of line means, in the exported diagram's legend: the three
 * ways into Lattice (patterns 1–3) first, as in the console's legend. A table
 * over every EdgeVariant, so a new kind of line is a type error here until it
 * has a name.
 */
import type { EdgeVariant } from "../topology/edge-styles";

const LABEL = {
  "endpoint-resource": "Pattern 1 · Resource endpoint",
  "endpoint-network": "Pattern 2 · ServiceNetwork endpoint",
  "vpc-association": "Pattern 3 · VPC association",
  "resource-association": "Resource association",
  "service-association": "Service association",
  gateway: "Configuration → resource gateway",
  resource: "Gateway → resource",
  listener: "Listener → target group",
  target: "Target group → target",
  child: "Group → child",
  "sg-rule": "Security-group rule (ports)",
  "security-group": "Uses security group",
  share: "RAM share",
  "shared-with": "Shared with",
} as const satisfies Record<EdgeVariant, string>;

export const EDGE_LEGEND: ReadonlyArray<{ variant: EdgeVariant; label: string }> = (
  Object.keys(LABEL) as EdgeVariant[]
).map((variant) => ({ variant, label: LABEL[variant] }));
