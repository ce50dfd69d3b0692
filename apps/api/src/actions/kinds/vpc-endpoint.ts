/**
 * The forms both endpoint kinds share: one EC2 CreateVpcEndpoint (type
 * Resource with a configuration ARN, or ServiceNetwork with a network ARN).
 */
import type { AwsCall, CreateResourceEndpointAction, CreateServiceNetworkEndpointAction } from "@lattice-atlas/shared";
import {
  cfnDnsOptions,
  cfnResource,
  cli,
  compact,
  ec2DnsOptions,
  hclDnsOptions,
  hclResource,
  json,
  logicalId,
  nonEmpty,
  tfName,
} from "../codify-writers.js";
import type { ResolvedAction } from "./kind.js";

type EndpointAction = CreateResourceEndpointAction | CreateServiceNetworkEndpointAction;

const isResource = (a: EndpointAction): a is CreateResourceEndpointAction => a.type === "create-resource-endpoint";

function input(a: EndpointAction, resolved: ResolvedAction, clientToken?: string): Record<string, unknown> {
  return compact({
    VpcEndpointType: isResource(a) ? "Resource" : "ServiceNetwork",
    VpcId: a.vpcId,
    ResourceConfigurationArn: isResource(a) ? resolved.resourceConfigurationArn : undefined,
    ServiceNetworkArn: isResource(a) ? undefined : resolved.serviceNetworkArn,
    SubnetIds: a.subnetIds,
    SecurityGroupIds: nonEmpty(a.securityGroupIds),
    PrivateDnsEnabled: a.privateDnsEnabled,
    DnsOptions: ec2DnsOptions(a.dnsOptions),
    ClientToken: clientToken,
  });
}

export const endpointForms = {
  calls: (a: EndpointAction, resolved: ResolvedAction, clientToken?: string): AwsCall[] => [
    { service: "ec2", operation: "CreateVpcEndpoint", input: input(a, resolved, clientToken) },
  ],

  cli(a: EndpointAction, resolved: ResolvedAction, clientToken?: string): string {
    const i = input(a, resolved, clientToken) as Record<string, never>;
    return cli(
      "ec2 create-vpc-endpoint",
      [
        ["--vpc-endpoint-type", i.VpcEndpointType],
        ["--vpc-id", a.vpcId],
        ["--resource-configuration-arn", i.ResourceConfigurationArn],
        ["--service-network-arn", i.ServiceNetworkArn],
        ["--subnet-ids", a.subnetIds],
        ["--security-group-ids", nonEmpty(a.securityGroupIds)],
        ["--private-dns-enabled", a.privateDnsEnabled],
        ["--dns-options", i.DnsOptions ? json(i.DnsOptions) : undefined],
        ["--client-token", clientToken],
      ],
      resolved.region,
    );
  },

  terraform(a: EndpointAction, resolved: ResolvedAction): string {
    const i = input(a, resolved) as Record<string, never>;
    return hclResource(
      "aws_vpc_endpoint",
      tfName(a.vpcId, isResource(a) ? "resource_endpoint" : "service_network_endpoint"),
      [
        ["vpc_id", a.vpcId],
        ["vpc_endpoint_type", i.VpcEndpointType],
        ["resource_configuration_arn", i.ResourceConfigurationArn],
        ["service_network_arn", i.ServiceNetworkArn],
        ["subnet_ids", a.subnetIds],
        ["security_group_ids", nonEmpty(a.securityGroupIds)],
        ["private_dns_enabled", a.privateDnsEnabled],
      ],
      hclDnsOptions(a.dnsOptions),
      a.dnsOptions
        ? "dns_options.private_dns_preference and private_dns_specified_domains need hashicorp/aws >= 6.28.0."
        : undefined,
    );
  },

  cloudformation(a: EndpointAction, resolved: ResolvedAction): string {
    const i = input(a, resolved) as Record<string, never>;
    return cfnResource(
      logicalId(isResource(a) ? "ResourceEndpoint" : "ServiceNetworkEndpoint", a.vpcId),
      "AWS::EC2::VPCEndpoint",
      {
        VpcId: a.vpcId,
        VpcEndpointType: i.VpcEndpointType,
        ResourceConfigurationArn: i.ResourceConfigurationArn,
        ServiceNetworkArn: i.ServiceNetworkArn,
        SubnetIds: a.subnetIds,
        SecurityGroupIds: nonEmpty(a.securityGroupIds),
        PrivateDnsEnabled: a.privateDnsEnabled,
        DnsOptions: cfnDnsOptions(a.dnsOptions),
      },
    );
  },
};
