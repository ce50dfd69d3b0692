/** Lookups over a built graph, shared by the hostname rules and the route layer. */
import type { GraphEdge, GraphNode, GraphNodeOf, NodeKind } from "@lattice-atlas/shared";

export class GraphIndex {
  readonly byId = new Map<string, GraphNode>();
  private readonly byKind = new Map<NodeKind, GraphNode[]>();
  readonly byArn = new Map<string, GraphNode>();

  constructor(
    readonly nodes: GraphNode[],
    readonly edges: GraphEdge[],
  ) {
    for (const node of nodes) {
      this.byId.set(node.id, node);
      const list = this.byKind.get(node.kind) ?? [];
      list.push(node);
      this.byKind.set(node.kind, list);
      const arn = (node.data as { arn?: string }).arn;
      if (arn) this.byArn.set(arn, node);
    }
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
