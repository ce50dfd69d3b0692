/** Pattern 2: a VPC endpoint of type ServiceNetwork for a service network (EC2 CreateVpcEndpoint). */
import { ENDPOINT_FIELDS, endpointForm, endpointPendingNode, endpointSettings } from "./endpoint-parts";
import { shortId } from "./parts";
import type { ActionKind } from "./types";

export const createServiceNetworkEndpoint = {
  type: "create-service-network-endpoint",
  label: "ServiceNetwork endpoint",
  confirm: "Create endpoint",
  confirming: "Creating…",
  removal: false,
  subject: (a) => `${shortId(a.vpcId)} → ${shortId(a.serviceNetworkId)}`,
  undoneBy: "remove-endpoint",
  create: {
    title: "Add a ServiceNetwork endpoint",
    fields: { ...ENDPOINT_FIELDS, network: true },
    startsFrom: {
      vpc: { label: "Add a ServiceNetwork endpoint…", end: "vpcId" },
      serviceNetwork: { label: "Add a ServiceNetwork endpoint in a VPC…", end: "serviceNetworkId" },
    },
    // An endpoint answers the resources' own names by default.
    privateDnsByDefault: true,
    toAction: (form, { subnetIds, groups, dns }) => ({
      type: "create-service-network-endpoint",
      vpcId: form.vpcId,
      serviceNetworkId: form.serviceNetworkId,
      subnetIds,
      ...groups,
      privateDnsEnabled: form.privateDnsEnabled,
      ...dns,
    }),
    toForm: endpointForm,
    pendingNode: endpointPendingNode,
    recreate: (node) => {
      const endpoint = endpointSettings(node);
      return endpoint?.data.serviceNetworkArn && !endpoint.data.resourceConfigurationArn
        ? {
            type: "create-service-network-endpoint",
            serviceNetworkId: endpoint.data.serviceNetworkArn,
            ...endpoint.common,
          }
        : undefined;
    },
  },
} satisfies ActionKind<"create-service-network-endpoint">;
