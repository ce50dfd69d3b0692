/**
 * pnpm bench:discovery --estate — an estate's discovery against the emulator: the `large` scenario spread over
 * 20 accounts (a networking account and 19 members reached through the read-only role) in two Regions (the second
 * one empty, as most of an estate's Regions are), 40 ms of injected latency per call. Prints:
 * - calls against the reference: each (account, Region) read alone with the single-account discovery, plus what
 *   only an estate needs (one AssumeRole per member and Region, Organizations, RAM);
 * - wall time against the lower bound under the per-account limits (per account, per service: calls ÷ limit ×
 *   latency; and the reads' critical paths ÷ the global cap);
 * - the peak in flight per service in any one account against its limit;
 * - the API's RSS.
 *   --accounts <n> (20)  --latency <ms> (40)  --second-region <name> (us-west-2)
 */
import { parseArgs } from "node:util";
import { startEmulatorProcess } from "./emulator-process.js";
import type { SourceConnection } from "../src/aws/clients.js";
import { createAwsClients } from "../src/aws/clients.js";
import { createReaders } from "../src/aws/index.js";
import { CallRunner, type AwsService } from "../src/aws/runner.js";
import { discover } from "../src/topology/discover.js";
import { ESTATE_DEFAULTS, discoverEstate, roleArnOf, type EstateDefinition } from "../src/topology/estate.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
const { values } = parseArgs({
  options: {
    estate: { type: "boolean", default: true },
    accounts: { type: "string", default: "20" },
    latency: { type: "string", default: "40" },
    "second-region": { type: "string", default: "us-west-2" },
  },
});
const accountsWanted = Number(values.accounts);
const latency = Number(values.latency);

const emulator = await startEmulatorProcess();
const { control } = emulator;

const loadStarted = performance.now();
const loaded = (await control("POST", "/_emulator/scenarios/large", { accounts: accountsWanted })) as {
  region: string;
};
const described = (await control("GET", "/_emulator/estate")) as unknown as {
  hubAccountId: string;
  roleName: string;
  externalId?: string;
};
console.log(
  `large scenario over ${accountsWanted} accounts loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s (Region ${loaded.region})`,
);
const regions = [loaded.region, values["second-region"]];
const hub: SourceConnection = { kind: "emulator", endpoint: emulator.url, accountId: described.hubAccountId };
const estate: EstateDefinition = {
  hub,
  roleName: described.roleName,
  ...(described.externalId ? { externalId: described.externalId } : {}),
  sessionName: "bench",
  accounts: "organization",
  skipAccounts: [],
  regions,
  maxInFlight: ESTATE_DEFAULTS.maxInFlight,
  perAccount: ESTATE_DEFAULTS.perAccount,
};
const limits: Partial<Record<AwsService, number>> = ESTATE_DEFAULTS.perAccount;
const connectionOf = (accountId: string): SourceConnection =>
  accountId === described.hubAccountId
    ? hub
    : {
        kind: "assumed",
        base: hub,
        roleArn: roleArnOf(accountId, described.roleName),
        ...(described.externalId ? { externalId: described.externalId } : {}),
        sessionName: "bench",
      };

// The reference, without latency: each (account, Region) read alone by the single-account discovery.
const organization = (await control("GET", "/_emulator/organization")) as { accounts: Record<string, unknown> };
const accountIds = Object.keys(organization.accounts);
const perAccount = new Map<string, Map<AwsService, number>>();
let referenceCalls = 0;
let pathCalls = 0;
for (const accountId of accountIds) {
  const byService = new Map<AwsService, number>();
  for (const region of regions) {
    const clients = createAwsClients(connectionOf(accountId), region);
    const runner = new CallRunner({ concurrency: limits, timeoutMs: 30_000 });
    await discover(createReaders(clients, runner), { accountId, region });
    clients.destroy();
    referenceCalls += runner.totalCalls();
    for (const [op, n] of runner.calls) {
      const service = op.split(":")[0] as AwsService;
      byService.set(service, (byService.get(service) ?? 0) + n);
    }
    // A read's critical path: identity, then the longest chain of dependent Lattice calls (List → Get), ~4 calls.
    pathCalls += 4;
  }
  perAccount.set(accountId, byService);
}
// What only an estate adds: one AssumeRole per member and Region (credentials are per client), the hub's identity
// and Organizations pages, and two RAM reads per (account, Region).
const members = accountIds.filter((a) => a !== described.hubAccountId).length;
const estateOnly = members * regions.length + 1 + 1 + 2 * accountIds.length * regions.length;

await control("PUT", "/_emulator/effects", { latencyMs: latency });
await control("DELETE", "/_emulator/stats");
const rssBefore = process.memoryUsage().rss / 1024 / 1024;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = await discoverEstate(estate, {
  clients: (connection, region) => createAwsClients(connection, region),
  runner: { timeoutMs: 30_000 },
});
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
const rssMb = process.memoryUsage().rss / 1024 / 1024;
const totalCalls = [...result.calls.values()].reduce((a, b) => a + b, 0);

// Lower bounds: per account, each service's calls at its limit (services run side by side); the reads' critical
// paths spread over the global cap of (account, Region) reads at once.
let accountBoundMs = 0;
let slowest = "";
for (const [accountId, byService] of perAccount) {
  for (const [service, n] of byService) {
    const ms = (n / (limits[service] ?? 1)) * latency;
    if (ms > accountBoundMs)
      [accountBoundMs, slowest] = [ms, `${accountId} ${service}: ${n} calls ÷ ${limits[service]}`];
  }
}
const capBoundMs = (pathCalls / estate.maxInFlight) * latency;
const lowerBoundMs = Math.max(accountBoundMs, capBoundMs);

const line = (label: string, value: string, bound = "") =>
  console.log(`  ${label.padEnd(58)} ${value.padStart(14)}  ${bound}`);
console.log(
  `\nEstate discovery: ${accountIds.length} accounts × ${regions.length} Regions; ${result.nodes.length} nodes, ${result.edges.length} edges; latency ${latency} ms per call`,
);
console.log(`limits per account: ${JSON.stringify(limits)}; (account, Region) reads at once: ${estate.maxInFlight}\n`);
line(
  "total calls",
  String(totalCalls),
  `reference ${referenceCalls} alone + ${estateOnly} estate-only = ${referenceCalls + estateOnly} → ratio ${(totalCalls / (referenceCalls + estateOnly)).toFixed(3)} (target ≤ 1.05)`,
);
line("lower bound: slowest account and service", `${accountBoundMs.toFixed(0)} ms`, `(${slowest})`);
line(
  "lower bound: critical paths ÷ global cap",
  `${capBoundMs.toFixed(0)} ms`,
  `(${pathCalls} path calls ÷ ${estate.maxInFlight})`,
);
line(
  "wall time",
  `${wallMs.toFixed(0)} ms`,
  `ratio ${(wallMs / lowerBoundMs).toFixed(2)} × lower bound (target ≤ 1.5)`,
);
// The emulator runs in a process of its own: when the API's CPU time nears the wall time, the read waits for its
// one JavaScript thread, not for the latency the bounds above count.
line(
  "CPU time of the API process",
  `${cpuMs.toFixed(0)} ms`,
  `${((cpuMs / wallMs) * 100).toFixed(0)} % of wall time; ${(cpuMs / totalCalls).toFixed(2)} ms per call`,
);
for (const [service, peak] of [...result.peakPerAccount].sort(([a], [b]) => a.localeCompare(b)))
  line(
    `  peak in flight in one account: ${service}`,
    String(peak),
    `limit ${limits[service] ?? "-"} → ${peak <= (limits[service] ?? Infinity) ? "ok" : "OVER"}`,
  );
const statusCount = (status: string) => result.summary.accounts.filter((a) => a.status === status).length;
line(
  "accounts readable / partial / unreadable / skipped",
  ["readable", "partial", "unreadable", "skipped"].map(statusCount).join(" / "),
  `of ${result.summary.accounts.length}`,
);
line("warnings", String(result.warnings.length), "(target 0)");
line(
  "API process RSS",
  `${rssMb.toFixed(0)} MB`,
  `(${rssBefore.toFixed(0)} MB before the estate read; target ≤ 600 MB)`,
);
emulator.stop();
process.exit(0);
