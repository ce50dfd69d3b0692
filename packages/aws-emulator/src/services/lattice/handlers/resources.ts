/** Resource gateways and resource configurations (SINGLE, GROUP, CHILD, ARN, CIDR). */
import type {
  CreateResourceConfigurationRequest,
  CreateResourceGatewayRequest,
  DeleteResourceConfigurationRequest,
  DeleteResourceGatewayRequest,
  GetResourceConfigurationRequest,
  GetResourceGatewayRequest,
  ListResourceConfigurationsRequest,
  ListResourceGatewaysRequest,
  UpdateResourceConfigurationRequest,
  UpdateResourceGatewayRequest,
} from "@aws-sdk/client-vpc-lattice";
import type { Handler, HandlerContext } from "../../../core/service.js";
import type { RegionState } from "../../../core/region.js";
import { interfacesByOwner } from "../../ec2/indexes.js";
import { createManagedInterface, defaultSecurityGroup, ipInCidr, removeInterfacesOf } from "../../ec2/network.js";
import type { DbClusterRecord } from "../../rds/state.js";
import { conflict, invalid, notFound, validationException } from "../errors.js";
import type {
  ResourceConfigurationDefinitionRecord,
  ResourceConfigurationRecord,
  ResourceGatewayRecord,
} from "../state.js";
import {
  resourceAssociationsByConfiguration,
  resourceConfigurationsByGroup,
  resourceConfigurationsByName,
  resourceConfigurationTable,
  resourceGatewaysByName,
  resourceGatewayTable,
} from "../indexes.js";
import { LIVE, idempotent, latticeArn, resolve, setTags, toDate } from "../support.js";
import { addManagedAssociationsForChild } from "./associations.js";
import { coversDomain, findDomainVerification, refreshVerification } from "./domain-verification.js";
import { removeAccessLogSubscriptionsOf } from "./access-logs.js";
import { listPage, touch } from "./common.js";
import { foreignRecord, linkedEndpoints, sharedRecords } from "../sharing.js";

export function findResourceGateway(ctx: HandlerContext, identifier: string): ResourceGatewayRecord {
  return resolve(ctx.state.lattice.resourceGateways, identifier, "RESOURCE_GATEWAY", "Resource gateway");
}

export function findResourceConfiguration(ctx: HandlerContext, identifier: string): ResourceConfigurationRecord {
  return (
    foreignRecord(ctx, "resourceconfiguration", identifier) ??
    resolve(ctx.state.lattice.resourceConfigurations, identifier, "RESOURCE_CONFIGURATION", "Resource configuration")
  );
}

export function childrenOf(state: RegionState, parentId: string): ResourceConfigurationRecord[] {
  return resourceConfigurationsByGroup.get(state, parentId);
}

/* ----------------------------- resource gateways ----------------------------- */

function checkSecurityGroups(ctx: HandlerContext, vpcId: string, groupIds: string[], field: string): void {
  groupIds.forEach((groupId, index) => {
    const group = ctx.state.ec2.securityGroups[groupId];
    if (!group) throw invalid(`${field}.${index + 1}`, `Security group ${groupId} does not exist.`);
    if (group.VpcId !== vpcId)
      throw invalid(`${field}.${index + 1}`, `Security group ${groupId} belongs to ${group.VpcId}, not ${vpcId}.`);
  });
}

function gatewayView(g: ResourceGatewayRecord, summary: boolean) {
  return {
    name: g.name,
    id: g.id,
    arn: g.arn,
    status: g.status,
    ...(summary ? { vpcIdentifier: g.vpcId } : { vpcId: g.vpcId }),
    subnetIds: g.subnetIds,
    securityGroupIds: g.securityGroupIds,
    ipAddressType: g.ipAddressType,
    ipv4AddressesPerEni: g.ipv4AddressesPerEni,
    resourceConfigDnsResolution: g.resourceConfigDnsResolution,
    createdAt: toDate(g.createdAt),
    lastUpdatedAt: toDate(g.lastUpdatedAt),
  };
}

const createResourceGateway: Handler = (input: CreateResourceGatewayRequest, ctx) =>
  idempotent(ctx, input, () => {
    if (resourceGatewaysByName.has(ctx.state, input.name!)) {
      throw conflict("RESOURCE_GATEWAY", input.name!, `A resource gateway named ${input.name} already exists.`);
    }
    const vpcId = input.vpcIdentifier;
    if (!vpcId) throw invalid("vpcIdentifier", "Member must not be null");
    if (!ctx.state.ec2.vpcs[vpcId]) throw notFound("VPC", vpcId, "VPC");
    const subnetIds = input.subnetIds ?? [];
    if (subnetIds.length === 0) throw invalid("subnetIds", "A resource gateway needs at least one subnet.");
    const zones = new Set<string>();
    subnetIds.forEach((subnetId, index) => {
      const subnet = ctx.state.ec2.subnets[subnetId];
      if (!subnet) throw invalid(`subnetIds.${index + 1}`, `Subnet ${subnetId} does not exist.`);
      if (subnet.VpcId !== vpcId) throw invalid(`subnetIds.${index + 1}`, `Subnet ${subnetId} is not in ${vpcId}.`);
      if (zones.has(subnet.AvailabilityZone))
        throw invalid("subnetIds", `Only one subnet per Availability Zone (${subnet.AvailabilityZone}).`);
      zones.add(subnet.AvailabilityZone);
    });
    const securityGroupIds = input.securityGroupIds?.length
      ? input.securityGroupIds
      : [defaultSecurityGroup(ctx.state, vpcId)].filter((g): g is string => Boolean(g));
    checkSecurityGroups(ctx, vpcId, securityGroupIds, "securityGroupIds");
    if (input.ipAddressType && !["IPV4", "IPV6", "DUALSTACK"].includes(input.ipAddressType)) {
      throw invalid("ipAddressType", "Member must satisfy enum value set: [IPV4, IPV6, DUALSTACK]");
    }
    const perEni = input.ipv4AddressesPerEni;
    if (perEni !== undefined && (!Number.isInteger(perEni) || perEni < 1 || perEni > 62)) {
      throw invalid("ipv4AddressesPerEni", "Member must have value between 1 and 62");
    }
    if (perEni !== undefined && input.ipAddressType === "IPV6") {
      throw invalid("ipv4AddressesPerEni", "An IPV6 resource gateway has no IPv4 addresses per network interface.");
    }
    const id = ctx.ids.id("rgw");
    const record: ResourceGatewayRecord = {
      id,
      arn: latticeArn(ctx, `resourcegateway/${id}`),
      name: input.name!,
      status: ctx.lifecycle.delayFor("ResourceGateway") > 0 ? "CREATE_IN_PROGRESS" : "ACTIVE",
      vpcId,
      subnetIds,
      securityGroupIds,
      ipAddressType: input.ipAddressType ?? "IPV4",
      ...(input.ipv4AddressesPerEni !== undefined
        ? { ipv4AddressesPerEni: input.ipv4AddressesPerEni }
        : { ipv4AddressesPerEni: 16 }),
      resourceConfigDnsResolution: input.resourceConfigDnsResolution ?? "PUBLIC",
      createdAt: ctx.nowIso,
      lastUpdatedAt: ctx.nowIso,
    };
    resourceGatewayTable.put(ctx.state, id, record);
    setTags(ctx, record.arn, input.tags);
    for (const subnetId of subnetIds) {
      createManagedInterface(ctx, {
        subnetId,
        groupIds: securityGroupIds,
        description: `VPC Lattice resource gateway ${id}`,
        interfaceType: "interface",
        attachedTo: id,
        requesterId: "vpc-lattice",
      });
    }
    if (record.status !== "ACTIVE") ctx.lifecycle.scheduleCreate(ctx.state, "ResourceGateway", id, "ACTIVE", ctx.now);
    const view = gatewayView(record, true);
    return { id, response: { ...view, createdAt: undefined, lastUpdatedAt: undefined } };
  });

const getResourceGateway: Handler = (input: GetResourceGatewayRequest, ctx) => {
  const g = findResourceGateway(ctx, input.resourceGatewayIdentifier!);
  return { ...gatewayView(g, false), serviceManaged: Boolean(g.managedBy), managedBy: g.managedBy };
};

const listResourceGateways: Handler = (input: ListResourceGatewaysRequest, ctx) => {
  const page = listPage(ctx, Object.values(ctx.state.lattice.resourceGateways), input, "all");
  return { items: page.items.map((g) => gatewayView(g, true)), nextToken: page.nextToken };
};

/** Gateways an AWS service runs for its own configurations are read-only to the account. */
function checkNotServiceManaged(g: ResourceGatewayRecord): void {
  if (g.managedBy) {
    throw invalid(
      "resourceGatewayIdentifier",
      `${g.id} is managed by ${g.managedBy} and cannot be changed or deleted.`,
    );
  }
}

const updateResourceGateway: Handler = (input: UpdateResourceGatewayRequest, ctx) => {
  const g = findResourceGateway(ctx, input.resourceGatewayIdentifier!);
  checkNotServiceManaged(g);
  if (input.securityGroupIds) {
    checkSecurityGroups(ctx, g.vpcId, input.securityGroupIds, "securityGroupIds");
    g.securityGroupIds = input.securityGroupIds;
    for (const eni of interfacesByOwner.get(ctx.state, g.id)) {
      eni.Groups = g.securityGroupIds.map((id) => ({
        GroupId: id,
        GroupName: ctx.state.ec2.securityGroups[id]?.GroupName ?? id,
      }));
    }
  }
  touch(g, ctx);
  return gatewayView(g, true);
};

const deleteResourceGateway: Handler = (input: DeleteResourceGatewayRequest, ctx) => {
  const g = findResourceGateway(ctx, input.resourceGatewayIdentifier!);
  checkNotServiceManaged(g);
  const users = Object.values(ctx.state.lattice.resourceConfigurations).filter(
    (c) => c.resourceGatewayId === g.id && !c.amazonManaged,
  );
  if (users.length > 0) {
    throw conflict(
      "RESOURCE_GATEWAY",
      g.id,
      `Resource gateway ${g.id} is used by resource configuration ${users[0]!.id}.`,
    );
  }
  g.status = "DELETE_IN_PROGRESS";
  touch(g, ctx);
  ctx.lifecycle.scheduleRemoval(ctx.state, "ResourceGateway", g.id, ctx.now);
  return { id: g.id, arn: g.arn, name: g.name, status: g.status };
};

export function onResourceGatewayRemoved(state: RegionState, id: string): void {
  removeInterfacesOf(state, id);
}

/* -------------------------- resource configurations -------------------------- */

const TYPES = ["SINGLE", "GROUP", "CHILD", "ARN", "CIDR"];
const PRIVATE_V4 = ["10.0.0.0/8", "100.64.0.0/10", "172.16.0.0/12", "192.168.0.0/16"];

function verificationFields(ctx: HandlerContext, c: ResourceConfigurationRecord) {
  const dv = c.domainVerificationId ? ctx.state.lattice.domainVerifications[c.domainVerificationId] : undefined;
  if (dv) refreshVerification(dv, ctx.publicDns, ctx.now);
  return {
    domainVerificationId: c.domainVerificationId,
    domainVerificationArn: dv?.arn,
    domainVerificationStatus: dv?.status,
  };
}

function configurationView(ctx: HandlerContext, c: ResourceConfigurationRecord) {
  return {
    id: c.id,
    name: c.name,
    arn: c.arn,
    resourceGatewayId: c.resourceGatewayId,
    resourceConfigurationGroupId: c.resourceConfigurationGroupId,
    type: c.type,
    allowAssociationToShareableServiceNetwork: c.allowAssociationToShareableServiceNetwork,
    portRanges: c.portRanges,
    protocol: c.protocol,
    customDomainName: c.customDomainName,
    status: c.status,
    resourceConfigurationDefinition: c.resourceConfigurationDefinition,
    createdAt: toDate(c.createdAt),
    amazonManaged: c.amazonManaged,
    failureReason: c.failureReason,
    lastUpdatedAt: toDate(c.lastUpdatedAt),
    groupDomain: c.groupDomain,
    ...verificationFields(ctx, c),
  };
}

function summaryView(c: ResourceConfigurationRecord) {
  return {
    id: c.id,
    name: c.name,
    arn: c.arn,
    resourceGatewayId: c.resourceGatewayId,
    resourceConfigurationGroupId: c.resourceConfigurationGroupId,
    type: c.type,
    status: c.status,
    amazonManaged: c.amazonManaged,
    createdAt: toDate(c.createdAt),
    lastUpdatedAt: toDate(c.lastUpdatedAt),
    customDomainName: c.customDomainName,
    domainVerificationId: c.domainVerificationId,
    groupDomain: c.groupDomain,
  };
}

/**
 * Custom domains: a GROUP takes a group domain, its children custom domains
 * under it, a SINGLE a custom domain of its own; a verification named with
 * them must cover the domain (be it or a parent of it).
 */
function checkCustomDomain(
  ctx: HandlerContext,
  input: CreateResourceConfigurationRequest,
  type: string,
  group: ResourceConfigurationRecord | undefined,
): string | undefined {
  const hostname = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
  for (const field of ["customDomainName", "groupDomain"] as const) {
    const value = input[field];
    if (value !== undefined && !hostname.test(value.replace(/\.$/, ""))) {
      throw invalid(field, "Member must be a domain name (labels of letters, digits and hyphens)");
    }
  }
  if (input.customDomainName && type === "GROUP") {
    throw invalid(
      "customDomainName",
      "A GROUP configuration takes a groupDomain; its CHILD configurations take custom domain names under it.",
    );
  }
  if (type === "CHILD" && input.customDomainName) {
    if (!group?.groupDomain) {
      throw invalid(
        "customDomainName",
        `Group ${group?.id ?? ""} has no group domain; set one on the GROUP before giving its children custom domain names.`,
      );
    }
    if (!coversDomain(group.groupDomain, input.customDomainName)) {
      throw invalid(
        "customDomainName",
        `${input.customDomainName} is not under the group domain ${group.groupDomain} of ${group.id}.`,
      );
    }
  }
  if (!input.domainVerificationIdentifier) return undefined;
  const domain = input.groupDomain ?? input.customDomainName;
  if (!domain) {
    throw invalid(
      "domainVerificationIdentifier",
      "A domain verification applies to a custom domain name (or a GROUP's group domain); give one.",
    );
  }
  const dv = findDomainVerification(ctx, input.domainVerificationIdentifier);
  if (!coversDomain(dv.domainName, domain)) {
    throw invalid(
      "domainVerificationIdentifier",
      `Domain verification ${dv.id} is for ${dv.domainName}, which does not cover ${domain}.`,
    );
  }
  return dv.id;
}

function checkDefinition(
  ctx: HandlerContext,
  type: string,
  definition: Record<string, unknown> | undefined,
): ResourceConfigurationDefinitionRecord | undefined {
  const field = "resourceConfigurationDefinition";
  if (type === "GROUP") {
    if (definition) throw invalid(field, "A GROUP configuration takes no definition; its CHILD configurations do.");
    return undefined;
  }
  if (!definition || Object.keys(definition).length !== 1) {
    throw invalid(
      field,
      `A ${type} configuration needs exactly one of dnsResource, ipResource, arnResource or cidrResource.`,
    );
  }
  const [kind, value] = Object.entries(definition)[0]! as [string, Record<string, unknown>];
  const allowed: Record<string, string[]> = {
    SINGLE: ["dnsResource", "ipResource"],
    CHILD: ["dnsResource", "ipResource"],
    ARN: ["arnResource"],
    CIDR: ["cidrResource"],
  };
  if (!allowed[type]?.includes(kind)) {
    throw invalid(field, `A ${type} configuration takes ${allowed[type]?.join(" or ")}, not ${kind}.`);
  }
  if (kind === "dnsResource") {
    const domainName = value.domainName;
    if (typeof domainName !== "string" || domainName.length < 3 || domainName.length > 255) {
      throw invalid(`${field}.dnsResource.domainName`, "Member must have length between 3 and 255");
    }
    return { dnsResource: { domainName, ipAddressType: (value.ipAddressType as string | undefined) ?? "IPV4" } };
  }
  if (kind === "ipResource") {
    const ip = value.ipAddress;
    if (typeof ip !== "string" || ip.length < 4 || ip.length > 39) {
      throw invalid(`${field}.ipResource.ipAddress`, "Member must have length between 4 and 39");
    }
    if (/^\d+\.\d+\.\d+\.\d+$/.test(ip) && !PRIVATE_V4.some((cidr) => ipInCidr(cidr, ip))) {
      throw invalid(
        `${field}.ipResource.ipAddress`,
        "IPv4 addresses must be private (10/8, 100.64/10, 172.16/12 or 192.168/16).",
      );
    }
    return { ipResource: { ipAddress: ip } };
  }
  if (kind === "cidrResource") {
    const ranges = value.cidrRanges;
    if (!Array.isArray(ranges) || ranges.length < 1 || ranges.length > 10) {
      throw invalid(`${field}.cidrResource.cidrRanges`, "Member must have between 1 and 10 items");
    }
    return { cidrResource: { cidrRanges: ranges as string[] } };
  }
  const arn = value.arn;
  if (typeof arn !== "string") throw invalid(`${field}.arnResource.arn`, "Member must not be null");
  return { arnResource: { arn } };
}

/** `arn:aws:rds:<region>:<account>:cluster:<id>` → the cluster in this emulator. */
function rdsClusterFor(ctx: HandlerContext, arn: string): DbClusterRecord {
  const match = /^arn:aws[a-z-]*:rds:([a-z0-9-]+):(\d{12}):cluster:([a-z][a-z0-9-]*)$/.exec(arn);
  if (!match) {
    throw invalid(
      "resourceConfigurationDefinition.arnResource.arn",
      "Only Amazon RDS cluster ARNs (arn:aws:rds:<region>:<account>:cluster:<id>) are supported.",
    );
  }
  const [, region, account, clusterId] = match;
  if (region !== ctx.region || account !== ctx.accountId) {
    throw invalid(
      "resourceConfigurationDefinition.arnResource.arn",
      "The RDS cluster must be in the same account and Region.",
    );
  }
  const cluster = ctx.state.rds.clusters[clusterId!];
  if (!cluster) throw notFound("RDS_CLUSTER", arn, "RDS cluster");
  if (cluster.PubliclyAccessible) {
    throw invalid(
      "resourceConfigurationDefinition.arnResource.arn",
      "You can't create a resource configuration for a publicly accessible cluster.",
    );
  }
  return cluster;
}

function parentName(name: string, suffix: string): string {
  const base = name.slice(0, 40 - suffix.length - 1);
  return `${base}-${suffix}`.replace(/--+/g, "-");
}

export function createConfiguration(
  ctx: HandlerContext,
  input: CreateResourceConfigurationRequest,
): ResourceConfigurationRecord {
  const l = ctx.state.lattice;
  const type = input.type!;
  if (!TYPES.includes(type)) throw invalid("type", `Member must satisfy enum value set: [${TYPES.join(", ")}]`);
  if (resourceConfigurationsByName.has(ctx.state, input.name!)) {
    throw conflict(
      "RESOURCE_CONFIGURATION",
      input.name!,
      `A resource configuration named ${input.name} already exists.`,
    );
  }
  const problems: Array<{ name: string; message: string }> = [];
  if (type === "CHILD") {
    if (!input.resourceConfigurationGroupIdentifier)
      problems.push({
        name: "resourceConfigurationGroupIdentifier",
        message: "A CHILD configuration needs its GROUP.",
      });
    if (input.resourceGatewayIdentifier)
      problems.push({
        name: "resourceGatewayIdentifier",
        message: "A CHILD configuration inherits the gateway of its GROUP.",
      });
  } else if (!input.resourceGatewayIdentifier) {
    problems.push({ name: "resourceGatewayIdentifier", message: `A ${type} configuration needs a resource gateway.` });
  }
  if (type === "ARN" && input.portRanges)
    problems.push({ name: "portRanges", message: "ARN configurations take their ports from the resource." });
  if (input.protocol && !["TCP", "TCP_UDP"].includes(input.protocol))
    problems.push({ name: "protocol", message: "Member must satisfy enum value set: [TCP, TCP_UDP]" });
  if (input.protocol === "TCP_UDP" && type !== "CIDR")
    problems.push({ name: "protocol", message: "TCP_UDP is only supported for CIDR configurations." });
  if (input.groupDomain && type !== "GROUP")
    problems.push({ name: "groupDomain", message: "Only GROUP configurations take a group domain." });
  if (problems.length > 0) throw validationException(problems);

  let gateway: ResourceGatewayRecord | undefined;
  let group: ResourceConfigurationRecord | undefined;
  if (type === "CHILD") {
    group = findResourceConfiguration(ctx, input.resourceConfigurationGroupIdentifier!);
    if (group.type !== "GROUP")
      throw invalid(
        "resourceConfigurationGroupIdentifier",
        `${group.id} is a ${group.type} configuration, not a GROUP.`,
      );
    if (childrenOf(ctx.state, group.id).length >= 60)
      throw invalid("resourceConfigurationGroupIdentifier", "A group holds at most 60 child configurations.");
    gateway = group.resourceGatewayId ? l.resourceGateways[group.resourceGatewayId] : undefined;
  } else {
    gateway = findResourceGateway(ctx, input.resourceGatewayIdentifier!);
  }
  const definition = checkDefinition(
    ctx,
    type,
    input.resourceConfigurationDefinition as unknown as Record<string, unknown> | undefined,
  );
  if (type === "CIDR" && gateway?.resourceConfigDnsResolution !== "IN_VPC") {
    throw invalid(
      "resourceGatewayIdentifier",
      "CIDR configurations need a resource gateway with resourceConfigDnsResolution IN_VPC.",
    );
  }
  if (type === "ARN" && gateway?.resourceConfigDnsResolution === "IN_VPC") {
    throw invalid("resourceGatewayIdentifier", "A gateway with IN_VPC DNS resolution cannot serve ARN configurations.");
  }
  const cluster =
    definition && "arnResource" in definition ? rdsClusterFor(ctx, definition.arnResource.arn) : undefined;
  const domainVerificationId = checkCustomDomain(ctx, input, type, group);

  const id = ctx.ids.id("rcfg");
  const delayed = ctx.lifecycle.delayFor("ResourceConfiguration") > 0;
  const record: ResourceConfigurationRecord = {
    id,
    arn: latticeArn(ctx, `resourceconfiguration/${id}`),
    name: input.name!,
    type,
    status: delayed ? "CREATE_IN_PROGRESS" : "ACTIVE",
    ...(gateway ? { resourceGatewayId: gateway.id } : {}),
    ...(group ? { resourceConfigurationGroupId: group.id } : {}),
    portRanges: cluster ? [String(cluster.Port)] : (input.portRanges ?? ["1-65535"]),
    protocol: input.protocol ?? "TCP",
    ...(definition ? { resourceConfigurationDefinition: definition } : {}),
    allowAssociationToShareableServiceNetwork: input.allowAssociationToShareableServiceNetwork ?? true,
    amazonManaged: false,
    ...(input.customDomainName ? { customDomainName: input.customDomainName } : {}),
    ...(input.groupDomain ? { groupDomain: input.groupDomain } : {}),
    ...(domainVerificationId ? { domainVerificationId } : {}),
    createdAt: ctx.nowIso,
    lastUpdatedAt: ctx.nowIso,
  };
  resourceConfigurationTable.put(ctx.state, id, record);
  setTags(ctx, record.arn, input.tags);
  if (delayed) ctx.lifecycle.scheduleCreate(ctx.state, "ResourceConfiguration", id, "ACTIVE", ctx.now);

  if (cluster) {
    // "Any group-child relationship is automatically taken care of": one child per cluster endpoint.
    for (const [role, domainName] of [
      ["writer", cluster.Endpoint],
      ["reader", cluster.ReaderEndpoint],
    ] as const) {
      const childId = ctx.ids.id("rcfg");
      resourceConfigurationTable.put(ctx.state, childId, {
        id: childId,
        arn: latticeArn(ctx, `resourceconfiguration/${childId}`),
        name: parentName(record.name, role),
        type: "CHILD",
        status: record.status,
        resourceGatewayId: record.resourceGatewayId!,
        resourceConfigurationGroupId: id,
        portRanges: [String(cluster.Port)],
        protocol: "TCP",
        resourceConfigurationDefinition: { dnsResource: { domainName, ipAddressType: "IPV4" } },
        allowAssociationToShareableServiceNetwork: record.allowAssociationToShareableServiceNetwork,
        amazonManaged: true,
        managedEndpointRole: role,
        createdAt: ctx.nowIso,
        lastUpdatedAt: ctx.nowIso,
      });
      if (delayed) ctx.lifecycle.scheduleCreate(ctx.state, "ResourceConfiguration", childId, "ACTIVE", ctx.now);
    }
  }
  if (group) addManagedAssociationsForChild(ctx, group, record);
  return record;
}

const createResourceConfiguration: Handler = (input: CreateResourceConfigurationRequest, ctx) =>
  idempotent(ctx, input, () => {
    const record = createConfiguration(ctx, input);
    const { createdAt, lastUpdatedAt: _l, domainVerificationStatus: _s, ...view } = configurationView(ctx, record);
    return { id: record.id, response: { ...view, createdAt } };
  });

const getResourceConfiguration: Handler = (input: GetResourceConfigurationRequest, ctx) =>
  configurationView(ctx, findResourceConfiguration(ctx, input.resourceConfigurationIdentifier!));

const listResourceConfigurations: Handler = (input: ListResourceConfigurationsRequest, ctx) => {
  const shared = sharedRecords(ctx, "resourceconfiguration");
  let all = Object.values(ctx.state.lattice.resourceConfigurations);
  if (shared.length > 0) all = [...all, ...shared];
  if (input.resourceGatewayIdentifier) {
    const gateway = findResourceGateway(ctx, input.resourceGatewayIdentifier);
    all = all.filter((c) => c.resourceGatewayId === gateway.id);
  }
  if (input.resourceConfigurationGroupIdentifier) {
    const group = findResourceConfiguration(ctx, input.resourceConfigurationGroupIdentifier);
    all = all.filter((c) => c.resourceConfigurationGroupId === group.id);
  }
  if (input.domainVerificationIdentifier) {
    const dv = findDomainVerification(ctx, input.domainVerificationIdentifier);
    all = all.filter((c) => c.domainVerificationId === dv.id);
  }
  const page = listPage(
    ctx,
    all,
    input,
    `${input.resourceGatewayIdentifier ?? ""}:${input.resourceConfigurationGroupIdentifier ?? ""}:${input.domainVerificationIdentifier ?? ""}`,
  );
  return { items: page.items.map(summaryView), nextToken: page.nextToken };
};

const updateResourceConfiguration: Handler = (input: UpdateResourceConfigurationRequest, ctx) => {
  const c = findResourceConfiguration(ctx, input.resourceConfigurationIdentifier!);
  if (c.amazonManaged)
    throw invalid("resourceConfigurationIdentifier", `${c.id} is managed by AWS and cannot be changed.`);
  if (input.portRanges) {
    if (c.type === "ARN") throw invalid("portRanges", "ARN configurations take their ports from the resource.");
    c.portRanges = input.portRanges;
  }
  if (input.resourceConfigurationDefinition) {
    if (c.type === "ARN" || c.type === "GROUP") {
      throw invalid(
        "resourceConfigurationDefinition",
        `The definition of a ${c.type} configuration cannot be changed.`,
      );
    }
    c.resourceConfigurationDefinition = checkDefinition(
      ctx,
      c.type,
      input.resourceConfigurationDefinition as unknown as Record<string, unknown>,
    );
  }
  if (input.allowAssociationToShareableServiceNetwork !== undefined) {
    c.allowAssociationToShareableServiceNetwork = input.allowAssociationToShareableServiceNetwork;
  }
  touch(c, ctx);
  const {
    createdAt: _c,
    lastUpdatedAt: _l,
    amazonManaged: _m,
    customDomainName: _d,
    failureReason: _f,
    groupDomain: _g,
    domainVerificationId: _i,
    domainVerificationArn: _a,
    domainVerificationStatus: _s,
    ...view
  } = configurationView(ctx, c);
  return view;
};

const deleteResourceConfiguration: Handler = (input: DeleteResourceConfigurationRequest, ctx) => {
  const c = findResourceConfiguration(ctx, input.resourceConfigurationIdentifier!);
  const l = ctx.state.lattice;
  if (c.amazonManaged)
    throw invalid(
      "resourceConfigurationIdentifier",
      c.resourceConfigurationGroupId
        ? `${c.id} is managed by AWS; delete its parent ${c.resourceConfigurationGroupId}.`
        : `${c.id} is managed by AWS and cannot be deleted.`,
    );
  const associations = resourceAssociationsByConfiguration.get(ctx.state, c.id).filter((a) => LIVE(a.status));
  if (associations.length > 0) {
    throw conflict(
      "RESOURCE_CONFIGURATION",
      c.id,
      `Resource configuration ${c.id} is associated with service network ${associations[0]!.serviceNetworkId}.`,
    );
  }
  const endpoints = [
    ...Object.values(l.resourceEndpointAssociations).filter((a) => a.resourceConfigurationId === c.id),
    ...linkedEndpoints(ctx, (link) => link.resourceConfigurationArn === c.arn).map(({ endpoint }) => ({
      vpcEndpointId: endpoint.VpcEndpointId,
    })),
  ];
  if (endpoints.length > 0) {
    throw conflict(
      "RESOURCE_CONFIGURATION",
      c.id,
      `Resource configuration ${c.id} is used by VPC endpoint ${endpoints[0]!.vpcEndpointId}.`,
    );
  }
  const ownChildren = childrenOf(ctx.state, c.id).filter((child) => !child.amazonManaged);
  if (ownChildren.length > 0) {
    throw conflict(
      "RESOURCE_CONFIGURATION",
      c.id,
      `Group ${c.id} still has child configuration ${ownChildren[0]!.id}.`,
    );
  }
  for (const target of [c, ...childrenOf(ctx.state, c.id)]) {
    target.status = "DELETE_IN_PROGRESS";
    touch(target, ctx);
    ctx.lifecycle.scheduleRemoval(ctx.state, "ResourceConfiguration", target.id, ctx.now);
  }
  return undefined;
};

export function onResourceConfigurationRemoved(state: RegionState, id: string): void {
  removeAccessLogSubscriptionsOf(state, id);
}

export const resourceHandlers: Record<string, Handler> = {
  CreateResourceGateway: createResourceGateway,
  GetResourceGateway: getResourceGateway,
  ListResourceGateways: listResourceGateways,
  UpdateResourceGateway: updateResourceGateway,
  DeleteResourceGateway: deleteResourceGateway,
  CreateResourceConfiguration: createResourceConfiguration,
  GetResourceConfiguration: getResourceConfiguration,
  ListResourceConfigurations: listResourceConfigurations,
  UpdateResourceConfiguration: updateResourceConfiguration,
  DeleteResourceConfiguration: deleteResourceConfiguration,
};
