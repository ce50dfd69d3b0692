/**
 * The action kinds of the console, one module per kind, gathered in one table.
 * `satisfies { [T in Action["type"]]: ActionKind<T> }` makes a new kind in
 * packages/shared a compile error here until its module exists; everything
 * the console does per kind (the sheet's form and labels, the audit log's
 * line, the "+" menus, a drag's meaning, what the diagram draws while AWS
 * works, "delete and recreate") reads it from here — no switch on the type
 * elsewhere. The order is the order of the "+" menus.
 */
import type { Action, GraphNode, NodeKind } from "@lattice-atlas/shared";
import { addIngressRule } from "./add-ingress-rule";
import { associateResource } from "./associate-resource";
import { associateService } from "./associate-service";
import { associateVpc } from "./associate-vpc";
import { createResourceEndpoint } from "./create-resource-endpoint";
import { createServiceNetworkEndpoint } from "./create-service-network-endpoint";
import { removeEndpoint } from "./remove-endpoint";
import { removeResourceAssociation } from "./remove-resource-association";
import { removeServiceAssociation } from "./remove-service-association";
import { removeVpcAssociation } from "./remove-vpc-association";
import { startDomainVerification } from "./start-domain-verification";
import { updateVpcAssociationDns } from "./update-vpc-association-dns";
import type { ActionKind, ActionType, ChangeIntent, CreateSpec, CreateType } from "./types";

export const ACTION_KINDS = {
  "associate-vpc": associateVpc,
  "create-service-network-endpoint": createServiceNetworkEndpoint,
  "associate-resource": associateResource,
  "create-resource-endpoint": createResourceEndpoint,
  "associate-service": associateService,
  "remove-vpc-association": removeVpcAssociation,
  "remove-resource-association": removeResourceAssociation,
  "remove-service-association": removeServiceAssociation,
  "remove-endpoint": removeEndpoint,
  "add-ingress-rule": addIngressRule,
  "update-vpc-association-dns": updateVpcAssociationDns,
  "start-domain-verification": startDomainVerification,
} satisfies { [T in ActionType]: ActionKind<T> };

// CreateType (types.ts) names exactly the kinds of the table that have a form: a creation added to one and not the
// other is a compile error here.
type CreatesInTable = {
  [T in ActionType]: (typeof ACTION_KINDS)[T] extends { create: object } ? T : never;
}[ActionType];
const sameCreations: [CreateType, CreatesInTable] extends [CreatesInTable, CreateType] ? true : never = true;
void sameCreations;

const KINDS: ReadonlyArray<ActionKind<ActionType>> = Object.values(ACTION_KINDS);

export const isActionType = (type: string): type is ActionType => Object.hasOwn(ACTION_KINDS, type);
export const isCreateType = (type: string): type is CreateType => isActionType(type) && !!actionKind(type).create;

/** The creations, in the table's order. */
const CREATIONS: ReadonlyArray<{ type: CreateType; create: CreateSpec<CreateType> }> = KINDS.map((k) => k.type)
  .filter(isCreateType)
  .map((type) => ({ type, create: createSpec(type) }));

/** The module of an action kind. */
export function actionKind(type: ActionType): ActionKind<ActionType> {
  return ACTION_KINDS[type];
}

/** The form side of a creation. */
export function createSpec(type: CreateType): CreateSpec<CreateType> {
  return ACTION_KINDS[type].create;
}

/**
 * The removal that undoes a creation which made `resourceId` (an association or an endpoint), or undefined when the
 * action is not a creation of this console or made nothing.
 */
export function undoAction(type: string, resourceId: string | undefined): Action | undefined {
  if (!resourceId || !isActionType(type)) return undefined;
  const removal = actionKind(type).undoneBy;
  return removal ? actionKind(removal).removes?.action(resourceId) : undefined;
}

export const isRemoval = (action: { type: ActionType }): boolean => actionKind(action.type).removal;

/** The changes a node can start, for its "+" menu and its details (in the table's order). */
export function intentsFor(node: {
  kind: NodeKind | string;
  id: string;
  data?: unknown;
}): Array<{ label: string; intent: ChangeIntent }> {
  const items: Array<{ label: string; intent: ChangeIntent }> = [];
  // Nothing is offered on what AWS manages (preflight would refuse it with AWS_MANAGED).
  if (managedBy(node)) return items;
  for (const kind of CREATIONS) {
    const start = kind.create.startsFrom[node.kind as NodeKind];
    if (start) items.push({ label: start.label, intent: { type: kind.type, [start.end]: node.id } });
  }
  return items;
}

/**
 * Who manages a node, when AWS does: an AWS-managed configuration (amazonManaged), an association or gateway a
 * service of AWS's manages (serviceManaged, managedBy), a managed child association (isManaged). Read-only here.
 */
export function managedBy(node: { kind: NodeKind | string; data?: unknown }): string | undefined {
  const data = (node.data ?? {}) as {
    amazonManaged?: boolean;
    serviceManaged?: boolean;
    managedBy?: string;
    isManaged?: boolean;
  };
  if (data.managedBy) return data.managedBy;
  if (data.amazonManaged || data.serviceManaged) return "AWS";
  if (node.kind === "resourceAssociation" && data.isManaged) return "its parent association";
  return undefined;
}

/** The intent of a drag from a node of `fromKind` onto a service network. */
export function intentForConnect(fromId: string, fromKind: string, networkId: string): ChangeIntent | undefined {
  const kind = CREATIONS.find((k) => k.create.draggedFrom === fromKind);
  const end = kind?.create.startsFrom[fromKind as NodeKind]?.end;
  return kind && end ? { type: kind.type, [end]: fromId, serviceNetworkId: networkId } : undefined;
}

/** The removal that undoes what a node is (an association or an endpoint), for its details. */
export function removalFor(node: { kind: string; id: string }) {
  const kind = KINDS.find((k) => k.removes?.kind === node.kind);
  return kind?.removes?.action(node.id);
}

/** The creation that would make a node again as it is ("delete and recreate" of a failed one). */
export function recreateFor(node: GraphNode) {
  for (const kind of CREATIONS) {
    const action = kind.create.recreate?.(node);
    if (action) return action;
  }
  return undefined;
}

export type { ActionType, ChangeForm, ChangeIntent, CreateType, PrivateDnsPreference } from "./types";

/** One line naming what an action touches, by id, for the audit log (whose input may be partial or of an older kind). */
export function actionSubject(action: { type: string } & Record<string, unknown>): string {
  return isActionType(action.type) ? actionKind(action.type).subject(action as never) : "";
}

/** An action kind's short name, or the type as it came for one this console does not know. */
export const actionLabel = (type: string): string => (isActionType(type) ? actionKind(type).label : type);

/** The label of a check's one-click Fix: "Fix: create the VPC association…", "Fix: Add inbound rule…". */
export function fixLabel(action: { type: ActionType }): string {
  const { label } = actionKind(action.type);
  return isCreateType(action.type) ? `Fix: create the ${label}…` : `Fix: ${label}…`;
}
