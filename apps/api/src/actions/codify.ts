/**
 * Codify: the same change four ways, before it is made. The AWS calls are
 * what execution sends (API member names, byte for byte); the AWS CLI
 * command, the Terraform resource block and the CloudFormation snippet use
 * only the argument names their documentation lists (tables below, each with
 * its page), so a user can make the change by hand or keep it as code.
 */
import type { Action, AwsCall } from "@lattice-atlas/shared";
import type { ResolvedAction } from "./preflight.js";

/* ------------------------- documented argument names ------------------------ */

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
  // https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateServiceNetworkVpcAssociation.html
  CreateServiceNetworkVpcAssociation: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateServiceNetworkVpcAssociation.html",
    required: ["serviceNetworkIdentifier", "vpcIdentifier"],
    optional: ["clientToken", "dnsOptions", "privateDnsEnabled", "securityGroupIds", "tags"],
    nested: { dnsOptions: ["privateDnsPreference", "privateDnsSpecifiedDomains"] },
  },
  // https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateServiceNetworkResourceAssociation.html
  CreateServiceNetworkResourceAssociation: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateServiceNetworkResourceAssociation.html",
    required: ["resourceConfigurationIdentifier", "serviceNetworkIdentifier"],
    optional: ["clientToken", "privateDnsEnabled", "tags"],
  },
  // https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateServiceNetworkServiceAssociation.html
  CreateServiceNetworkServiceAssociation: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_CreateServiceNetworkServiceAssociation.html",
    required: ["serviceIdentifier", "serviceNetworkIdentifier"],
    optional: ["clientToken", "tags"],
  },
  // https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_DeleteServiceNetworkVpcAssociation.html
  DeleteServiceNetworkVpcAssociation: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_DeleteServiceNetworkVpcAssociation.html",
    required: ["serviceNetworkVpcAssociationIdentifier"],
    optional: [],
  },
  // https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_DeleteServiceNetworkResourceAssociation.html
  DeleteServiceNetworkResourceAssociation: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_DeleteServiceNetworkResourceAssociation.html",
    required: ["serviceNetworkResourceAssociationIdentifier"],
    optional: [],
  },
  // https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_DeleteServiceNetworkServiceAssociation.html
  DeleteServiceNetworkServiceAssociation: {
    url: "https://docs.aws.amazon.com/vpc-lattice/latest/APIReference/API_DeleteServiceNetworkServiceAssociation.html",
    required: ["serviceNetworkServiceAssociationIdentifier"],
    optional: [],
  },
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateVpcEndpoint.html (+ DnsOptionsSpecification)
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
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpcEndpoints.html
  DeleteVpcEndpoints: {
    url: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DeleteVpcEndpoints.html",
    required: ["VpcEndpointIds"],
    optional: ["DryRun"],
  },
  // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_AuthorizeSecurityGroupIngress.html (+ IpPermission, IpRange, UserIdGroupPair)
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
  // https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/create-service-network-vpc-association.html
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
  // https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/create-service-network-resource-association.html
  "vpc-lattice create-service-network-resource-association": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/create-service-network-resource-association.html",
    required: ["--resource-configuration-identifier", "--service-network-identifier"],
    optional: ["--client-token", "--tags", "--private-dns-enabled", "--no-private-dns-enabled"],
  },
  // https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/create-service-network-service-association.html
  "vpc-lattice create-service-network-service-association": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/create-service-network-service-association.html",
    required: ["--service-identifier", "--service-network-identifier"],
    optional: ["--client-token", "--tags"],
  },
  // https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/delete-service-network-vpc-association.html
  "vpc-lattice delete-service-network-vpc-association": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/delete-service-network-vpc-association.html",
    required: ["--service-network-vpc-association-identifier"],
    optional: [],
  },
  // https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/delete-service-network-resource-association.html
  "vpc-lattice delete-service-network-resource-association": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/delete-service-network-resource-association.html",
    required: ["--service-network-resource-association-identifier"],
    optional: [],
  },
  // https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/delete-service-network-service-association.html
  "vpc-lattice delete-service-network-service-association": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/vpc-lattice/delete-service-network-service-association.html",
    required: ["--service-network-service-association-identifier"],
    optional: [],
  },
  // https://docs.aws.amazon.com/cli/latest/reference/ec2/create-vpc-endpoint.html
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
  // https://docs.aws.amazon.com/cli/latest/reference/ec2/delete-vpc-endpoints.html
  "ec2 delete-vpc-endpoints": {
    url: "https://docs.aws.amazon.com/cli/latest/reference/ec2/delete-vpc-endpoints.html",
    required: ["--vpc-endpoint-ids"],
    optional: ["--dry-run", "--no-dry-run"],
  },
  // https://docs.aws.amazon.com/cli/latest/reference/ec2/authorize-security-group-ingress.html
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
  // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpclattice_service_network_vpc_association
  aws_vpclattice_service_network_vpc_association: {
    url: "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpclattice_service_network_vpc_association",
    required: ["vpc_identifier", "service_network_identifier"],
    optional: ["region", "tags", "security_group_ids", "private_dns_enabled", "dns_options"],
    nested: { dns_options: ["private_dns_preference", "private_dns_specified_domains"] },
  },
  // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpclattice_service_network_resource_association
  aws_vpclattice_service_network_resource_association: {
    url: "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpclattice_service_network_resource_association",
    required: ["resource_configuration_identifier", "service_network_identifier"],
    optional: ["region", "tags", "private_dns_enabled"],
  },
  // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpclattice_service_network_service_association
  aws_vpclattice_service_network_service_association: {
    url: "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpclattice_service_network_service_association",
    required: ["service_identifier", "service_network_identifier"],
    optional: ["region", "tags"],
  },
  // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_endpoint
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
  // https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_security_group_ingress_rule
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
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetworkvpcassociation.html
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
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetworkresourceassociation.html
  "AWS::VpcLattice::ServiceNetworkResourceAssociation": {
    url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetworkresourceassociation.html",
    required: [],
    optional: ["PrivateDnsEnabled", "ResourceConfigurationId", "ServiceNetworkId", "Tags"],
  },
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetworkserviceassociation.html
  "AWS::VpcLattice::ServiceNetworkServiceAssociation": {
    url: "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-vpclattice-servicenetworkserviceassociation.html",
    required: [],
    optional: ["DnsEntry", "ServiceIdentifier", "ServiceNetworkIdentifier", "Tags"],
  },
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-vpcendpoint.html
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
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-securitygroupingress.html
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

/* --------------------------------- the calls -------------------------------- */

/** Drops undefined members, so an input names only what is sent. */
function compact<T extends Record<string, unknown>>(value: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

const latticeDnsOptions = (
  options: { privateDnsPreference?: string | undefined; privateDnsSpecifiedDomains?: string[] | undefined } | undefined,
) =>
  options
    ? compact({
        privateDnsPreference: options.privateDnsPreference,
        privateDnsSpecifiedDomains: options.privateDnsSpecifiedDomains,
      })
    : undefined;

const ec2DnsOptions = (
  options: { privateDnsPreference?: string | undefined; privateDnsSpecifiedDomains?: string[] | undefined } | undefined,
) =>
  options
    ? compact({
        PrivateDnsPreference: options.privateDnsPreference,
        PrivateDnsSpecifiedDomains: options.privateDnsSpecifiedDomains,
      })
    : undefined;

const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);

/** The AWS calls of an action, exactly as execution sends them; `clientToken` goes where the API takes one. */
export function awsCalls(resolved: ResolvedAction, clientToken?: string): AwsCall[] {
  const a = resolved.action;
  switch (a.type) {
    case "associate-vpc":
      return [
        {
          service: "vpc-lattice",
          operation: "CreateServiceNetworkVpcAssociation",
          input: compact({
            serviceNetworkIdentifier: resolved.serviceNetworkIdentifier,
            vpcIdentifier: a.vpcId,
            securityGroupIds: nonEmpty(a.securityGroupIds),
            privateDnsEnabled: a.privateDnsEnabled,
            dnsOptions: latticeDnsOptions(a.dnsOptions),
            clientToken,
          }),
        },
      ];
    case "associate-resource":
      return [
        {
          service: "vpc-lattice",
          operation: "CreateServiceNetworkResourceAssociation",
          input: compact({
            resourceConfigurationIdentifier: resolved.resourceConfigurationIdentifier,
            serviceNetworkIdentifier: resolved.serviceNetworkIdentifier,
            privateDnsEnabled: a.privateDnsEnabled,
            clientToken,
          }),
        },
      ];
    case "associate-service":
      return [
        {
          service: "vpc-lattice",
          operation: "CreateServiceNetworkServiceAssociation",
          input: compact({
            serviceIdentifier: resolved.serviceIdentifier,
            serviceNetworkIdentifier: resolved.serviceNetworkIdentifier,
            clientToken,
          }),
        },
      ];
    case "create-resource-endpoint":
    case "create-service-network-endpoint":
      return [
        {
          service: "ec2",
          operation: "CreateVpcEndpoint",
          input: compact({
            VpcEndpointType: a.type === "create-resource-endpoint" ? "Resource" : "ServiceNetwork",
            VpcId: a.vpcId,
            ResourceConfigurationArn:
              a.type === "create-resource-endpoint" ? resolved.resourceConfigurationArn : undefined,
            ServiceNetworkArn: a.type === "create-service-network-endpoint" ? resolved.serviceNetworkArn : undefined,
            SubnetIds: a.subnetIds,
            SecurityGroupIds: nonEmpty(a.securityGroupIds),
            PrivateDnsEnabled: a.privateDnsEnabled,
            DnsOptions: ec2DnsOptions(a.dnsOptions),
            ClientToken: clientToken,
          }),
        },
      ];
    case "remove-vpc-association":
      return [
        {
          service: "vpc-lattice",
          operation: "DeleteServiceNetworkVpcAssociation",
          input: { serviceNetworkVpcAssociationIdentifier: a.associationId },
        },
      ];
    case "remove-resource-association":
      return [
        {
          service: "vpc-lattice",
          operation: "DeleteServiceNetworkResourceAssociation",
          input: { serviceNetworkResourceAssociationIdentifier: a.associationId },
        },
      ];
    case "remove-service-association":
      return [
        {
          service: "vpc-lattice",
          operation: "DeleteServiceNetworkServiceAssociation",
          input: { serviceNetworkServiceAssociationIdentifier: a.associationId },
        },
      ];
    case "remove-endpoint":
      return [{ service: "ec2", operation: "DeleteVpcEndpoints", input: { VpcEndpointIds: [a.endpointId] } }];
    case "add-ingress-rule":
      return [
        {
          service: "ec2",
          operation: "AuthorizeSecurityGroupIngress",
          input: {
            GroupId: a.groupId,
            IpPermissions: [
              compact({
                IpProtocol: a.protocol,
                FromPort: a.port,
                ToPort: a.port,
                UserIdGroupPairs: a.sourceGroupId
                  ? [compact({ GroupId: a.sourceGroupId, Description: a.description })]
                  : undefined,
                IpRanges: a.cidr ? [compact({ CidrIp: a.cidr, Description: a.description })] : undefined,
              }),
            ],
          },
        },
      ];
  }
}

/** Which operations take a client token at AWS; the others rely on Atlas's record of executed tokens. */
export const TOKEN_MEMBER: Partial<Record<Operation, string>> = {
  CreateServiceNetworkVpcAssociation: "clientToken",
  CreateServiceNetworkResourceAssociation: "clientToken",
  CreateServiceNetworkServiceAssociation: "clientToken",
  CreateVpcEndpoint: "ClientToken",
};

export function idempotencyNote(action: Action): string {
  const [call] = awsCalls({ action, accountId: "", region: "", summary: "" });
  const member = call ? TOKEN_MEMBER[call.operation as Operation] : undefined;
  return member
    ? `${call!.operation} takes the request's client token as ${member}: a retry with the same token returns the same resource instead of creating a second. Atlas also records the token and answers a repeat from that record.`
    : `${call?.operation ?? "This call"} takes no client token at AWS: Atlas records each executed token with its result and answers a repeat from that record, without calling AWS again.`;
}

/* ----------------------------------- CLI ----------------------------------- */

const SAFE_SHELL = /^[A-Za-z0-9._:/=,@+%-]+$/;
export const shellQuote = (value: string): string =>
  SAFE_SHELL.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

function cli(
  command: CliCommand,
  options: Array<[string, string | string[] | boolean | undefined]>,
  region: string,
): string {
  const lines = [`aws ${command}`];
  for (const [flag, value] of options) {
    if (value === undefined) continue;
    if (value === true) lines.push(flag);
    else if (value === false) lines.push(`--no-${flag.replace(/^--/, "")}`);
    else if (Array.isArray(value)) lines.push(`${flag} ${value.map(shellQuote).join(" ")}`);
    else lines.push(`${flag} ${shellQuote(value)}`);
  }
  lines.push(`--region ${region}`);
  return lines.join(" \\\n  ");
}

const json = (value: unknown): string => JSON.stringify(value);

export function cliCommand(resolved: ResolvedAction, clientToken?: string): string {
  const [call] = awsCalls(resolved, clientToken);
  const input = call!.input as Record<string, never>;
  const a = resolved.action;
  const r = resolved.region;
  switch (a.type) {
    case "associate-vpc":
      return cli(
        "vpc-lattice create-service-network-vpc-association",
        [
          ["--service-network-identifier", input.serviceNetworkIdentifier],
          ["--vpc-identifier", a.vpcId],
          ["--security-group-ids", nonEmpty(a.securityGroupIds)],
          ["--private-dns-enabled", a.privateDnsEnabled],
          ["--dns-options", input.dnsOptions ? json(input.dnsOptions) : undefined],
          ["--client-token", clientToken],
        ],
        r,
      );
    case "associate-resource":
      return cli(
        "vpc-lattice create-service-network-resource-association",
        [
          ["--resource-configuration-identifier", input.resourceConfigurationIdentifier],
          ["--service-network-identifier", input.serviceNetworkIdentifier],
          ["--private-dns-enabled", a.privateDnsEnabled],
          ["--client-token", clientToken],
        ],
        r,
      );
    case "associate-service":
      return cli(
        "vpc-lattice create-service-network-service-association",
        [
          ["--service-identifier", input.serviceIdentifier],
          ["--service-network-identifier", input.serviceNetworkIdentifier],
          ["--client-token", clientToken],
        ],
        r,
      );
    case "create-resource-endpoint":
    case "create-service-network-endpoint":
      return cli(
        "ec2 create-vpc-endpoint",
        [
          ["--vpc-endpoint-type", input.VpcEndpointType],
          ["--vpc-id", a.vpcId],
          ["--resource-configuration-arn", input.ResourceConfigurationArn],
          ["--service-network-arn", input.ServiceNetworkArn],
          ["--subnet-ids", a.subnetIds],
          ["--security-group-ids", nonEmpty(a.securityGroupIds)],
          ["--private-dns-enabled", a.privateDnsEnabled],
          ["--dns-options", input.DnsOptions ? json(input.DnsOptions) : undefined],
          ["--client-token", clientToken],
        ],
        r,
      );
    case "remove-vpc-association":
      return cli(
        "vpc-lattice delete-service-network-vpc-association",
        [["--service-network-vpc-association-identifier", a.associationId]],
        r,
      );
    case "remove-resource-association":
      return cli(
        "vpc-lattice delete-service-network-resource-association",
        [["--service-network-resource-association-identifier", a.associationId]],
        r,
      );
    case "remove-service-association":
      return cli(
        "vpc-lattice delete-service-network-service-association",
        [["--service-network-service-association-identifier", a.associationId]],
        r,
      );
    case "remove-endpoint":
      return cli("ec2 delete-vpc-endpoints", [["--vpc-endpoint-ids", [a.endpointId]]], r);
    case "add-ingress-rule":
      return cli(
        "ec2 authorize-security-group-ingress",
        [
          ["--group-id", a.groupId],
          ["--ip-permissions", json(input.IpPermissions)],
        ],
        r,
      );
  }
}

/* -------------------------------- Terraform -------------------------------- */

const hclString = (value: string): string =>
  `"${value
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, () => "%%{")}"`;
const hclValue = (value: string | number | boolean | string[]): string =>
  Array.isArray(value)
    ? `[${value.map(hclString).join(", ")}]`
    : typeof value === "string"
      ? hclString(value)
      : String(value);

type HclAttributes = Array<[string, string | number | boolean | string[] | undefined]>;

/** Attributes aligned like `terraform fmt`. */
function hclBody(attributes: HclAttributes, indent: string): string[] {
  const present = attributes.filter(
    (entry): entry is [string, string | number | boolean | string[]] => entry[1] !== undefined,
  );
  const width = Math.max(0, ...present.map(([name]) => name.length));
  return present.map(([name, value]) => `${indent}${name.padEnd(width)} = ${hclValue(value)}`);
}

function hclResource(
  type: TerraformResource,
  name: string,
  attributes: HclAttributes,
  blocks: Array<[string, HclAttributes]> = [],
  note?: string,
): string {
  const lines = [...(note ? [`# ${note}`] : []), `resource "${type}" "${name}" {`, ...hclBody(attributes, "  ")];
  for (const [block, body] of blocks) {
    const inner = hclBody(body, "    ");
    if (inner.length === 0) continue;
    lines.push("", `  ${block} {`, ...inner, "  }");
  }
  lines.push("}");
  return lines.join("\n");
}

const tfName = (...parts: string[]): string =>
  parts
    .join("_")
    .replace(/[^A-Za-z0-9_-]/g, "_")
    .replace(/^([^A-Za-z_])/, "_$1");

function removalComment(kind: string, id: string, type: string): string {
  return [
    `# Removal of ${kind} ${id}: remove the resource block (${type}) that manages it, then run terraform plan and apply.`,
    `# (Not managed by Terraform? Nothing to remove in code: use the CLI command.)`,
  ].join("\n");
}

export function terraformBlock(resolved: ResolvedAction): string {
  const a = resolved.action;
  const [call] = awsCalls(resolved);
  const input = call!.input as Record<string, never>;
  switch (a.type) {
    case "associate-vpc":
      return hclResource(
        "aws_vpclattice_service_network_vpc_association",
        tfName(a.vpcId, "association"),
        [
          ["vpc_identifier", a.vpcId],
          ["service_network_identifier", input.serviceNetworkIdentifier],
          ["security_group_ids", nonEmpty(a.securityGroupIds)],
          ["private_dns_enabled", a.privateDnsEnabled],
        ],
        a.dnsOptions
          ? [
              [
                "dns_options",
                [
                  ["private_dns_preference", a.dnsOptions.privateDnsPreference],
                  ["private_dns_specified_domains", a.dnsOptions.privateDnsSpecifiedDomains],
                ],
              ],
            ]
          : [],
        a.privateDnsEnabled !== undefined || a.dnsOptions
          ? "private_dns_enabled and dns_options need hashicorp/aws >= 6.27.0."
          : undefined,
      );
    case "associate-resource":
      return hclResource(
        "aws_vpclattice_service_network_resource_association",
        tfName(idOfRef(a.resourceConfigurationId), "in", idOfRef(a.serviceNetworkId)),
        [
          ["resource_configuration_identifier", input.resourceConfigurationIdentifier],
          ["service_network_identifier", input.serviceNetworkIdentifier],
          ["private_dns_enabled", a.privateDnsEnabled],
        ],
        [],
        a.privateDnsEnabled !== undefined ? "private_dns_enabled needs hashicorp/aws >= 6.28.0." : undefined,
      );
    case "associate-service":
      return hclResource(
        "aws_vpclattice_service_network_service_association",
        tfName(idOfRef(a.serviceId), "in", idOfRef(a.serviceNetworkId)),
        [
          ["service_identifier", input.serviceIdentifier],
          ["service_network_identifier", input.serviceNetworkIdentifier],
        ],
      );
    case "create-resource-endpoint":
    case "create-service-network-endpoint":
      return hclResource(
        "aws_vpc_endpoint",
        tfName(a.vpcId, a.type === "create-resource-endpoint" ? "resource_endpoint" : "service_network_endpoint"),
        [
          ["vpc_id", a.vpcId],
          ["vpc_endpoint_type", input.VpcEndpointType],
          ["resource_configuration_arn", input.ResourceConfigurationArn],
          ["service_network_arn", input.ServiceNetworkArn],
          ["subnet_ids", a.subnetIds],
          ["security_group_ids", nonEmpty(a.securityGroupIds)],
          ["private_dns_enabled", a.privateDnsEnabled],
        ],
        a.dnsOptions
          ? [
              [
                "dns_options",
                [
                  ["private_dns_preference", a.dnsOptions.privateDnsPreference],
                  ["private_dns_specified_domains", a.dnsOptions.privateDnsSpecifiedDomains],
                ],
              ],
            ]
          : [],
        a.dnsOptions
          ? "dns_options.private_dns_preference and private_dns_specified_domains need hashicorp/aws >= 6.28.0."
          : undefined,
      );
    case "remove-vpc-association":
      return removalComment("VPC association", a.associationId, "aws_vpclattice_service_network_vpc_association");
    case "remove-resource-association":
      return removalComment(
        "resource association",
        a.associationId,
        "aws_vpclattice_service_network_resource_association",
      );
    case "remove-service-association":
      return removalComment(
        "service association",
        a.associationId,
        "aws_vpclattice_service_network_service_association",
      );
    case "remove-endpoint":
      return removalComment("VPC endpoint", a.endpointId, "aws_vpc_endpoint");
    case "add-ingress-rule":
      return hclResource("aws_vpc_security_group_ingress_rule", tfName(a.groupId, "tcp", String(a.port)), [
        ["security_group_id", a.groupId],
        ["ip_protocol", a.protocol],
        ["from_port", a.port],
        ["to_port", a.port],
        ["referenced_security_group_id", a.sourceGroupId],
        ["cidr_ipv4", a.cidr],
        ["description", a.description],
      ]);
  }
}

function idOfRef(reference: string): string {
  return reference.startsWith("arn:") ? (reference.split("/").pop() ?? reference) : reference;
}

/* ------------------------------ CloudFormation ----------------------------- */

const YAML_PLAIN = /^[A-Za-z0-9][A-Za-z0-9._/:-]*$/;
const YAML_RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
const yamlScalar = (value: string | number | boolean): string => {
  if (typeof value !== "string") return String(value);
  if (YAML_PLAIN.test(value) && !YAML_RESERVED.test(value) && !/^[\d.+-]+$/.test(value) && !value.includes(": "))
    return value;
  return `'${value.replace(/'/g, "''")}'`;
};

type YamlValue = string | number | boolean | string[] | YamlMap | undefined;
interface YamlMap {
  [key: string]: YamlValue;
}

function yamlLines(map: YamlMap, indent: string): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      lines.push(`${indent}${key}:`, ...value.map((item) => `${indent}  - ${yamlScalar(item)}`));
    } else if (typeof value === "object") {
      lines.push(`${indent}${key}:`, ...yamlLines(value, `${indent}  `));
    } else {
      lines.push(`${indent}${key}: ${yamlScalar(value)}`);
    }
  }
  return lines;
}

const logicalId = (...parts: string[]): string =>
  parts
    .join("-")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join("");

function cfnResource(name: string, type: CloudFormationType, properties: YamlMap): string {
  return ["Resources:", `  ${name}:`, `    Type: ${type}`, "    Properties:", ...yamlLines(properties, "      ")].join(
    "\n",
  );
}

function cfnRemoval(id: string, type: CloudFormationType): string {
  return [
    `# Removal of ${id}: delete the ${type} resource that declares it from its template, then update the stack.`,
    "# (Not managed by CloudFormation? Nothing to remove in a template: use the CLI command.)",
  ].join("\n");
}

export function cloudFormationSnippet(resolved: ResolvedAction): string {
  const a = resolved.action;
  const [call] = awsCalls(resolved);
  const input = call!.input as Record<string, never>;
  switch (a.type) {
    case "associate-vpc":
      return cfnResource(logicalId("VpcAssociation", a.vpcId), "AWS::VpcLattice::ServiceNetworkVpcAssociation", {
        ServiceNetworkIdentifier: input.serviceNetworkIdentifier,
        VpcIdentifier: a.vpcId,
        SecurityGroupIds: nonEmpty(a.securityGroupIds),
        PrivateDnsEnabled: a.privateDnsEnabled,
        DnsOptions: a.dnsOptions
          ? {
              PrivateDnsPreference: a.dnsOptions.privateDnsPreference,
              PrivateDnsSpecifiedDomains: a.dnsOptions.privateDnsSpecifiedDomains,
            }
          : undefined,
      });
    case "associate-resource":
      return cfnResource(
        logicalId("ResourceAssociation", idOfRef(a.resourceConfigurationId)),
        "AWS::VpcLattice::ServiceNetworkResourceAssociation",
        {
          ResourceConfigurationId: idOfRef(a.resourceConfigurationId),
          ServiceNetworkId: idOfRef(a.serviceNetworkId),
          PrivateDnsEnabled: a.privateDnsEnabled,
        },
      );
    case "associate-service":
      return cfnResource(
        logicalId("ServiceAssociation", idOfRef(a.serviceId)),
        "AWS::VpcLattice::ServiceNetworkServiceAssociation",
        {
          ServiceIdentifier: input.serviceIdentifier,
          ServiceNetworkIdentifier: input.serviceNetworkIdentifier,
        },
      );
    case "create-resource-endpoint":
    case "create-service-network-endpoint":
      return cfnResource(
        logicalId(a.type === "create-resource-endpoint" ? "ResourceEndpoint" : "ServiceNetworkEndpoint", a.vpcId),
        "AWS::EC2::VPCEndpoint",
        {
          VpcId: a.vpcId,
          VpcEndpointType: input.VpcEndpointType,
          ResourceConfigurationArn: input.ResourceConfigurationArn,
          ServiceNetworkArn: input.ServiceNetworkArn,
          SubnetIds: a.subnetIds,
          SecurityGroupIds: nonEmpty(a.securityGroupIds),
          PrivateDnsEnabled: a.privateDnsEnabled,
          DnsOptions: a.dnsOptions
            ? {
                PrivateDnsPreference: a.dnsOptions.privateDnsPreference,
                PrivateDnsSpecifiedDomains: a.dnsOptions.privateDnsSpecifiedDomains,
              }
            : undefined,
        },
      );
    case "remove-vpc-association":
      return cfnRemoval(a.associationId, "AWS::VpcLattice::ServiceNetworkVpcAssociation");
    case "remove-resource-association":
      return cfnRemoval(a.associationId, "AWS::VpcLattice::ServiceNetworkResourceAssociation");
    case "remove-service-association":
      return cfnRemoval(a.associationId, "AWS::VpcLattice::ServiceNetworkServiceAssociation");
    case "remove-endpoint":
      return cfnRemoval(a.endpointId, "AWS::EC2::VPCEndpoint");
    case "add-ingress-rule":
      return cfnResource(logicalId("Ingress", a.groupId, "Tcp", String(a.port)), "AWS::EC2::SecurityGroupIngress", {
        GroupId: a.groupId,
        IpProtocol: a.protocol,
        FromPort: a.port,
        ToPort: a.port,
        SourceSecurityGroupId: a.sourceGroupId,
        CidrIp: a.cidr,
        Description: a.description,
      });
  }
}

/** Everything a plan shows about how the change is made. */
export function codify(resolved: ResolvedAction, clientToken?: string) {
  return {
    calls: awsCalls(resolved, clientToken),
    cli: cliCommand(resolved, clientToken),
    terraform: terraformBlock(resolved),
    cloudformation: cloudFormationSnippet(resolved),
    idempotency: idempotencyNote(resolved.action),
  };
}
