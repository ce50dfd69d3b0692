/** The EC2 collections that other code looks up by a field, and their indexes (see core/indexes.ts). */
import { Table } from "../../core/indexes.js";
import type {
  NetworkAclRecord,
  NetworkInterfaceRecord,
  RouteTableRecord,
  SecurityGroupRecord,
  SecurityGroupRuleRecord,
  SubnetRecord,
  VpcEndpointRecord,
} from "./state.js";

export const subnetTable = new Table<SubnetRecord>("ec2.subnets", (s) => s.ec2.subnets);
export const subnetsByVpc = subnetTable.index("byVpc", (s) => s.VpcId);

export const securityGroupTable = new Table<SecurityGroupRecord>("ec2.securityGroups", (s) => s.ec2.securityGroups);
export const securityGroupsByVpc = securityGroupTable.index("byVpc", (g) => g.VpcId);

export const securityGroupRuleTable = new Table<SecurityGroupRuleRecord>(
  "ec2.securityGroupRules",
  (s) => s.ec2.securityGroupRules,
);
export const rulesByGroup = securityGroupRuleTable.index("byGroup", (r) => r.GroupId);

export const networkInterfaceTable = new Table<NetworkInterfaceRecord>(
  "ec2.networkInterfaces",
  (s) => s.ec2.networkInterfaces,
);
export const interfacesBySubnet = networkInterfaceTable.index("bySubnet", (n) => n.SubnetId);
export const interfacesByOwner = networkInterfaceTable.index("byOwner", (n) => n.attachedTo);

export const vpcEndpointTable = new Table<VpcEndpointRecord>("ec2.vpcEndpoints", (s) => s.ec2.vpcEndpoints);
export const endpointsByVpc = vpcEndpointTable.index("byVpc", (e) => e.VpcId);
export const vpcEndpointsByServiceNetwork = vpcEndpointTable.index("byServiceNetwork", (e) => e.ServiceNetworkArn);

export const routeTableTable = new Table<RouteTableRecord>("ec2.routeTables", (s) => s.ec2.routeTables);
export const routeTablesByVpc = routeTableTable.index("byVpc", (r) => r.VpcId);

export const networkAclTable = new Table<NetworkAclRecord>("ec2.networkAcls", (s) => s.ec2.networkAcls);
export const networkAclsByVpc = networkAclTable.index("byVpc", (n) => n.VpcId);
