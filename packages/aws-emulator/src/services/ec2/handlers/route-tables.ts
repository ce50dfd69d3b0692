/**
 * Route tables: every VPC has a main route table with its `local` route;
 * subnets use it unless explicitly associated with another. Route targets other
 * than `local` (gateways, NAT gateways, peering, transit gateways…) are not
 * modelled as resources: their ids are checked for shape only.
 */
import type {
  AssociateRouteTableRequest,
  CreateRouteRequest,
  CreateRouteTableRequest,
  DeleteRouteRequest,
  DeleteRouteTableRequest,
  DescribeRouteTablesRequest,
  DisassociateRouteTableRequest,
  ReplaceRouteRequest,
  ReplaceRouteTableAssociationRequest,
} from "@aws-sdk/client-ec2";
import type { RegionState } from "../../../core/region.js";
import type { Handler, HandlerContext } from "../../../core/service.js";
import { ec2Error, ec2NotFound, invalidParameterValue } from "../errors.js";
import { applyFilters } from "../filters.js";
import { routeTablesByVpc, routeTableTable } from "../indexes.js";
import { cidrContains, derivedId, parseCidr } from "../network.js";
import type { RouteRecord, RouteTableRecord, SubnetRecord, VpcRecord } from "../state.js";
import { byIds, ec2Page, findSubnet, findVpc, tagsFor } from "./common.js";

/** The main route table AWS creates with a VPC, with its local route. */
export function createMainRouteTable(ctx: HandlerContext, vpc: VpcRecord): RouteTableRecord {
  const id = derivedId("rtb", vpc.VpcId);
  return routeTableTable.put(ctx.state, id, {
    RouteTableId: id,
    VpcId: vpc.VpcId,
    OwnerId: vpc.OwnerId,
    Routes: [{ DestinationCidrBlock: vpc.CidrBlock, GatewayId: "local", Origin: "CreateRouteTable", State: "active" }],
    Associations: [
      {
        Main: true,
        RouteTableAssociationId: derivedId("rtbassoc", vpc.VpcId),
        RouteTableId: id,
        AssociationState: { State: "associated" },
      },
    ],
    PropagatingVgws: [],
    Tags: [],
  });
}

/** A VPC's main route table (made on first use for a VPC from an older state export). */
export function mainRouteTable(ctx: HandlerContext, vpc: VpcRecord): RouteTableRecord {
  return (
    routeTablesByVpc.find(ctx.state, vpc.VpcId, (t) => t.Associations.some((a) => a.Main)) ??
    createMainRouteTable(ctx, vpc)
  );
}

/** The route table a subnet uses: its explicit association, else its VPC's main table. */
export function routeTableOfSubnet(ctx: HandlerContext, subnet: SubnetRecord): RouteTableRecord | undefined {
  const tables = routeTablesByVpc.get(ctx.state, subnet.VpcId);
  return (
    tables.find((t) => t.Associations.some((a) => a.SubnetId === subnet.SubnetId)) ??
    tables.find((t) => t.Associations.some((a) => a.Main))
  );
}

function ensureMainTables(ctx: HandlerContext): void {
  for (const vpc of Object.values(ctx.state.ec2.vpcs)) mainRouteTable(ctx, vpc);
}

function findTable(ctx: HandlerContext, id: string | undefined): RouteTableRecord {
  const table = id ? ctx.state.ec2.routeTables[id] : undefined;
  if (!table) throw ec2NotFound("InvalidRouteTableID.NotFound", id ?? "", "route table");
  return table;
}

/** Removes a subnet's explicit route-table association (the subnet is going away). */
export function forgetSubnetRouteTable(state: RegionState, subnetId: string): void {
  for (const table of Object.values(state.ec2.routeTables)) {
    table.Associations = table.Associations.filter((a) => a.SubnetId !== subnetId);
  }
}

/** The route tables of a VPC, for DeleteVpc: the main one goes with the VPC, any other blocks it. */
export function routeTablesOfVpc(state: RegionState, vpcId: string): { main: string[]; others: string[] } {
  const tables = routeTablesByVpc.get(state, vpcId);
  return {
    main: tables.filter((t) => t.Associations.some((a) => a.Main)).map((t) => t.RouteTableId),
    others: tables.filter((t) => !t.Associations.some((a) => a.Main)).map((t) => t.RouteTableId),
  };
}

const createRouteTable: Handler = (input: CreateRouteTableRequest, ctx) => {
  const vpc = findVpc(ctx, input.VpcId!);
  const id = ctx.ids.id("rtb");
  const table = routeTableTable.put(ctx.state, id, {
    RouteTableId: id,
    VpcId: vpc.VpcId,
    OwnerId: ctx.accountId,
    Routes: [{ DestinationCidrBlock: vpc.CidrBlock, GatewayId: "local", Origin: "CreateRouteTable", State: "active" }],
    Associations: [],
    PropagatingVgws: [],
    Tags: tagsFor(input.TagSpecifications, "route-table"),
  });
  return { RouteTable: table, ...(input.ClientToken ? { ClientToken: input.ClientToken } : {}) };
};

const deleteRouteTable: Handler = (input: DeleteRouteTableRequest, ctx) => {
  const table = findTable(ctx, input.RouteTableId);
  if (table.Associations.length > 0) {
    throw ec2Error(
      "DependencyViolation",
      `The routeTable '${table.RouteTableId}' has dependencies and cannot be deleted.`,
    );
  }
  delete ctx.state.ec2.routeTables[table.RouteTableId];
  return {};
};

const describeRouteTables: Handler = (input: DescribeRouteTablesRequest, ctx) => {
  ensureMainTables(ctx);
  const all = byIds(ctx.state.ec2.routeTables, input.RouteTableIds, (id) =>
    ec2NotFound("InvalidRouteTableID.NotFound", id, "route table"),
  );
  const filtered = applyFilters(
    all,
    input.Filters,
    {
      "route-table-id": (t) => t.RouteTableId,
      "vpc-id": (t) => t.VpcId,
      "owner-id": (t) => t.OwnerId,
      "association.main": (t) => t.Associations.map((a) => String(a.Main)),
      "association.subnet-id": (t) => t.Associations.map((a) => a.SubnetId ?? ""),
      "association.route-table-association-id": (t) => t.Associations.map((a) => a.RouteTableAssociationId),
      "association.route-table-id": (t) => t.Associations.map((a) => a.RouteTableId),
      "route.destination-cidr-block": (t) => t.Routes.map((r) => r.DestinationCidrBlock ?? ""),
      "route.destination-prefix-list-id": (t) => t.Routes.map((r) => r.DestinationPrefixListId ?? ""),
      "route.gateway-id": (t) => t.Routes.map((r) => r.GatewayId ?? ""),
      "route.state": (t) => t.Routes.map((r) => r.State),
    },
    (t) => t.Tags,
  );
  const page = ec2Page(ctx, filtered, input, "route-tables", { min: 5, max: 100 });
  return { RouteTables: page.items, NextToken: page.nextToken };
};

function associate(ctx: HandlerContext, table: RouteTableRecord, subnetId: string): string {
  const subnet = findSubnet(ctx, subnetId);
  if (subnet.VpcId !== table.VpcId) {
    throw invalidParameterValue(
      `Route table ${table.RouteTableId} and subnet ${subnet.SubnetId} belong to different networks.`,
    );
  }
  const current = Object.values(ctx.state.ec2.routeTables).find((t) =>
    t.Associations.some((a) => a.SubnetId === subnetId),
  );
  if (current) {
    throw ec2Error(
      "Resource.AlreadyAssociated",
      `the specified association for route table ${current.RouteTableId} conflicts with an existing association`,
    );
  }
  const associationId = ctx.ids.id("rtbassoc");
  table.Associations.push({
    Main: false,
    RouteTableAssociationId: associationId,
    RouteTableId: table.RouteTableId,
    SubnetId: subnetId,
    AssociationState: { State: "associated" },
  });
  return associationId;
}

const associateRouteTable: Handler = (input: AssociateRouteTableRequest, ctx) => {
  const table = findTable(ctx, input.RouteTableId);
  if (!input.SubnetId) {
    throw ec2Error(
      "MissingParameter",
      "The request must contain the parameter SubnetId (gateway associations are not emulated)",
    );
  }
  const associationId = associate(ctx, table, input.SubnetId);
  return { AssociationId: associationId, AssociationState: { State: "associated" } };
};

function findAssociation(ctx: HandlerContext, associationId: string | undefined) {
  for (const table of Object.values(ctx.state.ec2.routeTables)) {
    const association = table.Associations.find((a) => a.RouteTableAssociationId === associationId);
    if (association) return { table, association };
  }
  throw ec2Error("InvalidAssociationID.NotFound", `The association ID '${associationId ?? ""}' does not exist`);
}

const disassociateRouteTable: Handler = (input: DisassociateRouteTableRequest, ctx) => {
  const { table, association } = findAssociation(ctx, input.AssociationId);
  if (association.Main) {
    throw invalidParameterValue("The main route table association cannot be disassociated; replace it instead.");
  }
  table.Associations = table.Associations.filter((a) => a !== association);
  return {};
};

/** Moves a subnet (or the VPC's main association) to another table of the same VPC. */
const replaceRouteTableAssociation: Handler = (input: ReplaceRouteTableAssociationRequest, ctx) => {
  const { table, association } = findAssociation(ctx, input.AssociationId);
  const target = findTable(ctx, input.RouteTableId);
  if (target.VpcId !== table.VpcId)
    throw invalidParameterValue(`Route table ${target.RouteTableId} is not in ${table.VpcId}.`);
  table.Associations = table.Associations.filter((a) => a !== association);
  const newId = ctx.ids.id("rtbassoc");
  target.Associations.push({ ...association, RouteTableAssociationId: newId, RouteTableId: target.RouteTableId });
  return { NewAssociationId: newId, AssociationState: { State: "associated" } };
};

const TARGETS: Array<[keyof RouteRecord, RegExp]> = [
  ["GatewayId", /^(igw|vgw)-[0-9a-f]{8,17}$/],
  ["NatGatewayId", /^nat-[0-9a-f]{8,17}$/],
  ["TransitGatewayId", /^tgw-[0-9a-f]{8,17}$/],
  ["VpcPeeringConnectionId", /^pcx-[0-9a-f]{8,17}$/],
  ["NetworkInterfaceId", /^eni-[0-9a-f]{8,17}$/],
  ["InstanceId", /^i-[0-9a-f]{8,17}$/],
  ["EgressOnlyInternetGatewayId", /^eigw-[0-9a-f]{8,17}$/],
  ["LocalGatewayId", /^lgw-[0-9a-f]{8,17}$/],
  ["CarrierGatewayId", /^cagw-[0-9a-f]{8,17}$/],
  ["VpcEndpointId", /^vpce-[0-9a-f]{8,17}$/],
  ["CoreNetworkArn", /^arn:aws[a-z-]*:networkmanager::\d{12}:core-network\/core-network-[0-9a-f]+$/],
];

function routeFrom(ctx: HandlerContext, table: RouteTableRecord, input: CreateRouteRequest): RouteRecord {
  const destinations = [
    input.DestinationCidrBlock,
    input.DestinationIpv6CidrBlock,
    input.DestinationPrefixListId,
  ].filter(Boolean);
  if (destinations.length !== 1) {
    throw ec2Error(
      "InvalidParameterCombination",
      "Give exactly one of DestinationCidrBlock, DestinationIpv6CidrBlock and DestinationPrefixListId.",
    );
  }
  if (input.DestinationCidrBlock && !parseCidr(input.DestinationCidrBlock)) {
    throw invalidParameterValue(`Value (${input.DestinationCidrBlock}) for parameter destinationCidrBlock is invalid.`);
  }
  const vpc = ctx.state.ec2.vpcs[table.VpcId];
  if (input.DestinationCidrBlock && vpc && cidrContains(vpc.CidrBlock, input.DestinationCidrBlock)) {
    throw invalidParameterValue(
      `The destination CIDR block ${input.DestinationCidrBlock} is equal to or more specific than one of this VPC's CIDR blocks (${vpc.CidrBlock}).`,
    );
  }
  const given = TARGETS.filter(([member]) => (input as unknown as Record<string, unknown>)[member] !== undefined);
  if (given.length !== 1) {
    throw ec2Error("InvalidParameterCombination", "Give exactly one route target (gateway, NAT gateway, peering …).");
  }
  const [member, pattern] = given[0]!;
  const target = String((input as unknown as Record<string, unknown>)[member]);
  if (!pattern.test(target)) throw invalidParameterValue(`The ${member} '${target}' is malformed.`);
  if (member === "VpcEndpointId" && !ctx.state.ec2.vpcEndpoints[target]) {
    throw ec2NotFound("InvalidVpcEndpointId.NotFound", target, "Vpc Endpoint");
  }
  return {
    ...(input.DestinationCidrBlock ? { DestinationCidrBlock: input.DestinationCidrBlock } : {}),
    ...(input.DestinationIpv6CidrBlock ? { DestinationIpv6CidrBlock: input.DestinationIpv6CidrBlock } : {}),
    ...(input.DestinationPrefixListId ? { DestinationPrefixListId: input.DestinationPrefixListId } : {}),
    [member]: target,
    Origin: "CreateRoute",
    State: "active",
  };
}

const sameDestination = (a: RouteRecord, b: RouteRecord): boolean =>
  a.DestinationCidrBlock === b.DestinationCidrBlock &&
  a.DestinationIpv6CidrBlock === b.DestinationIpv6CidrBlock &&
  a.DestinationPrefixListId === b.DestinationPrefixListId;

const createRoute: Handler = (input: CreateRouteRequest, ctx) => {
  const table = findTable(ctx, input.RouteTableId);
  const route = routeFrom(ctx, table, input);
  if (table.Routes.some((r) => sameDestination(r, route))) {
    throw ec2Error(
      "RouteAlreadyExists",
      `The route identified by ${route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? route.DestinationPrefixListId} already exists.`,
    );
  }
  table.Routes.push(route);
  return { Return: true };
};

function existingRoute(table: RouteTableRecord, destination: RouteRecord): RouteRecord {
  const route = table.Routes.find((r) => sameDestination(r, destination));
  if (!route) {
    throw ec2Error(
      "InvalidRoute.NotFound",
      `no route with destination-cidr-block ${destination.DestinationCidrBlock ?? destination.DestinationIpv6CidrBlock ?? destination.DestinationPrefixListId} in route table ${table.RouteTableId}`,
    );
  }
  if (route.GatewayId === "local")
    throw invalidParameterValue("The local route of a VPC cannot be changed or deleted.");
  return route;
}

const replaceRoute: Handler = (input: ReplaceRouteRequest, ctx) => {
  const table = findTable(ctx, input.RouteTableId);
  const next = routeFrom(ctx, table, input as CreateRouteRequest);
  const route = existingRoute(table, next);
  table.Routes[table.Routes.indexOf(route)] = { ...next, Origin: route.Origin };
  return {};
};

const deleteRoute: Handler = (input: DeleteRouteRequest, ctx) => {
  const table = findTable(ctx, input.RouteTableId);
  const route = existingRoute(table, {
    ...(input.DestinationCidrBlock ? { DestinationCidrBlock: input.DestinationCidrBlock } : {}),
    ...(input.DestinationIpv6CidrBlock ? { DestinationIpv6CidrBlock: input.DestinationIpv6CidrBlock } : {}),
    ...(input.DestinationPrefixListId ? { DestinationPrefixListId: input.DestinationPrefixListId } : {}),
    Origin: "",
    State: "",
  });
  table.Routes = table.Routes.filter((r) => r !== route);
  return {};
};

export const routeTableHandlers: Record<string, Handler> = {
  CreateRouteTable: createRouteTable,
  DeleteRouteTable: deleteRouteTable,
  DescribeRouteTables: describeRouteTables,
  AssociateRouteTable: associateRouteTable,
  DisassociateRouteTable: disassociateRouteTable,
  ReplaceRouteTableAssociation: replaceRouteTableAssociation,
  CreateRoute: createRoute,
  ReplaceRoute: replaceRoute,
  DeleteRoute: deleteRoute,
};
