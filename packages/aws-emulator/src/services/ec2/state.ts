/** EC2 records, stored in the SDK's field names (PascalCase) so they encode directly. */
export interface Tag {
  Key: string;
  Value: string;
}

export interface VpcRecord {
  VpcId: string;
  CidrBlock: string;
  State: string;
  OwnerId: string;
  IsDefault: boolean;
  InstanceTenancy: string;
  DhcpOptionsId: string;
  CidrBlockAssociationSet: Array<{ AssociationId: string; CidrBlock: string; CidrBlockState: { State: string } }>;
  Tags: Tag[];
  /** DescribeVpcAttribute values (not part of the Vpc shape); absent = AWS's defaults for a non-default VPC. */
  attributes?: { enableDnsSupport?: boolean; enableDnsHostnames?: boolean; enableNetworkAddressUsageMetrics?: boolean };
}

export interface SubnetRecord {
  SubnetId: string;
  SubnetArn: string;
  VpcId: string;
  CidrBlock: string;
  AvailabilityZone: string;
  AvailabilityZoneId: string;
  AvailableIpAddressCount: number;
  State: string;
  OwnerId: string;
  DefaultForAz: boolean;
  MapPublicIpOnLaunch: boolean;
  Tags: Tag[];
}

export interface SecurityGroupRecord {
  GroupId: string;
  GroupName: string;
  Description: string;
  VpcId: string;
  OwnerId: string;
  SecurityGroupArn: string;
  Tags: Tag[];
}

export interface SecurityGroupRuleRecord {
  SecurityGroupRuleId: string;
  SecurityGroupRuleArn: string;
  GroupId: string;
  GroupOwnerId: string;
  IsEgress: boolean;
  IpProtocol: string;
  FromPort: number;
  ToPort: number;
  CidrIpv4?: string;
  CidrIpv6?: string;
  PrefixListId?: string;
  ReferencedGroupInfo?: { GroupId: string; UserId: string };
  Description?: string;
  Tags: Tag[];
}

export interface NetworkInterfaceRecord {
  NetworkInterfaceId: string;
  SubnetId: string;
  VpcId: string;
  AvailabilityZone: string;
  PrivateIpAddress: string;
  Description: string;
  InterfaceType: string;
  Status: string;
  OwnerId: string;
  RequesterManaged: boolean;
  RequesterId?: string;
  Groups: Array<{ GroupId: string; GroupName: string }>;
  /** What created it (vpce-…, rgw-…, db instance, lambda): lets deletes cascade. */
  attachedTo?: string;
  TagSet: Tag[];
}

export interface DnsEntryRecord {
  DnsName: string;
  HostedZoneId?: string;
}

export interface VpcEndpointRecord {
  VpcEndpointId: string;
  VpcEndpointType: string;
  VpcId: string;
  State: string;
  SubnetIds: string[];
  Groups: Array<{ GroupId: string; GroupName: string }>;
  IpAddressType: string;
  DnsOptions?: { PrivateDnsPreference?: string; PrivateDnsSpecifiedDomains?: string[]; DnsRecordIpType?: string };
  PrivateDnsEnabled: boolean;
  RequesterManaged: boolean;
  NetworkInterfaceIds: string[];
  DnsEntries: DnsEntryRecord[];
  CreationTimestamp: string;
  Tags: Tag[];
  OwnerId: string;
  ServiceNetworkArn?: string;
  ResourceConfigurationArn?: string;
  ServiceName?: string;
  clientToken?: string;
}

export interface RouteRecord {
  DestinationCidrBlock?: string;
  DestinationIpv6CidrBlock?: string;
  DestinationPrefixListId?: string;
  GatewayId?: string;
  NatGatewayId?: string;
  TransitGatewayId?: string;
  VpcPeeringConnectionId?: string;
  NetworkInterfaceId?: string;
  InstanceId?: string;
  EgressOnlyInternetGatewayId?: string;
  LocalGatewayId?: string;
  CarrierGatewayId?: string;
  CoreNetworkArn?: string;
  VpcEndpointId?: string;
  Origin: string;
  State: string;
}

export interface RouteTableAssociationRecord {
  Main: boolean;
  RouteTableAssociationId: string;
  RouteTableId: string;
  SubnetId?: string;
  AssociationState: { State: string };
}

export interface RouteTableRecord {
  RouteTableId: string;
  VpcId: string;
  OwnerId: string;
  Routes: RouteRecord[];
  Associations: RouteTableAssociationRecord[];
  PropagatingVgws: Array<{ GatewayId: string }>;
  Tags: Tag[];
}

export interface NetworkAclEntryRecord {
  RuleNumber: number;
  Protocol: string;
  RuleAction: string;
  Egress: boolean;
  CidrBlock?: string;
  Ipv6CidrBlock?: string;
  PortRange?: { From: number; To: number };
  IcmpTypeCode?: { Code: number; Type: number };
}

export interface NetworkAclRecord {
  NetworkAclId: string;
  VpcId: string;
  OwnerId: string;
  IsDefault: boolean;
  Entries: NetworkAclEntryRecord[];
  Associations: Array<{ NetworkAclAssociationId: string; NetworkAclId: string; SubnetId: string }>;
  Tags: Tag[];
}

/** A customer-managed prefix list (AWS-managed ones are derived per Region, not stored). */
export interface ManagedPrefixListRecord {
  PrefixListId: string;
  PrefixListName: string;
  PrefixListArn: string;
  AddressFamily: string;
  State: string;
  MaxEntries: number;
  Version: number;
  OwnerId: string;
  Tags: Tag[];
  entries: Array<{ Cidr: string; Description?: string }>;
}

export interface Ec2State {
  vpcs: Record<string, VpcRecord>;
  subnets: Record<string, SubnetRecord>;
  securityGroups: Record<string, SecurityGroupRecord>;
  securityGroupRules: Record<string, SecurityGroupRuleRecord>;
  networkInterfaces: Record<string, NetworkInterfaceRecord>;
  vpcEndpoints: Record<string, VpcEndpointRecord>;
  /**
   * Stable ids and DNS names of the derived VpcEndpointAssociation rows, keyed by
   * `vpce|source` where source is the rcfg/SNRA/SNSA the row stands for.
   */
  endpointAssociationRows: Record<string, { id: string; snraId?: string; hostedZoneId: string }>;
  routeTables: Record<string, RouteTableRecord>;
  networkAcls: Record<string, NetworkAclRecord>;
  managedPrefixLists: Record<string, ManagedPrefixListRecord>;
}

export function emptyEc2State(): Ec2State {
  return {
    vpcs: {},
    subnets: {},
    securityGroups: {},
    securityGroupRules: {},
    networkInterfaces: {},
    vpcEndpoints: {},
    endpointAssociationRows: {},
    routeTables: {},
    networkAcls: {},
    managedPrefixLists: {},
  };
}
