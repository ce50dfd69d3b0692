/**
 * Executing one action, once per client token. The UI mints a token per user
 * intent and sends it on every retry; here:
 *  - a token already executed answers its stored result (no second AWS call);
 *  - the same token still running in this process is joined, not repeated
 *    (a double click);
 *  - a token reused for a different action is refused (IDEMPOTENCY_MISMATCH);
 *  - the token is claimed in the store before the call and released when it
 *    fails, and creates pass it to AWS (clientToken / ClientToken), so even a
 *    crash between AWS's answer and ours leaves one resource;
 *  - the audit intent is written with the claim, before the call, and
 *    completed in place when AWS answers: a crash in between leaves a pending
 *    intent that the next start-up reconciles (reconcile.ts).
 * Every attempt, refused ones included, lands in the audit log.
 */
import {
  actionFingerprint,
  type Action,
  type ExecuteRequest,
  type ExecuteResponse,
  type Finding,
  type ResourceKind,
} from "@lattice-atlas/shared";
import type { PlannedCall, Writer } from "../aws/index.js";
import { kindOf } from "./kinds/index.js";
import { AppError, badInput } from "../errors.js";
import type { SourceDefinition } from "../sources/registry.js";
import { toSourceError } from "../sources/registry.js";
import type { Actor, AuditRepository } from "../storage/stores.js";
import type { AuditRecord, Completion, ExecutionKey } from "./audit-store.js";
import type { LeaseKeeper } from "./leases.js";

export function resourceKindOf(action: Action): ResourceKind {
  return kindOf(action).resourceKind;
}

/** Checks the schema cannot express; a 400 naming the field, before anything else. */
export function validateAction(action: Action): void {
  if (action.type === "add-ingress-rule" && (action.sourceGroupId === undefined) === (action.cidr === undefined)) {
    throw badInput("action.sourceGroupId", "Give exactly one source for the rule: sourceGroupId or cidr.");
  }
}

export interface Prepared {
  /** The account the change is made in (an estate's: the one that owns it), and its region. */
  accountId: string;
  region?: string | undefined;
  findings: Finding[];
  blocking: boolean;
  calls: PlannedCall[];
}

export interface ExecutorDeps {
  store: AuditRepository;
  /** Identity, topology, preflight and the planned calls of an action. */
  prepare: (source: SourceDefinition, region: string, action: Action, clientToken: string) => Promise<Prepared>;
  /**
   * The writer for the account a change is made in, calling as `sessionName` where its credentials come from an
   * AssumeRole, and the role session name it will actually use (none when no role is assumed).
   */
  writer: (
    source: SourceDefinition,
    region: string,
    accountId: string,
    sessionName: string | undefined,
  ) => { writer: Writer; roleSessionName: string | undefined };
  /** This replica's leases: it owns what it claims and renews it while the change runs. */
  leases: LeaseKeeper;
  /** The topology entry a change made out of date: the action, and what it made (or removed). */
  invalidate: (source: SourceDefinition, region: string, action: Action, made: { id: string; arn?: string }) => void;
  now?: () => Date;
  /** Test hook: runs after AWS answered and before anything is recorded (a crash there is what reconcile.ts mends). */
  afterCall?: (() => Promise<void>) | undefined;
}

export function createExecutor(deps: ExecutorDeps) {
  const now = deps.now ?? (() => new Date());
  const inflight = new Map<string, { fingerprint: string; promise: Promise<ExecuteResponse> }>();

  const audit = (
    base: Omit<AuditRecord & Actor, "outcome" | "at">,
    outcome: AuditRecord["outcome"],
    extra: Partial<AuditRecord> = {},
  ): Promise<number> => deps.store.append({ ...base, at: now().toISOString(), outcome, ...extra });

  const mismatch = (clientToken: string): AppError =>
    new AppError("IDEMPOTENCY_MISMATCH", `The client token ${clientToken} was already used for a different change.`, {
      field: "clientToken",
      hint: "Use a new client token for a new change; reuse a token only to retry the very same change.",
    });

  const inFlightElsewhere = (): AppError =>
    new AppError("CONFLICT", "This client token is being executed by another request.", {
      hint: "Poll the status, or retry in a moment with the same token.",
    });

  const replay = async (
    base: Omit<AuditRecord & Actor, "outcome" | "at">,
    result: ExecuteResponse,
  ): Promise<ExecuteResponse> => {
    await audit(base, "replayed", {
      resourceKind: result.resource.kind,
      resourceId: result.resource.id,
      status: result.resource.status,
      requestId: result.requestId,
    });
    return { ...result, replayed: true };
  };

  async function run(
    source: SourceDefinition,
    region: string,
    request: ExecuteRequest,
    fingerprint: string,
    base: Omit<AuditRecord & Actor, "outcome" | "at">,
    sessionName: string | undefined,
  ): Promise<ExecuteResponse> {
    const key: ExecutionKey = { source: source.id, region, clientToken: request.clientToken };
    const record = await deps.store.execution<ExecuteResponse>(key);
    if (record && record.fingerprint !== fingerprint) {
      await audit(base, "refused", { errorCode: "IDEMPOTENCY_MISMATCH" });
      throw mismatch(request.clientToken);
    }
    if (record?.state === "done" && record.result)
      return replay({ ...base, accountId: record.accountId }, record.result);
    // Pending: claimed by a run that has not answered. Its owner may be live (another replica, mid-call): then
    // this is a conflict. Gone (its lease ran out, or the laptop's previous process): adopt it and resend.
    if (record && !(await deps.store.adopt(key, deps.leases.owner))) throw inFlightElsewhere();

    let prepared: Prepared;
    try {
      prepared = await deps.prepare(source, region, request.action, request.clientToken);
    } catch (error) {
      const appError = toSourceError(error, source);
      await audit(base, "failed", {
        errorCode: appError.code,
        awsCode: appError.details.awsCode,
        requestId: appError.details.requestId,
      });
      throw appError;
    }
    const { writer, roleSessionName } = deps.writer(source, prepared.region ?? region, prepared.accountId, sessionName);
    // The audit names the role session name actually used (none when the credentials assume no role).
    const withAccount = { ...base, roleSessionName, accountId: prepared.accountId };
    // A pending record is a run that stopped between its claim and its answer: resend (creates carry the token, AWS keeps one).
    if (!record) {
      const blocking = prepared.findings.filter((f) => f.severity === "blocking");
      if (blocking.length > 0) {
        await audit(withAccount, "refused", { errorCode: "PREFLIGHT_BLOCKED" });
        const [first] = blocking;
        throw new AppError(
          "PREFLIGHT_BLOCKED",
          `Not sent to AWS: ${first!.message}${blocking.length > 1 ? ` (and ${blocking.length - 1} more blocking finding${blocking.length > 2 ? "s" : ""}; plan the action to see them)` : ""}`,
          {
            hint: first!.fix,
          },
        );
      }
      const at = now().toISOString();
      const intent = { ...withAccount, at, outcome: "pending" as const, resourceKind: resourceKindOf(request.action) };
      if (!(await deps.store.claim(key, fingerprint, request.action.type, at, intent, deps.leases.owner))) {
        const other = await deps.store.execution<ExecuteResponse>(key);
        if (other?.fingerprint !== fingerprint) throw mismatch(request.clientToken);
        if (other.state === "done" && other.result)
          return replay({ ...withAccount, accountId: other.accountId ?? prepared.accountId }, other.result);
        throw inFlightElsewhere();
      }
    }

    const kind = resourceKindOf(request.action);
    const [call] = prepared.calls;
    // The intent written with the claim (none for a resend of a claim made before intents existed).
    const intentId = (await deps.store.execution(key))?.auditId;
    const settle = async (
      outcome: "succeeded" | "failed",
      extra: Omit<Completion, "at" | "outcome">,
    ): Promise<void> => {
      const completion: Completion = {
        accountId: prepared.accountId,
        resourceKind: kind,
        ...extra,
        at: now().toISOString(),
        outcome,
      };
      if (intentId === undefined || !(await deps.store.complete(intentId, completion)))
        await audit(withAccount, outcome, extra);
    };
    try {
      const result = await writer.perform(call!);
      await deps.afterCall?.();
      const response: ExecuteResponse = {
        resource: {
          kind,
          id: result.id,
          ...(result.arn ? { arn: result.arn } : {}),
          status: result.status,
          ...(result.txtRecord ? { txtRecord: result.txtRecord } : {}),
        },
        ...(result.requestId ? { requestId: result.requestId } : {}),
        replayed: false,
        clientToken: request.clientToken,
        warnings: prepared.findings.filter((f) => f.severity !== "blocking"),
      };
      await deps.store.finish(key, response, prepared.accountId);
      await settle("succeeded", {
        resourceKind: kind,
        resourceId: result.id,
        status: result.status,
        requestId: result.requestId,
      });
      deps.invalidate(source, region, request.action, { id: result.id, ...(result.arn ? { arn: result.arn } : {}) });
      return response;
    } catch (error) {
      await deps.store.release(key);
      const appError = toSourceError(error, source);
      await settle("failed", {
        resourceKind: kind,
        errorCode: appError.code,
        awsCode: appError.details.awsCode,
        requestId: appError.details.requestId,
      });
      throw appError;
    }
  }

  return {
    /** Changes running now (graceful shutdown waits for them). */
    inflightCount: (): number => inflight.size,
    /** Resolves when every change running now has answered (whatever it answered). */
    async drain(): Promise<void> {
      while (inflight.size > 0) await Promise.allSettled([...inflight.values()].map((f) => f.promise));
    },
    async execute(
      source: SourceDefinition,
      region: string,
      request: ExecuteRequest,
      actor?: Actor,
    ): Promise<ExecuteResponse> {
      const base = {
        source: source.id,
        region,
        action: request.action.type,
        input: request.action,
        clientToken: request.clientToken,
        ...(actor?.user ? { user: actor.user } : {}),
      };
      if (!source.mutationsAllowed) {
        await audit(base, "refused", { errorCode: "READ_ONLY" });
        throw new AppError("READ_ONLY", `${source.label} is read-only: this server does not change it.`, {
          hint:
            source.kind === "emulator"
              ? "The server runs with --read-only; restart it without that flag to change the emulator."
              : "Changes to real AWS need the server started with --allow-mutations (and without --read-only). The plan's CLI, Terraform and CloudFormation make the same change by hand.",
        });
      }
      const fingerprint = actionFingerprint(request.action);
      const flightKey = `${source.id}|${region}|${request.clientToken}`;
      const flying = inflight.get(flightKey);
      if (flying) {
        if (flying.fingerprint !== fingerprint) {
          await audit(base, "refused", { errorCode: "IDEMPOTENCY_MISMATCH" });
          throw mismatch(request.clientToken);
        }
        const result = await flying.promise;
        const accountId = (
          await deps.store.execution({
            source: source.id,
            region,
            clientToken: request.clientToken,
          })
        )?.accountId;
        return replay({ ...base, accountId }, result);
      }
      const key: ExecutionKey = { source: source.id, region, clientToken: request.clientToken };
      deps.leases.hold(key);
      // The role session name asked for; the audit records the one actually used (see run).
      const promise = run(source, region, request, fingerprint, base, actor?.roleSessionName);
      inflight.set(flightKey, { fingerprint, promise });
      try {
        return await promise;
      } finally {
        inflight.delete(flightKey);
        deps.leases.drop(key);
      }
    },
  };
}

export type Executor = ReturnType<typeof createExecutor>;
