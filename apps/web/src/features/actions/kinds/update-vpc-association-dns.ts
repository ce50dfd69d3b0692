/**
 * Private DNS of a service-network VPC association (UpdateServiceNetworkVpcAssociation):
 * the Fix of a custom or resource name that does not resolve in an associated VPC.
 * AWS answers UPDATE_IN_PROGRESS; the association stays drawn, its status follows.
 */
import { shortId } from "./parts";
import type { ActionKind } from "./types";

export const updateVpcAssociationDns = {
  type: "update-vpc-association-dns",
  label: "Private DNS of a VPC association",
  confirm: "Update association",
  confirming: "Updating…",
  removal: false,
  subject: (a) => `private DNS ${a.privateDnsEnabled === false ? "off" : "on"} for ${shortId(a.associationId)}`,
} satisfies ActionKind<"update-vpc-association-dns">;
