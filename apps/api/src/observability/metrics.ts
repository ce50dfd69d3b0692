/**
 * Prometheus metrics (prom-client), one registry per app (two replicas in one test process do not share
 * counters): HTTP requests by route pattern, method and status, with their duration; AWS calls by service,
 * operation and outcome (counted once per call, outside the SDK's retries, by a middleware on every client);
 * discovery duration; topology cache hits and misses; changes in flight. Route labels are the route's
 * pattern (`/api/views/:id`), never the URL, so ids and query strings (tokens) never become labels.
 */
import client from "prom-client";
import type { FailureKind } from "../aws/failures.js";

export type AwsOutcome = "ok" | FailureKind;

export interface Metrics {
  registry: client.Registry;
  request(route: string, method: string, status: number, seconds: number): void;
  awsCall(service: string, operation: string, outcome: AwsOutcome): void;
  discovery(seconds: number, outcome: "ok" | "error"): void;
  cache(hit: boolean): void;
  /** The Prometheus text exposition. */
  render(): Promise<string>;
}

export function createMetrics(options: { inflightChanges?: () => number; defaultMetrics?: boolean } = {}): Metrics {
  const registry = new client.Registry();
  if (options.defaultMetrics ?? true) client.collectDefaultMetrics({ register: registry, prefix: "atlas_" });
  const requests = new client.Counter({
    name: "atlas_http_requests_total",
    help: "HTTP requests answered, by route pattern, method and status code.",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const requestSeconds = new client.Histogram({
    name: "atlas_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route pattern and method.",
    labelNames: ["route", "method"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const awsCalls = new client.Counter({
    name: "atlas_aws_calls_total",
    help: "AWS API calls (after the SDK's retries), by service, operation and outcome (ok or the failure's kind).",
    labelNames: ["service", "operation", "outcome"] as const,
    registers: [registry],
  });
  const discoverySeconds = new client.Histogram({
    name: "atlas_discovery_duration_seconds",
    help: "Time one discovery of a live source took, by outcome.",
    labelNames: ["outcome"] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120],
    registers: [registry],
  });
  const cacheLookups = new client.Counter({
    name: "atlas_topology_cache_lookups_total",
    help: "Topology requests answered from the cache (hit) or by a discovery (miss).",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  if (options.inflightChanges) {
    const inflight = options.inflightChanges;
    new client.Gauge({
      name: "atlas_changes_in_flight",
      help: "Changes sent to AWS and not yet answered and recorded.",
      registers: [registry],
      collect() {
        this.set(inflight());
      },
    });
  }
  return {
    registry,
    request(route, method, status, seconds) {
      requests.inc({ route, method, status: String(status) });
      requestSeconds.observe({ route, method }, seconds);
    },
    awsCall: (service, operation, outcome) => awsCalls.inc({ service, operation, outcome }),
    discovery: (seconds, outcome) => discoverySeconds.observe({ outcome }, seconds),
    cache: (hit) => cacheLookups.inc({ result: hit ? "hit" : "miss" }),
    render: () => registry.metrics(),
  };
}
