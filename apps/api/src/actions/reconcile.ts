/**
 * Start-up reconciliation of changes the process stopped in the middle of: an execution claimed, its audit
 * intent written, the AWS call perhaps made, and no answer recorded. For each, the account is read again
 * (through the readers, as discovery does) and the resource looked up by what the change was about: the
 * pair an association joins, the VPC and target of an endpoint, the id a removal named, the rule an ingress
 * change adds. Found → the intent is completed as succeeded with the resource (and the client token
 * answers it from then on); not there → failed (INTERRUPTED), the token released. When the read cannot
 * tell (the source is unreachable, or the part of the picture that would show it could not be read), the
 * execution stays pending for the next start.
 */
import type { Action, ExecuteResponse, ResourceKind } from "@lattice-atlas/shared";
import { isGoing } from "@lattice-atlas/shared";
import type { GraphIndex } from "../lattice/graph-index.js";
import type { SourceRegistry } from "../sources/registry.js";
import type { TopologyService } from "../topology/service.js";
import { idOf } from "./arns.js";
import type { AuditStore } from "./audit-store.js";
import { resourceKindOf } from "./execute.js";

/** What a change left behind: the resource it made (or removed), or nothing. */
type Found = { made: true; id: string; status: string } | { made: false };

const DELETED = "DELETED";

/** Looks the change's resource up in a fresh picture of the account. */
export function locate(index: GraphIndex, action: Action): Found {
  const made = (node: { id: string; status?: string | undefined } | undefined): Found =>
    node ? { made: true, id: node.id, status: node.status ?? "UNKNOWN" } : { made: false };
  const removed = (id: string): Found => {
    const node = index.byId.get(id);
    if (!node) return { made: true, id, status: DELETED };
    return node.status && isGoing(node.status) ? { made: true, id, status: node.status } : { made: false };
  };
  switch (action.type) {
    case "associate-vpc": {
      const network = idOf(action.serviceNetworkId);
      return made(index.vpcAssociationsOf(action.vpcId).find((a) => a.data.serviceNetworkId === network));
    }
    case "associate-resource":
      return made(index.resourceAssociation(idOf(action.serviceNetworkId), idOf(action.resourceConfigurationId)));
    case "associate-service":
      return made(index.serviceAssociation(idOf(action.serviceNetworkId), idOf(action.serviceId)));
    case "create-resource-endpoint": {
      const configuration = idOf(action.resourceConfigurationId);
      return made(
        index
          .endpointsIn(action.vpcId)
          .find((e) => e.data.resourceConfigurationArn && idOf(e.data.resourceConfigurationArn) === configuration),
      );
    }
    case "create-service-network-endpoint": {
      const network = idOf(action.serviceNetworkId);
      return made(
        index
          .endpointsIn(action.vpcId)
          .find((e) => e.data.serviceNetworkArn && idOf(e.data.serviceNetworkArn) === network),
      );
    }
    case "remove-vpc-association":
    case "remove-resource-association":
    case "remove-service-association":
      return removed(action.associationId);
    case "remove-endpoint":
      return removed(action.endpointId);
    case "add-ingress-rule": {
      const rule = index
        .securityGroup(action.groupId)
        ?.ingress.find(
          (r) =>
            (r.protocol === action.protocol || r.protocol === "6") &&
            r.fromPort === action.port &&
            r.toPort === action.port &&
            (action.sourceGroupId ? r.sourceGroupId === action.sourceGroupId : r.cidr === action.cidr),
        );
      return rule ? { made: true, id: action.groupId, status: "active" } : { made: false };
    }
  }
}

/** The operations whose failure would hide what `locate` looks for: then it cannot tell. */
const NEEDED: Record<ResourceKind, readonly string[]> = {
  vpcAssociation: ["ListServiceNetworks", "ListServiceNetworkVpcAssociations"],
  resourceAssociation: ["ListServiceNetworks", "ListServiceNetworkResourceAssociations"],
  serviceAssociation: ["ListServiceNetworks", "ListServiceNetworkServiceAssociations"],
  vpcEndpoint: ["DescribeVpcs", "DescribeVpcEndpoints"],
  securityGroupRule: ["DescribeSecurityGroups"],
};

export interface ReconcileDeps {
  store: AuditStore;
  registry: SourceRegistry;
  topology: TopologyService;
  now?: () => Date;
  log?: (message: string) => void;
}

/** Settles every pending execution it can; returns how many it settled and how many it left pending. */
export async function reconcilePending(deps: ReconcileDeps): Promise<{ settled: number; left: number }> {
  const now = deps.now ?? (() => new Date());
  let settled = 0;
  let left = 0;
  for (const execution of deps.store.pendingExecutions()) {
    const key = { source: execution.source, region: execution.region, clientToken: execution.clientToken };
    const action = execution.intent?.input as Action | undefined;
    if (!action?.type) {
      left += 1;
      continue;
    }
    const kind = resourceKindOf(action);
    try {
      const source = await deps.registry.get(execution.source);
      const topology = await deps.topology.topology(source.id, execution.region, true);
      const unread = topology.warnings.filter((w) => NEEDED[kind].includes(w.operation));
      if (unread.length > 0) {
        left += 1;
        deps.log?.(`change ${execution.clientToken} left pending: ${unread.map((w) => w.operation).join(", ")} unread`);
        continue;
      }
      const found = locate(await deps.topology.index(source.id, execution.region), action);
      const at = now().toISOString();
      if (found.made) {
        const response: ExecuteResponse = {
          resource: { kind, id: found.id, status: found.status },
          replayed: false,
          clientToken: execution.clientToken,
          warnings: [],
        };
        deps.store.finishExecution(key, response, topology.accountId);
        deps.store.complete(execution.auditId!, {
          at,
          outcome: "succeeded",
          accountId: topology.accountId,
          resourceKind: kind,
          resourceId: found.id,
          status: found.status,
        });
      } else {
        deps.store.dropExecution(key);
        deps.store.complete(execution.auditId!, {
          at,
          outcome: "failed",
          accountId: topology.accountId,
          resourceKind: kind,
          errorCode: "INTERRUPTED",
        });
      }
      settled += 1;
    } catch (error) {
      left += 1;
      deps.log?.(`change ${execution.clientToken} left pending: ${error instanceof Error ? error.message : error}`);
    }
  }
  return { settled, left };
}
