/**
 * "Which hostname do I use from here?": for a consumer VPC, each reachable
 * resource or service with the names that work, the pattern behind each, the
 * port and a ready command; the names that look right but fail, and why; and
 * the targets out of reach, with why.
 */
import Type, { type Static } from "typebox";
import { StringEnum } from "./schema.js";

const OptStr = Type.Optional(Type.String());

export const PATTERNS_OF_ACCESS = [
  "resource-endpoint",
  "service-network-endpoint",
  "service-network-association",
] as const;
export type AccessPattern = (typeof PATTERNS_OF_ACCESS)[number];

export const Hostname = Type.Object({
  hostname: Type.String(),
  works: Type.Boolean(),
  pattern: StringEnum(PATTERNS_OF_ACCESS),
  /** The endpoint or association that carries the name. */
  via: Type.Object({ id: Type.String(), kind: Type.String() }),
  /** true for a private-DNS name (the resource's own or custom name), false for the generated one. */
  privateDns: Type.Boolean(),
  port: Type.Optional(Type.Integer()),
  /** Which API field the name comes from. */
  source: Type.Object({ api: Type.String(), field: Type.String() }),
  command: OptStr,
  reason: OptStr,
  /** What the name resolves to, when known. */
  resolvesTo: Type.Optional(Type.Array(Type.String())),
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
});
export type ConnectTarget = Static<typeof ConnectTarget>;

export const ReachableTarget = Type.Object({
  target: ConnectTarget,
  hostnames: Type.Array(Hostname),
  notWorking: Type.Array(Hostname),
});
export type ReachableTarget = Static<typeof ReachableTarget>;

export const UnreachableTarget = Type.Object({
  target: ConnectTarget,
  reason: Type.String(),
  /** What would make it reachable. */
  fix: Type.String(),
});
export type UnreachableTarget = Static<typeof UnreachableTarget>;

export const ConnectAnswer = Type.Object({
  from: Type.Object({ vpcId: Type.String(), name: Type.String(), cidr: Type.String() }),
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
