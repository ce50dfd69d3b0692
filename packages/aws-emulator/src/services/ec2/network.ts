/**
 * Network plumbing other services build on: private IPs allocated from a
 * subnet's CIDR, requester-managed network interfaces, and lookups that other
 * services use to check references against the same emulator's EC2 state.
 */
import type { HandlerContext } from "../../core/service.js";
import type { RegionState } from "../../core/region.js";
import { interfacesByOwner, interfacesBySubnet, networkInterfaceTable, securityGroupsByVpc } from "./indexes.js";
import type { NetworkInterfaceRecord, SubnetRecord } from "./state.js";

export function ipv4ToInt(ip: string): number {
  return ip.split(".").reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
}

export function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join(".");
}

export function parseCidr(cidr: string): { base: number; bits: number } | undefined {
  const match = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(cidr);
  if (!match) return undefined;
  const parts = match[1]!.split(".").map(Number);
  const bits = Number(match[2]);
  if (parts.some((p) => p > 255) || bits > 32) return undefined;
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { base: (ipv4ToInt(match[1]!) & mask) >>> 0, bits };
}

export function cidrContains(outer: string, inner: string): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(inner);
  if (!a || !b || b.bits < a.bits) return false;
  const mask = a.bits === 0 ? 0 : (0xffffffff << (32 - a.bits)) >>> 0;
  return (b.base & mask) >>> 0 === a.base;
}

export function ipInCidr(cidr: string, ip: string): boolean {
  return cidrContains(cidr, `${ip}/32`);
}

/** The next free address of a subnet (AWS reserves the first four and the last). */
export function allocateIp(state: RegionState, subnet: SubnetRecord, wanted?: string): string {
  const range = parseCidr(subnet.CidrBlock)!;
  const used = new Set(interfacesBySubnet.get(state, subnet.SubnetId).map((eni) => eni.PrivateIpAddress));
  if (wanted && ipInCidr(subnet.CidrBlock, wanted) && !used.has(wanted)) return wanted;
  const size = 2 ** (32 - range.bits);
  for (let offset = 4; offset < size - 1; offset++) {
    const ip = intToIpv4(range.base + offset);
    if (!used.has(ip)) return ip;
  }
  throw new Error(`subnet ${subnet.SubnetId} has no free addresses`);
}

/** AvailableIpAddressCount = the subnet's size, less AWS's five reserved addresses and the interfaces in it. */
function recountAddresses(state: RegionState, subnet: SubnetRecord): void {
  const size = 2 ** (32 - parseCidr(subnet.CidrBlock)!.bits);
  const inUse = interfacesBySubnet.get(state, subnet.SubnetId).length;
  subnet.AvailableIpAddressCount = Math.max(0, size - 5 - inUse);
}

export interface InterfaceRequest {
  subnetId: string;
  groupIds: string[];
  description: string;
  interfaceType: string;
  attachedTo: string;
  requesterId?: string;
  privateIp?: string;
}

export function createManagedInterface(ctx: HandlerContext, request: InterfaceRequest): NetworkInterfaceRecord {
  const subnet = ctx.state.ec2.subnets[request.subnetId]!;
  const id = ctx.ids.id("eni");
  const record: NetworkInterfaceRecord = {
    NetworkInterfaceId: id,
    SubnetId: subnet.SubnetId,
    VpcId: subnet.VpcId,
    AvailabilityZone: subnet.AvailabilityZone,
    PrivateIpAddress: allocateIp(ctx.state, subnet, request.privateIp),
    Description: request.description,
    InterfaceType: request.interfaceType,
    Status: "in-use",
    OwnerId: ctx.accountId,
    RequesterManaged: true,
    ...(request.requesterId ? { RequesterId: request.requesterId } : {}),
    Groups: request.groupIds.map((groupId) => ({
      GroupId: groupId,
      GroupName: ctx.state.ec2.securityGroups[groupId]?.GroupName ?? groupId,
    })),
    attachedTo: request.attachedTo,
    TagSet: [],
  };
  networkInterfaceTable.put(ctx.state, id, record);
  recountAddresses(ctx.state, subnet);
  return record;
}

export function removeInterfacesOf(state: RegionState, owner: string): void {
  for (const eni of interfacesByOwner.get(state, owner)) {
    delete state.ec2.networkInterfaces[eni.NetworkInterfaceId];
    const subnet = state.ec2.subnets[eni.SubnetId];
    if (subnet) recountAddresses(state, subnet);
  }
}

const DIRECTIONS: Record<string, string> = {
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
  north: "n",
  south: "s",
  east: "e",
  west: "w",
  central: "c",
};

/**
 * The zone ID of a zone name, as AWS spells them (`ap-northeast-1` + `c` → `apne1-az3`).
 * One function for subnets and DescribeAvailabilityZones, so the two always agree.
 */
export function availabilityZoneId(region: string, zone: string): string {
  const parts = region.split("-");
  const middle = parts
    .slice(1, -1)
    .map((p) => DIRECTIONS[p] ?? p.charAt(0))
    .join("");
  const index = zone.charCodeAt(zone.length - 1) - 96;
  return `${parts[0]}${middle}${parts[parts.length - 1]}-az${index}`;
}

export function defaultSecurityGroup(state: RegionState, vpcId: string): string | undefined {
  return securityGroupsByVpc.find(state, vpcId, (g) => g.GroupName === "default")?.GroupId;
}

/**
 * An id derived from what it belongs to (`rtb-0…` of a VPC, `aclassoc-0…` of a
 * subnet), for records AWS creates alongside another: they take no id from the
 * counter, so adding them changes no other generated id. Two 32-bit FNV-1a
 * passes (cheap: a scenario makes thousands of these; a cryptographic hash
 * here was a tenth of the large scenario's load time).
 */
export function derivedId(prefix: string, owner: string): string {
  const text = `${prefix}:${owner}`;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return `${prefix}-0${hex(a)}${hex(b)}`;
}
