/**
 * Network ACLs as EC2 evaluates them: per subnet, entries in rule-number
 * order, the first that matches decides, the last (*) denies; stateless, so a
 * connection needs its request allowed one way and its answer the other
 * (on the client's ephemeral ports). Link-local traffic (169.254.0.0/16,
 * where VPC Lattice answers services) is not filtered by network ACLs.
 */
import type { NetworkAcl, NetworkAclEntry } from "@lattice-atlas/shared";
import { cidrContains, cidrOverlaps } from "./cidr.js";

/** The ports a client's answer comes back to (Linux and most SDKs use 32768–60999; AWS advises 1024–65535). */
export const EPHEMERAL_PORTS = [1024, 32768, 49152, 60999, 65535] as const;
const LINK_LOCAL = "169.254.0.0/16";

export interface AclDecision {
  allowed: boolean;
  /** The entry that decided (undefined: the default deny). */
  entry?: NetworkAclEntry | undefined;
}

function entryMatchesPort(entry: NetworkAclEntry, port: number): boolean {
  if (entry.protocol === "-1" || entry.protocol.toLowerCase() === "all") return true;
  if (entry.protocol !== "6" && entry.protocol.toLowerCase() !== "tcp") return false;
  return (entry.fromPort ?? 0) <= port && port <= (entry.toPort ?? 65535);
}

/**
 * Whether `acl` lets TCP `port` pass in one direction for a peer range. An
 * entry that covers the whole range decides; a deny that covers part of it
 * decides too (some of that traffic is dropped), a partial allow does not.
 */
export function aclDecides(acl: NetworkAcl, egress: boolean, port: number, peerCidr: string): AclDecision {
  if (cidrContains(LINK_LOCAL, peerCidr)) return { allowed: true };
  const entries = acl.entries
    .filter((e) => e.egress === egress && e.cidr !== undefined)
    .sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const entry of entries) {
    if (!entryMatchesPort(entry, port)) continue;
    if (cidrContains(entry.cidr!, peerCidr)) return { allowed: entry.action === "allow", entry };
    if (entry.action === "deny" && cidrOverlaps(entry.cidr!, peerCidr)) return { allowed: false, entry };
  }
  return { allowed: false };
}

export interface AclVerdict {
  allowed: boolean;
  acl: NetworkAcl;
  /** Which direction failed, and the entry that denied it. */
  denied?:
    { direction: "outbound" | "inbound"; port: number; peer: string; entry?: NetworkAclEntry | undefined } | undefined;
  /** The entries that allowed both directions. */
  allowedBy: NetworkAclEntry[];
}

/**
 * A connection from a subnet out to `peer` on `port` (outgoing = true), or in
 * from `peer` to `port` (outgoing = false): the request one way, the answer
 * on the ephemeral ports the other.
 */
export function aclAllowsConnection(acl: NetworkAcl, outgoing: boolean, port: number, peer: string): AclVerdict {
  const request = aclDecides(acl, outgoing, port, peer);
  if (!request.allowed)
    return {
      allowed: false,
      acl,
      denied: { direction: outgoing ? "outbound" : "inbound", port, peer, entry: request.entry },
      allowedBy: [],
    };
  const allowedBy = request.entry ? [request.entry] : [];
  for (const ephemeral of EPHEMERAL_PORTS) {
    const answer = aclDecides(acl, !outgoing, ephemeral, peer);
    if (!answer.allowed)
      return {
        allowed: false,
        acl,
        denied: { direction: outgoing ? "inbound" : "outbound", port: ephemeral, peer, entry: answer.entry },
        allowedBy,
      };
    if (answer.entry && !allowedBy.includes(answer.entry)) allowedBy.push(answer.entry);
  }
  return { allowed: true, acl, allowedBy };
}

/** The ACL a subnet is associated with (each subnet is in exactly one). */
export function aclOfSubnet(acls: readonly NetworkAcl[] | undefined, subnetId: string): NetworkAcl | undefined {
  return acls?.find((acl) => acl.subnetIds.includes(subnetId)) ?? acls?.find((acl) => acl.isDefault);
}

export function describeAclEntry(acl: NetworkAcl, entry: NetworkAclEntry | undefined): string {
  if (!entry) return `${acl.id}: the default rule (*) denies`;
  const ports =
    entry.protocol === "-1"
      ? "all traffic"
      : entry.fromPort === entry.toPort
        ? `TCP ${entry.fromPort}`
        : `TCP ${entry.fromPort ?? 0}-${entry.toPort ?? 65535}`;
  return `${acl.id} rule ${entry.ruleNumber}: ${entry.action.toUpperCase()} ${ports} ${entry.egress ? "to" : "from"} ${entry.cidr ?? entry.ipv6Cidr}`;
}
