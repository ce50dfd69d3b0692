/**
 * A generated account for scale work: up to the default quotas (50 service
 * networks, 500 VPCs, 1,250 resource configurations, 125 services). Every
 * pattern appears: VPC associations, ServiceNetwork and Resource endpoints,
 * SINGLE (DNS and IP), GROUP/CHILD and ARN (Aurora) configurations, services
 * with Lambda and IP targets, resources in several service networks.
 */
import type {
  AuroraDocument,
  EndpointDocument,
  ResourceAssociationDocument,
  ResourceConfigurationDocument,
  ScenarioDocument,
  ServiceDocument,
  VpcDocument,
} from "./document.js";

export interface LargeScenarioParams {
  serviceNetworks: number;
  vpcs: number;
  resourceConfigurations: number;
  services: number;
  region: string;
  /** Accounts to spread the estate over (1: everything in one account, as before). */
  accounts: number;
}

export const LARGE_DEFAULTS: LargeScenarioParams = {
  serviceNetworks: 50,
  vpcs: 500,
  resourceConfigurations: 1250,
  services: 125,
  region: "us-east-1",
  accounts: 1,
};

export const LARGE_LIMITS = {
  serviceNetworks: 50,
  vpcs: 500,
  resourceConfigurations: 1250,
  services: 125,
  accounts: 50,
};

export function parseLargeParams(raw: Record<string, unknown> = {}): LargeScenarioParams {
  const params = { ...LARGE_DEFAULTS };
  for (const key of ["serviceNetworks", "vpcs", "resourceConfigurations", "services", "accounts"] as const) {
    if (raw[key] === undefined) continue;
    const value = Number(raw[key]);
    const limit = LARGE_LIMITS[key];
    if (!Number.isInteger(value) || value < 1 || value > limit)
      throw new Error(`large scenario: ${key} must be an integer from 1 to ${limit}`);
    params[key] = value;
  }
  if (params.vpcs < 2) throw new Error("large scenario: vpcs must be at least 2 (a provider and a consumer)");
  if (typeof raw.region === "string") params.region = raw.region;
  return params;
}

const pad = (n: number, width = 3): string => String(n).padStart(width, "0");

export function largeScenario(params: LargeScenarioParams = LARGE_DEFAULTS): ScenarioDocument {
  const { region } = params;
  const providers = Math.max(1, Math.round(params.vpcs / 10));
  const consumers = params.vpcs - providers;
  const sn = (i: number): string => `sn-net-${pad(i % params.serviceNetworks)}`;
  const vpcs: VpcDocument[] = [];
  const az = [`${region}a`, `${region}c`];

  for (let p = 0; p < providers; p++) {
    const name = `provider-${pad(p)}`;
    vpcs.push({
      name,
      cidr: `10.${p % 250}.0.0/16`,
      role: "provider",
      subnets: az.map((zone, z) => ({
        name: `${name}-${zone.slice(-1)}`,
        cidr: `10.${p % 250}.${z * 16}.0/20`,
        az: zone,
      })),
      securityGroups: [
        { name: "rgw-sg", description: "resource gateway" },
        {
          name: "db-sg",
          description: "databases",
          ingress: [
            { port: 5432, fromGroup: `${name}/rgw-sg` },
            { port: 3306, fromGroup: `${name}/rgw-sg` },
          ],
        },
        { name: "app-sg", description: "service targets", ingress: [{ port: 80, cidr: "169.254.171.0/24" }] },
      ],
    });
  }
  for (let c = 0; c < consumers; c++) {
    const name = `consumer-${pad(c)}`;
    vpcs.push({
      name,
      cidr: `172.${16 + (c % 16)}.${Math.floor(c / 16) % 256}.0/24`,
      role: "consumer",
      subnets: az.map((zone, z) => ({
        name: `${name}-${zone.slice(-1)}`,
        cidr: `172.${16 + (c % 16)}.${Math.floor(c / 16) % 256}.${z * 128}/25`,
        az: zone,
      })),
      securityGroups: [
        { name: "client-sg", description: "clients" },
        {
          name: "lattice-sg",
          description: "Lattice entry",
          ingress: [5432, 443, 3306].map((port) => ({ port, fromGroup: `${name}/client-sg` })),
        },
      ],
    });
  }

  const aurora: AuroraDocument[] = [];
  const configurations: ResourceConfigurationDocument[] = [];
  const resourceAssociations: ResourceAssociationDocument[] = [];
  let created = 0;
  for (let i = 0; created < params.resourceConfigurations; i++) {
    const provider = `provider-${pad(i % providers)}`;
    const gateway = `gateway-${pad(i % providers)}`;
    const name = `rcfg-res-${pad(i, 4)}`.replace(/^rcfg-/, "res-");
    const remaining = params.resourceConfigurations - created;
    if (i % 10 === 0) {
      const cluster = `aurora-${pad(i, 4)}`;
      aurora.push({
        id: cluster,
        vpc: provider,
        subnets: [`${provider}-a`, `${provider}-c`],
        securityGroups: [`${provider}/db-sg`],
        instances: [{ id: `${cluster}-1` }, { id: `${cluster}-2` }],
      });
      configurations.push({ name, type: "ARN", gateway, definition: { aurora: cluster } });
      created += 1;
    } else if (i % 10 === 5 && remaining >= 3) {
      configurations.push({
        name,
        type: "GROUP",
        gateway,
        portRanges: ["443"],
        groupDomain: `grp${i}.internal.example.com`,
      });
      configurations.push({
        name: `${name}-a`,
        type: "CHILD",
        group: name,
        portRanges: ["443"],
        definition: { dns: `api.grp${i}.internal.example.com` },
      });
      configurations.push({
        name: `${name}-b`,
        type: "CHILD",
        group: name,
        portRanges: ["443"],
        definition: { ip: `10.${(i % providers) % 250}.1.${(i % 200) + 10}` },
      });
      created += 3;
    } else {
      const definition =
        i % 2 === 0
          ? { dns: `db${i}.internal.example.com` }
          : { ip: `10.${(i % providers) % 250}.2.${(i % 240) + 10}` };
      configurations.push({ name, type: "SINGLE", gateway, portRanges: [i % 3 === 0 ? "3306" : "5432"], definition });
      created += 1;
    }
    resourceAssociations.push({ serviceNetwork: sn(i), resourceConfiguration: name });
    if (i % 4 === 0 && params.serviceNetworks > 1)
      resourceAssociations.push({ serviceNetwork: sn(i + 1), resourceConfiguration: name });
  }

  const services: ServiceDocument[] = [];
  const lambdas: ScenarioDocument["lambdas"] = [];
  const serviceAssociations: Array<{ serviceNetwork: string; service: string }> = [];
  for (let j = 0; j < params.services; j++) {
    const provider = `provider-${pad(j % providers)}`;
    const name = `service-${pad(j)}`;
    if (j % 2 === 0) {
      lambdas.push({ name: `fn-${pad(j)}` });
      services.push({
        name,
        targetGroup: {
          name: `tg-lambda-${pad(j)}`.replace(/^tg-/, "targets-"),
          type: "LAMBDA",
          targets: [`fn-${pad(j)}`],
        },
        listener: { name: "https", protocol: "HTTPS", port: 443 },
      });
    } else {
      services.push({
        name,
        authType: "AWS_IAM",
        targetGroup: {
          name: `targets-ip-${pad(j)}`,
          type: "IP",
          vpc: provider,
          port: 80,
          targets: [`10.${(j % providers) % 250}.3.${(j % 240) + 10}`],
        },
        listener: { name: "http", protocol: "HTTP", port: 80 },
      });
    }
    serviceAssociations.push({ serviceNetwork: sn(j), service: name });
    if (j % 3 === 0 && params.serviceNetworks > 1)
      serviceAssociations.push({ serviceNetwork: sn(j + 1), service: name });
  }

  const endpoints: EndpointDocument[] = [];
  const vpcAssociations: ScenarioDocument["vpcAssociations"] = [];
  const singles = configurations.filter((c) => c.type === "SINGLE" || c.type === "ARN");
  for (let c = 0; c < consumers; c++) {
    const name = `consumer-${pad(c)}`;
    const subnets = [`${name}-a`, `${name}-c`];
    const groups = [`${name}/lattice-sg`];
    if (c % 10 !== 9)
      vpcAssociations.push({
        serviceNetwork: sn(c),
        vpc: name,
        securityGroups: groups,
        privateDnsEnabled: c % 3 === 0,
      });
    if (c % 5 === 0 && params.serviceNetworks > 1) {
      endpoints.push({
        name: `${name}-sn-endpoint`,
        type: "ServiceNetwork",
        vpc: name,
        subnets,
        securityGroups: groups,
        serviceNetwork: sn(c + 1),
        privateDnsEnabled: false,
      });
    }
    if (c % 7 === 0 && singles.length > 0) {
      endpoints.push({
        name: `${name}-resource-endpoint`,
        type: "Resource",
        vpc: name,
        subnets,
        securityGroups: groups,
        resourceConfiguration: singles[c % singles.length]!.name,
        privateDnsEnabled: true,
      });
    }
  }

  return {
    name: "large",
    description: `Generated: ${params.serviceNetworks} service networks, ${params.vpcs} VPCs, ${params.resourceConfigurations} resource configurations, ${params.services} services.`,
    region,
    vpcs,
    aurora,
    lambdas,
    resourceGateways: Array.from({ length: providers }, (_, p) => ({
      name: `gateway-${pad(p)}`,
      vpc: `provider-${pad(p)}`,
      subnets: [`provider-${pad(p)}-a`, `provider-${pad(p)}-c`],
      securityGroups: [`provider-${pad(p)}/rgw-sg`],
    })),
    resourceConfigurations: configurations,
    serviceNetworks: Array.from({ length: params.serviceNetworks }, (_, s) => ({
      name: `sn-net-${pad(s)}`,
      authType: s % 4 === 0 ? "AWS_IAM" : "NONE",
    })),
    services,
    resourceAssociations,
    serviceAssociations,
    vpcAssociations,
    endpoints,
  };
}
