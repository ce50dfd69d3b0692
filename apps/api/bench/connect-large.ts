/**
 * Connect, "reachable from" and plan impact on the `large` scenario: time per
 * answer for the consumer VPCs with the most targets, next to a bound.
 *   npx tsx apps/api/bench/connect-large.ts
 */
import { startTestApp } from "../src/testing/app.js";

const BOUND_MS = { connect: 250, reachableFrom: 500, plan: 500 };

const t = await startTestApp({ scenario: "large" });
try {
  const topology = (await t.request({ method: "GET", url: "/api/topology?region=us-east-1" })).json() as {
    nodes: Array<{ id: string; kind: string; data: Record<string, unknown> }>;
  };
  console.log(`large: ${topology.nodes.length} nodes`);
  const consumers = topology.nodes.filter((n) => n.kind === "vpc" && (n.data.roles as string[]).includes("consumer"));
  const time = async (url: string, init: { method?: string; body?: unknown } = {}) => {
    const started = performance.now();
    const response = await t.request({
      method: (init.method ?? "GET") as "GET",
      url,
      ...(init.body
        ? { payload: init.body as object, headers: { "x-atlas-csrf": "1", origin: "http://127.0.0.1:8080" } }
        : {}),
    });
    const ms = performance.now() - started;
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    return { ms, body: response.json() as Record<string, unknown[]> };
  };
  const connectTimes: number[] = [];
  let rows = 0;
  for (const vpc of consumers.slice(0, 20)) {
    const { ms, body } = await time(`/api/connect?region=us-east-1&from=${vpc.id}`);
    connectTimes.push(ms);
    rows = Math.max(rows, body.reachable!.length + body.unreachable!.length);
  }
  connectTimes.sort((a, b) => a - b);
  const median = connectTimes[Math.floor(connectTimes.length / 2)]!;
  console.log(`connect: ${rows} rows per answer, median ${median.toFixed(0)} ms (bound ${BOUND_MS.connect} ms)`);
  const cluster = topology.nodes.find((n) => n.kind === "dbCluster");
  if (cluster) {
    const { ms, body } = await time(`/api/reachable-from?region=us-east-1&to=${encodeURIComponent(cluster.id)}`);
    console.log(`reachable-from: ${body.vpcs!.length} rows, ${ms.toFixed(0)} ms (bound ${BOUND_MS.reachableFrom} ms)`);
  }
  const association = topology.nodes.find((n) => n.kind === "resourceAssociation" && !n.data.isManaged);
  if (association) {
    const { ms, body } = await time("/api/actions/plan", {
      method: "POST",
      body: { region: "us-east-1", action: { type: "remove-resource-association", associationId: association.id } },
    });
    console.log(
      `plan with impact: ${body.impact!.length} VPCs affected, ${ms.toFixed(0)} ms (bound ${BOUND_MS.plan} ms)`,
    );
  }
} finally {
  await t.close();
}
