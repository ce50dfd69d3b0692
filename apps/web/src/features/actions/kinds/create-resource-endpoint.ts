/** Pattern 1: a VPC endpoint of type Resource for a resource configuration (EC2 CreateVpcEndpoint). */
import { ENDPOINT_FIELDS, endpointForm, endpointPendingNode, endpointSettings } from "./endpoint-parts";
import { shortId } from "./parts";
import type { ActionKind } from "./types";

export const createResourceEndpoint = {
  type: "create-resource-endpoint",
  label: "Resource endpoint",
  confirm: "Create endpoint",
  confirming: "Creating…",
  removal: false,
  subject: (a) => `${shortId(a.vpcId)} → ${shortId(a.resourceConfigurationId)}`,
  undoneBy: "remove-endpoint",
  create: {
    title: "Add a Resource endpoint",
    fields: { ...ENDPOINT_FIELDS, configuration: true },
    startsFrom: {
      vpc: { label: "Add a Resource endpoint…", end: "vpcId" },
      resourceConfiguration: { label: "Add a Resource endpoint in a VPC…", end: "resourceConfigurationId" },
    },
    // An endpoint answers the resource's own names by default.
    privateDnsByDefault: true,
    toAction: (form, { subnetIds, groups, dns }) => ({
      type: "create-resource-endpoint",
      vpcId: form.vpcId,
      resourceConfigurationId: form.resourceConfigurationId,
      subnetIds,
      ...groups,
      privateDnsEnabled: form.privateDnsEnabled,
      ...dns,
    }),
    toForm: endpointForm,
    pendingNode: endpointPendingNode,
    recreate: (node) => {
      const endpoint = endpointSettings(node);
      return endpoint?.data.resourceConfigurationArn
        ? {
            type: "create-resource-endpoint",
            resourceConfigurationId: endpoint.data.resourceConfigurationArn,
            ...endpoint.common,
          }
        : undefined;
    },
  },
} satisfies ActionKind<"create-resource-endpoint">;
