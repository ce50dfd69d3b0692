/** Security-group rule matching, as EC2 evaluates it: any allowing rule admits the traffic. */
import type { SecurityGroupRule } from "@lattice-atlas/shared";
import type { SecurityGroupFacts } from "../connect/graph-index.js";

function ipToInt(ip: string): number {
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

function range(cidr: string): [number, number] | undefined {
  const [base, bitsText] = cidr.split("/");
  if (!base || !/^\d+\.\d+\.\d+\.\d+$/.test(base)) return undefined;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  const size = 2 ** (32 - bits);
  const start = Math.floor(ipToInt(base) / size) * size;
  return [start, start + size - 1];
}

/** Whether `outer` contains all of `inner` (a CIDR or an address). */
export function cidrCovers(outer: string, inner: string): boolean {
  const a = range(outer);
  const b = range(inner);
  return Boolean(a && b && a[0] <= b[0] && b[1] <= a[1]);
}

export function portAllowed(rule: SecurityGroupRule, port: number): boolean {
  if (rule.protocol === "-1" || rule.protocol === "all") return true;
  if (rule.protocol !== "tcp" && rule.protocol !== "6") return false;
  const from = rule.fromPort ?? 0;
  const to = rule.toPort ?? 65535;
  return from <= port && port <= to;
}

/** Who a flow is with: security groups it carries, or the address ranges it comes from / goes to. */
export interface Peer {
  groupIds: string[];
  cidrs: string[];
}

function peerMatches(rule: SecurityGroupRule, peer: Peer): boolean {
  if (rule.sourceGroupId) return peer.groupIds.includes(rule.sourceGroupId);
  if (rule.cidr) return peer.cidrs.some((c) => cidrCovers(rule.cidr!, c));
  return false;
}

export function describeRule(group: SecurityGroupFacts, rule: SecurityGroupRule, direction: "from" | "to"): string {
  const ports =
    rule.protocol === "-1"
      ? "all traffic"
      : rule.fromPort === rule.toPort
        ? `TCP ${rule.fromPort}`
        : `TCP ${rule.fromPort}-${rule.toPort}`;
  const peer = rule.sourceGroupId ?? rule.cidr ?? rule.prefixListId ?? rule.ipv6Cidr ?? "?";
  return `${group.groupName} (${group.groupId}) allows ${ports} ${direction} ${peer}${rule.description ? ` — “${rule.description}”` : ""}`;
}

/** The first group and rule that let `port` in from `peer`. */
export function findIngress(
  groups: SecurityGroupFacts[],
  port: number,
  peer: Peer,
): { group: SecurityGroupFacts; rule: SecurityGroupRule } | undefined {
  for (const group of groups) {
    const rule = group.ingress.find((r) => portAllowed(r, port) && peerMatches(r, peer));
    if (rule) return { group, rule };
  }
  return undefined;
}

/** The first group and rule that let `port` out to `peer`. */
export function findEgress(
  groups: SecurityGroupFacts[],
  port: number,
  peer: Peer,
): { group: SecurityGroupFacts; rule: SecurityGroupRule } | undefined {
  for (const group of groups) {
    const rule = group.egress.find((r) => portAllowed(r, port) && peerMatches(r, peer));
    if (rule) return { group, rule };
  }
  return undefined;
}
