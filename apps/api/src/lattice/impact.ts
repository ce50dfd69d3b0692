/**
 * The impact of a change, before it is made: the Connect answer of each VPC
 * it touches, after minus before. The "after" is the same graph with the
 * change applied as AWS would leave it once settled (an association gone, an
 * endpoint Available, a rule added); names AWS has not issued yet are absent,
 * so a gain may carry no name ("issued on creation").
 */
import {
  isGoing,
  type Action,
  type ChangeImpact,
  type ConnectAnswer,
  type GraphEdge,
  type GraphNode,
  type GraphNodeOf,
} from "@lattice-atlas/shared";
import { answerFor, allTargets } from "./connect.js";
import { GraphIndex, type SecurityGroupFacts } from "./graph-index.js";
import { targetsOf, type Target } from "./targets.js";

/** The graph as the change would leave it; undefined when the change is not understood here. */
export function applyChange(index: GraphIndex, action: Action): GraphIndex | undefined {
  let nodes: GraphNode[] = index.nodes;
  let edges: GraphEdge[] = index.edges;
  let groups: SecurityGroupFacts[] = index.allSecurityGroups();
  const without = (ids: Set<string>): void => {
    nodes = nodes.filter((n) => !ids.has(n.id));
    edges = edges.filter((e) => !ids.has(e.source) && !ids.has(e.target));
  };
  const networkId = (reference: string): string => index.findOf(reference, "serviceNetwork")?.id ?? reference;
  switch (action.type) {
    case "remove-vpc-association":
    case "remove-service-association":
    case "remove-endpoint":
      without(new Set([action.type === "remove-endpoint" ? action.endpointId : action.associationId]));
      break;
    case "remove-resource-association": {
      // A GROUP's association takes the managed associations of its children with it.
      const ids = new Set([action.associationId]);
      for (const a of index.of("resourceAssociation"))
        if (a.data.parentAssociationId === action.associationId) ids.add(a.id);
      without(ids);
      break;
    }
    case "associate-vpc": {
      const planned: GraphNodeOf<"vpcAssociation"> = {
        id: "snva-planned",
        kind: "vpcAssociation",
        label: "planned VPC association",
        status: "ACTIVE",
        data: {
          id: "snva-planned",
          arn: "",
          status: "ACTIVE",
          serviceNetworkId: networkId(action.serviceNetworkId),
          vpcId: action.vpcId,
          securityGroupIds: action.securityGroupIds ?? [],
          privateDnsEnabled: action.privateDnsEnabled ?? false,
          ...(action.dnsOptions ? { dnsOptions: action.dnsOptions } : {}),
        },
      };
      nodes = [
        ...nodes.filter((n) => !(n.kind === "vpcAssociation" && n.data.vpcId === action.vpcId && isGoing(n.status))),
        planned,
      ];
      break;
    }
    case "associate-resource": {
      const configuration = index.findOf(action.resourceConfigurationId, "resourceConfiguration");
      if (!configuration) return undefined;
      const network = networkId(action.serviceNetworkId);
      const leaves = [configuration, ...index.childrenOf(configuration.id)];
      nodes = [
        ...nodes,
        ...leaves.map((c, i): GraphNodeOf<"resourceAssociation"> => ({
          id: `snra-planned-${i}`,
          kind: "resourceAssociation",
          label: "planned association",
          status: "ACTIVE",
          data: {
            id: `snra-planned-${i}`,
            arn: "",
            status: "ACTIVE",
            serviceNetworkId: network,
            resourceConfigurationId: c.id,
            isManaged: i > 0,
            privateDnsEnabled: action.privateDnsEnabled ?? false,
          },
        })),
      ];
      break;
    }
    case "associate-service": {
      const service = index.findOf(action.serviceId, "service");
      if (!service) return undefined;
      const planned: GraphNodeOf<"serviceAssociation"> = {
        id: "snsa-planned",
        kind: "serviceAssociation",
        label: "planned association",
        status: "ACTIVE",
        data: {
          id: "snsa-planned",
          arn: "",
          status: "ACTIVE",
          serviceNetworkId: networkId(action.serviceNetworkId),
          serviceId: service.id,
          ...(service.data.dnsName ? { dnsName: service.data.dnsName } : {}),
        },
      };
      nodes = [...nodes, planned];
      break;
    }
    case "create-resource-endpoint":
    case "create-service-network-endpoint": {
      const arn =
        action.type === "create-resource-endpoint"
          ? index.findOf(action.resourceConfigurationId, "resourceConfiguration")?.data.arn
          : index.findOf(action.serviceNetworkId, "serviceNetwork")?.data.arn;
      if (!arn) return undefined;
      const planned: GraphNodeOf<"vpcEndpoint"> = {
        id: "vpce-planned",
        kind: "vpcEndpoint",
        label: "planned endpoint",
        parent: action.vpcId,
        status: "available",
        data: {
          endpointId: "vpce-planned",
          endpointType: action.type === "create-resource-endpoint" ? "Resource" : "ServiceNetwork",
          state: "available",
          vpcId: action.vpcId,
          subnetIds: action.subnetIds,
          securityGroupIds: action.securityGroupIds ?? [],
          privateDnsEnabled: action.privateDnsEnabled ?? true,
          ...(action.type === "create-resource-endpoint"
            ? { resourceConfigurationArn: arn }
            : { serviceNetworkArn: arn }),
          associations: [],
        },
      };
      nodes = [...nodes, planned];
      break;
    }
    case "update-vpc-association-dns":
      nodes = nodes.map((n) =>
        n.kind === "vpcAssociation" && n.id === action.associationId
          ? {
              ...n,
              data: {
                ...n.data,
                privateDnsEnabled: action.privateDnsEnabled,
                ...(action.dnsOptions ? { dnsOptions: action.dnsOptions } : {}),
              },
            }
          : n,
      );
      break;
    case "start-domain-verification":
      // A verification changes nothing until its TXT record exists: no impact to show yet.
      return undefined;
    case "add-ingress-rule":
      groups = groups.map((g) =>
        g.groupId === action.groupId
          ? {
              ...g,
              ingress: [
                ...g.ingress,
                {
                  protocol: "tcp",
                  fromPort: action.port,
                  toPort: action.port,
                  ...(action.sourceGroupId ? { sourceGroupId: action.sourceGroupId } : {}),
                  ...(action.cidr ? { cidr: action.cidr } : {}),
                },
              ],
            }
          : g,
      );
      nodes = nodes.map((n) =>
        n.kind === "securityGroup" && n.id === action.groupId
          ? { ...n, data: groups.find((g) => g.groupId === action.groupId)! }
          : n,
      );
      break;
  }
  return new GraphIndex(nodes, edges, groups, index.warnings, index.prefixLists);
}

/** The VPCs a change can make a difference to, and the targets worth comparing there. */
function scopeOf(index: GraphIndex, action: Action): { vpcIds: string[]; targets: Target[] } {
  const consumersOf = (networkId: string): string[] => {
    const network = index.get(networkId, "serviceNetwork");
    return [
      ...index.vpcAssociationsIn(networkId).map((a) => a.data.vpcId),
      ...index
        .of("vpcEndpoint")
        .filter((e) => network && e.data.serviceNetworkArn === network.data.arn)
        .map((e) => e.data.vpcId),
    ];
  };
  const networkId = (reference: string): string => index.findOf(reference, "serviceNetwork")?.id ?? reference;
  const all = allTargets(index);
  switch (action.type) {
    case "associate-vpc":
    case "create-resource-endpoint":
    case "create-service-network-endpoint":
      return { vpcIds: [action.vpcId], targets: all };
    case "remove-vpc-association": {
      const a = index.get(action.associationId, "vpcAssociation");
      return { vpcIds: a ? [a.data.vpcId] : [], targets: all };
    }
    case "remove-endpoint": {
      const e = index.get(action.endpointId, "vpcEndpoint");
      return { vpcIds: e ? [e.data.vpcId] : [], targets: all };
    }
    case "update-vpc-association-dns": {
      const a = index.get(action.associationId, "vpcAssociation");
      return { vpcIds: a ? [a.data.vpcId] : [], targets: all };
    }
    case "start-domain-verification":
      return { vpcIds: [], targets: [] };
    case "associate-resource":
    case "associate-service": {
      const node = index.find(action.type === "associate-resource" ? action.resourceConfigurationId : action.serviceId);
      return { vpcIds: consumersOf(networkId(action.serviceNetworkId)), targets: node ? targetsOf(index, node) : [] };
    }
    case "remove-resource-association":
    case "remove-service-association": {
      const a = index.find(action.associationId);
      if (a?.kind !== "resourceAssociation" && a?.kind !== "serviceAssociation") return { vpcIds: [], targets: [] };
      return { vpcIds: consumersOf(a.data.serviceNetworkId), targets: targetsOf(index, a) };
    }
    case "add-ingress-rule": {
      const group = index.securityGroup(action.groupId);
      if (!group) return { vpcIds: [], targets: [] };
      // A client-side group (endpoint, VPC association) or a provider-side one (gateway, database).
      const provider = all.filter((t) => {
        if (t.kind !== "resourceConfiguration") return false;
        const top = t.parent ?? t.node;
        const gateway = index.get(t.node.data.gatewayId ?? top.data.gatewayId ?? "", "resourceGateway");
        const clusterArn = t.node.data.definition?.values[0] ?? "";
        const endpoint = index.get(clusterArn.toLowerCase(), "dbEndpoint");
        const cluster = index.get(endpoint?.data.clusterArn ?? clusterArn, "dbCluster");
        return Boolean(
          gateway?.data.securityGroupIds.includes(group.groupId) ||
          cluster?.data.securityGroupIds.includes(group.groupId),
        );
      });
      if (provider.length > 0) {
        const vpcIds = [
          ...new Set([
            ...index.of("vpcEndpoint").map((e) => e.data.vpcId),
            ...index.of("vpcAssociation").map((a) => a.data.vpcId),
          ]),
        ];
        return { vpcIds, targets: provider };
      }
      return { vpcIds: [group.vpcId], targets: all };
    }
  }
}

interface Reach {
  name: string;
  reachable: boolean;
  hostnames: Set<string>;
}

/** Per target: whether the VPC reaches it (a way in, and the check does not fail) and the names that work. */
function reachOf(answer: ConnectAnswer): Map<string, Reach> {
  const out = new Map<string, Reach>();
  for (const row of answer.reachable) {
    const reachable = row.check.verdict !== "not-reachable";
    out.set(row.target.id, {
      name: row.target.name,
      reachable,
      hostnames: new Set(
        reachable ? row.hostnames.filter((h) => h.path?.verdict !== "not-reachable").map((h) => h.hostname) : [],
      ),
    });
  }
  for (const row of answer.unreachable)
    out.set(row.target.id, {
      name: row.target.name,
      reachable: row.check.verdict !== "not-reachable" && row.check.pattern !== undefined,
      hostnames: new Set(),
    });
  return out;
}

const MAX_VPCS = 200;

export function impactOf(index: GraphIndex, action: Action): ChangeImpact[] {
  const after = applyChange(index, action);
  if (!after) return [];
  const { vpcIds, targets } = scopeOf(index, action);
  const impacts: ChangeImpact[] = [];
  for (const vpcId of [...new Set(vpcIds)].sort().slice(0, MAX_VPCS)) {
    const vpcBefore = index.get(vpcId, "vpc");
    const vpcAfter = after.get(vpcId, "vpc");
    if (!vpcBefore || !vpcAfter || targets.length === 0) continue;
    const before = reachOf(answerFor(index, vpcBefore, targets));
    const later = reachOf(answerFor(after, vpcAfter, targets));
    const loses: ChangeImpact["loses"] = [];
    const gains: ChangeImpact["gains"] = [];
    for (const [id, was] of before) {
      const now = later.get(id);
      const lost = [...was.hostnames].filter((h) => !now?.hostnames.has(h));
      if ((was.reachable && !now?.reachable) || lost.length > 0)
        loses.push({ target: { id, name: was.name }, hostnames: lost });
    }
    for (const [id, now] of later) {
      const was = before.get(id);
      const gained = [...now.hostnames].filter((h) => !was?.hostnames.has(h));
      if ((now.reachable && !was?.reachable) || gained.length > 0)
        gains.push({ target: { id, name: now.name }, hostnames: gained });
    }
    if (loses.length > 0 || gains.length > 0) impacts.push({ vpc: { id: vpcId, name: vpcBefore.label }, loses, gains });
  }
  return impacts;
}
