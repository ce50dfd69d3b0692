/** VPCs and subnets. */
import type {
  CreateSubnetRequest,
  CreateVpcRequest,
  DeleteSubnetRequest,
  DeleteVpcRequest,
  DescribeSubnetsRequest,
  DescribeVpcAttributeRequest,
  DescribeVpcsRequest,
  ModifyVpcAttributeRequest,
} from "@aws-sdk/client-ec2";
import type { Handler, HandlerContext } from "../../../core/service.js";
import { availabilityZoneId, cidrContains, parseCidr } from "../network.js";
import { ec2Error, ec2NotFound, invalidParameterValue } from "../errors.js";
import { applyFilters } from "../filters.js";
import { vpcAssociationsByVpc } from "../../lattice/indexes.js";
import {
  endpointsByVpc,
  interfacesBySubnet,
  rulesByGroup,
  securityGroupsByVpc,
  subnetsByVpc,
  subnetTable,
} from "../indexes.js";
import type { SubnetRecord, VpcRecord } from "../state.js";
import { associateWithDefaultAcl, createDefaultNetworkAcl, forgetSubnetAcl, networkAclsOfVpc } from "./network-acls.js";
import { createMainRouteTable, forgetSubnetRouteTable, routeTablesOfVpc } from "./route-tables.js";
import { createDefaultSecurityGroup } from "./security-groups.js";
import { byIds, ec2Page, findVpc, tagsFor } from "./common.js";

export function createVpc(ctx: HandlerContext, input: CreateVpcRequest): VpcRecord {
  const cidr = input.CidrBlock;
  const range = cidr ? parseCidr(cidr) : undefined;
  if (!cidr || !range)
    throw invalidParameterValue(`Value (${cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
  if (range.bits < 16 || range.bits > 28) throw ec2Error("InvalidVpc.Range", `The CIDR '${cidr}' is invalid.`);
  const id = ctx.ids.id("vpc");
  const record: VpcRecord = {
    VpcId: id,
    CidrBlock: cidr,
    State: "available",
    OwnerId: ctx.accountId,
    IsDefault: false,
    InstanceTenancy: input.InstanceTenancy ?? "default",
    DhcpOptionsId: "dopt-0" + ctx.ids.hex(16),
    CidrBlockAssociationSet: [
      { AssociationId: ctx.ids.id("vpc-cidr-assoc"), CidrBlock: cidr, CidrBlockState: { State: "associated" } },
    ],
    Tags: tagsFor(input.TagSpecifications, "vpc"),
  };
  ctx.state.ec2.vpcs[id] = record;
  createDefaultSecurityGroup(ctx, id);
  createMainRouteTable(ctx, record);
  createDefaultNetworkAcl(ctx, record);
  return record;
}

const createVpcHandler: Handler = (input: CreateVpcRequest, ctx) => ({ Vpc: createVpc(ctx, input) });

const describeVpcs: Handler = (input: DescribeVpcsRequest, ctx) => {
  const all = byIds(ctx.state.ec2.vpcs, input.VpcIds, (id) => ec2NotFound("InvalidVpcID.NotFound", id, "vpc"));
  const filtered = applyFilters(
    all,
    input.Filters,
    {
      "vpc-id": (v) => v.VpcId,
      cidr: (v) => v.CidrBlock,
      "cidr-block-association.cidr-block": (v) => v.CidrBlockAssociationSet.map((a) => a.CidrBlock),
      state: (v) => v.State,
      "is-default": (v) => String(v.IsDefault),
      "owner-id": (v) => v.OwnerId,
      "dhcp-options-id": (v) => v.DhcpOptionsId,
    },
    (v) => v.Tags,
  );
  const page = ec2Page(ctx, filtered, input, "vpcs");
  return { Vpcs: page.items, NextToken: page.nextToken };
};

const deleteVpc: Handler = (input: DeleteVpcRequest, ctx) => {
  const vpc = findVpc(ctx, input.VpcId!);
  const e = ctx.state.ec2;
  const groups = securityGroupsByVpc.get(ctx.state, vpc.VpcId);
  const dependents = [
    ...subnetsByVpc.get(ctx.state, vpc.VpcId).map((s) => s.SubnetId),
    ...groups.filter((g) => g.GroupName !== "default").map((g) => g.GroupId),
    ...endpointsByVpc.get(ctx.state, vpc.VpcId).map((x) => x.VpcEndpointId),
    ...vpcAssociationsByVpc.get(ctx.state, vpc.VpcId).map((a) => a.id),
    ...routeTablesOfVpc(ctx.state, vpc.VpcId).others,
    ...networkAclsOfVpc(ctx.state, vpc.VpcId).others,
  ];
  if (dependents.length > 0) {
    throw ec2Error(
      "DependencyViolation",
      `The vpc '${vpc.VpcId}' has dependencies and cannot be deleted (${dependents.slice(0, 3).join(", ")}).`,
    );
  }
  for (const group of groups) {
    delete e.securityGroups[group.GroupId];
    for (const rule of rulesByGroup.get(ctx.state, group.GroupId))
      delete e.securityGroupRules[rule.SecurityGroupRuleId];
  }
  for (const id of routeTablesOfVpc(ctx.state, vpc.VpcId).main) delete e.routeTables[id];
  for (const id of networkAclsOfVpc(ctx.state, vpc.VpcId).defaults) delete e.networkAcls[id];
  delete e.vpcs[vpc.VpcId];
  return {};
};

export function createSubnet(ctx: HandlerContext, input: CreateSubnetRequest): SubnetRecord {
  const vpc = findVpc(ctx, input.VpcId!);
  const cidr = input.CidrBlock;
  const range = cidr ? parseCidr(cidr) : undefined;
  if (!cidr || !range)
    throw invalidParameterValue(`Value (${cidr}) for parameter cidrBlock is invalid. This is not a valid CIDR block.`);
  if (!cidrContains(vpc.CidrBlock, cidr)) throw ec2Error("InvalidSubnet.Range", `The CIDR '${cidr}' is invalid.`);
  const overlapping = subnetsByVpc.find(
    ctx.state,
    vpc.VpcId,
    (s) => cidrContains(s.CidrBlock, cidr) || cidrContains(cidr, s.CidrBlock),
  );
  if (overlapping) throw ec2Error("InvalidSubnet.Conflict", `The CIDR '${cidr}' conflicts with another subnet`);
  const zone = input.AvailabilityZone ?? `${ctx.region}a`;
  if (!zone.startsWith(ctx.region))
    throw invalidParameterValue(`Value (${zone}) for parameter availabilityZone is invalid.`);
  const id = ctx.ids.id("subnet");
  const record: SubnetRecord = {
    SubnetId: id,
    SubnetArn: `arn:aws:ec2:${ctx.region}:${ctx.accountId}:subnet/${id}`,
    VpcId: vpc.VpcId,
    CidrBlock: cidr,
    AvailabilityZone: zone,
    AvailabilityZoneId: availabilityZoneId(ctx.region, zone),
    AvailableIpAddressCount: 2 ** (32 - range.bits) - 5,
    State: "available",
    OwnerId: ctx.accountId,
    DefaultForAz: false,
    MapPublicIpOnLaunch: false,
    Tags: tagsFor(input.TagSpecifications, "subnet"),
  };
  subnetTable.put(ctx.state, id, record);
  associateWithDefaultAcl(ctx, record);
  return record;
}

const createSubnetHandler: Handler = (input: CreateSubnetRequest, ctx) => ({ Subnet: createSubnet(ctx, input) });

const describeSubnets: Handler = (input: DescribeSubnetsRequest, ctx) => {
  const all = byIds(ctx.state.ec2.subnets, input.SubnetIds, (id) =>
    ec2NotFound("InvalidSubnetID.NotFound", id, "subnet"),
  );
  const filtered = applyFilters(
    all,
    input.Filters,
    {
      "subnet-id": (s) => s.SubnetId,
      "vpc-id": (s) => s.VpcId,
      "availability-zone": (s) => s.AvailabilityZone,
      "availability-zone-id": (s) => s.AvailabilityZoneId,
      "cidr-block": (s) => s.CidrBlock,
      state: (s) => s.State,
      "owner-id": (s) => s.OwnerId,
      "default-for-az": (s) => String(s.DefaultForAz),
    },
    (s) => s.Tags,
  );
  const page = ec2Page(ctx, filtered, input, "subnets");
  return { Subnets: page.items, NextToken: page.nextToken };
};

const deleteSubnet: Handler = (input: DeleteSubnetRequest, ctx) => {
  const subnet = ctx.state.ec2.subnets[input.SubnetId!];
  if (!subnet) throw ec2NotFound("InvalidSubnetID.NotFound", input.SubnetId!, "subnet");
  const eni = interfacesBySubnet.get(ctx.state, subnet.SubnetId)[0];
  if (eni)
    throw ec2Error(
      "DependencyViolation",
      `The subnet '${subnet.SubnetId}' has dependencies and cannot be deleted (${eni.NetworkInterfaceId}).`,
    );
  delete ctx.state.ec2.subnets[subnet.SubnetId];
  forgetSubnetAcl(ctx.state, subnet.SubnetId);
  forgetSubnetRouteTable(ctx.state, subnet.SubnetId);
  return {};
};

const VPC_ATTRIBUTES = {
  enableDnsSupport: "EnableDnsSupport",
  enableDnsHostnames: "EnableDnsHostnames",
  enableNetworkAddressUsageMetrics: "EnableNetworkAddressUsageMetrics",
} as const;
type VpcAttribute = keyof typeof VPC_ATTRIBUTES;

/** AWS's defaults for a VPC that is not the default VPC: DNS resolution on, DNS hostnames off. */
function vpcAttribute(vpc: VpcRecord, name: VpcAttribute): boolean {
  return vpc.attributes?.[name] ?? name === "enableDnsSupport";
}

const describeVpcAttribute: Handler = (input: DescribeVpcAttributeRequest, ctx) => {
  const vpc = findVpc(ctx, input.VpcId!);
  const name = input.Attribute as VpcAttribute;
  if (!(name in VPC_ATTRIBUTES)) {
    throw invalidParameterValue(
      `Value (${input.Attribute}) for parameter attribute is invalid. Valid values: ${Object.keys(VPC_ATTRIBUTES).join(", ")}.`,
    );
  }
  return { VpcId: vpc.VpcId, [VPC_ATTRIBUTES[name]]: { Value: vpcAttribute(vpc, name) } };
};

/** One attribute per call, as EC2 requires; hostnames need DNS resolution. */
const modifyVpcAttribute: Handler = (input: ModifyVpcAttributeRequest, ctx) => {
  const vpc = findVpc(ctx, input.VpcId!);
  const given = (Object.entries(VPC_ATTRIBUTES) as Array<[VpcAttribute, keyof ModifyVpcAttributeRequest]>).filter(
    ([, member]) => input[member] !== undefined,
  );
  if (given.length !== 1) {
    throw ec2Error(
      "InvalidParameterCombination",
      "Give exactly one attribute (EnableDnsSupport, EnableDnsHostnames or EnableNetworkAddressUsageMetrics) per call.",
    );
  }
  const [name, member] = given[0]!;
  const value = Boolean((input[member] as { Value?: boolean } | undefined)?.Value);
  const next = { ...(vpc.attributes ?? {}), [name]: value };
  if ((next.enableDnsHostnames ?? false) && !(next.enableDnsSupport ?? true)) {
    throw invalidParameterValue("DNS hostnames need DNS resolution: enableDnsSupport must be true.");
  }
  vpc.attributes = next;
  return {};
};

export const vpcHandlers: Record<string, Handler> = {
  DescribeVpcAttribute: describeVpcAttribute,
  ModifyVpcAttribute: modifyVpcAttribute,
  CreateVpc: createVpcHandler,
  DescribeVpcs: describeVpcs,
  DeleteVpc: deleteVpc,
  CreateSubnet: createSubnetHandler,
  DescribeSubnets: describeSubnets,
  DeleteSubnet: deleteSubnet,
};
