/**
 * Where a change is made, in an estate: the account that owns it and its
 * region. A VPC association or endpoint is made in the VPC's account (with the
 * shared network's or configuration's ARN); an association into a network in
 * the network owner's; a removal where the removed thing lives; a rule in the
 * security group's account.
 */
import type { Action } from "@lattice-atlas/shared";
import type { GraphIndex } from "../lattice/graph-index.js";

export interface Place {
  accountId: string;
  region: string;
}

function placeOfNode(index: GraphIndex, reference: string | undefined): Place | undefined {
  if (!reference) return undefined;
  const node = index.find(reference);
  return node?.accountId && node.region ? { accountId: node.accountId, region: node.region } : undefined;
}

/** The place of a change, from the topology; undefined when the thing it names is not in it. */
export function placeOfChange(index: GraphIndex, action: Action): Place | undefined {
  switch (action.type) {
    case "associate-vpc":
    case "create-resource-endpoint":
    case "create-service-network-endpoint":
      return placeOfNode(index, action.vpcId);
    case "associate-resource":
    case "associate-service":
      return placeOfNode(index, action.serviceNetworkId);
    case "remove-vpc-association":
    case "remove-resource-association":
    case "remove-service-association":
      return placeOfNode(index, action.associationId);
    case "remove-endpoint":
      return placeOfNode(index, action.endpointId);
    case "update-vpc-association-dns":
      return placeOfNode(index, action.associationId);
    case "start-domain-verification":
      // The account whose configurations use the domain.
      return placeOfNode(
        index,
        index
          .of("resourceConfiguration")
          .find((c) => c.data.customDomainName === action.domainName || c.data.groupDomain === action.domainName)?.id,
      );
    case "add-ingress-rule": {
      const group = index.securityGroup(action.groupId);
      return placeOfNode(index, action.groupId) ?? placeOfNode(index, group?.vpcId);
    }
  }
}
