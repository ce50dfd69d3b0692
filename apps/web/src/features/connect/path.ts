/**
 * The nodes a connect answer travels through, to highlight on the diagram:
 * the consumer VPC, its client and entry security groups, the entry points,
 * their service networks, the associations that carry each working name, the
 * targets and what stands behind them (gateway, Aurora, target group, Lambda).
 */
import type { ConnectAnswer } from "@lattice-atlas/shared";
import type { TopologyIndex } from "../topology/topology-index";

/** Edges followed from a target to what serves it. */
const DOWNSTREAM = new Set(["gateway", "resource", "child", "listener", "target"]);

export function connectPathNodeIds(index: TopologyIndex, answer: ConnectAnswer, onlyTargetId?: string): Set<string> {
  const ids = new Set<string>([answer.from.vpcId]);
  const addGroupsOf = (id: string): void => {
    for (const edge of index.outgoing.get(id) ?? []) {
      if (edge.kind !== "security-group") continue;
      ids.add(edge.target);
      for (const rule of index.get(edge.target, "securityGroup")?.data.ingress ?? [])
        if (rule.sourceGroupId) ids.add(rule.sourceGroupId);
    }
  };
  const networkOf = (id: string): string | undefined => {
    const node = index.byId.get(id);
    if (!node) return undefined;
    if (node.kind === "vpcAssociation" || node.kind === "resourceAssociation" || node.kind === "serviceAssociation")
      return node.data.serviceNetworkId;
    if (node.kind === "vpcEndpoint" && node.data.serviceNetworkArn)
      return index.networkIdByArn.get(node.data.serviceNetworkArn);
    return undefined;
  };

  const targets = answer.reachable.filter(
    (r) => !onlyTargetId || r.target.id === onlyTargetId || r.target.parentId === onlyTargetId,
  );
  const usedEntries = new Set(targets.flatMap((r) => r.hostnames.map((h) => h.via.id)));
  for (const entry of answer.entryPoints) {
    // With one target chosen, only the entry points that carry it.
    if (
      onlyTargetId &&
      !usedEntries.has(entry.id) &&
      !targets.some((r) => r.hostnames.some((h) => networkOf(h.via.id) === networkOf(entry.id)))
    )
      continue;
    ids.add(entry.id);
    addGroupsOf(entry.id);
    const network = networkOf(entry.id);
    if (network) ids.add(network);
  }

  for (const { target, hostnames } of targets) {
    ids.add(target.id);
    if (target.parentId) ids.add(target.parentId);
    for (const hostname of hostnames) {
      const via = index.byId.get(hostname.via.id);
      if (!via) continue;
      ids.add(via.id);
      if (via.kind === "resourceAssociation" && via.data.parentAssociationId) ids.add(via.data.parentAssociationId);
      const network = networkOf(via.id);
      if (network) {
        ids.add(network);
        // Through a ServiceNetwork endpoint, the network's own association carries the target.
        for (const association of index.associationsOf.get(network) ?? []) {
          if (association.kind === "resourceAssociation" && association.data.resourceConfigurationId === target.id) {
            ids.add(association.id);
            if (association.data.parentAssociationId) ids.add(association.data.parentAssociationId);
          }
          if (association.kind === "serviceAssociation" && association.data.serviceId === target.id)
            ids.add(association.id);
        }
      }
    }
    // What serves the target, down to the database or the function.
    const queue = [target.id, ...(target.parentId ? [target.parentId] : [])];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const id = queue.pop()!;
      ids.add(id);
      addGroupsOf(id);
      for (const edge of index.outgoing.get(id) ?? []) {
        if (!DOWNSTREAM.has(edge.kind) || seen.has(edge.target)) continue;
        // A group's other children are other targets, not this path.
        if (
          edge.kind === "child" &&
          index.byId.get(edge.target)?.kind === "resourceConfiguration" &&
          edge.target !== target.id
        )
          continue;
        seen.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return ids;
}
