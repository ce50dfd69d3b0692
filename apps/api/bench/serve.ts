/**
 * pnpm bench:serve — serving a cached topology to many clients at once. For each scenario (`large`, then
 * `field-report`) it starts the real server (apps/api/src/server.ts, embedded emulator, 127.0.0.1 only) as a
 * child process, warms the cache with one discovery, then drives GET /api/topology (gzip accepted) with 50
 * concurrent keep-alive clients and prints requests/s, p50/p99 latency and the server's RSS before, at its
 * peak and after, each next to its target; then the same with If-None-Match (304s).
 * The clients are node:http with a keep-alive agent, reading each body to its end: autocannon (tried first)
 * parses 600 kB bodies too slowly to load the server on a 2-core machine and measured itself instead.
 *   --scenario <name> (repeatable; large and field-report)  --connections <n> (50)  --duration <s> (15)
 */
import { spawn, type ChildProcess } from "node:child_process";
import { Agent, get } from "node:http";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    scenario: { type: "string", multiple: true },
    connections: { type: "string", default: "50" },
    duration: { type: "string", default: "15" },
  },
});
const scenarios = values.scenario ?? ["large", "field-report"];
const connections = Number(values.connections);
const duration = Number(values.duration);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Where each scenario puts its account (the server's default region otherwise). */
const REGION: Record<string, string> = { large: "us-east-1" };
const TARGETS = { requestsPerSecond: 200, p99Ms: 500, rssMb: 450 };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resident set of one process, MB (Linux /proc). */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function startServer(scenario: string): Promise<{ url: string; child: ChildProcess; stop: () => void }> {
  const [port, emulatorPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(path.join(tmpdir(), "atlas-bench-serve-"));
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(root, "apps/api/src/server.ts"),
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--emulator-port",
      String(emulatorPort),
      "--scenario",
      scenario,
      "--data-dir",
      dataDir,
      // Serving is measured here, not discovery: let a loaded machine finish reading `large`.
      "--discovery-deadline",
      "600",
      ...(REGION[scenario] ? ["--region", REGION[scenario]] : []),
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ATLAS_WEB_ROOT: dataDir } },
  );
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (/is running at/.test(out)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`server exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: () => {
      child.kill("SIGTERM");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The size of one answer as sent (fetch would decompress it). */
function wireBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { "accept-encoding": "gzip" } }, (response) => {
      let size = 0;
      response.on("data", (chunk: Buffer) => (size += chunk.length));
      response.on("end", () => resolve(size));
    }).on("error", reject);
  });
}

const line = (label: string, value: string, bound = "") =>
  console.log(`  ${label.padEnd(44)} ${value.padStart(12)}  ${bound}`);
const verdict = (ok: boolean) => (ok ? "ok" : "MISSED");

interface Run {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
}

/** `connections` clients, each sending its next request when the last answer has been read to its end. */
async function load(url: string, headers: Record<string, string>): Promise<Run> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      get(url, { agent, headers, timeout: 60_000 }, (response) => {
        response.on("data", () => undefined);
        response.on("end", () => {
          latencies.push(performance.now() - started);
          statuses[response.statusCode ?? 0] = (statuses[response.statusCode ?? 0] ?? 0) + 1;
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
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) await one();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0);
  return { requestsPerSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), statuses, errors };
}

async function drive(url: string, headers: Record<string, string>, pid: number) {
  let peak = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  const result = await load(url, headers);
  clearInterval(sampler);
  return { result, peak: Math.max(peak, rssMb(pid)) };
}

for (const scenario of scenarios) {
  const server = await startServer(scenario);
  const pid = server.child.pid!;
  const topologyUrl = `${server.url}/api/topology`;
  const started = performance.now();
  const warm = await fetch(topologyUrl, { headers: { "accept-encoding": "gzip" } });
  const body = Buffer.from(await warm.arrayBuffer());
  const warmMs = performance.now() - started;
  const etag = warm.headers.get("etag") ?? "";
  const nodes = (JSON.parse(body.toString("utf8")) as { nodes: unknown[] }).nodes.length;
  const wire = await wireBytes(topologyUrl);
  const rssBefore = rssMb(pid);
  const full = await drive(topologyUrl, { "accept-encoding": "gzip" }, pid);
  const rssAfterFull = rssMb(pid);
  const conditional = await drive(topologyUrl, { "accept-encoding": "gzip", "if-none-match": etag }, pid);
  const rssAfter = rssMb(pid);
  server.stop();

  const r = full.result;
  console.log(
    `\nGET /api/topology on the ${scenario} scenario (cached: ${nodes} nodes, ${(body.length / 1e6).toFixed(1)} MB JSON; discovery ${(warmMs / 1000).toFixed(1)} s)`,
  );
  console.log(`${connections} concurrent clients for ${duration} s, gzip accepted:`);
  const isLarge = scenario === "large";
  line(
    "requests/s",
    r.requestsPerSecond.toFixed(0),
    isLarge
      ? `target ≥ ${TARGETS.requestsPerSecond} → ${verdict(r.requestsPerSecond >= TARGETS.requestsPerSecond)}`
      : "",
  );
  line("latency p50", `${r.p50} ms`);
  line("latency p99", `${r.p99} ms`, `target ≤ ${TARGETS.p99Ms} ms → ${verdict(r.p99 <= TARGETS.p99Ms)}`);
  const non200 = Object.entries(r.statuses).filter(([code]) => code !== "200");
  line("non-200 answers / errors", `${non200.reduce((sum, [, n]) => sum + n, 0)} / ${r.errors}`, "target 0");
  line("bytes on the wire per answer (gzip)", `${(wire / 1e3).toFixed(0)} kB`);
  line("server RSS before (cache warm)", `${rssBefore.toFixed(0)} MB`);
  line(
    "server RSS peak during the run",
    `${full.peak.toFixed(0)} MB`,
    `target ≤ ${TARGETS.rssMb} MB (embedded emulator included) → ${verdict(full.peak <= TARGETS.rssMb)}`,
  );
  line("server RSS after", `${rssAfterFull.toFixed(0)} MB`);
  const c = conditional.result;
  console.log(`the same with If-None-Match (a client that has this version):`);
  line("requests/s (304)", c.requestsPerSecond.toFixed(0));
  line("latency p50 / p99", `${c.p50} / ${c.p99} ms`);
  line(
    "statuses",
    Object.entries(c.statuses)
      .map(([code, n]) => `${code}×${n}`)
      .join(" ") || "-",
  );
  line("server RSS peak / after", `${conditional.peak.toFixed(0)} / ${rssAfter.toFixed(0)} MB`);
}
process.exit(0);
