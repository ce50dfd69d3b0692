/** Team mode's identity and roles, as the API reports them at GET /api/me and the console reads them. */
import Type, { type Static } from "typebox";

export const RoleSchema = Type.Union([Type.Literal("viewer"), Type.Literal("operator"), Type.Literal("admin")]);

export const PermissionsSchema = Type.Object({
  read: Type.Boolean(),
  change: Type.Boolean(),
  administer: Type.Boolean(),
});

export const MeResponse = Type.Object({
  /** laptop: no sign-in, the person at the keyboard may do everything; team: a signed-in user. */
  mode: Type.Union([Type.Literal("laptop"), Type.Literal("team")]),
  user: Type.Union([
    Type.Object({
      id: Type.String(),
      email: Type.Optional(Type.String()),
      name: Type.Optional(Type.String()),
      groups: Type.Array(Type.String()),
      /** How the user was identified: OpenID Connect sign-in, or an authenticating reverse proxy's headers. */
      via: Type.Union([Type.Literal("oidc"), Type.Literal("proxy")]),
      /** The AWS role session name changes are made under (atlas-<user>). */
      roleSessionName: Type.String(),
    }),
    Type.Null(),
  ]),
  /** null: signed in, but no rule gives this user a role (they may do nothing yet). */
  role: Type.Union([RoleSchema, Type.Null()]),
  can: PermissionsSchema,
  /** Where to sign out (team mode with OIDC sessions), else null. */
  signOutUrl: Type.Union([Type.String(), Type.Null()]),
});
export type MeResponse = Static<typeof MeResponse>;
