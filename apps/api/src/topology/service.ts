/**
 * Topologies per source and region: a cache with explicit refresh, single
 * flight (concurrent requests share one run), incremental refresh (the
 * previous run's memo lets unchanged items skip their Get), targeted re-reads
 * after a change (only the slices it touched are read again: slices.ts,
 * reread.ts), progress events for the UI, and typed errors for credentials
 * (never cached as empty).
 */
import { EventEmitter } from "node:events";
import type { DiscoveryProgress, Topology, Warning } from "@lattice-atlas/shared";
import { AppError } from "../errors.js";
import { AwsFailure, CallRunner, createReaders, type RunnerOptions } from "../aws/index.js";
import { GraphIndex } from "../lattice/graph-index.js";
import type { SourceDefinition, SourceRegistry } from "../sources/registry.js";
import { toSourceError } from "../sources/registry.js";
import { buildGraph } from "./build.js";
import { discover, type DiscoveryMemo } from "./discover.js";
import type { DiscoveryInputs } from "./inputs.js";
import { rereadSlices } from "./reread.js";
import { EncodedBody } from "./encoded.js";
import { discoverEstate } from "./estate.js";
import { mergeGraphs } from "./merge.js";

interface Entry {
  topology: Topology;
  /** Read without a single failure: a later read with failures never replaces it. */
  complete: boolean;
  /** The warnings of the read that produced this data (none when complete). */
  readWarnings: Warning[];
  /** How many times a failed refresh has kept this entry (part of its ETag). */
  kept: number;
  index: GraphIndex;
  memo: DiscoveryMemo;
  /** This version of the entry, for If-None-Match. */
  etag: string;
  /** The bytes that answer for it, made on first use: as the run's own answer, and as the cached one. */
  encoded: { fresh?: EncodedBody; cached?: EncodedBody };
  /** An estate's memos, per account and region. */
  memos?: Map<string, DiscoveryMemo>;
  /** What the read of a live source (not an estate) read, for a targeted re-read after a change. */
  inputs?: DiscoveryInputs;
}

/** What a change made out of date: everything (re-read the account, reusing the memo), or some slices. */
type Staleness = "all" | Set<string>;

export interface TopologyServiceOptions {
  registry: SourceRegistry;
  /** The frozen topology of a snapshot (a source `snapshot:<id>`). */
  snapshots?: { topology(id: string): Promise<Topology> } | undefined;
  runner?: Omit<RunnerOptions, "onCall" | "signal" | "deadlineMs">;
  /** One deadline per discovery: what was read by then is the answer, with warnings naming the rest. */
  deadlineMs?: number | undefined;
  /** Observability: a request answered from the cache (true) or by a discovery (false). */
  onCache?: ((hit: boolean) => void) | undefined;
  /** Observability: one discovery of a live source ended (seconds, "ok" or "error"). */
  onDiscovery?: ((seconds: number, outcome: "ok" | "error") => void) | undefined;
}

export const DEFAULT_DISCOVERY_DEADLINE_MS = 30_000;

/** Every call of a discovery failed: the typed error of the failures' kind, never an empty account. */
function nothingRead(warnings: readonly Warning[], source: SourceDefinition, region: string): AppError {
  const codes = new Set(warnings.map((w) => w.code));
  const only = codes.size === 1 ? [...codes][0] : undefined;
  const code =
    only === "AccessDenied"
      ? "ACCESS_DENIED"
      : only === "Throttled"
        ? "THROTTLED"
        : only === "Timeout" || only === "Deadline"
          ? "AWS_TIMEOUT"
          : "AWS_UNAVAILABLE";
  const named = [...new Set(warnings.map((w) => `${w.operation} (${w.awsCode ?? w.code})`))];
  const list = named.slice(0, 6).join(", ") + (named.length > 6 ? ` and ${named.length - 6} more` : "");
  return new AppError(
    code,
    `Discovery of ${source.label} in ${region} read nothing: every call failed (${list}). Nothing was cached.`,
    {
      hint:
        code === "ACCESS_DENIED"
          ? "Grant the read permissions the warnings name (vpc-lattice:List*, ec2:Describe*, rds:Describe*), then refresh."
          : code === "THROTTLED"
            ? "AWS is throttling this account; wait a minute and refresh."
            : "Check the network path to AWS (or the emulator) and refresh.",
      ...(warnings[0]?.awsCode ? { awsCode: warnings[0].awsCode } : {}),
    },
  );
}

/** A refresh that could not read everything, shown on the last complete picture it did not replace. */
function onKeptPicture(warnings: readonly Warning[], kept: Topology): Warning[] {
  return warnings.map((w) => ({
    ...w,
    impact: `A refresh could not read this, so the picture is the last complete one (read at ${kept.stats.discoveredAt}), which may be out of date. ${w.impact}`,
  }));
}

export interface ProgressEvent {
  type: "progress" | "done" | "error";
  progress?: DiscoveryProgress;
  message?: string;
}

/** The cache key of a source and region; an estate is one graph of all its regions, whatever region is asked. */
const keyOf = (sourceId: string, region: string): string =>
  sourceId === "estate" || sourceId.startsWith("estate:")
    ? `${sourceId}|estate`
    : sourceId.startsWith("snapshot:")
      ? `${sourceId}|frozen`
      : `${sourceId}|${region}`;

export function createTopologyService(options: TopologyServiceOptions) {
  const cache = new Map<string, Entry>();
  /**
   * Entries a change made out of date: re-read on next use, only the slices the changes touched where that is
   * enough (else everything, reusing their memo).
   */
  const stale = new Map<string, Staleness>();
  const mark = (key: string, slices: readonly string[] | undefined): void => {
    changes.set(key, (changes.get(key) ?? 0) + 1);
    const marks = stale.get(key);
    if (slices === undefined || slices.length === 0 || marks === "all") stale.set(key, "all");
    else stale.set(key, new Set([...(marks ?? []), ...slices]));
  };
  let patches = 0;
  /** Changes seen per entry, so that a run that began before a change does not clear its staleness. */
  const changes = new Map<string, number>();
  /** Runs under way: the changes seen when each began, and whether it may re-read only some slices. */
  const inflight = new Map<string, { promise: Promise<Entry>; changes: number; partial: boolean }>();
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const lastProgress = new Map<string, DiscoveryProgress>();

  const asCached = (topology: Topology): Topology => ({ ...topology, stats: { ...topology.stats, cached: true } });
  const cachedBody = (entry: Entry): EncodedBody =>
    (entry.encoded.cached ??= new EncodedBody(asCached(entry.topology), entry.etag));
  /** Caches an entry and, once the run's own answer is out, makes the bytes every later request shares. */
  const store = (key: string, entry: Entry): void => {
    cache.set(key, entry);
    setImmediate(() => {
      if (cache.get(key) === entry) cachedBody(entry);
    });
  };
  /** An estate: every member account and region in one graph. */
  async function runEstate(source: SourceDefinition, key: string): Promise<Entry> {
    const started = performance.now();
    const estate = source.estate!;
    let lastEmit = 0;
    try {
      const result = await discoverEstate(estate, {
        clients: (connection, region) => options.registry.clientsFor(source.id, connection, region),
        // Each account's runner has the one deadline too (from when that account's read starts).
        runner: { ...(options.runner ?? {}), deadlineMs: options.deadlineMs ?? DEFAULT_DISCOVERY_DEADLINE_MS },
        previous: cache.get(key)?.memos,
        onProgress: (progress) => {
          lastProgress.set(key, progress);
          const now = performance.now();
          if (now - lastEmit > 50 || progress.phase === "account done") {
            lastEmit = now;
            events.emit(key, { type: "progress", progress } satisfies ProgressEvent);
          }
        },
      });
      const topology: Topology = {
        source: { id: source.id, kind: source.kind, label: source.label },
        accountId: result.hubAccountId,
        region: estate.regions[0]!,
        estate: result.summary,
        nodes: result.nodes,
        edges: result.edges,
        ...(result.prefixLists.length > 0 ? { prefixLists: result.prefixLists } : {}),
        warnings: result.warnings,
        stats: {
          calls: Object.fromEntries([...result.calls].sort(([a], [b]) => a.localeCompare(b))),
          totalCalls: [...result.calls.values()].reduce((a, b) => a + b, 0),
          wallMs: Math.round(performance.now() - started),
          reused: result.reused,
          cached: false,
          discoveredAt: new Date().toISOString(),
        },
      };
      const groups = result.nodes.flatMap((n) => (n.kind === "securityGroup" ? [n.data] : []));
      const entry: Entry = {
        topology,
        index: new GraphIndex(result.nodes, result.edges, groups, result.warnings, result.prefixLists),
        memo: { configurations: new Map(), vpcAssociations: new Map() },
        memos: result.memos,
        complete: result.warnings.length === 0,
        readWarnings: result.warnings,
        kept: 0,
        etag: `"${key}|${topology.stats.discoveredAt}"`,
        encoded: {},
      };
      store(key, entry);
      stale.delete(key);
      events.emit(key, { type: "done" } satisfies ProgressEvent);
      return entry;
    } catch (error) {
      const appError =
        error instanceof AwsFailure || !(error instanceof Error && "status" in error)
          ? toSourceError(error, source)
          : error;
      events.emit(key, { type: "error", message: appError.message } satisfies ProgressEvent);
      throw appError;
    }
  }

  /** A snapshot: its frozen topology, indexed like a live one; no AWS call, nothing to refresh. */
  async function frozen(source: SourceDefinition, key: string): Promise<Entry> {
    if (source.connection.kind !== "snapshot" || !options.snapshots)
      throw new AppError("NOT_FOUND", `${source.id} is not a snapshot this server keeps.`, { field: "source" });
    const topology = await options.snapshots.topology(source.connection.snapshotId);
    const groups = topology.nodes.flatMap((n) => (n.kind === "securityGroup" ? [n.data] : []));
    const entry: Entry = {
      topology: { ...topology, source: { id: source.id, kind: "snapshot", label: source.label } },
      complete: topology.warnings.length === 0,
      readWarnings: topology.warnings,
      kept: 0,
      index: new GraphIndex(topology.nodes, topology.edges, groups, topology.warnings, topology.prefixLists ?? []),
      memo: { configurations: new Map(), vpcAssociations: new Map() },
      etag: `"snapshot-${source.connection.snapshotId}"`,
      encoded: {},
    };
    cache.set(key, entry);
    return entry;
  }

  /** The read of one account, full or patched: what liveEntry makes an entry of. */
  interface AccountRead {
    inputs: DiscoveryInputs;
    memo: DiscoveryMemo;
    reused: number;
    warnings: Warning[];
  }

  /**
   * The entry of one account's read (a full discovery, or a patch of the last one): the graph built from its inputs,
   * references outside the account made named stubs, indexed, with the runner's calls as its stats.
   */
  function liveEntry(
    source: SourceDefinition,
    at: { key: string; accountId: string; region: string },
    read: AccountRead,
    runner: CallRunner,
    started: number,
    when: { discoveredAt: string; patchedAt?: string; etag: string },
  ): Entry {
    const { key, accountId, region } = at;
    const built = buildGraph(read.inputs);
    // References outside this account (a network shared with it, another account's endpoint) become named stubs.
    const graph = mergeGraphs([{ ...built, accountId, region }], {
      unreadable: new Map(),
      readAccounts: new Set([accountId]),
    });
    const groups = read.inputs.securityGroups.map(({ name: _name, ...group }) => group);
    const topology: Topology = {
      source: { id: source.id, kind: source.kind, label: source.label },
      accountId,
      region,
      nodes: graph.nodes,
      edges: graph.edges,
      ...(built.prefixLists.length > 0 ? { prefixLists: built.prefixLists } : {}),
      ...(built.domainVerifications.length > 0 ? { domainVerifications: built.domainVerifications } : {}),
      warnings: read.warnings,
      stats: {
        calls: Object.fromEntries([...runner.calls].sort(([a], [b]) => a.localeCompare(b))),
        totalCalls: runner.totalCalls(),
        wallMs: Math.round(performance.now() - started),
        reused: read.reused,
        cached: false,
        discoveredAt: when.discoveredAt,
        ...(when.patchedAt ? { patchedAt: when.patchedAt } : {}),
      },
    };
    return {
      topology,
      complete: read.warnings.length === 0,
      readWarnings: read.warnings,
      kept: 0,
      index: new GraphIndex(graph.nodes, graph.edges, groups, read.warnings, built.prefixLists),
      memo: read.memo,
      inputs: read.inputs,
      etag: `"${key}|${when.etag}"`,
      encoded: {},
    };
  }

  /** A run's answer: cached, no longer stale unless a change came during the run, and told to who follows it. */
  function settle(key: string, entry: Entry, changesAtStart: number): Entry {
    store(key, entry);
    if ((changes.get(key) ?? 0) === changesAtStart) stale.delete(key);
    events.emit(key, { type: "done" } satisfies ProgressEvent);
    return entry;
  }

  /** A runner of one account's read, with the discovery deadline. */
  const accountRunner = (): CallRunner =>
    new CallRunner({ ...(options.runner ?? {}), deadlineMs: options.deadlineMs ?? DEFAULT_DISCOVERY_DEADLINE_MS });

  /**
   * After changes: only the slices they touched are read again, and the picture is rebuilt from the last
   * read's inputs with those replaced. Throws when that cannot answer (the caller then reads everything).
   */
  async function patch(
    source: SourceDefinition,
    region: string,
    key: string,
    previous: Entry & { inputs: DiscoveryInputs },
    slices: string[],
    changesAtStart: number,
  ): Promise<Entry> {
    const started = performance.now();
    const runner = accountRunner();
    const readers = createReaders(options.registry.clients(source, region), runner);
    const result = await rereadSlices(readers, { inputs: previous.inputs, memo: previous.memo }, slices);
    const discoveredAt = previous.topology.stats.discoveredAt;
    patches += 1;
    const entry = liveEntry(
      source,
      { key, accountId: previous.topology.accountId, region },
      { ...result, warnings: [] },
      runner,
      started,
      { discoveredAt, patchedAt: new Date().toISOString(), etag: `${discoveredAt}|patched-${patches}` },
    );
    return settle(key, entry, changesAtStart);
  }

  async function run(source: SourceDefinition, region: string, key: string, refresh: boolean): Promise<Entry> {
    if (source.kind === "snapshot") return frozen(source, key);
    if (source.estate) return runEstate(source, key);
    const changesAtStart = changes.get(key) ?? 0;
    const previous = cache.get(key);
    const marks = stale.get(key);
    // Only what changes touched, on a complete picture of the last read: else (or if that fails) everything.
    if (!refresh && marks instanceof Set && previous?.inputs && previous.complete && previous.kept === 0) {
      try {
        return await patch(source, region, key, { ...previous, inputs: previous.inputs }, [...marks], changesAtStart);
      } catch {
        // Read everything instead, below.
      }
    }
    const started = performance.now();
    const identity = await options.registry.identity(source, region);
    const runner = accountRunner();
    const readers = createReaders(options.registry.clients(source, region), runner);
    let lastEmit = 0;
    try {
      const result = await discover(readers, {
        accountId: identity.accountId,
        region,
        previous: previous?.memo,
        onProgress: (progress) => {
          lastProgress.set(key, progress);
          const now = performance.now();
          if (now - lastEmit > 50 || progress.phase === "done") {
            lastEmit = now;
            events.emit(key, { type: "progress", progress } satisfies ProgressEvent);
          }
        },
      });
      // A result with failures never replaces a complete picture, and one that read nothing replaces none.
      const allFailed = result.attempted > 0 && result.failed === result.attempted;
      if (previous && (allFailed || (result.warnings.length > 0 && previous.complete))) {
        const kept: Entry = {
          ...previous,
          topology: {
            ...previous.topology,
            warnings: [...previous.readWarnings, ...onKeptPicture(result.warnings, previous.topology)],
            stats: { ...previous.topology.stats, cached: true },
          },
          kept: previous.kept + 1,
          etag: `"${key}|${previous.topology.stats.discoveredAt}|kept-${previous.kept + 1}"`,
          encoded: {},
        };
        return settle(key, kept, changesAtStart);
      }
      if (allFailed) throw nothingRead(result.warnings, source, region);
      const discoveredAt = new Date().toISOString();
      const entry = liveEntry(source, { key, accountId: identity.accountId, region }, result, runner, started, {
        discoveredAt,
        etag: discoveredAt,
      });
      return settle(key, entry, changesAtStart);
    } catch (error) {
      const appError =
        error instanceof AwsFailure || !(error instanceof Error && "status" in error)
          ? toSourceError(error, source)
          : error;
      events.emit(key, { type: "error", message: appError.message } satisfies ProgressEvent);
      throw appError;
    }
  }

  async function entry(sourceId: string, region: string, refresh = false): Promise<{ entry: Entry; fresh: boolean }> {
    const source = await options.registry.get(sourceId);
    const key = keyOf(source.id, region);
    const cached = cache.get(key);
    if (cached && !refresh && !stale.has(key)) {
      options.onCache?.(true);
      return { entry: cached, fresh: false };
    }
    options.onCache?.(false);
    const current = inflight.get(key);
    // A run that began before the latest change cannot answer for after it, and one that may re-read only
    // some slices cannot answer a refresh: queue a new one behind it.
    if (current && (current.changes !== (changes.get(key) ?? 0) || (refresh && current.partial)))
      await current.promise.catch(() => undefined);
    let pending = inflight.get(key);
    if (!pending) {
      const started = performance.now();
      const seen = { changes: changes.get(key) ?? 0, partial: !refresh && stale.get(key) instanceof Set };
      const measured = (outcome: "ok" | "error") => {
        if (source.kind !== "snapshot") options.onDiscovery?.((performance.now() - started) / 1000, outcome);
      };
      const promise = run(source, region, key, refresh)
        .then(
          (found) => {
            measured("ok");
            return found;
          },
          (error: unknown) => {
            measured("error");
            throw error;
          },
        )
        .finally(() => inflight.delete(key));
      pending = { promise, ...seen };
      inflight.set(key, pending);
    }
    return { entry: await pending.promise, fresh: true };
  }

  return {
    async topology(sourceId: string, region: string, refresh = false): Promise<Topology> {
      const { entry: found, fresh } = await entry(sourceId, region, refresh);
      return fresh ? found.topology : asCached(found.topology);
    },
    /**
     * The topology as the bytes that answer for it and their ETag: serialised and compressed once per
     * version (the run's own answer, and the cached one), shared by every request.
     */
    async encoded(sourceId: string, region: string, refresh = false): Promise<EncodedBody> {
      const { entry: found, fresh } = await entry(sourceId, region, refresh);
      if (fresh) return (found.encoded.fresh ??= new EncodedBody(found.topology, found.etag));
      // The cached form outlives the run's own answer: free that one.
      delete found.encoded.fresh;
      return cachedBody(found);
    },
    async index(sourceId: string, region: string): Promise<GraphIndex> {
      return (await entry(sourceId, region)).entry.index;
    },
    /** The index with the account it describes and what discovery could not read (cached unless stale). */
    async snapshot(
      sourceId: string,
      region: string,
    ): Promise<{ index: GraphIndex; accountId: string; warnings: Topology["warnings"] }> {
      const { entry: found } = await entry(sourceId, region);
      return { index: found.index, accountId: found.topology.accountId, warnings: found.topology.warnings };
    },
    /** The cached index, if any, without discovering. */
    peek(sourceId: string, region: string): GraphIndex | undefined {
      return cache.get(keyOf(sourceId, region))?.index;
    },
    /** Listen to discovery progress for a source/region; returns the unsubscribe function. */
    subscribe(sourceId: string, region: string, listener: (event: ProgressEvent) => void): () => void {
      const key = keyOf(sourceId, region);
      events.on(key, listener);
      const last = lastProgress.get(key);
      if (inflight.has(key) && last) listener({ type: "progress", progress: last });
      return () => events.off(key, listener);
    },
    isRunning(sourceId: string, region: string): boolean {
      return inflight.has(keyOf(sourceId, region));
    },
    /** Drop what is cached for a source (a deleted snapshot). */
    forget(sourceId: string): void {
      for (const key of [...cache.keys()]) if (key.startsWith(`${sourceId}|`)) cache.delete(key);
    },
    /**
     * After a change: the next read of this source/region re-reads the slices it touched (slices.ts), or,
     * without slices, the whole account (other entries stay cached; unchanged items still reuse the previous
     * run's Gets).
     */
    invalidate(sourceId: string, region: string, slices?: readonly string[]): void {
      mark(keyOf(sourceId, region), slices);
    },
    /** Every cached entry out of date (a replica that may have missed other replicas' changes). */
    invalidateAll(): void {
      for (const key of new Set([...cache.keys(), ...inflight.keys()])) mark(key, undefined);
    },
  };
}

export type TopologyService = ReturnType<typeof createTopologyService>;
