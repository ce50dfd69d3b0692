/**
 * The ways into VPC Lattice of a consumer VPC, and which of them carry a
 * given target: a Resource endpoint for the configuration (or its GROUP), a
 * ServiceNetwork endpoint for a network that holds it, or the VPC's
 * service-network association with such a network. A path is usable when its
 * endpoint is Available and its associations ACTIVE.
 */
import { isGoing, isUsable, type AccessPattern, type GraphNodeOf } from "@lattice-atlas/shared";
import type { GraphIndex } from "./graph-index.js";
import type { Target } from "./targets.js";

export type Endpoint = GraphNodeOf<"vpcEndpoint">;
export type VpcAssociation = GraphNodeOf<"vpcAssociation">;
export type MemberAssociation = GraphNodeOf<"resourceAssociation"> | GraphNodeOf<"serviceAssociation">;

export interface WayIn {
  pattern: AccessPattern;
  entry: Endpoint | VpcAssociation;
  /** The service network behind a ServiceNetwork endpoint or a VPC association. */
  networkId?: string | undefined;
}

export interface Path extends WayIn {
  /** The network's association with the target (SN endpoint and VPC association patterns). */
  association?: MemberAssociation | undefined;
}

/** The VPC's current service-network association: the one not being removed, else the latest seen. */
export function vpcAssociationOf(index: GraphIndex, vpcId: string): VpcAssociation | undefined {
  const all = index.vpcAssociationsOf(vpcId);
  return all.find((a) => !isGoing(a.data.status)) ?? all[0];
}

/** The service network a ServiceNetwork endpoint reaches (by its ARN). */
export function networkOfEndpoint(index: GraphIndex, endpoint: Endpoint): string | undefined {
  return index.findOf(endpoint.data.serviceNetworkArn, "serviceNetwork")?.id ?? undefined;
}

export function waysInOf(index: GraphIndex, vpcId: string): WayIn[] {
  const ways: WayIn[] = [];
  for (const e of index.endpointsIn(vpcId)) {
    if (e.data.endpointType === "Resource") ways.push({ pattern: "resource-endpoint", entry: e });
    else if (e.data.endpointType === "ServiceNetwork")
      ways.push({ pattern: "service-network-endpoint", entry: e, networkId: networkOfEndpoint(index, e) });
  }
  const association = vpcAssociationOf(index, vpcId);
  if (association)
    ways.push({
      pattern: "service-network-association",
      entry: association,
      networkId: association.data.serviceNetworkId,
    });
  return ways;
}

/** The network's association with the target, if the network holds it. */
export function memberAssociation(
  index: GraphIndex,
  networkId: string | undefined,
  target: Target,
): MemberAssociation | undefined {
  if (!networkId) return undefined;
  return target.kind === "resourceConfiguration"
    ? index.resourceAssociation(networkId, target.node.id)
    : index.serviceAssociation(networkId, target.node.id);
}

/** Every way in from the VPC that carries the target, usable or not. */
export function pathsTo(index: GraphIndex, vpcId: string, target: Target): Path[] {
  const paths: Path[] = [];
  for (const way of waysInOf(index, vpcId)) {
    if (way.pattern === "resource-endpoint") {
      if (target.kind !== "resourceConfiguration") continue;
      const arn = (way.entry as Endpoint).data.resourceConfigurationArn;
      if (arn && (arn === target.node.data.arn || arn === target.parent?.data.arn)) paths.push(way);
      continue;
    }
    const association = memberAssociation(index, way.networkId, target);
    if (association) paths.push({ ...way, association });
  }
  return paths;
}

/** What keeps a path from carrying traffic now (its entry or association not ready), in words; empty when usable. */
export function pathBlockers(index: GraphIndex, path: Path): string[] {
  const blockers: string[] = [];
  const entry = path.entry;
  const entryStatus = entry.kind === "vpcEndpoint" ? entry.data.state : entry.data.status;
  if (!isUsable(entryStatus))
    blockers.push(
      entry.kind === "vpcEndpoint"
        ? `${entry.id} is ${entryStatus}`
        : `the VPC association ${entry.id} is ${entryStatus}`,
    );
  if (path.association && !isUsable(path.association.data.status)) {
    const network = index.label(path.association.data.serviceNetworkId);
    blockers.push(`${path.association.id} in ${network} is ${path.association.data.status}`);
  }
  return blockers;
}

/** The networks that hold a target (through any association that is not going away). */
export function networksHolding(index: GraphIndex, target: Target): string[] {
  const associations =
    target.kind === "resourceConfiguration"
      ? index.resourceAssociationsOf(target.node.id)
      : index.serviceAssociationsOf(target.node.id);
  return [...new Set(associations.filter((a) => !isGoing(a.data.status)).map((a) => a.data.serviceNetworkId))];
}
