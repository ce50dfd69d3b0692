/**
 * Which nodes of a topology the diagram shows, given the filters and the
 * collapsed containers, and which shown node stands for each hidden one.
 *
 * - Filters remove: kinds taken off, statuses outside the chosen classes, and
 *   everything outside the reach of the chosen VPCs / service networks.
 *   Association kinds are the exception: taking them off draws their service
 *   network straight to what they associate, like collapsing the network.
 * - Collapsing folds: the children of a collapsed VPC are drawn as its chip;
 *   a collapsed service network stands for its associations and for what
 *   hangs off it alone (see networkOwners), so that a large account folds
 *   into consumers → networks → providers.
 */
import type { GraphNode, NodeKind } from "@lattice-atlas/shared";
import type { ViewFilters } from "../../lib/url-state";
import { ASSOCIATION_KINDS, statusClass } from "./kinds";
import { networkOfAssociation, type TopologyIndex } from "./topology-index";

/** Above these node counts VPCs, then service networks, start collapsed. */
const AUTO_COLLAPSE_VPCS_ABOVE = 600;
const AUTO_COLLAPSE_NETWORKS_ABOVE = 3000;

export interface CollapseState {
  collapsed: readonly string[];
  expanded: readonly string[];
}

export interface Visibility {
  /** Node ids drawn on the diagram. */
  shown: Set<string>;
  /** Hidden by collapsing → the shown container that stands for it. */
  representative: Map<string, string>;
  /** Effective state of every VPC and service network that can collapse. */
  collapsed: Set<string>;
  collapsedByDefault: { vpcs: boolean; networks: boolean };
  /** Nodes the filters removed. */
  filteredOut: number;
}

const ownersCache = new WeakMap<TopologyIndex, Map<string, string>>();

/**
 * The service network each node belongs to when folding: its associations,
 * the configurations and services associated with that network only (and not
 * targeted by a VPC endpoint directly, which is another way in), a group's
 * children with their group, and — outside VPCs — what only such nodes lead
 * to (targets, target groups, resource targets).
 */
function networkOwners(index: TopologyIndex): Map<string, string> {
  const cached = ownersCache.get(index);
  if (cached) return cached;
  const owners = new Map<string, string>();
  const networksOf = new Map<string, Set<string>>();
  const addNetwork = (id: string, network: string): void => {
    const set = networksOf.get(id) ?? new Set();
    set.add(network);
    networksOf.set(id, set);
  };
  for (const node of index.topology.nodes) {
    const network = networkOfAssociation(node);
    if (!network) continue;
    owners.set(node.id, network);
    if (node.kind === "resourceAssociation") addNetwork(node.data.resourceConfigurationId, network);
    if (node.kind === "serviceAssociation") addNetwork(node.data.serviceId, network);
  }
  const endpointTargets = new Set(index.topology.edges.filter((e) => e.kind === "endpoint").map((e) => e.target));
  const single = (id: string): string | undefined => {
    const set = networksOf.get(id);
    return set && set.size === 1 && !endpointTargets.has(id) ? [...set][0] : undefined;
  };
  for (const c of index.of("resourceConfiguration")) {
    if (c.parent || c.data.groupId) continue;
    const network = single(c.id);
    if (network) owners.set(c.id, network);
  }
  for (const c of index.of("resourceConfiguration")) {
    if (c.parent || !c.data.groupId) continue;
    const network = owners.get(c.data.groupId);
    if (network && !endpointTargets.has(c.id)) owners.set(c.id, network);
  }
  for (const s of index.of("service")) {
    const network = single(s.id);
    if (network) owners.set(s.id, network);
  }
  // Free-standing things downstream: owned when everything leading to them is owned by the same network.
  const downstream: ReadonlySet<string> = new Set([
    "targetGroup",
    "target",
    "resourceTarget",
    "dbCluster",
    "dbEndpoint",
  ]);
  for (let pass = 0; pass < 3; pass++) {
    for (const node of index.topology.nodes) {
      if (node.parent || owners.has(node.id) || !downstream.has(node.kind)) continue;
      const sources = (index.incoming.get(node.id) ?? [])
        .filter((e) => e.kind !== "security-group")
        .map((e) => owners.get(e.source));
      if (sources.length > 0 && sources.every((s) => s !== undefined && s === sources[0]))
        owners.set(node.id, sources[0]!);
    }
  }
  ownersCache.set(index, owners);
  return owners;
}

function collapseDefaults(nodeCount: number): { vpcs: boolean; networks: boolean } {
  return { vpcs: nodeCount > AUTO_COLLAPSE_VPCS_ABOVE, networks: nodeCount > AUTO_COLLAPSE_NETWORKS_ABOVE };
}

/** Nodes downstream (following edges) and upstream (against them) of the seeds; security groups ride along with their owners. */
function reach(index: TopologyIndex, seeds: Iterable<string>): Set<string> {
  const result = new Set<string>();
  const walk = (start: string[], next: (id: string) => Iterable<string>): void => {
    const seen = new Set<string>(start);
    const queue = [...start];
    while (queue.length > 0) {
      const id = queue.pop()!;
      result.add(id);
      for (const n of next(id)) {
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
      }
    }
  };
  const start = [...seeds].filter((id) => index.byId.has(id));
  for (const id of [...start]) for (const child of index.childrenOf.get(id) ?? []) start.push(child.id);
  walk(start, function* (id) {
    for (const e of index.outgoing.get(id) ?? []) yield e.target;
  });
  // Upstream never follows "uses security group" backwards: one shared group would pull in every owner.
  walk(start, function* (id) {
    for (const e of index.incoming.get(id) ?? []) if (e.kind !== "security-group") yield e.source;
  });
  // The groups of what is in reach, and the client groups those groups let in.
  for (const id of [...result]) {
    for (const e of index.outgoing.get(id) ?? []) {
      if (e.kind !== "security-group") continue;
      result.add(e.target);
      const group = index.get(e.target, "securityGroup");
      for (const rule of group?.data.ingress ?? []) if (rule.sourceGroupId) result.add(rule.sourceGroupId);
    }
  }
  return result;
}

/** In an estate: owned by one of the accounts, or seen from one (an association read on both sides); a single account's nodes carry none. */
function inAccounts(node: GraphNode, accounts: ReadonlySet<string>): boolean {
  if (node.accountId === undefined) return true;
  return accounts.has(node.accountId) || (node.observedIn ?? []).some((a) => accounts.has(a));
}

/** The accounts' nodes, and the network of each of their associations (a network shared to them, owned elsewhere). */
function accountNodes(index: TopologyIndex, accounts: ReadonlySet<string>): Set<string> {
  const kept = new Set<string>();
  for (const node of index.topology.nodes) {
    if (!inAccounts(node, accounts)) continue;
    kept.add(node.id);
    const network = networkOfAssociation(node);
    if (network) kept.add(network);
  }
  return kept;
}

export function computeVisibility(index: TopologyIndex, filters: ViewFilters, collapse: CollapseState): Visibility {
  const nodes = index.topology.nodes;
  const hiddenKinds = new Set<NodeKind>(filters.hiddenKinds);
  const statuses = new Set(filters.statuses);
  const vpcReach = filters.vpcs.length > 0 ? reach(index, filters.vpcs) : undefined;
  const networkReach = filters.serviceNetworks.length > 0 ? reach(index, filters.serviceNetworks) : undefined;
  const accounts = new Set(filters.accounts);
  const inAccount = accounts.size > 0 ? accountNodes(index, accounts) : undefined;
  const regions = new Set(filters.regions);

  const passes = (node: GraphNode): boolean => {
    if (hiddenKinds.has(node.kind) && !ASSOCIATION_KINDS.has(node.kind)) return false;
    const cls = statusClass(node.status);
    if (statuses.size > 0 && cls !== undefined && !statuses.has(cls)) return false;
    if (vpcReach && !vpcReach.has(node.id)) return false;
    if (networkReach && !networkReach.has(node.id)) return false;
    if (inAccount && !inAccount.has(node.id)) return false;
    if (regions.size > 0 && node.region !== undefined && !regions.has(node.region)) return false;
    return true;
  };

  const defaults = collapseDefaults(nodes.length);
  const expanded = new Set(collapse.expanded);
  const explicitlyCollapsed = new Set(collapse.collapsed);
  const isCollapsed = (id: string, byDefault: boolean): boolean =>
    expanded.has(id) ? false : explicitlyCollapsed.has(id) ? true : byDefault;

  const passing = new Set<string>();
  let filteredOut = 0;
  for (const node of nodes) {
    if (passes(node)) passing.add(node.id);
    else filteredOut++;
  }
  // A VPC stays while anything it contains stays (unless VPCs themselves are taken off).
  if (!hiddenKinds.has("vpc")) {
    for (const node of nodes) {
      if (node.parent && passing.has(node.id) && !passing.has(node.parent) && index.byId.has(node.parent)) {
        passing.add(node.parent);
        filteredOut--;
      }
    }
  }

  const collapsed = new Set<string>();
  for (const vpc of index.of("vpc"))
    if (passing.has(vpc.id) && isCollapsed(vpc.id, defaults.vpcs)) collapsed.add(vpc.id);
  for (const network of index.of("serviceNetwork"))
    if (passing.has(network.id) && isCollapsed(network.id, defaults.networks)) collapsed.add(network.id);

  const owners = networkOwners(index);
  const shown = new Set<string>();
  const representative = new Map<string, string>();
  for (const node of nodes) {
    if (!passing.has(node.id)) continue;
    const vpc = node.parent && !hiddenKinds.has("vpc") && passing.has(node.parent) ? node.parent : undefined;
    if (vpc && collapsed.has(vpc)) {
      representative.set(node.id, vpc);
      continue;
    }
    const network = networkOfAssociation(node);
    if (network && passing.has(network) && (collapsed.has(network) || hiddenKinds.has(node.kind))) {
      representative.set(node.id, network);
      continue;
    }
    const owner = vpc ? undefined : owners.get(node.id);
    if (owner && owner !== node.id && passing.has(owner) && collapsed.has(owner)) {
      representative.set(node.id, owner);
      continue;
    }
    if (ASSOCIATION_KINDS.has(node.kind) && hiddenKinds.has(node.kind)) continue;
    shown.add(node.id);
  }
  return { shown, representative, collapsed, collapsedByDefault: defaults, filteredOut };
}
