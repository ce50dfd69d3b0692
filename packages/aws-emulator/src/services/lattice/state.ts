/** VPC Lattice records, stored in the API's own field names (camelCase). Timestamps are ISO strings. */
export interface DnsEntryRecord {
  domainName: string;
  hostedZoneId?: string;
}

export type ResourceConfigurationDefinitionRecord =
  | { dnsResource: { domainName: string; ipAddressType?: string } }
  | { ipResource: { ipAddress: string } }
  | { arnResource: { arn: string } }
  | { cidrResource: { cidrRanges: string[] } };

interface Timestamps {
  createdAt: string;
  lastUpdatedAt: string;
}

export interface ServiceNetworkRecord extends Timestamps {
  id: string;
  arn: string;
  name: string;
  authType: string;
  sharingConfig: { enabled: boolean };
}

export interface ServiceRecord extends Timestamps {
  id: string;
  arn: string;
  name: string;
  status: string;
  authType: string;
  dnsEntry: DnsEntryRecord;
  customDomainName?: string;
  certificateArn?: string;
  idleTimeoutSeconds?: number;
  failureCode?: string;
  failureMessage?: string;
}

export interface ListenerRecord extends Timestamps {
  id: string;
  arn: string;
  name: string;
  protocol: string;
  port: number;
  serviceId: string;
  serviceArn: string;
  defaultAction: Record<string, unknown>;
}

export interface RuleRecord extends Timestamps {
  id: string;
  arn: string;
  name: string;
  priority: number;
  listenerId: string;
  serviceId: string;
  match: Record<string, unknown>;
  action: Record<string, unknown>;
  isDefault: boolean;
}

export interface TargetRecord {
  id: string;
  port?: number;
  status: string;
  reasonCode?: string;
}

export interface TargetGroupRecord extends Timestamps {
  id: string;
  arn: string;
  name: string;
  type: string;
  status: string;
  config?: Record<string, unknown>;
  targets: TargetRecord[];
}

export interface ResourceGatewayRecord extends Timestamps {
  id: string;
  arn: string;
  name: string;
  status: string;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  ipAddressType: string;
  ipv4AddressesPerEni?: number;
  resourceConfigDnsResolution: string;
  /** For gateways an AWS service runs for its own configurations: the service principal (serviceManaged). */
  managedBy?: string;
}

export interface ResourceConfigurationRecord extends Timestamps {
  id: string;
  arn: string;
  name: string;
  type: string;
  status: string;
  resourceGatewayId?: string;
  resourceConfigurationGroupId?: string;
  portRanges: string[];
  protocol: string;
  resourceConfigurationDefinition?: ResourceConfigurationDefinitionRecord | undefined;
  allowAssociationToShareableServiceNetwork: boolean;
  amazonManaged: boolean;
  customDomainName?: string;
  groupDomain?: string;
  /** The domain verification (dv-…) the provider named for its custom or group domain. */
  domainVerificationId?: string;
  failureReason?: string;
  /** For the children of an ARN configuration: which cluster endpoint they stand for. */
  managedEndpointRole?: "writer" | "reader";
}

export interface ServiceNetworkVpcAssociationRecord extends Timestamps {
  id: string;
  arn: string;
  status: string;
  serviceNetworkId: string;
  vpcId: string;
  securityGroupIds: string[];
  privateDnsEnabled: boolean;
  dnsOptions?: { privateDnsPreference?: string; privateDnsSpecifiedDomains?: string[] } | undefined;
  createdBy: string;
  failureCode?: string;
  failureMessage?: string;
  /** Cross-account copies (services/lattice/sharing.ts): the account owning the network, on the VPC owner's copy. */
  serviceNetworkOwner?: string;
  /** … and the account owning the VPC, on the network owner's copy. */
  vpcOwner?: string;
}

export interface ServiceNetworkResourceAssociationRecord extends Timestamps {
  id: string;
  arn: string;
  status: string;
  serviceNetworkId: string;
  resourceConfigurationId: string;
  privateDnsEnabled: boolean;
  isManagedAssociation: boolean;
  /** The association of the GROUP/ARN parent that this managed child association belongs to. */
  parentAssociationId?: string;
  dnsEntry?: DnsEntryRecord;
  privateDnsEntry?: DnsEntryRecord;
  createdBy: string;
  failureCode?: string;
  failureReason?: string;
  /** Cross-account copies: the network's account (on the configuration owner's copy) … */
  serviceNetworkOwner?: string;
  /** … and the configuration's account (on the network owner's copy). */
  resourceConfigurationOwner?: string;
}

export interface ServiceNetworkServiceAssociationRecord extends Timestamps {
  id: string;
  arn: string;
  status: string;
  serviceNetworkId: string;
  serviceId: string;
  dnsEntry: DnsEntryRecord;
  customDomainName?: string;
  createdBy: string;
  failureCode?: string;
  failureMessage?: string;
  /** Cross-account copies: the network's account (on the service owner's copy) … */
  serviceNetworkOwner?: string;
  /** … and the service's account (on the network owner's copy). */
  serviceOwner?: string;
}

export interface ResourceEndpointAssociationRecord {
  id: string;
  arn: string;
  resourceConfigurationId: string;
  vpcEndpointId: string;
  vpcEndpointOwner: string;
  createdBy: string;
  createdAt: string;
}

export interface AccessLogSubscriptionRecord extends Timestamps {
  id: string;
  arn: string;
  /** sn-…, svc-… or rcfg-… */
  resourceId: string;
  resourceArn: string;
  destinationArn: string;
  /** Service networks only: which traffic the subscription logs (SERVICE or RESOURCE). */
  serviceNetworkLogType?: string;
}

export interface DomainVerificationRecord {
  id: string;
  arn: string;
  domainName: string;
  status: string;
  createdAt: string;
  txtMethodConfig: { name: string; value: string };
  lastVerifiedTime?: string;
}

export interface PolicyRecord extends Timestamps {
  policy: string;
}

export interface LatticeState {
  serviceNetworks: Record<string, ServiceNetworkRecord>;
  services: Record<string, ServiceRecord>;
  listeners: Record<string, ListenerRecord>;
  rules: Record<string, RuleRecord>;
  targetGroups: Record<string, TargetGroupRecord>;
  resourceGateways: Record<string, ResourceGatewayRecord>;
  resourceConfigurations: Record<string, ResourceConfigurationRecord>;
  vpcAssociations: Record<string, ServiceNetworkVpcAssociationRecord>;
  resourceAssociations: Record<string, ServiceNetworkResourceAssociationRecord>;
  serviceAssociations: Record<string, ServiceNetworkServiceAssociationRecord>;
  resourceEndpointAssociations: Record<string, ResourceEndpointAssociationRecord>;
  accessLogSubscriptions: Record<string, AccessLogSubscriptionRecord>;
  domainVerifications: Record<string, DomainVerificationRecord>;
  authPolicies: Record<string, PolicyRecord>;
  resourcePolicies: Record<string, PolicyRecord>;
  tags: Record<string, Record<string, string>>;
}

export function emptyLatticeState(): LatticeState {
  return {
    serviceNetworks: {},
    services: {},
    listeners: {},
    rules: {},
    targetGroups: {},
    resourceGateways: {},
    resourceConfigurations: {},
    vpcAssociations: {},
    resourceAssociations: {},
    serviceAssociations: {},
    resourceEndpointAssociations: {},
    accessLogSubscriptions: {},
    domainVerifications: {},
    authPolicies: {},
    resourcePolicies: {},
    tags: {},
  };
}
