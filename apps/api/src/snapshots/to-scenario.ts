/**
 * A frozen topology as an emulator scenario document (the data format of
 * packages/aws-emulator/src/scenarios/document.ts, the emulator's
 * POST /_emulator/scenario-document), so a snapshot can be reproduced in the
 * emulator for experiments. AWS ids are kept (the emulator issues them as given),
 * so links, views and DNS names made from the snapshot keep working.
 */
import type { GraphNodeOf, SecurityGroupRule, Topology } from "@lattice-atlas/shared";

type Rule = {
  protocol?: string;
  port?: number;
  toPort?: number;
  fromGroup?: string;
  cidr?: string;
  description?: string;
};

/** The emulator's scenario document, as much of it as a snapshot can fill. */
export interface EmulatorScenario {
  name: string;
  description: string;
  region: string;
  accountId: string;
  rdsEndpointHash?: string;
  vpcs: Array<{
    name: string;
    id: string;
    label: string;
    cidr: string;
    role?: "consumer" | "provider";
    subnets: Array<{ name: string; id: string; cidr: string; az: string }>;
    securityGroups: Array<{ name: string; id: string; description: string; ingress: Rule[]; egress: Rule[] }>;
  }>;
  aurora: Array<{
    id: string;
    engine: string;
    engineVersion?: string;
    port: number;
    vpc: string;
    subnets: string[];
    securityGroups: string[];
    instances: Array<{ id: string }>;
  }>;
  lambdas: Array<{ name: string; subnets?: string[]; securityGroups?: string[] }>;
  resourceGateways: Array<{
    name: string;
    id: string;
    vpc: string;
    subnets: string[];
    securityGroups: string[];
    resourceConfigDnsResolution?: string;
  }>;
  resourceConfigurations: Array<Record<string, unknown>>;
  serviceNetworks: Array<{ name: string; id: string; authType?: "NONE" | "AWS_IAM" }>;
  services: Array<Record<string, unknown>>;
  vpcAssociations: Array<{
    id: string;
    serviceNetwork: string;
    vpc: string;
    securityGroups: string[];
    privateDnsEnabled: boolean;
    privateDnsPreference?: string;
  }>;
  resourceAssociations: Array<{
    ids: string[];
    serviceNetwork: string;
    resourceConfiguration: string;
    privateDnsEnabled?: boolean;
  }>;
  serviceAssociations: Array<{ id: string; serviceNetwork: string; service: string }>;
  endpoints: Array<{
    name: string;
    id: string;
    type: "Resource" | "ServiceNetwork";
    vpc: string;
    subnets: string[];
    securityGroups: string[];
    resourceConfiguration?: string;
    serviceNetwork?: string;
    privateDnsEnabled: boolean;
  }>;
}

const of = <K extends Parameters<typeof isKind>[1]>(topology: Topology, kind: K) =>
  topology.nodes.filter((n) => isKind(n, kind)) as Array<GraphNodeOf<K>>;
function isKind(node: Topology["nodes"][number], kind: Topology["nodes"][number]["kind"]): boolean {
  return node.kind === kind;
}

export function topologyToScenario(topology: Topology, name: string): EmulatorScenario {
  const groupsById = new Map(of(topology, "securityGroup").map((g) => [g.id, g]));
  const networkName = new Map(of(topology, "serviceNetwork").map((n) => [n.id, n.data.name]));
  const networkRef = (id: string): string => networkName.get(id) ?? id;
  // Groups are referenced as "<vpc>/<group name>" (names are unique per VPC, ids are not names).
  const groupRef = (id: string): string | undefined => {
    const g = groupsById.get(id);
    return g ? `${g.data.vpcId}/${g.data.groupName}` : undefined;
  };
  const refs = (ids: string[] | null | undefined): string[] =>
    (ids ?? []).map(groupRef).filter((r): r is string => Boolean(r));
  const rule = (r: SecurityGroupRule): Rule | undefined => {
    if (r.protocol !== "tcp" && r.protocol !== "-1") return undefined;
    const peer = r.sourceGroupId ? groupRef(r.sourceGroupId) : undefined;
    if (!peer && !r.cidr) return undefined;
    return {
      protocol: r.protocol,
      ...(r.protocol === "tcp" ? { port: r.fromPort ?? 0, toPort: r.toPort ?? r.fromPort ?? 65535 } : {}),
      ...(peer ? { fromGroup: peer } : { cidr: r.cidr! }),
      ...(r.description ? { description: r.description } : {}),
    };
  };

  const vpcs = of(topology, "vpc").map((v) => ({
    name: v.id,
    id: v.id,
    label: v.label,
    cidr: v.data.cidr,
    ...(v.data.roles.includes("provider") && !v.data.roles.includes("consumer")
      ? { role: "provider" as const }
      : v.data.roles.includes("consumer")
        ? { role: "consumer" as const }
        : {}),
    subnets: v.data.subnets.map((s) => ({ name: s.id, id: s.id, cidr: s.cidr, az: s.availabilityZone })),
    securityGroups: of(topology, "securityGroup")
      .filter((g) => g.data.vpcId === v.id && g.data.groupName !== "default")
      .map((g) => ({
        name: g.data.groupName,
        id: g.id,
        description: g.data.description || g.data.groupName,
        ingress: g.data.ingress.map(rule).filter((r): r is Rule => Boolean(r)),
        egress: g.data.egress.map(rule).filter((r): r is Rule => Boolean(r)),
      })),
  }));
  const subnetsOf = (vpcId: string | undefined) => vpcs.find((v) => v.id === vpcId)?.subnets.map((s) => s.name) ?? [];

  const clusters = of(topology, "dbCluster").filter((c) => c.data.vpcId && subnetsOf(c.data.vpcId).length >= 2);
  const writer = clusters.find((c) => c.data.writerEndpoint)?.data.writerEndpoint;
  const hash = writer ? /\.cluster-([a-z0-9]+)\./.exec(writer)?.[1] : undefined;

  const configurations = of(topology, "resourceConfiguration");
  const byId = new Map(configurations.map((c) => [c.id, c]));
  const clusterOfArn = new Map(clusters.map((c) => [c.data.arn, c]));
  const docConfigurations: Array<Record<string, unknown>> = [];
  const ordered = [
    ...configurations.filter((c) => !c.data.groupId),
    ...configurations.filter((c) => c.data.groupId && !c.data.amazonManaged),
  ];
  for (const c of ordered) {
    const definition = c.data.definition;
    if (c.data.type === "ARN") {
      const cluster = definition ? clusterOfArn.get(definition.values[0]!) : undefined;
      if (!cluster) continue;
      // The emulator makes the writer child, then the reader: give it their ids in that order.
      const children = configurations.filter((x) => x.data.groupId === c.id);
      const childId = (hostname: string | undefined) =>
        children.find((x) => x.data.definition?.values[0] === hostname?.toLowerCase())?.id;
      const childIds = [childId(cluster.data.writerEndpoint), childId(cluster.data.readerEndpoint)].filter(
        (x): x is string => Boolean(x),
      );
      docConfigurations.push({
        name: c.data.name,
        id: c.id,
        type: "ARN",
        gateway: c.data.gatewayId,
        definition: { aurora: cluster.data.identifier },
        ...(childIds.length === 2 ? { childIds } : {}),
      });
      continue;
    }
    const doc: Record<string, unknown> = { name: c.data.name, id: c.id, type: c.data.type };
    if (c.data.groupId) doc.group = byId.get(c.data.groupId)?.data.name;
    else if (c.data.gatewayId) doc.gateway = c.data.gatewayId;
    if (c.data.portRanges.length) doc.portRanges = c.data.portRanges;
    if (c.data.customDomainName) doc.customDomainName = c.data.customDomainName;
    if (c.data.groupDomain) doc.groupDomain = c.data.groupDomain;
    if (definition?.kind === "dns") doc.definition = { dns: definition.values[0] };
    else if (definition?.kind === "ip") doc.definition = { ip: definition.values[0] };
    else if (definition?.kind === "cidr") doc.definition = { cidrs: definition.values };
    docConfigurations.push(doc);
  }
  const configurationNames = new Map(docConfigurations.map((c) => [c.id as string, c.name as string]));

  const targets = of(topology, "target");
  const groups = of(topology, "targetGroup");
  const services = of(topology, "service").map((s) => {
    const group = groups.find((g) => g.data.serviceArns.includes(s.data.arn));
    const listener = s.data.listeners[0];
    const members = group
      ? targets.filter((t) =>
          topology.edges.some((e) => e.kind === "target" && e.source === group.id && e.target === t.id),
        )
      : [];
    return {
      name: s.data.name,
      id: s.id,
      ...(s.data.authType === "AWS_IAM" ? { authType: "AWS_IAM" } : {}),
      ...(s.data.customDomainName ? { customDomainName: s.data.customDomainName } : {}),
      ...(group && (group.data.type === "LAMBDA" || (group.data.type === "IP" && group.data.vpcId))
        ? {
            targetGroup: {
              name: group.data.name,
              id: group.id,
              type: group.data.type,
              ...(group.data.vpcId ? { vpc: group.data.vpcId } : {}),
              ...(group.data.port ? { port: group.data.port } : {}),
              targets: members.map((t) =>
                group.data.type === "LAMBDA" ? (t.data.functionName ?? t.data.targetId) : t.data.targetId,
              ),
            },
          }
        : {}),
      ...(listener && (listener.protocol === "HTTP" || listener.protocol === "HTTPS")
        ? { listener: { name: listener.name, protocol: listener.protocol, port: listener.port } }
        : {}),
    };
  });
  const lambdas = new Map<string, EmulatorScenario["lambdas"][number]>();
  for (const t of targets.filter((x) => x.data.targetType === "LAMBDA")) {
    const fn = t.data.functionName ?? t.data.targetId;
    // A function in a VPC keeps its groups (the graph records them as the target's security-group edges).
    const groupIds = topology.edges
      .filter((e) => e.kind === "security-group" && e.source === t.id)
      .map((e) => e.target);
    const subnets = t.data.vpcId ? subnetsOf(t.data.vpcId).slice(0, 2) : [];
    lambdas.set(fn, { name: fn, ...(subnets.length ? { subnets, securityGroups: refs(groupIds) } : {}) });
  }

  const resourceAssociations = of(topology, "resourceAssociation")
    .filter((a) => !a.data.isManaged && configurationNames.has(a.data.resourceConfigurationId))
    .map((a) => {
      const children = of(topology, "resourceAssociation").filter((x) => x.data.parentAssociationId === a.id);
      const config = byId.get(a.data.resourceConfigurationId);
      // Child associations are made in the order of the children (writer, reader for Aurora).
      const childOrder = configurations.filter((x) => x.data.groupId === config?.id).map((x) => x.id);
      children.sort(
        (x, y) =>
          childOrder.indexOf(x.data.resourceConfigurationId) - childOrder.indexOf(y.data.resourceConfigurationId),
      );
      return {
        ids: [a.id, ...children.map((c) => c.id)],
        serviceNetwork: networkRef(a.data.serviceNetworkId),
        resourceConfiguration: configurationNames.get(a.data.resourceConfigurationId)!,
        privateDnsEnabled: a.data.privateDnsEnabled,
      };
    });

  return {
    name,
    description: `Reproduced from a Lattice Atlas snapshot of ${topology.source.label}, ${topology.region} (account ${topology.accountId}).`,
    region: topology.region,
    accountId: topology.accountId,
    ...(hash ? { rdsEndpointHash: hash } : {}),
    vpcs,
    aurora: clusters.map((c) => ({
      id: c.data.identifier,
      engine: c.data.engine,
      ...(c.data.engineVersion ? { engineVersion: c.data.engineVersion } : {}),
      port: c.data.port,
      vpc: c.data.vpcId!,
      subnets: subnetsOf(c.data.vpcId).slice(0, 3),
      securityGroups: refs(c.data.securityGroupIds),
      instances: [{ id: `${c.data.identifier}-instance-1` }, { id: `${c.data.identifier}-instance-2` }],
    })),
    lambdas: [...lambdas.values()],
    resourceGateways: of(topology, "resourceGateway")
      .map((g) => ({
        name: g.id,
        id: g.id,
        vpc: g.data.vpcId,
        subnets: g.data.subnetIds,
        securityGroups: refs(g.data.securityGroupIds),
        ...(g.data.dnsResolution ? { resourceConfigDnsResolution: g.data.dnsResolution } : {}),
      }))
      .map((g) => ({ ...g, name: of(topology, "resourceGateway").find((x) => x.id === g.id)!.data.name })),
    resourceConfigurations: docConfigurations.map((c) => ({
      ...c,
      ...(c.gateway ? { gateway: of(topology, "resourceGateway").find((g) => g.id === c.gateway)?.data.name } : {}),
    })),
    serviceNetworks: of(topology, "serviceNetwork").map((n) => ({
      name: n.data.name,
      id: n.id,
      ...(n.data.authType === "AWS_IAM" ? { authType: "AWS_IAM" as const } : {}),
    })),
    services,
    vpcAssociations: of(topology, "vpcAssociation").map((a) => ({
      id: a.id,
      serviceNetwork: networkRef(a.data.serviceNetworkId),
      vpc: a.data.vpcId,
      securityGroups: refs(a.data.securityGroupIds),
      privateDnsEnabled: a.data.privateDnsEnabled,
      ...(a.data.dnsOptions?.privateDnsPreference
        ? { privateDnsPreference: a.data.dnsOptions.privateDnsPreference }
        : {}),
    })),
    resourceAssociations,
    serviceAssociations: of(topology, "serviceAssociation").map((a) => ({
      id: a.id,
      serviceNetwork: networkRef(a.data.serviceNetworkId),
      service: of(topology, "service").find((s) => s.id === a.data.serviceId)?.data.name ?? a.data.serviceId,
    })),
    endpoints: of(topology, "vpcEndpoint").map((e) => ({
      name: e.id,
      id: e.id,
      type: e.data.endpointType === "Resource" ? "Resource" : "ServiceNetwork",
      vpc: e.data.vpcId,
      subnets: e.data.subnetIds,
      securityGroups: refs(e.data.securityGroupIds),
      ...(e.data.resourceConfigurationArn
        ? { resourceConfiguration: configurationNames.get(e.data.resourceConfigurationArn.split("/").pop()!)! }
        : {}),
      ...(e.data.serviceNetworkArn ? { serviceNetwork: networkRef(e.data.serviceNetworkArn.split("/").pop()!) } : {}),
      privateDnsEnabled: e.data.privateDnsEnabled,
    })),
  };
}
