/**
 * pnpm bench:team — two API replicas on one throwaway PostgreSQL, behind no balancer: 50 concurrent clients
 * split across both (client i → replica i mod 2) drive GET /api/topology (gzip) on `field-report` and `large`;
 * then a change made through replica A (associate-service, then its removal) is timed until replica B's
 * /api/topology shows it. Prints requests/s, p50/p99, and the propagation time (median of N), each next to
 * its bound. The replicas are real server processes (apps/api/src/server.ts, --database-url) reading one
 * emulator process; the database is a throwaway cluster (testing/postgres.ts).
 * Sign-in: the replicas run in team mode (--mode team --trusted-proxy 127.0.0.1/32), and each of the 50 clients is
 * a user signed in by an authenticating proxy's identity headers (X-Forwarded-Email, X-Forwarded-Groups: viewer);
 * before the load each client's GET /api/me must answer its user and role, and a request without them 401. The
 * changes are made by an operator (atlas-<user> session names apply where a role is assumed; not here).
 *   --scenario <name> (repeatable)  --connections <n> (50)  --duration <s> (10)  --changes <n> (5)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, get } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { CreateServiceNetworkCommand, VPCLatticeClient } from "@aws-sdk/client-vpc-lattice";
import type { ExecuteResponse, Topology } from "@lattice-atlas/shared";
import { startTestPostgres } from "../src/testing/postgres.js";
import { freePort } from "../src/testing/replicas.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const { values } = parseArgs({
  options: {
    scenario: { type: "string", multiple: true },
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "10" },
    changes: { type: "string", default: "5" },
  },
});
const scenarios = values.scenario ?? ["field-report", "large"];
const connections = Number(values.connections);
const duration = Number(values.duration);
const changes = Number(values.changes);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const REGION: Record<string, string> = { large: "us-east-1", "field-report": "ap-northeast-1" };
/** Two replicas together: the single-server targets of bench:serve; propagation beyond B's own re-read. */
const BOUNDS = { requestsPerSecond: 200, p99Ms: 500, propagationMs: 1000 };
/** How long B is watched for a change before it counts as not shown. */
const PROPAGATION_WAIT_MS = 180_000;

function spawnUntil(
  args: string[],
  ready: RegExp,
  env: NodeJS.ProcessEnv = {},
  stderr: "inherit" | "ignore" = "inherit",
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", stderr],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (ready.test(out)) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`${args[0]} exited (${code}): ${out}`)));
  });
}

interface Replica {
  url: string;
  child: ChildProcess;
}

async function startReplica(emulatorUrl: string, databaseUrl: string, scenario: string, dir: string) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(dir, "replica-"));
  const child = await spawnUntil(
    [
      "apps/api/src/server.ts",
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--emulator-url",
      emulatorUrl,
      "--database-url",
      databaseUrl,
      "--data-dir",
      dataDir,
      "--discovery-deadline",
      "600",
      "--region",
      REGION[scenario] ?? "ap-northeast-1",
      "--mode",
      "team",
      "--trusted-proxy",
      "127.0.0.1/32",
    ],
    /is running at/,
    { ATLAS_WEB_ROOT: dataDir },
  );
  return { url: `http://127.0.0.1:${port}`, child } satisfies Replica;
}

interface Run {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non200: number;
  errors: number;
}

/** Client i's identity, as the authenticating proxy in front of the replicas passes it. */
const userHeaders = (i: number, group = "viewer"): Record<string, string> => ({
  "x-forwarded-email": `bench-${i}@example.com`,
  "x-forwarded-groups": group,
});
const OPERATOR = userHeaders(-1, "operator");

/** Every client is signed in (its /api/me answers its user and role) and a request without identity is 401. */
async function signIn(urls: string[]): Promise<void> {
  const anonymous = await fetch(`${urls[0]}/api/topology`);
  if (anonymous.status !== 401) throw new Error(`a request without identity answered ${anonymous.status}, not 401`);
  await Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      const response = await fetch(`${urls[i % urls.length]}/api/me`, { headers: userHeaders(i) });
      const me = (await response.json()) as { user?: { id?: string }; role?: string };
      if (response.status !== 200 || me.user?.id !== `bench-${i}@example.com` || me.role !== "viewer")
        throw new Error(`client ${i} is not signed in: ${response.status} ${JSON.stringify(me)}`);
    }),
  );
}

/** `connections` signed-in clients, client i on replica i mod 2, each sending its next request once the last is read. */
async function load(urls: string[]): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let non200 = 0;
  let errors = 0;
  const one = (url: string, client: number) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const headers = { "accept-encoding": "gzip", ...userHeaders(client) };
      get(url, { agent, headers, timeout: 60_000 }, (response) => {
        response.on("data", () => undefined);
        response.on("end", () => {
          latencies.push(performance.now() - started);
          if (response.statusCode !== 200) non200 += 1;
          resolve();
        });
      }).on("error", () => {
        errors += 1;
        resolve();
      });
    });
  const started = performance.now();
  const end = started + duration * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, i) => {
      while (performance.now() < end) await one(urls[i % urls.length]!, i);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0);
  return { requestsPerSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), non200, errors };
}

const topologyOf = async (replica: Replica): Promise<Topology> =>
  (await (await fetch(`${replica.url}/api/topology`, { headers: OPERATOR })).json()) as Topology;

async function execute(replica: Replica, action: object): Promise<ExecuteResponse> {
  const response = await fetch(`${replica.url}/api/actions/execute`, {
    method: "POST",
    headers: { origin: replica.url, "x-atlas-csrf": "1", "content-type": "application/json", ...OPERATOR },
    body: JSON.stringify({ action, clientToken: crypto.randomUUID() }),
  });
  if (response.status !== 200) throw new Error(`execute ${response.status}: ${await response.text()}`);
  return (await response.json()) as ExecuteResponse;
}

/**
 * From A's answer to B's first /api/topology that shows `seen`: total, and B's re-discovery inside it; or why
 * not within the time (B's last answer's warnings: a refresh with failures keeps the previous complete picture).
 */
async function propagation(
  b: Replica,
  seen: (t: Topology) => boolean,
): Promise<{ total: number; rediscovery: number; calls: number } | { missed: string }> {
  const started = performance.now();
  for (;;) {
    const topology = await topologyOf(b);
    if (seen(topology))
      return {
        total: performance.now() - started,
        rediscovery: topology.stats.cached ? 0 : topology.stats.wallMs,
        calls: topology.stats.cached ? 0 : topology.stats.totalCalls,
      };
    if (performance.now() - started > PROPAGATION_WAIT_MS) {
      const operations = [...new Set(topology.warnings.map((w) => `${w.operation} ${w.code}`))].slice(0, 4);
      return { missed: `warnings on B's picture: ${operations.join(", ") || "none"}` };
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN;
const line = (label: string, value: string, bound = "") =>
  console.log(`  ${label.padEnd(52)} ${value.padStart(12)}  ${bound}`);
const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");

const postgres = await startTestPostgres();
const dir = mkdtempSync(path.join(tmpdir(), "atlas-bench-team-"));
console.log(
  `bench:team — two replicas on one PostgreSQL in team mode; ${connections} users signed in by trusted-proxy headers`,
);
try {
  for (const [i, scenario] of scenarios.entries()) {
    const emulatorPort = await freePort();
    const emulator = await spawnUntil(
      ["packages/aws-emulator/src/cli.ts", "--port", String(emulatorPort), "--scenario", scenario],
      /listening on/,
      {},
      "ignore", // the emulator logs every request
    );
    const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
    // A database per scenario on the one cluster.
    const database = `bench_${i}`;
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    await client.query(`CREATE DATABASE ${database}`);
    await client.end();
    const databaseUrl = postgres.url.replace(/\/postgres$/, `/${database}`);
    const replicas = [
      await startReplica(emulatorUrl, databaseUrl, scenario, dir),
      await startReplica(emulatorUrl, databaseUrl, scenario, dir),
    ];
    const [a, b] = replicas as [Replica, Replica];
    try {
      const warmStarted = performance.now();
      const [first] = await Promise.all(replicas.map(topologyOf));
      const warmMs = performance.now() - warmStarted;
      await signIn(replicas.map((r) => r.url));
      const run = await load(replicas.map((r) => `${r.url}/api/topology`));

      // Changes through A, seen on B: associate a service with a new network, then remove the association.
      const lattice = new VPCLatticeClient({
        region: REGION[scenario] ?? "ap-northeast-1",
        endpoint: emulatorUrl,
        credentials: { accessKeyId: "atlas-emulator", secretAccessKey: "atlas-emulator" },
      });
      const network = (await lattice.send(new CreateServiceNetworkCommand({ name: `bench-sn-${i}` }))).id!;
      const service = first!.nodes.find((n) => n.kind === "service")?.id;
      if (!service) throw new Error(`the ${scenario} scenario has no Lattice service to associate`);
      // The new network was made behind the replicas' backs: both read the account again.
      await Promise.all(
        replicas.map(async (r) =>
          (await fetch(`${r.url}/api/topology?refresh=true`, { headers: OPERATOR })).arrayBuffer(),
        ),
      );
      const totals: number[] = [];
      const beyond: number[] = [];
      const rereads: number[] = [];
      const rereadCalls: number[] = [];
      const missed: string[] = [];
      for (let n = 0; n < changes; n++) {
        const made = await execute(a, { type: "associate-service", serviceNetworkId: network, serviceId: service });
        const id = made.resource.id;
        for (const step of [
          await propagation(b, (t) => JSON.stringify(t).includes(id)),
          await (async () => {
            await execute(a, { type: "remove-service-association", associationId: id });
            return propagation(b, (t) => !JSON.stringify(t).includes(id));
          })(),
        ]) {
          if ("missed" in step) {
            missed.push(step.missed);
            continue;
          }
          totals.push(step.total);
          beyond.push(step.total - step.rediscovery);
          rereads.push(step.rediscovery);
          rereadCalls.push(step.calls);
        }
      }

      console.log(
        `\n${scenario}: ${first!.nodes.length} nodes; first discovery on both replicas ${(warmMs / 1000).toFixed(1)} s`,
      );
      console.log(
        `GET /api/topology, ${connections} signed-in clients (viewer) across 2 replicas for ${duration} s, gzip accepted:`,
      );
      line(
        "requests/s (both replicas)",
        run.requestsPerSecond.toFixed(0),
        `bound ≥ ${BOUNDS.requestsPerSecond} → ${verdict(run.requestsPerSecond >= BOUNDS.requestsPerSecond)}`,
      );
      line("latency p50", `${run.p50} ms`);
      line("latency p99", `${run.p99} ms`, `bound ≤ ${BOUNDS.p99Ms} ms → ${verdict(run.p99 <= BOUNDS.p99Ms)}`);
      line("non-200 answers / errors", `${run.non200} / ${run.errors}`, "bound 0");
      console.log(
        `A change through replica A until replica B's /api/topology shows it (${totals.length + missed.length} changes):`,
      );
      line("median, B's re-discovery included", `${median(totals).toFixed(0)} ms`);
      const beyondMedian = median(beyond);
      line(
        "median, beyond B's re-discovery (notify + first read)",
        `${beyondMedian.toFixed(0)} ms`,
        `bound ≤ ${BOUNDS.propagationMs} ms → ${verdict(beyondMedian <= BOUNDS.propagationMs)}`,
      );
      line("median, B's re-read (its own answer's wallMs)", `${median(rereads).toFixed(0)} ms`);
      line("median, AWS calls of B's re-read", String(median(rereadCalls)));
      line("max, B's re-discovery included", `${Math.max(...totals).toFixed(0)} ms`);
      line(
        `not shown on B within ${PROPAGATION_WAIT_MS / 1000} s`,
        String(missed.length),
        `bound 0 → ${verdict(missed.length === 0)}${missed.length ? ` (${missed[0]})` : ""}`,
      );
    } finally {
      for (const replica of replicas) replica.child.kill("SIGTERM");
      emulator.kill("SIGTERM");
      await Promise.all(
        [...replicas.map((r) => r.child), emulator].map(
          (child) => new Promise((resolve) => (child.exitCode !== null ? resolve(0) : child.on("exit", resolve))),
        ),
      );
    }
  }
} finally {
  postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
