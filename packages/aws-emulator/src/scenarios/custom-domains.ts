/**
 * Custom domain names as Lattice has them since late 2025: which hostname a
 * consumer uses depends on the provider's domain verification, on private DNS
 * of the association and on the consumer's private DNS preference. Every row
 * of those rules has something here:
 *
 * - domain verifications: example.com VERIFIED (its TXT record is published in
 *   the emulator's public DNS), unverified.example.org PENDING;
 * - resource configurations with verified custom domains (orders-db, a GROUP
 *   under inventory.example.com with a child), one unverified (legacy-db), a
 *   DNS-type configuration behind a gateway that resolves PUBLIC (partner-api)
 *   and one behind an IN_VPC gateway (ledger-cache), and AWS-managed ones (the
 *   children of an Aurora ARN configuration, with managed associations; a
 *   configuration on a gateway that EventBridge manages);
 * - services with a verified custom domain (payments), an unverified one
 *   (ledger) and a TLS_PASSTHROUGH listener on a TCP target group (tls-pass);
 * - one consumer VPC per way in and private DNS preference: VPC associations
 *   with VERIFIED_DOMAINS_ONLY (the default) and ALL_DOMAINS, ServiceNetwork
 *   endpoints with SPECIFIED_DOMAINS_ONLY and VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS,
 *   and a Resource endpoint with private DNS off;
 * - a network ACL that denies PostgreSQL (5432) out of one subnet of the
 *   VERIFIED_DOMAINS_ONLY consumer, so a connectivity check fails at that hop,
 *   and a security group whose egress names the VPC Lattice prefix list.
 */
import type { ScenarioDocument, VpcDocument } from "./document.js";

const REGION = "ap-northeast-1";

function consumer(name: string, octet: number, extra: Partial<VpcDocument> = {}): VpcDocument {
  return {
    name,
    cidr: `10.${octet}.0.0/16`,
    role: "consumer",
    subnets: [
      { name: `${name}-a`, cidr: `10.${octet}.0.0/20`, az: `${REGION}a` },
      { name: `${name}-c`, cidr: `10.${octet}.16.0/20`, az: `${REGION}c` },
    ],
    securityGroups: [
      { name: "client-sg", description: `Clients in ${name}` },
      {
        name: "lattice-sg",
        description: `Lattice entry from ${name}`,
        ingress: [
          { port: 5432, fromGroup: `${name}/client-sg`, description: "PostgreSQL from clients" },
          { port: 3306, fromGroup: `${name}/client-sg`, description: "MySQL from clients" },
          { port: 443, fromGroup: `${name}/client-sg`, description: "HTTPS from clients" },
        ],
      },
    ],
    ...extra,
  };
}

export const customDomainsScenario: ScenarioDocument = {
  name: "custom-domains",
  description:
    "Custom domain names with and without domain verification, reached through VPC associations and endpoints with each private DNS preference, an AWS-managed configuration, a PUBLIC-resolving gateway, a TLS passthrough listener and a network ACL that denies PostgreSQL on one consumer subnet.",
  region: REGION,
  accountId: "111122223333",
  rdsEndpointHash: "c7xq2p0aberf",
  vpcs: [
    {
      name: "provider-vpc",
      cidr: "10.0.0.0/16",
      role: "provider",
      subnets: [
        { name: "provider-a", cidr: "10.0.128.0/20", az: `${REGION}a` },
        { name: "provider-c", cidr: "10.0.144.0/20", az: `${REGION}c` },
      ],
      securityGroups: [
        { name: "gateway-sg", description: "Resource gateway ENIs" },
        {
          name: "db-sg",
          description: "Databases",
          ingress: [
            { port: 5432, fromGroup: "gateway-sg", description: "PostgreSQL from the resource gateways" },
            { port: 3306, fromGroup: "gateway-sg", description: "MySQL from the resource gateways" },
          ],
        },
        {
          name: "targets-sg",
          description: "Service targets",
          ingress: [
            { port: 443, awsPrefixList: "vpc-lattice", description: "HTTPS from VPC Lattice" },
            { port: 8443, awsPrefixList: "vpc-lattice", description: "TLS from VPC Lattice" },
          ],
        },
      ],
    },
    consumer("consumer-verified-only", 11, {
      networkAcls: [
        {
          name: "deny-postgres-out",
          subnets: ["consumer-verified-only-c"],
          entries: [
            { rule: 90, egress: true, protocol: "tcp", port: 5432, action: "deny" },
            { rule: 100, egress: true, protocol: "-1", action: "allow" },
            { rule: 100, egress: false, protocol: "-1", action: "allow" },
          ],
        },
      ],
    }),
    consumer("consumer-all-domains", 12),
    consumer("consumer-specified-only", 13),
    consumer("consumer-verified-and-specified", 14),
    consumer("consumer-no-private-dns", 15, {
      securityGroups: [
        {
          name: "client-sg",
          description: "Clients that reach VPC Lattice by its prefix list",
          egress: [{ port: 5432, awsPrefixList: "vpc-lattice", description: "PostgreSQL to VPC Lattice" }],
        },
        {
          name: "lattice-sg",
          description: "Resource endpoint",
          ingress: [{ port: 5432, fromGroup: "consumer-no-private-dns/client-sg", description: "PostgreSQL" }],
        },
      ],
    }),
  ],
  aurora: [
    {
      id: "catalog-aurora",
      engine: "aurora-postgresql",
      port: 5432,
      vpc: "provider-vpc",
      subnets: ["provider-a", "provider-c"],
      securityGroups: ["db-sg"],
      instances: [{ id: "catalog-aurora-1" }, { id: "catalog-aurora-2" }],
    },
  ],
  lambdas: [{ name: "payments-handler", subnets: ["provider-a", "provider-c"], securityGroups: ["targets-sg"] }],
  domainVerifications: [{ domainName: "example.com", txtRecord: true }, { domainName: "unverified.example.org" }],
  resourceGateways: [
    {
      name: "cd-gateway",
      vpc: "provider-vpc",
      subnets: ["provider-a", "provider-c"],
      securityGroups: ["gateway-sg"],
      ipv4AddressesPerEni: 4,
    },
    {
      name: "cd-public-gateway",
      vpc: "provider-vpc",
      subnets: ["provider-a", "provider-c"],
      securityGroups: ["gateway-sg"],
      resourceConfigDnsResolution: "PUBLIC",
    },
    {
      name: "events-managed-gateway",
      vpc: "provider-vpc",
      subnets: ["provider-a", "provider-c"],
      securityGroups: ["gateway-sg"],
      managedBy: "events.amazonaws.com",
    },
    {
      name: "cd-in-vpc-gateway",
      vpc: "provider-vpc",
      subnets: ["provider-a", "provider-c"],
      securityGroups: ["gateway-sg"],
      resourceConfigDnsResolution: "IN_VPC",
    },
  ],
  resourceConfigurations: [
    {
      name: "orders-db",
      type: "SINGLE",
      gateway: "cd-gateway",
      definition: { ip: "10.0.130.10" },
      portRanges: ["5432"],
      customDomainName: "orders-db.example.com",
      domainVerification: "example.com",
    },
    {
      name: "legacy-db",
      type: "SINGLE",
      gateway: "cd-gateway",
      definition: { ip: "10.0.146.20" },
      portRanges: ["3306"],
      customDomainName: "legacy-db.unverified.example.org",
      domainVerification: "unverified.example.org",
    },
    {
      name: "inventory",
      type: "GROUP",
      gateway: "cd-gateway",
      portRanges: ["443"],
      groupDomain: "inventory.example.com",
      domainVerification: "example.com",
    },
    {
      name: "inventory-api",
      type: "CHILD",
      group: "inventory",
      definition: { dns: "inventory-api.internal.corp" },
      customDomainName: "api.inventory.example.com",
    },
    {
      name: "partner-api",
      type: "SINGLE",
      gateway: "cd-public-gateway",
      definition: { dns: "api.partner.example.net" },
      portRanges: ["443"],
    },
    {
      name: "ledger-cache",
      type: "SINGLE",
      gateway: "cd-in-vpc-gateway",
      definition: { dns: "cache.ledger.internal.corp" },
      portRanges: ["6379"],
    },
    { name: "catalog-db", type: "ARN", gateway: "cd-gateway", definition: { aurora: "catalog-aurora" } },
    {
      name: "events-connection",
      type: "SINGLE",
      gateway: "events-managed-gateway",
      definition: { dns: "events-target.internal.corp" },
      portRanges: ["443"],
      amazonManaged: true,
    },
  ],
  serviceNetworks: [{ name: "cd-network" }],
  services: [
    {
      name: "payments",
      customDomainName: "payments.example.com",
      targetGroup: { name: "payments-targets", type: "LAMBDA", targets: ["payments-handler"] },
      listener: { name: "https", protocol: "HTTPS", port: 443 },
    },
    {
      name: "ledger",
      customDomainName: "ledger.unverified.example.org",
      targetGroup: {
        name: "ledger-targets",
        type: "IP",
        vpc: "provider-vpc",
        port: 443,
        protocol: "HTTPS",
        targets: ["10.0.131.5"],
      },
      listener: { name: "https", protocol: "HTTPS", port: 443 },
    },
    {
      name: "tls-pass",
      customDomainName: "tls.example.com",
      targetGroup: {
        name: "tls-pass-targets",
        type: "IP",
        vpc: "provider-vpc",
        port: 8443,
        protocol: "TCP",
        targets: ["10.0.131.6"],
      },
      listener: { name: "tls", protocol: "TLS_PASSTHROUGH", port: 443 },
    },
  ],
  resourceAssociations: ["orders-db", "legacy-db", "inventory", "partner-api", "ledger-cache", "catalog-db"].map(
    (name) => ({ serviceNetwork: "cd-network", resourceConfiguration: name, privateDnsEnabled: true }),
  ),
  serviceAssociations: ["payments", "ledger", "tls-pass"].map((service) => ({ serviceNetwork: "cd-network", service })),
  vpcAssociations: [
    {
      serviceNetwork: "cd-network",
      vpc: "consumer-verified-only",
      securityGroups: ["consumer-verified-only/lattice-sg"],
      privateDnsEnabled: true,
      privateDnsPreference: "VERIFIED_DOMAINS_ONLY",
    },
    {
      serviceNetwork: "cd-network",
      vpc: "consumer-all-domains",
      securityGroups: ["consumer-all-domains/lattice-sg"],
      privateDnsEnabled: true,
      privateDnsPreference: "ALL_DOMAINS",
    },
  ],
  endpoints: [
    {
      name: "specified-only-endpoint",
      type: "ServiceNetwork",
      vpc: "consumer-specified-only",
      subnets: ["consumer-specified-only-a", "consumer-specified-only-c"],
      securityGroups: ["consumer-specified-only/lattice-sg"],
      serviceNetwork: "cd-network",
      privateDnsEnabled: true,
      privateDnsPreference: "SPECIFIED_DOMAINS_ONLY",
      privateDnsSpecifiedDomains: ["*.unverified.example.org"],
    },
    {
      name: "verified-and-specified-endpoint",
      type: "ServiceNetwork",
      vpc: "consumer-verified-and-specified",
      subnets: ["consumer-verified-and-specified-a", "consumer-verified-and-specified-c"],
      securityGroups: ["consumer-verified-and-specified/lattice-sg"],
      serviceNetwork: "cd-network",
      privateDnsEnabled: true,
      privateDnsPreference: "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS",
      privateDnsSpecifiedDomains: ["legacy-db.unverified.example.org"],
    },
    {
      name: "orders-db-endpoint",
      type: "Resource",
      vpc: "consumer-no-private-dns",
      subnets: ["consumer-no-private-dns-a", "consumer-no-private-dns-c"],
      securityGroups: ["consumer-no-private-dns/lattice-sg"],
      resourceConfiguration: "orders-db",
      privateDnsEnabled: false,
    },
  ],
};
