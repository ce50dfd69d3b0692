/**
 * VPC Lattice across accounts (RAM sharing). The rules, and where AWS does not
 * document them the emulator's assumptions (README, "Cross-account assumptions"):
 *
 * - Service networks, services and resource configurations shared with an
 *   account appear in its `List*` calls with the owner's ARN; `Get*` works by
 *   ARN, not by bare id (ids are looked up in the caller's own account).
 * - Another account's ARN is accepted only where a consumer can use a shared
 *   resource (the reads and association creates in CROSS_ACCOUNT_MEMBERS) and
 *   only while it is shared: anything else is AccessDeniedException, so a
 *   consumer cannot read the owner's listeners, rules, target groups,
 *   policies or tags, nor change the shared resource.
 * - An association that joins two accounts (SN–VPC, SN–resource, SN–service)
 *   exists in both, with the same id and each copy's ARN in its own account
 *   (`createdBy` names the creator); either side may delete it, and both
 *   copies move together. Each copy records the other account in the owner
 *   field of the part it does not hold (`serviceNetworkOwner`, `vpcOwner`,
 *   `resourceConfigurationOwner`, `serviceOwner`).
 * - A consumer's VPC endpoint to a shared network or configuration stays an
 *   EC2 object of the consumer; the owner's state keeps a link to it so the
 *   owner lists it (by id and owner account only).
 */
import type { RegionState } from "../../core/region.js";
import { AwsError } from "../../core/errors.js";
import type { Table } from "../../core/indexes.js";
import type { HandlerContext } from "../../core/service.js";
import type { World } from "../../core/world.js";
import { sharedWith } from "../ram/shared-with.js";
import type { EndpointLinkRecord } from "../ram/state.js";
import type { VpcEndpointRecord } from "../ec2/state.js";
import {
  resourceAssociationTable,
  resourceConfigurationsByGroup,
  serviceAssociationTable,
  vpcAssociationTable,
} from "./indexes.js";
import type { LatticeState, ResourceConfigurationRecord, ServiceNetworkRecord, ServiceRecord } from "./state.js";

export type ShareableKind = "servicenetwork" | "service" | "resourceconfiguration";

const COLLECTION = {
  servicenetwork: "serviceNetworks",
  service: "services",
  resourceconfiguration: "resourceConfigurations",
} as const satisfies Record<ShareableKind, keyof LatticeState>;

interface KindRecord {
  servicenetwork: ServiceNetworkRecord;
  service: ServiceRecord;
  resourceconfiguration: ResourceConfigurationRecord;
}

const LATTICE_ARN = /^arn:aws[a-z-]*:vpc-lattice:([a-z0-9-]+):(\d{12}):([a-z]+)\/(.+)$/;

export interface LatticeArn {
  region: string;
  accountId: string;
  /** The resource type segment: servicenetwork, service, resourceconfiguration, servicenetworkvpcassociation … */
  type: string;
  id: string;
}

export function parseLatticeArn(arn: string): LatticeArn | undefined {
  const match = LATTICE_ARN.exec(arn);
  if (!match) return undefined;
  return { region: match[1]!, accountId: match[2]!, type: match[3]!, id: match[4]!.split("/")[0]! };
}

/** The same ARN in another account (association ARNs carry the account that looks at them). */
export function withAccount(arn: string, accountId: string): string {
  return arn.replace(/^(arn:[^:]+:[^:]+:[^:]*:)\d{12}:/, `$1${accountId}:`);
}

const isShareableKind = (type: string): type is ShareableKind => type in COLLECTION;

/* ------------------------------- lookups across accounts ------------------------------- */

/** The state that owns `arn` (the caller's own for its own ARNs). */
export function stateOfArn(ctx: HandlerContext, arn: string | undefined): RegionState {
  const parsed = arn ? parseLatticeArn(arn) : undefined;
  if (!parsed || parsed.accountId === ctx.accountId) return ctx.state;
  return ctx.world.peek(parsed.accountId, parsed.region) ?? ctx.world.state(parsed.accountId, parsed.region);
}

/** A handler context that reads the owner's state of `arn` (the same context for the caller's own). */
export function ownerContext(ctx: HandlerContext, arn: string): HandlerContext {
  const parsed = parseLatticeArn(arn);
  if (!parsed || parsed.accountId === ctx.accountId) return ctx;
  return { ...ctx, state: stateOfArn(ctx, arn), accountId: parsed.accountId };
}

/** A record of a collection that may live in another account (`owner` set) or in the context's own state. */
export function peerRecord<K extends ShareableKind>(
  ctx: Pick<HandlerContext, "state" | "accountId" | "region" | "world">,
  kind: K,
  id: string,
  owner: string | undefined,
): KindRecord[K] | undefined {
  const state = owner && owner !== ctx.accountId ? ctx.world.peek(owner, ctx.region) : ctx.state;
  return state?.lattice[COLLECTION[kind]][id] as KindRecord[K] | undefined;
}

/** The Lattice resource an ARN names, in its owner's state; "unsupported" for what RAM cannot share here. */
export function latticeResourceOf(
  world: World,
  arn: string,
): { kind: ShareableKind; record: KindRecord[ShareableKind] } | "unsupported" | undefined {
  const parsed = parseLatticeArn(arn);
  if (!parsed || !isShareableKind(parsed.type)) return "unsupported";
  const record = world.peek(parsed.accountId, parsed.region)?.lattice[COLLECTION[parsed.type]][parsed.id];
  return record && record.arn === arn ? { kind: parsed.type, record } : undefined;
}

/** Why RAM refuses to share this resource, if it does. */
export function shareableProblem(resource: {
  kind: ShareableKind;
  record: KindRecord[ShareableKind];
}): string | undefined {
  const { kind, record } = resource;
  if (kind === "servicenetwork" && !(record as ServiceNetworkRecord).sharingConfig.enabled)
    return `Service network ${record.id} is not shareable: its sharingConfig.enabled is false.`;
  if (kind === "resourceconfiguration") {
    const config = record as ResourceConfigurationRecord;
    if (config.type === "CHILD")
      return `${config.id} is a CHILD configuration; share its GROUP ${config.resourceConfigurationGroupId}.`;
  }
  return undefined;
}

/** Whether `arn` (or, for a CHILD configuration, its group) is shared with the caller right now. */
export function isSharedWithCaller(ctx: Pick<HandlerContext, "world" | "accountId" | "region">, arn: string): boolean {
  const shared = sharedWith(ctx.world, ctx.accountId, ctx.region);
  if (shared.size === 0) return false;
  if (shared.has(arn)) return true;
  const parsed = parseLatticeArn(arn);
  if (parsed?.type !== "resourceconfiguration") return false;
  const child = ctx.world.peek(parsed.accountId, parsed.region)?.lattice.resourceConfigurations[parsed.id];
  if (!child?.resourceConfigurationGroupId) return false;
  return shared.has(arn.replace(parsed.id, child.resourceConfigurationGroupId));
}

/**
 * The record another account owns that `identifier` names by ARN (undefined
 * for the caller's own ids and ARNs). `guardCrossAccount` has already checked
 * that the caller may use it here.
 */
export function foreignRecord<K extends ShareableKind>(
  ctx: HandlerContext,
  kind: K,
  identifier: string,
): KindRecord[K] | undefined {
  const parsed = identifier.startsWith("arn:") ? parseLatticeArn(identifier) : undefined;
  if (!parsed || parsed.accountId === ctx.accountId) return undefined;
  const record = ctx.world.peek(parsed.accountId, parsed.region)?.lattice[COLLECTION[kind]][parsed.id] as
    KindRecord[K] | undefined;
  if (!record || record.arn !== identifier) {
    throw new AwsError({
      code: "ResourceNotFoundException",
      status: 404,
      message: `${identifier} not found.`,
      fields: { resourceId: identifier, resourceType: kind.toUpperCase() },
    });
  }
  return record;
}

/** Records of one kind shared with the caller in its region (children of shared groups included). */
export function sharedRecords<K extends ShareableKind>(ctx: HandlerContext, kind: K): Array<KindRecord[K]> {
  const shared = sharedWith(ctx.world, ctx.accountId, ctx.region);
  if (shared.size === 0) return [];
  const out: Array<KindRecord[K]> = [];
  const seen = new Set<string>();
  for (const { arn, ownerAccountId } of shared.values()) {
    const parsed = parseLatticeArn(arn);
    if (parsed?.type !== kind) continue;
    const state = ctx.world.peek(ownerAccountId, ctx.region);
    const record = state?.lattice[COLLECTION[kind]][parsed.id] as KindRecord[K] | undefined;
    if (!record || seen.has(record.arn)) continue;
    seen.add(record.arn);
    out.push(record);
    if (kind === "resourceconfiguration") {
      for (const child of resourceConfigurationsByGroup.get(state!, record.id)) out.push(child as KindRecord[K]);
    }
  }
  return out;
}

/**
 * Operations in which a consumer may name a shared resource of another
 * account, and the members that may do so. Any other member holding another
 * account's ARN is refused.
 */
const CROSS_ACCOUNT_MEMBERS: Record<string, string[]> = {
  GetServiceNetwork: ["serviceNetworkIdentifier"],
  GetService: ["serviceIdentifier"],
  GetResourceConfiguration: ["resourceConfigurationIdentifier"],
  ListResourceConfigurations: ["resourceConfigurationGroupIdentifier"],
  ListServiceNetworkVpcAssociations: ["serviceNetworkIdentifier"],
  ListServiceNetworkResourceAssociations: ["serviceNetworkIdentifier", "resourceConfigurationIdentifier"],
  ListServiceNetworkServiceAssociations: ["serviceNetworkIdentifier", "serviceIdentifier"],
  ListServiceNetworkVpcEndpointAssociations: ["serviceNetworkIdentifier"],
  ListResourceEndpointAssociations: ["resourceConfigurationIdentifier"],
  CreateServiceNetworkVpcAssociation: ["serviceNetworkIdentifier"],
  CreateServiceNetworkResourceAssociation: ["serviceNetworkIdentifier", "resourceConfigurationIdentifier"],
  CreateServiceNetworkServiceAssociation: ["serviceNetworkIdentifier", "serviceIdentifier"],
};

const MEMBERS_WITH_ARNS = /(Identifier|Arn)$/;

/** AccessDeniedException for a Lattice call on another account's resource that is not (or no longer) shared. */
export function notAuthorized(ctx: HandlerContext, action: string, resource: string): AwsError {
  return new AwsError({
    code: "AccessDeniedException",
    status: 403,
    message: `User: ${ctx.caller.arn} is not authorized to perform: vpc-lattice:${action} on resource: ${resource}`,
  });
}

/** Refuses another account's ARN wherever the caller may not use it (see the module comment). */
export function guardCrossAccount(operation: string, input: Record<string, unknown>, ctx: HandlerContext): void {
  for (const [member, value] of Object.entries(input)) {
    if (typeof value !== "string" || !MEMBERS_WITH_ARNS.test(member) || !value.startsWith("arn:")) continue;
    const parsed = parseLatticeArn(value);
    if (!parsed || parsed.accountId === ctx.accountId) continue;
    const allowed = CROSS_ACCOUNT_MEMBERS[operation]?.includes(member) ?? false;
    if (!allowed || !isSharedWithCaller(ctx, value)) throw notAuthorized(ctx, operation, value);
  }
}

/* ------------------------ associations that join two accounts ------------------------ */

type OwnerField = "serviceNetworkOwner" | "vpcOwner" | "resourceConfigurationOwner" | "serviceOwner";

interface SpanningRecord {
  id: string;
  arn: string;
  status: string;
  serviceNetworkOwner?: string;
  vpcOwner?: string;
  resourceConfigurationOwner?: string;
  serviceOwner?: string;
}

const OWNER_FIELDS: OwnerField[] = ["serviceNetworkOwner", "vpcOwner", "resourceConfigurationOwner", "serviceOwner"];

/** The other account of an association copy, if it joins two. */
export function peerAccountOf(record: SpanningRecord): string | undefined {
  for (const field of OWNER_FIELDS) if (record[field]) return record[field];
  return undefined;
}

function copyPending(from: RegionState, to: RegionState, kind: string, id: string): void {
  to.pending = to.pending.filter((p) => !(p.kind === kind && p.id === id));
  for (const p of from.pending) if (p.kind === kind && p.id === id) to.pending.push({ ...p });
}

/**
 * Files the other account's copy of an association just created in the
 * caller's state, when its service network and its member (VPC, resource
 * configuration, service) belong to different accounts.
 */
export function spanAccounts<T extends SpanningRecord>(
  ctx: HandlerContext,
  table: Table<T>,
  kind: string,
  record: T,
  parties: { serviceNetwork: string; member: string; memberField: Exclude<OwnerField, "serviceNetworkOwner"> },
): void {
  const { serviceNetwork, member, memberField } = parties;
  if (serviceNetwork === member) return;
  const mark = (copy: T, account: string): void => {
    if (account !== serviceNetwork) copy.serviceNetworkOwner = serviceNetwork;
    else delete copy.serviceNetworkOwner;
    if (account !== member) copy[memberField] = member;
    else delete copy[memberField];
  };
  mark(record, ctx.accountId);
  const peer = ctx.accountId === serviceNetwork ? member : serviceNetwork;
  const peerState = ctx.world.state(peer, ctx.region);
  const copy = { ...structuredClone(record), arn: withAccount(record.arn, peer) };
  mark(copy, peer);
  table.put(peerState, record.id, copy);
  // The creation was just scheduled: its transition is at the end of the caller's queue (no need to scan it all).
  for (let i = ctx.state.pending.length - 1; i >= 0; i--) {
    const p = ctx.state.pending[i]!;
    if (p.kind === kind && p.id === record.id) {
      peerState.pending.push({ ...p });
      break;
    }
  }
}

/** Brings the other account's copy in step after a change (status, groups, DNS options, pending transitions). */
export function syncPeer<T extends SpanningRecord>(
  ctx: HandlerContext,
  table: Table<T>,
  kind: string,
  record: T,
): void {
  const peer = peerAccountOf(record);
  if (!peer) return;
  const peerState = ctx.world.peek(peer, ctx.region);
  const copy = peerState ? (table.collection(peerState)[record.id] as T | undefined) : undefined;
  if (!peerState || !copy) return;
  const keep: Partial<SpanningRecord> = { arn: copy.arn };
  for (const field of OWNER_FIELDS) if (copy[field]) keep[field] = copy[field];
  for (const field of OWNER_FIELDS) delete copy[field];
  Object.assign(copy, structuredClone(record), keep);
  for (const field of OWNER_FIELDS) if (!keep[field]) delete copy[field];
  copyPending(ctx.state, peerState, kind, record.id);
}

/** The caller's view of an association read from another account: its ARN in the caller's account. */
export function inCallerAccount<T extends { arn?: string | undefined }>(ctx: HandlerContext, view: T): T {
  return view.arn && parseLatticeArn(view.arn)?.accountId !== ctx.accountId
    ? { ...view, arn: withAccount(view.arn, ctx.accountId) }
    : view;
}

/**
 * Who may create an association between a service network and a member: the
 * owner of at least one of them ("You cannot associate a service and service
 * network that are shared with a caller").
 */
export function checkAssociationOwner(ctx: HandlerContext, operation: string, snArn: string, memberArn: string): void {
  const sn = parseLatticeArn(snArn);
  const member = parseLatticeArn(memberArn);
  if (sn && member && sn.accountId !== ctx.accountId && member.accountId !== ctx.accountId) {
    throw new AwsError({
      code: "AccessDeniedException",
      status: 403,
      message: `You cannot associate ${memberArn} with ${snArn}: both are shared with account ${ctx.accountId}. The caller must own either the service network or the ${member.type === "service" ? "service" : "resource configuration"} (${operation}).`,
    });
  }
}

/* ----------------------------- endpoints of other accounts ----------------------------- */

/** Records, in the owner's state, that another account's endpoint reaches one of its networks or configurations. */
export function linkEndpoint(ctx: HandlerContext, endpoint: VpcEndpointRecord): void {
  const target = endpoint.ServiceNetworkArn ?? endpoint.ResourceConfigurationArn;
  const parsed = target ? parseLatticeArn(target) : undefined;
  if (!parsed || parsed.accountId === ctx.accountId) return;
  const link: EndpointLinkRecord = {
    vpcEndpointId: endpoint.VpcEndpointId,
    accountId: ctx.accountId,
    ...(endpoint.ServiceNetworkArn ? { serviceNetworkArn: endpoint.ServiceNetworkArn } : {}),
    ...(endpoint.ResourceConfigurationArn ? { resourceConfigurationArn: endpoint.ResourceConfigurationArn } : {}),
  };
  stateOfArn(ctx, target).sharing.endpointLinks[endpoint.VpcEndpointId] = link;
}

/** Other accounts' endpoints (still there) linked to this state, with the state each lives in. */
export function linkedEndpoints(
  ctx: HandlerContext,
  where: (link: EndpointLinkRecord) => boolean,
): Array<{ endpoint: VpcEndpointRecord; state: RegionState }> {
  const links = ctx.state.sharing.endpointLinks;
  const out: Array<{ endpoint: VpcEndpointRecord; state: RegionState }> = [];
  for (const link of Object.values(links)) {
    if (!where(link)) continue;
    const state = ctx.world.peek(link.accountId, ctx.region);
    const endpoint = state?.ec2.vpcEndpoints[link.vpcEndpointId];
    if (!state || !endpoint) {
      delete links[link.vpcEndpointId];
      continue;
    }
    out.push({ endpoint, state });
  }
  return out;
}

/* --------------------------------- when sharing stops --------------------------------- */

/**
 * Called by RAM when accounts lose access to resources. With the `delete`
 * setting, the associations those accounts made with them go (both copies);
 * with `keep` (the default) they stay. VPC endpoints always stay (they are
 * the consumer's EC2 objects); their association rows show Inaccessible.
 */
export function unshareLatticeResources(ctx: HandlerContext, lost: Array<{ accountId: string; arn: string }>): void {
  if (ctx.world.global.sharing.unsharedAssociations !== "delete") return;
  for (const { accountId, arn } of lost) {
    const parsed = parseLatticeArn(arn);
    const state = ctx.world.peek(accountId, ctx.region);
    if (!parsed || !state) continue;
    const consumer: HandlerContext = { ...ctx, state, accountId };
    const owner = parsed.accountId;
    const remove = <T extends SpanningRecord & { lastUpdatedAt: string }>(
      table: Table<T>,
      kind: string,
      matches: (record: T) => boolean,
    ): void => {
      for (const record of Object.values(table.collection(state))) {
        if (!matches(record) || record.status.startsWith("DELETE")) continue;
        record.status = "DELETE_IN_PROGRESS";
        record.lastUpdatedAt = ctx.nowIso;
        ctx.lifecycle.scheduleRemoval(state, kind, record.id, ctx.now);
        syncPeer(consumer, table, kind, record);
      }
    };
    if (parsed.type === "servicenetwork") {
      remove(
        vpcAssociationTable,
        "ServiceNetworkVpcAssociation",
        (a) => a.serviceNetworkId === parsed.id && a.serviceNetworkOwner === owner,
      );
      remove(
        resourceAssociationTable,
        "ServiceNetworkResourceAssociation",
        (a) => a.serviceNetworkId === parsed.id && a.serviceNetworkOwner === owner,
      );
      remove(
        serviceAssociationTable,
        "ServiceNetworkServiceAssociation",
        (a) => a.serviceNetworkId === parsed.id && a.serviceNetworkOwner === owner,
      );
    } else if (parsed.type === "resourceconfiguration") {
      const ownerState = ctx.world.peek(owner, ctx.region);
      const children = new Set(
        Object.values(ownerState?.lattice.resourceConfigurations ?? {})
          .filter((c) => c.resourceConfigurationGroupId === parsed.id)
          .map((c) => c.id),
      );
      remove(
        resourceAssociationTable,
        "ServiceNetworkResourceAssociation",
        (a) =>
          a.resourceConfigurationOwner === owner &&
          (a.resourceConfigurationId === parsed.id || children.has(a.resourceConfigurationId)),
      );
    } else if (parsed.type === "service") {
      remove(
        serviceAssociationTable,
        "ServiceNetworkServiceAssociation",
        (a) => a.serviceId === parsed.id && a.serviceOwner === owner,
      );
    }
  }
}
