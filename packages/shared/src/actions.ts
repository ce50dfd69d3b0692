/**
 * One-click changes: the actions a user can plan and run (a discriminated
 * union on `type`), what a plan answers (findings, the exact AWS calls, the
 * same change as AWS CLI, Terraform and CloudFormation), what an execution
 * answers, the status the UI polls, and the audit log.
 */
import Type, { type Static, type TSchema } from "typebox";
import { PATTERNS } from "./ids.js";
import { StringEnum } from "./schema.js";
import { STATUS_PHASES } from "./status.js";

const SourceParam = Type.String({ pattern: PATTERNS.sourceId, description: "emulator, default or profile:<name>" });
const RegionParam = Type.String({ pattern: PATTERNS.region, description: "AWS region, e.g. ap-northeast-1" });

const VpcId = Type.String({ pattern: PATTERNS.vpcId, description: "vpc-…" });
const ServiceNetworkRef = Type.String({
  pattern: PATTERNS.serviceNetworkRef,
  description: "sn-… or its ARN (an ARN for a network shared from another account)",
});
const ResourceConfigurationRef = Type.String({
  pattern: PATTERNS.resourceConfigurationRef,
  description: "rcfg-… or its ARN",
});
const ServiceRef = Type.String({ pattern: PATTERNS.serviceRef, description: "svc-… or its ARN" });
const SecurityGroupId = Type.String({ pattern: PATTERNS.securityGroupId, description: "sg-…" });
// More than AWS allows (5), so that preflight can explain the limit instead of a bare 400.
const SecurityGroupIds = Type.Array(SecurityGroupId, {
  maxItems: 16,
  description: "Security groups (AWS allows at most 5)",
});
const SubnetIds = Type.Array(Type.String({ pattern: PATTERNS.subnetId }), {
  minItems: 1,
  maxItems: 32,
  description: "One subnet per Availability Zone",
});

export const PRIVATE_DNS_PREFERENCES = [
  "VERIFIED_DOMAINS_ONLY",
  "ALL_DOMAINS",
  "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS",
  "SPECIFIED_DOMAINS_ONLY",
] as const;

export const DnsOptionsInput = Type.Object(
  {
    privateDnsPreference: Type.Optional(StringEnum(PRIVATE_DNS_PREFERENCES)),
    privateDnsSpecifiedDomains: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { minItems: 1, maxItems: 10 }),
    ),
  },
  { additionalProperties: false },
);
export type DnsOptionsInput = Static<typeof DnsOptionsInput>;

const strict = { additionalProperties: false } as const;

export const AssociateVpcAction = Type.Object(
  {
    type: Type.Literal("associate-vpc"),
    serviceNetworkId: ServiceNetworkRef,
    vpcId: VpcId,
    securityGroupIds: Type.Optional(SecurityGroupIds),
    privateDnsEnabled: Type.Optional(Type.Boolean()),
    dnsOptions: Type.Optional(DnsOptionsInput),
  },
  { ...strict, description: "Service network ↔ VPC association (CreateServiceNetworkVpcAssociation)" },
);

export const AssociateResourceAction = Type.Object(
  {
    type: Type.Literal("associate-resource"),
    serviceNetworkId: ServiceNetworkRef,
    resourceConfigurationId: ResourceConfigurationRef,
    privateDnsEnabled: Type.Optional(Type.Boolean()),
  },
  {
    ...strict,
    description: "Service network ↔ resource configuration association (CreateServiceNetworkResourceAssociation)",
  },
);

export const AssociateServiceAction = Type.Object(
  { type: Type.Literal("associate-service"), serviceNetworkId: ServiceNetworkRef, serviceId: ServiceRef },
  { ...strict, description: "Service network ↔ Lattice service association (CreateServiceNetworkServiceAssociation)" },
);

export const CreateResourceEndpointAction = Type.Object(
  {
    type: Type.Literal("create-resource-endpoint"),
    vpcId: VpcId,
    resourceConfigurationId: ResourceConfigurationRef,
    subnetIds: SubnetIds,
    securityGroupIds: Type.Optional(SecurityGroupIds),
    privateDnsEnabled: Type.Optional(Type.Boolean()),
    dnsOptions: Type.Optional(DnsOptionsInput),
  },
  { ...strict, description: "VPC endpoint of type Resource for a resource configuration (EC2 CreateVpcEndpoint)" },
);

export const CreateServiceNetworkEndpointAction = Type.Object(
  {
    type: Type.Literal("create-service-network-endpoint"),
    vpcId: VpcId,
    serviceNetworkId: ServiceNetworkRef,
    subnetIds: SubnetIds,
    securityGroupIds: Type.Optional(SecurityGroupIds),
    privateDnsEnabled: Type.Optional(Type.Boolean()),
    dnsOptions: Type.Optional(DnsOptionsInput),
  },
  { ...strict, description: "VPC endpoint of type ServiceNetwork for a service network (EC2 CreateVpcEndpoint)" },
);

export const RemoveVpcAssociationAction = Type.Object(
  {
    type: Type.Literal("remove-vpc-association"),
    associationId: Type.String({ pattern: PATTERNS.vpcAssociationId, description: "snva-…" }),
  },
  { ...strict, description: "DeleteServiceNetworkVpcAssociation" },
);
export const RemoveResourceAssociationAction = Type.Object(
  {
    type: Type.Literal("remove-resource-association"),
    associationId: Type.String({ pattern: PATTERNS.resourceAssociationId, description: "snra-…" }),
  },
  { ...strict, description: "DeleteServiceNetworkResourceAssociation" },
);
export const RemoveServiceAssociationAction = Type.Object(
  {
    type: Type.Literal("remove-service-association"),
    associationId: Type.String({ pattern: PATTERNS.serviceAssociationId, description: "snsa-…" }),
  },
  { ...strict, description: "DeleteServiceNetworkServiceAssociation" },
);
export const RemoveEndpointAction = Type.Object(
  {
    type: Type.Literal("remove-endpoint"),
    endpointId: Type.String({ pattern: PATTERNS.vpcEndpointId, description: "vpce-…" }),
  },
  { ...strict, description: "EC2 DeleteVpcEndpoints for one Resource or ServiceNetwork endpoint" },
);

export const AddIngressRuleAction = Type.Object(
  {
    type: Type.Literal("add-ingress-rule"),
    groupId: SecurityGroupId,
    protocol: Type.Literal("tcp"),
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    /** Exactly one of sourceGroupId and cidr. */
    sourceGroupId: Type.Optional(SecurityGroupId),
    cidr: Type.Optional(Type.String({ pattern: PATTERNS.ipv4Cidr, description: "IPv4 CIDR, e.g. 10.3.0.0/16" })),
    description: Type.Optional(Type.String({ pattern: PATTERNS.ruleDescription, maxLength: 255 })),
  },
  { ...strict, description: "One inbound TCP rule on a security group (EC2 AuthorizeSecurityGroupIngress)" },
);

export const UpdateVpcAssociationDnsAction = Type.Object(
  {
    type: Type.Literal("update-vpc-association-dns"),
    associationId: Type.String({ pattern: PATTERNS.vpcAssociationId, description: "snva-…" }),
    privateDnsEnabled: Type.Boolean(),
    dnsOptions: Type.Optional(DnsOptionsInput),
  },
  {
    ...strict,
    description:
      "Private DNS (and its preference) of a service-network VPC association (UpdateServiceNetworkVpcAssociation)",
  },
);

export const StartDomainVerificationAction = Type.Object(
  {
    type: Type.Literal("start-domain-verification"),
    domainName: Type.String({
      minLength: 3,
      maxLength: 255,
      pattern: "^(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$",
      description: "The custom domain to verify (TXT method), e.g. orders.example.com",
    }),
  },
  { ...strict, description: "Verify a custom domain name for VPC Lattice (StartDomainVerification)" },
);

const ACTION_BRANCHES = [
  AssociateVpcAction,
  AssociateResourceAction,
  AssociateServiceAction,
  CreateResourceEndpointAction,
  CreateServiceNetworkEndpointAction,
  RemoveVpcAssociationAction,
  RemoveResourceAssociationAction,
  RemoveServiceAssociationAction,
  RemoveEndpointAction,
  AddIngressRuleAction,
  UpdateVpcAssociationDnsAction,
  StartDomainVerificationAction,
] as const;

export type AssociateVpcAction = Static<typeof AssociateVpcAction>;
export type AssociateResourceAction = Static<typeof AssociateResourceAction>;
export type AssociateServiceAction = Static<typeof AssociateServiceAction>;
export type CreateResourceEndpointAction = Static<typeof CreateResourceEndpointAction>;
export type CreateServiceNetworkEndpointAction = Static<typeof CreateServiceNetworkEndpointAction>;
export type RemoveVpcAssociationAction = Static<typeof RemoveVpcAssociationAction>;
export type RemoveResourceAssociationAction = Static<typeof RemoveResourceAssociationAction>;
export type RemoveServiceAssociationAction = Static<typeof RemoveServiceAssociationAction>;
export type RemoveEndpointAction = Static<typeof RemoveEndpointAction>;
export type AddIngressRuleAction = Static<typeof AddIngressRuleAction>;
export type UpdateVpcAssociationDnsAction = Static<typeof UpdateVpcAssociationDnsAction>;
export type StartDomainVerificationAction = Static<typeof StartDomainVerificationAction>;

export type Action =
  | AssociateVpcAction
  | AssociateResourceAction
  | AssociateServiceAction
  | CreateResourceEndpointAction
  | CreateServiceNetworkEndpointAction
  | RemoveVpcAssociationAction
  | RemoveResourceAssociationAction
  | RemoveServiceAssociationAction
  | RemoveEndpointAction
  | AddIngressRuleAction
  | UpdateVpcAssociationDnsAction
  | StartDomainVerificationAction;
export type ActionType = Action["type"];
export const ACTION_TYPES = ACTION_BRANCHES.map(
  (b) => (b.properties.type as unknown as { const: string }).const,
) as ActionType[];

/**
 * oneOf with an OpenAPI/ajv discriminator: validation picks the branch by
 * `type`, so a bad field is reported by its own name, not as "must match a schema in anyOf".
 */
export const Action = Type.Unsafe<Action>({
  type: "object",
  required: ["type"],
  discriminator: { propertyName: "type" },
  oneOf: ACTION_BRANCHES as unknown as TSchema[],
  description: "The change to make; `type` picks the shape.",
});

export const FINDING_CODES = [
  "READ_ONLY",
  "NOT_FOUND",
  "VPC_ALREADY_ASSOCIATED",
  "DUPLICATE_ASSOCIATION",
  "DUPLICATE_ENDPOINT",
  "DUPLICATE_RULE",
  "TOO_MANY_SECURITY_GROUPS",
  "GROUP_NOT_IN_VPC",
  "SUBNET_NOT_IN_VPC",
  "SUBNETS_SHARE_AZ",
  "NO_COMMON_AZ",
  "CIDR_CONFIGURATION",
  "CHILD_CONFIGURATION",
  "MANAGED_ASSOCIATION",
  "TARGET_DELETING",
  "TARGET_NOT_READY",
  "BUSY",
  "PRIVATE_DNS_CLASH",
  "ENTRY_INGRESS_MISSING",
  "TARGET_INGRESS_MISSING",
  "NO_SECURITY_GROUPS",
  "DEFAULT_SECURITY_GROUP",
  "DNS_OPTIONS",
  "PARTIAL_TOPOLOGY",
  /** Created and managed by AWS for one of its services: shown, never changed here. */
  "AWS_MANAGED",
  "DOMAIN_VERIFICATION",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export const Finding = Type.Object({
  code: StringEnum(FINDING_CODES),
  severity: StringEnum(["blocking", "warning", "info"] as const),
  /** What is wrong (or worth knowing), in one or two sentences. */
  message: Type.String(),
  /** What to do about it. */
  fix: Type.String(),
  /** The id the finding is about, when there is one. */
  subject: Type.Optional(Type.String()),
  /** A ready action that solves it (e.g. a ServiceNetwork endpoint instead of a second VPC association). */
  alternative: Type.Optional(Type.Object({ label: Type.String(), action: Action })),
});
export type Finding = Static<typeof Finding>;

export const AwsCall = Type.Object({
  service: StringEnum(["vpc-lattice", "ec2"] as const),
  operation: Type.String(),
  /** The request exactly as the SDK sends it (API member names). */
  input: Type.Record(Type.String(), Type.Unknown()),
});
export type AwsCall = Static<typeof AwsCall>;

export const PlanRequest = Type.Object(
  {
    source: Type.Optional(SourceParam),
    region: Type.Optional(RegionParam),
    action: Action,
    /** When given, the plan's calls and CLI command carry it, as the execution will. */
    clientToken: Type.Optional(Type.String({ pattern: PATTERNS.clientToken })),
  },
  { additionalProperties: false },
);
export type PlanRequest = Static<typeof PlanRequest>;

/** What one VPC gains or loses by a change: the targets and the names that start or stop working from it. */
export const ChangeImpact = Type.Object({
  vpc: Type.Object({ id: Type.String(), name: Type.String() }),
  loses: Type.Array(
    Type.Object({
      target: Type.Object({ id: Type.String(), name: Type.String() }),
      hostnames: Type.Array(Type.String()),
    }),
  ),
  gains: Type.Array(
    Type.Object({
      target: Type.Object({ id: Type.String(), name: Type.String() }),
      hostnames: Type.Array(Type.String()),
    }),
  ),
});
export type ChangeImpact = Static<typeof ChangeImpact>;

export const PlanResponse = Type.Object({
  action: Action,
  /** One line: what the change does. */
  summary: Type.String(),
  findings: Type.Array(Finding),
  /** Per consumer VPC, the names that would stop (or start) working: the Connect answer after minus before. */
  impact: Type.Array(ChangeImpact),
  /** true when a finding is blocking: executing would be refused. */
  blocking: Type.Boolean(),
  calls: Type.Array(AwsCall),
  cli: Type.String(),
  terraform: Type.String(),
  cloudformation: Type.String(),
  /** How a repeated request with the same client token is kept to one change. */
  idempotency: Type.String(),
});
export type PlanResponse = Static<typeof PlanResponse>;

export const ExecuteRequest = Type.Object(
  {
    source: Type.Optional(SourceParam),
    region: Type.Optional(RegionParam),
    action: Action,
    /** One token per user intent (the UI mints it); reuse it on every retry of that intent. */
    clientToken: Type.String({ pattern: PATTERNS.clientToken }),
  },
  { additionalProperties: false },
);
export type ExecuteRequest = Static<typeof ExecuteRequest>;

export const RESOURCE_KINDS = [
  "vpcAssociation",
  "resourceAssociation",
  "serviceAssociation",
  "vpcEndpoint",
  "securityGroupRule",
  "domainVerification",
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const POLLABLE_KINDS = ["vpcAssociation", "resourceAssociation", "serviceAssociation", "vpcEndpoint"] as const;
export type PollableKind = (typeof POLLABLE_KINDS)[number];

export const ChangedResource = Type.Object({
  kind: StringEnum(RESOURCE_KINDS),
  id: Type.String(),
  arn: Type.Optional(Type.String()),
  /** As AWS answered: CREATE_IN_PROGRESS, Pending, DELETE_IN_PROGRESS, Deleting, or "active" for a rule. */
  status: Type.String(),
  /** For a domain verification: the TXT record to create in the domain's DNS. */
  txtRecord: Type.Optional(Type.Object({ name: Type.String(), value: Type.String() })),
});
export type ChangedResource = Static<typeof ChangedResource>;

export const ExecuteResponse = Type.Object({
  resource: ChangedResource,
  requestId: Type.Optional(Type.String()),
  /** true when this client token had already been executed: nothing was sent to AWS again. */
  replayed: Type.Boolean(),
  clientToken: Type.String(),
  /** Non-blocking findings of the preflight, for the record. */
  warnings: Type.Array(Finding),
});
export type ExecuteResponse = Static<typeof ExecuteResponse>;

export const StatusQuery = Type.Object(
  {
    source: Type.Optional(SourceParam),
    region: Type.Optional(RegionParam),
    kind: StringEnum(POLLABLE_KINDS),
    id: Type.String({
      pattern: "^(snva-[0-9a-z]{17}|snra-[0-9a-f]{17}|snsa-[0-9a-z]{17}|vpce-([0-9a-f]{8}|[0-9a-f]{17}))$",
      description: "The id an execution returned",
    }),
  },
  { additionalProperties: false },
);
export type StatusQuery = Static<typeof StatusQuery>;

export const StatusDnsEntry = Type.Object({
  name: Type.String(),
  hostedZoneId: Type.Optional(Type.String()),
  /** true for a private-DNS name (the resource's own or custom domain). */
  private: Type.Boolean(),
  /** The (child) resource configuration or service the name reaches, when AWS says. */
  reaches: Type.Optional(Type.String()),
});
export type StatusDnsEntry = Static<typeof StatusDnsEntry>;

export const StatusResponse = Type.Object({
  kind: StringEnum(POLLABLE_KINDS),
  id: Type.String(),
  /** AWS's own status string (CREATE_IN_PROGRESS, ACTIVE, CREATE_FAILED, Pending, Available …); NOT_YET_VISIBLE right after a create. */
  status: Type.String(),
  phase: StringEnum(STATUS_PHASES),
  /** Stop polling: the resource reached a final state. */
  done: Type.Boolean(),
  failureCode: Type.Optional(Type.String()),
  failureReason: Type.Optional(Type.String()),
  dnsEntries: Type.Array(StatusDnsEntry),
  /** For a failed creation: the removal to run before creating it again. */
  recovery: Type.Optional(Type.Object({ label: Type.String(), action: Action })),
  checkedAt: Type.String(),
});
export type StatusResponse = Static<typeof StatusResponse>;

export const AuditQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    /** Entries older than this id (the previous page's nextBefore). */
    before: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AUDIT_OUTCOMES = ["succeeded", "failed", "refused", "replayed"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  source: Type.String(),
  accountId: Type.Optional(Type.String()),
  region: Type.String(),
  action: Type.String(),
  input: Type.Record(Type.String(), Type.Unknown()),
  outcome: StringEnum(AUDIT_OUTCOMES),
  resourceKind: Type.Optional(Type.String()),
  resourceId: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  errorCode: Type.Optional(Type.String()),
  awsCode: Type.Optional(Type.String()),
  requestId: Type.Optional(Type.String()),
  clientToken: Type.Optional(Type.String()),
  /** Team mode: the signed-in user who made the change (absent on a laptop, which has no sign-in). */
  user: Type.Optional(Type.String()),
  /**
   * Team mode: the AWS role session name the change was made under (`atlas-<user>`), when its credentials came
   * from an AssumeRole (an estate's member role, or the hub role of --assume-role-arn); absent otherwise.
   */
  roleSessionName: Type.Optional(Type.String()),
  /** How the change ended, once a status poll saw it settle: AWS's word (ACTIVE, CREATE_FAILED, …) and phase. */
  finalStatus: Type.Optional(Type.String()),
  finalPhase: Type.Optional(Type.String()),
  failureReason: Type.Optional(Type.String()),
  settledAt: Type.Optional(Type.String()),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditResponse = Type.Object({
  entries: Type.Array(AuditEntry),
  /** Pass as `before` for the next (older) page; absent on the last page. */
  nextBefore: Type.Optional(Type.Integer()),
});
export type AuditResponse = Static<typeof AuditResponse>;
