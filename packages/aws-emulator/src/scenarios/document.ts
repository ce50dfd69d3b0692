/**
 * Scenarios are data: a document names the resources of one account/region and
 * how they connect (by name), with optional fixed ids. The loader creates them
 * through the same handlers the wire uses, so every invariant and every DNS
 * name is produced exactly as for an API caller.
 */
export interface RuleDocument {
  protocol?: string;
  port?: number;
  toPort?: number;
  /** A security group name of this document. */
  fromGroup?: string;
  cidr?: string;
  description?: string;
}

export interface SecurityGroupDocument {
  name: string;
  id?: string;
  description?: string;
  ingress?: RuleDocument[];
  egress?: RuleDocument[];
}

export interface SubnetDocument {
  name: string;
  id?: string;
  cidr: string;
  az: string;
}

export interface VpcDocument {
  name: string;
  id?: string;
  /** The Name tag, when it differs from the reference name. */
  label?: string;
  cidr: string;
  role?: "consumer" | "provider";
  subnets: SubnetDocument[];
  securityGroups?: SecurityGroupDocument[];
}

export interface AuroraDocument {
  id: string;
  engine?: string;
  engineVersion?: string;
  port?: number;
  vpc: string;
  subnets: string[];
  securityGroups: string[];
  serverless?: boolean;
  instances: Array<{ id: string; ip?: string }>;
}

export interface LambdaDocument {
  name: string;
  subnets?: string[];
  securityGroups?: string[];
}

export interface ResourceGatewayDocument {
  name: string;
  id?: string;
  vpc: string;
  subnets: string[];
  securityGroups: string[];
  resourceConfigDnsResolution?: string;
}

export type DefinitionDocument = { dns: string } | { ip: string } | { aurora: string } | { cidrs: string[] };

export interface ResourceConfigurationDocument {
  name: string;
  id?: string;
  type: "SINGLE" | "GROUP" | "CHILD" | "ARN" | "CIDR";
  gateway?: string;
  group?: string;
  definition?: DefinitionDocument;
  portRanges?: string[];
  customDomainName?: string;
  groupDomain?: string;
  /** For ARN configurations: ids of the managed writer and reader children. */
  childIds?: string[];
}

export interface ServiceNetworkDocument {
  name: string;
  id?: string;
  authType?: "NONE" | "AWS_IAM";
  authPolicy?: Record<string, unknown>;
  /** `sharingConfig.enabled` (default true: shareable through RAM). */
  shareable?: boolean;
}

export interface ServiceDocument {
  name: string;
  id?: string;
  authType?: "NONE" | "AWS_IAM";
  customDomainName?: string;
  targetGroup?: { name: string; id?: string; type: "LAMBDA" | "IP"; vpc?: string; port?: number; targets: string[] };
  listener?: { name: string; protocol: "HTTP" | "HTTPS"; port?: number };
}

export interface VpcAssociationDocument {
  id?: string;
  serviceNetwork: string;
  vpc: string;
  securityGroups?: string[];
  privateDnsEnabled?: boolean;
  privateDnsPreference?: string;
}

export interface ResourceAssociationDocument {
  /** Parent association id, then the managed child associations in child order. */
  ids?: string[];
  serviceNetwork: string;
  resourceConfiguration: string;
  privateDnsEnabled?: boolean;
}

export interface ServiceAssociationDocument {
  id?: string;
  serviceNetwork: string;
  service: string;
}

export interface EndpointDocument {
  name: string;
  id?: string;
  type: "Resource" | "ServiceNetwork";
  vpc: string;
  subnets: string[];
  securityGroups: string[];
  resourceConfiguration?: string;
  serviceNetwork?: string;
  privateDnsEnabled?: boolean;
}

export interface ScenarioDocument {
  name: string;
  description: string;
  region: string;
  accountId?: string;
  rdsEndpointHash?: string;
  vpcs: VpcDocument[];
  aurora?: AuroraDocument[];
  lambdas?: LambdaDocument[];
  resourceGateways?: ResourceGatewayDocument[];
  resourceConfigurations?: ResourceConfigurationDocument[];
  serviceNetworks?: ServiceNetworkDocument[];
  services?: ServiceDocument[];
  vpcAssociations?: VpcAssociationDocument[];
  resourceAssociations?: ResourceAssociationDocument[];
  serviceAssociations?: ServiceAssociationDocument[];
  endpoints?: EndpointDocument[];
}
