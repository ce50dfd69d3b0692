/**
 * The actions service: plan (preflight + codify, no AWS call but the cached
 * topology), execute (guarded, once per client token, audited), the status
 * poll of what a change made, and the audit log.
 */
import { randomUUID } from "node:crypto";
import type {
  AuditQuery,
  AuditResponse,
  ExecuteRequest,
  ExecuteResponse,
  PlanRequest,
  PlanResponse,
  PollableKind,
  StatusResponse,
} from "@lattice-atlas/shared";
import {
  AwsFailure,
  CallRunner,
  createReaders,
  createWriter,
  type PlannedCall,
  type RunnerOptions,
} from "../aws/index.js";
import { badInput } from "../errors.js";
import type { SourceDefinition, SourceRegistry } from "../sources/registry.js";
import { toSourceError } from "../sources/registry.js";
import type { TopologyService } from "../topology/service.js";
import type { Actor, AuditRepository } from "../storage/stores.js";
import { codify } from "./codify.js";
import { createExecutor, validateAction } from "./execute.js";
import { impactOf } from "../lattice/impact.js";
import { changeConnection } from "../topology/estate.js";
import { placeOfChange } from "./place.js";
import { preflight } from "./preflight.js";
import { reconcilePending } from "./reconcile.js";
import { createLeaseKeeper } from "./leases.js";
import { notFoundStatus, readStatus, statusFrom } from "./status.js";
import { idOf } from "./arns.js";
import { settled, touches, type NetworkOf, type Slice } from "../topology/slices.js";

const ID_PREFIX: Record<PollableKind, string> = {
  vpcAssociation: "snva-",
  resourceAssociation: "snra-",
  serviceAssociation: "snsa-",
  vpcEndpoint: "vpce-",
};

export interface ActionServiceDeps {
  registry: SourceRegistry;
  topology: TopologyService;
  store: AuditRepository;
  /**
   * Told of every change this process made to a source's region, with the slices it touched (other replicas
   * mark theirs out of date).
   */
  onChange?: ((sourceId: string, region: string, slices: Slice[]) => void) | undefined;
  runner?: Omit<RunnerOptions, "onCall" | "signal"> | undefined;
  now?: () => Date;
  /** Test hook: after AWS answered a change, before it is recorded (see execute.ts). */
  afterCall?: (() => Promise<void>) | undefined;
  /** This replica's id, the owner of the executions it claims (default: a new random one). */
  owner?: string | undefined;
  /** A lease renewal that failed (the next beat retries). */
  onLeaseError?: ((error: unknown) => void) | undefined;
}

export function createActionService(deps: ActionServiceDeps) {
  const now = deps.now ?? (() => new Date());
  const runner = (): CallRunner => new CallRunner(deps.runner ?? {});
  const leases = createLeaseKeeper(deps.store, deps.owner ?? randomUUID(), deps.onLeaseError);
  /** The service network of an association or endpoint in the cached picture ("" for an endpoint on none). */
  const networkOf =
    (source: SourceDefinition, region: string): NetworkOf =>
    (id) => {
      const node = deps.topology.peek(source.id, region)?.byId.get(id);
      if (!node) return undefined;
      const data = node.data as { serviceNetworkId?: string; serviceNetworkArn?: string; endpointType?: string };
      if (data.serviceNetworkId) return data.serviceNetworkId;
      if (data.serviceNetworkArn) return idOf(data.serviceNetworkArn);
      return node.kind === "vpcEndpoint" && data.endpointType === "Resource" ? "" : undefined;
    };

  async function prepare(
    source: SourceDefinition,
    region: string,
    action: PlanRequest["action"],
    clientToken?: string,
  ) {
    const snapshot = await deps.topology.snapshot(source.id, region);
    // In an estate the change is made where what it touches lives; elsewhere, in the source's account and region.
    const place = (source.estate ? placeOfChange(snapshot.index, action) : undefined) ?? {
      accountId: snapshot.accountId,
      region,
    };
    const checked = preflight(snapshot.index, action, {
      accountId: place.accountId,
      region: place.region,
      mutationsAllowed: source.mutationsAllowed,
      ...(source.estate ? { estate: { roleName: source.estate.changeRoleName ?? source.estate.roleName } } : {}),
    });
    if (snapshot.warnings.length > 0) {
      const operations = [...new Set(snapshot.warnings.map((w) => w.operation))].join(", ");
      checked.findings.push({
        code: "PARTIAL_TOPOLOGY",
        severity: "warning",
        message: `Discovery could not read everything (${operations}); these checks cannot see what is missing, so a "not found" or a missing rule may be wrong.`,
        fix: "Fix the topology's warnings (usually an IAM permission), refresh, and plan again.",
      });
    }
    return {
      accountId: place.accountId,
      region: place.region,
      index: snapshot.index,
      ...checked,
      codified: codify(checked.resolved, clientToken),
    };
  }

  const executor = createExecutor({
    store: deps.store,
    now,
    prepare: async (source, region, action, clientToken) => {
      const prepared = await prepare(source, region, action, clientToken);
      return {
        accountId: prepared.accountId,
        region: prepared.region,
        findings: prepared.findings,
        blocking: prepared.blocking,
        calls: prepared.codified.calls as PlannedCall[],
      };
    },
    writer: (source, region, accountId, sessionName) => {
      const { clients, roleSessionName } = deps.registry.clientsAs(
        source,
        region,
        sessionName,
        source.estate ? changeConnection(source.estate, accountId) : source.connection,
      );
      return { writer: createWriter(clients, runner()), roleSessionName };
    },
    leases,
    invalidate: (source, region, action, made) => {
      const slices = touches(action, made, networkOf(source, region));
      deps.topology.invalidate(source.id, region, slices);
      deps.onChange?.(source.id, region, slices);
    },
    afterCall: deps.afterCall,
  });

  /** Who can read the status of what a change made: in an estate, the account (and region) it was made in. */
  async function clientsForStatus(source: SourceDefinition, region: string, id: string, sessionName?: string) {
    if (!source.estate) return deps.registry.clientsAs(source, region, sessionName).clients;
    const node = deps.topology.peek(source.id, region)?.find(id);
    const change = await deps.store.lastChangeOf(id);
    const accountId = node?.accountId ?? change?.accountId;
    if (!accountId) return deps.registry.clients(source, region);
    return deps.registry.clientsAs(
      source,
      node?.region ?? change?.region ?? region,
      sessionName,
      changeConnection(source.estate, accountId),
    ).clients;
  }

  return {
    async plan(source: SourceDefinition, region: string, request: PlanRequest): Promise<PlanResponse> {
      validateAction(request.action);
      try {
        const prepared = await prepare(source, region, request.action, request.clientToken);
        return {
          action: request.action,
          summary: prepared.resolved.summary,
          findings: prepared.findings,
          impact: impactOf(prepared.index, request.action),
          blocking: prepared.blocking,
          ...prepared.codified,
        };
      } catch (error) {
        throw toSourceError(error, source);
      }
    },

    async execute(
      source: SourceDefinition,
      region: string,
      request: ExecuteRequest,
      actor?: Actor,
    ): Promise<ExecuteResponse> {
      validateAction(request.action);
      return executor.execute(source, region, request, actor);
    },

    /** `sessionName`: the signed-in user's role session name, used where the read assumes a role. */
    async status(
      source: SourceDefinition,
      region: string,
      kind: PollableKind,
      id: string,
      sessionName?: string,
    ): Promise<StatusResponse> {
      /** The audit entry of the change learns how it ended; an audit store that cannot write does not fail a poll. */
      const recordSettlement = async (resourceId: string, answer: StatusResponse): Promise<void> => {
        try {
          await deps.store.settle(resourceId, {
            status: answer.status,
            phase: answer.phase,
            failureReason: answer.failureReason,
            at: answer.checkedAt,
          });
        } catch {
          // The change itself is audited already; its ending is a courtesy.
        }
      };
      if (!id.startsWith(ID_PREFIX[kind]))
        throw badInput("id", `A ${kind} id starts with ${ID_PREFIX[kind]}, not "${id.split("-")[0]}-".`);
      const readers = createReaders(await clientsForStatus(source, region, id, sessionName), runner());
      let answer: StatusResponse;
      try {
        answer = statusFrom(kind, id, await readStatus(readers, kind, id), now());
      } catch (error) {
        if (!(error instanceof AwsFailure) || error.kind !== "not-found") throw toSourceError(error, source);
        answer = notFoundStatus(kind, id, await deps.store.lastChangeOf(id), now());
      }
      // A change that settled makes a cached picture that still shows it in flight out of date.
      if (answer.done) {
        await recordSettlement(id, answer);
        const cached = deps.topology.peek(source.id, region)?.byId.get(id);
        const settledDifferently =
          answer.phase === "deleted" || answer.phase === "not-found"
            ? cached !== undefined
            : cached?.status !== answer.status;
        if (settledDifferently) {
          const slices = settled(kind, id, networkOf(source, region));
          deps.topology.invalidate(source.id, region, slices);
          deps.onChange?.(source.id, region, slices);
        }
      }
      return answer;
    },

    /**
     * Settles the changes whose owner is gone: a previous process, or a replica that stopped renewing its lease
     * (at start-up, and on a team store every lease period).
     */
    reconcile(log?: (message: string) => void): Promise<{ settled: number; left: number }> {
      return reconcilePending({
        store: deps.store,
        registry: deps.registry,
        topology: deps.topology,
        leases,
        now,
        ...(log ? { log } : {}),
      });
    },

    /** This replica's id as the owner of its executions. */
    owner: leases.owner,
    /** Stops renewing leases (the app closes). */
    close: () => leases.stop(),

    /** Resolves when the changes running now have answered (graceful shutdown). */
    drain: () => executor.drain(),
    inflightChanges: () => executor.inflightCount(),

    audit(query: AuditQuery): Promise<AuditResponse> {
      return deps.store.list({ limit: query.limit ?? 50, before: query.before });
    },
  };
}

export type ActionService = ReturnType<typeof createActionService>;
