/**
 * The argument names each form may use, as their documentation lists them
 * (each table with its page). Only the tests read these: codify.test.ts checks
 * that every kind's calls, CLI, Terraform and CloudFormation use documented
 * names only, and all the required ones.
 */

export interface Documented {
  url: string;
  required: readonly string[];
  optional: readonly string[];
  /** Members of nested structures / blocks, by the name of the member that holds them. */
  nested?: Readonly<Record<string, readonly string[]>>;
}

/**
 * AWS API request members (the calls' `input`). CLI options and the JSON
 * values of structure options (--dns-options, --ip-permissions) use these too.
 */
export const API_MEMBERS = {
  CreateServiceNetworkVpcAssociation: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateServiceNetworkVpcAssociation.html",
    required: ["serviceNetworkIdentifier", "vpcIdentifier"],
    optional: ["clientToken", "dnsOptions", "privateDnsEnabled", "securityGroupIds", "tags"],
    nested: { dnsOptions: ["privateDnsPreference", "privateDnsSpecifiedDomains"] },
  },
  CreateServiceNetworkResourceAssociation: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateServiceNetworkResourceAssociation.html",
    required: ["resourceConfigurationIdentifier", "serviceNetworkIdentifier"],
    optional: ["clientToken", "privateDnsEnabled", "tags"],
  },
  UpdateServiceNetworkVpcAssociation: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_UpdateServiceNetworkVpcAssociation.html",
    required: ["serviceNetworkVpcAssociationIdentifier"],
    optional: ["dnsOptions", "privateDnsEnabled", "securityGroupIds"],
    nested: { dnsOptions: ["privateDnsPreference", "privateDnsSpecifiedDomains"] },
  },
  StartDomainVerification: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_StartDomainVerification.html",
    required: ["domainName"],
    optional: ["clientToken", "tags"],
  },
  CreateServiceNetworkServiceAssociation: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateServiceNetworkServiceAssociation.html",
    required: ["serviceIdentifier", "serviceNetworkIdentifier"],
    optional: ["clientToken", "tags"],
  },
  DeleteServiceNetworkVpcAssociation: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_DeleteServiceNetworkVpcAssociation.html",
    required: ["serviceNetworkVpcAssociationIdentifier"],
    optional: [],
  },
  DeleteServiceNetworkResourceAssociation: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_DeleteServiceNetworkResourceAssociation.html",
    required: ["serviceNetworkResourceAssociationIdentifier"],
    optional: [],
  },
  DeleteServiceNetworkServiceAssociation: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_DeleteServiceNetworkServiceAssociation.html",
    required: ["serviceNetworkServiceAssociationIdentifier"],
    optional: [],
  },
  CreateVpcEndpoint: {
    url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html",
    required: ["VpcId"],
    optional: [
      "ClientToken",
      "DnsOptions",
      "DryRun",
      "IpAddressType",
      "PolicyDocument",
      "PrivateDnsEnabled",
      "ResourceConfigurationArn",
      "RouteTableIds",
      "SecurityGroupIds",
      "ServiceName",
      "ServiceNetworkArn",
      "ServiceRegion",
      "SubnetConfigurations",
      "SubnetIds",
      "TagSpecifications",
      "VpcEndpointType",
    ],
    nested: {
      DnsOptions: [
        "DnsRecordIpType",
        "PrivateDnsOnlyForInboundResolverEndpoint",
        "PrivateDnsPreference",
        "PrivateDnsSpecifiedDomains",
      ],
    },
  },
  DeleteVpcEndpoints: {
    url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpcEndpoints.html",
    required: ["VpcEndpointIds"],
    optional: ["DryRun"],
  },
  AuthorizeSecurityGroupIngress: {
    url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupIngress.html",
    required: [],
    optional: [
      "CidrIp",
      "DryRun",
      "FromPort",
      "GroupId",
      "GroupName",
      "IpPermissions",
      "IpProtocol",
      "SourceSecurityGroupName",
      "SourceSecurityGroupOwnerId",
      "TagSpecifications",
      "ToPort",
    ],
    nested: {
      IpPermissions: [
        "FromPort",
        "IpProtocol",
        "IpRanges",
        "Ipv6Ranges",
        "PrefixListIds",
        "ToPort",
        "UserIdGroupPairs",
      ],
      IpRanges: ["CidrIp", "Description"],
      UserIdGroupPairs: [
        "Description",
        "GroupId",
        "GroupName",
        "PeeringStatus",
        "UserId",
        "VpcId",
        "VpcPeeringConnectionId",
      ],
    },
  },
} as const satisfies Record<string, Documented>;

export type Operation = keyof typeof API_MEMBERS;

/** Options every AWS CLI command takes (https://docs.aws.amazon.com/cli/latest/reference/ "Global Options"). */
export const CLI_GLOBAL_OPTIONS = ["--region", "--profile", "--output", "--endpoint-url", "--cli-input-json"] as const;

/**
 * AWS CLI v2 options per command. The CLI generates its options from the API
 * members (kebab-case; booleans also as --no-…). The stored CLI pages of the
 * three Lattice create commands predate privateDnsEnabled/dnsOptions; those
 * options follow the API reference of the same operation.
 */
export const CLI_OPTIONS = {
  "vpc-lattice create-service-network-vpc-association": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/create-service-network-vpc-association.html",
    required: ["--service-network-identifier", "--vpc-identifier"],
    optional: [
      "--client-token",
      "--security-group-ids",
      "--tags",
      "--private-dns-enabled",
      "--no-private-dns-enabled",
      "--dns-options",
    ],
  },
  "vpc-lattice create-service-network-resource-association": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/create-service-network-resource-association.html",
    required: ["--resource-configuration-identifier", "--service-network-identifier"],
    optional: ["--client-token", "--tags", "--private-dns-enabled", "--no-private-dns-enabled"],
  },
  "vpc-lattice update-service-network-vpc-association": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/update-service-network-vpc-association.html",
    required: ["--service-network-vpc-association-identifier"],
    optional: ["--security-group-ids", "--private-dns-enabled", "--no-private-dns-enabled", "--dns-options"],
  },
  "vpc-lattice start-domain-verification": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/start-domain-verification.html",
    required: ["--domain-name"],
    optional: ["--client-token", "--tags"],
  },
  "vpc-lattice create-service-network-service-association": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/create-service-network-service-association.html",
    required: ["--service-identifier", "--service-network-identifier"],
    optional: ["--client-token", "--tags"],
  },
  "vpc-lattice delete-service-network-vpc-association": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/delete-service-network-vpc-association.html",
    required: ["--service-network-vpc-association-identifier"],
    optional: [],
  },
  "vpc-lattice delete-service-network-resource-association": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/delete-service-network-resource-association.html",
    required: ["--service-network-resource-association-identifier"],
    optional: [],
  },
  "vpc-lattice delete-service-network-service-association": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/delete-service-network-service-association.html",
    required: ["--service-network-service-association-identifier"],
    optional: [],
  },
  "ec2 create-vpc-endpoint": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/ec2/create-vpc-endpoint.html",
    required: ["--vpc-id"],
    optional: [
      "--dry-run",
      "--no-dry-run",
      "--vpc-endpoint-type",
      "--service-name",
      "--policy-document",
      "--route-table-ids",
      "--subnet-ids",
      "--security-group-ids",
      "--ip-address-type",
      "--dns-options",
      "--client-token",
      "--private-dns-enabled",
      "--no-private-dns-enabled",
      "--tag-specifications",
      "--subnet-configurations",
      "--service-network-arn",
      "--resource-configuration-arn",
      "--service-region",
    ],
  },
  "ec2 delete-vpc-endpoints": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/ec2/delete-vpc-endpoints.html",
    required: ["--vpc-endpoint-ids"],
    optional: ["--dry-run", "--no-dry-run"],
  },
  "ec2 authorize-security-group-ingress": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/ec2/authorize-security-group-ingress.html",
    required: [],
    optional: [
      "--cidr-ip",
      "--from-port",
      "--group-id",
      "--group-name",
      "--ip-permissions",
      "--ip-protocol",
      "--source-security-group-name",
      "--source-security-group-owner-id",
      "--to-port",
      "--tag-specifications",
      "--dry-run",
      "--no-dry-run",
      "--protocol",
      "--port",
      "--cidr",
      "--source-group",
      "--group-owner",
    ],
  },
} as const satisfies Record<string, Documented>;

export type CliCommand = keyof typeof CLI_OPTIONS;

/**
 * Terraform AWS provider arguments (registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/<name>).
 * private_dns_enabled and dns_options on the VPC association need provider 6.27.0;
 * private_dns_enabled on the resource association and dns_options.private_dns_* on
 * aws_vpc_endpoint need 6.28.0 (provider CHANGELOG, #45619, #45673, #45679).
 */
export const TERRAFORM_ARGUMENTS = {
  aws_vpclattice_service_network_vpc_association: {
    url: "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpclattice_service_network_vpc_association",
    required: ["vpc_identifier", "service_network_identifier"],
    optional: ["region", "tags", "security_group_ids", "private_dns_enabled", "dns_options"],
    nested: { dns_options: ["private_dns_preference", "private_dns_specified_domains"] },
  },
  aws_vpclattice_service_network_resource_association: {
    url: "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpclattice_service_network_resource_association",
    required: ["resource_configuration_identifier", "service_network_identifier"],
    optional: ["region", "tags", "private_dns_enabled"],
  },
  aws_vpclattice_domain_verification: {
    url: "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpclattice_domain_verification",
    required: ["domain_name"],
    optional: ["region", "tags"],
  },
  aws_vpclattice_service_network_service_association: {
    url: "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpclattice_service_network_service_association",
    required: ["service_identifier", "service_network_identifier"],
    optional: ["region", "tags"],
  },
  // ("Exactly one of resource_configuration_arn, service_name or service_network_arn is required.")
  aws_vpc_endpoint: {
    url: "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_endpoint",
    required: ["vpc_id"],
    optional: [
      "region",
      "service_name",
      "resource_configuration_arn",
      "service_network_arn",
      "auto_accept",
      "policy",
      "private_dns_enabled",
      "dns_options",
      "ip_address_type",
      "route_table_ids",
      "subnet_configuration",
      "subnet_ids",
      "security_group_ids",
      "service_region",
      "tags",
      "vpc_endpoint_type",
    ],
    nested: {
      dns_options: [
        "dns_record_ip_type",
        "private_dns_only_for_inbound_resolver_endpoint",
        "private_dns_preference",
        "private_dns_specified_domains",
      ],
    },
  },
  aws_vpc_security_group_ingress_rule: {
    url: "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_security_group_ingress_rule",
    required: ["security_group_id", "ip_protocol"],
    optional: [
      "region",
      "cidr_ipv4",
      "cidr_ipv6",
      "description",
      "from_port",
      "prefix_list_id",
      "referenced_security_group_id",
      "tags",
      "to_port",
    ],
  },
} as const satisfies Record<string, Documented>;

export type TerraformResource = keyof typeof TERRAFORM_ARGUMENTS;

/** CloudFormation properties (docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/<page>). */
export const CLOUDFORMATION_PROPERTIES = {
  "AWS::VpcLattice::ServiceNetworkVpcAssociation": {
    url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetworkvpcassociation.html",
    required: [],
    optional: [
      "DnsOptions",
      "PrivateDnsEnabled",
      "SecurityGroupIds",
      "ServiceNetworkIdentifier",
      "Tags",
      "VpcIdentifier",
    ],
    nested: { DnsOptions: ["PrivateDnsPreference", "PrivateDnsSpecifiedDomains"] },
  },
  "AWS::VpcLattice::ServiceNetworkResourceAssociation": {
    url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetworkresourceassociation.html",
    required: [],
    optional: ["PrivateDnsEnabled", "ResourceConfigurationId", "ServiceNetworkId", "Tags"],
  },
  "AWS::VpcLattice::DomainVerification": {
    url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-domainverification.html",
    required: ["DomainName"],
    optional: ["Tags"],
  },
  "AWS::VpcLattice::ServiceNetworkServiceAssociation": {
    url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetworkserviceassociation.html",
    required: [],
    optional: ["DnsEntry", "ServiceIdentifier", "ServiceNetworkIdentifier", "Tags"],
  },
  "AWS::EC2::VPCEndpoint": {
    url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html",
    required: ["VpcId"],
    optional: [
      "DnsOptions",
      "IpAddressType",
      "PolicyDocument",
      "PrivateDnsEnabled",
      "ResourceConfigurationArn",
      "RouteTableIds",
      "SecurityGroupIds",
      "ServiceName",
      "ServiceNetworkArn",
      "ServiceRegion",
      "SubnetIds",
      "Tags",
      "VpcEndpointType",
    ],
    nested: {
      DnsOptions: [
        "DnsRecordIpType",
        "PrivateDnsOnlyForInboundResolverEndpoint",
        "PrivateDnsPreference",
        "PrivateDnsSpecifiedDomains",
      ],
    },
  },
  "AWS::EC2::SecurityGroupIngress": {
    url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroupingress.html",
    required: ["IpProtocol"],
    optional: [
      "CidrIp",
      "CidrIpv6",
      "Description",
      "FromPort",
      "GroupId",
      "GroupName",
      "SourcePrefixListId",
      "SourceSecurityGroupId",
      "SourceSecurityGroupName",
      "SourceSecurityGroupOwnerId",
      "ToPort",
    ],
  },
} as const satisfies Record<string, Documented>;

export type CloudFormationType = keyof typeof CLOUDFORMATION_PROPERTIES;
