/**
 * Security-group evaluation as EC2 does it: rules only allow, any allowing
 * rule of any attached group admits the traffic, a source-group rule matches
 * traffic from an interface that carries that group, and CIDR or prefix-list
 * rules match by address (every address the traffic may come from or go to
 * must be covered). Protocol "-1" (all) covers every port.
 */
import type { SecurityGroupRule } from "@lattice-atlas/shared";
import { cidrContains } from "./cidr.js";
import type { SecurityGroupFacts } from "./graph-index.js";

/** The other side of a flow: the groups its interfaces carry and the addresses it uses. */
export interface Peer {
  groupIds: readonly string[];
  cidrs: readonly string[];
  /** Managed prefix lists that hold the peer's addresses (e.g. the VPC Lattice prefix list). */
  prefixListIds?: readonly string[];
}

export type Direction = "ingress" | "egress";

export interface RuleMatch {
  group: SecurityGroupFacts;
  rule: SecurityGroupRule;
}

const ALL_PROTOCOLS = new Set(["-1", "all"]);
const TCP = new Set(["tcp", "6"]);

/** Whether a rule covers TCP `port`. */
export function ruleAllowsPort(rule: SecurityGroupRule, port: number): boolean {
  const protocol = rule.protocol.toLowerCase();
  if (ALL_PROTOCOLS.has(protocol)) return true;
  if (!TCP.has(protocol)) return false;
  return (rule.fromPort ?? 0) <= port && port <= (rule.toPort ?? 65535);
}

function matchesPeer(rule: SecurityGroupRule, peer: Peer, cidr: string | undefined): boolean {
  if (rule.sourceGroupId) return peer.groupIds.includes(rule.sourceGroupId);
  if (rule.prefixListId) return Boolean(peer.prefixListIds?.includes(rule.prefixListId));
  if (rule.cidr && cidr !== undefined) return cidrContains(rule.cidr, cidr);
  return false;
}

/**
 * The rules of `groups` that let TCP `port` in from (ingress) or out to
 * (egress) `peer`: a group-reference or prefix-list rule alone suffices; by
 * address, each of the peer's ranges must be covered by some rule. Empty
 * when the traffic is not allowed.
 */
export function allowingRules(
  groups: readonly SecurityGroupFacts[],
  direction: Direction,
  port: number,
  peer: Peer,
): RuleMatch[] {
  const candidates: RuleMatch[] = [];
  for (const group of groups)
    for (const rule of direction === "ingress" ? group.ingress : group.egress)
      if (ruleAllowsPort(rule, port)) candidates.push({ group, rule });
  const byReference = candidates.find((m) => !m.rule.cidr && matchesPeer(m.rule, peer, undefined));
  if (byReference) return [byReference];
  if (peer.cidrs.length === 0) return [];
  const covering: RuleMatch[] = [];
  for (const cidr of peer.cidrs) {
    const match = candidates.find((m) => m.rule.cidr && matchesPeer(m.rule, peer, cidr));
    if (!match) return [];
    if (!covering.includes(match)) covering.push(match);
  }
  return covering;
}

/** The first rule that lets `port` in from `peer`, if the traffic is allowed. */
export function findIngress(groups: readonly SecurityGroupFacts[], port: number, peer: Peer): RuleMatch | undefined {
  return allowingRules(groups, "ingress", port, peer)[0];
}

/** The first rule that lets `port` out to `peer`, if the traffic is allowed. */
export function findEgress(groups: readonly SecurityGroupFacts[], port: number, peer: Peer): RuleMatch | undefined {
  return allowingRules(groups, "egress", port, peer)[0];
}

/** Whether any rule of `groups` lets TCP `port` in from anywhere at all (the entry side, clients unknown). */
export function admitsPortFromSomewhere(groups: readonly SecurityGroupFacts[], port: number): boolean {
  return groups.some((g) => g.ingress.some((rule) => ruleAllowsPort(rule, port)));
}

export function describeRule({ group, rule }: RuleMatch, direction: "from" | "to"): string {
  const ports = ALL_PROTOCOLS.has(rule.protocol.toLowerCase())
    ? "all traffic"
    : rule.fromPort === rule.toPort
      ? `TCP ${rule.fromPort}`
      : `TCP ${rule.fromPort ?? 0}-${rule.toPort ?? 65535}`;
  const peer = rule.sourceGroupId ?? rule.cidr ?? rule.prefixListId ?? rule.ipv6Cidr ?? "?";
  return `${group.groupName} (${group.groupId}) allows ${ports} ${direction} ${peer}${rule.description ? ` — “${rule.description}”` : ""}`;
}

/** EC2 rule descriptions accept a limited alphabet (and 255 characters). */
export function ruleDescription(text: string): string {
  return text.replace(/[^A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]/g, "-").slice(0, 255);
}
