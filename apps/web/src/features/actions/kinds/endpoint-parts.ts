/** What the two VPC endpoint creations (patterns 1 and 2) share: the form's fields, the form, the pending node. */
import type { GraphNode } from "@lattice-atlas/shared";
import type { TopologyIndex } from "../../topology/topology-index";
import { dnsFormOf, edgeOf, fields, groupEdges, idOf, subnetByZoneOf } from "./parts";
import type { ActionOf, ChangeForm, PendingCreation, PendingNode } from "./types";

type EndpointAction = ActionOf<"create-resource-endpoint"> | ActionOf<"create-service-network-endpoint">;

export const ENDPOINT_FIELDS = fields({ vpc: true, subnets: true, groups: true, privateDns: true, dnsOptions: true });

/** What the endpoint reaches: the configuration (Resource) or the network (ServiceNetwork), as given. */
const reachedOf = (action: EndpointAction): string =>
  action.type === "create-resource-endpoint" ? action.resourceConfigurationId : action.serviceNetworkId;

export function endpointForm(action: EndpointAction, base: ChangeForm, index: TopologyIndex): ChangeForm {
  return {
    ...base,
    vpcId: action.vpcId,
    serviceNetworkId: action.type === "create-service-network-endpoint" ? idOf(action.serviceNetworkId) : "",
    resourceConfigurationId: action.type === "create-resource-endpoint" ? idOf(action.resourceConfigurationId) : "",
    subnetByZone: subnetByZoneOf(index.get(action.vpcId, "vpc"), action.subnetIds),
    securityGroupIds: action.securityGroupIds ?? [],
    privateDnsEnabled: action.privateDnsEnabled ?? true,
    ...dnsFormOf(action.dnsOptions),
  };
}

export function endpointPendingNode(change: PendingCreation<EndpointAction>, index: TopologyIndex): PendingNode {
  const { action, id, status } = change;
  const resource = action.type === "create-resource-endpoint";
  const reached = idOf(reachedOf(action));
  const reachedNode = index.byId.get(reached);
  const reachedArn =
    reachedNode && "arn" in reachedNode.data && typeof reachedNode.data.arn === "string"
      ? reachedNode.data.arn
      : reachedOf(action);
  return {
    node: {
      id,
      kind: "vpcEndpoint",
      label: resource ? "Resource endpoint" : "ServiceNetwork endpoint",
      ...(index.byId.has(action.vpcId) ? { parent: action.vpcId } : {}),
      status,
      data: {
        endpointId: id,
        endpointType: resource ? "Resource" : "ServiceNetwork",
        state: status,
        vpcId: action.vpcId,
        subnetIds: action.subnetIds,
        securityGroupIds: action.securityGroupIds ?? [],
        privateDnsEnabled: action.privateDnsEnabled ?? false,
        ...(resource ? { resourceConfigurationArn: reachedArn } : { serviceNetworkArn: reachedArn }),
        associations: change.dnsEntries.map((entry, i) => ({
          id: `${id}-dns-${i}`,
          associatedResourceArn: entry.reaches ?? reachedArn,
          ...(entry.private ? { privateDnsName: entry.name } : { dnsName: entry.name }),
        })),
      },
    },
    edges: [edgeOf("endpoint", id, reached, status), ...groupEdges(id, action.securityGroupIds)],
  };
}

/** The endpoint's settings as they are, for creating it again; undefined when it has no subnets to go in. */
export function endpointSettings(node: GraphNode) {
  if (node.kind !== "vpcEndpoint" || node.data.subnetIds.length === 0) return undefined;
  return {
    data: node.data,
    common: {
      vpcId: node.data.vpcId,
      subnetIds: node.data.subnetIds,
      ...(node.data.securityGroupIds.length > 0 ? { securityGroupIds: node.data.securityGroupIds } : {}),
      privateDnsEnabled: node.data.privateDnsEnabled,
    },
  };
}
