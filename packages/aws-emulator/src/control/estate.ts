/**
 * GET /_emulator/estate: the estate the loaded state holds, so that a console
 * on the emulator can offer it as a source — the hub (the organization's
 * management account), the member role every member trusts the hub with, its
 * external id, and the Regions where anything lives. `null` without an
 * organization or member roles.
 */
import type { Emulator } from "../core/emulator.js";

export interface EstateDescription {
  hubAccountId: string;
  roleName: string;
  externalId?: string;
  regions: string[];
}

/** The external id a trust policy asks for (its sts:ExternalId condition), if any. */
function externalIdOf(policy: string): string | undefined {
  try {
    const document = JSON.parse(policy) as {
      Statement?: Array<{ Condition?: Record<string, Record<string, unknown>> }>;
    };
    for (const statement of document.Statement ?? [])
      for (const test of Object.values(statement.Condition ?? {})) {
        const value = test["sts:ExternalId"];
        if (typeof value === "string") return value;
        if (Array.isArray(value) && typeof value[0] === "string") return value[0];
      }
  } catch {
    return undefined;
  }
  return undefined;
}

export function describeEstate(emulator: Emulator): EstateDescription | null {
  const organization = emulator.global.organizations.organization;
  if (!organization) return null;
  const hub = organization.managementAccountId;
  // The role name most members have, trusting the hub.
  const counts = new Map<string, { n: number; externalId?: string | undefined }>();
  for (const [accountId, roles] of Object.entries(emulator.global.iam.roles)) {
    if (accountId === hub) continue;
    for (const role of Object.values(roles)) {
      if (!role.assumeRolePolicyDocument.includes(hub)) continue;
      const seen = counts.get(role.roleName) ?? { n: 0, externalId: externalIdOf(role.assumeRolePolicyDocument) };
      seen.n += 1;
      counts.set(role.roleName, seen);
    }
  }
  const [roleName, role] = [...counts].sort((a, b) => b[1].n - a[1].n)[0] ?? [];
  if (!roleName || !role) return null;
  const regions = [...new Set(emulator.states().map((state) => state.region))].sort();
  return { hubAccountId: hub, roleName, ...(role.externalId ? { externalId: role.externalId } : {}), regions };
}
