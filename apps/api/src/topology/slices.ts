/**
 * Slices: the parts of discovery's inputs (inputs.ts) a change made through Atlas can alter, each read by a
 * few calls of its own (reread.ts). After a change only its slices are read again and the picture rebuilt,
 * instead of the whole account. A slice of one service network is named `<slice>@<network id>`; the bare name
 * means every network. What changes can not alter (VPCs, subnets, services, target groups, databases …) has no
 * slice: it changes outside Atlas, and shows on a refresh.
 */
import type { Action, ActionType, PollableKind } from "@lattice-atlas/shared";
import { idOf } from "../actions/arns.js";

/** Read per service network: one List per network. */
export const NETWORK_SLICES = [
  "vpcAssociations",
  "resourceAssociations",
  "serviceAssociations",
  "networkEndpoints",
] as const;
export type NetworkSliceName = (typeof NETWORK_SLICES)[number];

export const SLICES = [
  /** ListServiceNetworks: the networks and their association counts (auth stays as read). */
  "serviceNetworks",
  ...NETWORK_SLICES,
  /** DescribeVpcEndpoints (Resource and ServiceNetwork endpoints) and DescribeVpcEndpointAssociations. */
  "vpcEndpoints",
  /** DescribeSecurityGroups and the prefix lists their rules name. */
  "securityGroups",
  /** ListDomainVerifications (read only where something has a custom domain name). */
  "domainVerifications",
] as const;
export type SliceName = (typeof SLICES)[number];

/** A slice as it travels (the NOTIFY payload) and is kept: its name, or a network slice's name @ the network id. */
export type Slice = SliceName | `${NetworkSliceName}@${string}`;

export interface ParsedSlice {
  name: SliceName;
  /** For a network slice: the one network (undefined: every network). */
  network?: string;
}

const isSliceName = (name: string): name is SliceName => (SLICES as readonly string[]).includes(name);
const isNetworkSlice = (name: string): name is NetworkSliceName => (NETWORK_SLICES as readonly string[]).includes(name);

/** A slice from its text; undefined when it is not one this server knows (the caller reads everything). */
export function parseSlice(text: string): ParsedSlice | undefined {
  const at = text.indexOf("@");
  const name = at < 0 ? text : text.slice(0, at);
  if (!isSliceName(name)) return undefined;
  if (at < 0) return { name };
  const network = text.slice(at + 1);
  if (!isNetworkSlice(name) || network === "") return undefined;
  return { name, network };
}

/** A network slice, of one network when it is known (an id or an ARN), else of every network. */
export const ofNetwork = (name: NetworkSliceName, network: string | undefined): Slice =>
  network ? `${name}@${idOf(network)}` : name;

/** What a change made: the resource in execute's answer. */
export interface Made {
  id: string;
  arn?: string | undefined;
}

/**
 * The service network (id) a cached association or endpoint belongs to, from the picture the change was
 * planned on: "" for an endpoint on no network (a Resource endpoint), undefined when the picture does not say.
 */
export type NetworkOf = (id: string) => string | undefined;

type Touches<T extends ActionType> = (
  action: Extract<Action, { type: T }>,
  made: Made | undefined,
  networkOf: NetworkOf,
) => Slice[];

/** Per action kind, the slices its change can alter. The compiler refuses a kind without an entry. */
export const TOUCHES: { [T in ActionType]: Touches<T> } = {
  // An association changes its network's list and the network's association counts.
  "associate-vpc": (a) => ["serviceNetworks", ofNetwork("vpcAssociations", a.serviceNetworkId)],
  "associate-resource": (a) => ["serviceNetworks", ofNetwork("resourceAssociations", a.serviceNetworkId)],
  "associate-service": (a) => ["serviceNetworks", ofNetwork("serviceAssociations", a.serviceNetworkId)],
  "remove-vpc-association": (a, _m, networkOf) => [
    "serviceNetworks",
    ofNetwork("vpcAssociations", networkOf(a.associationId)),
  ],
  "remove-resource-association": (a, _m, networkOf) => [
    "serviceNetworks",
    ofNetwork("resourceAssociations", networkOf(a.associationId)),
  ],
  "remove-service-association": (a, _m, networkOf) => [
    "serviceNetworks",
    ofNetwork("serviceAssociations", networkOf(a.associationId)),
  ],
  "update-vpc-association-dns": (a, _m, networkOf) => [ofNetwork("vpcAssociations", networkOf(a.associationId))],
  // An endpoint is EC2's; a ServiceNetwork endpoint also shows in its network's endpoint list.
  "create-resource-endpoint": () => ["vpcEndpoints"],
  "create-service-network-endpoint": (a) => ["vpcEndpoints", ofNetwork("networkEndpoints", a.serviceNetworkId)],
  "remove-endpoint": (a, _m, networkOf) => {
    const network = networkOf(a.endpointId);
    // A Resource endpoint is on no network; one not in the picture may be on any.
    return ["vpcEndpoints", ...(network === "" ? [] : [ofNetwork("networkEndpoints", network)])];
  },
  "add-ingress-rule": () => ["securityGroups"],
  "start-domain-verification": () => ["domainVerifications"],
};

/** The slices a change can alter. */
export function touches<A extends Action>(action: A, made?: Made, networkOf: NetworkOf = () => undefined): Slice[] {
  const of = TOUCHES[action.type] as Touches<A["type"]>;
  return of(action as Extract<Action, { type: A["type"] }>, made, networkOf);
}

/** The slices a change that settled (a status poll saw it end) altered. */
export function settled(kind: PollableKind, id: string, networkOf: NetworkOf = () => undefined): Slice[] {
  switch (kind) {
    case "vpcAssociation":
      return ["serviceNetworks", ofNetwork("vpcAssociations", networkOf(id))];
    case "resourceAssociation":
      return ["serviceNetworks", ofNetwork("resourceAssociations", networkOf(id))];
    case "serviceAssociation":
      return ["serviceNetworks", ofNetwork("serviceAssociations", networkOf(id))];
    case "vpcEndpoint": {
      const network = networkOf(id);
      return ["vpcEndpoints", ...(network === "" ? [] : [ofNetwork("networkEndpoints", network)])];
    }
  }
}
