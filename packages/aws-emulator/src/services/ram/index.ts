/**
 * AWS RAM (restJson1, API 2018-01-04) for VPC Lattice: resource shares of
 * service networks, services and resource configurations; principals that
 * are accounts (with an invitation unless organization sharing covers them),
 * an organization or an OU; the owner's and the consumers' views. Sharing
 * changes what Lattice lists and accepts in the consumer accounts
 * (services/lattice/sharing.ts).
 */
import * as RamModel from "@aws-sdk/client-ram";
import type {
  AcceptResourceShareInvitationRequest,
  AssociateResourceShareRequest,
  CreateResourceShareRequest,
  DeleteResourceShareRequest,
  DisassociateResourceShareRequest,
  GetResourceShareAssociationsRequest,
  GetResourceShareInvitationsRequest,
  GetResourceSharesRequest,
  ListPrincipalsRequest,
  ListResourcesRequest,
  ListResourceTypesRequest,
  RejectResourceShareInvitationRequest,
  UpdateResourceShareRequest,
} from "@aws-sdk/client-ram";
import { parameterFingerprint } from "../../core/canonical.js";
import { AwsError } from "../../core/errors.js";
import { paginate } from "../../core/pagination.js";
import type { RegionState } from "../../core/region.js";
import type { Handler, HandlerContext, ServiceDefinition } from "../../core/service.js";
import { operationsOf } from "../../protocols/model.js";
import { latticeResourceOf, parseLatticeArn, shareableProblem, unshareLatticeResources } from "../lattice/sharing.js";
import { organizationOfPrincipal, principalCovers, sharedWith, sharesGranting } from "./shared-with.js";
import type { InvitationRecord, ResourceShareRecord, SharePrincipalRecord } from "./state.js";

const ramError = (code: string, message: string, status = 400): AwsError => new AwsError({ code, message, status });

const INVITATION_LIFETIME_MS = 7 * 24 * 3600 * 1000;
const SHARE_ARN = /^arn:aws[a-z-]*:ram:([a-z0-9-]+):(\d{12}):resource-share\/[0-9a-f-]{36}$/;
const INVITATION_ARN = /^arn:aws[a-z-]*:ram:([a-z0-9-]+):(\d{12}):resource-share-invitation\/[0-9a-f-]{36}$/;
const ARN = /^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:\d{0,12}:.+$/;

const RESOURCE_TYPES = [
  { resourceType: "vpc-lattice:ServiceNetwork", serviceName: "vpc-lattice", resourceRegionScope: "REGIONAL" },
  { resourceType: "vpc-lattice:Service", serviceName: "vpc-lattice", resourceRegionScope: "REGIONAL" },
  { resourceType: "vpc-lattice:ResourceConfiguration", serviceName: "vpc-lattice", resourceRegionScope: "REGIONAL" },
];

function uuid(ctx: HandlerContext): string {
  const h = ctx.ids.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function page<T>(
  ctx: HandlerContext,
  items: T[],
  input: { maxResults?: number | undefined; nextToken?: string | undefined },
  scope: string,
) {
  if (
    input.maxResults !== undefined &&
    (!Number.isInteger(input.maxResults) || input.maxResults < 1 || input.maxResults > 500)
  )
    throw ramError("InvalidParameterException", "maxResults must be an integer from 1 to 500.");
  return paginate(items, {
    maxResults: input.maxResults,
    nextToken: input.nextToken,
    defaultSize: 500,
    scope: `${ctx.operation}:${scope}`,
    invalidToken: () => ramError("InvalidNextTokenException", "The specified value for nextToken is not valid."),
  });
}

function resourceOwner(value: string | undefined): "SELF" | "OTHER-ACCOUNTS" {
  if (value !== "SELF" && value !== "OTHER-ACCOUNTS")
    throw ramError("InvalidParameterException", `resourceOwner must be SELF or OTHER-ACCOUNTS, not ${String(value)}.`);
  return value;
}

function checkArn(arn: string, what: string): void {
  if (!ARN.test(arn)) throw ramError("MalformedArnException", `The format of ${what} ${arn} is not valid.`);
}

function ownShare(ctx: HandlerContext, arn: string): ResourceShareRecord {
  checkArn(arn, "resource share ARN");
  if (!SHARE_ARN.test(arn)) throw ramError("MalformedArnException", `${arn} is not a resource share ARN.`);
  const share = ctx.state.sharing.resourceShares[arn];
  if (!share || share.status === "DELETED")
    throw ramError("UnknownResourceException", `ResourceShare ${arn} could not be found.`);
  return share;
}

function shareView(share: ResourceShareRecord) {
  return {
    resourceShareArn: share.resourceShareArn,
    name: share.name,
    owningAccountId: share.owningAccountId,
    allowExternalPrincipals: share.allowExternalPrincipals,
    status: share.status,
    tags: share.tags,
    creationTime: share.creationTime,
    lastUpdatedTime: share.lastUpdatedTime,
    featureSet: share.featureSet,
  };
}

type AssociationView = ReturnType<typeof associationViews>[number];

function associationViews(share: ResourceShareRecord, type?: "PRINCIPAL" | "RESOURCE") {
  const principals = Object.entries(share.principals).map(([entity, a]) => ({
    resourceShareArn: share.resourceShareArn,
    resourceShareName: share.name,
    associatedEntity: entity,
    associationType: "PRINCIPAL",
    status: a.status,
    statusMessage: a.statusMessage,
    creationTime: a.creationTime,
    lastUpdatedTime: a.lastUpdatedTime,
    external: a.external,
  }));
  const resources = Object.entries(share.resources).map(([entity, a]) => ({
    resourceShareArn: share.resourceShareArn,
    resourceShareName: share.name,
    associatedEntity: entity,
    associationType: "RESOURCE",
    status: a.status,
    statusMessage: a.statusMessage,
    creationTime: a.creationTime,
    lastUpdatedTime: a.lastUpdatedTime,
    external: undefined as boolean | undefined,
  }));
  return type === "PRINCIPAL" ? principals : type === "RESOURCE" ? resources : [...principals, ...resources];
}

/** Checks each resource ARN names a shareable Lattice resource of the caller's account and region. */
function checkResources(ctx: HandlerContext, arns: string[]): void {
  for (const arn of arns) {
    checkArn(arn, "resource ARN");
    const parsed = parseLatticeArn(arn);
    if (parsed && (parsed.accountId !== ctx.accountId || parsed.region !== ctx.region))
      throw ramError(
        "UnknownResourceException",
        `The resource ${arn} is not in account ${ctx.accountId} in ${ctx.region}: you can share only what you own, in the share's Region.`,
      );
    const resource = latticeResourceOf(ctx.world, arn);
    if (resource === "unsupported")
      throw ramError(
        "InvalidResourceTypeException",
        `The resource type of ${arn} cannot be shared through this emulator's RAM (it shares VPC Lattice service networks, services and resource configurations).`,
      );
    if (!resource)
      throw ramError(
        "UnknownResourceException",
        `The resource ${arn} was not found in account ${ctx.accountId} in ${ctx.region}.`,
      );
    const problem = shareableProblem(resource);
    if (problem) throw ramError("OperationNotPermittedException", problem);
  }
}

/** Checks principals and says how each joins: associated at once (organization sharing) or through an invitation. */
function principalPlan(ctx: HandlerContext, share: ResourceShareRecord, principals: string[]) {
  const { organization, accounts } = ctx.world.global.organizations;
  const ownerInOrganization = Boolean(organization && accounts[ctx.accountId]);
  return principals.map((principal) => {
    if (principal === ctx.accountId)
      throw ramError("InvalidParameterException", "You can't share a resource with your own account.");
    const organizationId = organizationOfPrincipal(principal);
    if (organizationId) {
      if (!ownerInOrganization || organization!.id !== organizationId)
        throw ramError(
          "UnknownResourceException",
          `Principal ${principal} is not your organization or one of its OUs.`,
        );
      if (!organization!.ramSharingEnabled)
        throw ramError(
          "OperationNotPermittedException",
          "Sharing with your organization is not enabled: call EnableSharingWithAwsOrganization from the management account.",
        );
      return { principal, external: false, invite: false };
    }
    if (!/^\d{12}$/.test(principal))
      throw ramError(
        "InvalidParameterException",
        `Principal ${principal} is not supported for VPC Lattice resources: use an account id, an organization or an OU ARN.`,
      );
    const sameOrganization = ownerInOrganization && Boolean(accounts[principal]);
    if (!sameOrganization && !share.allowExternalPrincipals)
      throw ramError(
        "OperationNotPermittedException",
        `Principal ${principal} is not in your organization, and resource share ${share.name} does not allow external principals.`,
      );
    return { principal, external: !sameOrganization, invite: !(sameOrganization && organization!.ramSharingEnabled) };
  });
}

/** Adds principals and resources to a share; invitations go to accounts that must accept. */
function associate(ctx: HandlerContext, share: ResourceShareRecord, resourceArns: string[], principals: string[]) {
  checkResources(ctx, resourceArns);
  const plan = principalPlan(ctx, share, principals);
  const changed: AssociationView[] = [];
  const now = ctx.nowIso;
  for (const arn of resourceArns) {
    share.resources[arn] = {
      status: "ASSOCIATED",
      creationTime: share.resources[arn]?.creationTime ?? now,
      lastUpdatedTime: now,
    };
  }
  for (const { principal, external, invite } of plan) {
    const existing = share.principals[principal];
    if (existing && existing.status !== "DISASSOCIATED" && existing.status !== "FAILED") continue;
    const entry: SharePrincipalRecord = {
      status: invite ? "ASSOCIATING" : "ASSOCIATED",
      creationTime: now,
      lastUpdatedTime: now,
      external,
    };
    share.principals[principal] = entry;
    if (invite) {
      const arn = `arn:aws:ram:${ctx.region}:${ctx.accountId}:resource-share-invitation/${uuid(ctx)}`;
      ctx.state.sharing.invitations[arn] = {
        resourceShareInvitationArn: arn,
        resourceShareArn: share.resourceShareArn,
        resourceShareName: share.name,
        senderAccountId: ctx.accountId,
        receiverAccountId: principal,
        invitationTimestamp: now,
        status: "PENDING",
      };
    }
  }
  share.lastUpdatedTime = now;
  ctx.world.sharingChanged();
  const touched = new Set([...resourceArns, ...principals]);
  for (const view of associationViews(share)) if (touched.has(view.associatedEntity)) changed.push(view);
  return changed;
}

/** Every account that may hold a grant from this share (its account principals, or the organization's members). */
function affectedAccounts(ctx: HandlerContext, share: ResourceShareRecord): string[] {
  const accounts = new Set<string>();
  const members = Object.keys(ctx.world.global.organizations.accounts);
  for (const principal of Object.keys(share.principals)) {
    if (/^\d{12}$/.test(principal)) accounts.add(principal);
    else
      for (const member of members)
        if (principalCovers(ctx.world, principal, member, share.owningAccountId)) accounts.add(member);
  }
  accounts.delete(share.owningAccountId);
  return [...accounts];
}

/** Runs a change to shares, then tells Lattice which (account, resource) grants it ended. */
function withUnshareCheck<T>(ctx: HandlerContext, share: ResourceShareRecord, change: () => T): T {
  const accounts = affectedAccounts(ctx, share);
  const before = new Map(
    accounts.map((account) => [account, new Set(sharedWith(ctx.world, account, ctx.region).keys())]),
  );
  const result = change();
  ctx.world.sharingChanged();
  const lost: Array<{ accountId: string; arn: string }> = [];
  for (const [account, arns] of before) {
    const now = sharedWith(ctx.world, account, ctx.region);
    for (const arn of arns) if (!now.has(arn)) lost.push({ accountId: account, arn });
  }
  if (lost.length > 0) unshareLatticeResources(ctx, lost);
  return result;
}

function dropPendingInvitations(ctx: HandlerContext, share: ResourceShareRecord, principal?: string): void {
  for (const invitation of Object.values(ctx.state.sharing.invitations)) {
    if (invitation.resourceShareArn !== share.resourceShareArn || invitation.status !== "PENDING") continue;
    if (principal === undefined || invitation.receiverAccountId === principal)
      delete ctx.state.sharing.invitations[invitation.resourceShareInvitationArn];
  }
}

/* ---------------------------------- handlers ---------------------------------- */

const createResourceShare: Handler = (input: CreateResourceShareRequest, ctx) => {
  const name = input.name!;
  if (name.length < 1 || name.length > 255)
    throw ramError("InvalidParameterException", "name must be 1–255 characters.");
  const token = input.clientToken;
  const tokenKey = token ? `CreateResourceShare:${token}` : undefined;
  const print = parameterFingerprint(input, "clientToken");
  if (tokenKey) {
    const seen = ctx.state.idempotency[tokenKey];
    if (seen) {
      if (seen.fingerprint !== print)
        throw ramError(
          "IdempotentParameterMismatchException",
          `The client token ${token} was used with different parameters.`,
        );
      const share = ctx.state.sharing.resourceShares[seen.resourceId];
      return { resourceShare: share ? shareView(share) : seen.response, clientToken: token };
    }
  }
  const arn = `arn:aws:ram:${ctx.region}:${ctx.accountId}:resource-share/${uuid(ctx)}`;
  const share: ResourceShareRecord = {
    resourceShareArn: arn,
    name,
    owningAccountId: ctx.accountId,
    allowExternalPrincipals: input.allowExternalPrincipals ?? true,
    status: "ACTIVE",
    featureSet: "STANDARD",
    creationTime: ctx.nowIso,
    lastUpdatedTime: ctx.nowIso,
    tags: (input.tags ?? []).map((t) => ({ key: t.key!, value: t.value ?? "" })),
    resources: {},
    principals: {},
  };
  // Validate everything before the share exists: a refused request leaves nothing behind.
  checkResources(ctx, input.resourceArns ?? []);
  principalPlan(ctx, share, input.principals ?? []);
  ctx.state.sharing.resourceShares[arn] = share;
  associate(ctx, share, input.resourceArns ?? [], input.principals ?? []);
  const response = shareView(share);
  if (tokenKey) ctx.state.idempotency[tokenKey] = { fingerprint: print, resourceId: arn, response };
  return { resourceShare: response, ...(token ? { clientToken: token } : {}) };
};

const associateResourceShare: Handler = (input: AssociateResourceShareRequest, ctx) => {
  const share = ownShare(ctx, input.resourceShareArn!);
  const resources = input.resourceArns ?? [];
  const principals = input.principals ?? [];
  if (resources.length === 0 && principals.length === 0)
    throw ramError("MissingRequiredParameterException", "Give resourceArns or principals (or both).");
  const changed = associate(ctx, share, resources, principals);
  return { resourceShareAssociations: changed, ...(input.clientToken ? { clientToken: input.clientToken } : {}) };
};

const disassociateResourceShare: Handler = (input: DisassociateResourceShareRequest, ctx) => {
  const share = ownShare(ctx, input.resourceShareArn!);
  const resources = input.resourceArns ?? [];
  const principals = input.principals ?? [];
  if (resources.length === 0 && principals.length === 0)
    throw ramError("MissingRequiredParameterException", "Give resourceArns or principals (or both).");
  for (const arn of resources)
    if (!share.resources[arn] || share.resources[arn].status === "DISASSOCIATED")
      throw ramError("UnknownResourceException", `${arn} is not associated with resource share ${share.name}.`);
  for (const principal of principals)
    if (!share.principals[principal] || share.principals[principal].status === "DISASSOCIATED")
      throw ramError("UnknownResourceException", `${principal} is not associated with resource share ${share.name}.`);
  withUnshareCheck(ctx, share, () => {
    const now = ctx.nowIso;
    for (const arn of resources)
      share.resources[arn] = { ...share.resources[arn]!, status: "DISASSOCIATED", lastUpdatedTime: now };
    for (const principal of principals) {
      share.principals[principal] = { ...share.principals[principal]!, status: "DISASSOCIATED", lastUpdatedTime: now };
      dropPendingInvitations(ctx, share, principal);
    }
    share.lastUpdatedTime = now;
  });
  const touched = new Set([...resources, ...principals]);
  return {
    resourceShareAssociations: associationViews(share).filter((v) => touched.has(v.associatedEntity)),
    ...(input.clientToken ? { clientToken: input.clientToken } : {}),
  };
};

const deleteResourceShare: Handler = (input: DeleteResourceShareRequest, ctx) => {
  const share = ownShare(ctx, input.resourceShareArn!);
  withUnshareCheck(ctx, share, () => {
    const now = ctx.nowIso;
    for (const entry of [...Object.values(share.resources), ...Object.values(share.principals)]) {
      entry.status = "DISASSOCIATED";
      entry.lastUpdatedTime = now;
    }
    share.status = "DELETED";
    share.lastUpdatedTime = now;
    dropPendingInvitations(ctx, share);
  });
  return { returnValue: true, ...(input.clientToken ? { clientToken: input.clientToken } : {}) };
};

const updateResourceShare: Handler = (input: UpdateResourceShareRequest, ctx) => {
  const share = ownShare(ctx, input.resourceShareArn!);
  if (input.name !== undefined) share.name = input.name;
  if (input.allowExternalPrincipals !== undefined) share.allowExternalPrincipals = input.allowExternalPrincipals;
  share.lastUpdatedTime = ctx.nowIso;
  return { resourceShare: shareView(share), ...(input.clientToken ? { clientToken: input.clientToken } : {}) };
};

/** Shares owned by the caller (SELF), or granting the caller access (OTHER-ACCOUNTS). */
function sharesFor(ctx: HandlerContext, owner: "SELF" | "OTHER-ACCOUNTS"): ResourceShareRecord[] {
  if (owner === "SELF") return Object.values(ctx.state.sharing.resourceShares);
  return ctx.world.statesIn(ctx.region).flatMap((state) => sharesGranting(ctx.world, state, ctx.accountId));
}

const getResourceShares: Handler = (input: GetResourceSharesRequest, ctx) => {
  const owner = resourceOwner(input.resourceOwner);
  let all = sharesFor(ctx, owner);
  if (input.resourceShareArns?.length) {
    input.resourceShareArns.forEach((arn) => checkArn(arn, "resource share ARN"));
    all = all.filter((s) => input.resourceShareArns!.includes(s.resourceShareArn));
  }
  if (input.resourceShareStatus) all = all.filter((s) => s.status === input.resourceShareStatus);
  if (input.name) all = all.filter((s) => s.name === input.name);
  for (const filter of input.tagFilters ?? []) {
    all = all.filter((s) =>
      s.tags.some((t) => t.key === filter.tagKey && (!filter.tagValues?.length || filter.tagValues.includes(t.value))),
    );
  }
  const p = page(ctx, all, input, `${owner}`);
  return { resourceShares: p.items.map(shareView), nextToken: p.nextToken };
};

function resourceTypeOf(arn: string): string {
  const kind = /:vpc-lattice:[^:]*:\d{12}:(servicenetwork|service|resourceconfiguration)\//.exec(arn)?.[1];
  return kind === "servicenetwork"
    ? "vpc-lattice:ServiceNetwork"
    : kind === "service"
      ? "vpc-lattice:Service"
      : kind === "resourceconfiguration"
        ? "vpc-lattice:ResourceConfiguration"
        : "unknown";
}

function checkResourceType(type: string | undefined): void {
  if (type !== undefined && !/^[a-z0-9-]+:[A-Za-z0-9]+$/.test(type))
    throw ramError(
      "InvalidResourceTypeException",
      `The resource type ${type} is not valid (e.g. vpc-lattice:ServiceNetwork).`,
    );
}

const listResources: Handler = (input: ListResourcesRequest, ctx) => {
  const owner = resourceOwner(input.resourceOwner);
  checkResourceType(input.resourceType);
  if (owner === "OTHER-ACCOUNTS" && input.principal && !/^\d{12}$/.test(input.principal))
    throw ramError(
      "InvalidParameterException",
      "With OTHER-ACCOUNTS, principal is the account id of the resource owner.",
    );
  const rows: Array<Record<string, unknown>> = [];
  for (const share of sharesFor(ctx, owner)) {
    if (share.status !== "ACTIVE") continue;
    if (input.resourceShareArns?.length && !input.resourceShareArns.includes(share.resourceShareArn)) continue;
    if (input.principal) {
      const covers =
        owner === "SELF"
          ? Object.entries(share.principals).some(
              ([p, a]) =>
                a.status === "ASSOCIATED" &&
                (p === input.principal || principalCovers(ctx.world, p, input.principal!, share.owningAccountId)),
            )
          : share.owningAccountId === input.principal;
      if (!covers) continue;
    }
    for (const [arn, association] of Object.entries(share.resources)) {
      if (association.status !== "ASSOCIATED") continue;
      if (input.resourceArns?.length && !input.resourceArns.includes(arn)) continue;
      const type = resourceTypeOf(arn);
      if (input.resourceType && type.toLowerCase() !== input.resourceType.toLowerCase()) continue;
      const exists = latticeResourceOf(ctx.world, arn);
      rows.push({
        arn,
        type,
        resourceShareArn: share.resourceShareArn,
        status: exists && exists !== "unsupported" ? "AVAILABLE" : "UNAVAILABLE",
        creationTime: association.creationTime,
        lastUpdatedTime: association.lastUpdatedTime,
        resourceRegionScope: "REGIONAL",
      });
    }
  }
  const p = page(ctx, rows, input, `${owner}:${input.principal ?? ""}:${input.resourceType ?? ""}`);
  return { resources: p.items, nextToken: p.nextToken };
};

const listPrincipals: Handler = (input: ListPrincipalsRequest, ctx) => {
  const owner = resourceOwner(input.resourceOwner);
  checkResourceType(input.resourceType);
  const rows: Array<Record<string, unknown>> = [];
  for (const share of sharesFor(ctx, owner)) {
    if (share.status !== "ACTIVE") continue;
    if (input.resourceShareArns?.length && !input.resourceShareArns.includes(share.resourceShareArn)) continue;
    const resources = Object.entries(share.resources)
      .filter(([, a]) => a.status === "ASSOCIATED")
      .map(([arn]) => arn);
    if (input.resourceArn && !resources.includes(input.resourceArn)) continue;
    if (
      input.resourceType &&
      !resources.some((arn) => resourceTypeOf(arn).toLowerCase() === input.resourceType!.toLowerCase())
    )
      continue;
    if (owner === "SELF") {
      for (const [principal, a] of Object.entries(share.principals)) {
        if (a.status !== "ASSOCIATED") continue;
        if (input.principals?.length && !input.principals.includes(principal)) continue;
        rows.push({
          id: principal,
          resourceShareArn: share.resourceShareArn,
          creationTime: a.creationTime,
          lastUpdatedTime: a.lastUpdatedTime,
          external: a.external,
        });
      }
    } else {
      if (input.principals?.length && !input.principals.includes(share.owningAccountId)) continue;
      rows.push({
        id: share.owningAccountId,
        resourceShareArn: share.resourceShareArn,
        creationTime: share.creationTime,
        lastUpdatedTime: share.lastUpdatedTime,
        external:
          !ctx.world.global.organizations.accounts[share.owningAccountId] ||
          !ctx.world.global.organizations.accounts[ctx.accountId],
      });
    }
  }
  const p = page(ctx, rows, input, `${owner}:${input.resourceArn ?? ""}`);
  return { principals: p.items, nextToken: p.nextToken };
};

const getResourceShareAssociations: Handler = (input: GetResourceShareAssociationsRequest, ctx) => {
  const type = input.associationType;
  if (type !== "PRINCIPAL" && type !== "RESOURCE")
    throw ramError("InvalidParameterException", `associationType must be PRINCIPAL or RESOURCE, not ${String(type)}.`);
  if (type === "PRINCIPAL" && input.resourceArn)
    throw ramError(
      "InvalidParameterException",
      "resourceArn filters RESOURCE associations; use principal with PRINCIPAL.",
    );
  if (type === "RESOURCE" && input.principal)
    throw ramError(
      "InvalidParameterException",
      "principal filters PRINCIPAL associations; use resourceArn with RESOURCE.",
    );
  let shares = Object.values(ctx.state.sharing.resourceShares);
  if (input.resourceShareArns?.length)
    shares = shares.filter((s) => input.resourceShareArns!.includes(s.resourceShareArn));
  let rows = shares.flatMap((share) => associationViews(share, type));
  if (input.resourceArn) rows = rows.filter((r) => r.associatedEntity === input.resourceArn);
  if (input.principal) rows = rows.filter((r) => r.associatedEntity === input.principal);
  if (input.associationStatus) rows = rows.filter((r) => r.status === input.associationStatus);
  const p = page(ctx, rows, input, `${type}:${input.resourceArn ?? input.principal ?? ""}`);
  return { resourceShareAssociations: p.items, nextToken: p.nextToken };
};

/** Invitations addressed to the caller, across the senders of this region. */
function receivedInvitations(ctx: HandlerContext): Array<{ invitation: InvitationRecord; senderState: RegionState }> {
  const out: Array<{ invitation: InvitationRecord; senderState: RegionState }> = [];
  for (const state of ctx.world.statesIn(ctx.region)) {
    for (const invitation of Object.values(state.sharing.invitations)) {
      if (invitation.receiverAccountId !== ctx.accountId) continue;
      if (
        invitation.status === "PENDING" &&
        Date.parse(invitation.invitationTimestamp) + INVITATION_LIFETIME_MS <= ctx.now
      )
        invitation.status = "EXPIRED";
      out.push({ invitation, senderState: state });
    }
  }
  return out;
}

function invitationView(invitation: InvitationRecord) {
  return { ...invitation, receiverArn: undefined };
}

const getResourceShareInvitations: Handler = (input: GetResourceShareInvitationsRequest, ctx) => {
  for (const arn of input.resourceShareInvitationArns ?? []) checkArn(arn, "invitation ARN");
  let all = receivedInvitations(ctx).map((r) => r.invitation);
  if (input.resourceShareInvitationArns?.length) {
    const wanted = input.resourceShareInvitationArns;
    const missing = wanted.find((arn) => !all.some((i) => i.resourceShareInvitationArn === arn));
    if (missing)
      throw ramError(
        "ResourceShareInvitationArnNotFoundException",
        `ResourceShareInvitation ${missing} could not be found.`,
      );
    all = all.filter((i) => wanted.includes(i.resourceShareInvitationArn));
  }
  if (input.resourceShareArns?.length) all = all.filter((i) => input.resourceShareArns!.includes(i.resourceShareArn));
  const p = page(ctx, all, input, "received");
  return { resourceShareInvitations: p.items.map(invitationView), nextToken: p.nextToken };
};

function answerInvitation(ctx: HandlerContext, arn: string, accept: boolean) {
  checkArn(arn, "invitation ARN");
  if (!INVITATION_ARN.test(arn))
    throw ramError("MalformedArnException", `${arn} is not a resource share invitation ARN.`);
  const found = receivedInvitations(ctx).find((r) => r.invitation.resourceShareInvitationArn === arn);
  if (!found)
    throw ramError("ResourceShareInvitationArnNotFoundException", `ResourceShareInvitation ${arn} could not be found.`);
  const { invitation, senderState } = found;
  if (invitation.status === "ACCEPTED")
    throw ramError(
      "ResourceShareInvitationAlreadyAcceptedException",
      `The invitation ${arn} has already been accepted.`,
    );
  if (invitation.status === "REJECTED")
    throw ramError(
      "ResourceShareInvitationAlreadyRejectedException",
      `The invitation ${arn} has already been rejected.`,
    );
  if (invitation.status === "EXPIRED")
    throw ramError("ResourceShareInvitationExpiredException", `The invitation ${arn} has expired.`);
  invitation.status = accept ? "ACCEPTED" : "REJECTED";
  const share = senderState.sharing.resourceShares[invitation.resourceShareArn];
  const principal = share?.principals[ctx.accountId];
  if (share && principal) {
    share.principals[ctx.accountId] = {
      ...principal,
      status: accept ? "ASSOCIATED" : "DISASSOCIATED",
      ...(accept ? {} : { statusMessage: "The invitation was rejected." }),
      lastUpdatedTime: ctx.nowIso,
    };
  }
  ctx.world.sharingChanged();
  return { resourceShareInvitation: invitationView(invitation) };
}

const acceptInvitation: Handler = (input: AcceptResourceShareInvitationRequest, ctx) => ({
  ...answerInvitation(ctx, input.resourceShareInvitationArn!, true),
  ...(input.clientToken ? { clientToken: input.clientToken } : {}),
});

const rejectInvitation: Handler = (input: RejectResourceShareInvitationRequest, ctx) => ({
  ...answerInvitation(ctx, input.resourceShareInvitationArn!, false),
  ...(input.clientToken ? { clientToken: input.clientToken } : {}),
});

const enableSharingWithAwsOrganization: Handler = (_input: unknown, ctx) => {
  const { organization } = ctx.world.global.organizations;
  if (!organization || organization.managementAccountId !== ctx.accountId)
    throw ramError(
      "OperationNotPermittedException",
      "Only the management account of an organization can enable sharing with AWS Organizations.",
    );
  organization.ramSharingEnabled = true;
  ctx.world.sharingChanged();
  return { returnValue: true };
};

const listResourceTypes: Handler = (input: ListResourceTypesRequest, ctx) => {
  const p = page(ctx, RESOURCE_TYPES, input, "types");
  return { resourceTypes: p.items, nextToken: p.nextToken };
};

export function ramService(): ServiceDefinition {
  return {
    name: "ram",
    protocol: "restJson",
    operations: operationsOf(RamModel as unknown as Record<string, unknown>),
    handlers: {
      CreateResourceShare: createResourceShare,
      AssociateResourceShare: associateResourceShare,
      DisassociateResourceShare: disassociateResourceShare,
      DeleteResourceShare: deleteResourceShare,
      UpdateResourceShare: updateResourceShare,
      GetResourceShares: getResourceShares,
      ListResources: listResources,
      ListPrincipals: listPrincipals,
      GetResourceShareAssociations: getResourceShareAssociations,
      GetResourceShareInvitations: getResourceShareInvitations,
      AcceptResourceShareInvitation: acceptInvitation,
      RejectResourceShareInvitation: rejectInvitation,
      EnableSharingWithAwsOrganization: enableSharingWithAwsOrganization,
      ListResourceTypes: listResourceTypes,
    },
    missingParameter: (member) =>
      ramError("MissingRequiredParameterException", `The request is missing the required parameter ${member}.`),
    unknownOperation: (operation) =>
      ramError("UnknownOperationException", `The operation ${operation} is not known to AWS RAM.`, 404),
    internalError: (message) => ramError("ServerInternalException", message, 500),
  };
}
