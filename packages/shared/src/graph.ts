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
  /** An AWS account of an estate (a container, with whether it could be read). */
  "account",
  /** A RAM resource share: who shares what with whom. */
  "resourceShare",
  /** Something a read account refers to in an account that was not read: named, not drawn in full. */
  "stub",
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
  /** RAM share → a resource it shares */
  "share",
  /** RAM share → an account (or organization) it shares with */
  "shared-with",
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

/** A network ACL entry: numbered, first match wins, stateless (both directions are checked). */
export const NetworkAclEntry = Type.Object({
  ruleNumber: Type.Integer(),
  egress: Type.Boolean(),
  /** "-1" (all), "6" (TCP), "17" (UDP) … */
  protocol: Str,
  action: StringEnum(["allow", "deny"] as const),
  cidr: OptStr,
  ipv6Cidr: OptStr,
  fromPort: Type.Optional(Type.Integer()),
  toPort: Type.Optional(Type.Integer()),
});
export type NetworkAclEntry = Static<typeof NetworkAclEntry>;

export const NetworkAcl = Type.Object({
  id: Str,
  isDefault: Type.Boolean(),
  subnetIds: StrList,
  entries: Type.Array(NetworkAclEntry),
});
export type NetworkAcl = Static<typeof NetworkAcl>;

export const RouteTable = Type.Object({
  id: Str,
  main: Type.Boolean(),
  subnetIds: StrList,
  routes: Type.Array(Type.Object({ destination: Str, target: Str, state: OptStr })),
});
export type RouteTable = Static<typeof RouteTable>;

/** Where a network, service or configuration sends its access logs. */
export const AccessLogSubscription = Type.Object({
  id: Str,
  destinationArn: Str,
  /** SERVICE or RESOURCE, for a service network. */
  logType: OptStr,
});
export type AccessLogSubscription = Static<typeof AccessLogSubscription>;

/** A custom domain's verification (TXT method): PENDING with the record to create, VERIFIED, or failed. */
export const DomainVerification = Type.Object({
  id: Str,
  domainName: Str,
  status: Str,
  txtName: OptStr,
  txtValue: OptStr,
  lastVerifiedAt: OptStr,
});
export type DomainVerification = Static<typeof DomainVerification>;

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
    /** Network ACLs and route tables, when read (each subnet is in exactly one ACL and one route table). */
    networkAcls: Type.Optional(Type.Array(NetworkAcl)),
    routeTables: Type.Optional(Type.Array(RouteTable)),
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
    /** The auth policy's text, when there is one and it was read. */
    authPolicyText: OptStr,
    accessLogs: Type.Optional(Type.Array(AccessLogSubscription)),
    /** Whether the network may be shared through RAM. */
    sharingEnabled: Type.Optional(Type.Boolean()),
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
    /** An association AWS manages for a service of its own (read-only here). */
    serviceManaged: Type.Optional(Type.Boolean()),
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
    /** resourceConfigDnsResolution: IN_VPC (names resolved in the provider VPC) or PUBLIC. */
    dnsResolution: OptStr,
    ipv4AddressesPerEni: Type.Optional(Type.Integer()),
    /** Created and managed by an AWS service (not changeable here). */
    serviceManaged: Type.Optional(Type.Boolean()),
    managedBy: OptStr,
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
    /** The verification of the custom domain (or its group's domain). */
    domainVerification: Type.Optional(DomainVerification),
    allowAssociationToShareableServiceNetwork: Type.Optional(Type.Boolean()),
    amazonManaged: Type.Boolean(),
    accessLogs: Type.Optional(Type.Array(AccessLogSubscription)),
    failureReason: OptStr,
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
    authPolicyText: OptStr,
    accessLogs: Type.Optional(Type.Array(AccessLogSubscription)),
    listeners: Type.Array(
      Type.Object({
        id: Str,
        name: Str,
        protocol: Str,
        port: Type.Integer(),
        /** The listener's rules, by priority; the default rule last. */
        rules: Type.Optional(
          Type.Array(Type.Object({ name: Str, priority: Type.Optional(Type.Integer()), isDefault: Type.Boolean() })),
        ),
      }),
    ),
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
  account: Type.Object({
    accountId: Str,
    name: OptStr,
    /** readable: every call answered; partial: some were denied or failed; unreadable: no access at all. */
    status: StringEnum(["readable", "partial", "unreadable", "skipped"] as const),
    /** Why it is partial or unreadable, in words ("assume-role denied: …"). */
    reason: OptStr,
    /** What would settle it (the IAM action or trust to add). */
    fix: OptStr,
    regions: StrList,
  }),
  resourceShare: Type.Object({
    arn: Str,
    name: Str,
    ownerAccountId: Str,
    status: Str,
    allowExternalPrincipals: Type.Boolean(),
    principals: Type.Array(Type.Object({ id: Str, status: Str })),
    resourceArns: StrList,
  }),
  stub: Type.Object({
    /** What kind of thing it would be. */
    refKind: Str,
    arn: OptStr,
    accountId: Str,
    region: OptStr,
    /** Why it is not drawn in full. */
    reason: Str,
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
    /** The account that owns it (from its ARN, or the account it was read in). */
    accountId: OptStr,
    region: OptStr,
    /** Accounts it was read in, when more than its owner's (an association seen from both sides). */
    observedIn: Type.Optional(StrList),
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
  /** In an estate: the account and region of the read. */
  accountId: OptStr,
  region: OptStr,
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
  /** When the account was last read in full. */
  discoveredAt: Str,
  /** Set when the picture was patched after a change (only the slices it touched read again): when. */
  patchedAt: OptStr,
});
export type DiscoveryStats = Static<typeof DiscoveryStats>;

/** One account of an estate at a glance: its status and what was read per region. */
export const EstateAccount = Type.Object({
  accountId: Str,
  name: OptStr,
  status: StringEnum(["readable", "partial", "unreadable", "skipped"] as const),
  reason: OptStr,
  fix: OptStr,
  regions: Type.Array(
    Type.Object({
      region: Str,
      status: StringEnum(["readable", "partial", "unreadable", "skipped"] as const),
      /** Nodes per kind read there. */
      counts: Type.Record(Type.String(), Type.Integer()),
      warnings: Type.Integer(),
    }),
  ),
});
export type EstateAccount = Static<typeof EstateAccount>;

export const EstateSummary = Type.Object({
  hubAccountId: Str,
  roleName: Str,
  regions: StrList,
  accounts: Type.Array(EstateAccount),
});
export type EstateSummary = Static<typeof EstateSummary>;

/** A managed prefix list (the VPC Lattice ones among them), for security-group rules that name one. */
export const PrefixList = Type.Object({ id: Str, name: Str, cidrs: StrList });
export type PrefixList = Static<typeof PrefixList>;

export const Topology = Type.Object({
  source: Type.Object({ id: Str, kind: Str, label: Str }),
  /** The account read (for an estate: the hub's). */
  accountId: Str,
  /** The region read (for an estate: the first of its regions). */
  region: Str,
  /** For an estate source: every account and region and how each read went. */
  estate: Type.Optional(EstateSummary),
  nodes: Type.Array(GraphNode),
  edges: Type.Array(GraphEdge),
  /** Managed prefix lists named by security-group rules (the VPC Lattice ones always). */
  prefixLists: Type.Optional(Type.Array(PrefixList)),
  /** Domain verifications of the account (custom domain names of configurations and services). */
  domainVerifications: Type.Optional(Type.Array(DomainVerification)),
  warnings: Type.Array(Warning),
  stats: DiscoveryStats,
});
export type Topology = Static<typeof Topology>;

export const DiscoveryProgress = Type.Object({
  phase: Str,
  /** In an estate: the account and region this progress is about, and the accounts done so far. */
  accountId: OptStr,
  region: OptStr,
  accountsDone: Type.Optional(Type.Integer()),
  accountsTotal: Type.Optional(Type.Integer()),
  done: Type.Integer(),
  total: Type.Integer(),
  operation: OptStr,
});
export type DiscoveryProgress = Static<typeof DiscoveryProgress>;
