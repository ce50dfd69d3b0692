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
import type { GraphIndex } from "../lattice/graph-index.js";
import type { SourceRegistry } from "../sources/registry.js";
import type { TopologyService } from "../topology/service.js";
import type { AuditRepository } from "../storage/stores.js";
import { resourceKindOf } from "./execute.js";
import { kindOf } from "./kinds/index.js";
import type { Found } from "./kinds/kind.js";
import type { LeaseKeeper } from "./leases.js";

/** What a change left in a fresh picture of the account (each kind knows where to look). */
export function locate(index: GraphIndex, action: Action): Found | undefined {
  return kindOf(action).locate(action as never, index);
}

/** The operations whose failure would hide what `locate` looks for: then it cannot tell. */
const NEEDED: Record<ResourceKind, readonly string[]> = {
  vpcAssociation: ["ListServiceNetworks", "ListServiceNetworkVpcAssociations"],
  resourceAssociation: ["ListServiceNetworks", "ListServiceNetworkResourceAssociations"],
  serviceAssociation: ["ListServiceNetworks", "ListServiceNetworkServiceAssociations"],
  vpcEndpoint: ["DescribeVpcs", "DescribeVpcEndpoints"],
  securityGroupRule: ["DescribeSecurityGroups"],
  domainVerification: ["ListResourceConfigurations", "GetResourceConfiguration"],
};

export interface ReconcileDeps {
  store: AuditRepository;
  registry: SourceRegistry;
  topology: TopologyService;
  /** This replica's leases: what it adopts it holds (renewed) while it reads AWS to settle it. */
  leases: LeaseKeeper;
  now?: () => Date;
  log?: (message: string) => void;
}

/**
 * Settles every pending execution whose owner is gone and that it can tell the end of; returns how many it
 * settled and how many it left pending. An execution another live replica runs is not touched: it is not an
 * orphan until that replica's lease runs out, and adopting it first means two replicas never settle one.
 */
export async function reconcilePending(deps: ReconcileDeps): Promise<{ settled: number; left: number }> {
  const now = deps.now ?? (() => new Date());
  let settled = 0;
  let left = 0;
  for (const execution of await deps.store.orphans(deps.leases.owner)) {
    const key = { source: execution.source, region: execution.region, clientToken: execution.clientToken };
    const action = execution.intent?.input as Action | undefined;
    if (!action?.type) {
      left += 1;
      continue;
    }
    const kind = resourceKindOf(action);
    if (!(await deps.store.adopt(key, deps.leases.owner))) continue; // another replica took it first
    deps.leases.hold(key);
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
      if (!found) {
        left += 1;
        deps.log?.(`change ${execution.clientToken} left pending: what it made cannot be told apart yet`);
        continue;
      }
      const at = now().toISOString();
      if (found.made) {
        const response: ExecuteResponse = {
          resource: { kind, id: found.id, status: found.status },
          replayed: false,
          clientToken: execution.clientToken,
          warnings: [],
        };
        await deps.store.finish(key, response, topology.accountId);
        await deps.store.complete(execution.auditId!, {
          at,
          outcome: "succeeded",
          accountId: topology.accountId,
          resourceKind: kind,
          resourceId: found.id,
          status: found.status,
        });
      } else {
        await deps.store.release(key);
        await deps.store.complete(execution.auditId!, {
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
    } finally {
      deps.leases.drop(key);
    }
  }
  return { settled, left };
}
