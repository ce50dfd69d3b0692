/**
 * One graph from the graphs of several (account, region) reads. AWS ids are
 * unique across accounts (VPC, subnet, security-group, endpoint ids, and
 * Lattice's sn-/rcfg-/svc-/snva-/snra- ids), so the id is the join key: an
 * association seen by the network's owner and by the VPC's account is one
 * node, its data taken from the owner's read, with both accounts in
 * `observedIn`. An edge that still points at nothing after the join points at
 * a named stub ("service network sn-… in account 222…, not readable: …").
 */
import type { GraphEdge, GraphNode, NodeKind } from "@lattice-atlas/shared";
import type { BuiltGraph, Reference } from "./build.js";

export interface AccountGraph extends BuiltGraph {
  /** The account and region the graph was read in. */
  accountId: string;
  region: string;
}

export interface MergeOptions {
  /** Why an account could not be read, by account id (shown on its stubs). */
  unreadable: ReadonlyMap<string, string>;
  /** Accounts that were read (at least in part); a reference elsewhere is outside what this source reads. */
  readAccounts: ReadonlySet<string>;
}

const KIND_WORD: Partial<Record<NodeKind, string>> = {
  vpc: "VPC",
  vpcEndpoint: "VPC endpoint",
  serviceNetwork: "service network",
  resourceConfiguration: "resource configuration",
  service: "service",
  resourceGateway: "resource gateway",
  securityGroup: "security group",
};

/** What kind of thing an id is, from AWS's id prefixes. */
export function kindOfId(id: string): NodeKind | undefined {
  const prefix = /^(vpc|vpce|sn|rcfg|svc|rgw|sg|tg)-/.exec(id)?.[1];
  const kinds: Record<string, NodeKind> = {
    vpc: "vpc",
    vpce: "vpcEndpoint",
    sn: "serviceNetwork",
    rcfg: "resourceConfiguration",
    svc: "service",
    rgw: "resourceGateway",
    sg: "securityGroup",
    tg: "targetGroup",
  };
  return prefix ? kinds[prefix] : undefined;
}

function stubReason(reference: Reference | undefined, options: MergeOptions): string {
  const account = reference?.accountId;
  if (!account) return "not in any account this source reads";
  const why = options.unreadable.get(account);
  if (why) return `not readable: ${why}`;
  if (!options.readAccounts.has(account)) return `account ${account} is outside what this source reads`;
  return `not listed by account ${account} (deleted, or not shared with the accounts read)`;
}

function stubFor(id: string, reference: Reference | undefined, region: string, options: MergeOptions): GraphNode {
  const refKind = reference?.kind ?? kindOfId(id) ?? "stub";
  const accountId = reference?.accountId ?? "unknown";
  const reason = stubReason(reference, options);
  return {
    id,
    kind: "stub",
    label: `${KIND_WORD[refKind] ?? refKind} ${id}${reference?.accountId ? ` in account ${reference.accountId}` : ""}`,
    accountId,
    region,
    data: {
      refKind,
      ...(reference?.arn ? { arn: reference.arn } : {}),
      accountId,
      region,
      reason,
    },
  };
}

/** Data of two reads of one thing: the primary's fields win, but a field it could not see (null) keeps the other's. */
function mergeData(primary: GraphNode, secondary: GraphNode): GraphNode["data"] {
  const data = { ...(secondary.data as object), ...(primary.data as object) } as Record<string, unknown>;
  for (const [key, value] of Object.entries(secondary.data as Record<string, unknown>))
    if (data[key] === null && value !== null) data[key] = value;
  return data as GraphNode["data"];
}

export function mergeGraphs(
  parts: readonly AccountGraph[],
  options: MergeOptions,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const references = new Map<string, Reference>();
  /** Ids whose data came from a read in their owner's account (preferred over a consumer's view). */
  const readByOwner = new Set<string>();
  const observed = new Map<string, Set<string>>();
  for (const part of parts) {
    for (const node of part.nodes) {
      const existing = nodes.get(node.id);
      const byOwner = node.accountId === part.accountId;
      const seen = observed.get(node.id) ?? new Set<string>();
      seen.add(part.accountId);
      observed.set(node.id, seen);
      if (!existing) {
        nodes.set(node.id, node);
        if (byOwner) readByOwner.add(node.id);
        continue;
      }
      const ownerFirst = byOwner && !readByOwner.has(node.id);
      const [primary, secondary] = ownerFirst ? [node, existing] : [existing, node];
      nodes.set(node.id, { ...primary, data: mergeData(primary, secondary) } as GraphNode);
      if (byOwner) readByOwner.add(node.id);
    }
    for (const edge of part.edges) edges.set(edge.id, edge);
    for (const [id, reference] of part.references) {
      const known = references.get(id);
      references.set(id, {
        kind: known?.kind ?? reference.kind,
        ...((known?.accountId ?? reference.accountId) ? { accountId: known?.accountId ?? reference.accountId } : {}),
        ...((known?.arn ?? reference.arn) ? { arn: known?.arn ?? reference.arn } : {}),
      });
    }
  }
  for (const [id, accounts] of observed) {
    if (accounts.size < 2) continue;
    const node = nodes.get(id)!;
    nodes.set(id, { ...node, observedIn: [...accounts].sort() });
  }
  for (const part of parts) {
    for (const edge of part.dangling) {
      for (const end of [edge.source, edge.target]) {
        if (!nodes.has(end)) nodes.set(end, stubFor(end, references.get(end), part.region, options));
      }
      edges.set(edge.id, edge);
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}
