/** Request schemas of the routes, shared with the UI's API client. */
import Type, { type Static } from "typebox";
import { PATTERNS } from "./ids.js";

const SourceParam = Type.String({ pattern: PATTERNS.sourceId, description: "emulator, default or profile:<name>" });
const RegionParam = Type.String({ pattern: PATTERNS.region, description: "AWS region, e.g. ap-northeast-1" });

export const TopologyQuery = Type.Object(
  {
    source: Type.Optional(SourceParam),
    region: Type.Optional(RegionParam),
    refresh: Type.Optional(Type.Boolean({ description: "Re-read AWS instead of answering from the cache" })),
  },
  { additionalProperties: false },
);
export type TopologyQuery = Static<typeof TopologyQuery>;

export const RegionsQuery = Type.Object({ source: Type.Optional(SourceParam) }, { additionalProperties: false });
export type RegionsQuery = Static<typeof RegionsQuery>;

export const ProgressQuery = Type.Object(
  { source: Type.Optional(SourceParam), region: Type.Optional(RegionParam) },
  { additionalProperties: false },
);
export type ProgressQuery = Static<typeof ProgressQuery>;

export const ConnectQuery = Type.Object(
  {
    source: Type.Optional(SourceParam),
    region: Type.Optional(RegionParam),
    from: Type.String({ pattern: PATTERNS.vpcId, description: "The consumer VPC (vpc-…)" }),
    to: Type.Optional(
      Type.String({ pattern: PATTERNS.nodeId, description: "A resource configuration or service: id or ARN" }),
    ),
  },
  { additionalProperties: false },
);
export type ConnectQuery = Static<typeof ConnectQuery>;

export const HealthResponse = Type.Object({
  status: Type.Literal("ok"),
  version: Type.String(),
  emulator: Type.Union([Type.Object({ url: Type.String() }), Type.Null()]),
  /** true when every source refuses changes (forced read-only, or real AWS without --allow-mutations and no emulator). */
  readOnly: Type.Boolean(),
  /**
   * A picture read longer ago than this many minutes is stale: the console marks it and reads it again in the
   * background when it opens it (page load, source or region switch). 0: never by itself (--refresh-after).
   */
  refreshAfterMinutes: Type.Number({ minimum: 0 }),
});
export type HealthResponse = Static<typeof HealthResponse>;
