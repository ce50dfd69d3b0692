/**
 * Discovery of an estate: hub credentials, member accounts reached by
 * assuming a role, several regions. The member list comes from
 * Organizations (suspended accounts skipped) or is given. Reads fan out per
 * (account, region) under a global cap, each account with its own
 * per-service limits (one call runner per account, shared by its regions);
 * the SDK's standard retry honours throttling. An account whose role cannot
 * be assumed, or that denies a call, is marked (unreadable / partial, with the
 * fix) and never fails the rest. The graphs are joined into one (merge.ts),
 * with the accounts and their RAM shares as nodes.
 */
import type {
  DiscoveryProgress,
  EstateAccount,
  EstateSummary,
  GraphEdge,
  GraphNode,
  PrefixList,
  Warning,
} from "@lattice-atlas/shared";
import {
  AwsFailure,
  CallRunner,
  createReaders,
  type AwsClients,
  type AwsService,
  type RunnerOptions,
  type SourceConnection,
} from "../aws/index.js";
import { Semaphore } from "../aws/runner.js";
import type { ResourceShareInput, ShareInvitationInput } from "../aws/ram.js";
import { AppError } from "../errors.js";
import { buildGraph } from "./build.js";
import { discover, type DiscoveryMemo } from "./discover.js";
import { mergeGraphs, type AccountGraph } from "./merge.js";

export interface EstateDefinition {
  hub: SourceConnection;
  /** The read-only role in each member account. */
  roleName: string;
  /** The role changes are made with in a member account (default: roleName, which then needs write access). */
  changeRoleName?: string | undefined;
  externalId?: string | undefined;
  /** Shown in each member's CloudTrail: who is reading. */
  sessionName: string;
  /** "organization": every ACTIVE account Organizations lists; or the account ids to read. */
  accounts: "organization" | string[];
  skipAccounts: string[];
  regions: string[];
  /** How many (account, region) reads run at once. */
  maxInFlight: number;
  /** Per account and service, how many calls at once. */
  perAccount: Partial<Record<AwsService, number>>;
}

export const ESTATE_DEFAULTS = {
  maxInFlight: 10,
  perAccount: { "vpc-lattice": 5, ec2: 10, rds: 4, lambda: 4, sts: 2, ram: 2 } satisfies Partial<
    Record<AwsService, number>
  >,
};

export interface EstateDeps {
  clients: (connection: SourceConnection, region: string) => AwsClients;
  runner?: Omit<RunnerOptions, "onCall" | "concurrency"> | undefined;
  previous?: ReadonlyMap<string, DiscoveryMemo> | undefined;
  onProgress?: ((progress: DiscoveryProgress) => void) | undefined;
}

export interface EstateResult {
  hubAccountId: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  prefixLists: PrefixList[];
  warnings: Warning[];
  summary: EstateSummary;
  memos: Map<string, DiscoveryMemo>;
  calls: Map<string, number>;
  /** The most calls at once seen in any one account, per service (for the benchmark). */
  peakPerAccount: Map<AwsService, number>;
  reused: number;
}

export const roleArnOf = (accountId: string, roleName: string): string => `arn:aws:iam::${accountId}:role/${roleName}`;

/** The connection that makes a change in a member account (its change role). */
export function changeConnection(estate: EstateDefinition, accountId: string): SourceConnection {
  return assumedConnection(estate, accountId, estate.changeRoleName ?? estate.roleName);
}

function assumedConnection(estate: EstateDefinition, accountId: string, roleName = estate.roleName): SourceConnection {
  return {
    kind: "assumed",
    base: estate.hub,
    roleArn: roleArnOf(accountId, roleName),
    ...(estate.externalId ? { externalId: estate.externalId } : {}),
    sessionName: estate.sessionName,
  };
}

interface MemberAccount {
  accountId: string;
  name?: string | undefined;
  skipped?: string | undefined;
}

async function memberAccounts(
  estate: EstateDefinition,
  hubClients: AwsClients,
  runner: CallRunner,
): Promise<MemberAccount[]> {
  const skip = new Set(estate.skipAccounts);
  if (estate.accounts !== "organization")
    return estate.accounts.map((accountId) => ({
      accountId,
      ...(skip.has(accountId) ? { skipped: "skipped by the estate's configuration" } : {}),
    }));
  let listed;
  try {
    listed = await createReaders(hubClients, runner).organizations.listAccounts();
  } catch (error) {
    if (error instanceof AwsFailure && (error.kind === "access-denied" || error.kind === "not-found"))
      throw new AppError("ACCESS_DENIED", "The hub cannot list the organization's accounts.", {
        iamAction: "organizations:ListAccounts",
        hint: "Run Atlas with the management (or a delegated administrator) account's credentials, grant organizations:ListAccounts, or list the member accounts explicitly (--accounts).",
        awsCode: error.awsCode,
      });
    throw error;
  }
  return listed.map((a) => ({
    accountId: a.accountId,
    name: a.name,
    ...(a.status !== "ACTIVE"
      ? { skipped: `${a.status.toLowerCase().replace(/_/g, " ")} in the organization` }
      : skip.has(a.accountId)
        ? { skipped: "skipped by the estate's configuration" }
        : {}),
  }));
}

/** Why a role could not be assumed, and what would let it be. */
function assumeRoleFix(
  estate: EstateDefinition,
  accountId: string,
  hubArn: string,
  failure: AwsFailure,
): { reason: string; fix: string } {
  const role = roleArnOf(accountId, estate.roleName);
  const message = failure.message.replace(/\s+/g, " ").slice(0, 240);
  return {
    reason: `assume-role denied (${failure.awsCode}): ${message}`,
    fix: `Create ${role} with the read-only policy and a trust policy that lets ${hubArn} assume it${estate.externalId ? " with the configured external id" : ""} (deploy/member-role.yaml as a StackSet does this), and let the hub call sts:AssumeRole on it.`,
  };
}

function warningOf(failure: AwsFailure, accountId: string, region: string, impact: string): Warning {
  return {
    code: failure.kind === "access-denied" ? "AccessDenied" : failure.kind === "throttled" ? "Throttled" : "Failed",
    accountId,
    region,
    service: failure.service,
    operation: failure.operation,
    awsCode: failure.awsCode,
    ...(failure.requestId ? { requestId: failure.requestId } : {}),
    iamAction: failure.iamAction,
    message: `${failure.operation} failed with ${failure.awsCode} in ${accountId} ${region}.`,
    impact,
  };
}

function shareNodes(shares: readonly ResourceShareInput[], region: string): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const share of shares) {
    nodes.push({
      id: share.arn,
      kind: "resourceShare",
      label: share.name,
      status: share.status,
      accountId: share.ownerAccountId,
      region,
      data: { ...share },
    });
    for (const arn of share.resourceArns) {
      const target = arn.split("/").pop() ?? arn;
      edges.push({ id: `share:${share.arn}->${target}`, kind: "share", source: share.arn, target });
    }
    for (const principal of share.principals) {
      const target = /^\d{12}$/.test(principal.id) ? `account:${principal.id}` : principal.id;
      edges.push({
        id: `shared-with:${share.arn}->${target}`,
        kind: "shared-with",
        source: share.arn,
        target,
        status: principal.status,
      });
    }
  }
  return { nodes, edges };
}

export async function discoverEstate(estate: EstateDefinition, deps: EstateDeps): Promise<EstateResult> {
  const hubRegion = estate.regions[0]!;
  const hubClients = deps.clients(estate.hub, hubRegion);
  const hubRunner = new CallRunner({ ...(deps.runner ?? {}) });
  const hub = await createReaders(hubClients, hubRunner).sts.callerIdentity();
  const members = await memberAccounts(estate, hubClients, hubRunner);
  const readable = members.filter((m) => !m.skipped);
  const tasks = readable.flatMap((m) => estate.regions.map((region) => ({ member: m, region })));
  const accountRunners = new Map<string, CallRunner>();
  const runnerOf = (accountId: string): CallRunner => {
    let runner = accountRunners.get(accountId);
    if (!runner) {
      runner = new CallRunner({
        ...(deps.runner ?? {}),
        concurrency: { ...ESTATE_DEFAULTS.perAccount, ...estate.perAccount },
      });
      accountRunners.set(accountId, runner);
    }
    return runner;
  };

  const parts: AccountGraph[] = [];
  const warnings: Warning[] = [];
  const unreadable = new Map<string, { reason: string; fix: string }>();
  const perRegion = new Map<string, EstateAccount["regions"][number]>();
  const shares: ResourceShareInput[] = [];
  const invitations: Array<ShareInvitationInput & { accountId: string }> = [];
  const memos = new Map<string, DiscoveryMemo>();
  let reused = 0;
  const accountsTotal = readable.length;
  const regionsLeft = new Map(readable.map((m) => [m.accountId, estate.regions.length]));
  let accountsDone = 0;
  const gate = new Semaphore(Math.max(1, estate.maxInFlight));

  const readOne = async ({ member, region }: (typeof tasks)[number]): Promise<void> => {
    const { accountId } = member;
    const key = `${accountId}|${region}`;
    const runner = runnerOf(accountId);
    const report = (progress: Omit<DiscoveryProgress, "accountId" | "region" | "accountsDone" | "accountsTotal">) =>
      deps.onProgress?.({ ...progress, accountId, region, accountsDone, accountsTotal });
    try {
      if (unreadable.has(accountId)) {
        perRegion.set(key, { region, status: "unreadable", counts: {}, warnings: 0 });
        return;
      }
      const clients = deps.clients(assumedConnection(estate, accountId), region);
      const readers = createReaders(clients, runner);
      try {
        await readers.sts.callerIdentity();
      } catch (error) {
        if (!(error instanceof AwsFailure)) throw error;
        const assumed = new AwsFailure(
          "sts",
          "AssumeRole",
          error.kind,
          error.awsCode,
          error.message,
          error.status,
          error.requestId,
        );
        const why = assumeRoleFix(estate, accountId, hub.arn, assumed);
        unreadable.set(accountId, why);
        warnings.push({
          ...warningOf(assumed, accountId, region, `Nothing in account ${accountId} is read.`),
          message: why.reason,
        });
        perRegion.set(key, { region, status: "unreadable", counts: {}, warnings: 1 });
        return;
      }
      const result = await discover(readers, {
        accountId,
        region,
        previous: deps.previous?.get(key),
        onProgress: (progress) => report(progress),
      });
      reused += result.reused;
      memos.set(key, result.memo);
      const partWarnings: Warning[] = result.warnings.map((w) => ({ ...w, accountId, region }));
      try {
        shares.push(...(await readers.ram.ownedShares()).map((s) => ({ ...s, region })));
        invitations.push(
          ...(await readers.ram.invitations()).filter((i) => i.status === "PENDING").map((i) => ({ ...i, accountId })),
        );
      } catch (error) {
        if (!(error instanceof AwsFailure) || error.kind === "credentials") throw error;
        partWarnings.push(warningOf(error, accountId, region, "RAM shares of this account are missing."));
      }
      warnings.push(...partWarnings);
      const graph = buildGraph(result.inputs);
      parts.push({ ...graph, accountId, region });
      const counts: Record<string, number> = {};
      for (const node of graph.nodes) counts[node.kind] = (counts[node.kind] ?? 0) + 1;
      perRegion.set(key, {
        region,
        status: partWarnings.length > 0 ? "partial" : "readable",
        counts,
        warnings: partWarnings.length,
      });
    } finally {
      const left = (regionsLeft.get(accountId) ?? 1) - 1;
      regionsLeft.set(accountId, left);
      if (left === 0) accountsDone += 1;
      report({ phase: left === 0 ? "account done" : "region done", done: 0, total: 0 });
    }
  };

  await Promise.all(
    tasks.map(async (task) => {
      await gate.acquire();
      try {
        await readOne(task);
      } finally {
        gate.release();
      }
    }),
  );

  const readAccounts = new Set(parts.map((p) => p.accountId));
  // Stable output: parts in account, region order.
  parts.sort((a, b) => a.accountId.localeCompare(b.accountId) || a.region.localeCompare(b.region));
  const merged = mergeGraphs(parts, {
    unreadable: new Map([...unreadable].map(([id, why]) => [id, why.reason])),
    readAccounts,
  });

  const accounts: EstateAccount[] = members.map((m) => {
    const regions = m.skipped
      ? estate.regions.map((region) => ({ region, status: "skipped" as const, counts: {}, warnings: 0 }))
      : estate.regions.map(
          (region) =>
            perRegion.get(`${m.accountId}|${region}`) ?? {
              region,
              status: "unreadable" as const,
              counts: {},
              warnings: 0,
            },
        );
    const why = unreadable.get(m.accountId);
    const status = m.skipped
      ? "skipped"
      : why
        ? "unreadable"
        : regions.some((r) => r.status !== "readable")
          ? "partial"
          : "readable";
    const partial = status === "partial" ? warnings.find((w) => w.accountId === m.accountId) : undefined;
    return {
      accountId: m.accountId,
      ...(m.name ? { name: m.name } : {}),
      status,
      ...(m.skipped ? { reason: m.skipped } : {}),
      ...(why ? { reason: why.reason, fix: why.fix } : {}),
      ...(partial
        ? {
            reason: `${partial.operation} failed (${partial.code})`,
            fix: `Grant ${partial.iamAction} to ${estate.roleName}.`,
          }
        : {}),
      regions,
    };
  });

  const accountNodes: GraphNode[] = accounts.map((a) => ({
    id: `account:${a.accountId}`,
    kind: "account",
    label: a.name ? `${a.name} (${a.accountId})` : a.accountId,
    status: a.status,
    accountId: a.accountId,
    data: {
      accountId: a.accountId,
      ...(a.name ? { name: a.name } : {}),
      status: a.status,
      ...(a.reason ? { reason: a.reason } : {}),
      ...(a.fix ? { fix: a.fix } : {}),
      regions: estate.regions,
    },
  }));
  const shareGraph = shareNodes(shares, hubRegion);
  // A pending invitation is a share the member has not accepted: it shows on the share's edge to that account.
  const pending = new Set(invitations.map((i) => `shared-with:${i.shareArn}->account:${i.accountId}`));
  const shareEdges = shareGraph.edges.map((e) => (pending.has(e.id) ? { ...e, status: "PENDING" } : e));
  const known = new Set([...merged.nodes, ...accountNodes, ...shareGraph.nodes].map((n) => n.id));

  const calls = new Map<string, number>(hubRunner.calls);
  const peakPerAccount = new Map<AwsService, number>();
  for (const runner of accountRunners.values()) {
    for (const [op, n] of runner.calls) calls.set(op, (calls.get(op) ?? 0) + n);
    for (const [service, n] of runner.peakInFlight)
      peakPerAccount.set(service, Math.max(n, peakPerAccount.get(service) ?? 0));
  }
  return {
    hubAccountId: hub.accountId,
    nodes: [...accountNodes, ...merged.nodes, ...shareGraph.nodes],
    prefixLists: [...new Map(parts.flatMap((p) => p.prefixLists).map((p) => [p.id, p])).values()],
    edges: [...merged.edges, ...shareEdges.filter((e) => known.has(e.source) && known.has(e.target))],
    warnings,
    summary: { hubAccountId: hub.accountId, roleName: estate.roleName, regions: estate.regions, accounts },
    memos,
    calls,
    peakPerAccount,
    reused,
  };
}
