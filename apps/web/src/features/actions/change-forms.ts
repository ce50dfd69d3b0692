/**
 * The five creations as forms: what the user started (an intent: "this VPC
 * onto that network", "a Resource endpoint in this VPC"), the form the sheet
 * shows for it (prefilled sensibly: one subnet per Availability Zone, the
 * security groups the VPC already uses for Lattice), and the mapping from a
 * form to the action the API plans and executes. Pure; unit-tested.
 */
import type {
  Action,
  AssociateResourceAction,
  AssociateVpcAction,
  CreateResourceEndpointAction,
  CreateServiceNetworkEndpointAction,
  DnsOptionsInput,
  GraphNodeOf,
  PRIVATE_DNS_PREFERENCES,
} from "@lattice-atlas/shared";
import type { TopologyIndex } from "../topology/topology-index";

export const CREATE_TYPES = [
  "associate-vpc",
  "create-service-network-endpoint",
  "create-resource-endpoint",
  "associate-resource",
  "associate-service",
] as const;
export type CreateType = (typeof CREATE_TYPES)[number];
export type PrivateDnsPreference = (typeof PRIVATE_DNS_PREFERENCES)[number];
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

/** What the user started: a kind of change and the ends already chosen (by the drag or the node's menu). */
export interface ChangeIntent {
  type: CreateType;
  vpcId?: string | undefined;
  serviceNetworkId?: string | undefined;
  resourceConfigurationId?: string | undefined;
  serviceId?: string | undefined;
}

export interface ChangeForm {
  type: CreateType;
  vpcId: string;
  serviceNetworkId: string;
  resourceConfigurationId: string;
  serviceId: string;
  /** Availability Zone → the subnet chosen there ("" for none); endpoints only. */
  subnetByZone: Record<string, string>;
  securityGroupIds: string[];
  privateDnsEnabled: boolean;
  /** "" leaves AWS's default (VERIFIED_DOMAINS_ONLY). */
  dnsPreference: "" | PrivateDnsPreference;
  /** Comma- or line-separated, for the SPECIFIED_DOMAINS preferences. */
  specifiedDomains: string;
}

export const CREATE_LABEL: Record<CreateType, string> = {
  "associate-vpc": "Associate the VPC with a service network",
  "create-service-network-endpoint": "Add a ServiceNetwork endpoint",
  "create-resource-endpoint": "Add a Resource endpoint",
  "associate-resource": "Add the resource configuration to a service network",
  "associate-service": "Add the service to a service network",
};

/** Short names of every action type (headings, the audit log). */
export const ACTION_LABEL: Record<Action["type"], string> = {
  "associate-vpc": "VPC association",
  "associate-resource": "Resource association",
  "associate-service": "Service association",
  "create-resource-endpoint": "Resource endpoint",
  "create-service-network-endpoint": "ServiceNetwork endpoint",
  "remove-vpc-association": "Remove VPC association",
  "remove-resource-association": "Remove resource association",
  "remove-service-association": "Remove service association",
  "remove-endpoint": "Delete VPC endpoint",
  "add-ingress-rule": "Add inbound rule",
};

export const isCreateType = (type: string): type is CreateType => (CREATE_TYPES as readonly string[]).includes(type);

/** Which fields a type needs. */
export const needs = (type: CreateType) => ({
  vpc: type === "associate-vpc" || type === "create-resource-endpoint" || type === "create-service-network-endpoint",
  network: type !== "create-resource-endpoint",
  configuration: type === "associate-resource" || type === "create-resource-endpoint",
  service: type === "associate-service",
  subnets: type === "create-resource-endpoint" || type === "create-service-network-endpoint",
  groups: type === "associate-vpc" || type === "create-resource-endpoint" || type === "create-service-network-endpoint",
  privateDns: type !== "associate-service",
  dnsOptions:
    type === "associate-vpc" || type === "create-resource-endpoint" || type === "create-service-network-endpoint",
});

const idOf = (reference: string): string =>
  reference.startsWith("arn:") ? (reference.split("/").pop() ?? reference) : reference;

/** The subnets of a VPC per Availability Zone, zones sorted, subnets by name then id. */
export function subnetsByZone(
  vpc: GraphNodeOf<"vpc"> | undefined,
): Array<{ zone: string; subnets: GraphNodeOf<"vpc">["data"]["subnets"] }> {
  if (!vpc) return [];
  const byZone = new Map<string, GraphNodeOf<"vpc">["data"]["subnets"]>();
  for (const subnet of vpc.data.subnets)
    byZone.set(subnet.availabilityZone, [...(byZone.get(subnet.availabilityZone) ?? []), subnet]);
  return [...byZone]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([zone, subnets]) => ({
      zone,
      subnets: [...subnets].sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "") || a.id.localeCompare(b.id)),
    }));
}

/** One subnet in every zone of the VPC: an endpoint then answers in each zone. */
export function defaultSubnets(vpc: GraphNodeOf<"vpc"> | undefined): Record<string, string> {
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
  const need = needs(intent.type);
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
    // Endpoints answer the resource's own names by default; a VPC association adds names only when asked to.
    privateDnsEnabled: intent.type === "create-resource-endpoint" || intent.type === "create-service-network-endpoint",
    dnsPreference: "",
    specifiedDomains: "",
  };
}

/** Another VPC: its subnets and groups replace the previous VPC's. */
export function withVpc(form: ChangeForm, vpcId: string, index: TopologyIndex): ChangeForm {
  const need = needs(form.type);
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
  return needs(type).groups && needs(form.type).groups ? { ...next, securityGroupIds: form.securityGroupIds } : next;
}

export function toggleGroup(form: ChangeForm, groupId: string): ChangeForm {
  if (form.securityGroupIds.includes(groupId))
    return { ...form, securityGroupIds: form.securityGroupIds.filter((id) => id !== groupId) };
  if (form.securityGroupIds.length >= MAX_SECURITY_GROUPS) return form;
  return { ...form, securityGroupIds: [...form.securityGroupIds, groupId] };
}

export function parseDomains(text: string): string[] {
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
  const need = needs(form.type);
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
  const groupPart = groups.length > 0 ? { securityGroupIds: groups } : {};
  const dnsOptions = dnsOptionsOf(form);
  const dnsPart = dnsOptions ? { dnsOptions } : {};
  switch (form.type) {
    case "associate-vpc":
      return {
        ok: true,
        action: {
          type: "associate-vpc",
          serviceNetworkId: form.serviceNetworkId,
          vpcId: form.vpcId,
          ...groupPart,
          privateDnsEnabled: form.privateDnsEnabled,
          ...dnsPart,
        } satisfies AssociateVpcAction,
      };
    case "create-service-network-endpoint":
      return {
        ok: true,
        action: {
          type: "create-service-network-endpoint",
          vpcId: form.vpcId,
          serviceNetworkId: form.serviceNetworkId,
          subnetIds,
          ...groupPart,
          privateDnsEnabled: form.privateDnsEnabled,
          ...dnsPart,
        } satisfies CreateServiceNetworkEndpointAction,
      };
    case "create-resource-endpoint":
      return {
        ok: true,
        action: {
          type: "create-resource-endpoint",
          vpcId: form.vpcId,
          resourceConfigurationId: form.resourceConfigurationId,
          subnetIds,
          ...groupPart,
          privateDnsEnabled: form.privateDnsEnabled,
          ...dnsPart,
        } satisfies CreateResourceEndpointAction,
      };
    case "associate-resource": {
      // Private DNS is always on for ARN (RDS) configurations: AWS ignores the flag, so it is not sent.
      const arnType = index?.get(form.resourceConfigurationId, "resourceConfiguration")?.data.type === "ARN";
      return {
        ok: true,
        action: {
          type: "associate-resource",
          serviceNetworkId: form.serviceNetworkId,
          resourceConfigurationId: form.resourceConfigurationId,
          ...(arnType ? {} : { privateDnsEnabled: form.privateDnsEnabled }),
        } satisfies AssociateResourceAction,
      };
    }
    case "associate-service":
      return {
        ok: true,
        action: { type: "associate-service", serviceNetworkId: form.serviceNetworkId, serviceId: form.serviceId },
      };
  }
}

/** A creation as a form again (a finding's alternative, a "recreate"): undefined for removals and rules. */
export function formFromAction(action: Action, index: TopologyIndex): ChangeForm | undefined {
  if (!isCreateType(action.type)) return undefined;
  const base = defaultForm({ type: action.type }, index);
  switch (action.type) {
    case "associate-vpc":
      return {
        ...base,
        vpcId: action.vpcId,
        serviceNetworkId: idOf(action.serviceNetworkId),
        securityGroupIds: action.securityGroupIds ?? [],
        privateDnsEnabled: action.privateDnsEnabled ?? false,
        dnsPreference: action.dnsOptions?.privateDnsPreference ?? "",
        specifiedDomains: (action.dnsOptions?.privateDnsSpecifiedDomains ?? []).join(", "),
      };
    case "create-service-network-endpoint":
    case "create-resource-endpoint": {
      const vpc = index.get(action.vpcId, "vpc");
      const subnetByZone: Record<string, string> = Object.fromEntries(subnetsByZone(vpc).map(({ zone }) => [zone, ""]));
      for (const subnetId of action.subnetIds) {
        const zone = vpc?.data.subnets.find((s) => s.id === subnetId)?.availabilityZone;
        if (zone) subnetByZone[zone] = subnetId;
      }
      return {
        ...base,
        vpcId: action.vpcId,
        serviceNetworkId: action.type === "create-service-network-endpoint" ? idOf(action.serviceNetworkId) : "",
        resourceConfigurationId: action.type === "create-resource-endpoint" ? idOf(action.resourceConfigurationId) : "",
        subnetByZone,
        securityGroupIds: action.securityGroupIds ?? [],
        privateDnsEnabled: action.privateDnsEnabled ?? true,
        dnsPreference: action.dnsOptions?.privateDnsPreference ?? "",
        specifiedDomains: (action.dnsOptions?.privateDnsSpecifiedDomains ?? []).join(", "),
      };
    }
    case "associate-resource":
      return {
        ...base,
        serviceNetworkId: idOf(action.serviceNetworkId),
        resourceConfigurationId: idOf(action.resourceConfigurationId),
        privateDnsEnabled: action.privateDnsEnabled ?? true,
      };
    case "associate-service":
      return { ...base, serviceNetworkId: idOf(action.serviceNetworkId), serviceId: idOf(action.serviceId) };
  }
}

/** The removal that undoes what a node is (association or endpoint), for its details. */
export function removalFor(node: { kind: string; id: string }): Action | undefined {
  switch (node.kind) {
    case "vpcAssociation":
      return { type: "remove-vpc-association", associationId: node.id };
    case "resourceAssociation":
      return { type: "remove-resource-association", associationId: node.id };
    case "serviceAssociation":
      return { type: "remove-service-association", associationId: node.id };
    case "vpcEndpoint":
      return { type: "remove-endpoint", endpointId: node.id };
    default:
      return undefined;
  }
}

/** The changes a node can start, for its "+" menu and its details. */
export function intentsFor(node: {
  kind: string;
  id: string;
  data?: unknown;
}): Array<{ label: string; intent: ChangeIntent }> {
  switch (node.kind) {
    case "vpc":
      return [
        { label: "Associate with a service network…", intent: { type: "associate-vpc", vpcId: node.id } },
        {
          label: "Add a ServiceNetwork endpoint…",
          intent: { type: "create-service-network-endpoint", vpcId: node.id },
        },
        { label: "Add a Resource endpoint…", intent: { type: "create-resource-endpoint", vpcId: node.id } },
      ];
    case "serviceNetwork":
      return [
        { label: "Associate a VPC…", intent: { type: "associate-vpc", serviceNetworkId: node.id } },
        {
          label: "Add a ServiceNetwork endpoint in a VPC…",
          intent: { type: "create-service-network-endpoint", serviceNetworkId: node.id },
        },
        { label: "Add a resource configuration…", intent: { type: "associate-resource", serviceNetworkId: node.id } },
        { label: "Add a Lattice service…", intent: { type: "associate-service", serviceNetworkId: node.id } },
      ];
    case "resourceConfiguration":
      return [
        {
          label: "Add to a service network…",
          intent: { type: "associate-resource", resourceConfigurationId: node.id },
        },
        {
          label: "Add a Resource endpoint in a VPC…",
          intent: { type: "create-resource-endpoint", resourceConfigurationId: node.id },
        },
      ];
    case "service":
      return [{ label: "Add to a service network…", intent: { type: "associate-service", serviceId: node.id } }];
    default:
      return [];
  }
}

/** The intent of a drag from `fromKind` onto a service network. */
export function intentForConnect(fromId: string, fromKind: string, networkId: string): ChangeIntent | undefined {
  if (fromKind === "vpc") return { type: "associate-vpc", vpcId: fromId, serviceNetworkId: networkId };
  if (fromKind === "resourceConfiguration")
    return { type: "associate-resource", resourceConfigurationId: fromId, serviceNetworkId: networkId };
  if (fromKind === "service") return { type: "associate-service", serviceId: fromId, serviceNetworkId: networkId };
  return undefined;
}

/** One line naming what an action touches, by id (the audit log has no topology at hand). */
export function actionSubject(action: { type: string } & Record<string, unknown>): string {
  const s = (key: string): string | undefined =>
    typeof action[key] === "string" ? idOf(action[key] as string) : undefined;
  switch (action.type) {
    case "associate-vpc":
      return `${s("vpcId")} → ${s("serviceNetworkId")}`;
    case "associate-resource":
      return `${s("serviceNetworkId")} → ${s("resourceConfigurationId")}`;
    case "associate-service":
      return `${s("serviceNetworkId")} → ${s("serviceId")}`;
    case "create-resource-endpoint":
      return `${s("vpcId")} → ${s("resourceConfigurationId")}`;
    case "create-service-network-endpoint":
      return `${s("vpcId")} → ${s("serviceNetworkId")}`;
    case "remove-vpc-association":
    case "remove-resource-association":
    case "remove-service-association":
      return s("associationId") ?? "";
    case "remove-endpoint":
      return s("endpointId") ?? "";
    case "add-ingress-rule":
      return `TCP ${String(action.port)} from ${s("sourceGroupId") ?? s("cidr") ?? "?"} into ${s("groupId")}`;
    default:
      return "";
  }
}
