/**
 * Deep links into the AWS console for each node kind. VPC Lattice pages live
 * in the VPC console; associations open the page of their service network
 * (where the console lists them, as the field report describes).
 */
import type { GraphNode } from "@lattice-atlas/shared";

function consoleHost(region: string): string {
  if (region.startsWith("cn-")) return `https://${region}.console.amazonaws.cn`;
  if (region.startsWith("us-gov-")) return `https://${region}.console.amazonaws-us-gov.com`;
  return `https://${region}.console.aws.amazon.com`;
}

const enc = encodeURIComponent;

export function consoleLink(node: GraphNode, region: string): { url: string; page: string } | undefined {
  const host = consoleHost(region);
  const vpc = (fragment: string): string => `${host}/vpcconsole/home?region=${enc(region)}#${fragment}`;
  switch (node.kind) {
    case "vpc":
      return { url: vpc(`VpcDetails:VpcId=${enc(node.id)}`), page: "VPC" };
    case "securityGroup":
      return {
        url: `${host}/ec2/home?region=${enc(region)}#SecurityGroup:groupId=${enc(node.id)}`,
        page: "EC2 security group",
      };
    case "vpcEndpoint":
      return { url: vpc(`EndpointDetails:vpcEndpointId=${enc(node.id)}`), page: "VPC endpoint" };
    case "serviceNetwork":
      return { url: vpc(`ServiceNetwork:serviceNetworkArn=${enc(node.data.arn)}`), page: "Lattice service network" };
    case "vpcAssociation":
    case "resourceAssociation":
    case "serviceAssociation": {
      const networkArn = node.data.arn.replace(
        /:[a-z]+association\/.*$/,
        `:servicenetwork/${node.data.serviceNetworkId}`,
      );
      return {
        url: vpc(`ServiceNetwork:serviceNetworkArn=${enc(networkArn)}`),
        page: "Lattice service network (associations tab)",
      };
    }
    case "resourceGateway":
      return { url: vpc(`ResourceGateway:resourceGatewayArn=${enc(node.data.arn)}`), page: "Lattice resource gateway" };
    case "resourceConfiguration":
      return {
        url: vpc(`ResourceConfiguration:resourceConfigurationArn=${enc(node.data.arn)}`),
        page: "Lattice resource configuration",
      };
    case "service":
      return { url: vpc(`Service:serviceArn=${enc(node.data.arn)}`), page: "Lattice service" };
    case "targetGroup":
      return { url: vpc(`TargetGroup:targetGroupArn=${enc(node.data.arn)}`), page: "Lattice target group" };
    case "dbCluster":
      return {
        url: `${host}/rds/home?region=${enc(region)}#database:id=${enc(node.data.identifier)};is-cluster=true`,
        page: "RDS cluster",
      };
    case "dbEndpoint": {
      const identifier = node.data.clusterArn.split(":").pop() ?? node.data.clusterArn;
      return {
        url: `${host}/rds/home?region=${enc(region)}#database:id=${enc(identifier)};is-cluster=true;tab=connectivity`,
        page: "RDS cluster (connectivity)",
      };
    }
    case "target":
      if (node.data.functionName)
        return {
          url: `${host}/lambda/home?region=${enc(region)}#/functions/${enc(node.data.functionName)}`,
          page: "Lambda function",
        };
      if (node.data.targetId.startsWith("i-"))
        return {
          url: `${host}/ec2/home?region=${enc(region)}#InstanceDetails:instanceId=${enc(node.data.targetId)}`,
          page: "EC2 instance",
        };
      return undefined;
    case "resourceTarget":
      return undefined;
  }
}
