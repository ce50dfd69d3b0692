/**
 * What is shared with an account in a region: every resource of an ACTIVE
 * share whose principal association (the account itself, or its organization
 * or an OU of it) is ASSOCIATED. Derived from every account's shares and the
 * organization, and cached on the world until a share or the organization
 * changes.
 */
import type { RegionState } from "../../core/region.js";
import type { World } from "../../core/world.js";
import type { ResourceShareRecord } from "./state.js";

export interface SharedResource {
  arn: string;
  ownerAccountId: string;
  /** The shares that grant it (one resource can be in several). */
  shareArns: string[];
}

const ORGANIZATION_PRINCIPAL =
  /^arn:aws[a-z-]*:organizations::\d{12}:(?:organization\/(o-[a-z0-9]{10,32})|ou\/(o-[a-z0-9]{10,32})\/ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})$/;

/** The organization id an organization or OU principal names, if it is one. */
export function organizationOfPrincipal(principal: string): string | undefined {
  const match = ORGANIZATION_PRINCIPAL.exec(principal);
  return match ? (match[1] ?? match[2]) : undefined;
}

/** Whether a share's principal entry covers `accountId` (OUs count as the whole organization: the emulator models no OUs). */
export function principalCovers(world: World, principal: string, accountId: string, ownerAccountId: string): boolean {
  if (principal === accountId) return true;
  const organizationId = organizationOfPrincipal(principal);
  if (!organizationId) return false;
  const { organization, accounts } = world.global.organizations;
  return Boolean(organization && organization.id === organizationId && accounts[accountId] && accounts[ownerAccountId]);
}

/** Shares in which `accountId` is an associated principal. */
export function sharesGranting(world: World, state: RegionState, accountId: string): ResourceShareRecord[] {
  if (state.accountId === accountId) return [];
  return Object.values(state.sharing.resourceShares).filter(
    (share) =>
      share.status === "ACTIVE" &&
      Object.entries(share.principals).some(
        ([principal, association]) =>
          association.status === "ASSOCIATED" && principalCovers(world, principal, accountId, share.owningAccountId),
      ),
  );
}

/** Resource ARN → what shares it with `accountId` in `region`. */
export function sharedWith(world: World, accountId: string, region: string): Map<string, SharedResource> {
  return world.derived(`sharedWith:${accountId}/${region}`, () => {
    const out = new Map<string, SharedResource>();
    for (const state of world.statesIn(region)) {
      for (const share of sharesGranting(world, state, accountId)) {
        for (const [arn, association] of Object.entries(share.resources)) {
          if (association.status !== "ASSOCIATED") continue;
          const entry = out.get(arn) ?? { arn, ownerAccountId: share.owningAccountId, shareArns: [] };
          entry.shareArns.push(share.resourceShareArn);
          out.set(arn, entry);
        }
      }
    }
    return out;
  });
}
