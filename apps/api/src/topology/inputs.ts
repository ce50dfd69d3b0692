/**
 * What discovery reads, normalised: plain records, no SDK types. The pure
 * builder turns these into the graph; fixture tests construct them directly.
 */
import type {
  AccessLogSubscription,
  DomainVerification,
  EndpointAssociationRow,
  NetworkAcl,
  PrefixList,
  RouteTable,
  SecurityGroupRule,
} from "@lattice-atlas/shared";

export type NetworkAclInput = NetworkAcl & { vpcId: string };
export type RouteTableInput = RouteTable & { vpcId: string };
/** An access log subscription and the network, service or configuration it logs (by id). */
export type AccessLogInput = AccessLogSubscription & { resourceId: string };

export interface VpcInput {
  vpcId: string;
  cidr: string;
  isDefault: boolean;
  tags: Record<string, string>;
}

export interface SubnetInput {
  subnetId: string;
  vpcId: string;
  cidr: string;
  availabilityZone: string;
  availabilityZoneId?: string;
  name?: string;
}

export interface SecurityGroupInput {
  groupId: string;
  groupName: string;
  description: string;
  vpcId: string;
  name?: string;
  ingress: SecurityGroupRule[];
  egress: SecurityGroupRule[];
}

export interface VpcEndpointInput {
  endpointId: string;
  endpointType: string;
  state: string;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  privateDnsEnabled: boolean;
  dnsOptions?: { privateDnsPreference?: string; privateDnsSpecifiedDomains?: string[] };
  resourceConfigurationArn?: string;
  serviceNetworkArn?: string;
  ipAddressType?: string;
  createdAt?: string;
  ownerId?: string;
  name?: string;
}

export type EndpointAssociationInput = EndpointAssociationRow & { endpointId: string };

export interface ServiceNetworkInput {
  id: string;
  arn: string;
  name: string;
  authType?: string;
  authPolicy: "present" | "absent" | "unknown";
  authPolicyText?: string;
  sharingEnabled?: boolean;
  associatedVpcs: number;
  associatedServices: number;
  associatedResourceConfigurations: number;
}

export interface VpcAssociationInput {
  id: string;
  arn: string;
  status: string;
  serviceNetworkId: string;
  vpcId: string;
  securityGroupIds: string[] | null;
  privateDnsEnabled: boolean;
  dnsOptions?: { privateDnsPreference?: string; privateDnsSpecifiedDomains?: string[] };
  failureCode?: string;
  failureMessage?: string;
  lastUpdatedAt?: string;
  /** The account that created it (the consumer, for a network shared through RAM). */
  createdBy?: string;
}

export interface ResourceAssociationInput {
  id: string;
  arn: string;
  status: string;
  serviceNetworkId: string;
  resourceConfigurationId: string;
  resourceConfigurationArn?: string;
  isManaged: boolean;
  privateDnsEnabled: boolean;
  dnsName?: string;
  hostedZoneId?: string;
  privateDnsName?: string;
  failureCode?: string;
}

export interface ServiceAssociationInput {
  id: string;
  arn: string;
  status: string;
  serviceNetworkId: string;
  serviceId: string;
  serviceArn?: string;
  dnsName?: string;
  customDomainName?: string;
}

/** ServiceNetwork endpoints as Lattice lists them (also those of other accounts). */
export interface NetworkEndpointInput {
  serviceNetworkId: string;
  vpcEndpointId: string;
  vpcId?: string;
  ownerId?: string;
  state?: string;
}

export interface ResourceGatewayInput {
  id: string;
  arn: string;
  name: string;
  status: string;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  ipAddressType?: string;
  dnsResolution?: string;
  ipv4AddressesPerEni?: number;
  serviceManaged?: boolean;
  managedBy?: string;
}

export type DefinitionInput = { kind: "dns" | "ip" | "arn" | "cidr"; values: string[] };

export interface ResourceConfigurationInput {
  id: string;
  arn: string;
  name: string;
  type: string;
  status: string;
  gatewayId?: string;
  groupId?: string;
  amazonManaged: boolean;
  customDomainName?: string;
  groupDomain?: string;
  domainVerificationId?: string;
  lastUpdatedAt?: string;
  /** From GetResourceConfiguration; undefined when it could not be read. */
  details?: {
    portRanges: string[];
    protocol?: string;
    definition?: DefinitionInput;
    domainVerificationId?: string;
    domainVerificationStatus?: string;
    allowAssociationToShareableServiceNetwork?: boolean;
    failureReason?: string;
  };
}

export interface ServiceInput {
  id: string;
  arn: string;
  name: string;
  status: string;
  dnsName?: string;
  customDomainName?: string;
  authType?: string;
  authPolicy: "present" | "absent" | "unknown";
  authPolicyText?: string;
  listeners: Array<{
    id: string;
    name: string;
    protocol: string;
    port: number;
    rules?: Array<{ name: string; priority?: number; isDefault: boolean }>;
  }>;
}

export interface TargetGroupInput {
  id: string;
  arn: string;
  name: string;
  type: string;
  status: string;
  port?: number;
  protocol?: string;
  vpcId?: string;
  serviceArns: string[];
  targets: Array<{ id: string; port?: number; status?: string; reasonCode?: string }>;
}

export interface DbClusterInput {
  arn: string;
  identifier: string;
  engine: string;
  engineVersion?: string;
  status: string;
  port: number;
  writerEndpoint?: string;
  readerEndpoint?: string;
  customEndpoints: string[];
  securityGroupIds: string[];
  publiclyAccessible: boolean;
  vpcId?: string;
}

export interface DbInstanceInput {
  identifier: string;
  arn: string;
  clusterIdentifier?: string;
  address?: string;
  port?: number;
  vpcId?: string;
  securityGroupIds: string[];
}

export interface LambdaFunctionInput {
  name: string;
  arn: string;
  vpcId?: string;
  subnetIds: string[];
  securityGroupIds: string[];
  state?: string;
}

export interface DiscoveryInputs {
  accountId: string;
  region: string;
  vpcs: VpcInput[];
  subnets: SubnetInput[];
  securityGroups: SecurityGroupInput[];
  vpcEndpoints: VpcEndpointInput[];
  endpointAssociations: EndpointAssociationInput[];
  serviceNetworks: ServiceNetworkInput[];
  vpcAssociations: VpcAssociationInput[];
  resourceAssociations: ResourceAssociationInput[];
  serviceAssociations: ServiceAssociationInput[];
  networkEndpoints: NetworkEndpointInput[];
  resourceGateways: ResourceGatewayInput[];
  resourceConfigurations: ResourceConfigurationInput[];
  services: ServiceInput[];
  targetGroups: TargetGroupInput[];
  dbClusters: DbClusterInput[];
  dbInstances: DbInstanceInput[];
  lambdaFunctions: LambdaFunctionInput[];
  networkAcls: NetworkAclInput[];
  routeTables: RouteTableInput[];
  prefixLists: PrefixList[];
  domainVerifications: DomainVerification[];
  accessLogs: AccessLogInput[];
}

export function emptyInputs(accountId: string, region: string): DiscoveryInputs {
  return {
    accountId,
    region,
    vpcs: [],
    subnets: [],
    securityGroups: [],
    vpcEndpoints: [],
    endpointAssociations: [],
    serviceNetworks: [],
    vpcAssociations: [],
    resourceAssociations: [],
    serviceAssociations: [],
    networkEndpoints: [],
    resourceGateways: [],
    resourceConfigurations: [],
    services: [],
    targetGroups: [],
    dbClusters: [],
    dbInstances: [],
    lambdaFunctions: [],
    networkAcls: [],
    routeTables: [],
    prefixLists: [],
    domainVerifications: [],
    accessLogs: [],
  };
}
