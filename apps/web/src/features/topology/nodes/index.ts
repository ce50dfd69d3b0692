/** The one nodeTypes map: a module-level constant, so React Flow never sees a new object. */
import type { NodeKind } from "@lattice-atlas/shared";
import type { NodeTypes } from "@xyflow/react";
import { ServiceNetworkNode, VpcNode } from "./container-nodes";
import {
  AccountNode,
  DbClusterNode,
  DbEndpointNode,
  ResourceAssociationNode,
  ResourceConfigurationNode,
  ResourceGatewayNode,
  ResourceShareNode,
  ResourceTargetNode,
  SecurityGroupNode,
  ServiceAssociationNode,
  ServiceNode,
  StubNode,
  TargetGroupNode,
  TargetNode,
  VpcAssociationNode,
  VpcEndpointNode,
} from "./resource-nodes";

export const nodeTypes = {
  vpc: VpcNode,
  securityGroup: SecurityGroupNode,
  vpcEndpoint: VpcEndpointNode,
  serviceNetwork: ServiceNetworkNode,
  vpcAssociation: VpcAssociationNode,
  resourceAssociation: ResourceAssociationNode,
  serviceAssociation: ServiceAssociationNode,
  resourceGateway: ResourceGatewayNode,
  resourceConfiguration: ResourceConfigurationNode,
  dbCluster: DbClusterNode,
  dbEndpoint: DbEndpointNode,
  resourceTarget: ResourceTargetNode,
  service: ServiceNode,
  targetGroup: TargetGroupNode,
  target: TargetNode,
  account: AccountNode,
  resourceShare: ResourceShareNode,
  stub: StubNode,
} satisfies Record<NodeKind, unknown> & NodeTypes;
