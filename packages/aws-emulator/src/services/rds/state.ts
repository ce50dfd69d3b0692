/** RDS records, in the SDK's field names. */
export interface DbSubnetGroupRecord {
  DBSubnetGroupName: string;
  DBSubnetGroupDescription: string;
  DBSubnetGroupArn: string;
  VpcId: string;
  SubnetGroupStatus: string;
  TagList?: Array<{ Key: string; Value: string }>;
  Subnets: Array<{ SubnetIdentifier: string; SubnetAvailabilityZone: { Name: string }; SubnetStatus: string }>;
}

export interface DbClusterRecord {
  DBClusterIdentifier: string;
  DBClusterArn: string;
  DbClusterResourceId: string;
  Engine: string;
  EngineVersion: string;
  EngineMode: string;
  Status: string;
  Endpoint: string;
  ReaderEndpoint: string;
  Port: number;
  HostedZoneId: string;
  DBSubnetGroup: string;
  VpcSecurityGroupIds: string[];
  AvailabilityZones: string[];
  MultiAZ: boolean;
  PubliclyAccessible: boolean;
  IAMDatabaseAuthenticationEnabled: boolean;
  StorageEncrypted: boolean;
  DatabaseName?: string;
  MasterUsername?: string;
  ClusterCreateTime: string;
  ServerlessV2ScalingConfiguration?: { MinCapacity: number; MaxCapacity: number };
  /** The `cluster-<hash>` label shared by its endpoint names. */
  endpointHash: string;
  TagList: Array<{ Key: string; Value: string }>;
}

export interface DbInstanceRecord {
  DBInstanceIdentifier: string;
  DBInstanceArn: string;
  DbiResourceId: string;
  DBClusterIdentifier?: string;
  DBInstanceClass: string;
  Engine: string;
  EngineVersion: string;
  DBInstanceStatus: string;
  AvailabilityZone: string;
  DBSubnetGroupName: string;
  VpcSecurityGroupIds: string[];
  PubliclyAccessible: boolean;
  PromotionTier: number;
  AutoMinorVersionUpgrade: boolean;
  Port: number;
  InstanceCreateTime: string;
  /** The address its endpoint resolves to (RDS does not expose it; the DNS resolver uses it). */
  privateIpAddress: string;
  TagList: Array<{ Key: string; Value: string }>;
}

export interface RdsState {
  /** The `cluster-<hash>` label RDS uses for every endpoint of an account in a region. */
  endpointHash?: string;
  subnetGroups: Record<string, DbSubnetGroupRecord>;
  clusters: Record<string, DbClusterRecord>;
  instances: Record<string, DbInstanceRecord>;
}

export function emptyRdsState(): RdsState {
  return { subnetGroups: {}, clusters: {}, instances: {} };
}
