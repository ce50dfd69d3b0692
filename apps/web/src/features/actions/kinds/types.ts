/**
 * What an action kind module holds (see index.ts): its labels, what it
 * touches, and — for a creation — its form and the node it draws while AWS
 * works on it; for a removal, the node kind it removes.
 */
import type {
  Action,
  GraphEdge,
  GraphNode,
  NodeKind,
  PRIVATE_DNS_PREFERENCES,
  StatusDnsEntry,
} from "@lattice-atlas/shared";
import type { TopologyIndex } from "../../topology/topology-index";

export type ActionType = Action["type"];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;
export type PrivateDnsPreference = (typeof PRIVATE_DNS_PREFERENCES)[number];

/** What the user started: a kind of creation and the ends already chosen (by the drag or the node's menu). */
export interface ChangeIntent {
  type: CreateType;
  vpcId?: string | undefined;
  serviceNetworkId?: string | undefined;
  resourceConfigurationId?: string | undefined;
  serviceId?: string | undefined;
}

/** The ends an intent can fix. */
type IntentEnd = "vpcId" | "serviceNetworkId" | "resourceConfigurationId" | "serviceId";

/** The sheet's form: one shape for every creation, so that another kind of change keeps the ends chosen. */
export interface ChangeForm {
  type: CreateType;
  vpcId: string;
  serviceNetworkId: string;
  resourceConfigurationId: string;
  serviceId: string;
  /** Availability Zone → the subnet chosen there ("" for none); endpoints only. */
  subnetByZone: Record<string, string>;
  securityGroupIds: string[];
  privateDnsEnabled: boolean;
  /** "" leaves AWS's default (VERIFIED_DOMAINS_ONLY). */
  dnsPreference: "" | PrivateDnsPreference;
  /** Comma- or line-separated, for the SPECIFIED_DOMAINS preferences. */
  specifiedDomains: string;
}

/** Which fields of the form a creation asks for. */
export interface FormFields {
  vpc: boolean;
  network: boolean;
  configuration: boolean;
  service: boolean;
  subnets: boolean;
  groups: boolean;
  privateDns: boolean;
  dnsOptions: boolean;
}

/** The parts of a complete form every creation maps the same way. */
interface FormParts {
  /** Subnets in zone order, none left empty. */
  subnetIds: string[];
  /** `securityGroupIds` when any is chosen (absent for none). */
  groups: { securityGroupIds?: string[] };
  /** `dnsOptions` when private DNS is on and a preference is chosen. */
  dns: { dnsOptions?: NonNullable<ActionOf<"associate-vpc">["dnsOptions"]> };
}

/** What merge-pending knows of a creation AWS accepted (a PendingChange is one). */
export interface PendingCreation<A extends Action = Action> {
  action: A;
  id: string;
  arn?: string | undefined;
  status: string;
  dnsEntries: readonly StatusDnsEntry[];
  failureCode?: string | undefined;
  failureReason?: string | undefined;
}

/** The node (and its edges) a creation adds to the diagram, as discovery would build them once AWS lists it. */
export interface PendingNode {
  node: GraphNode;
  edges: GraphEdge[];
}

export interface CreateSpec<T extends ActionType> {
  /** The sheet's heading while it is being filled in. */
  title: string;
  fields: FormFields;
  /** The node kinds whose "+" menu starts it: the item's label and the end the node fills. */
  startsFrom: Partial<Record<NodeKind, { label: string; end: IntentEnd }>>;
  /** Dragging a node of this kind onto a service network means this change. */
  draggedFrom?: NodeKind;
  /** Private DNS on in a new form. */
  privateDnsByDefault: boolean;
  toAction(form: ChangeForm, parts: FormParts, index: TopologyIndex | undefined): ActionOf<T>;
  /** The action as a form again (a finding's alternative, a "recreate"), over `base` (the kind's default form). */
  toForm(action: ActionOf<T>, base: ChangeForm, index: TopologyIndex): ChangeForm;
  /** What the diagram draws for it until discovery lists it (merge-pending.ts). */
  pendingNode(change: PendingCreation<ActionOf<T>>, index: TopologyIndex): PendingNode;
  /** The creation that would make this (failed) node again, when it is one of this kind's. */
  recreate?(node: GraphNode): ActionOf<T> | undefined;
}

export interface ActionKind<T extends ActionType> {
  type: T;
  /** Its short name: the sheet's heading, the audit log, a change's progress. */
  label: string;
  /** The confirm button, and its text while the request is in flight. */
  confirm: string;
  confirming: string;
  /** A removal: the node stays, with AWS's status, until AWS says it is gone. */
  removal: boolean;
  /** One line naming what it touches, by id: the audit log has no topology, and its input may be partial. */
  subject(action: Partial<ActionOf<T>>): string;
  create?: CreateSpec<T>;
  /** A removal: the kind of node it removes, and the action that removes one. */
  removes?: { kind: NodeKind; action(id: string): ActionOf<T> };
  /** A creation: the removal that undoes it (the audit log's Undo), given the id AWS gave the new resource. */
  undoneBy?: RemovalType;
}

/** The kinds that remove what a creation made. */
export type RemovalType =
  "remove-vpc-association" | "remove-resource-association" | "remove-service-association" | "remove-endpoint";

/** The kinds that are creations (they have a form): derived from the table in index.ts. */
export type CreateType =
  | "associate-vpc"
  | "associate-resource"
  | "associate-service"
  | "create-resource-endpoint"
  | "create-service-network-endpoint";
