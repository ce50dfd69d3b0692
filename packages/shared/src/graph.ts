/**
 * The topology graph: node and edge kinds, ids = AWS ids or ARNs (or the DNS
 * name for provider-side names), one typed data shape per kind.
 */
import Type, { type Static, type TSchema } from "typebox";
import { StringEnum } from "./schema.js";

const Str = Type.String();
const OptStr = Type.Optional(Type.String());
const StrList = Type.Array(Type.String());

export const NODE_KINDS = [
  "vpc",
  "securityGroup",
  "vpcEndpoint",
  "serviceNetwork",
  "vpcAssociation",
  "resourceAssociation",
  "serviceAssociation",
  "resourceGateway",
  "resourceConfiguration",
  "dbCluster",
  "dbEndpoint",
  "resourceTarget",
  "service",
  "targetGroup",
  "target",
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_KINDS = [
  /** consumer VPC → its service-network VPC association → service network */
  "vpc-association",
  /** VPC endpoint → service network (ServiceNetwork type) or → resource configuration (Resource type) */
  "endpoint",
  /** service network → resource association → resource configuration */
  "resource-association",
  /** service network → service association → service */
  "service-association",
  /** GROUP/ARN configuration → CHILD; parent association → managed child association */
  "child",
  /** resource configuration → resource gateway */
  "gateway",
  /** resource configuration → what it points at (Aurora cluster or endpoint, DNS name, IP, CIDR) */
  "resource",
  /** service → target group (through a listener) */
  "listener",
  /** target group → target */
  "target",
  /** endpoint, association, gateway or database → a security group it uses */
  "security-group",
] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const SecurityGroupRule = Type.Object({
  protocol: Str,
  fromPort: Type.Optional(Type.Integer()),
  toPort: Type.Optional(Type.Integer()),
  cidr: OptStr,
  ipv6Cidr: OptStr,
  prefixListId: OptStr,
  sourceGroupId: OptStr,
  description: OptStr,
});
export type SecurityGroupRule = Static<typeof SecurityGroupRule>;

export const DnsName = Type.Object({ name: Str, hostedZoneId: OptStr });
export type DnsName = Static<typeof DnsName>;

export const EndpointAssociationRow = Type.Object({
  id: Str,
  associatedResourceArn: Str,
  resourceConfigurationGroupArn: OptStr,
  serviceNetworkArn: OptStr,
  accessibility: OptStr,
  dnsName: OptStr,
  privateDnsName: OptStr,
  failureReason: OptStr,
});
export type EndpointAssociationRow = Static<typeof EndpointAssociationRow>;

const DnsOptions = Type.Object({ privateDnsPreference: OptStr, privateDnsSpecifiedDomains: Type.Optional(StrList) });

export const NodeData = {
  vpc: Type.Object({
    vpcId: Str,
    cidr: Str,
    isDefault: Type.Boolean(),
    /** consumer: it reaches Lattice; provider: it hosts gateways/resources/targets. */
    roles: Type.Array(Type.Union([Type.Literal("consumer"), Type.Literal("provider")])),
    subnets: Type.Array(
      Type.Object({ id: Str, cidr: Str, availabilityZone: Str, availabilityZoneId: OptStr, name: OptStr }),
    ),
    tags: Type.Record(Type.String(), Type.String()),
  }),
  securityGroup: Type.Object({
    groupId: Str,
    groupName: Str,
    description: Str,
    vpcId: Str,
    ingress: Type.Array(SecurityGroupRule),
    egress: Type.Array(SecurityGroupRule),
  }),
  vpcEndpoint: Type.Object({
    endpointId: Str,
    endpointType: Str,
    state: Str,
    vpcId: Str,
    subnetIds: StrList,
    securityGroupIds: StrList,
    privateDnsEnabled: Type.Boolean(),
    dnsOptions: Type.Optional(DnsOptions),
    resourceConfigurationArn: OptStr,
    serviceNetworkArn: OptStr,
    ipAddressType: OptStr,
    createdAt: OptStr,
    associations: Type.Array(EndpointAssociationRow),
  }),
  serviceNetwork: Type.Object({
    id: Str,
    arn: Str,
    name: Str,
    authType: OptStr,
    authPolicy: Type.Union([Type.Literal("present"), Type.Literal("absent"), Type.Literal("unknown")]),
    associatedVpcs: Type.Integer(),
    associatedServices: Type.Integer(),
    associatedResourceConfigurations: Type.Integer(),
  }),
  vpcAssociation: Type.Object({
    id: Str,
    arn: Str,
    status: Str,
    serviceNetworkId: Str,
    vpcId: Str,
    /** null when the groups could not be read. */
    securityGroupIds: Type.Union([StrList, Type.Null()]),
    privateDnsEnabled: Type.Boolean(),
    dnsOptions: Type.Optional(DnsOptions),
    failureCode: OptStr,
    failureMessage: OptStr,
    lastUpdatedAt: OptStr,
  }),
  resourceAssociation: Type.Object({
    id: Str,
    arn: Str,
    status: Str,
    serviceNetworkId: Str,
    resourceConfigurationId: Str,
    isManaged: Type.Boolean(),
    parentAssociationId: OptStr,
    privateDnsEnabled: Type.Boolean(),
    dnsName: OptStr,
    privateDnsName: OptStr,
    hostedZoneId: OptStr,
    failureCode: OptStr,
  }),
  serviceAssociation: Type.Object({
    id: Str,
    arn: Str,
    status: Str,
    serviceNetworkId: Str,
    serviceId: Str,
    dnsName: OptStr,
    customDomainName: OptStr,
  }),
  resourceGateway: Type.Object({
    id: Str,
    arn: Str,
    name: Str,
    status: Str,
    vpcId: Str,
    subnetIds: StrList,
    securityGroupIds: StrList,
    ipAddressType: OptStr,
    dnsResolution: OptStr,
  }),
  resourceConfiguration: Type.Object({
    id: Str,
    arn: Str,
    name: Str,
    type: Str,
    status: Str,
    gatewayId: OptStr,
    groupId: OptStr,
    portRanges: StrList,
    protocol: OptStr,
    definition: Type.Optional(
      Type.Object({
        kind: Type.Union([Type.Literal("dns"), Type.Literal("ip"), Type.Literal("arn"), Type.Literal("cidr")]),
        values: StrList,
      }),
    ),
    customDomainName: OptStr,
    groupDomain: OptStr,
    amazonManaged: Type.Boolean(),
    lastUpdatedAt: OptStr,
  }),
  dbCluster: Type.Object({
    arn: Str,
    identifier: Str,
    engine: Str,
    engineVersion: OptStr,
    status: Str,
    port: Type.Integer(),
    writerEndpoint: OptStr,
    readerEndpoint: OptStr,
    vpcId: OptStr,
    securityGroupIds: StrList,
    publiclyAccessible: Type.Boolean(),
  }),
  dbEndpoint: Type.Object({
    role: Type.Union([
      Type.Literal("writer"),
      Type.Literal("reader"),
      Type.Literal("custom"),
      Type.Literal("instance"),
    ]),
    hostname: Str,
    port: Type.Integer(),
    clusterArn: Str,
    engine: Str,
  }),
  resourceTarget: Type.Object({
    kind: Type.Union([Type.Literal("dns"), Type.Literal("ip"), Type.Literal("cidr"), Type.Literal("arn")]),
    value: Str,
  }),
  service: Type.Object({
    id: Str,
    arn: Str,
    name: Str,
    status: Str,
    dnsName: OptStr,
    customDomainName: OptStr,
    authType: OptStr,
    authPolicy: Type.Union([Type.Literal("present"), Type.Literal("absent"), Type.Literal("unknown")]),
    listeners: Type.Array(Type.Object({ id: Str, name: Str, protocol: Str, port: Type.Integer() })),
  }),
  targetGroup: Type.Object({
    id: Str,
    arn: Str,
    name: Str,
    type: Str,
    status: Str,
    port: Type.Optional(Type.Integer()),
    protocol: OptStr,
    vpcId: OptStr,
    serviceArns: StrList,
  }),
  target: Type.Object({
    targetId: Str,
    targetType: Str,
    port: Type.Optional(Type.Integer()),
    status: OptStr,
    reasonCode: OptStr,
    functionName: OptStr,
    vpcId: OptStr,
  }),
} satisfies Record<NodeKind, TSchema>;

export type NodeDataOf<K extends NodeKind> = Static<(typeof NodeData)[K]>;

function nodeSchema<K extends NodeKind>(kind: K) {
  return Type.Object({
    id: Str,
    kind: Type.Literal(kind),
    label: Str,
    /** The VPC that contains it, for VPC-bound things. */
    parent: OptStr,
    status: OptStr,
    data: NodeData[kind],
  });
}

export type GraphNode = { [K in NodeKind]: Static<ReturnType<typeof nodeSchema<K>>> }[NodeKind];
export const GraphNode = Type.Unsafe<GraphNode>(Type.Union(NODE_KINDS.map((kind) => nodeSchema(kind))));
export type GraphNodeOf<K extends NodeKind> = Extract<GraphNode, { kind: K }>;

export const GraphEdge = Type.Object({
  id: Str,
  kind: StringEnum(EDGE_KINDS),
  source: Str,
  target: Str,
  label: OptStr,
  status: OptStr,
});
export type GraphEdge = Static<typeof GraphEdge>;

export const Warning = Type.Object({
  /** Deadline: the discovery's overall deadline passed before this operation finished (what it read is kept). */
  code: StringEnum(["AccessDenied", "Throttled", "Timeout", "Deadline", "Failed"] as const),
  service: Str,
  operation: Str,
  awsCode: OptStr,
  requestId: OptStr,
  iamAction: Str,
  message: Str,
  /** What is missing from the picture because of it. */
  impact: Str,
});
export type Warning = Static<typeof Warning>;

export const DiscoveryStats = Type.Object({
  calls: Type.Record(Type.String(), Type.Integer()),
  totalCalls: Type.Integer(),
  wallMs: Type.Number(),
  /** Get calls skipped because a List showed the item unchanged since the last run. */
  reused: Type.Integer(),
  cached: Type.Boolean(),
  discoveredAt: Str,
});
export type DiscoveryStats = Static<typeof DiscoveryStats>;

export const Topology = Type.Object({
  source: Type.Object({ id: Str, kind: Str, label: Str }),
  accountId: Str,
  region: Str,
  nodes: Type.Array(GraphNode),
  edges: Type.Array(GraphEdge),
  warnings: Type.Array(Warning),
  stats: DiscoveryStats,
});
export type Topology = Static<typeof Topology>;

export const DiscoveryProgress = Type.Object({
  phase: Str,
  done: Type.Integer(),
  total: Type.Integer(),
  operation: OptStr,
});
export type DiscoveryProgress = Static<typeof DiscoveryProgress>;
