/**
 * The sheet's form for a creation: what the user started (an intent: "this
 * VPC onto that network", "a Resource endpoint in this VPC"), the form it
 * shows for it (prefilled sensibly: one subnet per Availability Zone, the
 * security groups the VPC already uses for Lattice), and the action a
 * complete form stands for. What differs per kind (its fields, defaults and
 * mapping) lives in the kind's module (kinds/); this is what they share. Pure;
 * unit-tested.
 */
import type { Action, DnsOptionsInput, GraphNodeOf } from "@lattice-atlas/shared";
import type { TopologyIndex } from "../topology/topology-index";
import {
  actionKind,
  createSpec,
  isCreateType,
  type ChangeForm,
  type ChangeIntent,
  type CreateType,
  type PrivateDnsPreference,
} from "./kinds";
import { idOf, subnetsByZone } from "./kinds/parts";
import type { FormFields } from "./kinds/types";

/**
 * The preferences, spelled here: importing the contract's array would pull the
 * schema module (and its library) into the bundle. The Record keeps it in step.
 */
const PREFERENCE_SET: Record<PrivateDnsPreference, true> = {
  VERIFIED_DOMAINS_ONLY: true,
  ALL_DOMAINS: true,
  VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS: true,
  SPECIFIED_DOMAINS_ONLY: true,
};
export const PRIVATE_DNS_PREFERENCE_LIST = Object.keys(PREFERENCE_SET) as PrivateDnsPreference[];

/** AWS takes at most five security groups on an association or endpoint (not adjustable). */
export const MAX_SECURITY_GROUPS = 5;

/** Which fields a creation asks for. */
export const fieldsOf = (type: CreateType): FormFields => createSpec(type).fields;

/** One subnet in every zone of the VPC: an endpoint then answers in each zone. */
function defaultSubnets(vpc: GraphNodeOf<"vpc"> | undefined): Record<string, string> {
  return Object.fromEntries(subnetsByZone(vpc).map(({ zone, subnets }) => [zone, subnets[0]?.id ?? ""]));
}

/** The security groups of a VPC, those its Lattice entry points already use first. */
export function groupsOfVpc(
  index: TopologyIndex,
  vpcId: string,
): Array<GraphNodeOf<"securityGroup"> & { usedForLattice: boolean }> {
  const used = suggestedGroups(index, vpcId);
  return index
    .of("securityGroup")
    .filter((g) => g.data.vpcId === vpcId)
    .map((g) => ({ ...g, usedForLattice: used.includes(g.id) }))
    .sort(
      (a, b) =>
        Number(b.usedForLattice) - Number(a.usedForLattice) ||
        a.data.groupName.localeCompare(b.data.groupName) ||
        a.id.localeCompare(b.id),
    );
}

/**
 * The groups a new association or endpoint of this VPC most likely wants: the
 * ones its existing endpoints and VPC associations use (they already admit
 * the VPC's clients), at most five. None when the VPC has no Lattice entry yet.
 */
export function suggestedGroups(index: TopologyIndex, vpcId: string): string[] {
  const groups: string[] = [];
  const add = (ids: readonly string[] | null): void => {
    for (const id of ids ?? []) {
      const group = index.get(id, "securityGroup");
      if (group && group.data.vpcId === vpcId && !groups.includes(id)) groups.push(id);
    }
  };
  for (const endpoint of index.of("vpcEndpoint"))
    if (endpoint.data.vpcId === vpcId) add(endpoint.data.securityGroupIds);
  for (const association of index.of("vpcAssociation"))
    if (association.data.vpcId === vpcId) add(association.data.securityGroupIds);
  return groups.slice(0, MAX_SECURITY_GROUPS);
}

function firstId<K extends "vpc" | "serviceNetwork" | "resourceConfiguration" | "service">(
  index: TopologyIndex,
  kind: K,
  accept: (node: GraphNodeOf<K>) => boolean = () => true,
): string {
  const nodes: Array<{ id: string; label: string }> = index.of(kind).filter(accept);
  return [...nodes].sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id))[0]?.id ?? "";
}

/** Configurations a change can name: not a CHILD (its GROUP is named) and not a CIDR one. */
export const associableConfiguration = (c: GraphNodeOf<"resourceConfiguration">): boolean =>
  c.data.type !== "CHILD" && c.data.type !== "CIDR" && !c.data.groupId;

/** The form for an intent, every open end prefilled with a sensible choice. */
export function defaultForm(intent: ChangeIntent, index: TopologyIndex): ChangeForm {
  const need = fieldsOf(intent.type);
  const vpcId =
    intent.vpcId ??
    (need.vpc ? firstId(index, "vpc", (v) => v.data.roles.includes("consumer")) || firstId(index, "vpc") : "");
  const vpc = index.get(vpcId, "vpc");
  return {
    type: intent.type,
    vpcId,
    serviceNetworkId: intent.serviceNetworkId
      ? idOf(intent.serviceNetworkId)
      : need.network
        ? firstId(index, "serviceNetwork")
        : "",
    resourceConfigurationId: intent.resourceConfigurationId
      ? idOf(intent.resourceConfigurationId)
      : need.configuration
        ? firstId(index, "resourceConfiguration", associableConfiguration)
        : "",
    serviceId: intent.serviceId ? idOf(intent.serviceId) : need.service ? firstId(index, "service") : "",
    subnetByZone: need.subnets ? defaultSubnets(vpc) : {},
    securityGroupIds: need.groups && vpcId ? suggestedGroups(index, vpcId) : [],
    privateDnsEnabled: createSpec(intent.type).privateDnsByDefault,
    dnsPreference: "",
    specifiedDomains: "",
  };
}

/** Another VPC: its subnets and groups replace the previous VPC's. */
export function withVpc(form: ChangeForm, vpcId: string, index: TopologyIndex): ChangeForm {
  const need = fieldsOf(form.type);
  return {
    ...form,
    vpcId,
    subnetByZone: need.subnets ? defaultSubnets(index.get(vpcId, "vpc")) : {},
    securityGroupIds: need.groups ? suggestedGroups(index, vpcId) : [],
  };
}

/** Another kind of change for the same ends (a VPC onto a network: association or ServiceNetwork endpoint). */
export function withType(form: ChangeForm, type: CreateType, index: TopologyIndex): ChangeForm {
  const next = defaultForm(
    {
      type,
      vpcId: form.vpcId || undefined,
      serviceNetworkId: form.serviceNetworkId || undefined,
      resourceConfigurationId: form.resourceConfigurationId || undefined,
      serviceId: form.serviceId || undefined,
    },
    index,
  );
  return fieldsOf(type).groups && fieldsOf(form.type).groups
    ? { ...next, securityGroupIds: form.securityGroupIds }
    : next;
}

export function toggleGroup(form: ChangeForm, groupId: string): ChangeForm {
  if (form.securityGroupIds.includes(groupId))
    return { ...form, securityGroupIds: form.securityGroupIds.filter((id) => id !== groupId) };
  if (form.securityGroupIds.length >= MAX_SECURITY_GROUPS) return form;
  return { ...form, securityGroupIds: [...form.securityGroupIds, groupId] };
}

function parseDomains(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((d) => d.trim())
        .filter(Boolean),
    ),
  ];
}

function dnsOptionsOf(form: ChangeForm): DnsOptionsInput | undefined {
  if (!form.privateDnsEnabled || form.dnsPreference === "") return undefined;
  const domains = parseDomains(form.specifiedDomains);
  const specified =
    form.dnsPreference === "SPECIFIED_DOMAINS_ONLY" || form.dnsPreference === "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS";
  return {
    privateDnsPreference: form.dnsPreference,
    ...(specified && domains.length > 0 ? { privateDnsSpecifiedDomains: domains } : {}),
  };
}

export type FormResult = { ok: true; action: Action } | { ok: false; missing: string };

/** The action a form stands for, or what is still missing (the sheet plans nothing until it is complete). */
export function formToAction(form: ChangeForm, index?: TopologyIndex): FormResult {
  const need = fieldsOf(form.type);
  if (need.vpc && !form.vpcId) return { ok: false, missing: "Choose a VPC." };
  if (need.network && !form.serviceNetworkId) return { ok: false, missing: "Choose a service network." };
  if (need.configuration && !form.resourceConfigurationId)
    return { ok: false, missing: "Choose a resource configuration." };
  if (need.service && !form.serviceId) return { ok: false, missing: "Choose a Lattice service." };
  const subnetIds = Object.keys(form.subnetByZone)
    .sort()
    .map((zone) => form.subnetByZone[zone]!)
    .filter(Boolean);
  if (need.subnets && subnetIds.length === 0)
    return { ok: false, missing: "Choose at least one subnet (one per Availability Zone)." };
  const groups = [...new Set(form.securityGroupIds)];
  const dnsOptions = dnsOptionsOf(form);
  const parts = {
    subnetIds,
    groups: groups.length > 0 ? { securityGroupIds: groups } : {},
    dns: dnsOptions ? { dnsOptions } : {},
  };
  return { ok: true, action: createSpec(form.type).toAction(form, parts, index) };
}

/** A creation as a form again (a finding's alternative, a "recreate"): undefined for removals and rules. */
export function formFromAction(action: Action, index: TopologyIndex): ChangeForm | undefined {
  if (!isCreateType(action.type)) return undefined;
  return createSpec(action.type).toForm(action as never, defaultForm({ type: action.type }, index), index);
}

/** The sheet's heading for a creation being filled in, or for a ready action. */
export const sheetTitle = (draft: { type: CreateType } | Action, filling: boolean): string =>
  filling && isCreateType(draft.type) ? createSpec(draft.type).title : actionKind(draft.type).label;
