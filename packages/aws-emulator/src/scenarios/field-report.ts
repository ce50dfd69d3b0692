/**
 * The topology of docs/field-report.md (ap-northeast-1, September
 * 2025): an Aurora PostgreSQL cluster in a provider VPC reached through VPC
 * Lattice in all three ways, one consumer VPC per pattern, plus a Lattice
 * service with a Lambda target on the same service network. Identifiers and
 * DNS names that the report observed are fixed here; the rest are generated.
 */
import type { ScenarioDocument } from "./document.js";

const CLOUDSHELL_SG = "CloudShell SG";

/** One consumer VPC: the client's subnets, the CloudShell SG and the Lattice-facing SG. */
function consumerVpc(
  name: string,
  secondOctet: number,
  latticeSg: string,
  ports: number[],
): ScenarioDocument["vpcs"][number] {
  return {
    name,
    cidr: `10.${secondOctet}.0.0/16`,
    role: "consumer",
    subnets: [
      { name: `${name}-private-a`, cidr: `10.${secondOctet}.0.0/20`, az: "ap-northeast-1a" },
      { name: `${name}-private-c`, cidr: `10.${secondOctet}.16.0/20`, az: "ap-northeast-1c" },
    ],
    securityGroups: [
      { name: CLOUDSHELL_SG, description: "CloudShell VPC environment" },
      {
        name: latticeSg,
        description: `Lattice entry from ${name}`,
        ingress: ports.map((port) => ({
          port,
          fromGroup: `${name}/${CLOUDSHELL_SG}`,
          description: `TCP ${port} from CloudShell SG`,
        })),
      },
    ],
  };
}

export const fieldReportScenario: ScenarioDocument = {
  name: "field-report",
  description:
    "Aurora PostgreSQL in a provider VPC reached through a Resource endpoint, a ServiceNetwork endpoint and a service-network VPC association, plus a Lattice service with a Lambda target (docs/field-report.md).",
  region: "ap-northeast-1",
  accountId: "111122223333",
  rdsEndpointHash: "cne2k6gawkmf",
  vpcs: [
    {
      name: "provider-vpc",
      cidr: "10.0.0.0/16",
      role: "provider",
      subnets: [
        { name: "provider-private-a", cidr: "10.0.128.0/20", az: "ap-northeast-1a" },
        { name: "provider-private-c", cidr: "10.0.144.0/20", az: "ap-northeast-1c" },
      ],
      securityGroups: [
        { name: "resource-gateway-sg", description: "Resource gateway ENIs (no inbound rule needed)" },
        {
          name: "aurora-sg",
          description: "Aurora PostgreSQL",
          ingress: [
            { port: 5432, fromGroup: "resource-gateway-sg", description: "PostgreSQL from the resource gateway" },
          ],
        },
        { name: "lambda-sg", description: "Lambda target of the Lattice service" },
      ],
    },
    consumerVpc("consumer-resource-endpoint-vpc", 1, "resource-endpoint-sg", [5432]),
    consumerVpc("consumer-sn-endpoint-vpc", 2, "sn-endpoint-sg", [5432]),
    consumerVpc("consumer-sn-association-vpc", 3, "sn-association-sg", [5432, 443]),
  ],
  aurora: [
    {
      id: "zenn-aurora-serverless-dev",
      engine: "aurora-postgresql",
      engineVersion: "16.6",
      port: 5432,
      vpc: "provider-vpc",
      subnets: ["provider-private-a", "provider-private-c"],
      securityGroups: ["aurora-sg"],
      serverless: true,
      instances: [
        { id: "zenn-aurora-serverless-dev-instance-1", ip: "10.0.143.144" },
        { id: "zenn-aurora-serverless-dev-instance-2" },
      ],
    },
  ],
  lambdas: [
    {
      name: "zenn-vpc-lattice-function-dev",
      subnets: ["provider-private-a", "provider-private-c"],
      securityGroups: ["lambda-sg"],
    },
  ],
  resourceGateways: [
    {
      name: "zenn-resource-gateway-dev",
      vpc: "provider-vpc",
      subnets: ["provider-private-a", "provider-private-c"],
      securityGroups: ["resource-gateway-sg"],
    },
  ],
  resourceConfigurations: [
    {
      name: "zenn-aurora-rcfg-dev",
      id: "rcfg-0d3f5b7a9c1e2f486",
      type: "ARN",
      gateway: "zenn-resource-gateway-dev",
      definition: { aurora: "zenn-aurora-serverless-dev" },
      // The writer and reader children the report's DNS names carry.
      childIds: ["rcfg-01158845410b9f395", "rcfg-0ba7ebc5ff6368de5"],
    },
  ],
  serviceNetworks: [{ name: "zenn-service-network-dev" }],
  services: [
    {
      name: "zenn-vpc-lattice-service-dev",
      id: "svc-0a836c24f4bc2c8ea",
      targetGroup: { name: "zenn-lambda-target-group-dev", type: "LAMBDA", targets: ["zenn-vpc-lattice-function-dev"] },
      listener: { name: "https-443", protocol: "HTTPS", port: 443 },
    },
  ],
  resourceAssociations: [
    {
      serviceNetwork: "zenn-service-network-dev",
      resourceConfiguration: "zenn-aurora-rcfg-dev",
      // Parent, then the managed writer and reader associations the report observed.
      ids: ["snra-0e3b6d27c41f5a809", "snra-0258ae5ca1fffbb4a", "snra-0293fb8b823d3c65c"],
    },
  ],
  serviceAssociations: [{ serviceNetwork: "zenn-service-network-dev", service: "zenn-vpc-lattice-service-dev" }],
  vpcAssociations: [
    {
      serviceNetwork: "zenn-service-network-dev",
      vpc: "consumer-sn-association-vpc",
      securityGroups: ["consumer-sn-association-vpc/sn-association-sg"],
      privateDnsEnabled: false,
    },
  ],
  endpoints: [
    {
      name: "pattern-1-resource-endpoint",
      type: "Resource",
      vpc: "consumer-resource-endpoint-vpc",
      subnets: ["consumer-resource-endpoint-vpc-private-a", "consumer-resource-endpoint-vpc-private-c"],
      securityGroups: ["consumer-resource-endpoint-vpc/resource-endpoint-sg"],
      resourceConfiguration: "zenn-aurora-rcfg-dev",
      privateDnsEnabled: true,
    },
    {
      name: "pattern-2-service-network-endpoint",
      type: "ServiceNetwork",
      vpc: "consumer-sn-endpoint-vpc",
      subnets: ["consumer-sn-endpoint-vpc-private-a", "consumer-sn-endpoint-vpc-private-c"],
      securityGroups: ["consumer-sn-endpoint-vpc/sn-endpoint-sg"],
      serviceNetwork: "zenn-service-network-dev",
      privateDnsEnabled: true,
    },
  ],
};
