/** Where a topology comes from: the embedded emulator, the default credential chain, or a named profile. */
import Type, { type Static } from "typebox";

export const SourceInfo = Type.Object({
  id: Type.String(),
  kind: Type.Union([
    Type.Literal("emulator"),
    Type.Literal("default"),
    Type.Literal("profile"),
    Type.Literal("estate"),
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
});
export type SourcesResponse = Static<typeof SourcesResponse>;
