import { describe, expect, it } from "vitest";
import { parseRoleMapping, roleFor } from "./roles.js";

const mapping = parseRoleMapping(`
default: viewer
groups:
  Platform-Team: operator
  platform-admins: admin
users:
  eve@example.com: admin
`);

describe("roles from a mapping file", () => {
  it.each([
    { names: ["otto"], groups: ["platform-team"], role: "operator" },
    { names: ["otto"], groups: ["PLATFORM-TEAM", "platform-admins"], role: "admin" },
    { names: ["eve", "eve@example.com"], groups: [], role: "admin" },
    { names: ["EVE@example.com"], groups: ["platform-team"], role: "admin" },
    { names: ["nora"], groups: ["marketing"], role: "viewer" },
  ])("$names in $groups → $role", ({ names, groups, role }) => {
    expect(roleFor(names, groups, mapping)).toBe(role);
  });

  it("gives no role when nothing matches and there is no default", () => {
    expect(roleFor(["nora"], ["marketing"], parseRoleMapping('{"groups":{"ops":"operator"}}'))).toBeUndefined();
  });

  it.each([
    ['{"groups":{"ops":"superuser"}}', 'groups."ops" is "superuser"; a role is one of viewer, operator, admin'],
    ["default: root", 'default is "root"'],
    ["roles: {}", 'unknown field "roles"'],
    ["groups: [a, b]", '"groups" must map names to roles'],
    ["- just a list", "must be an object"],
    ["{ not json", "is not JSON or YAML"],
  ])("refuses %s naming the field", (text, message) => {
    expect(() => parseRoleMapping(text)).toThrow(message);
  });
});

describe("roles from the groups claim alone (no mapping file)", () => {
  it.each([
    { groups: ["admin"], role: "admin" },
    { groups: ["atlas-operator", "atlas-viewer"], role: "operator" },
    { groups: ["Viewer"], role: "viewer" },
    { groups: ["developers"], role: undefined },
  ])("$groups → $role", ({ groups, role }) => {
    expect(roleFor(["someone"], groups, undefined)).toBe(role);
  });
});
