/**
 * pnpm bench:discovery — discovery against the emulator's `large` scenario with
 * 40 ms injected latency per call. Prints calls per operation, total calls
 * against the minimum the APIs allow, wall time against the lower bound
 * (critical-path depth × latency, and calls ÷ concurrency × latency per
 * service), a refresh with nothing changed, and the API's RSS.
 * The emulator runs in a child process so the RSS is the API's own.
 *   --latency <ms> (40)  --lattice-concurrency <n> (16)  --param k=v (large scenario parameters)
 *   --estate: the estate mode instead (bench/discovery-estate.ts: 20 accounts × 2 Regions)
 */
import { parseArgs } from "node:util";
import { startEmulatorProcess } from "./emulator-process.js";
import { CallRunner, DEFAULT_CONCURRENCY, createAwsClients, createReaders } from "../src/aws/index.js";
import { buildGraph } from "../src/topology/build.js";
import { discover } from "../src/topology/discover.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
// --estate: the estate's discovery (many accounts and Regions), in a module of its own.
if (process.argv.includes("--estate")) {
  await import("./discovery-estate.js");
}
const { values } = parseArgs({
  options: {
    estate: { type: "boolean" },
    accounts: { type: "string" },
    "second-region": { type: "string" },
    latency: { type: "string", default: "40" },
    "lattice-concurrency": { type: "string", default: String(DEFAULT_CONCURRENCY["vpc-lattice"]) },
    param: { type: "string", multiple: true },
  },
});
const latency = Number(values.latency);
const concurrency = { ...DEFAULT_CONCURRENCY, "vpc-lattice": Number(values["lattice-concurrency"]) };

const emulator = await startEmulatorProcess();
const { control } = emulator;
// An empty account first (the emulator starts empty): what a discovery costs when there is nothing to find.
const emptyClients = createAwsClients({ kind: "emulator", endpoint: emulator.url }, "us-east-1");
const emptyRunner = new CallRunner({ concurrency, timeoutMs: 30_000 });
const emptyResult = await discover(createReaders(emptyClients, emptyRunner), {
  accountId: "111122223333",
  region: "us-east-1",
});
const emptyCalls = emptyRunner.totalCalls();
emptyClients.destroy();

const params = Object.fromEntries((values.param ?? []).map((kv) => kv.split("=", 2)));
const loadStarted = performance.now();
const loaded = (await control("POST", "/_emulator/scenarios/large", params)) as { region: string; accountId: string };
console.log(
  `large scenario loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s (region ${loaded.region})`,
);

// What the account holds, read from the emulator's state, to compute the minimum number of calls.
const state = (await control("GET", "/_emulator/state")) as {
  regions: Array<{
    region: string;
    ec2: Record<string, object>;
    lattice: Record<string, Record<string, { status?: string; isManagedAssociation?: boolean }>>;
    rds: Record<string, object>;
    lambda: Record<string, object>;
  }>;
};
const region = state.regions.find((r) => r.region === loaded.region)!;
const count = (o: object) => Object.keys(o).length;
const pages = (n: number, size: number) => Math.max(1, Math.ceil(n / size));
const l = region.lattice;
const networks = count(l.serviceNetworks!);
const perNetwork = (collection: Record<string, { serviceNetworkId?: string }>) => {
  const byNetwork = new Map<string, number>();
  for (const item of Object.values(collection))
    byNetwork.set(item.serviceNetworkId!, (byNetwork.get(item.serviceNetworkId!) ?? 0) + 1);
  return [...Object.keys(l.serviceNetworks!)].reduce((sum, id) => sum + pages(byNetwork.get(id) ?? 0, 100), 0);
};
const endpointsPerNetwork = (() => {
  const arns = new Map(
    Object.values(l.serviceNetworks! as Record<string, { arn?: string; id?: string }>).map((s) => [s.arn!, s.id!]),
  );
  const byNetwork = new Map<string, number>();
  for (const e of Object.values(region.ec2.vpcEndpoints as Record<string, { ServiceNetworkArn?: string }>)) {
    if (e.ServiceNetworkArn)
      byNetwork.set(arns.get(e.ServiceNetworkArn)!, (byNetwork.get(arns.get(e.ServiceNetworkArn)!) ?? 0) + 1);
  }
  return [...arns.values()].reduce((sum, id) => sum + pages(byNetwork.get(id) ?? 0, 100), 0);
})();
const configurations = count(l.resourceConfigurations!);
const services = count(l.services!);
const targetGroups = count(l.targetGroups!);
// Prefix lists are read only where a security-group rule names one; verifications only where a custom domain exists.
const namedPrefixLists = new Set(JSON.stringify(region.ec2.securityGroups).match(/pl-[0-9a-f]+/g) ?? []).size;
const anyCustomDomain = JSON.stringify([l.resourceConfigurations, l.services]).includes('"customDomainName":"');
const minimum = {
  "sts:GetCallerIdentity": 1,
  "ec2 Describe* (VPCs, subnets, groups, endpoints, endpoint rows, network ACLs, route tables)": 7, // one page each at MaxResults 1000 unless larger
  "ec2 prefix lists named in rules (Describe + entries per list)": namedPrefixLists > 0 ? 1 + namedPrefixLists : 0,
  "lattice ListDomainVerifications (when a custom domain exists)": anyCustomDomain ? 1 : 0,
  "rds DescribeDBClusters + DescribeDBInstances":
    pages(count(region.rds.clusters!), 100) + pages(count(region.rds.instances!), 100),
  "lambda ListFunctions": pages(count(region.lambda.functions!), 50),
  "lattice ListServiceNetworks": pages(networks, 100),
  "lattice per-network lists (VPC, resource, service, endpoint associations)":
    perNetwork(l.vpcAssociations as never) +
    perNetwork(l.resourceAssociations as never) +
    perNetwork(l.serviceAssociations as never) +
    endpointsPerNetwork,
  "lattice GetServiceNetworkVpcAssociation (security groups)": count(l.vpcAssociations!),
  "lattice GetAuthPolicy (networks + services)": networks + services,
  "lattice ListResourceGateways": pages(count(l.resourceGateways!), 100),
  "lattice ListResourceConfigurations + GetResourceConfiguration": pages(configurations, 100) + configurations,
  "lattice ListServices + ListListeners": pages(services, 100) + services,
  "lattice ListTargetGroups + ListTargets": pages(targetGroups, 100) + targetGroups,
};
const ec2Rows = Object.keys(region.ec2.securityGroups!).length > 1000 ? 1 : 0;
const minimumTotal = Object.values(minimum).reduce((a, b) => a + b, 0) + ec2Rows;

await control("PUT", "/_emulator/effects", { latencyMs: latency });
const clients = createAwsClients({ kind: "emulator", endpoint: emulator.url }, loaded.region);

async function run(label: string, previous?: Awaited<ReturnType<typeof discover>>["memo"]) {
  await control("DELETE", "/_emulator/stats");
  const runner = new CallRunner({ concurrency, timeoutMs: 30_000 });
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const identity = await createReaders(clients, runner).sts.callerIdentity();
  const result = await discover(createReaders(clients, runner), {
    accountId: identity.accountId,
    region: loaded.region,
    previous,
  });
  const graph = buildGraph(result.inputs);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const stats = (await control("GET", "/_emulator/stats")) as { peakInFlightByService: Record<string, number> };
  return { label, runner, result, graph, wallMs, cpuMs, peaks: stats.peakInFlightByService };
}

const cold = await run("cold");
const calls = Object.fromEntries([...cold.runner.calls].sort(([a], [b]) => a.localeCompare(b)));
const byService = new Map<string, number>();
for (const [key, n] of Object.entries(calls))
  byService.set(key.split(":")[0]!, (byService.get(key.split(":")[0]!) ?? 0) + n);

// Lower bounds: the longest chain of dependent calls, and per-service throughput at the caps.
const depth = 1 /* STS */ + Math.max((calls["vpc-lattice:ListResourceConfigurations"] ?? 1) + 1, 3, 2);
const depthBoundMs = depth * latency;
const throughput = [...byService].map(([service, n]) => ({
  service,
  n,
  cap: concurrency[service as keyof typeof concurrency],
  ms: (n / concurrency[service as keyof typeof concurrency]) * latency,
}));
const throughputBoundMs = Math.max(...throughput.map((t) => t.ms));
const lowerBoundMs = Math.max(depthBoundMs, throughputBoundMs);
// Per-item calls and what they scale with; none may scale with VPCs where a List serves.
const PER_ITEM: Record<string, string> = {
  "vpc-lattice:GetResourceConfiguration": "resource configurations (definition and ports are on no List)",
  "vpc-lattice:GetServiceNetworkVpcAssociation": "VPC associations (security groups are on no List)",
  "vpc-lattice:GetAuthPolicy": "service networks + services (auth state and policy)",
  "vpc-lattice:ListListeners": "services",
  "vpc-lattice:ListTargets": "target groups",
};
const perNetworkOps = [
  "ListServiceNetworkVpcAssociations",
  "ListServiceNetworkResourceAssociations",
  "ListServiceNetworkServiceAssociations",
  "ListServiceNetworkVpcEndpointAssociations",
].map((op) => `vpc-lattice:${op}`);
const perVpc = Object.entries(calls).filter(
  ([op]) => !PER_ITEM[op] && !perNetworkOps.includes(op) && (calls[op] ?? 0) >= count(region.ec2.vpcs!),
);

const warm = await run("refresh (nothing changed)", cold.result.memo);
const rssMb = process.memoryUsage().rss / 1024 / 1024;

const line = (label: string, value: string, bound = "") =>
  console.log(`  ${label.padEnd(58)} ${value.padStart(14)}  ${bound}`);
console.log(
  `\nDiscovery of the large scenario: ${count(region.ec2.vpcs!)} VPCs, ${networks} service networks, ${configurations} resource configurations, ${services} services`,
);
console.log(
  `graph: ${cold.graph.nodes.length} nodes, ${cold.graph.edges.length} edges; latency ${latency} ms per call; concurrency ${JSON.stringify(concurrency)}\n`,
);
console.log("calls per operation (cold):");
for (const [op, n] of Object.entries(calls)) line(op, String(n));
console.log("\nfigures:");
line(
  "total calls (cold)",
  String(cold.runner.totalCalls()),
  `minimum the APIs allow ${minimumTotal} → ratio ${(cold.runner.totalCalls() / minimumTotal).toFixed(3)} (target ≤ 1.05)`,
);
line(
  "calls that scale with the number of VPCs",
  perVpc.length === 0 ? "none" : perVpc.map(([op]) => op).join(", "),
  "(target: none)",
);
for (const [op, basis] of Object.entries(PER_ITEM))
  line(`  per item: ${op.split(":")[1]}`, String(calls[op] ?? 0), `one per ${basis}`);
line("critical-path depth × latency", `${depthBoundMs.toFixed(0)} ms`, `(${depth} dependent calls)`);
for (const t of throughput)
  line(
    `  ${t.service}: ${t.n} calls ÷ ${t.cap} × ${latency} ms`,
    `${t.ms.toFixed(0)} ms`,
    `peak in flight ${cold.peaks[t.service] ?? "?"}`,
  );
line("lower bound", `${lowerBoundMs.toFixed(0)} ms`);
line(
  "wall time (cold)",
  `${cold.wallMs.toFixed(0)} ms`,
  `ratio ${(cold.wallMs / lowerBoundMs).toFixed(2)} × lower bound (target ≤ 1.5)`,
);
// The API process is single-threaded: its own CPU per call (SDK serialisation, signing, socket writes) is a floor too.
const cpuPerCall = cold.cpuMs / cold.runner.totalCalls();
const withCpuBound = Math.max(lowerBoundMs, cold.cpuMs);
line(
  "API CPU during the cold run",
  `${cold.cpuMs.toFixed(0)} ms`,
  `${cpuPerCall.toFixed(2)} ms per call; ${((cold.cpuMs / cold.wallMs) * 100).toFixed(0)} % of one core`,
);
line(
  "wall ÷ max(lower bound, API CPU)",
  `${(cold.wallMs / withCpuBound).toFixed(2)}`,
  "(how much is left beyond this machine's per-call CPU floor)",
);
line(
  "refresh with nothing changed: calls",
  String(warm.runner.totalCalls()),
  `${((warm.runner.totalCalls() / cold.runner.totalCalls()) * 100).toFixed(0)} % of cold; ${warm.result.reused} Gets reused`,
);
line(
  "refresh with nothing changed: wall time",
  `${warm.wallMs.toFixed(0)} ms`,
  `${((warm.wallMs / cold.wallMs) * 100).toFixed(0)} % of cold`,
);
line("warnings", String(cold.result.warnings.length), "(target 0)");
line(
  "empty account: calls",
  String(emptyCalls),
  `target ≤ 10 → ${emptyCalls <= 10 ? "ok" : "MISSED"} (${[...emptyRunner.calls.keys()].map((k) => k.split(":")[1]).join(", ")}; ${emptyResult.warnings.length} warnings)`,
);
line("API process RSS after both runs", `${rssMb.toFixed(0)} MB`, "(target ≤ 300 MB)");
clients.destroy();
emulator.stop();
process.exit(0);
