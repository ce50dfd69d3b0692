/** DeleteServiceNetworkVpcAssociation. */
import { shortId } from "./parts";
import type { ActionKind } from "./types";

export const removeVpcAssociation = {
  type: "remove-vpc-association",
  label: "Remove VPC association",
  confirm: "Remove association",
  confirming: "Removing…",
  removal: true,
  subject: (a) => shortId(a.associationId),
  removes: { kind: "vpcAssociation", action: (id) => ({ type: "remove-vpc-association", associationId: id }) },
} satisfies ActionKind<"remove-vpc-association">;
