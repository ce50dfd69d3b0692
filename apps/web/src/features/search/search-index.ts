/**
 * Find nodes from whatever a user pastes: an id (snra-…, vpce-…), an ARN, a
 * name, or a DNS name — the Aurora hostname, an snra-… name, a service URL
 * with https:// and a path. Every DNS name in node data is indexed: endpoint
 * association rows, association and service names, database endpoints,
 * configuration definitions and custom domains.
 */
import type { GraphNode, Topology } from "@lattice-atlas/shared";

interface SearchEntry {
  nodeId: string;
  kind: GraphNode["kind"];
  /** Which field matched, for the result list: "id", "ARN", "DNS name" … */
  field: string;
  value: string;
  key: string;
}

export interface SearchHit {
  nodeId: string;
  field: string;
  value: string;
  exact: boolean;
}

export interface SearchIndex {
  entries: SearchEntry[];
  exact: Map<string, SearchEntry[]>;
}

/** A pasted value as the key it would be indexed under: no scheme, path, port or trailing dot; lower case. */
export function normalizeQuery(raw: string): string {
  let q = raw.trim().toLowerCase();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//.exec(q);
  if (scheme && !q.startsWith("arn:")) {
    q = q.slice(scheme[0].length);
    q = q.split(/[/?#]/)[0] ?? q;
    q = q.replace(/^[^@]*@/, "").replace(/:\d+$/, "");
  }
  // psql-style "host:5432" and trailing dots of fully qualified names.
  if (!q.startsWith("arn:")) q = q.replace(/:\d{1,5}$/, "");
  return q.replace(/\.$/, "");
}

function fieldsOf(node: GraphNode): Array<[string, string | undefined]> {
  const fields: Array<[string, string | undefined]> = [
    ["id", node.id],
    ["name", node.label],
  ];
  switch (node.kind) {
    case "vpc":
      fields.push(["CIDR", node.data.cidr]);
      for (const subnet of node.data.subnets) fields.push(["subnet", subnet.id]);
      break;
    case "securityGroup":
      fields.push(["group name", node.data.groupName]);
      break;
    case "vpcEndpoint":
      fields.push(
        ["resource configuration ARN", node.data.resourceConfigurationArn],
        ["service network ARN", node.data.serviceNetworkArn],
      );
      for (const row of node.data.associations) {
        fields.push(
          ["endpoint association", row.id],
          ["DNS name", row.dnsName],
          ["private DNS name", row.privateDnsName],
        );
      }
      break;
    case "serviceNetwork":
      fields.push(["ARN", node.data.arn]);
      break;
    case "vpcAssociation":
      fields.push(["ARN", node.data.arn]);
      break;
    case "resourceAssociation":
      fields.push(
        ["ARN", node.data.arn],
        ["DNS name", node.data.dnsName],
        ["private DNS name", node.data.privateDnsName],
      );
      break;
    case "serviceAssociation":
      fields.push(
        ["ARN", node.data.arn],
        ["DNS name", node.data.dnsName],
        ["custom domain", node.data.customDomainName],
      );
      break;
    case "resourceGateway":
      fields.push(["ARN", node.data.arn]);
      break;
    case "resourceConfiguration":
      fields.push(
        ["ARN", node.data.arn],
        ["custom domain", node.data.customDomainName],
        ["group domain", node.data.groupDomain],
      );
      for (const value of node.data.definition?.values ?? []) fields.push(["definition", value]);
      break;
    case "dbCluster":
      fields.push(
        ["ARN", node.data.arn],
        ["identifier", node.data.identifier],
        ["writer endpoint", node.data.writerEndpoint],
        ["reader endpoint", node.data.readerEndpoint],
      );
      break;
    case "dbEndpoint":
      fields.push(["hostname", node.data.hostname]);
      break;
    case "resourceTarget":
      fields.push(["value", node.data.value]);
      break;
    case "service":
      fields.push(
        ["ARN", node.data.arn],
        ["DNS name", node.data.dnsName],
        ["custom domain", node.data.customDomainName],
      );
      break;
    case "targetGroup":
      fields.push(["ARN", node.data.arn]);
      break;
    case "target":
      fields.push(["target", node.data.targetId], ["function", node.data.functionName]);
      break;
  }
  return fields;
}

const indexCache = new WeakMap<Topology, SearchIndex>();

export function buildSearchIndex(topology: Topology): SearchIndex {
  const cached = indexCache.get(topology);
  if (cached) return cached;
  const entries: SearchEntry[] = [];
  const exact = new Map<string, SearchEntry[]>();
  for (const node of topology.nodes) {
    const seen = new Set<string>();
    for (const [field, value] of fieldsOf(node)) {
      if (!value) continue;
      const key = value.toLowerCase().replace(/\.$/, "");
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = { nodeId: node.id, kind: node.kind, field, value, key };
      entries.push(entry);
      const list = exact.get(key);
      if (list) list.push(entry);
      else exact.set(key, [entry]);
    }
  }
  const index = { entries, exact };
  indexCache.set(topology, index);
  return index;
}

/** The node a match names most directly comes first: its own id, then its ARN or name, then names it merely carries. */
const FIELD_RANK: Record<string, number> = { id: 0, ARN: 1, hostname: 1, name: 2, identifier: 2 };
/** For a name several nodes carry (a service's DNS name is also on its association), the owner first. */
const KIND_RANK: Partial<Record<GraphNode["kind"], number>> = {
  service: 0,
  dbEndpoint: 0,
  resourceAssociation: 1,
  vpcEndpoint: 2,
  serviceAssociation: 2,
  dbCluster: 3,
  resourceConfiguration: 3,
};

export function searchTopology(index: SearchIndex, raw: string, limit = 12): SearchHit[] {
  const q = normalizeQuery(raw);
  if (q.length < 2) return [];
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  const rank = (e: SearchEntry): number => (FIELD_RANK[e.field] ?? 3) * 10 + (KIND_RANK[e.kind] ?? 4);
  for (const entry of [...(index.exact.get(q) ?? [])].sort((a, b) => rank(a) - rank(b))) {
    if (seen.has(entry.nodeId)) continue;
    seen.add(entry.nodeId);
    hits.push({ nodeId: entry.nodeId, field: entry.field, value: entry.value, exact: true });
  }
  if (hits.length >= limit) return hits.slice(0, limit);
  const prefix: SearchEntry[] = [];
  const inside: SearchEntry[] = [];
  for (const entry of index.entries) {
    if (seen.has(entry.nodeId) || entry.key === q) continue;
    const at = entry.key.indexOf(q);
    if (at === 0) prefix.push(entry);
    else if (at > 0) inside.push(entry);
  }
  for (const entry of [
    ...prefix.sort((a, b) => rank(a) - rank(b) || a.key.length - b.key.length),
    ...inside.sort((a, b) => rank(a) - rank(b) || a.key.length - b.key.length),
  ]) {
    if (hits.length >= limit) break;
    if (seen.has(entry.nodeId)) continue;
    seen.add(entry.nodeId);
    hits.push({ nodeId: entry.nodeId, field: entry.field, value: entry.value, exact: false });
  }
  return hits;
}
