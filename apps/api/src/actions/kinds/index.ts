/**
 * The action kinds, one module each. The table is checked by the compiler:
 * an Action type without a kind (or a kind of the wrong shape) does not build.
 */
import type { Action, ActionType } from "@lattice-atlas/shared";
import { addIngressRule } from "./add-ingress-rule.js";
import { associateResource } from "./associate-resource.js";
import { associateService } from "./associate-service.js";
import { associateVpc } from "./associate-vpc.js";
import { createResourceEndpoint } from "./create-resource-endpoint.js";
import { createServiceNetworkEndpoint } from "./create-service-network-endpoint.js";
import type { ActionKind, KindOf } from "./kind.js";
import { removeEndpoint } from "./remove-endpoint.js";
import { removeResourceAssociation } from "./remove-resource-association.js";
import { removeServiceAssociation } from "./remove-service-association.js";
import { removeVpcAssociation } from "./remove-vpc-association.js";
import { startDomainVerification } from "./start-domain-verification.js";
import { updateVpcAssociationDns } from "./update-vpc-association-dns.js";

export const ACTION_KINDS = {
  "associate-vpc": associateVpc,
  "associate-resource": associateResource,
  "associate-service": associateService,
  "create-resource-endpoint": createResourceEndpoint,
  "create-service-network-endpoint": createServiceNetworkEndpoint,
  "remove-vpc-association": removeVpcAssociation,
  "remove-resource-association": removeResourceAssociation,
  "remove-service-association": removeServiceAssociation,
  "remove-endpoint": removeEndpoint,
  "add-ingress-rule": addIngressRule,
  "update-vpc-association-dns": updateVpcAssociationDns,
  "start-domain-verification": startDomainVerification,
} satisfies { [T in ActionType]: KindOf<T> };

/** The kind of an action, typed for that action. */
export function kindOf<A extends Action>(action: A): ActionKind<A> {
  return ACTION_KINDS[action.type] as unknown as ActionKind<A>;
}
