/**
 * Who gets which role: a mapping file (--roles-file, JSON or YAML) from users and groups to roles, or, without
 * one, the IdP's groups claim naming the role itself (`viewer`, `operator`, `admin`, or `atlas-<role>`).
 *
 *   default: viewer            # optional: the role of a signed-in user nothing else matches (omit: refused)
 *   groups:  { platform-admins: admin, platform-team: operator }
 *   users:   { alice@example.com: admin }
 *
 * A user entry wins over groups; among groups the highest role wins.
 */
import { readFileSync } from "node:fs";
import { ROLES, type Role } from "@lattice-atlas/shared";
import YAML from "yaml";

export interface RoleMapping {
  default?: Role | undefined;
  groups: Record<string, Role>;
  users: Record<string, Role>;
}

export class RolesFileError extends Error {}

const isRole = (value: unknown): value is Role =>
  typeof value === "string" && (ROLES as readonly string[]).includes(value);

function entries(value: unknown, field: string): Record<string, Role> {
  if (value === undefined || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value))
    throw new RolesFileError(`"${field}" must map names to roles, e.g. ${field}: { platform-team: operator }`);
  const out: Record<string, Role> = {};
  for (const [name, role] of Object.entries(value as Record<string, unknown>)) {
    if (!isRole(role))
      throw new RolesFileError(`${field}."${name}" is ${JSON.stringify(role)}; a role is one of ${ROLES.join(", ")}`);
    out[name.toLowerCase()] = role;
  }
  return out;
}

/** Parses a roles document (JSON is YAML); errors name the field and what to write. */
export function parseRoleMapping(text: string): RoleMapping {
  let doc: unknown;
  try {
    doc = YAML.parse(text);
  } catch (error) {
    throw new RolesFileError(`is not JSON or YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc))
    throw new RolesFileError("must be an object with groups, users and an optional default role");
  const known = new Set(["default", "groups", "users"]);
  const unknown = Object.keys(doc).filter((k) => !known.has(k));
  if (unknown.length > 0)
    throw new RolesFileError(`has unknown field "${unknown[0]}"; the fields are default, groups and users`);
  const record = doc as Record<string, unknown>;
  if (record.default !== undefined && !isRole(record.default))
    throw new RolesFileError(`default is ${JSON.stringify(record.default)}; a role is one of ${ROLES.join(", ")}`);
  return {
    ...(record.default !== undefined ? { default: record.default as Role } : {}),
    groups: entries(record.groups, "groups"),
    users: entries(record.users, "users"),
  };
}

export function readRoleMapping(file: string): RoleMapping {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new RolesFileError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}): ${file}`);
  }
  return parseRoleMapping(text);
}

const highest = (roles: Role[]): Role | undefined => roles.sort((a, b) => ROLES.indexOf(b) - ROLES.indexOf(a))[0];

/** The role of a user with these names (id, email) and groups; undefined when nothing gives one. */
export function roleFor(
  names: Array<string | undefined>,
  groups: string[],
  mapping: RoleMapping | undefined,
): Role | undefined {
  const lowered = groups.map((g) => g.toLowerCase());
  if (!mapping) {
    return highest(
      lowered.flatMap((g) => {
        const name = g.startsWith("atlas-") ? g.slice("atlas-".length) : g;
        return isRole(name) ? [name] : [];
      }),
    );
  }
  for (const name of names) {
    const role = name ? mapping.users[name.toLowerCase()] : undefined;
    if (role) return role;
  }
  return highest(lowered.flatMap((g) => (mapping.groups[g] ? [mapping.groups[g]] : []))) ?? mapping.default;
}
