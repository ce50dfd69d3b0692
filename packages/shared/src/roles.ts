/** Team mode's roles and what each may do: no schema here, so the console's bundle stays free of TypeBox. */

/** Ordered: each role may do what the ones before it may. */
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What a role may do, by the console's areas. */
export interface Permissions {
  /** Topology, details, Connect, checks, saved views, snapshots, the audit log. */
  read: boolean;
  /** Plan and execute changes. */
  change: boolean;
  /** Sources and settings. */
  administer: boolean;
}

export function permissionsOf(role: Role | null): Permissions {
  const rank = role ? ROLES.indexOf(role) : -1;
  return { read: rank >= 0, change: rank >= 1, administer: rank >= 2 };
}

/** True when `role` may do what `required` may. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** The sentence the console and the API say where a role stops the user. */
export function roleRefusal(role: Role, needed: Role, what: string): string {
  const article = needed === "admin" || needed === "operator" ? "an" : "a";
  return `Your role (${role}) cannot ${what} — ask ${article} ${needed}.`;
}
