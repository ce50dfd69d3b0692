/**
 * "Which hostname do I use from here?": for a consumer VPC, each reachable
 * resource or service with the names that work, the pattern behind each, the
 * port and a ready command; the names that look right but fail, and why; and
 * the targets out of reach, with why. Every target carries the verdict of the
 * connectivity check for it, so the answer and the check cannot disagree.
 * The reverse question ("reachable from") lists every VPC that reaches a target.
 */
import Type, { type Static } from "typebox";
import { Action } from "./actions.js";
import { RowCheck } from "./analyze.js";
import { PATTERNS } from "./ids.js";
import { PATTERNS_OF_ACCESS, VERDICTS } from "./lattice.js";
import { StringEnum } from "./schema.js";

const OptStr = Type.Optional(Type.String());

export const Hostname = Type.Object({
  hostname: Type.String(),
  works: Type.Boolean(),
  pattern: StringEnum(PATTERNS_OF_ACCESS),
  /** The endpoint or association that carries the name (and, in an estate, the account that owns it). */
  via: Type.Object({ id: Type.String(), kind: Type.String(), accountId: OptStr }),
  /** true for a private-DNS name (the resource's own or custom name), false for the generated one. */
  privateDns: Type.Boolean(),
  port: Type.Optional(Type.Integer()),
  /** Which API field the name comes from. */
  source: Type.Object({ api: Type.String(), field: Type.String() }),
  command: OptStr,
  reason: OptStr,
  /** For a name that does not work: what would make it work, with the one-click change when there is one. */
  fix: Type.Optional(Type.Object({ text: Type.String(), action: Type.Optional(Action) })),
  /** What the name resolves to, when known. */
  resolvesTo: Type.Optional(Type.Array(Type.String())),
  /** The connectivity check of the path that carries this name (a working name on a blocked path times out). */
  path: Type.Optional(
    Type.Object({ verdict: StringEnum(VERDICTS), failingStep: Type.Optional(Type.Integer()), summary: Type.String() }),
  ),
});
export type Hostname = Static<typeof Hostname>;

export const ConnectTarget = Type.Object({
  id: Type.String(),
  arn: Type.String(),
  kind: Type.Union([Type.Literal("resourceConfiguration"), Type.Literal("service")]),
  name: Type.String(),
  /** What it stands for: "Aurora writer", "DNS db.example.com", "Lattice service" … */
  description: Type.String(),
  parentId: OptStr,
  ports: Type.Array(Type.String()),
  protocol: OptStr,
  /** The account that owns it (in an estate, often not the VPC's). */
  accountId: OptStr,
});
export type ConnectTarget = Static<typeof ConnectTarget>;

/** A target with at least one way in from the VPC: its names, and the check's verdict on the best way. */
export const ReachableTarget = Type.Object({
  target: ConnectTarget,
  hostnames: Type.Array(Hostname),
  notWorking: Type.Array(Hostname),
  check: RowCheck,
});
export type ReachableTarget = Static<typeof ReachableTarget>;

/** A target with no usable way in from the VPC. */
export const UnreachableTarget = Type.Object({
  target: ConnectTarget,
  reason: Type.String(),
  /** What would make it reachable. */
  fix: Type.String(),
  check: RowCheck,
});
export type UnreachableTarget = Static<typeof UnreachableTarget>;

export const ConnectAnswer = Type.Object({
  from: Type.Object({ vpcId: Type.String(), name: Type.String(), cidr: Type.String(), accountId: OptStr }),
  entryPoints: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      pattern: StringEnum(PATTERNS_OF_ACCESS),
      status: Type.String(),
      label: Type.String(),
    }),
  ),
  reachable: Type.Array(ReachableTarget),
  unreachable: Type.Array(UnreachableTarget),
  notes: Type.Array(Type.String()),
});
export type ConnectAnswer = Static<typeof ConnectAnswer>;

export const ReachableFromQuery = Type.Object(
  {
    source: Type.Optional(Type.String({ pattern: PATTERNS.sourceId })),
    region: Type.Optional(Type.String({ pattern: PATTERNS.region })),
    to: Type.String({
      pattern: PATTERNS.nodeId,
      description: "A resource configuration, service, Aurora cluster or endpoint: id, ARN or hostname",
    }),
  },
  { additionalProperties: false },
);
export type ReachableFromQuery = Static<typeof ReachableFromQuery>;

/** One VPC that has a way in to the target: by which pattern, with the name to use and the check's verdict. */
export const ReachingVpc = Type.Object({
  vpc: Type.Object({ id: Type.String(), name: Type.String(), accountId: OptStr }),
  /** The (child) configuration or service this row is about, for a GROUP or an Aurora cluster with several. */
  target: Type.Object({ id: Type.String(), name: Type.String() }),
  pattern: StringEnum(PATTERNS_OF_ACCESS),
  via: Type.Object({ id: Type.String(), kind: Type.String() }),
  hostname: Type.String(),
  port: Type.Optional(Type.Integer()),
  command: OptStr,
  check: RowCheck,
});
export type ReachingVpc = Static<typeof ReachingVpc>;

export const ReachableFromAnswer = Type.Object({
  target: Type.Object({ id: Type.String(), kind: Type.String(), name: Type.String() }),
  vpcs: Type.Array(ReachingVpc),
  notes: Type.Array(Type.String()),
});
export type ReachableFromAnswer = Static<typeof ReachableFromAnswer>;
