/**
 * The connectivity check: why can (or can't) this client reach that resource?
 * A path is explained hop by hop from configuration alone; every hop names
 * the rule or setting that allows it, or the missing one and the fix.
 */
import Type, { type Static } from "typebox";
import { Action } from "./actions.js";
import { PATTERNS } from "./ids.js";
import { HOP_STATUSES, PATTERNS_OF_ACCESS, VERDICTS } from "./lattice.js";
import { StringEnum } from "./schema.js";

export const AnalyzeRequest = Type.Object(
  {
    source: Type.Optional(Type.String({ pattern: PATTERNS.sourceId })),
    region: Type.Optional(Type.String({ pattern: PATTERNS.region })),
    from: Type.Object(
      {
        vpc: Type.String({ pattern: PATTERNS.vpcId, description: "The client's VPC" }),
        securityGroup: Type.Optional(
          Type.String({
            pattern: PATTERNS.securityGroupId,
            description: "The client's security group (inferred when omitted)",
          }),
        ),
        subnet: Type.Optional(Type.String({ pattern: PATTERNS.subnetId, description: "The client's subnet" })),
      },
      { additionalProperties: false },
    ),
    to: Type.String({
      pattern: PATTERNS.nodeId,
      description: "A resource configuration, service, Aurora cluster or endpoint: id, ARN or hostname",
    }),
    port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
    hostname: Type.Optional(
      Type.String({
        minLength: 3,
        maxLength: 255,
        pattern: "^[A-Za-z0-9.-]+$",
        description: "The name the client will use",
      }),
    ),
    refresh: Type.Optional(Type.Boolean({ description: "Re-read AWS first instead of using the cached topology" })),
  },
  { additionalProperties: false },
);
export type AnalyzeRequest = Static<typeof AnalyzeRequest>;

export const Hop = Type.Object({
  step: Type.Integer({ minimum: 1, maximum: 12 }),
  title: Type.String(),
  status: StringEnum(HOP_STATUSES),
  subject: Type.Optional(Type.Object({ id: Type.String(), kind: Type.String(), label: Type.String() })),
  detail: Type.String(),
  /** The rule or setting that allows the hop. */
  rule: Type.Optional(Type.String()),
  fix: Type.Optional(Type.Object({ text: Type.String(), action: Type.Optional(Action) })),
  /** For an unknown hop: the reads whose absence left it undecided ("rds:DescribeDBClusters (AccessDenied)"). */
  unread: Type.Optional(Type.Array(Type.String())),
});
export type Hop = Static<typeof Hop>;

/**
 * The verdict of the connectivity check as a Connect row carries it: the
 * same check as POST /api/analyze for that VPC and target (default port, the
 * inferred client group), reduced to what a row shows.
 */
export const RowCheck = Type.Object({
  verdict: StringEnum(VERDICTS),
  port: Type.Optional(Type.Integer()),
  pattern: Type.Optional(StringEnum(PATTERNS_OF_ACCESS)),
  /** The first failing hop, with its subject and fix (and the one-click action when there is one). */
  failing: Type.Optional(Hop),
  /** What could not be decided, hop by hop, when nothing fails but something is unknown. */
  cannotTell: Type.Array(Type.Object({ step: Type.Integer(), title: Type.String(), detail: Type.String() })),
  summary: Type.String(),
});
export type RowCheck = Static<typeof RowCheck>;

export const AnalyzeAnswer = Type.Object({
  verdict: StringEnum(VERDICTS),
  summary: Type.String(),
  from: Type.Object({
    vpcId: Type.String(),
    name: Type.String(),
    securityGroupId: Type.Optional(Type.String()),
    securityGroupInferred: Type.Boolean(),
  }),
  target: Type.Object({ id: Type.String(), kind: Type.String(), name: Type.String() }),
  path: Type.Optional(
    Type.Object({ pattern: StringEnum(PATTERNS_OF_ACCESS), entryId: Type.String(), entryKind: Type.String() }),
  ),
  port: Type.Optional(Type.Integer()),
  hostname: Type.Optional(Type.String()),
  hops: Type.Array(Hop),
  /** Graph node ids along the path, for highlighting; the failing hop's subject first. */
  highlight: Type.Array(Type.String()),
  failingNodeId: Type.Optional(Type.String()),
  /** A plain-text summary to paste into a ticket. */
  text: Type.String(),
});
export type AnalyzeAnswer = Static<typeof AnalyzeAnswer>;
