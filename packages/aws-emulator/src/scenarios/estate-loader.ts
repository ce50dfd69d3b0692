/**
 * Estates: several accounts and Regions in one scenario. An estate document is
 * an organization, IAM roles, and steps run in order: parts (ordinary scenario
 * documents, one account and Region each, loaded through the same handlers)
 * and RAM shares between them. A part names another account's service
 * network, resource configuration or service as `@<account id>/<name>`; the
 * loader turns that into its ARN from the parts already loaded, so a consumer
 * associates with exactly what its owner created and shared.
 */
import type { Emulator } from "../core/emulator.js";
import type { HandlerContext } from "../core/service.js";
import { putRole, trustPolicy } from "../services/iam/roles.js";
import { setOrganization, type OrganizationInput } from "../services/organizations/index.js";
import type { ScenarioDocument } from "./document.js";
import { loadScenario, type LoadResult } from "./loader.js";

export interface EstateRoleDocument {
  accountId: string;
  roleName: string;
  /** Account ids or principal ARNs the role trusts. */
  trustedPrincipals: string[];
  externalId?: string;
  maxSessionDuration?: number;
}

export interface EstateShareDocument {
  /** The owner. */
  accountId: string;
  region: string;
  name: string;
  /** Names of the owner's resources in its part of the same Region. */
  serviceNetworks?: string[];
  resourceConfigurations?: string[];
  services?: string[];
  /** Account ids, or "organization" for the organization's ARN. */
  principals: string[];
}

export type EstateStep = { part: ScenarioDocument & { accountId: string } } | { share: EstateShareDocument };

export interface EstateDocument {
  name: string;
  description: string;
  organization?: OrganizationInput;
  roles?: EstateRoleDocument[];
  steps: EstateStep[];
}

export interface EstateLoadResult extends LoadResult {
  /** `<account>/<region>` → that part's names → ids. */
  parts: Record<string, Record<string, string>>;
  /** Share name → ARN. */
  shares: Record<string, string>;
}

const REFERENCE = /^@(\d{12})\/(.+)$/;

const KIND_OF_FIELD = {
  serviceNetwork: "servicenetwork",
  resourceConfiguration: "resourceconfiguration",
  service: "service",
} as const;

/** A copy of `doc` whose `@account/name` references are ARNs of what earlier parts created. */
function resolveReferences(doc: ScenarioDocument, parts: Map<string, LoadResult>): ScenarioDocument {
  const arn = (value: string, kind: string): string => {
    const match = REFERENCE.exec(value);
    if (!match) return value;
    const [, account, name] = match;
    const part = parts.get(`${account}/${doc.region}`);
    const id = part?.ids[name!];
    if (!id) throw new Error(`estate ${doc.name}: ${value} names nothing loaded before it in ${doc.region}`);
    return `arn:aws:vpc-lattice:${doc.region}:${account}:${kind}/${id}`;
  };
  const fix = <T extends object>(items: T[] | undefined): T[] | undefined =>
    items?.map((item) => {
      const copy = { ...item } as Record<string, unknown>;
      for (const [field, kind] of Object.entries(KIND_OF_FIELD)) {
        if (typeof copy[field] === "string") copy[field] = arn(copy[field] as string, kind);
      }
      return copy as T;
    });
  return {
    ...doc,
    ...(doc.vpcAssociations ? { vpcAssociations: fix(doc.vpcAssociations)! } : {}),
    ...(doc.resourceAssociations ? { resourceAssociations: fix(doc.resourceAssociations)! } : {}),
    ...(doc.serviceAssociations ? { serviceAssociations: fix(doc.serviceAssociations)! } : {}),
    ...(doc.endpoints ? { endpoints: fix(doc.endpoints)! } : {}),
  };
}

function createShare(emulator: Emulator, share: EstateShareDocument, parts: Map<string, LoadResult>): string {
  const part = parts.get(`${share.accountId}/${share.region}`);
  if (!part) throw new Error(`estate share ${share.name}: account ${share.accountId} has no part in ${share.region}`);
  const arnOf = (kind: string, name: string): string => {
    const id = part.ids[name];
    if (!id) throw new Error(`estate share ${share.name}: no ${kind} ${name} in ${share.accountId}/${share.region}`);
    return `arn:aws:vpc-lattice:${share.region}:${share.accountId}:${kind}/${id}`;
  };
  const organization = emulator.global.organizations.organization;
  const principals = share.principals.map((p) => {
    if (p !== "organization") return p;
    if (!organization) throw new Error(`estate share ${share.name}: shares with "organization" but there is none`);
    return organization.arn;
  });
  const ctx: HandlerContext = emulator.context(share.accountId, share.region, "CreateResourceShare");
  const out = emulator.service("ram")!.handlers.CreateResourceShare!(
    {
      name: share.name,
      resourceArns: [
        ...(share.serviceNetworks ?? []).map((n) => arnOf("servicenetwork", n)),
        ...(share.resourceConfigurations ?? []).map((n) => arnOf("resourceconfiguration", n)),
        ...(share.services ?? []).map((n) => arnOf("service", n)),
      ],
      principals,
    },
    ctx,
  ) as { resourceShare: { resourceShareArn: string } };
  return out.resourceShare.resourceShareArn;
}

/** Loads an estate into an emulator that was just reset. */
export function loadEstate(emulator: Emulator, doc: EstateDocument): EstateLoadResult {
  const now = new Date().toISOString();
  if (doc.organization) setOrganization(emulator.global, emulator.ids, doc.organization, now);
  for (const role of doc.roles ?? []) {
    putRole(
      emulator.global,
      emulator.ids,
      role.accountId,
      {
        roleName: role.roleName,
        assumeRolePolicyDocument: trustPolicy(role.trustedPrincipals, role.externalId),
        ...(role.maxSessionDuration ? { maxSessionDuration: role.maxSessionDuration } : {}),
      },
      now,
    );
  }
  emulator.world.sharingChanged();
  const parts = new Map<string, LoadResult>();
  const shares: Record<string, string> = {};
  for (const step of doc.steps) {
    if ("part" in step) {
      // A second part for the same account and Region sees the names of the first.
      const key = `${step.part.accountId}/${step.part.region}`;
      parts.set(key, loadScenario(emulator, resolveReferences(step.part, parts), parts.get(key)?.ids));
    } else {
      shares[step.share.name] = createShare(emulator, step.share, parts);
    }
  }
  // Cross-account copies of associations were scheduled in their accounts too: start settled everywhere.
  for (const state of emulator.states()) emulator.lifecycle.settle(state, Date.now(), true);
  const first = doc.steps.find((s): s is { part: ScenarioDocument & { accountId: string } } => "part" in s)?.part;
  return {
    accountId: doc.organization?.managementAccountId ?? first?.accountId ?? emulator.defaultAccountId,
    region: first?.region ?? emulator.defaultRegion,
    ids: Object.fromEntries(
      [...parts].flatMap(([key, part]) => Object.entries(part.ids).map(([name, id]) => [`${key}/${name}`, id])),
    ),
    parts: Object.fromEntries([...parts].map(([key, part]) => [key, part.ids])),
    shares,
  };
}
