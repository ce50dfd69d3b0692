/**
 * VPC endpoints of type Resource and ServiceNetwork, and the join with VPC
 * Lattice: a Resource endpoint becomes a `rea-…` resource-endpoint association
 * of its configuration; DescribeVpcEndpointAssociations derives one row per
 * reachable (child) configuration or service, with the DNS names AWS issues.
 */
import type {
  CreateVpcEndpointRequest,
  DeleteVpcEndpointsRequest,
  DescribeNetworkInterfacesRequest,
  DescribeVpcEndpointAssociationsRequest,
  DescribeVpcEndpointsRequest,
  ModifyVpcEndpointRequest,
} from "@aws-sdk/client-ec2";
import type { RegionState } from "../../../core/region.js";
import type { Handler, HandlerContext } from "../../../core/service.js";
import { privateDomainOf } from "../../lattice/handlers/associations.js";
import { domainVerified, serviceDomainVerified } from "../../lattice/handlers/domain-verification.js";
import { preferenceAdmits } from "../../lattice/private-dns.js";
import { childrenOf } from "../../lattice/handlers/resources.js";
import type { ResourceConfigurationRecord, ServiceNetworkRecord } from "../../lattice/state.js";
import { LIVE, RESOURCE_DNS_HASH, SERVICE_DNS_HASH, sharedHostedZone } from "../../lattice/support.js";
import { ec2Error, ec2NotFound, invalidParameter, invalidParameterValue } from "../errors.js";
import { applyFilters } from "../filters.js";
import { createManagedInterface, defaultSecurityGroup, removeInterfacesOf } from "../network.js";
import { resourceAssociationsByNetwork, serviceAssociationsByNetwork } from "../../lattice/indexes.js";
import { endpointsByVpc, interfacesByOwner, vpcEndpointTable } from "../indexes.js";
import type { DnsEntryRecord, VpcEndpointRecord } from "../state.js";
import { parameterFingerprint } from "../../../core/canonical.js";
import { ec2Page, findSubnet, findVpc, tagsFor } from "./common.js";
import { isSharedWithCaller, linkEndpoint, peerRecord } from "../../lattice/sharing.js";

/** What the endpoint functions need of a handler context: the caller's state and the way to other accounts'. */
export type EndpointContext = Pick<
  HandlerContext,
  "state" | "ids" | "region" | "accountId" | "world" | "caller" | "publicDns" | "now"
>;

/** The state that owns a Lattice ARN the endpoint names (another account's for shared networks and configurations). */
export function latticeStateOf(ctx: EndpointContext, arn: string): RegionState | undefined {
  const parsed = latticeIdFromArn(arn, arn.includes(":servicenetwork/") ? "servicenetwork" : "resourceconfiguration");
  if (!parsed || parsed.account === ctx.accountId) return ctx.state;
  return ctx.world.peek(parsed.account, parsed.region);
}

const LATTICE_TYPES = ["Resource", "ServiceNetwork"];
const IP_ADDRESS_TYPES = ["ipv4", "dualstack", "ipv6"];

const ARN_PATTERNS = new Map<string, RegExp>();

function latticeIdFromArn(arn: string, kind: string): { id: string; region: string; account: string } | undefined {
  let pattern = ARN_PATTERNS.get(kind);
  if (!pattern) {
    pattern = new RegExp(`^arn:aws[a-z-]*:vpc-lattice:([a-z0-9-]+):(\\d{12}):${kind}/([a-z]+-[0-9a-z]{17})$`);
    ARN_PATTERNS.set(kind, pattern);
  }
  const match = pattern.exec(arn);
  return match ? { region: match[1]!, account: match[2]!, id: match[3]! } : undefined;
}

function resourceConfigurationFor(ctx: HandlerContext, arn: string): ResourceConfigurationRecord {
  const parsed = latticeIdFromArn(arn, "resourceconfiguration");
  if (!parsed) throw invalidParameter(`Invalid ResourceConfigurationArn: ${arn}`);
  const foreign = parsed.account !== ctx.accountId;
  if (foreign && !isSharedWithCaller(ctx, arn))
    throw invalidParameter(
      `The resource configuration ${arn} does not exist or is not shared with account ${ctx.accountId}.`,
    );
  const config = latticeStateOf(ctx, arn)?.lattice.resourceConfigurations[parsed.id];
  if (!config || config.arn !== arn) throw invalidParameter(`The resource configuration ${arn} does not exist.`);
  return config;
}

/** The service network an endpoint's ServiceNetworkArn names, if it (still) exists. */
export function serviceNetworkOf(state: RegionState | undefined, arn: string): ServiceNetworkRecord | undefined {
  const parsed = latticeIdFromArn(arn, "servicenetwork");
  const sn = parsed ? state?.lattice.serviceNetworks[parsed.id] : undefined;
  return sn && sn.arn === arn ? sn : undefined;
}

function serviceNetworkFor(ctx: HandlerContext, arn: string): ServiceNetworkRecord {
  const parsed = latticeIdFromArn(arn, "servicenetwork");
  if (!parsed) throw invalidParameter(`Invalid ServiceNetworkArn: ${arn}`);
  if (parsed.account !== ctx.accountId && !isSharedWithCaller(ctx, arn))
    throw invalidParameter(`The service network ${arn} does not exist or is not shared with account ${ctx.accountId}.`);
  const sn = latticeStateOf(ctx, arn)?.lattice.serviceNetworks[parsed.id];
  if (!sn || sn.arn !== arn) throw invalidParameter(`The service network ${arn} does not exist.`);
  return sn;
}

/** Configurations a Lattice endpoint reaches (children for GROUP/ARN parents). */
export function reachableConfigurations(
  ctx: EndpointContext,
  endpoint: VpcEndpointRecord,
): ResourceConfigurationRecord[] {
  if (endpoint.ResourceConfigurationArn) {
    const state = latticeStateOf(ctx, endpoint.ResourceConfigurationArn);
    const parsed = latticeIdFromArn(endpoint.ResourceConfigurationArn, "resourceconfiguration");
    const config = parsed ? state?.lattice.resourceConfigurations[parsed.id] : undefined;
    if (!config || !state) return [];
    return config.type === "SINGLE" ? [config] : childrenOf(state, config.id);
  }
  if (endpoint.ServiceNetworkArn) {
    const state = latticeStateOf(ctx, endpoint.ServiceNetworkArn);
    const sn = serviceNetworkOf(state, endpoint.ServiceNetworkArn);
    if (!sn || !state) return [];
    const owner = state === ctx.state ? ctx : { ...ctx, state, accountId: state.accountId };
    return resourceAssociationsByNetwork
      .get(state, sn.id)
      .filter((a) => a.dnsEntry && LIVE(a.status))
      .map((a) => peerRecord(owner, "resourceconfiguration", a.resourceConfigurationId, a.resourceConfigurationOwner))
      .filter((c): c is ResourceConfigurationRecord => Boolean(c));
  }
  return [];
}

export interface EndpointAssociationRow {
  Id: string;
  VpcEndpointId: string;
  ServiceNetworkArn?: string;
  ServiceNetworkName?: string;
  AssociatedResourceAccessibility: string;
  FailureReason?: string;
  FailureCode?: string;
  DnsEntry?: DnsEntryRecord;
  PrivateDnsEntry?: DnsEntryRecord;
  AssociatedResourceArn: string;
  ResourceConfigurationGroupArn?: string;
  Tags: [];
  /** For filters: the configuration or service id the row stands for. */
  associatedResourceId: string;
}

function rowMemo(ctx: { state: RegionState; ids: HandlerContext["ids"] }, key: string, withSnra: boolean) {
  const memo = ctx.state.ec2.endpointAssociationRows;
  let entry = memo[key];
  if (!entry) {
    entry = {
      id: `vpce-rsc-asc-0${ctx.ids.hex(16)}`,
      ...(withSnra ? { snraId: ctx.ids.id("snra") } : {}),
      hostedZoneId: "",
    };
    memo[key] = entry;
  }
  return entry;
}

function accessibility(shared: boolean, endpoint: VpcEndpointRecord, status: string): string {
  // A network or configuration the owner stopped sharing is out of reach.
  if (endpoint.State === "Rejected" || !shared) return "Inaccessible";
  if (endpoint.State !== "Available") return "Pending";
  return status === "ACTIVE" ? "Accessible" : status.startsWith("CREATE") ? "Pending" : "Inaccessible";
}

/** The rows DescribeVpcEndpointAssociations returns for one endpoint. */
export function endpointAssociationRows(ctx: EndpointContext, endpoint: VpcEndpointRecord): EndpointAssociationRow[] {
  const { region } = ctx;
  const target = endpoint.ServiceNetworkArn ?? endpoint.ResourceConfigurationArn ?? "";
  // The network or configuration may be another account's (shared through RAM): read it there.
  const state = latticeStateOf(ctx, target);
  if (!state) return [];
  const owner = state === ctx.state ? ctx : { ...ctx, state, accountId: state.accountId };
  const shared = state === ctx.state || isSharedWithCaller(ctx, target);
  const l = state.lattice;
  const vpce = endpoint.VpcEndpointId;
  const rscZone = sharedHostedZone(region, "rsc");
  const svcZone = sharedHostedZone(region, "svcs");
  const rows: EndpointAssociationRow[] = [];
  const options = endpoint.DnsOptions;
  /** The private name of a row: private DNS on, and the endpoint's preference admits the domain. */
  const privateName = (
    domain: string | undefined,
    verified: (domain: string) => boolean,
  ): DnsEntryRecord | undefined =>
    domain &&
    endpoint.PrivateDnsEnabled &&
    preferenceAdmits(options?.PrivateDnsPreference, options?.PrivateDnsSpecifiedDomains, domain, verified(domain))
      ? { DnsName: domain }
      : undefined;
  /** Verification is the provider's: read in the account that owns the configuration. */
  const configVerified = (owner: RegionState, config: ResourceConfigurationRecord) => (domain: string) =>
    domainVerified(owner, config, domain, ctx.publicDns, ctx.now);

  if (endpoint.ResourceConfigurationArn) {
    const parsed = latticeIdFromArn(endpoint.ResourceConfigurationArn, "resourceconfiguration");
    const parent = parsed ? l.resourceConfigurations[parsed.id] : undefined;
    if (!parent) return rows;
    for (const config of reachableConfigurations(ctx, endpoint)) {
      const isChild = config.id !== parent.id;
      const memo = rowMemo(ctx, `${vpce}|${config.id}`, isChild);
      const label = isChild ? `${vpce}-${memo.snraId}` : vpce;
      const privateEntry = privateName(privateDomainOf(state, config), configVerified(state, config));
      rows.push({
        Id: memo.id,
        VpcEndpointId: vpce,
        AssociatedResourceAccessibility: accessibility(shared, endpoint, config.status),
        DnsEntry: {
          DnsName: `${label}.${config.id}.${RESOURCE_DNS_HASH}.vpc-lattice-rsc.${region}.on.aws`,
          HostedZoneId: rscZone,
        },
        ...(privateEntry ? { PrivateDnsEntry: privateEntry } : {}),
        AssociatedResourceArn: config.arn,
        ...(isChild ? { ResourceConfigurationGroupArn: parent.arn } : {}),
        Tags: [],
        associatedResourceId: config.id,
      });
    }
    return rows;
  }

  if (endpoint.ServiceNetworkArn) {
    const sn = serviceNetworkOf(state, endpoint.ServiceNetworkArn);
    if (!sn) return rows;
    for (const association of resourceAssociationsByNetwork.get(state, sn.id)) {
      if (!association.dnsEntry || !LIVE(association.status)) continue;
      // The configuration may be a third account's (shared with the network's owner).
      const configOwner = association.resourceConfigurationOwner;
      const configState = configOwner ? ctx.world.peek(configOwner, region) : state;
      const configs = configState?.lattice.resourceConfigurations;
      const config = configs?.[association.resourceConfigurationId];
      if (!config) continue;
      const group = config.resourceConfigurationGroupId ? configs[config.resourceConfigurationGroupId] : undefined;
      const memo = rowMemo(ctx, `${vpce}|${association.id}`, false);
      const privateEntry = association.privateDnsEnabled
        ? privateName(association.privateDnsEntry?.domainName, configVerified(configState!, config))
        : undefined;
      rows.push({
        Id: memo.id,
        VpcEndpointId: vpce,
        ServiceNetworkArn: sn.arn,
        ServiceNetworkName: sn.name,
        AssociatedResourceAccessibility: accessibility(shared, endpoint, association.status),
        DnsEntry: {
          DnsName: `${vpce}-${association.id}.${config.id}.${RESOURCE_DNS_HASH}.vpc-lattice-rsc.${region}.on.aws`,
          HostedZoneId: rscZone,
        },
        ...(privateEntry ? { PrivateDnsEntry: privateEntry } : {}),
        AssociatedResourceArn: config.arn,
        ...(group ? { ResourceConfigurationGroupArn: group.arn } : {}),
        Tags: [],
        associatedResourceId: config.id,
      });
    }
    for (const association of serviceAssociationsByNetwork.get(state, sn.id)) {
      if (!LIVE(association.status)) continue;
      const service = association.serviceOwner
        ? peerRecord(owner, "service", association.serviceId, association.serviceOwner)
        : l.services[association.serviceId];
      if (!service) continue;
      const memo = rowMemo(ctx, `${vpce}|${association.id}`, false);
      const serviceState = association.serviceOwner
        ? (ctx.world.peek(association.serviceOwner, region) ?? state)
        : state;
      const privateEntry = privateName(service.customDomainName, (domain) =>
        serviceDomainVerified(serviceState, domain, ctx.publicDns, ctx.now),
      );
      rows.push({
        Id: memo.id,
        VpcEndpointId: vpce,
        ServiceNetworkArn: sn.arn,
        ServiceNetworkName: sn.name,
        AssociatedResourceAccessibility: accessibility(shared, endpoint, association.status),
        DnsEntry: {
          DnsName: `${vpce}-${association.id}.${SERVICE_DNS_HASH}.vpc-lattice-svcs.${region}.on.aws`,
          HostedZoneId: svcZone,
        },
        ...(privateEntry ? { PrivateDnsEntry: privateEntry } : {}),
        AssociatedResourceArn: service.arn,
        Tags: [],
        associatedResourceId: service.id,
      });
    }
  }
  return rows;
}

function endpointView(ctx: HandlerContext, endpoint: VpcEndpointRecord) {
  const rows = endpoint.State === "Available" ? endpointAssociationRows(ctx, endpoint) : [];
  const entries: DnsEntryRecord[] = [];
  for (const row of rows) {
    if (row.DnsEntry) entries.push(row.DnsEntry);
    if (row.PrivateDnsEntry) entries.push(row.PrivateDnsEntry);
  }
  return { ...endpoint, DnsEntries: entries };
}

function checkAzOverlap(ctx: HandlerContext, config: ResourceConfigurationRecord, subnetZones: string[]): void {
  const owner = latticeStateOf(ctx, config.arn) ?? ctx.state;
  const gateway = config.resourceGatewayId ? owner.lattice.resourceGateways[config.resourceGatewayId] : undefined;
  if (!gateway) return;
  // Zone names stand for the same zones in every account here (AWS maps them per account; zone ids do not change).
  const gatewayZones = gateway.subnetIds.map((id) => owner.ec2.subnets[id]?.AvailabilityZone).filter(Boolean);
  if (!subnetZones.some((zone) => gatewayZones.includes(zone))) {
    throw invalidParameter(
      `The endpoint subnets (${subnetZones.join(", ")}) share no Availability Zone with resource gateway ${gateway.id} (${gatewayZones.join(", ")}).`,
    );
  }
}

/** AWS: with private DNS on, one VPC can't hold both a Resource and a ServiceNetwork endpoint for the same configuration. */
function checkPrivateDnsClash(ctx: HandlerContext, candidate: VpcEndpointRecord): void {
  if (!candidate.PrivateDnsEnabled) return;
  const mine = new Set(reachableConfigurations(ctx, candidate).map((c) => c.id));
  for (const other of endpointsByVpc.get(ctx.state, candidate.VpcId)) {
    if (!other.PrivateDnsEnabled || other.VpcEndpointType === candidate.VpcEndpointType) continue;
    const clash = reachableConfigurations(ctx, other).find((c) => mine.has(c.id));
    if (clash) {
      throw invalidParameter(
        `Private DNS is enabled and ${other.VpcEndpointId} in ${candidate.VpcId} already reaches ${clash.id}; a VPC can't have both a Resource and a ServiceNetwork endpoint with private DNS for the same resource configuration.`,
      );
    }
  }
}

const PREFERENCES = [
  "VERIFIED_DOMAINS_ONLY",
  "ALL_DOMAINS",
  "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS",
  "SPECIFIED_DOMAINS_ONLY",
];

/**
 * The endpoint's DnsOptions: with private DNS on, the preference (default
 * VERIFIED_DOMAINS_ONLY) and the specified domains that two of them use.
 */
function dnsOptionsFor(
  privateDnsEnabled: boolean,
  options:
    | {
        DnsRecordIpType?: string | undefined;
        PrivateDnsPreference?: string | undefined;
        PrivateDnsSpecifiedDomains?: string[] | undefined;
      }
    | undefined,
): { DnsOptions?: NonNullable<VpcEndpointRecord["DnsOptions"]> } {
  const preference = options?.PrivateDnsPreference;
  const domains = options?.PrivateDnsSpecifiedDomains;
  if (preference !== undefined && !PREFERENCES.includes(preference)) {
    throw invalidParameterValue(
      `Value (${preference}) for parameter DnsOptions.PrivateDnsPreference is invalid. Valid values: ${PREFERENCES.join(", ")}.`,
    );
  }
  if (!privateDnsEnabled && (preference !== undefined || domains?.length)) {
    throw invalidParameter("DnsOptions.PrivateDnsPreference is only supported when private DNS is enabled.");
  }
  const recordType = options?.DnsRecordIpType ? { DnsRecordIpType: options.DnsRecordIpType } : {};
  if (!privateDnsEnabled) return Object.keys(recordType).length ? { DnsOptions: recordType } : {};
  const effective = preference ?? "VERIFIED_DOMAINS_ONLY";
  const usesDomains = effective === "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS" || effective === "SPECIFIED_DOMAINS_ONLY";
  if (usesDomains && !domains?.length) {
    throw invalidParameter(`DnsOptions.PrivateDnsSpecifiedDomains is required with the preference ${effective}.`);
  }
  if (!usesDomains && domains?.length) {
    throw invalidParameter(
      `DnsOptions.PrivateDnsSpecifiedDomains applies only with VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS or SPECIFIED_DOMAINS_ONLY.`,
    );
  }
  if (domains && domains.length > 10)
    throw invalidParameter("DnsOptions.PrivateDnsSpecifiedDomains takes at most 10 domains.");
  return {
    DnsOptions: {
      ...recordType,
      PrivateDnsPreference: effective,
      ...(domains?.length ? { PrivateDnsSpecifiedDomains: [...domains] } : {}),
    },
  };
}

/** The value with the keys of every nested object sorted, so equal requests stringify alike. */
function fingerprint(input: CreateVpcEndpointRequest): string {
  return parameterFingerprint(input, "ClientToken", "DryRun");
}

const createVpcEndpoint: Handler = (input: CreateVpcEndpointRequest, ctx) => {
  if (input.ClientToken) {
    const seen = ctx.state.idempotency[`CreateVpcEndpoint:${input.ClientToken}`];
    if (seen) {
      if (seen.fingerprint !== fingerprint(input)) {
        throw ec2Error(
          "IdempotentParameterMismatch",
          "The client token you have provided is associated with a resource that is already created with different parameters.",
        );
      }
      const existing = ctx.state.ec2.vpcEndpoints[seen.resourceId];
      return { VpcEndpoint: existing ? endpointView(ctx, existing) : seen.response, ClientToken: input.ClientToken };
    }
  }
  const type = input.VpcEndpointType ?? "Gateway";
  if (!LATTICE_TYPES.includes(type)) {
    throw ec2Error(
      "InvalidServiceName",
      `The emulator models VPC endpoints of type Resource and ServiceNetwork; ${type} endpoints for AWS services (${input.ServiceName ?? "no ServiceName"}) are not emulated.`,
    );
  }
  const vpc = findVpc(ctx, input.VpcId!);
  let config: ResourceConfigurationRecord | undefined;
  if (type === "Resource") {
    if (!input.ResourceConfigurationArn)
      throw ec2Error("MissingParameter", "The request must contain the parameter ResourceConfigurationArn");
    config = resourceConfigurationFor(ctx, input.ResourceConfigurationArn);
    if (config.type === "CHILD")
      throw invalidParameter(
        `${config.id} is a CHILD configuration; specify its parent GROUP ${config.resourceConfigurationGroupId}.`,
      );
    if (config.type === "CIDR")
      throw invalidParameter(`${config.id} is a CIDR configuration; it is reached through a Tunnel endpoint.`);
    if (!LIVE(config.status)) throw invalidParameter(`${config.id} is ${config.status}.`);
  } else {
    if (!input.ServiceNetworkArn)
      throw ec2Error("MissingParameter", "The request must contain the parameter ServiceNetworkArn");
    serviceNetworkFor(ctx, input.ServiceNetworkArn);
  }
  const subnetIds = input.SubnetIds ?? [];
  if (subnetIds.length === 0) throw ec2Error("MissingParameter", "The request must contain the parameter SubnetId");
  const zones: string[] = [];
  for (const subnetId of subnetIds) {
    const subnet = findSubnet(ctx, subnetId);
    if (subnet.VpcId !== vpc.VpcId) throw invalidParameter(`Subnet ${subnetId} is not in ${vpc.VpcId}.`);
    if (zones.includes(subnet.AvailabilityZone))
      throw ec2Error(
        "DuplicateSubnetsInSameZone",
        `Found another subnet in ${subnet.AvailabilityZone}: only one subnet per Availability Zone.`,
      );
    zones.push(subnet.AvailabilityZone);
  }
  if (config) checkAzOverlap(ctx, config, zones);
  const groupIds = input.SecurityGroupIds?.length
    ? input.SecurityGroupIds
    : [defaultSecurityGroup(ctx.state, vpc.VpcId)].filter((g): g is string => Boolean(g));
  if (groupIds.length > 5)
    throw ec2Error("SecurityGroupLimitExceeded", "An endpoint can have at most 5 security groups.");
  const groups = groupIds.map((groupId) => {
    const group = ctx.state.ec2.securityGroups[groupId];
    if (!group) throw ec2Error("InvalidGroup.NotFound", `The security group '${groupId}' does not exist`);
    if (group.VpcId !== vpc.VpcId) throw invalidParameter(`Security group ${groupId} is not in ${vpc.VpcId}.`);
    return { GroupId: group.GroupId, GroupName: group.GroupName };
  });

  // The EC2 model's enum (ipv4 | dualstack | ipv6); dualstack and ipv6 need IPv6 subnets, which the emulator does not model.
  const ipAddressType = input.IpAddressType ?? "ipv4";
  if (!IP_ADDRESS_TYPES.includes(ipAddressType)) {
    throw ec2Error(
      "InvalidParameterValue",
      `Value (${ipAddressType}) for parameter IpAddressType is invalid. Valid values: ${IP_ADDRESS_TYPES.join(", ")}.`,
    );
  }
  if (ipAddressType !== "ipv4") {
    throw invalidParameter(
      `IpAddressType ${ipAddressType} needs subnets with IPv6 CIDR blocks; the subnets of ${vpc.VpcId} have none.`,
    );
  }
  const id = ctx.ids.id("vpce");
  const record: VpcEndpointRecord = {
    VpcEndpointId: id,
    VpcEndpointType: type,
    VpcId: vpc.VpcId,
    State: "Pending",
    SubnetIds: subnetIds,
    Groups: groups,
    IpAddressType: ipAddressType,
    ...dnsOptionsFor(input.PrivateDnsEnabled ?? false, input.DnsOptions),
    PrivateDnsEnabled: input.PrivateDnsEnabled ?? false,
    RequesterManaged: false,
    NetworkInterfaceIds: [],
    DnsEntries: [],
    CreationTimestamp: ctx.nowIso,
    Tags: tagsFor(input.TagSpecifications, "vpc-endpoint"),
    OwnerId: ctx.accountId,
    ...(input.ServiceNetworkArn ? { ServiceNetworkArn: input.ServiceNetworkArn } : {}),
    ...(input.ResourceConfigurationArn ? { ResourceConfigurationArn: input.ResourceConfigurationArn } : {}),
  };
  checkPrivateDnsClash(ctx, record);
  vpcEndpointTable.put(ctx.state, id, record);
  for (const subnetId of subnetIds) {
    const eni = createManagedInterface(ctx, {
      subnetId,
      groupIds,
      description: `VPC Endpoint Interface ${id}`,
      interfaceType: "vpc_endpoint",
      attachedTo: id,
      requesterId: "vpc-lattice",
    });
    record.NetworkInterfaceIds.push(eni.NetworkInterfaceId);
  }
  if (config) {
    const reaId = ctx.ids.id("rea");
    ctx.state.lattice.resourceEndpointAssociations[reaId] = {
      id: reaId,
      arn: `arn:aws:vpc-lattice:${ctx.region}:${ctx.accountId}:resourceendpointassociation/${reaId}`,
      resourceConfigurationId: config.id,
      vpcEndpointId: id,
      vpcEndpointOwner: ctx.accountId,
      createdBy: ctx.accountId,
      createdAt: ctx.nowIso,
    };
  }
  linkEndpoint(ctx, record);
  ctx.lifecycle.scheduleCreate(ctx.state, "VpcEndpoint", id, "Available", ctx.now);
  // AWS answers the create before the interfaces and DNS names exist: no NetworkInterfaceIds, no DnsEntries yet.
  const { NetworkInterfaceIds: _enis, DnsEntries: _dns, ...response } = record;
  if (input.ClientToken) {
    record.clientToken = input.ClientToken;
    ctx.state.idempotency[`CreateVpcEndpoint:${input.ClientToken}`] = {
      fingerprint: fingerprint(input),
      resourceId: id,
      response,
    };
  }
  return { VpcEndpoint: response, ...(input.ClientToken ? { ClientToken: input.ClientToken } : {}) };
};

const endpointFilters = {
  "vpc-endpoint-id": (e: VpcEndpointRecord) => e.VpcEndpointId,
  "vpc-id": (e: VpcEndpointRecord) => e.VpcId,
  "vpc-endpoint-state": (e: VpcEndpointRecord) => e.State.toLowerCase(),
  "vpc-endpoint-type": (e: VpcEndpointRecord) => e.VpcEndpointType,
  "service-name": (e: VpcEndpointRecord) => e.ServiceName,
  "ip-address-type": (e: VpcEndpointRecord) => e.IpAddressType,
};

const VPCE_ID = /^vpce-[0-9a-f]{8}([0-9a-f]{9})?$/;

const describeVpcEndpoints: Handler = (input: DescribeVpcEndpointsRequest, ctx) => {
  const e = ctx.state.ec2;
  let all = Object.values(e.vpcEndpoints);
  if (input.VpcEndpointIds?.length) {
    for (const id of input.VpcEndpointIds) {
      if (!VPCE_ID.test(id))
        throw ec2Error("InvalidVpcEndpointId.Malformed", `The Vpc Endpoint Id '${id}' is malformed`);
    }
    const missing = input.VpcEndpointIds.filter((id) => !e.vpcEndpoints[id]);
    if (missing.length > 0)
      throw ec2Error("InvalidVpcEndpointId.NotFound", `The Vpc Endpoint Id '${missing.join(", ")}' does not exist`);
    all = input.VpcEndpointIds.map((id) => e.vpcEndpoints[id]!);
  }
  const filtered = applyFilters(all, input.Filters, endpointFilters, (x) => x.Tags);
  const page = ec2Page(
    ctx,
    filtered,
    { ...input, MaxResults: input.MaxResults && Math.min(input.MaxResults, 1000) },
    "endpoints",
    { min: 1, max: 1000 },
  );
  return { VpcEndpoints: page.items.map((x) => endpointView(ctx, x)), NextToken: page.nextToken };
};

const deleteVpcEndpoints: Handler = (input: DeleteVpcEndpointsRequest, ctx) => {
  const unsuccessful: Array<{ Error: { Code: string; Message: string }; ResourceId: string }> = [];
  for (const id of input.VpcEndpointIds ?? []) {
    const endpoint = ctx.state.ec2.vpcEndpoints[id];
    if (!endpoint) {
      unsuccessful.push({
        Error: { Code: "InvalidVpcEndpoint.NotFound", Message: `The Vpc Endpoint Id '${id}' does not exist` },
        ResourceId: id,
      });
      continue;
    }
    if (endpoint.State === "Deleting") continue;
    endpoint.State = "Deleting";
    ctx.lifecycle.scheduleRemoval(ctx.state, "VpcEndpoint", id, ctx.now);
  }
  return { Unsuccessful: unsuccessful };
};

export function onVpcEndpointRemoved(state: RegionState, id: string): void {
  removeInterfacesOf(state, id);
  for (const rea of Object.values(state.lattice.resourceEndpointAssociations)) {
    if (rea.vpcEndpointId === id) delete state.lattice.resourceEndpointAssociations[rea.id];
  }
  for (const key of Object.keys(state.ec2.endpointAssociationRows)) {
    if (key.startsWith(`${id}|`)) delete state.ec2.endpointAssociationRows[key];
  }
}

const modifyVpcEndpoint: Handler = (input: ModifyVpcEndpointRequest, ctx) => {
  const endpoint = ctx.state.ec2.vpcEndpoints[input.VpcEndpointId!];
  if (!endpoint) throw ec2NotFound("InvalidVpcEndpointId.NotFound", input.VpcEndpointId!, "Vpc Endpoint");
  if (input.PrivateDnsEnabled !== undefined || input.DnsOptions) {
    const privateDnsEnabled = input.PrivateDnsEnabled ?? endpoint.PrivateDnsEnabled;
    const current = endpoint.DnsOptions;
    const merged = {
      ...(current?.DnsRecordIpType ? { DnsRecordIpType: current.DnsRecordIpType } : {}),
      ...(privateDnsEnabled && endpoint.PrivateDnsEnabled && current?.PrivateDnsPreference
        ? { PrivateDnsPreference: current.PrivateDnsPreference }
        : {}),
      ...(privateDnsEnabled && endpoint.PrivateDnsEnabled && current?.PrivateDnsSpecifiedDomains
        ? { PrivateDnsSpecifiedDomains: current.PrivateDnsSpecifiedDomains }
        : {}),
      ...(input.DnsOptions?.DnsRecordIpType ? { DnsRecordIpType: input.DnsOptions.DnsRecordIpType } : {}),
      ...(input.DnsOptions?.PrivateDnsPreference
        ? { PrivateDnsPreference: input.DnsOptions.PrivateDnsPreference }
        : {}),
      ...(input.DnsOptions?.PrivateDnsSpecifiedDomains
        ? { PrivateDnsSpecifiedDomains: input.DnsOptions.PrivateDnsSpecifiedDomains }
        : {}),
    };
    const { DnsOptions } = dnsOptionsFor(privateDnsEnabled, merged);
    const candidate = { ...endpoint, PrivateDnsEnabled: privateDnsEnabled };
    checkPrivateDnsClash(ctx, candidate);
    endpoint.PrivateDnsEnabled = privateDnsEnabled;
    if (DnsOptions) endpoint.DnsOptions = DnsOptions;
    else delete endpoint.DnsOptions;
  }
  for (const groupId of input.AddSecurityGroupIds ?? []) {
    const group = ctx.state.ec2.securityGroups[groupId];
    if (!group || group.VpcId !== endpoint.VpcId)
      throw ec2Error("InvalidGroup.NotFound", `The security group '${groupId}' does not exist in ${endpoint.VpcId}`);
    if (!endpoint.Groups.some((g) => g.GroupId === groupId))
      endpoint.Groups.push({ GroupId: groupId, GroupName: group.GroupName });
  }
  if (input.RemoveSecurityGroupIds?.length) {
    endpoint.Groups = endpoint.Groups.filter((g) => !input.RemoveSecurityGroupIds!.includes(g.GroupId));
  }
  for (const eni of interfacesByOwner.get(ctx.state, endpoint.VpcEndpointId))
    eni.Groups = endpoint.Groups.map((g) => ({ ...g }));
  return { Return: true };
};

const describeVpcEndpointAssociations: Handler = (input: DescribeVpcEndpointAssociationsRequest, ctx) => {
  const e = ctx.state.ec2;
  let endpoints = Object.values(e.vpcEndpoints).filter(
    (x) => LATTICE_TYPES.includes(x.VpcEndpointType) && x.State === "Available",
  );
  if (input.VpcEndpointIds?.length) {
    const missing = input.VpcEndpointIds.filter((id) => !e.vpcEndpoints[id]);
    if (missing.length > 0)
      throw ec2Error("InvalidVpcEndpointId.NotFound", `The Vpc Endpoint Id '${missing.join(", ")}' does not exist`);
    endpoints = endpoints.filter((x) => input.VpcEndpointIds!.includes(x.VpcEndpointId));
  }
  const rows = endpoints.flatMap((endpoint) => endpointAssociationRows(ctx, endpoint));
  const filtered = applyFilters(rows, input.Filters, {
    "vpc-endpoint-id": (r) => r.VpcEndpointId,
    "associated-resource-accessibility": (r) => r.AssociatedResourceAccessibility,
    "association-id": (r) => r.Id,
    "associated-resource-id": (r) => r.associatedResourceId,
    "service-network-arn": (r) => r.ServiceNetworkArn,
    "resource-configuration-group-arn": (r) => r.ResourceConfigurationGroupArn,
  });
  const page = ec2Page(ctx, filtered, input, "associations");
  return { VpcEndpointAssociations: page.items, NextToken: page.nextToken };
};

const describeNetworkInterfaces: Handler = (input: DescribeNetworkInterfacesRequest, ctx) => {
  const e = ctx.state.ec2;
  if (input.NetworkInterfaceIds?.length && input.MaxResults !== undefined) {
    throw ec2Error(
      "InvalidParameterCombination",
      "The parameter NetworkInterfaceIds cannot be used with the parameter MaxResults",
    );
  }
  let all = Object.values(e.networkInterfaces);
  if (input.NetworkInterfaceIds?.length) {
    const missing = input.NetworkInterfaceIds.filter((id) => !e.networkInterfaces[id]);
    if (missing.length > 0) throw ec2NotFound("InvalidNetworkInterfaceID.NotFound", missing[0]!, "network interface");
    all = input.NetworkInterfaceIds.map((id) => e.networkInterfaces[id]!);
  }
  const filtered = applyFilters(
    all,
    input.Filters,
    {
      "network-interface-id": (n) => n.NetworkInterfaceId,
      "vpc-id": (n) => n.VpcId,
      "subnet-id": (n) => n.SubnetId,
      "group-id": (n) => n.Groups.map((g) => g.GroupId),
      description: (n) => n.Description,
      "interface-type": (n) => n.InterfaceType,
      "private-ip-address": (n) => n.PrivateIpAddress,
      "addresses.private-ip-address": (n) => n.PrivateIpAddress,
      status: (n) => n.Status,
      "requester-managed": (n) => String(n.RequesterManaged),
      "requester-id": (n) => n.RequesterId,
      "availability-zone": (n) => n.AvailabilityZone,
      "owner-id": (n) => n.OwnerId,
    },
    (n) => n.TagSet,
  );
  const page = ec2Page(ctx, filtered, input, "enis");
  return {
    NetworkInterfaces: page.items.map((n) => ({
      ...n,
      PrivateIpAddresses: [{ PrivateIpAddress: n.PrivateIpAddress, Primary: true }],
    })),
    NextToken: page.nextToken,
  };
};

export const endpointHandlers: Record<string, Handler> = {
  CreateVpcEndpoint: createVpcEndpoint,
  DescribeVpcEndpoints: describeVpcEndpoints,
  DeleteVpcEndpoints: deleteVpcEndpoints,
  ModifyVpcEndpoint: modifyVpcEndpoint,
  DescribeVpcEndpointAssociations: describeVpcEndpointAssociations,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
};
