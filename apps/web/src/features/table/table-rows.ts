/**
 * The table view's rows: VPCs, resources (configurations and services),
 * associations and hostnames, one row each, with what they relate to; then
 * filtering (a category, words to find in any column) and sorting by a
 * column (the kind in the order VPC, resource, association, hostname). Pure: the virtualised table draws the result.
 */
import type { GraphNode, Topology } from "@lattice-atlas/shared";
import { indexTopology } from "../topology/topology-index";

export const CATEGORIES = ["vpc", "resource", "association", "hostname"] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABEL: Record<Category, string> = {
  vpc: "VPC",
  resource: "Resource",
  association: "Association",
  hostname: "Hostname",
};

export interface TableRow {
  /** Unique per row. */
  key: string;
  /** The node the row selects. */
  nodeId: string;
  category: Category;
  name: string;
  /** What it belongs to or links: "consumer-001 → sn-net-003", "in provider-002"… */
  relation: string;
  status: string;
  /** Account, in an estate. */
  accountId: string;
}

export const COLUMNS = ["category", "name", "relation", "status", "nodeId"] as const;
export type Column = (typeof COLUMNS)[number];

export interface TableQuery {
  text: string;
  category: Category | "all";
  sort: Column;
  descending: boolean;
}

/** VPCs first, then resources, associations and hostnames, each by name. */
export const DEFAULT_QUERY: TableQuery = { text: "", category: "all", sort: "category", descending: false };

const rowsCache = new WeakMap<Topology, TableRow[]>();

/** Every row of a topology (cached per topology object), in the topology's order. */
export function tableRows(topology: Topology): TableRow[] {
  const cached = rowsCache.get(topology);
  if (cached) return cached;
  const index = indexTopology(topology);
  const label = (id: string | undefined): string => (id ? (index.byId.get(id)?.label ?? id) : "—");
  const rows: TableRow[] = [];
  const push = (node: GraphNode, category: Category, name: string, relation: string, key = node.id): void => {
    rows.push({
      key: `${category}:${key}`,
      nodeId: node.id,
      category,
      name,
      relation,
      status: node.status ?? "",
      accountId: node.accountId ?? topology.accountId,
    });
  };
  const host = (node: GraphNode, name: string | undefined, of: string): void => {
    if (name) push(node, "hostname", name, of, `${node.id}:${name}`);
  };
  for (const node of topology.nodes) {
    switch (node.kind) {
      case "vpc":
        push(node, "vpc", node.label, `${node.data.cidr} · ${node.data.roles.join(" + ") || "no Lattice path"}`);
        break;
      case "resourceConfiguration":
        push(
          node,
          "resource",
          node.label,
          `configuration · ${node.data.type}${node.data.gatewayId ? ` via ${label(node.data.gatewayId)}` : ""}`,
        );
        break;
      case "service":
        push(node, "resource", node.label, "Lattice service");
        host(node, node.data.dnsName, `service ${node.label}`);
        host(node, node.data.customDomainName, `service ${node.label} (custom domain)`);
        break;
      case "vpcAssociation":
        push(node, "association", node.id, `${label(node.data.vpcId)} → ${label(node.data.serviceNetworkId)}`);
        break;
      case "resourceAssociation":
        push(
          node,
          "association",
          node.id,
          `${label(node.data.resourceConfigurationId)} → ${label(node.data.serviceNetworkId)}`,
        );
        host(
          node,
          node.data.dnsName,
          `${label(node.data.resourceConfigurationId)} in ${label(node.data.serviceNetworkId)}`,
        );
        host(node, node.data.privateDnsName, `${label(node.data.resourceConfigurationId)} (private DNS)`);
        break;
      case "serviceAssociation":
        push(node, "association", node.id, `${label(node.data.serviceId)} → ${label(node.data.serviceNetworkId)}`);
        host(node, node.data.dnsName, `${label(node.data.serviceId)} in ${label(node.data.serviceNetworkId)}`);
        break;
      case "vpcEndpoint":
        for (const row of node.data.associations) {
          host(node, row.dnsName, `endpoint ${node.label} in ${label(node.data.vpcId)}`);
          host(node, row.privateDnsName, `endpoint ${node.label} (private DNS)`);
        }
        break;
      default:
        break;
    }
  }
  rowsCache.set(topology, rows);
  return rows;
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** The rows a query keeps, sorted (ties by name, then key, so the order is stable). */
export function queryRows(rows: readonly TableRow[], query: TableQuery): TableRow[] {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  const kept = rows.filter((row) => {
    if (query.category !== "all" && row.category !== query.category) return false;
    if (words.length === 0) return true;
    const haystack = `${row.name} ${row.relation} ${row.nodeId} ${row.status} ${row.accountId}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const sign = query.descending ? -1 : 1;
  const order = (row: TableRow): number => CATEGORIES.indexOf(row.category);
  const byColumn = (a: TableRow, b: TableRow): number =>
    query.sort === "category" ? order(a) - order(b) : collator.compare(a[query.sort], b[query.sort]);
  return kept.sort(
    (a, b) => sign * byColumn(a, b) || collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** Counts per category, for the filter's options. */
export function countByCategory(rows: readonly TableRow[]): Record<Category, number> {
  const counts: Record<Category, number> = { vpc: 0, resource: 0, association: 0, hostname: 0 };
  for (const row of rows) counts[row.category]++;
  return counts;
}
