/**
 * Topologies per source and region: a cache with explicit refresh, single
 * flight (concurrent requests share one run), incremental refresh (the
 * previous run's memo lets unchanged items skip their Get), progress events
 * for the UI, and typed errors for credentials (never cached as empty).
 */
import { EventEmitter } from "node:events";
import type { DiscoveryProgress, Topology } from "@lattice-atlas/shared";
import { AwsFailure, CallRunner, createReaders, type RunnerOptions } from "../aws/index.js";
import { GraphIndex } from "../connect/graph-index.js";
import type { SourceDefinition, SourceRegistry } from "../sources/registry.js";
import { toSourceError } from "../sources/registry.js";
import { buildGraph } from "./build.js";
import { discover, type DiscoveryMemo } from "./discover.js";

interface Entry {
  topology: Topology;
  index: GraphIndex;
  memo: DiscoveryMemo;
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

export function createTopologyService(options: TopologyServiceOptions) {
  const cache = new Map<string, Entry>();
  const inflight = new Map<string, Promise<Entry>>();
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const lastProgress = new Map<string, DiscoveryProgress>();

  async function run(source: SourceDefinition, region: string, key: string): Promise<Entry> {
    const started = performance.now();
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
      const graph = buildGraph(result.inputs);
      const topology: Topology = {
        source: { id: source.id, kind: source.kind, label: source.label },
        accountId: identity.accountId,
        region,
        nodes: graph.nodes,
        edges: graph.edges,
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
      const entry = { topology, index: new GraphIndex(graph.nodes, graph.edges), memo: result.memo };
      cache.set(key, entry);
      events.emit(key, { type: "done" } satisfies ProgressEvent);
      return entry;
    } catch (error) {
      const appError = error instanceof AwsFailure || !(error instanceof Error && "status" in error) ? toSourceError(error, source) : error;
      events.emit(key, { type: "error", message: appError.message } satisfies ProgressEvent);
      throw appError;
    }
  }

  async function entry(sourceId: string, region: string, refresh = false): Promise<Entry & { fresh: boolean }> {
    const source = await options.registry.get(sourceId);
    const key = `${source.id}|${region}`;
    const cached = cache.get(key);
    if (cached && !refresh) return { ...cached, fresh: false };
    let pending = inflight.get(key);
    if (!pending) {
      pending = run(source, region, key).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    return { ...(await pending), fresh: true };
  }

  return {
    async topology(sourceId: string, region: string, refresh = false): Promise<Topology> {
      const result = await entry(sourceId, region, refresh);
      return result.fresh ? result.topology : { ...result.topology, stats: { ...result.topology.stats, cached: true } };
    },
    async index(sourceId: string, region: string): Promise<GraphIndex> {
      return (await entry(sourceId, region)).index;
    },
    /** Listen to discovery progress for a source/region; returns the unsubscribe function. */
    subscribe(sourceId: string, region: string, listener: (event: ProgressEvent) => void): () => void {
      const key = `${sourceId}|${region}`;
      events.on(key, listener);
      const last = lastProgress.get(key);
      if (inflight.has(key) && last) listener({ type: "progress", progress: last });
      return () => events.off(key, listener);
    },
    isRunning(sourceId: string, region: string): boolean {
      return inflight.has(`${sourceId}|${region}`);
    },
    /** Forget cached topologies of a source (after a mutation). */
    invalidate(sourceId: string, region: string): void {
      cache.delete(`${sourceId}|${region}`);
    },
  };
}

export type TopologyService = ReturnType<typeof createTopologyService>;
