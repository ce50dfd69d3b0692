/** What opens the change sheet: a creation to fill in, or a ready action (a removal, a rule, a recovery). */
import type { Action, GraphNode } from "@lattice-atlas/shared";
import type { ChangeIntent } from "./change-forms";

export interface SheetRequest {
  intent?: ChangeIntent | undefined;
  action?: Action | undefined;
  /** After this removal settles, offer to create this again ("delete and recreate"). */
  recreate?: Action | undefined;
}

/** The creation that would make a node again as it is (for "delete and recreate" of a failed one). */
export function recreateFor(node: GraphNode): Action | undefined {
  switch (node.kind) {
    case "vpcAssociation":
      return {
        type: "associate-vpc",
        serviceNetworkId: node.data.serviceNetworkId,
        vpcId: node.data.vpcId,
        ...(node.data.securityGroupIds && node.data.securityGroupIds.length > 0
          ? { securityGroupIds: node.data.securityGroupIds }
          : {}),
        privateDnsEnabled: node.data.privateDnsEnabled,
      };
    case "resourceAssociation":
      return node.data.isManaged
        ? undefined
        : {
            type: "associate-resource",
            serviceNetworkId: node.data.serviceNetworkId,
            resourceConfigurationId: node.data.resourceConfigurationId,
          };
    case "serviceAssociation":
      return {
        type: "associate-service",
        serviceNetworkId: node.data.serviceNetworkId,
        serviceId: node.data.serviceId,
      };
    case "vpcEndpoint": {
      const common = {
        vpcId: node.data.vpcId,
        subnetIds: node.data.subnetIds,
        ...(node.data.securityGroupIds.length > 0 ? { securityGroupIds: node.data.securityGroupIds } : {}),
        privateDnsEnabled: node.data.privateDnsEnabled,
      };
      if (node.data.resourceConfigurationArn && node.data.subnetIds.length > 0)
        return {
          type: "create-resource-endpoint",
          resourceConfigurationId: node.data.resourceConfigurationArn,
          ...common,
        };
      if (node.data.serviceNetworkArn && node.data.subnetIds.length > 0)
        return { type: "create-service-network-endpoint", serviceNetworkId: node.data.serviceNetworkArn, ...common };
      return undefined;
    }
    default:
      return undefined;
  }
}
