/** Pattern 3: a VPC associated with a service network (CreateServiceNetworkVpcAssociation). */
import { dnsFormOf, edgeOf, fields, groupEdges, idOf, shortId } from "./parts";
import type { ActionKind } from "./types";

export const associateVpc = {
  type: "associate-vpc",
  label: "VPC association",
  confirm: "Create association",
  confirming: "Creating…",
  removal: false,
  subject: (a) => `${shortId(a.vpcId)} → ${shortId(a.serviceNetworkId)}`,
  undoneBy: "remove-vpc-association",
  create: {
    title: "Associate the VPC with a service network",
    fields: fields({ vpc: true, network: true, groups: true, privateDns: true, dnsOptions: true }),
    startsFrom: {
      vpc: { label: "Associate with a service network…", end: "vpcId" },
      serviceNetwork: { label: "Associate a VPC…", end: "serviceNetworkId" },
    },
    draggedFrom: "vpc",
    // A VPC association adds the resources' own names only when asked to.
    privateDnsByDefault: false,
    toAction: (form, { groups, dns }) => ({
      type: "associate-vpc",
      serviceNetworkId: form.serviceNetworkId,
      vpcId: form.vpcId,
      ...groups,
      privateDnsEnabled: form.privateDnsEnabled,
      ...dns,
    }),
    toForm: (action, base) => ({
      ...base,
      vpcId: action.vpcId,
      serviceNetworkId: idOf(action.serviceNetworkId),
      securityGroupIds: action.securityGroupIds ?? [],
      privateDnsEnabled: action.privateDnsEnabled ?? false,
      ...dnsFormOf(action.dnsOptions),
    }),
    pendingNode: (change) => {
      const { action, id, status } = change;
      const network = idOf(action.serviceNetworkId);
      return {
        node: {
          id,
          kind: "vpcAssociation",
          label: "VPC association",
          status,
          data: {
            id,
            arn: change.arn ?? "",
            status,
            serviceNetworkId: network,
            vpcId: action.vpcId,
            securityGroupIds: action.securityGroupIds ?? [],
            privateDnsEnabled: action.privateDnsEnabled ?? false,
            ...(action.dnsOptions ? { dnsOptions: action.dnsOptions } : {}),
            ...(change.failureCode ? { failureCode: change.failureCode } : {}),
            ...(change.failureReason ? { failureMessage: change.failureReason } : {}),
          },
        },
        edges: [
          edgeOf("vpc-association", action.vpcId, id, status),
          edgeOf("vpc-association", id, network, status),
          ...groupEdges(id, action.securityGroupIds),
        ],
      };
    },
    recreate: (node) =>
      node.kind === "vpcAssociation"
        ? {
            type: "associate-vpc",
            serviceNetworkId: node.data.serviceNetworkId,
            vpcId: node.data.vpcId,
            ...(node.data.securityGroupIds && node.data.securityGroupIds.length > 0
              ? { securityGroupIds: node.data.securityGroupIds }
              : {}),
            privateDnsEnabled: node.data.privateDnsEnabled,
          }
        : undefined,
  },
} satisfies ActionKind<"associate-vpc">;
