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
  /** An AWS-managed prefix list of the Region, by the end of its name: "vpc-lattice", "ipv6.vpc-lattice". */
  awsPrefixList?: string;
  description?: string;
}

export interface SecurityGroupDocument {
  name: string;
  id?: string;
  description?: string;
  ingress?: RuleDocument[];
  egress?: RuleDocument[];
}

/** A network ACL of a VPC; its entries come before the catch-all deny (rule 32767). */
export interface NetworkAclDocument {
  name: string;
  subnets: string[];
  entries: Array<{
    rule: number;
    egress?: boolean;
    /** "tcp", "udp", "-1" (all) or a protocol number. */
    protocol?: string;
    port?: number;
    toPort?: number;
    cidr?: string;
    action: "allow" | "deny";
  }>;
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
  networkAcls?: NetworkAclDocument[];
}

/** A Lattice domain verification; with `txtRecord` the loader publishes its TXT record, so it verifies. */
export interface DomainVerificationDocument {
  domainName: string;
  txtRecord?: boolean;
  /** Set by the control switch instead (e.g. VERIFICATION_TIMED_OUT). */
  status?: "PENDING" | "VERIFIED" | "VERIFICATION_TIMED_OUT";
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
  ipv4AddressesPerEni?: number;
  /** A gateway an AWS service runs (serviceManaged): the service principal, e.g. "events.amazonaws.com". */
  managedBy?: string;
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
  /** The domain name of a domain verification of this document. */
  domainVerification?: string;
  /** A configuration an AWS service manages for the account (read-only to it). */
  amazonManaged?: boolean;
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
  targetGroup?: {
    name: string;
    id?: string;
    type: "LAMBDA" | "IP";
    vpc?: string;
    port?: number;
    protocol?: "HTTP" | "HTTPS" | "TCP";
    targets: string[];
  };
  listener?: { name: string; protocol: "HTTP" | "HTTPS" | "TLS_PASSTHROUGH"; port?: number };
}

export interface VpcAssociationDocument {
  id?: string;
  serviceNetwork: string;
  vpc: string;
  securityGroups?: string[];
  privateDnsEnabled?: boolean;
  privateDnsPreference?: string;
  privateDnsSpecifiedDomains?: string[];
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
  privateDnsPreference?: string;
  privateDnsSpecifiedDomains?: string[];
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
  domainVerifications?: DomainVerificationDocument[];
  resourceGateways?: ResourceGatewayDocument[];
  resourceConfigurations?: ResourceConfigurationDocument[];
  serviceNetworks?: ServiceNetworkDocument[];
  services?: ServiceDocument[];
  vpcAssociations?: VpcAssociationDocument[];
  resourceAssociations?: ResourceAssociationDocument[];
  serviceAssociations?: ServiceAssociationDocument[];
  endpoints?: EndpointDocument[];
}
