/** DeleteServiceNetworkServiceAssociation. */
import { associationRemoval } from "./remove-association.js";
import type { KindOf } from "./kind.js";

export const removeServiceAssociation: KindOf<"remove-service-association"> = associationRemoval({
  kind: "serviceAssociation",
  noun: "Service association",
  phrase: "service association",
  operation: "DeleteServiceNetworkServiceAssociation",
  member: "serviceNetworkServiceAssociationIdentifier",
  cliCommand: "vpc-lattice delete-service-network-service-association",
  terraformType: "aws_vpclattice_service_network_service_association",
  cloudFormationType: "AWS::VpcLattice::ServiceNetworkServiceAssociation",
});
