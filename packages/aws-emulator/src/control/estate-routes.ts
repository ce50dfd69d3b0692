/**
 * Control routes for the cross-account parts of the emulator: IAM roles (there
 * is no IAM API), the organization, STS sessions and the sharing settings.
 */
import type { Emulator } from "../core/emulator.js";
import { checkRoleInput, putRole, trustPolicy, type RoleInput } from "../services/iam/roles.js";
import { setOrganization, type OrganizationInput } from "../services/organizations/index.js";

type Result = { status: number; body: unknown };

function parseBody(body: string): Record<string, unknown> {
  if (body.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new Error("the request body must be JSON");
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new Error("the request body must be a JSON object");
  return value as Record<string, unknown>;
}

/** The role definition of a POST /_emulator/iam/roles body: a policy document, or principals (+ external id). */
function roleInput(input: Record<string, unknown>): RoleInput {
  const principals = input.trustedPrincipals;
  const document =
    input.assumeRolePolicyDocument ??
    (Array.isArray(principals) && principals.every((p) => typeof p === "string")
      ? trustPolicy(principals as string[], typeof input.externalId === "string" ? input.externalId : undefined)
      : undefined);
  if (document === undefined)
    throw new Error(
      "give assumeRolePolicyDocument, or trustedPrincipals (account ids or ARNs) and an optional externalId",
    );
  const role = {
    roleName: input.roleName as string,
    assumeRolePolicyDocument: document as RoleInput["assumeRolePolicyDocument"],
    ...(input.path !== undefined ? { path: input.path as string } : {}),
    ...(input.maxSessionDuration !== undefined ? { maxSessionDuration: input.maxSessionDuration as number } : {}),
    ...(typeof input.description === "string" ? { description: input.description } : {}),
  };
  checkRoleInput(input.accountId, role);
  return role;
}

export function estateControl(emulator: Emulator, method: string, route: string, body: string): Result | undefined {
  const now = new Date().toISOString();
  if (route === "/_emulator/iam/roles") {
    if (method === "GET") {
      const roles = Object.entries(emulator.global.iam.roles).flatMap(([accountId, byName]) =>
        Object.values(byName).map((role) => ({ accountId, ...role })),
      );
      return { status: 200, body: { roles } };
    }
    if (method === "POST" || method === "PUT") {
      const input = parseBody(body);
      const role = putRole(emulator.global, emulator.ids, input.accountId as string, roleInput(input), now);
      return { status: 200, body: role };
    }
  }
  const roleRoute = /^\/_emulator\/iam\/roles\/(\d{12})\/([\w+=,.@-]{1,64})$/.exec(route);
  if (roleRoute && method === "DELETE") {
    const roles = emulator.global.iam.roles[roleRoute[1]!];
    const existed = Boolean(roles?.[roleRoute[2]!]);
    if (roles) delete roles[roleRoute[2]!];
    return existed
      ? { status: 200, body: { deleted: true } }
      : { status: 404, body: { message: `no role ${roleRoute[2]} in account ${roleRoute[1]}` } };
  }
  if (route === "/_emulator/organization") {
    if (method === "GET") return { status: 200, body: emulator.global.organizations };
    if (method === "PUT" || method === "POST") {
      setOrganization(emulator.global, emulator.ids, parseBody(body) as unknown as OrganizationInput, now);
      emulator.world.sharingChanged();
      return { status: 200, body: emulator.global.organizations };
    }
    if (method === "DELETE") {
      emulator.global.organizations = { organization: null, accounts: {} };
      emulator.world.sharingChanged();
      return { status: 200, body: emulator.global.organizations };
    }
  }
  if (route === "/_emulator/sessions" && method === "GET") {
    // Never the secrets: only who, where and until when.
    const sessions = Object.values(emulator.global.sts.sessions).map(({ sessionToken: _t, ...session }) => session);
    return { status: 200, body: { sessions } };
  }
  if (route === "/_emulator/sessions/expire" && method === "POST") {
    const input = parseBody(body);
    const key = input.accessKeyId;
    if (key !== undefined && typeof key !== "string") throw new Error("accessKeyId must be a string");
    const expired: string[] = [];
    for (const session of Object.values(emulator.global.sts.sessions)) {
      if (key !== undefined && session.accessKeyId !== key) continue;
      session.expiresAt = new Date(Date.now() - 1000).toISOString();
      expired.push(session.accessKeyId);
    }
    if (key !== undefined && expired.length === 0)
      return { status: 404, body: { message: `no session for access key ${key}` } };
    return { status: 200, body: { expired } };
  }
  if (route === "/_emulator/sharing") {
    if (method === "GET") return { status: 200, body: emulator.global.sharing };
    if (method === "PUT" || method === "POST") {
      const input = parseBody(body);
      const mode = input.unsharedAssociations;
      if (mode !== "keep" && mode !== "delete") throw new Error('unsharedAssociations must be "keep" or "delete"');
      emulator.global.sharing = { unsharedAssociations: mode };
      return { status: 200, body: emulator.global.sharing };
    }
  }
  return undefined;
}
