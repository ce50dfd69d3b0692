/** Small builders for discovery inputs, so pure tests read like the topology they describe. */
import type { Warning } from "@lattice-atlas/shared";
import { GraphIndex } from "../lattice/graph-index.js";
import { buildGraph } from "../topology/build.js";
import { emptyInputs, type DiscoveryInputs } from "../topology/inputs.js";

const ACCOUNT = "111122223333";
const REGION = "us-east-1";
export const arn = (path: string): string => `arn:aws:vpc-lattice:${REGION}:${ACCOUNT}:${path}`;

export const FIXTURE_ACCOUNT = ACCOUNT;
export const FIXTURE_REGION = REGION;

export class InputsBuilder {
  readonly inputs: DiscoveryInputs = emptyInputs(ACCOUNT, REGION);

  /**
   * The index the app would build from these inputs (every security group included, as discovery reads them),
   * with the warnings of the reads that failed.
   */
  index(warnings: Warning[] = []): GraphIndex {
    const graph = buildGraph(this.inputs);
    return new GraphIndex(
      graph.nodes,
      graph.edges,
      this.inputs.securityGroups.map(({ name: _name, ...group }) => group),
      warnings,
      this.inputs.prefixLists,
    );
  }

  vpc(vpcId: string, name: string, cidr: string): this {
    this.inputs.vpcs.push({ vpcId, cidr, isDefault: false, tags: { Name: name } });
    this.inputs.subnets.push({ subnetId: `subnet-${vpcId.slice(4)}a`, vpcId, cidr, availabilityZone: `${REGION}a` });
    return this;
  }

  /** One more subnet of a VPC, in zone `az` (a letter: "b" → us-east-1b). */
  subnet(subnetId: string, vpcId: string, az: string, cidr = "10.255.0.0/24"): this {
    this.inputs.subnets.push({ subnetId, vpcId, cidr, availabilityZone: `${REGION}${az}` });
    return this;
  }

  /** `from`: a security group id, or an IPv4 CIDR. */
  group(
    groupId: string,
    vpcId: string,
    ingress: Array<{ port: number; from: string; toPort?: number }> = [],
    name = groupId,
  ): this {
    this.inputs.securityGroups.push({
      groupId,
      groupName: name,
      description: groupId,
      vpcId,
      ingress: ingress.map((r) => ({
        protocol: "tcp",
        fromPort: r.port,
        toPort: r.toPort ?? r.port,
        ...(r.from.includes("/") ? { cidr: r.from } : { sourceGroupId: r.from }),
      })),
      egress: [{ protocol: "-1", cidr: "0.0.0.0/0" }],
    });
    return this;
  }

  /** An Aurora cluster with its writer endpoint, guarded by `groups`. */
  cluster(identifier: string, groups: string[], port = 5432): this {
    this.inputs.dbClusters.push({
      arn: `arn:aws:rds:${REGION}:${ACCOUNT}:cluster:${identifier}`,
      identifier,
      engine: "aurora-postgresql",
      status: "available",
      port,
      writerEndpoint: `${identifier}.cluster-abcdefghijkl.${REGION}.rds.amazonaws.com`,
      customEndpoints: [],
      securityGroupIds: groups,
      publiclyAccessible: false,
    });
    return this;
  }

  network(id: string, name: string, options: { authPolicyText?: string } = {}): this {
    this.inputs.serviceNetworks.push({
      id,
      arn: arn(`servicenetwork/${id}`),
      name,
      authPolicy: options.authPolicyText ? "present" : "absent",
      authType: options.authPolicyText ? "AWS_IAM" : "NONE",
      ...(options.authPolicyText ? { authPolicyText: options.authPolicyText } : {}),
      associatedVpcs: 0,
      associatedServices: 0,
      associatedResourceConfigurations: 0,
    });
    return this;
  }

  gateway(
    id: string,
    vpcId: string,
    groups: string[] = [],
    subnetIds: string[] = [],
    options: { dnsResolution?: "IN_VPC" | "PUBLIC" } = {},
  ): this {
    this.inputs.resourceGateways.push({
      id,
      arn: arn(`resourcegateway/${id}`),
      name: id,
      status: "ACTIVE",
      vpcId,
      subnetIds,
      securityGroupIds: groups,
      ...(options.dnsResolution ? { dnsResolution: options.dnsResolution } : {}),
    });
    return this;
  }

  /** A network ACL of a VPC: `entries` as "100 allow out tcp 5432 10.0.0.0/16" (rule, action, direction, protocol, ports, cidr). */
  networkAcl(id: string, vpcId: string, subnetIds: string[], entries: string[], isDefault = false): this {
    this.inputs.networkAcls.push({
      id,
      vpcId,
      isDefault,
      subnetIds,
      entries: [
        ...entries.map((text) => {
          const [rule, action, direction, protocol, ports, cidr] = text.split(" ");
          const [from, to = from] = (ports ?? "").split("-").map(Number);
          return {
            ruleNumber: Number(rule),
            action: action as "allow" | "deny",
            egress: direction === "out",
            protocol: protocol === "all" ? "-1" : "6",
            ...(protocol === "all" ? {} : { fromPort: from!, toPort: to! }),
            cidr: cidr!,
          };
        }),
        { ruleNumber: 32767, action: "deny" as const, egress: true, protocol: "-1", cidr: "0.0.0.0/0" },
        { ruleNumber: 32767, action: "deny" as const, egress: false, protocol: "-1", cidr: "0.0.0.0/0" },
      ],
    });
    return this;
  }

  routeTable(
    id: string,
    vpcId: string,
    subnetIds: string[],
    routes: Array<[destination: string, target: string]>,
    main = false,
  ): this {
    this.inputs.routeTables.push({
      id,
      vpcId,
      main,
      subnetIds,
      routes: routes.map(([destination, target]) => ({ destination, target, state: "active" })),
    });
    return this;
  }

  configuration(
    id: string,
    name: string,
    type: string,
    options: {
      gateway?: string;
      group?: string;
      dns?: string;
      ip?: string;
      arn?: string;
      cidr?: string;
      ports?: string[];
      customDomainName?: string;
      amazonManaged?: boolean;
      status?: string;
      verification?: { id: string; status: string; txtName?: string; txtValue?: string };
    } = {},
  ): this {
    if (options.verification)
      this.inputs.domainVerifications.push({
        ...options.verification,
        domainName: options.customDomainName ?? options.dns ?? name,
      });
    const definition = options.dns
      ? { kind: "dns" as const, values: [options.dns] }
      : options.ip
        ? { kind: "ip" as const, values: [options.ip] }
        : options.arn
          ? { kind: "arn" as const, values: [options.arn] }
          : options.cidr
            ? { kind: "cidr" as const, values: [options.cidr] }
            : undefined;
    this.inputs.resourceConfigurations.push({
      id,
      arn: arn(`resourceconfiguration/${id}`),
      name,
      type,
      status: options.status ?? "ACTIVE",
      ...(options.gateway ? { gatewayId: options.gateway } : {}),
      ...(options.group ? { groupId: options.group } : {}),
      amazonManaged: options.amazonManaged ?? false,
      ...(options.customDomainName ? { customDomainName: options.customDomainName } : {}),
      ...(options.verification ? { domainVerificationId: options.verification.id } : {}),
      details: { portRanges: options.ports ?? ["443"], protocol: "TCP", ...(definition ? { definition } : {}) },
    });
    return this;
  }

  resourceAssociation(
    id: string,
    networkId: string,
    configurationId: string,
    options: {
      managed?: boolean;
      privateDnsEnabled?: boolean;
      privateDnsName?: string;
      status?: string;
      named?: boolean;
    } = {},
  ): this {
    this.inputs.resourceAssociations.push({
      id,
      arn: arn(`servicenetworkresourceassociation/${id}`),
      status: options.status ?? "ACTIVE",
      serviceNetworkId: networkId,
      resourceConfigurationId: configurationId,
      isManaged: options.managed ?? false,
      privateDnsEnabled: options.privateDnsEnabled ?? false,
      ...(options.named === false
        ? {}
        : { dnsName: `${id}.${configurationId}.4232ccc.vpc-lattice-rsc.${REGION}.on.aws` }),
      ...(options.privateDnsName ? { privateDnsName: options.privateDnsName } : {}),
    });
    return this;
  }

  vpcAssociation(
    id: string,
    networkId: string,
    vpcId: string,
    options: {
      privateDnsEnabled?: boolean;
      preference?: string;
      specified?: string[];
      groups?: string[];
      status?: string;
    } = {},
  ): this {
    this.inputs.vpcAssociations.push({
      id,
      arn: arn(`servicenetworkvpcassociation/${id}`),
      status: options.status ?? "ACTIVE",
      serviceNetworkId: networkId,
      vpcId,
      securityGroupIds: options.groups ?? [],
      privateDnsEnabled: options.privateDnsEnabled ?? false,
      ...(options.preference
        ? {
            dnsOptions: {
              privateDnsPreference: options.preference,
              ...(options.specified ? { privateDnsSpecifiedDomains: options.specified } : {}),
            },
          }
        : {}),
    });
    return this;
  }

  service(
    id: string,
    name: string,
    options: { customDomainName?: string; listeners?: Array<{ protocol: string; port: number }> } = {},
  ): this {
    this.inputs.services.push({
      id,
      arn: arn(`service/${id}`),
      name,
      status: "ACTIVE",
      dnsName: `${name}-${id.slice(4)}.7d67968.vpc-lattice-svcs.${REGION}.on.aws`,
      ...(options.customDomainName ? { customDomainName: options.customDomainName } : {}),
      authPolicy: "absent",
      listeners: (options.listeners ?? [{ protocol: "HTTPS", port: 443 }]).map((l, i) => ({
        id: `listener-${i}`,
        name: `l${i}`,
        ...l,
      })),
    });
    return this;
  }

  serviceAssociation(id: string, networkId: string, serviceId: string, options: { status?: string } = {}): this {
    const service = this.inputs.services.find((s) => s.id === serviceId);
    this.inputs.serviceAssociations.push({
      id,
      arn: arn(`servicenetworkserviceassociation/${id}`),
      status: options.status ?? "ACTIVE",
      serviceNetworkId: networkId,
      serviceId,
      ...(service?.dnsName ? { dnsName: service.dnsName } : {}),
    });
    return this;
  }

  endpoint(
    endpointId: string,
    vpcId: string,
    type: "Resource" | "ServiceNetwork",
    target: string,
    options: {
      privateDnsEnabled?: boolean;
      rows?: Array<{ resource: string; dnsName?: string; privateDnsName?: string; group?: string }>;
      state?: string;
      groups?: string[];
      subnets?: string[];
    } = {},
  ): this {
    this.inputs.vpcEndpoints.push({
      endpointId,
      endpointType: type,
      state: options.state ?? "Available",
      vpcId,
      subnetIds: options.subnets ?? [],
      securityGroupIds: options.groups ?? [],
      privateDnsEnabled: options.privateDnsEnabled ?? true,
      ...(type === "Resource"
        ? { resourceConfigurationArn: arn(`resourceconfiguration/${target}`) }
        : { serviceNetworkArn: arn(`servicenetwork/${target}`) }),
    });
    for (const [i, row] of (options.rows ?? []).entries()) {
      this.inputs.endpointAssociations.push({
        endpointId,
        id: `vpce-rsc-asc-${endpointId.slice(5)}${i}`,
        associatedResourceArn: arn(row.resource),
        ...(row.group ? { resourceConfigurationGroupArn: arn(`resourceconfiguration/${row.group}`) } : {}),
        ...(row.dnsName ? { dnsName: row.dnsName } : {}),
        ...(row.privateDnsName ? { privateDnsName: row.privateDnsName } : {}),
        accessibility: "Accessible",
      });
    }
    return this;
  }
}

/** The warning discovery leaves when `operation` is denied. */
export function denied(service: string, operation: string): Warning {
  return {
    code: "AccessDenied",
    service,
    operation,
    awsCode: "AccessDeniedException",
    iamAction: `${service}:${operation}`,
    message: `${operation} failed with AccessDeniedException — grant ${service}:${operation}.`,
    impact: "Part of the picture is missing.",
  };
}
