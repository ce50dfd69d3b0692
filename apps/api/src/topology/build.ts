/**
 * The pure topology builder: normalised discovery inputs → graph nodes and
 * edges. Ids are AWS ids (ARNs for Aurora clusters and Lambda functions, the
 * DNS name for provider-side names) so that a URL naming a node survives a
 * refresh. VPC-bound things carry their VPC as `parent`.
 */
import type {
  AccessLogSubscription,
  DomainVerification,
  EdgeKind,
  GraphEdge,
  GraphNode,
  NodeKind,
  PrefixList,
} from "@lattice-atlas/shared";
import type { DiscoveryInputs, ResourceConfigurationInput } from "./inputs.js";

/** What the graph refers to but did not read itself: a network shared from elsewhere, another account's VPC. */
export interface Reference {
  kind: NodeKind;
  accountId?: string | undefined;
  arn?: string | undefined;
}

export interface BuiltGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Edges to or from something not in `nodes`, kept so that an estate can join them, or draw a stub. */
  dangling: GraphEdge[];
  /** What is known of every id the graph refers to (its kind, owner and ARN where a listing said). */
  references: Map<string, Reference>;
  prefixLists: PrefixList[];
  domainVerifications: DomainVerification[];
}

const idFromArn = (arn: string): string => arn.split("/").pop() ?? arn;
const accountOfArn = (arn: string | undefined): string | undefined => {
  const account = arn?.split(":")[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
};

/** The node id of a provider-side name or address. */
export const resourceTargetId = (kind: string, value: string): string =>
  kind === "dns" ? value.toLowerCase() : `${kind}:${value}`;

export function buildGraph(inputs: DiscoveryInputs): BuiltGraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const add = <K extends NodeKind>(node: Extract<GraphNode, { kind: K }>): void => {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
  };
  const link = (
    kind: EdgeKind,
    source: string,
    target: string,
    extra: { label?: string; status?: string } = {},
  ): void => {
    const id = `${kind}:${source}->${target}`;
    if (!edges.has(id)) edges.set(id, { id, kind, source, target, ...extra });
  };

  const references = new Map<string, Reference>();
  const refer = (
    id: string,
    kind: NodeKind,
    from: { arn?: string | undefined; accountId?: string | undefined } = {},
  ): void => {
    const known = references.get(id);
    const accountId = from.accountId ?? accountOfArn(from.arn);
    references.set(id, {
      kind,
      ...((known?.accountId ?? accountId) ? { accountId: known?.accountId ?? accountId } : {}),
      ...((known?.arn ?? from.arn) ? { arn: known?.arn ?? from.arn } : {}),
    });
  };
  const vpcIds = new Set(inputs.vpcs.map((v) => v.vpcId));
  const logsOf = (resourceId: string): { accessLogs?: AccessLogSubscription[] } => {
    const logs = inputs.accessLogs.filter((l) => l.resourceId === resourceId).map(({ resourceId: _r, ...log }) => log);
    return logs.length > 0 ? { accessLogs: logs } : {};
  };
  const verifications = new Map(inputs.domainVerifications.map((v) => [v.id, v]));
  const inVpc = (vpcId: string | undefined): { parent?: string } =>
    vpcId && vpcIds.has(vpcId) ? { parent: vpcId } : {};
  const consumers = new Set<string>();
  const providers = new Set<string>();
  const usedGroups = new Set<string>();
  const useGroups = (owner: string, groupIds: string[] | null | undefined): void => {
    for (const groupId of groupIds ?? []) {
      usedGroups.add(groupId);
      link("security-group", owner, groupId);
    }
  };

  const networksByArn = new Map(inputs.serviceNetworks.map((n) => [n.arn, n]));
  const configurations = new Map(inputs.resourceConfigurations.map((c) => [c.id, c]));
  const configurationsByArn = new Map(inputs.resourceConfigurations.map((c) => [c.arn, c]));

  // Consumer side: VPC endpoints of type Resource / ServiceNetwork.
  const rowsByEndpoint = new Map<string, DiscoveryInputs["endpointAssociations"]>();
  for (const row of inputs.endpointAssociations) {
    const rows = rowsByEndpoint.get(row.endpointId) ?? [];
    rows.push(row);
    rowsByEndpoint.set(row.endpointId, rows);
  }
  for (const e of inputs.vpcEndpoints) {
    consumers.add(e.vpcId);
    add<"vpcEndpoint">({
      id: e.endpointId,
      kind: "vpcEndpoint",
      label: e.name ?? `${e.endpointType} endpoint`,
      ...inVpc(e.vpcId),
      status: e.state,
      data: {
        endpointId: e.endpointId,
        endpointType: e.endpointType,
        state: e.state,
        vpcId: e.vpcId,
        subnetIds: e.subnetIds,
        securityGroupIds: e.securityGroupIds,
        privateDnsEnabled: e.privateDnsEnabled,
        ...(e.dnsOptions ? { dnsOptions: e.dnsOptions } : {}),
        ...(e.resourceConfigurationArn ? { resourceConfigurationArn: e.resourceConfigurationArn } : {}),
        ...(e.serviceNetworkArn ? { serviceNetworkArn: e.serviceNetworkArn } : {}),
        ...(e.ipAddressType ? { ipAddressType: e.ipAddressType } : {}),
        ...(e.createdAt ? { createdAt: e.createdAt } : {}),
        associations: (rowsByEndpoint.get(e.endpointId) ?? []).map(({ endpointId: _e, ...row }) => row),
      },
    });
    useGroups(e.endpointId, e.securityGroupIds);
    if (e.serviceNetworkArn)
      refer(networksByArn.get(e.serviceNetworkArn)?.id ?? idFromArn(e.serviceNetworkArn), "serviceNetwork", {
        arn: e.serviceNetworkArn,
      });
    if (e.resourceConfigurationArn)
      refer(
        configurationsByArn.get(e.resourceConfigurationArn)?.id ?? idFromArn(e.resourceConfigurationArn),
        "resourceConfiguration",
        { arn: e.resourceConfigurationArn },
      );
    if (e.serviceNetworkArn)
      link("endpoint", e.endpointId, networksByArn.get(e.serviceNetworkArn)?.id ?? idFromArn(e.serviceNetworkArn), {
        status: e.state,
      });
    if (e.resourceConfigurationArn)
      link(
        "endpoint",
        e.endpointId,
        configurationsByArn.get(e.resourceConfigurationArn)?.id ?? idFromArn(e.resourceConfigurationArn),
        { status: e.state },
      );
  }

  // Service networks and their associations.
  for (const n of inputs.serviceNetworks) {
    add<"serviceNetwork">({
      id: n.id,
      kind: "serviceNetwork",
      label: n.name,
      data: {
        id: n.id,
        arn: n.arn,
        name: n.name,
        ...(n.authType ? { authType: n.authType } : {}),
        authPolicy: n.authPolicy,
        ...(n.authPolicyText ? { authPolicyText: n.authPolicyText } : {}),
        ...logsOf(n.id),
        ...(n.sharingEnabled !== undefined ? { sharingEnabled: n.sharingEnabled } : {}),
        associatedVpcs: n.associatedVpcs,
        associatedServices: n.associatedServices,
        associatedResourceConfigurations: n.associatedResourceConfigurations,
      },
    });
  }
  for (const a of inputs.vpcAssociations) {
    consumers.add(a.vpcId);
    add<"vpcAssociation">({
      id: a.id,
      kind: "vpcAssociation",
      label: "VPC association",
      status: a.status,
      data: {
        id: a.id,
        arn: a.arn,
        status: a.status,
        serviceNetworkId: a.serviceNetworkId,
        vpcId: a.vpcId,
        securityGroupIds: a.securityGroupIds,
        privateDnsEnabled: a.privateDnsEnabled,
        ...(a.dnsOptions ? { dnsOptions: a.dnsOptions } : {}),
        ...(a.failureCode ? { failureCode: a.failureCode } : {}),
        ...(a.failureMessage ? { failureMessage: a.failureMessage } : {}),
        ...(a.lastUpdatedAt ? { lastUpdatedAt: a.lastUpdatedAt } : {}),
      },
    });
    refer(a.vpcId, "vpc", { accountId: a.createdBy });
    refer(a.serviceNetworkId, "serviceNetwork");
    link("vpc-association", a.vpcId, a.id, { status: a.status });
    link("vpc-association", a.id, a.serviceNetworkId, { status: a.status });
    useGroups(a.id, a.securityGroupIds);
  }
  // Managed child associations name the child configuration; their parent is the association of its group.
  const parentAssociation = new Map<string, string>();
  for (const a of inputs.resourceAssociations) {
    if (!a.isManaged) parentAssociation.set(`${a.serviceNetworkId}|${a.resourceConfigurationId}`, a.id);
  }
  for (const a of inputs.resourceAssociations) {
    const configuration = configurations.get(a.resourceConfigurationId);
    const parentId =
      a.isManaged && configuration?.groupId
        ? parentAssociation.get(`${a.serviceNetworkId}|${configuration.groupId}`)
        : undefined;
    add<"resourceAssociation">({
      id: a.id,
      kind: "resourceAssociation",
      label: configuration ? configuration.name : "resource association",
      status: a.status,
      data: {
        id: a.id,
        arn: a.arn,
        status: a.status,
        serviceNetworkId: a.serviceNetworkId,
        resourceConfigurationId: a.resourceConfigurationId,
        isManaged: a.isManaged,
        ...(parentId ? { parentAssociationId: parentId } : {}),
        privateDnsEnabled: a.privateDnsEnabled,
        ...(a.dnsName ? { dnsName: a.dnsName } : {}),
        ...(a.privateDnsName ? { privateDnsName: a.privateDnsName } : {}),
        ...(a.hostedZoneId ? { hostedZoneId: a.hostedZoneId } : {}),
        ...(a.failureCode ? { failureCode: a.failureCode } : {}),
      },
    });
    refer(a.resourceConfigurationId, "resourceConfiguration", { arn: a.resourceConfigurationArn });
    refer(a.serviceNetworkId, "serviceNetwork");
    if (parentId) link("child", parentId, a.id, { status: a.status });
    else link("resource-association", a.serviceNetworkId, a.id, { status: a.status });
    link("resource-association", a.id, a.resourceConfigurationId, { status: a.status });
  }
  for (const a of inputs.serviceAssociations) {
    add<"serviceAssociation">({
      id: a.id,
      kind: "serviceAssociation",
      label: "service association",
      status: a.status,
      data: {
        id: a.id,
        arn: a.arn,
        status: a.status,
        serviceNetworkId: a.serviceNetworkId,
        serviceId: a.serviceId,
        ...(a.dnsName ? { dnsName: a.dnsName } : {}),
        ...(a.customDomainName ? { customDomainName: a.customDomainName } : {}),
      },
    });
    refer(a.serviceId, "service", { arn: a.serviceArn });
    refer(a.serviceNetworkId, "serviceNetwork");
    link("service-association", a.serviceNetworkId, a.id, { status: a.status });
    link("service-association", a.id, a.serviceId, { status: a.status });
  }
  // ServiceNetwork endpoints on this account's networks, other accounts' included (the owner sees them as ids).
  for (const e of inputs.networkEndpoints) {
    refer(e.vpcEndpointId, "vpcEndpoint", { accountId: e.ownerId });
    link("endpoint", e.vpcEndpointId, e.serviceNetworkId, e.state ? { status: e.state } : {});
  }

  // Provider side: gateways, configurations and what they point at.
  for (const g of inputs.resourceGateways) {
    providers.add(g.vpcId);
    add<"resourceGateway">({
      id: g.id,
      kind: "resourceGateway",
      label: g.name,
      ...inVpc(g.vpcId),
      status: g.status,
      data: {
        id: g.id,
        arn: g.arn,
        name: g.name,
        status: g.status,
        vpcId: g.vpcId,
        subnetIds: g.subnetIds,
        securityGroupIds: g.securityGroupIds,
        ...(g.ipAddressType ? { ipAddressType: g.ipAddressType } : {}),
        ...(g.dnsResolution ? { dnsResolution: g.dnsResolution } : {}),
        ...(g.ipv4AddressesPerEni !== undefined ? { ipv4AddressesPerEni: g.ipv4AddressesPerEni } : {}),
        ...(g.serviceManaged ? { serviceManaged: g.serviceManaged } : {}),
        ...(g.managedBy ? { managedBy: g.managedBy } : {}),
      },
    });
    useGroups(g.id, g.securityGroupIds);
  }
  const gatewayVpc = new Map(inputs.resourceGateways.map((g) => [g.id, g.vpcId]));
  const clusterByArn = new Map(inputs.dbClusters.map((c) => [c.arn, c]));
  const instancesByCluster = new Map<string, DiscoveryInputs["dbInstances"]>();
  for (const i of inputs.dbInstances) {
    if (!i.clusterIdentifier) continue;
    const list = instancesByCluster.get(i.clusterIdentifier) ?? [];
    list.push(i);
    instancesByCluster.set(i.clusterIdentifier, list);
  }
  const clusterVpc = (identifier: string, securityGroupIds: string[]): string | undefined =>
    instancesByCluster.get(identifier)?.find((i) => i.vpcId)?.vpcId ??
    inputs.securityGroups.find((g) => securityGroupIds.includes(g.groupId))?.vpcId;
  const endpointOwner = new Map<string, { role: "writer" | "reader" | "custom" | "instance"; clusterArn: string }>();
  for (const c of inputs.dbClusters) {
    const vpcId = clusterVpc(c.identifier, c.securityGroupIds);
    if (vpcId) providers.add(vpcId);
    add<"dbCluster">({
      id: c.arn,
      kind: "dbCluster",
      label: c.identifier,
      ...inVpc(vpcId),
      status: c.status,
      data: {
        arn: c.arn,
        identifier: c.identifier,
        engine: c.engine,
        ...(c.engineVersion ? { engineVersion: c.engineVersion } : {}),
        status: c.status,
        port: c.port,
        ...(c.writerEndpoint ? { writerEndpoint: c.writerEndpoint } : {}),
        ...(c.readerEndpoint ? { readerEndpoint: c.readerEndpoint } : {}),
        ...(vpcId ? { vpcId } : {}),
        securityGroupIds: c.securityGroupIds,
        publiclyAccessible: c.publiclyAccessible,
      },
    });
    useGroups(c.arn, c.securityGroupIds);
    const endpoints: Array<[string | undefined, "writer" | "reader" | "custom"]> = [
      [c.writerEndpoint, "writer"],
      [c.readerEndpoint, "reader"],
      ...c.customEndpoints.map((e): [string, "custom"] => [e, "custom"]),
    ];
    for (const [hostname, role] of endpoints) {
      if (!hostname) continue;
      const id = hostname.toLowerCase();
      endpointOwner.set(id, { role, clusterArn: c.arn });
      add<"dbEndpoint">({
        id,
        kind: "dbEndpoint",
        label: `${role} endpoint of ${c.identifier}`,
        ...inVpc(vpcId),
        data: { role, hostname: id, port: c.port, clusterArn: c.arn, engine: c.engine },
      });
      link("child", c.arn, id);
    }
  }

  const describeTarget = (configuration: ResourceConfigurationInput): void => {
    const definition = configuration.details?.definition;
    if (!definition) return;
    const vpcId = configuration.gatewayId ? gatewayVpc.get(configuration.gatewayId) : undefined;
    if (definition.kind === "arn") {
      const arn = definition.values[0]!;
      if (clusterByArn.has(arn)) link("resource", configuration.id, arn);
      else {
        add<"resourceTarget">({
          id: resourceTargetId("arn", arn),
          kind: "resourceTarget",
          label: arn.split(":").pop() ?? arn,
          ...inVpc(vpcId),
          data: { kind: "arn", value: arn },
        });
        link("resource", configuration.id, resourceTargetId("arn", arn));
      }
      return;
    }
    for (const value of definition.values) {
      const id = resourceTargetId(definition.kind, value);
      if (definition.kind === "dns" && endpointOwner.has(id)) {
        link("resource", configuration.id, id);
        continue;
      }
      add<"resourceTarget">({
        id,
        kind: "resourceTarget",
        label: value,
        ...inVpc(vpcId),
        data: { kind: definition.kind, value },
      });
      link("resource", configuration.id, id);
    }
  };

  /** The verification of a configuration's custom domain: the account's record, else what its Get said. */
  function domainVerificationOf(c: ResourceConfigurationInput): { domainVerification?: DomainVerification } {
    const verificationId = c.domainVerificationId ?? c.details?.domainVerificationId;
    const domainName = c.customDomainName ?? c.groupDomain;
    const known = verificationId
      ? verifications.get(verificationId)
      : [...verifications.values()].find(
          (v) => domainName !== undefined && (domainName === v.domainName || domainName.endsWith(`.${v.domainName}`)),
        );
    if (known) return { domainVerification: known };
    const status = c.details?.domainVerificationStatus;
    if (!verificationId || !status || !domainName) return {};
    return { domainVerification: { id: verificationId, domainName, status } };
  }

  for (const c of inputs.resourceConfigurations) {
    add<"resourceConfiguration">({
      id: c.id,
      kind: "resourceConfiguration",
      label: c.name,
      status: c.status,
      data: {
        id: c.id,
        arn: c.arn,
        name: c.name,
        type: c.type,
        status: c.status,
        ...(c.gatewayId ? { gatewayId: c.gatewayId } : {}),
        ...(c.groupId ? { groupId: c.groupId } : {}),
        portRanges: c.details?.portRanges ?? [],
        ...(c.details?.protocol ? { protocol: c.details.protocol } : {}),
        ...(c.details?.definition ? { definition: c.details.definition } : {}),
        ...(c.customDomainName ? { customDomainName: c.customDomainName } : {}),
        ...(c.groupDomain ? { groupDomain: c.groupDomain } : {}),
        ...domainVerificationOf(c),
        ...(c.details?.allowAssociationToShareableServiceNetwork !== undefined
          ? { allowAssociationToShareableServiceNetwork: c.details.allowAssociationToShareableServiceNetwork }
          : {}),
        ...(c.details?.failureReason ? { failureReason: c.details.failureReason } : {}),
        ...logsOf(c.id),
        amazonManaged: c.amazonManaged,
        ...(c.lastUpdatedAt ? { lastUpdatedAt: c.lastUpdatedAt } : {}),
      },
    });
    if (c.groupId) link("child", c.groupId, c.id);
    // Children reach the gateway through their group; only top-level configurations draw the edge.
    else if (c.gatewayId) link("gateway", c.id, c.gatewayId);
    describeTarget(c);
  }

  // Services, target groups, targets.
  for (const s of inputs.services) {
    add<"service">({
      id: s.id,
      kind: "service",
      label: s.name,
      status: s.status,
      data: {
        id: s.id,
        arn: s.arn,
        name: s.name,
        status: s.status,
        ...(s.dnsName ? { dnsName: s.dnsName } : {}),
        ...(s.customDomainName ? { customDomainName: s.customDomainName } : {}),
        ...(s.authType ? { authType: s.authType } : {}),
        authPolicy: s.authPolicy,
        ...(s.authPolicyText ? { authPolicyText: s.authPolicyText } : {}),
        ...logsOf(s.id),
        listeners: s.listeners,
      },
    });
  }
  const servicesByArn = new Map(inputs.services.map((s) => [s.arn, s.id]));
  const functionsByArn = new Map(inputs.lambdaFunctions.map((f) => [f.arn, f]));
  for (const tg of inputs.targetGroups) {
    if (tg.vpcId) providers.add(tg.vpcId);
    add<"targetGroup">({
      id: tg.id,
      kind: "targetGroup",
      label: tg.name,
      ...inVpc(tg.vpcId),
      status: tg.status,
      data: {
        id: tg.id,
        arn: tg.arn,
        name: tg.name,
        type: tg.type,
        status: tg.status,
        ...(tg.port !== undefined ? { port: tg.port } : {}),
        ...(tg.protocol ? { protocol: tg.protocol } : {}),
        ...(tg.vpcId ? { vpcId: tg.vpcId } : {}),
        serviceArns: tg.serviceArns,
      },
    });
    for (const serviceArn of tg.serviceArns)
      link("listener", servicesByArn.get(serviceArn) ?? idFromArn(serviceArn), tg.id);
    for (const t of tg.targets) {
      const fn = tg.type === "LAMBDA" ? functionsByArn.get(t.id) : undefined;
      const id = tg.type === "LAMBDA" ? t.id : `${tg.id}/${t.id}${t.port !== undefined ? `:${t.port}` : ""}`;
      const vpcId = fn?.vpcId ?? tg.vpcId;
      if (fn?.vpcId) providers.add(fn.vpcId);
      add<"target">({
        id,
        kind: "target",
        label: fn?.name ?? t.id,
        ...inVpc(vpcId),
        ...(t.status ? { status: t.status } : {}),
        data: {
          targetId: t.id,
          targetType: tg.type,
          ...(t.port !== undefined ? { port: t.port } : {}),
          ...(t.status ? { status: t.status } : {}),
          ...(t.reasonCode ? { reasonCode: t.reasonCode } : {}),
          ...(fn ? { functionName: fn.name } : {}),
          ...(vpcId ? { vpcId } : {}),
        },
      });
      link("target", tg.id, id, t.status ? { status: t.status } : {});
      if (fn) useGroups(id, fn.securityGroupIds);
    }
  }

  // Security groups: those Lattice paths use, and the client groups their rules let in.
  const groups = new Map(inputs.securityGroups.map((g) => [g.groupId, g]));
  for (const groupId of [...usedGroups]) {
    for (const rule of groups.get(groupId)?.ingress ?? []) if (rule.sourceGroupId) usedGroups.add(rule.sourceGroupId);
  }
  for (const groupId of usedGroups) {
    const g = groups.get(groupId);
    if (!g) continue;
    add<"securityGroup">({
      id: g.groupId,
      kind: "securityGroup",
      label: g.name ?? g.groupName,
      ...inVpc(g.vpcId),
      data: {
        groupId: g.groupId,
        groupName: g.groupName,
        description: g.description,
        vpcId: g.vpcId,
        ingress: g.ingress,
        egress: g.egress,
      },
    });
  }

  // VPCs last: their roles depend on everything above.
  const subnetsByVpc = new Map<string, DiscoveryInputs["subnets"]>();
  for (const s of inputs.subnets) {
    const list = subnetsByVpc.get(s.vpcId) ?? [];
    list.push(s);
    subnetsByVpc.set(s.vpcId, list);
  }
  const vpcNodes: GraphNode[] = inputs.vpcs.map((v) => ({
    id: v.vpcId,
    kind: "vpc",
    label: v.tags.Name ?? v.vpcId,
    data: {
      vpcId: v.vpcId,
      cidr: v.cidr,
      isDefault: v.isDefault,
      roles: [
        ...(consumers.has(v.vpcId) ? (["consumer"] as const) : []),
        ...(providers.has(v.vpcId) ? (["provider"] as const) : []),
      ],
      subnets: (subnetsByVpc.get(v.vpcId) ?? []).map((s) => ({
        id: s.subnetId,
        cidr: s.cidr,
        availabilityZone: s.availabilityZone,
        ...(s.availabilityZoneId ? { availabilityZoneId: s.availabilityZoneId } : {}),
        ...(s.name ? { name: s.name } : {}),
      })),
      tags: v.tags,
      ...(inputs.networkAcls.length > 0
        ? { networkAcls: inputs.networkAcls.filter((a) => a.vpcId === v.vpcId).map(({ vpcId: _v, ...acl }) => acl) }
        : {}),
      ...(inputs.routeTables.length > 0
        ? { routeTables: inputs.routeTables.filter((t) => t.vpcId === v.vpcId).map(({ vpcId: _v, ...table }) => table) }
        : {}),
    },
  }));

  // Every node carries the account that owns it (its ARN's, else the account read) and the region. An
  // association's ARN names the account that reads it, not its owner: it belongs to its network's account.
  const networkAccount = new Map(inputs.serviceNetworks.map((n) => [n.id, accountOfArn(n.arn)]));
  const ownerOf = (node: GraphNode): string | undefined =>
    node.kind === "vpcAssociation" || node.kind === "resourceAssociation" || node.kind === "serviceAssociation"
      ? networkAccount.get(node.data.serviceNetworkId)
      : accountOfArn((node.data as { arn?: string }).arn);
  const allNodes = [...vpcNodes, ...nodes.values()].map((node) => ({
    ...node,
    accountId: ownerOf(node) ?? inputs.accountId,
    region: inputs.region,
  })) as GraphNode[];
  const known = new Set(allNodes.map((n) => n.id));
  const allEdges: GraphEdge[] = [];
  const dangling: GraphEdge[] = [];
  for (const edge of edges.values())
    (known.has(edge.source) && known.has(edge.target) ? allEdges : dangling).push(edge);
  return {
    nodes: allNodes,
    edges: allEdges,
    dangling,
    references,
    prefixLists: inputs.prefixLists,
    domainVerifications: inputs.domainVerifications,
  };
}
