/** Lookups over a built graph, shared by the hostname rules and the route layer. */
import type { GraphEdge, GraphNode, GraphNodeOf, NodeDataOf, NodeKind } from "@lattice-atlas/shared";

export type SecurityGroupFacts = NodeDataOf<"securityGroup">;

export class GraphIndex {
  readonly byId = new Map<string, GraphNode>();
  private readonly byKind = new Map<NodeKind, GraphNode[]>();
  readonly byArn = new Map<string, GraphNode>();
  private readonly groups = new Map<string, SecurityGroupFacts>();
  private readonly subnets = new Map<string, { vpcId: string; availabilityZone: string; cidr: string }>();

  /**
   * `securityGroups`: every group discovery read, also those no Lattice path
   * uses (the graph draws only those), so that checks of a change can name any group.
   */
  constructor(
    readonly nodes: GraphNode[],
    readonly edges: GraphEdge[],
    securityGroups: SecurityGroupFacts[] = [],
  ) {
    for (const group of securityGroups) this.groups.set(group.groupId, group);
    for (const node of nodes) {
      this.byId.set(node.id, node);
      const list = this.byKind.get(node.kind) ?? [];
      list.push(node);
      this.byKind.set(node.kind, list);
      const arn = (node.data as { arn?: string }).arn;
      if (arn) this.byArn.set(arn, node);
      if (node.kind === "securityGroup") this.groups.set(node.id, node.data);
      if (node.kind === "vpc") {
        for (const subnet of node.data.subnets)
          this.subnets.set(subnet.id, { vpcId: node.id, availabilityZone: subnet.availabilityZone, cidr: subnet.cidr });
      }
    }
  }

  /** A security group with its rules, drawn in the graph or not. */
  securityGroup(groupId: string): SecurityGroupFacts | undefined {
    return this.groups.get(groupId);
  }

  /** The security groups of a VPC (all that discovery read). */
  securityGroupsOf(vpcId: string): SecurityGroupFacts[] {
    return [...this.groups.values()].filter((g) => g.vpcId === vpcId);
  }

  subnet(subnetId: string): { vpcId: string; availabilityZone: string; cidr: string } | undefined {
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
}
