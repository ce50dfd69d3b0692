/** Team mode's identity and roles, as the API reports them at GET /api/me and the console reads them. */
import Type, { type Static } from "typebox";

/** Ordered: each role may do what the ones before it may. */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const RoleSchema = Type.Union([Type.Literal("viewer"), Type.Literal("operator"), Type.Literal("admin")]);

/** What a role may do, by the console's areas. */
export const Permissions = Type.Object({
  /** Topology, details, Connect, checks, saved views, snapshots, the audit log. */
  read: Type.Boolean(),
  /** Plan and execute changes. */
  change: Type.Boolean(),
  /** Sources and settings. */
  administer: Type.Boolean(),
});
export type Permissions = Static<typeof Permissions>;

export function permissionsOf(role: Role | null): Permissions {
  const rank = role ? ROLES.indexOf(role) : -1;
  return { read: rank >= 0, change: rank >= 1, administer: rank >= 2 };
}

/** True when `role` may do what `required` may. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

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
  can: Permissions,
  /** Where to sign out (team mode with OIDC sessions), else null. */
  signOutUrl: Type.Union([Type.String(), Type.Null()]),
});
export type MeResponse = Static<typeof MeResponse>;

/** The sentence the console shows where a role stops the user. */
export function roleRefusal(role: Role, needed: Role, what: string): string {
  const article = needed === "admin" || needed === "operator" ? "an" : "a";
  return `Your role (${role}) cannot ${what} — ask ${article} ${needed}.`;
}
