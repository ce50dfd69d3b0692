/** Where a topology comes from: the embedded emulator, the default credential chain, or a named profile. */
import Type, { type Static } from "typebox";
import { Warning } from "./graph.js";
import { StringEnum } from "./schema.js";

export const SourceInfo = Type.Object({
  id: Type.String(),
  kind: Type.Union([
    Type.Literal("emulator"),
    Type.Literal("default"),
    Type.Literal("profile"),
    Type.Literal("estate"),
    Type.Literal("snapshot"),
  ]),
  label: Type.String(),
  defaultRegion: Type.String(),
  accountId: Type.Optional(Type.String()),
  arn: Type.Optional(Type.String()),
  status: Type.Union([Type.Literal("ok"), Type.Literal("error"), Type.Literal("unchecked")]),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
  /** How credentials are obtained (never the credentials themselves). */
  credentialKind: Type.Optional(Type.String()),
  mutationsAllowed: Type.Boolean(),
  /** For an estate: the role assumed in each member account, the regions, and how many accounts. */
  estate: Type.Optional(
    Type.Object({ roleName: Type.String(), regions: Type.Array(Type.String()), accounts: Type.Integer() }),
  ),
});
export type SourceInfo = Static<typeof SourceInfo>;

export const SourcesResponse = Type.Object({
  defaultSource: Type.String(),
  sources: Type.Array(SourceInfo),
  /** Where profiles were looked for (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/…). */
  profileFiles: Type.Object({ config: Type.String(), credentials: Type.String() }),
});
export type SourcesResponse = Static<typeof SourcesResponse>;

/** What GET /api/regions counts per Region: cheap List calls, no Get. */
export const CENSUS_KINDS = ["serviceNetworks", "resourceConfigurations", "services", "vpcEndpoints"] as const;
export type CensusKind = (typeof CENSUS_KINDS)[number];

export const RegionCount = Type.Object({
  region: Type.String(),
  /** Service networks, resource configurations, Lattice services, VPC endpoints of type Resource/ServiceNetwork. */
  counts: Type.Object({
    serviceNetworks: Type.Integer({ minimum: 0 }),
    resourceConfigurations: Type.Integer({ minimum: 0 }),
    services: Type.Integer({ minimum: 0 }),
    vpcEndpoints: Type.Integer({ minimum: 0 }),
  }),
  /** Counts that are lower bounds: the listing stopped at its page cap ("≥ N"). */
  capped: Type.Array(StringEnum(CENSUS_KINDS)),
  /** Every count of this Region was read (false: a call failed, see the warnings). */
  complete: Type.Boolean(),
});
export type RegionCount = Static<typeof RegionCount>;

/** Per Region, the Lattice things a source holds, across the Regions its account has enabled. */
export const RegionsResponse = Type.Object({
  source: Type.String(),
  accountId: Type.String(),
  /** The Regions that hold something (or could not be read in full), most first. */
  regions: Type.Array(RegionCount),
  /** Every Region that was asked (the account's enabled Regions, from EC2 DescribeRegions). */
  checked: Type.Array(Type.String()),
  /** Calls that failed: what they leave unknown. */
  warnings: Type.Array(Warning),
  countedAt: Type.String(),
  /** Answered from the few minutes' cache. */
  cached: Type.Boolean(),
});
export type RegionsResponse = Static<typeof RegionsResponse>;
