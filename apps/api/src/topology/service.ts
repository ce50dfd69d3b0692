/**
 * Topologies per source and region: a cache with explicit refresh, single
 * flight (concurrent requests share one run), incremental refresh (the
 * previous run's memo lets unchanged items skip their Get), progress events
 * for the UI, and typed errors for credentials (never cached as empty).
 */
import { EventEmitter } from "node:events";
import type { DiscoveryProgress, Topology } from "@lattice-atlas/shared";
import { AwsFailure, CallRunner, createReaders, type RunnerOptions } from "../aws/index.js";
import { GraphIndex } from "../lattice/graph-index.js";
import type { SourceDefinition, SourceRegistry } from "../sources/registry.js";
import { toSourceError } from "../sources/registry.js";
import { buildGraph } from "./build.js";
import { discover, type DiscoveryMemo } from "./discover.js";
import { discoverEstate } from "./estate.js";
import { mergeGraphs } from "./merge.js";

interface Entry {
  topology: Topology;
  index: GraphIndex;
  memo: DiscoveryMemo;
  /** An estate's memos, per account and region. */
  memos?: Map<string, DiscoveryMemo>;
}

export interface TopologyServiceOptions {
  registry: SourceRegistry;
  runner?: Omit<RunnerOptions, "onCall" | "signal">;
}

export interface ProgressEvent {
  type: "progress" | "done" | "error";
  progress?: DiscoveryProgress;
  message?: string;
}

/** The cache key of a source and region; an estate is one graph of all its regions, whatever region is asked. */
const keyOf = (sourceId: string, region: string): string =>
  sourceId === "estate" || sourceId.startsWith("estate:") ? `${sourceId}|estate` : `${sourceId}|${region}`;

export function createTopologyService(options: TopologyServiceOptions) {
  const cache = new Map<string, Entry>();
  /** Entries a change made out of date: re-read on next use, reusing their memo. */
  const stale = new Set<string>();
  /** Changes seen per entry, so that a run that began before a change does not clear its staleness. */
  const changes = new Map<string, number>();
  const inflight = new Map<string, { promise: Promise<Entry>; changes: number }>();
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const lastProgress = new Map<string, DiscoveryProgress>();

  /** An estate: every member account and region in one graph. */
  async function runEstate(source: SourceDefinition, key: string): Promise<Entry> {
    const started = performance.now();
    const estate = source.estate!;
    let lastEmit = 0;
    try {
      const result = await discoverEstate(estate, {
        clients: (connection, region) => options.registry.clientsFor(source.id, connection, region),
        runner: options.runner,
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
      };
      cache.set(key, entry);
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

  async function run(source: SourceDefinition, region: string, key: string): Promise<Entry> {
    if (source.estate) return runEstate(source, key);
    const started = performance.now();
    const changesAtStart = changes.get(key) ?? 0;
    const identity = await options.registry.identity(source, region);
    const runner = new CallRunner(options.runner ?? {});
    const readers = createReaders(options.registry.clients(source, region), runner);
    let lastEmit = 0;
    const previous = cache.get(key);
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
      const built = buildGraph(result.inputs);
      // References outside this account (a network shared with it, another account's endpoint) become named stubs.
      const graph = mergeGraphs([{ ...built, accountId: identity.accountId, region }], {
        unreadable: new Map(),
        readAccounts: new Set([identity.accountId]),
      });
      const topology: Topology = {
        source: { id: source.id, kind: source.kind, label: source.label },
        accountId: identity.accountId,
        region,
        nodes: graph.nodes,
        edges: graph.edges,
        ...(built.prefixLists.length > 0 ? { prefixLists: built.prefixLists } : {}),
        ...(built.domainVerifications.length > 0 ? { domainVerifications: built.domainVerifications } : {}),
        warnings: result.warnings,
        stats: {
          calls: Object.fromEntries([...runner.calls].sort(([a], [b]) => a.localeCompare(b))),
          totalCalls: runner.totalCalls(),
          wallMs: Math.round(performance.now() - started),
          reused: result.reused,
          cached: false,
          discoveredAt: new Date().toISOString(),
        },
      };
      const groups = result.inputs.securityGroups.map(({ name: _name, ...group }) => group);
      const entry = {
        topology,
        index: new GraphIndex(graph.nodes, graph.edges, groups, result.warnings, built.prefixLists),
        memo: result.memo,
      };
      cache.set(key, entry);
      if ((changes.get(key) ?? 0) === changesAtStart) stale.delete(key);
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

  async function entry(sourceId: string, region: string, refresh = false): Promise<Entry & { fresh: boolean }> {
    const source = await options.registry.get(sourceId);
    const key = keyOf(source.id, region);
    const cached = cache.get(key);
    if (cached && !refresh && !stale.has(key)) return { ...cached, fresh: false };
    const current = inflight.get(key);
    // A run that began before the latest change cannot answer for after it: queue a new one behind it.
    if (current && current.changes !== (changes.get(key) ?? 0)) await current.promise.catch(() => undefined);
    let pending = inflight.get(key);
    if (!pending) {
      const promise = run(source, region, key).finally(() => inflight.delete(key));
      pending = { promise, changes: changes.get(key) ?? 0 };
      inflight.set(key, pending);
    }
    return { ...(await pending.promise), fresh: true };
  }

  return {
    async topology(sourceId: string, region: string, refresh = false): Promise<Topology> {
      const result = await entry(sourceId, region, refresh);
      return result.fresh ? result.topology : { ...result.topology, stats: { ...result.topology.stats, cached: true } };
    },
    async index(sourceId: string, region: string): Promise<GraphIndex> {
      return (await entry(sourceId, region)).index;
    },
    /** The index with the account it describes and what discovery could not read (cached unless stale). */
    async snapshot(
      sourceId: string,
      region: string,
    ): Promise<{ index: GraphIndex; accountId: string; warnings: Topology["warnings"] }> {
      const result = await entry(sourceId, region);
      return { index: result.index, accountId: result.topology.accountId, warnings: result.topology.warnings };
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
    /**
     * After a change: the next read of this source/region re-discovers (other
     * entries stay cached); unchanged items still reuse the previous run's Gets.
     */
    invalidate(sourceId: string, region: string): void {
      const key = keyOf(sourceId, region);
      changes.set(key, (changes.get(key) ?? 0) + 1);
      stale.add(key);
    },
  };
}

export type TopologyService = ReturnType<typeof createTopologyService>;
