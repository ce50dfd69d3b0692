/**
 * The overview of a large topology: what a reader needs first, in three
 * columns — consumer VPCs (grouped), service networks (one node each, with
 * counts), provider VPCs (grouped) — and one bundled edge with a count between
 * two groups instead of hundreds of lines. Groups are per account when the
 * topology holds several. Pure: the canvas draws it, tests read it.
 *
 * - A consumer VPC joins the group of the first network (by name) it reaches
 *   through a VPC association or a service-network endpoint, a provider VPC
 *   that of the first network its resource configurations are associated
 *   with; VPCs with none form a group of their own. Groups follow their
 *   network's order, their VPCs sort by name.
 * - A network counts the VPCs that reach it, its service-network endpoints,
 *   its resource configurations and its services.
 * - Expanded (the ids in `expanded`): a network lists its resources and
 *   services, a group all its VPCs; folded, a group shows its first names.
 */
import type { GraphNode, Topology } from "@lattice-atlas/shared";
import { indexTopology, type TopologyIndex } from "../topology-index";

/** Above this many nodes the console opens on the overview rather than the detailed diagram. */
export const OVERVIEW_ABOVE = 400;

/** How many VPC names a folded group shows. */
export const FOLDED_NAMES = 2;

export interface OverviewItem {
  id: string;
  label: string;
  kind: GraphNode["kind"];
}

export interface OverviewCounts {
  vpcs: number;
  endpoints: number;
  resources: number;
  services: number;
}

export interface OverviewNetwork {
  /** The service network's id (selecting it opens its details). */
  id: string;
  label: string;
  accountId: string | undefined;
  counts: OverviewCounts;
  expanded: boolean;
  /** Expanded: its resource configurations and services, by name. */
  members: OverviewItem[];
}

export interface OverviewGroup {
  /** "group:<side>:<account or all>:<network id or none>". */
  id: string;
  side: "consumer" | "provider";
  /** The first network (by name) its VPCs reach (consumers) or serve (providers). */
  network: string | undefined;
  label: string;
  accountId: string | undefined;
  /** Every VPC of the group, by name. */
  vpcs: OverviewItem[];
  expanded: boolean;
}

export interface OverviewBundle {
  id: string;
  source: string;
  target: string;
  /** VPCs (consumer side) or resource associations (provider side) the one edge stands for. */
  count: number;
}

export interface Overview {
  networks: OverviewNetwork[];
  groups: OverviewGroup[];
  bundles: OverviewBundle[];
  /** Accounts the groups are split by (empty: one account, no split). */
  accounts: string[];
  /** Topology node id → the overview node that stands for it (for selection and focus). */
  representative: Map<string, string>;
}

/** One collator for every comparison: `localeCompare` with a locale or options builds a new one on each call. */
const labelOrder = new Intl.Collator("en", { numeric: true });
const byLabel = (a: { label: string; id: string }, b: { label: string; id: string }): number =>
  labelOrder.compare(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const item = (node: GraphNode): OverviewItem => ({ id: node.id, label: node.label, kind: node.kind });

/** The networks each consumer VPC reaches: its VPC associations and its service-network endpoints. */
function networksOfVpcs(index: TopologyIndex, keep: (id: string) => boolean): Map<string, Set<string>> {
  const reached = new Map<string, Set<string>>();
  const add = (vpc: string, network: string | undefined): void => {
    if (!network || !keep(network) || !keep(vpc)) return;
    const set = reached.get(vpc) ?? new Set<string>();
    set.add(network);
    reached.set(vpc, set);
  };
  for (const association of index.of("vpcAssociation"))
    if (keep(association.id)) add(association.data.vpcId, association.data.serviceNetworkId);
  for (const endpoint of index.of("vpcEndpoint")) {
    if (!keep(endpoint.id) || endpoint.data.endpointType !== "ServiceNetwork") continue;
    const arn = endpoint.data.serviceNetworkArn;
    add(endpoint.data.vpcId, arn ? index.networkIdByArn.get(arn) : undefined);
  }
  return reached;
}

/** The provider VPC a resource configuration's gateway stands in. */
function providerVpcOf(index: TopologyIndex, configurationId: string): string | undefined {
  const configuration = index.get(configurationId, "resourceConfiguration");
  const gatewayId = configuration?.data.gatewayId;
  const gateway = gatewayId ? index.byId.get(gatewayId) : undefined;
  return gateway?.parent;
}

export interface OverviewOptions {
  /** Overview nodes (network ids, group ids) expanded in place. */
  expanded: ReadonlySet<string>;
  /** The nodes that pass the view's filters (undefined: all). */
  passing?: ReadonlySet<string> | undefined;
}

export function aggregateOverview(topology: Topology, options: OverviewOptions): Overview {
  const index = indexTopology(topology);
  const passing = options.passing;
  const keep = (id: string): boolean => !passing || passing.has(id);
  const accounts = [...new Set(topology.nodes.map((n) => n.accountId ?? topology.accountId))].sort();
  const split = accounts.length > 1;
  const accountOf = (node: GraphNode): string | undefined =>
    split ? (node.accountId ?? topology.accountId) : undefined;
  const representative = new Map<string, string>();

  // Networks, with their counts.
  const networkNodes = index.of("serviceNetwork").filter((n) => keep(n.id));
  const networkLabel = new Map(networkNodes.map((n) => [n.id, n.label]));
  const reached = networksOfVpcs(index, keep);
  const vpcsPerNetwork = new Map<string, number>();
  for (const networks of reached.values())
    for (const network of networks) vpcsPerNetwork.set(network, (vpcsPerNetwork.get(network) ?? 0) + 1);
  const endpointsPerNetwork = new Map<string, number>();
  for (const endpoint of index.of("vpcEndpoint")) {
    const arn = endpoint.data.serviceNetworkArn;
    const network = arn && keep(endpoint.id) ? index.networkIdByArn.get(arn) : undefined;
    if (network) endpointsPerNetwork.set(network, (endpointsPerNetwork.get(network) ?? 0) + 1);
  }
  const networks: OverviewNetwork[] = networkNodes
    .map((network) => {
      const associations = (index.associationsOf.get(network.id) ?? []).filter((a) => keep(a.id));
      const members: OverviewItem[] = [];
      let resources = 0;
      let services = 0;
      for (const association of associations) {
        representative.set(association.id, network.id);
        const memberId =
          association.kind === "resourceAssociation"
            ? association.data.resourceConfigurationId
            : association.kind === "serviceAssociation"
              ? association.data.serviceId
              : undefined;
        if (association.kind === "resourceAssociation") resources++;
        if (association.kind === "serviceAssociation") services++;
        const member = memberId ? index.byId.get(memberId) : undefined;
        if (member && keep(member.id)) members.push(item(member));
      }
      const expanded = options.expanded.has(network.id);
      representative.set(network.id, network.id);
      return {
        id: network.id,
        label: network.label,
        accountId: accountOf(network),
        counts: {
          vpcs: vpcsPerNetwork.get(network.id) ?? 0,
          endpoints: endpointsPerNetwork.get(network.id) ?? 0,
          resources,
          services,
        },
        expanded,
        members: expanded ? members.sort(byLabel) : [],
      };
    })
    .sort(byLabel);

  // Provider VPCs reach the networks their resource configurations are associated with.
  const served = new Map<string, Set<string>>();
  for (const association of index.of("resourceAssociation")) {
    if (!keep(association.id) || !networkLabel.has(association.data.serviceNetworkId)) continue;
    const vpc = providerVpcOf(index, association.data.resourceConfigurationId);
    if (!vpc) continue;
    const set = served.get(vpc) ?? new Set<string>();
    set.add(association.data.serviceNetworkId);
    served.set(vpc, set);
  }

  // VPCs by (side, account, first network by name).
  const firstNetwork = (networksOf: ReadonlySet<string> | undefined): string | undefined =>
    [...(networksOf ?? [])].sort((a, b) =>
      byLabel({ id: a, label: networkLabel.get(a) ?? a }, { id: b, label: networkLabel.get(b) ?? b }),
    )[0];
  const groupsById = new Map<string, OverviewGroup>();
  const groupOf = new Map<string, string>();
  for (const vpc of index.of("vpc")) {
    if (!keep(vpc.id)) continue;
    const { roles } = vpc.data;
    const side = roles.includes("provider") && !roles.includes("consumer") ? "provider" : "consumer";
    const account = accountOf(vpc);
    const network = firstNetwork(side === "provider" ? served.get(vpc.id) : reached.get(vpc.id));
    const id = `group:${side}:${account ?? "all"}:${network ?? "none"}`;
    let group = groupsById.get(id);
    if (!group) {
      const where = account ? ` · ${account}` : "";
      const networkName = network ? (networkLabel.get(network) ?? network) : undefined;
      group = {
        id,
        side,
        label:
          side === "provider"
            ? networkName
              ? `Providers for ${networkName}${where}`
              : `Other provider VPCs${where}`
            : networkName
              ? `Consumers of ${networkName}${where}`
              : `VPCs without a network${where}`,
        accountId: account,
        network,
        vpcs: [],
        expanded: options.expanded.has(id),
      };
      groupsById.set(id, group);
    }
    group.vpcs.push(item(vpc));
    groupOf.set(vpc.id, id);
    representative.set(vpc.id, id);
    for (const child of index.childrenOf.get(vpc.id) ?? []) representative.set(child.id, id);
  }
  const networkOrder = new Map(networks.map((n, i) => [n.id, i]));
  const rank = (g: OverviewGroup): number =>
    g.network === undefined ? Number.MAX_SAFE_INTEGER : (networkOrder.get(g.network) ?? Number.MAX_SAFE_INTEGER);
  const groups = [...groupsById.values()]
    .map((group) => ({ ...group, vpcs: group.vpcs.sort(byLabel) }))
    .sort(
      (a, b) =>
        (a.accountId ?? "").localeCompare(b.accountId ?? "") ||
        rank(a) - rank(b) ||
        (a.side === b.side ? 0 : a.side === "consumer" ? -1 : 1),
    );

  // Bundles: group → network (VPCs that reach it), network → provider group (resource associations served).
  const bundles = new Map<string, OverviewBundle>();
  const bump = (source: string, target: string): void => {
    const id = `bundle:${source}->${target}`;
    const bundle = bundles.get(id);
    if (bundle) bundle.count++;
    else bundles.set(id, { id, source, target, count: 1 });
  };
  for (const [vpc, networksReached] of reached) {
    const group = groupOf.get(vpc);
    if (group) for (const network of networksReached) bump(group, network);
  }
  for (const association of index.of("resourceAssociation")) {
    if (!keep(association.id) || !networkOrder.has(association.data.serviceNetworkId)) continue;
    const vpc = providerVpcOf(index, association.data.resourceConfigurationId);
    const group = vpc ? groupOf.get(vpc) : undefined;
    if (group?.startsWith("group:provider:")) bump(association.data.serviceNetworkId, group);
  }
  // What stands in a network alone (its configurations, services) is found through that network.
  for (const network of networks)
    for (const association of index.associationsOf.get(network.id) ?? []) {
      const member =
        association.kind === "resourceAssociation"
          ? association.data.resourceConfigurationId
          : association.kind === "serviceAssociation"
            ? association.data.serviceId
            : undefined;
      if (member && !representative.has(member)) representative.set(member, network.id);
    }

  return {
    networks,
    groups,
    bundles: [...bundles.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    accounts: split ? accounts : [],
    representative,
  };
}
