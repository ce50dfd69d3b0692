/**
 * Lookups over a built graph: by id, ARN or DNS name, by kind, and the
 * relations the Lattice rules ask for (the ways in of a VPC, the associations
 * of a network or configuration, the children of a GROUP, the target groups of
 * a service), each built once on first use. It also knows what discovery could
 * not read (its warnings), so that a rule can tell "absent" from "not read".
 */
import type {
  GraphEdge,
  GraphNode,
  GraphNodeOf,
  NodeDataOf,
  NodeKind,
  PrefixList,
  Warning,
} from "@lattice-atlas/shared";
import { cidrContains } from "./cidr.js";
import { ReadGaps } from "./read-gaps.js";

export type SecurityGroupFacts = NodeDataOf<"securityGroup">;
export interface SubnetFacts {
  id: string;
  vpcId: string;
  availabilityZone: string;
  cidr: string;
}

type Lazy<T> = { value?: T };

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export class GraphIndex {
  readonly byId = new Map<string, GraphNode>();
  readonly byArn = new Map<string, GraphNode>();
  /** What discovery could not read, from its warnings. */
  readonly gaps: ReadGaps;
  private readonly byKind = new Map<NodeKind, GraphNode[]>();
  private readonly groups = new Map<string, SecurityGroupFacts>();
  private readonly subnets = new Map<string, SubnetFacts>();
  private readonly relations: Record<string, Lazy<Map<string, GraphNode[]>>> = {};
  private targetIds?: Map<string, GraphEdge[]>;

  /**
   * `securityGroups`: every group discovery read, also those no Lattice path
   * uses (the graph draws only those), so that checks of a change can name any group.
   */
  constructor(
    readonly nodes: GraphNode[],
    readonly edges: GraphEdge[],
    securityGroups: SecurityGroupFacts[] = [],
    readonly warnings: Warning[] = [],
    /** Managed prefix lists (the VPC Lattice ones), for rules that name one. */
    readonly prefixLists: PrefixList[] = [],
  ) {
    this.gaps = new ReadGaps(warnings);
    for (const group of securityGroups) this.groups.set(group.groupId, group);
    for (const node of nodes) {
      this.byId.set(node.id, node);
      const list = this.byKind.get(node.kind);
      if (list) list.push(node);
      else this.byKind.set(node.kind, [node]);
      const arn = (node.data as { arn?: string }).arn;
      if (arn) this.byArn.set(arn, node);
      if (node.kind === "securityGroup") this.groups.set(node.id, node.data);
      if (node.kind === "vpc") {
        for (const subnet of node.data.subnets)
          this.subnets.set(subnet.id, {
            id: subnet.id,
            vpcId: node.id,
            availabilityZone: subnet.availabilityZone,
            cidr: subnet.cidr,
          });
      }
    }
  }

  /** A security group with its rules, drawn in the graph or not. */
  securityGroup(groupId: string): SecurityGroupFacts | undefined {
    return this.groups.get(groupId);
  }

  /** The known groups among `ids` (unknown ids are left out). */
  securityGroups(ids: readonly string[] | null | undefined): SecurityGroupFacts[] {
    return (ids ?? []).map((id) => this.groups.get(id)).filter((g): g is SecurityGroupFacts => Boolean(g));
  }

  /** Every group discovery read. */
  allSecurityGroups(): SecurityGroupFacts[] {
    return [...this.groups.values()];
  }

  /** The security groups of a VPC (all that discovery read). */
  securityGroupsOf(vpcId: string): SecurityGroupFacts[] {
    return [...this.groups.values()].filter((g) => g.vpcId === vpcId);
  }

  subnet(subnetId: string): SubnetFacts | undefined {
    return this.subnets.get(subnetId);
  }

  of<K extends NodeKind>(kind: K): GraphNodeOf<K>[] {
    return (this.byKind.get(kind) ?? []) as GraphNodeOf<K>[];
  }

  get<K extends NodeKind>(id: string, kind: K): GraphNodeOf<K> | undefined {
    const node = this.byId.get(id);
    return node && node.kind === kind ? (node as GraphNodeOf<K>) : undefined;
  }

  /** A node by id, ARN or (for DNS-named nodes) name. */
  find(reference: string): GraphNode | undefined {
    return this.byId.get(reference) ?? this.byArn.get(reference) ?? this.byId.get(reference.toLowerCase());
  }

  /** A node of `kind` by id or ARN. */
  findOf<K extends NodeKind>(reference: string | undefined, kind: K): GraphNodeOf<K> | undefined {
    if (!reference) return undefined;
    const node = this.find(reference);
    return node?.kind === kind ? (node as GraphNodeOf<K>) : undefined;
  }

  private related<K extends NodeKind>(
    name: string,
    kind: K,
    key: (node: GraphNodeOf<K>) => string | undefined,
    value: string,
  ): GraphNodeOf<K>[] {
    const slot = (this.relations[name] ??= {});
    slot.value ??= groupBy(this.of(kind), key as (node: GraphNode) => string | undefined);
    return (slot.value.get(value) ?? []) as GraphNodeOf<K>[];
  }

  /** VPC endpoints (Resource and ServiceNetwork) in a VPC. */
  endpointsIn(vpcId: string): GraphNodeOf<"vpcEndpoint">[] {
    return this.related("endpointsIn", "vpcEndpoint", (e) => e.data.vpcId, vpcId);
  }

  /** The VPC's service-network associations (one at most is not being removed). */
  vpcAssociationsOf(vpcId: string): GraphNodeOf<"vpcAssociation">[] {
    return this.related("vpcAssociationsOf", "vpcAssociation", (a) => a.data.vpcId, vpcId);
  }

  vpcAssociationsIn(networkId: string): GraphNodeOf<"vpcAssociation">[] {
    return this.related("vpcAssociationsIn", "vpcAssociation", (a) => a.data.serviceNetworkId, networkId);
  }

  resourceAssociationsIn(networkId: string): GraphNodeOf<"resourceAssociation">[] {
    return this.related("resourceAssociationsIn", "resourceAssociation", (a) => a.data.serviceNetworkId, networkId);
  }

  resourceAssociationsOf(configurationId: string): GraphNodeOf<"resourceAssociation">[] {
    return this.related(
      "resourceAssociationsOf",
      "resourceAssociation",
      (a) => a.data.resourceConfigurationId,
      configurationId,
    );
  }

  /** The association of a configuration with a network, if any. */
  resourceAssociation(networkId: string, configurationId: string): GraphNodeOf<"resourceAssociation"> | undefined {
    return this.resourceAssociationsOf(configurationId).find((a) => a.data.serviceNetworkId === networkId);
  }

  serviceAssociationsIn(networkId: string): GraphNodeOf<"serviceAssociation">[] {
    return this.related("serviceAssociationsIn", "serviceAssociation", (a) => a.data.serviceNetworkId, networkId);
  }

  serviceAssociationsOf(serviceId: string): GraphNodeOf<"serviceAssociation">[] {
    return this.related("serviceAssociationsOf", "serviceAssociation", (a) => a.data.serviceId, serviceId);
  }

  serviceAssociation(networkId: string, serviceId: string): GraphNodeOf<"serviceAssociation"> | undefined {
    return this.serviceAssociationsOf(serviceId).find((a) => a.data.serviceNetworkId === networkId);
  }

  /** The CHILD configurations of a GROUP or ARN configuration. */
  childrenOf(configurationId: string): GraphNodeOf<"resourceConfiguration">[] {
    return this.related("childrenOf", "resourceConfiguration", (c) => c.data.groupId, configurationId);
  }

  /** Target groups a service's listeners forward to. */
  targetGroupsOf(serviceArn: string): GraphNodeOf<"targetGroup">[] {
    const slot = (this.relations.targetGroupsOf ??= {});
    slot.value ??= (() => {
      const out = new Map<string, GraphNode[]>();
      for (const tg of this.of("targetGroup"))
        for (const arn of tg.data.serviceArns) out.set(arn, [...(out.get(arn) ?? []), tg]);
      return out;
    })();
    return (slot.value.get(serviceArn) ?? []) as GraphNodeOf<"targetGroup">[];
  }

  /** The targets registered in a target group. */
  targetsOf(targetGroupId: string): GraphNodeOf<"target">[] {
    this.targetIds ??= groupBy(
      this.edges.filter((e) => e.kind === "target"),
      (e) => e.source,
    );
    return (this.targetIds.get(targetGroupId) ?? [])
      .map((e) => this.get(e.target, "target"))
      .filter((t): t is GraphNodeOf<"target"> => Boolean(t));
  }

  /** The configuration that names a provider-side DNS name or address in its definition. */
  configurationNaming(value: string): GraphNodeOf<"resourceConfiguration"> | undefined {
    const slot = (this.relations.configurationNaming ??= {});
    slot.value ??= (() => {
      const out = new Map<string, GraphNode[]>();
      for (const c of this.of("resourceConfiguration"))
        for (const v of c.data.definition?.values ?? [])
          out.set(v.toLowerCase(), [...(out.get(v.toLowerCase()) ?? []), c]);
      return out;
    })();
    return (slot.value.get(value.toLowerCase()) ?? [])[0] as GraphNodeOf<"resourceConfiguration"> | undefined;
  }

  /** The managed prefix lists that hold all of `cidr` (a rule naming one of them matches that traffic). */
  prefixListsCovering(cidr: string): string[] {
    return this.prefixLists.filter((p) => p.cidrs.some((c) => cidrContains(c, cidr))).map((p) => p.id);
  }

  /** A label for any id: the node's, else the id. */
  label(id: string): string {
    return this.byId.get(id)?.label ?? id;
  }
}
