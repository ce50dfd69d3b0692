/** The Lattice collections that handlers look up by a field, and their indexes (see core/indexes.ts). */
import { Table } from "../../core/indexes.js";
import type {
  ListenerRecord,
  ResourceConfigurationRecord,
  ResourceGatewayRecord,
  ServiceNetworkRecord,
  ServiceNetworkResourceAssociationRecord,
  ServiceNetworkServiceAssociationRecord,
  ServiceNetworkVpcAssociationRecord,
  ServiceRecord,
  TargetGroupRecord,
} from "./state.js";

export const serviceNetworkTable = new Table<ServiceNetworkRecord>(
  "lattice.serviceNetworks",
  (s) => s.lattice.serviceNetworks,
);
export const serviceNetworksByName = serviceNetworkTable.index("byName", (r) => r.name);

export const serviceTable = new Table<ServiceRecord>("lattice.services", (s) => s.lattice.services);
export const servicesByName = serviceTable.index("byName", (r) => r.name);

export const listenerTable = new Table<ListenerRecord>("lattice.listeners", (s) => s.lattice.listeners);
export const listenersByService = listenerTable.index("byService", (r) => r.serviceId);

export const targetGroupTable = new Table<TargetGroupRecord>("lattice.targetGroups", (s) => s.lattice.targetGroups);
export const targetGroupsByName = targetGroupTable.index("byName", (r) => r.name);

export const resourceGatewayTable = new Table<ResourceGatewayRecord>(
  "lattice.resourceGateways",
  (s) => s.lattice.resourceGateways,
);
export const resourceGatewaysByName = resourceGatewayTable.index("byName", (r) => r.name);

export const resourceConfigurationTable = new Table<ResourceConfigurationRecord>(
  "lattice.resourceConfigurations",
  (s) => s.lattice.resourceConfigurations,
);
export const resourceConfigurationsByName = resourceConfigurationTable.index("byName", (r) => r.name);
export const resourceConfigurationsByGroup = resourceConfigurationTable.index(
  "byGroup",
  (r) => r.resourceConfigurationGroupId,
);

export const vpcAssociationTable = new Table<ServiceNetworkVpcAssociationRecord>(
  "lattice.vpcAssociations",
  (s) => s.lattice.vpcAssociations,
);
export const vpcAssociationsByVpc = vpcAssociationTable.index("byVpc", (r) => r.vpcId);
export const vpcAssociationsByNetwork = vpcAssociationTable.index("byNetwork", (r) => r.serviceNetworkId);

export const resourceAssociationTable = new Table<ServiceNetworkResourceAssociationRecord>(
  "lattice.resourceAssociations",
  (s) => s.lattice.resourceAssociations,
);
export const resourceAssociationsByNetwork = resourceAssociationTable.index("byNetwork", (r) => r.serviceNetworkId);
export const resourceAssociationsByConfiguration = resourceAssociationTable.index(
  "byConfiguration",
  (r) => r.resourceConfigurationId,
);
export const resourceAssociationsByParent = resourceAssociationTable.index("byParent", (r) => r.parentAssociationId);

export const serviceAssociationTable = new Table<ServiceNetworkServiceAssociationRecord>(
  "lattice.serviceAssociations",
  (s) => s.lattice.serviceAssociations,
);
export const serviceAssociationsByNetwork = serviceAssociationTable.index("byNetwork", (r) => r.serviceNetworkId);
export const serviceAssociationsByService = serviceAssociationTable.index("byService", (r) => r.serviceId);
