/** A signed-in user as the routes see it, and the AWS role session name their changes are made under. */
import type { Role } from "@lattice-atlas/shared";

export interface Identity {
  id: string;
  email?: string | undefined;
  name?: string | undefined;
  groups: string[];
  /** Undefined: signed in, but no rule gives this user a role (every route beyond sign-in refuses). */
  role: Role | undefined;
  via: "oidc" | "proxy";
}

/**
 * `atlas-<user>` in the characters AWS allows in a role session name ([\w+=,.@-], 2–64): anything else becomes
 * "-", and a long name keeps its start.
 */
export function roleSessionName(user: string): string {
  const name = `atlas-${user}`.replace(/[^\w+=,.@-]/g, "-").slice(0, 64);
  return name.length >= 2 ? name : "atlas";
}
