/** DeleteServiceNetworkVpcAssociation. */
import { associationRemoval } from "./remove-association.js";
import type { KindOf } from "./kind.js";

export const removeVpcAssociation: KindOf<"remove-vpc-association"> = associationRemoval({
  kind: "vpcAssociation",
  noun: "VPC association",
  phrase: "VPC association",
  operation: "DeleteServiceNetworkVpcAssociation",
  member: "serviceNetworkVpcAssociationIdentifier",
  cliCommand: "vpc-lattice delete-service-network-vpc-association",
  terraformType: "aws_vpclattice_service_network_vpc_association",
  cloudFormationType: "AWS::VpcLattice::ServiceNetworkVpcAssociation",
});
