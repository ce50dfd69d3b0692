/** DeleteServiceNetworkResourceAssociation; a child's managed association goes only with its parent's. */
import { associationRemoval } from "./remove-association.js";
import type { KindOf } from "./kind.js";

export const removeResourceAssociation: KindOf<"remove-resource-association"> = associationRemoval({
  kind: "resourceAssociation",
  noun: "Resource association",
  phrase: "resource association",
  operation: "DeleteServiceNetworkResourceAssociation",
  member: "serviceNetworkResourceAssociationIdentifier",
  cliCommand: "vpc-lattice delete-service-network-resource-association",
  terraformType: "aws_vpclattice_service_network_resource_association",
  cloudFormationType: "AWS::VpcLattice::ServiceNetworkResourceAssociation",
  more(association, { f }) {
    if (association.kind !== "resourceAssociation" || !association.data.isManaged) return;
    const parent = association.data.parentAssociationId;
    f.blocking(
      "MANAGED_ASSOCIATION",
      `${association.id} is managed by AWS for a child configuration; it goes away with its parent association${parent ? ` ${parent}` : ""}.`,
      "Remove the parent association.",
      {
        subject: association.id,
        ...(parent
          ? {
              alternative: {
                label: `Remove the parent association ${parent}`,
                action: { type: "remove-resource-association", associationId: parent },
              },
            }
          : {}),
      },
    );
  },
});
