/**
 * An estate: the field report's topology split across the accounts a platform
 * team runs, in two Regions. A networking account owns the service networks
 * and shares them with the organization; a data account owns the Aurora
 * cluster, its resource gateway and configurations, shares them with the
 * networking account (which puts them in its network) and straight with the
 * first application account; three application accounts reach the database
 * one way each; one member has no read-only role; one is suspended. The hub
 * (the management account, the emulator's default account) assumes
 * `LatticeAtlasReadOnly` in each member with the external id below.
 * The README's "The estate scenario" section lists all of it.
 */
import type { EstateDocument } from "./estate-loader.js";
import type { ScenarioDocument, VpcDocument } from "./document.js";

export const ESTATE_ACCOUNTS = {
  hub: "111122223333",
  networking: "222233334444",
  data: "333344445555",
  appResourceEndpoint: "444455556666",
  appServiceNetworkEndpoint: "555566667777",
  appVpcAssociation: "666677778888",
  legacy: "777788889999",
  retired: "888899990000",
  /** Outside the organization: a partner the data account invited (the invitation stays PENDING). */
  partner: "999900001111",
} as const;

export const ESTATE_ROLE = "LatticeAtlasReadOnly";
export const ESTATE_EXTERNAL_ID = "lattice-atlas-estate";
export const ESTATE_REGIONS = ["ap-northeast-1", "us-east-1"] as const;

const A = ESTATE_ACCOUNTS;
const TOKYO = "ap-northeast-1";
const VIRGINIA = "us-east-1";

/** Identifiers fixed so that documentation and tests can name them. */
export const ESTATE_IDS = {
  platformNetwork: "sn-0e57a7e0000000001",
  netopsNetwork: "sn-0e57a7e0000000002",
  virginiaNetwork: "sn-0e57a7e0000000003",
  ordersDb: "rcfg-0da7a000000000001",
  ordersDbWriter: "rcfg-0da7a000000000002",
  ordersDbReader: "rcfg-0da7a000000000003",
  billingApi: "rcfg-0da7a000000000004",
  /** The networking account's association of the data account's Aurora configuration, then its writer and reader children. */
  ordersDbAssociation: "snra-0e57a7e0000000011",
  ordersDbWriterAssociation: "snra-0e57a7e0000000012",
  ordersDbReaderAssociation: "snra-0e57a7e0000000013",
  billingApiAssociation: "snra-0e57a7e0000000014",
  pattern1Endpoint: "vpce-0a1000000000000e1",
  pattern2Endpoint: "vpce-0a2000000000000e2",
  pattern3Association: "snva-0a300000000000003",
  legacyAssociation: "snva-0a400000000000004",
} as const;

const I = ESTATE_IDS;

function vpc(
  name: string,
  cidrPrefix: string,
  region: string,
  groups: VpcDocument["securityGroups"] = [],
): VpcDocument {
  return {
    name,
    cidr: `${cidrPrefix}.0.0/16`,
    role: "consumer",
    subnets: [
      { name: `${name}-a`, cidr: `${cidrPrefix}.0.0/20`, az: `${region}a` },
      { name: `${name}-c`, cidr: `${cidrPrefix}.16.0/20`, az: `${region}c` },
    ],
    securityGroups: groups,
  };
}

/** A consumer VPC with the client group and the group its Lattice entry point uses (5432 from the clients). */
function consumerVpc(name: string, cidrPrefix: string, region: string, entry: string): VpcDocument {
  return vpc(name, cidrPrefix, region, [
    { name: "clients-sg", description: "Application clients" },
    {
      name: entry,
      description: `Lattice entry of ${name}`,
      ingress: [{ port: 5432, fromGroup: `${name}/clients-sg`, description: "PostgreSQL from the clients" }],
    },
  ]);
}

const data: ScenarioDocument & { accountId: string } = {
  name: "estate-data",
  description: "Data account: Aurora PostgreSQL, its resource gateway and configurations.",
  accountId: A.data,
  region: TOKYO,
  rdsEndpointHash: "c0estate0001",
  vpcs: [
    {
      name: "data-vpc",
      cidr: "10.20.0.0/16",
      role: "provider",
      subnets: [
        { name: "data-private-a", cidr: "10.20.128.0/20", az: "ap-northeast-1a" },
        { name: "data-private-c", cidr: "10.20.144.0/20", az: "ap-northeast-1c" },
      ],
      securityGroups: [
        { name: "resource-gateway-sg", description: "Resource gateway ENIs" },
        {
          name: "aurora-sg",
          description: "Aurora PostgreSQL",
          ingress: [
            { port: 5432, fromGroup: "resource-gateway-sg", description: "PostgreSQL from the resource gateway" },
          ],
        },
      ],
    },
  ],
  aurora: [
    {
      id: "orders-aurora",
      port: 5432,
      vpc: "data-vpc",
      subnets: ["data-private-a", "data-private-c"],
      securityGroups: ["aurora-sg"],
      serverless: true,
      instances: [{ id: "orders-aurora-instance-1", ip: "10.20.130.10" }, { id: "orders-aurora-instance-2" }],
    },
  ],
  resourceGateways: [
    {
      name: "data-resource-gateway",
      vpc: "data-vpc",
      subnets: ["data-private-a", "data-private-c"],
      securityGroups: ["resource-gateway-sg"],
    },
  ],
  resourceConfigurations: [
    {
      name: "orders-db",
      id: I.ordersDb,
      type: "ARN",
      gateway: "data-resource-gateway",
      definition: { aurora: "orders-aurora" },
      childIds: [I.ordersDbWriter, I.ordersDbReader],
    },
    {
      name: "billing-api",
      id: I.billingApi,
      type: "SINGLE",
      gateway: "data-resource-gateway",
      portRanges: ["443"],
      definition: { dns: "billing.data.internal.example.com" },
    },
  ],
};

const networking: ScenarioDocument & { accountId: string } = {
  name: "estate-networking",
  description: "Networking account: the service networks, shared with the organization.",
  accountId: A.networking,
  region: TOKYO,
  vpcs: [
    vpc("netops-vpc", "10.10", TOKYO, [{ name: "lambda-sg", description: "Lambda target of the inventory service" }]),
  ],
  lambdas: [{ name: "inventory-fn", subnets: ["netops-vpc-a", "netops-vpc-c"], securityGroups: ["lambda-sg"] }],
  serviceNetworks: [
    { name: "platform-net", id: I.platformNetwork },
    { name: "netops-private", id: I.netopsNetwork, shareable: false },
  ],
  services: [
    {
      name: "inventory",
      targetGroup: { name: "inventory-targets", type: "LAMBDA", targets: ["inventory-fn"] },
      listener: { name: "https-443", protocol: "HTTPS", port: 443 },
    },
  ],
  resourceAssociations: [
    {
      serviceNetwork: "platform-net",
      resourceConfiguration: `@${A.data}/orders-db`,
      ids: [I.ordersDbAssociation, I.ordersDbWriterAssociation, I.ordersDbReaderAssociation],
    },
    { serviceNetwork: "platform-net", resourceConfiguration: `@${A.data}/billing-api`, ids: [I.billingApiAssociation] },
  ],
  serviceAssociations: [{ serviceNetwork: "platform-net", service: "inventory" }],
};

/** Pattern 1: a Resource endpoint to the configuration the data account shares straight with this account. */
const appResourceEndpoint: ScenarioDocument & { accountId: string } = {
  name: "estate-app-resource-endpoint",
  description: "Application account, pattern 1: Resource endpoint to the data account's Aurora configuration.",
  accountId: A.appResourceEndpoint,
  region: TOKYO,
  vpcs: [consumerVpc("app1-vpc", "10.31", TOKYO, "resource-endpoint-sg")],
  endpoints: [
    {
      name: "app1-orders-db-endpoint",
      id: I.pattern1Endpoint,
      type: "Resource",
      vpc: "app1-vpc",
      subnets: ["app1-vpc-a", "app1-vpc-c"],
      securityGroups: ["app1-vpc/resource-endpoint-sg"],
      resourceConfiguration: `@${A.data}/orders-db`,
      privateDnsEnabled: true,
    },
  ],
};

/** Pattern 2: a ServiceNetwork endpoint to the shared network. */
const appServiceNetworkEndpoint: ScenarioDocument & { accountId: string } = {
  name: "estate-app-sn-endpoint",
  description: "Application account, pattern 2: ServiceNetwork endpoint to the networking account's network.",
  accountId: A.appServiceNetworkEndpoint,
  region: TOKYO,
  vpcs: [consumerVpc("app2-vpc", "10.32", TOKYO, "sn-endpoint-sg")],
  endpoints: [
    {
      name: "app2-platform-endpoint",
      id: I.pattern2Endpoint,
      type: "ServiceNetwork",
      vpc: "app2-vpc",
      subnets: ["app2-vpc-a", "app2-vpc-c"],
      securityGroups: ["app2-vpc/sn-endpoint-sg"],
      serviceNetwork: `@${A.networking}/platform-net`,
      privateDnsEnabled: true,
    },
  ],
};

/** Pattern 3: the VPC associated with the shared network; its working name is the `snra-…` one. */
const appVpcAssociation: ScenarioDocument & { accountId: string } = {
  name: "estate-app-vpc-association",
  description: "Application account, pattern 3: service-network VPC association with the networking account's network.",
  accountId: A.appVpcAssociation,
  region: TOKYO,
  vpcs: [consumerVpc("app3-vpc", "10.33", TOKYO, "sn-association-sg")],
  vpcAssociations: [
    {
      id: I.pattern3Association,
      serviceNetwork: `@${A.networking}/platform-net`,
      vpc: "app3-vpc",
      securityGroups: ["app3-vpc/sn-association-sg"],
      privateDnsEnabled: false,
    },
  ],
};

/** A member whose read-only role was never deployed: its association shows up only in the networking account. */
const legacy: ScenarioDocument & { accountId: string } = {
  name: "estate-legacy",
  description: "Member account without the read-only role (assume-role denied).",
  accountId: A.legacy,
  region: TOKYO,
  vpcs: [consumerVpc("legacy-vpc", "10.40", TOKYO, "legacy-sg")],
  vpcAssociations: [
    {
      id: I.legacyAssociation,
      serviceNetwork: `@${A.networking}/platform-net`,
      vpc: "legacy-vpc",
      securityGroups: ["legacy-vpc/legacy-sg"],
    },
  ],
};

/** The second Region: a network and a service in us-east-1, used by the pattern-2 account. */
const networkingVirginia: ScenarioDocument & { accountId: string } = {
  name: "estate-networking-us-east-1",
  description: "Networking account in us-east-1: a network with a service, shared with the organization.",
  accountId: A.networking,
  region: VIRGINIA,
  vpcs: [vpc("edge-vpc", "10.110", VIRGINIA, [{ name: "lambda-sg", description: "Lambda target" }])],
  lambdas: [{ name: "status-fn", subnets: ["edge-vpc-a", "edge-vpc-c"], securityGroups: ["lambda-sg"] }],
  serviceNetworks: [{ name: "edge-net", id: I.virginiaNetwork }],
  services: [
    {
      name: "status",
      targetGroup: { name: "status-targets", type: "LAMBDA", targets: ["status-fn"] },
      listener: { name: "https-443", protocol: "HTTPS", port: 443 },
    },
  ],
  serviceAssociations: [{ serviceNetwork: "edge-net", service: "status" }],
};

const appVirginia: ScenarioDocument & { accountId: string } = {
  name: "estate-app-us-east-1",
  description: "The pattern-2 account in us-east-1: a VPC associated with the networking account's edge network.",
  accountId: A.appServiceNetworkEndpoint,
  region: VIRGINIA,
  vpcs: [consumerVpc("app2-east-vpc", "10.132", VIRGINIA, "edge-sg")],
  vpcAssociations: [
    { serviceNetwork: `@${A.networking}/edge-net`, vpc: "app2-east-vpc", securityGroups: ["app2-east-vpc/edge-sg"] },
  ],
};

export const estateScenario: EstateDocument = {
  name: "estate",
  description:
    "Eight accounts in two Regions: a networking account sharing its service networks with the organization, a data account with Aurora sharing its resource configurations, three application accounts (Resource endpoint, ServiceNetwork endpoint, VPC association), one member without the read-only role, one suspended, and the hub (management) account that assumes LatticeAtlasReadOnly in each.",
  organization: {
    managementAccountId: A.hub,
    managementAccountEmail: "aws-hub@example.com",
    ramSharingEnabled: true,
    accounts: [
      { id: A.hub, name: "hub" },
      { id: A.networking, name: "networking" },
      { id: A.data, name: "data" },
      { id: A.appResourceEndpoint, name: "app-orders" },
      { id: A.appServiceNetworkEndpoint, name: "app-payments" },
      { id: A.appVpcAssociation, name: "app-shipping" },
      { id: A.legacy, name: "legacy" },
      { id: A.retired, name: "retired", status: "SUSPENDED" },
    ],
  },
  roles: [A.networking, A.data, A.appResourceEndpoint, A.appServiceNetworkEndpoint, A.appVpcAssociation, A.retired].map(
    (accountId) => ({
      accountId,
      roleName: ESTATE_ROLE,
      trustedPrincipals: [`arn:aws:iam::${A.hub}:root`],
      externalId: ESTATE_EXTERNAL_ID,
    }),
  ),
  steps: [
    { part: data },
    {
      share: {
        accountId: A.data,
        region: TOKYO,
        name: "data-to-networking",
        resourceConfigurations: ["orders-db", "billing-api"],
        principals: [A.networking],
      },
    },
    {
      share: {
        accountId: A.data,
        region: TOKYO,
        name: "orders-db-direct",
        resourceConfigurations: ["orders-db"],
        principals: [A.appResourceEndpoint],
      },
    },
    {
      share: {
        accountId: A.data,
        region: TOKYO,
        name: "billing-partner",
        resourceConfigurations: ["billing-api"],
        principals: [A.partner],
      },
    },
    { part: networking },
    {
      share: {
        accountId: A.networking,
        region: TOKYO,
        name: "platform-networks",
        serviceNetworks: ["platform-net"],
        principals: ["organization"],
      },
    },
    { part: appResourceEndpoint },
    { part: appServiceNetworkEndpoint },
    { part: appVpcAssociation },
    { part: legacy },
    { part: networkingVirginia },
    {
      share: {
        accountId: A.networking,
        region: VIRGINIA,
        name: "edge-networks",
        serviceNetworks: ["edge-net"],
        principals: ["organization"],
      },
    },
    { part: appVirginia },
  ],
};
