/**
 * The four association kinds: service network ↔ VPC (SNVA), ↔ resource
 * configuration (SNRA, with AWS-managed child associations for GROUP/ARN
 * configurations), ↔ service (SNSA), and the VPC-endpoint joins that EC2
 * creates (ServiceNetwork endpoints; Resource endpoints → `rea-…`).
 */
import type {
  CreateServiceNetworkResourceAssociationRequest,
  CreateServiceNetworkServiceAssociationRequest,
  CreateServiceNetworkVpcAssociationRequest,
  DeleteResourceEndpointAssociationRequest,
  DeleteServiceNetworkResourceAssociationRequest,
  DeleteServiceNetworkServiceAssociationRequest,
  DeleteServiceNetworkVpcAssociationRequest,
  GetServiceNetworkResourceAssociationRequest,
  GetServiceNetworkServiceAssociationRequest,
  GetServiceNetworkVpcAssociationRequest,
  ListResourceEndpointAssociationsRequest,
  ListServiceNetworkResourceAssociationsRequest,
  ListServiceNetworkServiceAssociationsRequest,
  ListServiceNetworkVpcAssociationsRequest,
  ListServiceNetworkVpcEndpointAssociationsRequest,
  UpdateServiceNetworkVpcAssociationRequest,
} from "@aws-sdk/client-vpc-lattice";
import type { Handler, HandlerContext } from "../../../core/service.js";
import type { RegionState } from "../../../core/region.js";
import { vpcEndpointsByServiceNetwork } from "../../ec2/indexes.js";
import { conflict, invalid, notFound, validationException } from "../errors.js";
import {
  resourceAssociationsByConfiguration,
  resourceAssociationsByNetwork,
  resourceAssociationsByParent,
  resourceAssociationTable,
  serviceAssociationsByNetwork,
  serviceAssociationsByService,
  serviceAssociationTable,
  vpcAssociationsByNetwork,
  vpcAssociationsByVpc,
  vpcAssociationTable,
} from "../indexes.js";
import type {
  ResourceConfigurationRecord,
  ServiceNetworkResourceAssociationRecord,
  ServiceNetworkServiceAssociationRecord,
  ServiceNetworkVpcAssociationRecord,
  DnsEntryRecord,
} from "../state.js";
import {
  LIVE,
  idFromIdentifier,
  idempotent,
  latticeArn,
  resolve,
  resourceAssociationDnsEntry,
  setTags,
  toDate,
} from "../support.js";
import { listPage, touch } from "./common.js";
import { verificationOf } from "./domain-verification.js";
import { childrenOf, findResourceConfiguration } from "./resources.js";
import { findServiceNetwork } from "./service-networks.js";
import { findService } from "./services.js";
import {
  checkAssociationOwner,
  inCallerAccount,
  linkedEndpoints,
  notAuthorized,
  ownerContext,
  parseLatticeArn,
  peerRecord,
  spanAccounts,
  stateOfArn,
  syncPeer,
  withAccount,
} from "../sharing.js";

/* ------------------------------------ SNVA ----------------------------------- */

function findVpcAssociation(ctx: HandlerContext, identifier: string): ServiceNetworkVpcAssociationRecord {
  return resolve(
    ctx.state.lattice.vpcAssociations,
    identifier,
    "SERVICE_NETWORK_VPC_ASSOCIATION",
    "Service network VPC association",
  );
}

function checkVpcGroups(ctx: HandlerContext, vpcId: string, groupIds: string[]): void {
  groupIds.forEach((groupId, index) => {
    const group = ctx.state.ec2.securityGroups[groupId];
    if (!group) throw invalid(`securityGroupIds.${index + 1}`, `Security group ${groupId} does not exist.`);
    if (group.VpcId !== vpcId) {
      throw invalid(
        `securityGroupIds.${index + 1}`,
        `Security group ${groupId} belongs to ${group.VpcId}, not ${vpcId}.`,
      );
    }
  });
}

/**
 * DNS options apply with private DNS on: the preference defaults to
 * VERIFIED_DOMAINS_ONLY, and specified domains go (only) with the two
 * preferences that use them.
 */
export function checkDnsOptions(
  privateDnsEnabled: boolean,
  options: ServiceNetworkVpcAssociationRecord["dnsOptions"],
  field = "dnsOptions",
): ServiceNetworkVpcAssociationRecord["dnsOptions"] {
  if (!privateDnsEnabled) {
    if (options) throw invalid(field, "DNS options apply only when privateDnsEnabled is true.");
    return undefined;
  }
  const preference = options?.privateDnsPreference ?? "VERIFIED_DOMAINS_ONLY";
  const domains = options?.privateDnsSpecifiedDomains;
  const usesDomains =
    preference === "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS" || preference === "SPECIFIED_DOMAINS_ONLY";
  if (usesDomains && !domains?.length) {
    throw invalid(
      `${field}.privateDnsSpecifiedDomains`,
      `The preference ${preference} needs privateDnsSpecifiedDomains.`,
    );
  }
  if (!usesDomains && domains?.length) {
    throw invalid(
      `${field}.privateDnsSpecifiedDomains`,
      `Specified domains go with VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS or SPECIFIED_DOMAINS_ONLY, not ${preference}.`,
    );
  }
  const wildcard = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
  (domains ?? []).forEach((domain, index) => {
    if (!wildcard.test(domain))
      throw invalid(
        `${field}.privateDnsSpecifiedDomains.${index + 1}`,
        "Each specified domain is a domain name or a wildcard such as *.example.com",
      );
  });
  return { privateDnsPreference: preference, ...(domains?.length ? { privateDnsSpecifiedDomains: [...domains] } : {}) };
}

function snvaView(ctx: HandlerContext, a: ServiceNetworkVpcAssociationRecord) {
  const sn = peerRecord(ctx, "servicenetwork", a.serviceNetworkId, a.serviceNetworkOwner);
  return {
    id: a.id,
    arn: a.arn,
    status: a.status,
    createdBy: a.createdBy,
    createdAt: toDate(a.createdAt),
    serviceNetworkId: a.serviceNetworkId,
    serviceNetworkName: sn?.name,
    serviceNetworkArn: sn?.arn,
    vpcId: a.vpcId,
    securityGroupIds: a.securityGroupIds,
    privateDnsEnabled: a.privateDnsEnabled,
    dnsOptions: a.dnsOptions,
    failureCode: a.failureCode,
    failureMessage: a.failureMessage,
    lastUpdatedAt: toDate(a.lastUpdatedAt),
  };
}

const createVpcAssociation: Handler = (input: CreateServiceNetworkVpcAssociationRequest, ctx) =>
  idempotent(
    ctx,
    input,
    () => {
      const sn = findServiceNetwork(ctx, input.serviceNetworkIdentifier!);
      const vpcId = input.vpcIdentifier!;
      if (!ctx.state.ec2.vpcs[vpcId]) throw notFound("VPC", vpcId, "VPC");
      const existing = vpcAssociationsByVpc.find(ctx.state, vpcId);
      if (existing) {
        if (existing.serviceNetworkId === sn.id) {
          throw conflict(
            "SERVICE_NETWORK_VPC_ASSOCIATION",
            existing.id,
            `VPC ${vpcId} is already associated with service network ${sn.id} (${existing.id}, ${existing.status}).`,
          );
        }
        throw conflict(
          "SERVICE_NETWORK_VPC_ASSOCIATION",
          existing.id,
          `VPC ${vpcId} is already associated with service network ${existing.serviceNetworkId}; a VPC can be associated with only one service network. Use a VPC endpoint of type ServiceNetwork to reach more service networks.`,
        );
      }
      const securityGroupIds = input.securityGroupIds ?? [];
      checkVpcGroups(ctx, vpcId, securityGroupIds);
      const privateDnsEnabled = input.privateDnsEnabled ?? false;
      const dnsOptions = checkDnsOptions(
        privateDnsEnabled,
        input.dnsOptions as ServiceNetworkVpcAssociationRecord["dnsOptions"],
      );
      const id = ctx.ids.id("snva");
      const record: ServiceNetworkVpcAssociationRecord = {
        id,
        arn: latticeArn(ctx, `servicenetworkvpcassociation/${id}`),
        status: "CREATE_IN_PROGRESS",
        serviceNetworkId: sn.id,
        vpcId,
        securityGroupIds,
        privateDnsEnabled,
        ...(dnsOptions ? { dnsOptions } : {}),
        createdBy: ctx.accountId,
        createdAt: ctx.nowIso,
        lastUpdatedAt: ctx.nowIso,
      };
      vpcAssociationTable.put(ctx.state, id, record);
      setTags(ctx, record.arn, input.tags);
      ctx.lifecycle.scheduleCreate(ctx.state, "ServiceNetworkVpcAssociation", id, "ACTIVE", ctx.now);
      spanAccounts(ctx, vpcAssociationTable, "ServiceNetworkVpcAssociation", record, {
        serviceNetwork: parseLatticeArn(sn.arn)!.accountId,
        member: ctx.accountId,
        memberField: "vpcOwner",
      });
      return { id, response: createSnvaResponse(record) };
    },
    (id) => {
      const record = ctx.state.lattice.vpcAssociations[id];
      return record ? createSnvaResponse(record) : undefined;
    },
  );

function createSnvaResponse(a: ServiceNetworkVpcAssociationRecord) {
  return {
    id: a.id,
    status: a.status,
    arn: a.arn,
    createdBy: a.createdBy,
    securityGroupIds: a.securityGroupIds,
    privateDnsEnabled: a.privateDnsEnabled,
    dnsOptions: a.dnsOptions,
  };
}

const getVpcAssociation: Handler = (input: GetServiceNetworkVpcAssociationRequest, ctx) =>
  snvaView(ctx, findVpcAssociation(ctx, input.serviceNetworkVpcAssociationIdentifier!));

const listVpcAssociations: Handler = (input: ListServiceNetworkVpcAssociationsRequest, ctx) => {
  if (!input.serviceNetworkIdentifier && !input.vpcIdentifier) {
    throw validationException([
      {
        name: "serviceNetworkIdentifier",
        message: "You must provide either the service network identifier or the VPC identifier.",
      },
    ]);
  }
  let all = input.serviceNetworkIdentifier
    ? vpcAssociationsByNetwork.get(ctx.state, findServiceNetwork(ctx, input.serviceNetworkIdentifier).id)
    : vpcAssociationsByVpc.get(ctx.state, input.vpcIdentifier!);
  if (input.serviceNetworkIdentifier && input.vpcIdentifier) all = all.filter((a) => a.vpcId === input.vpcIdentifier);
  const page = listPage(ctx, all, input, `${input.serviceNetworkIdentifier ?? ""}:${input.vpcIdentifier ?? ""}`);
  return {
    items: page.items.map((a) => {
      const { securityGroupIds: _s, failureMessage: _m, ...summary } = snvaView(ctx, a);
      return summary;
    }),
    nextToken: page.nextToken,
  };
};

const updateVpcAssociation: Handler = (input: UpdateServiceNetworkVpcAssociationRequest, ctx) => {
  const a = findVpcAssociation(ctx, input.serviceNetworkVpcAssociationIdentifier!);
  // The network owner's copy of another account's association: its groups live in that account's VPC.
  if (a.vpcOwner) throw notAuthorized(ctx, "UpdateServiceNetworkVpcAssociation", a.arn);
  if (a.status !== "ACTIVE") {
    throw conflict(
      "SERVICE_NETWORK_VPC_ASSOCIATION",
      a.id,
      `Association ${a.id} is ${a.status}; it can be updated once ACTIVE.`,
    );
  }
  if (input.securityGroupIds !== undefined) {
    if (input.securityGroupIds.length === 0 && a.securityGroupIds.length > 0) {
      throw invalid(
        "securityGroupIds",
        "An association that has security groups must keep at least one; delete and recreate it to remove them all.",
      );
    }
    checkVpcGroups(ctx, a.vpcId, input.securityGroupIds);
    a.securityGroupIds = input.securityGroupIds;
  }
  if (input.privateDnsEnabled !== undefined || input.dnsOptions) {
    const privateDnsEnabled = input.privateDnsEnabled ?? a.privateDnsEnabled;
    const dnsOptions = checkDnsOptions(
      privateDnsEnabled,
      (input.dnsOptions as ServiceNetworkVpcAssociationRecord["dnsOptions"]) ??
        (privateDnsEnabled ? a.dnsOptions : undefined),
    );
    a.privateDnsEnabled = privateDnsEnabled;
    if (dnsOptions) a.dnsOptions = dnsOptions;
    else delete a.dnsOptions;
  }
  a.status = "UPDATE_IN_PROGRESS";
  touch(a, ctx);
  ctx.lifecycle.scheduleStatus(ctx.state, "ServiceNetworkVpcAssociation", a.id, "ACTIVE", ctx.now);
  syncPeer(ctx, vpcAssociationTable, "ServiceNetworkVpcAssociation", a);
  return createSnvaResponse(a);
};

const deleteVpcAssociation: Handler = (input: DeleteServiceNetworkVpcAssociationRequest, ctx) => {
  const a = findVpcAssociation(ctx, input.serviceNetworkVpcAssociationIdentifier!);
  if (a.status === "CREATE_IN_PROGRESS" || a.status === "UPDATE_IN_PROGRESS") {
    throw conflict(
      "SERVICE_NETWORK_VPC_ASSOCIATION",
      a.id,
      `Association ${a.id} is ${a.status}; delete it once that finishes.`,
    );
  }
  if (a.status === "DELETE_IN_PROGRESS") {
    throw conflict("SERVICE_NETWORK_VPC_ASSOCIATION", a.id, `Association ${a.id} is already being deleted.`);
  }
  a.status = "DELETE_IN_PROGRESS";
  touch(a, ctx);
  ctx.lifecycle.scheduleRemoval(ctx.state, "ServiceNetworkVpcAssociation", a.id, ctx.now);
  syncPeer(ctx, vpcAssociationTable, "ServiceNetworkVpcAssociation", a);
  return { id: a.id, status: a.status, arn: a.arn };
};

/* ------------------------------------ SNRA ----------------------------------- */

function findResourceAssociation(ctx: HandlerContext, identifier: string): ServiceNetworkResourceAssociationRecord {
  return resolve(
    ctx.state.lattice.resourceAssociations,
    identifier,
    "SERVICE_NETWORK_RESOURCE_ASSOCIATION",
    "Service network resource association",
  );
}

/** The domain a private hosted zone would carry for this configuration, if any. */
export function privateDomainOf(state: RegionState, c: ResourceConfigurationRecord): string | undefined {
  if (c.customDomainName) return c.customDomainName;
  if (c.amazonManaged && c.resourceConfigurationDefinition && "dnsResource" in c.resourceConfigurationDefinition) {
    return c.resourceConfigurationDefinition.dnsResource.domainName;
  }
  const parent = c.resourceConfigurationGroupId
    ? state.lattice.resourceConfigurations[c.resourceConfigurationGroupId]
    : undefined;
  if (parent?.groupDomain && c.resourceConfigurationDefinition && "dnsResource" in c.resourceConfigurationDefinition) {
    const name = c.resourceConfigurationDefinition.dnsResource.domainName;
    return name.endsWith(parent.groupDomain) ? name : undefined;
  }
  return undefined;
}

function newResourceAssociation(
  ctx: HandlerContext,
  snId: string,
  config: ResourceConfigurationRecord,
  privateDnsEnabled: boolean,
  parentAssociationId: string | undefined,
  snOwner: string = ctx.accountId,
): ServiceNetworkResourceAssociationRecord {
  const id = ctx.ids.id("snra");
  const hasOwnName = config.type === "SINGLE" || config.type === "CHILD";
  const privateDomain = privateDomainOf(stateOfArn(ctx, config.arn), config);
  const record: ServiceNetworkResourceAssociationRecord = {
    id,
    arn: latticeArn(ctx, `servicenetworkresourceassociation/${id}`),
    status: "CREATE_IN_PROGRESS",
    serviceNetworkId: snId,
    resourceConfigurationId: config.id,
    privateDnsEnabled,
    isManagedAssociation: parentAssociationId !== undefined,
    ...(parentAssociationId ? { parentAssociationId } : {}),
    ...(hasOwnName ? { dnsEntry: resourceAssociationDnsEntry(ctx.region, id, config.id) } : {}),
    ...(hasOwnName && privateDomain ? { privateDnsEntry: { domainName: privateDomain } satisfies DnsEntryRecord } : {}),
    createdBy: ctx.accountId,
    createdAt: ctx.nowIso,
    lastUpdatedAt: ctx.nowIso,
  };
  resourceAssociationTable.put(ctx.state, id, record);
  ctx.lifecycle.scheduleCreate(ctx.state, "ServiceNetworkResourceAssociation", id, "ACTIVE", ctx.now);
  spanAccounts(ctx, resourceAssociationTable, "ServiceNetworkResourceAssociation", record, {
    serviceNetwork: snOwner,
    member: parseLatticeArn(config.arn)?.accountId ?? ctx.accountId,
    memberField: "resourceConfigurationOwner",
  });
  return record;
}

/** A CHILD added to a GROUP that is already associated gets managed associations too. */
export function addManagedAssociationsForChild(
  ctx: HandlerContext,
  group: ResourceConfigurationRecord,
  child: ResourceConfigurationRecord,
): void {
  for (const parent of resourceAssociationsByConfiguration.get(ctx.state, group.id)) {
    if (LIVE(parent.status)) {
      newResourceAssociation(
        ctx,
        parent.serviceNetworkId,
        child,
        parent.privateDnsEnabled,
        parent.id,
        parent.serviceNetworkOwner ?? ctx.accountId,
      );
    }
  }
}

/**
 * A GROUP/ARN parent association is PARTIAL while some of its managed child
 * associations failed and others are active.
 */
function associationStatus(ctx: HandlerContext, a: ServiceNetworkResourceAssociationRecord): string {
  if (a.status !== "ACTIVE" || a.isManagedAssociation) return a.status;
  const children = resourceAssociationsByParent.get(ctx.state, a.id);
  return children.some((c) => c.status === "CREATE_FAILED") && children.some((c) => c.status === "ACTIVE")
    ? "PARTIAL"
    : a.status;
}

function snraView(ctx: HandlerContext, a: ServiceNetworkResourceAssociationRecord) {
  const sn = peerRecord(ctx, "servicenetwork", a.serviceNetworkId, a.serviceNetworkOwner);
  const config = peerRecord(ctx, "resourceconfiguration", a.resourceConfigurationId, a.resourceConfigurationOwner);
  // The verification is the configuration owner's.
  const configOwner =
    a.resourceConfigurationOwner && a.resourceConfigurationOwner !== ctx.accountId
      ? ctx.world.peek(a.resourceConfigurationOwner, ctx.region)
      : ctx.state;
  const dv = config && configOwner ? verificationOf(configOwner, config, ctx.publicDns, ctx.now) : undefined;
  return {
    id: a.id,
    arn: a.arn,
    status: associationStatus(ctx, a),
    createdBy: a.createdBy,
    createdAt: toDate(a.createdAt),
    resourceConfigurationId: a.resourceConfigurationId,
    resourceConfigurationArn: config?.arn,
    resourceConfigurationName: config?.name,
    serviceNetworkId: a.serviceNetworkId,
    serviceNetworkArn: sn?.arn,
    serviceNetworkName: sn?.name,
    dnsEntry: a.dnsEntry,
    privateDnsEntry: a.privateDnsEntry,
    isManagedAssociation: a.isManagedAssociation,
    failureCode: a.failureCode,
    failureReason: a.failureReason,
    privateDnsEnabled: a.privateDnsEnabled,
    lastUpdatedAt: toDate(a.lastUpdatedAt),
    domainVerificationStatus: dv?.status,
  };
}

const createResourceAssociation: Handler = (input: CreateServiceNetworkResourceAssociationRequest, ctx) =>
  idempotent(ctx, input, () => {
    const sn = findServiceNetwork(ctx, input.serviceNetworkIdentifier!);
    const config = findResourceConfiguration(ctx, input.resourceConfigurationIdentifier!);
    checkAssociationOwner(ctx, "CreateServiceNetworkResourceAssociation", sn.arn, config.arn);
    if (config.type === "CIDR") {
      throw invalid(
        "resourceConfigurationIdentifier",
        `${config.id} is a CIDR configuration; CIDR configurations cannot be added to a service network (use a VPC endpoint of type Tunnel).`,
      );
    }
    if (config.type === "CHILD") {
      throw invalid(
        "resourceConfigurationIdentifier",
        `${config.id} is a CHILD configuration; associate its GROUP ${config.resourceConfigurationGroupId} instead.`,
      );
    }
    if (!LIVE(config.status)) {
      throw conflict("RESOURCE_CONFIGURATION", config.id, `Resource configuration ${config.id} is ${config.status}.`);
    }
    if (!config.allowAssociationToShareableServiceNetwork && sn.sharingConfig.enabled) {
      throw conflict(
        "SERVICE_NETWORK",
        sn.id,
        `${config.id} does not allow association to shareable service networks, and ${sn.id} is shareable.`,
      );
    }
    const duplicate = resourceAssociationsByConfiguration.find(
      ctx.state,
      config.id,
      (a) => a.serviceNetworkId === sn.id,
    );
    if (duplicate) {
      throw conflict(
        "SERVICE_NETWORK_RESOURCE_ASSOCIATION",
        duplicate.id,
        `Resource configuration ${config.id} is already associated with ${sn.id} (${duplicate.id}, ${duplicate.status}).`,
      );
    }
    // Private DNS is "true and immutable" for ARN configurations.
    const privateDnsEnabled =
      config.type === "ARN" ? true : (input.privateDnsEnabled ?? Boolean(config.customDomainName));
    const snOwner = parseLatticeArn(sn.arn)?.accountId ?? ctx.accountId;
    const record = newResourceAssociation(ctx, sn.id, config, privateDnsEnabled, undefined, snOwner);
    for (const child of childrenOf(stateOfArn(ctx, config.arn), config.id)) {
      newResourceAssociation(ctx, sn.id, child, privateDnsEnabled, record.id, snOwner);
    }
    setTags(ctx, record.arn, input.tags);
    return {
      id: record.id,
      response: {
        id: record.id,
        arn: record.arn,
        status: record.status,
        createdBy: record.createdBy,
        privateDnsEnabled,
      },
    };
  });

const getResourceAssociation: Handler = (input: GetServiceNetworkResourceAssociationRequest, ctx) =>
  snraView(ctx, findResourceAssociation(ctx, input.serviceNetworkResourceAssociationIdentifier!));

const listResourceAssociations: Handler = (input: ListServiceNetworkResourceAssociationsRequest, ctx) => {
  const sn = input.serviceNetworkIdentifier ? findServiceNetwork(ctx, input.serviceNetworkIdentifier) : undefined;
  // A network shared with the caller: its resource associations as its owner holds them.
  const view = sn ? ownerContext(ctx, sn.arn) : ctx;
  let all = sn
    ? resourceAssociationsByNetwork.get(view.state, sn.id)
    : Object.values(ctx.state.lattice.resourceAssociations);
  if (!input.includeChildren) all = all.filter((a) => !a.isManagedAssociation);
  if (input.resourceConfigurationIdentifier) {
    const config = findResourceConfiguration(ctx, input.resourceConfigurationIdentifier);
    const configState = stateOfArn(ctx, config.arn);
    all = all.filter(
      (a) =>
        a.resourceConfigurationId === config.id ||
        (input.includeChildren &&
          configState.lattice.resourceConfigurations[a.resourceConfigurationId]?.resourceConfigurationGroupId ===
            config.id),
    );
  }
  const page = listPage(
    ctx,
    all,
    input,
    `${input.serviceNetworkIdentifier ?? ""}:${input.resourceConfigurationIdentifier ?? ""}:${Boolean(input.includeChildren)}`,
  );
  return {
    items: page.items.map((a) => {
      const { failureReason: _r, lastUpdatedAt: _l, domainVerificationStatus: _d, ...summary } = snraView(view, a);
      return inCallerAccount(ctx, summary);
    }),
    nextToken: page.nextToken,
  };
};

const deleteResourceAssociation: Handler = (input: DeleteServiceNetworkResourceAssociationRequest, ctx) => {
  const a = findResourceAssociation(ctx, input.serviceNetworkResourceAssociationIdentifier!);
  if (a.isManagedAssociation) {
    throw invalid(
      "serviceNetworkResourceAssociationIdentifier",
      `${a.id} is managed by AWS for a child configuration; delete its parent association ${a.parentAssociationId}.`,
    );
  }
  if (a.status === "CREATE_IN_PROGRESS") {
    throw conflict(
      "SERVICE_NETWORK_RESOURCE_ASSOCIATION",
      a.id,
      `Association ${a.id} is CREATE_IN_PROGRESS; delete it once that finishes.`,
    );
  }
  if (a.status === "DELETE_IN_PROGRESS") {
    throw conflict("SERVICE_NETWORK_RESOURCE_ASSOCIATION", a.id, `Association ${a.id} is already being deleted.`);
  }
  for (const target of [a, ...resourceAssociationsByParent.get(ctx.state, a.id)]) {
    target.status = "DELETE_IN_PROGRESS";
    touch(target, ctx);
    ctx.lifecycle.scheduleRemoval(ctx.state, "ServiceNetworkResourceAssociation", target.id, ctx.now);
    syncPeer(ctx, resourceAssociationTable, "ServiceNetworkResourceAssociation", target);
  }
  return { id: a.id, arn: a.arn, status: a.status };
};

/* ------------------------------------ SNSA ----------------------------------- */

function findServiceAssociation(ctx: HandlerContext, identifier: string): ServiceNetworkServiceAssociationRecord {
  return resolve(
    ctx.state.lattice.serviceAssociations,
    identifier,
    "SERVICE_NETWORK_SERVICE_ASSOCIATION",
    "Service network service association",
  );
}

function snsaView(ctx: HandlerContext, a: ServiceNetworkServiceAssociationRecord) {
  const sn = peerRecord(ctx, "servicenetwork", a.serviceNetworkId, a.serviceNetworkOwner);
  const service = peerRecord(ctx, "service", a.serviceId, a.serviceOwner);
  return {
    id: a.id,
    status: a.status,
    arn: a.arn,
    createdBy: a.createdBy,
    createdAt: toDate(a.createdAt),
    serviceId: a.serviceId,
    serviceName: service?.name,
    serviceArn: service?.arn,
    serviceNetworkId: a.serviceNetworkId,
    serviceNetworkName: sn?.name,
    serviceNetworkArn: sn?.arn,
    dnsEntry: a.dnsEntry,
    customDomainName: a.customDomainName,
    failureMessage: a.failureMessage,
    failureCode: a.failureCode,
  };
}

const createServiceAssociation: Handler = (input: CreateServiceNetworkServiceAssociationRequest, ctx) =>
  idempotent(ctx, input, () => {
    const sn = findServiceNetwork(ctx, input.serviceNetworkIdentifier!);
    const service = findService(ctx, input.serviceIdentifier!);
    checkAssociationOwner(ctx, "CreateServiceNetworkServiceAssociation", sn.arn, service.arn);
    if (!LIVE(service.status)) throw conflict("SERVICE", service.id, `Service ${service.id} is ${service.status}.`);
    const duplicate = serviceAssociationsByService.find(ctx.state, service.id, (a) => a.serviceNetworkId === sn.id);
    if (duplicate) {
      throw conflict(
        "SERVICE_NETWORK_SERVICE_ASSOCIATION",
        duplicate.id,
        `Service ${service.id} is already associated with ${sn.id} (${duplicate.id}, ${duplicate.status}).`,
      );
    }
    if (service.customDomainName) {
      const taken = serviceAssociationsByNetwork
        .get(ctx.state, sn.id)
        .find((a) => LIVE(a.status) && a.customDomainName === service.customDomainName);
      if (taken) {
        throw conflict(
          "SERVICE_NETWORK_SERVICE_ASSOCIATION",
          taken.id,
          `Service ${taken.serviceId} in ${sn.id} already uses the custom domain name ${service.customDomainName}; custom domain names are unique per service network.`,
        );
      }
    }
    const id = ctx.ids.id("snsa");
    const record: ServiceNetworkServiceAssociationRecord = {
      id,
      arn: latticeArn(ctx, `servicenetworkserviceassociation/${id}`),
      status: "CREATE_IN_PROGRESS",
      serviceNetworkId: sn.id,
      serviceId: service.id,
      dnsEntry: { ...service.dnsEntry },
      ...(service.customDomainName ? { customDomainName: service.customDomainName } : {}),
      createdBy: ctx.accountId,
      createdAt: ctx.nowIso,
      lastUpdatedAt: ctx.nowIso,
    };
    serviceAssociationTable.put(ctx.state, id, record);
    setTags(ctx, record.arn, input.tags);
    ctx.lifecycle.scheduleCreate(ctx.state, "ServiceNetworkServiceAssociation", id, "ACTIVE", ctx.now);
    spanAccounts(ctx, serviceAssociationTable, "ServiceNetworkServiceAssociation", record, {
      serviceNetwork: parseLatticeArn(sn.arn)?.accountId ?? ctx.accountId,
      member: parseLatticeArn(service.arn)?.accountId ?? ctx.accountId,
      memberField: "serviceOwner",
    });
    return {
      id,
      response: {
        id,
        status: record.status,
        arn: record.arn,
        createdBy: record.createdBy,
        customDomainName: record.customDomainName,
        dnsEntry: record.dnsEntry,
      },
    };
  });

const getServiceAssociation: Handler = (input: GetServiceNetworkServiceAssociationRequest, ctx) =>
  snsaView(ctx, findServiceAssociation(ctx, input.serviceNetworkServiceAssociationIdentifier!));

const listServiceAssociations: Handler = (input: ListServiceNetworkServiceAssociationsRequest, ctx) => {
  if (!input.serviceNetworkIdentifier && !input.serviceIdentifier) {
    throw validationException([
      {
        name: "serviceNetworkIdentifier",
        message: "You must provide either the service network identifier or the service identifier.",
      },
    ]);
  }
  const sn = input.serviceNetworkIdentifier ? findServiceNetwork(ctx, input.serviceNetworkIdentifier) : undefined;
  const service = input.serviceIdentifier ? findService(ctx, input.serviceIdentifier) : undefined;
  // A network (or service) shared with the caller: its associations as its owner holds them.
  const view = ownerContext(ctx, (sn ?? service)!.arn);
  let all = sn
    ? serviceAssociationsByNetwork.get(view.state, sn.id)
    : serviceAssociationsByService.get(view.state, service!.id);
  if (sn && service) all = all.filter((a) => a.serviceId === service.id);
  const page = listPage(ctx, all, input, `${input.serviceNetworkIdentifier ?? ""}:${input.serviceIdentifier ?? ""}`);
  return {
    items: page.items.map((a) => {
      const { failureMessage: _m, failureCode: _c, ...summary } = snsaView(view, a);
      return inCallerAccount(ctx, summary);
    }),
    nextToken: page.nextToken,
  };
};

const deleteServiceAssociation: Handler = (input: DeleteServiceNetworkServiceAssociationRequest, ctx) => {
  const a = findServiceAssociation(ctx, input.serviceNetworkServiceAssociationIdentifier!);
  if (a.status === "CREATE_IN_PROGRESS" || a.status === "DELETE_IN_PROGRESS") {
    throw conflict("SERVICE_NETWORK_SERVICE_ASSOCIATION", a.id, `Association ${a.id} is ${a.status}.`);
  }
  a.status = "DELETE_IN_PROGRESS";
  touch(a, ctx);
  ctx.lifecycle.scheduleRemoval(ctx.state, "ServiceNetworkServiceAssociation", a.id, ctx.now);
  syncPeer(ctx, serviceAssociationTable, "ServiceNetworkServiceAssociation", a);
  return { id: a.id, status: a.status, arn: a.arn };
};

/* ------------------------ endpoint joins (owned by EC2) ------------------------ */

/** Resource endpoint associations other accounts' endpoints hold with this account's configurations (ARNs local). */
function foreignResourceEndpointAssociations(ctx: HandlerContext, configArn?: string) {
  return linkedEndpoints(
    ctx,
    (link) =>
      link.resourceConfigurationArn !== undefined && (!configArn || link.resourceConfigurationArn === configArn),
  ).flatMap(({ endpoint, state }) =>
    Object.values(state.lattice.resourceEndpointAssociations)
      .filter((a) => a.vpcEndpointId === endpoint.VpcEndpointId)
      .map((a) => ({ association: { ...a, arn: withAccount(a.arn, ctx.accountId) }, state })),
  );
}

const ENDPOINT_STATE_TO_LATTICE: Record<string, string> = {
  pending: "PENDING",
  available: "ACTIVE",
  deleting: "DELETING",
  failed: "FAILED",
  rejected: "REJECTED",
};

const listVpcEndpointAssociations: Handler = (input: ListServiceNetworkVpcEndpointAssociationsRequest, ctx) => {
  const sn = findServiceNetwork(ctx, input.serviceNetworkIdentifier!);
  // The caller's own endpoints, and (for the owner) other accounts' endpoints to its network.
  const endpoints = [
    ...vpcEndpointsByServiceNetwork.get(ctx.state, sn.arn),
    ...linkedEndpoints(ctx, (link) => link.serviceNetworkArn === sn.arn).map(({ endpoint }) => endpoint),
  ];
  const page = listPage(ctx, endpoints, input, sn.id);
  return {
    items: page.items.map((e) => ({
      vpcEndpointId: e.VpcEndpointId,
      vpcId: e.VpcId,
      vpcEndpointOwnerId: e.OwnerId,
      id: e.VpcEndpointId,
      state: ENDPOINT_STATE_TO_LATTICE[e.State.toLowerCase()] ?? e.State.toUpperCase(),
      serviceNetworkArn: sn.arn,
      createdAt: toDate(e.CreationTimestamp),
    })),
    nextToken: page.nextToken,
  };
};

const listResourceEndpointAssociations: Handler = (input: ListResourceEndpointAssociationsRequest, ctx) => {
  const config = findResourceConfiguration(ctx, input.resourceConfigurationIdentifier!);
  let all = [
    ...Object.values(ctx.state.lattice.resourceEndpointAssociations).filter(
      (a) => a.resourceConfigurationId === config.id,
    ),
    // The owner also sees other accounts' endpoints to its configuration (ARNs in its own account).
    ...foreignResourceEndpointAssociations(ctx, config.arn).map(({ association }) => association),
  ];
  if (input.resourceEndpointAssociationIdentifier) {
    const id = idFromIdentifier(input.resourceEndpointAssociationIdentifier);
    all = all.filter((a) => a.id === id);
  }
  if (input.vpcEndpointId) all = all.filter((a) => a.vpcEndpointId === input.vpcEndpointId);
  if (input.vpcEndpointOwner) all = all.filter((a) => a.vpcEndpointOwner === input.vpcEndpointOwner);
  const page = listPage(ctx, all, input, config.id);
  return {
    items: page.items.map((a) => ({
      id: a.id,
      arn: a.arn,
      resourceConfigurationId: config.id,
      resourceConfigurationArn: config.arn,
      resourceConfigurationName: config.name,
      vpcEndpointId: a.vpcEndpointId,
      vpcEndpointOwner: a.vpcEndpointOwner,
      createdBy: a.createdBy,
      createdAt: toDate(a.createdAt),
      payerResponsibility: [{ scope: "ResourceGatewayCharges", payerResponsibilityType: "ResourceGatewayAccount" }],
    })),
    nextToken: page.nextToken,
  };
};

const deleteResourceEndpointAssociation: Handler = (input: DeleteResourceEndpointAssociationRequest, ctx) => {
  const wanted = idFromIdentifier(input.resourceEndpointAssociationIdentifier!);
  // The provider disconnects another account's endpoint through the link its state keeps.
  const foreign = foreignResourceEndpointAssociations(ctx).find(({ association }) => association.id === wanted);
  const home = foreign?.state ?? ctx.state;
  const a = foreign
    ? foreign.association
    : resolve(
        ctx.state.lattice.resourceEndpointAssociations,
        input.resourceEndpointAssociationIdentifier!,
        "RESOURCE_ENDPOINT_ASSOCIATION",
        "Resource endpoint association",
      );
  delete home.lattice.resourceEndpointAssociations[a.id];
  const endpoint = home.ec2.vpcEndpoints[a.vpcEndpointId];
  if (endpoint) endpoint.State = "Rejected";
  const config = ctx.state.lattice.resourceConfigurations[a.resourceConfigurationId];
  return {
    id: a.id,
    arn: a.arn,
    resourceConfigurationId: a.resourceConfigurationId,
    resourceConfigurationArn: config?.arn,
    vpcEndpointId: a.vpcEndpointId,
  };
};

export const associationHandlers: Record<string, Handler> = {
  CreateServiceNetworkVpcAssociation: createVpcAssociation,
  GetServiceNetworkVpcAssociation: getVpcAssociation,
  ListServiceNetworkVpcAssociations: listVpcAssociations,
  UpdateServiceNetworkVpcAssociation: updateVpcAssociation,
  DeleteServiceNetworkVpcAssociation: deleteVpcAssociation,
  CreateServiceNetworkResourceAssociation: createResourceAssociation,
  GetServiceNetworkResourceAssociation: getResourceAssociation,
  ListServiceNetworkResourceAssociations: listResourceAssociations,
  DeleteServiceNetworkResourceAssociation: deleteResourceAssociation,
  CreateServiceNetworkServiceAssociation: createServiceAssociation,
  GetServiceNetworkServiceAssociation: getServiceAssociation,
  ListServiceNetworkServiceAssociations: listServiceAssociations,
  DeleteServiceNetworkServiceAssociation: deleteServiceAssociation,
  ListServiceNetworkVpcEndpointAssociations: listVpcEndpointAssociations,
  ListResourceEndpointAssociations: listResourceEndpointAssociations,
  DeleteResourceEndpointAssociation: deleteResourceEndpointAssociation,
};
