/**
 * What the details panel reads on demand, not with every discovery: where a service network, service or resource
 * configuration sends its access logs, and a service's listener rules. A read that fails leaves its part out and
 * says why in `warnings`.
 */
import Type, { type Static } from "typebox";
import { AccessLogSubscription, Warning } from "./graph.js";
import { PATTERNS } from "./ids.js";

export const LatticeDetailsQuery = Type.Object(
  {
    source: Type.Optional(Type.String({ pattern: PATTERNS.sourceId })),
    region: Type.Optional(Type.String({ pattern: PATTERNS.region })),
    id: Type.String({ pattern: PATTERNS.nodeId, description: "A service network, service or resource configuration" }),
  },
  { additionalProperties: false },
);
export type LatticeDetailsQuery = Static<typeof LatticeDetailsQuery>;

export const ListenerRule = Type.Object({
  name: Type.String(),
  priority: Type.Optional(Type.Integer()),
  isDefault: Type.Boolean(),
});
export type ListenerRule = Static<typeof ListenerRule>;

export const LatticeDetails = Type.Object({
  id: Type.String(),
  /** Undefined when they could not be read (see warnings). */
  accessLogs: Type.Optional(Type.Array(AccessLogSubscription)),
  /** A service's listeners with their rules (the default rule last); a listener whose rules could not be read has none. */
  listeners: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        protocol: Type.String(),
        port: Type.Integer(),
        rules: Type.Optional(Type.Array(ListenerRule)),
      }),
    ),
  ),
  warnings: Type.Array(Warning),
});
export type LatticeDetails = Static<typeof LatticeDetails>;
