/**
 * Benchmark of the `large` scenario at its default parameters (50 service
 * networks, 500 VPCs, 1,250 resource configurations, 125 services):
 *
 *   1. the time `loadScenario(createEmulator(), largeScenario(LARGE_DEFAULTS))` takes
 *      (the first, cold load and the best of the warm ones);
 *   2. the size of the state it builds, record counts per collection and exported JSON bytes;
 *   3. steady-state List/Describe calls against the loaded scenario through the real
 *      SDK v3 clients (src/testing/harness.ts): the SDK round trip, and the part of it
 *      the emulator spends (request in → response written, taken from the HTTP server),
 *      with the response size. The bound applies to the emulator's part; the round trip
 *      adds the SDK's own parsing, which for a page of a thousand EC2 items (0.5–2.5 MB
 *      of XML) is itself well over 50 ms and outside the emulator's reach.
 *
 * Run: npx tsx packages/aws-emulator/bench/load-large.ts [--check] [--runs N]
 * With --check the exit status is 1 when a figure exceeds its bound.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import {
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointAssociationsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
} from "@aws-sdk/client-ec2";
import { ListFunctionsCommand } from "@aws-sdk/client-lambda";
import { DescribeDBClustersCommand } from "@aws-sdk/client-rds";
import {
  GetServiceNetworkCommand,
  ListResourceConfigurationsCommand,
  ListServiceNetworkResourceAssociationsCommand,
  ListServiceNetworkServiceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  ListServiceNetworkVpcEndpointAssociationsCommand,
  ListServiceNetworksCommand,
  ListTargetGroupsCommand,
} from "@aws-sdk/client-vpc-lattice";
import { createEmulator } from "../src/index.js";
import { largeScenario, LARGE_DEFAULTS } from "../src/scenarios/large.js";
import { loadScenario } from "../src/scenarios/loader.js";
import { startHarness, type Harness } from "../src/testing/harness.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const LOAD_BOUND_MS = 1500;
const CALL_BOUND_MS = 50;

const args = process.argv.slice(2);
const check = args.includes("--check");
const runsArg = args.indexOf("--runs");
const RUNS = runsArg >= 0 ? Math.max(1, Number(args[runsArg + 1]) || 5) : 5;

const failures: string[] = [];
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const verdict = (value: number, bound: number, what: string): string => {
  if (value <= bound) return "ok";
  failures.push(`${what}: ${ms(value)} > ${ms(bound)}`);
  return "OVER";
};
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/* ---------------------------------- load ---------------------------------- */

console.log(`large scenario at defaults: ${JSON.stringify(LARGE_DEFAULTS)}\n`);
const loads: number[] = [];
let sizes: Record<string, number> = {};
let exportBytes = 0;
for (let run = 0; run < RUNS; run++) {
  const emulator = createEmulator();
  const doc = largeScenario(LARGE_DEFAULTS);
  const start = performance.now();
  const result = loadScenario(emulator, doc);
  loads.push(performance.now() - start);
  if (run === 0) {
    const state = emulator.region(result.accountId, result.region);
    sizes = Object.fromEntries(
      (["ec2", "lattice", "rds", "lambda"] as const).flatMap((service) =>
        Object.entries(state[service])
          .filter(([, value]) => value && typeof value === "object")
          .map(([name, value]) => [`${service}.${name}`, Object.keys(value as object).length]),
      ),
    );
    exportBytes = Buffer.byteLength(JSON.stringify(emulator.exportState()));
  }
}
const coldLoad = loads[0]!;
const warmLoad = loads.length > 1 ? Math.min(...loads.slice(1)) : coldLoad;
console.log("load (loadScenario, in process)                   time        bound     ");
console.log(
  `  first (cold) load                               ${ms(coldLoad).padStart(10)}  ≤ ${ms(LOAD_BOUND_MS).padEnd(10)} ${verdict(coldLoad, LOAD_BOUND_MS, "cold load")}`,
);
console.log(
  `  best of ${String(loads.length - 1).padEnd(2)} warm loads                         ${ms(warmLoad).padStart(10)}  ≤ ${ms(LOAD_BOUND_MS).padEnd(10)} ${verdict(warmLoad, LOAD_BOUND_MS, "warm load")}`,
);
console.log(`  all runs: ${loads.map((v) => v.toFixed(0)).join(", ")} ms\n`);

console.log("state sizes (records)");
for (const [name, count] of Object.entries(sizes))
  if (count > 0) console.log(`  ${name.padEnd(40)} ${String(count).padStart(6)}`);
console.log(`  exported state (GET /_emulator/state)   ${(exportBytes / 1024 / 1024).toFixed(1).padStart(6)} MiB\n`);

/* ------------------------------ steady state ------------------------------ */

const h: Harness = await startHarness({ scenario: "large", region: LARGE_DEFAULTS.region });

/** What the emulator spent on each request and how many bytes it answered, in arrival order. */
const served: Array<{ ms: number; bytes: number }> = [];
h.running.server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
  const start = performance.now();
  const written = req.socket.bytesWritten;
  res.once("finish", () => served.push({ ms: performance.now() - start, bytes: req.socket.bytesWritten - written }));
});

interface Sample {
  sdk: number;
  emulator: number;
  bytes: number;
}

/** One SDK call: its round trip and the emulator's share (the call makes exactly one request: maxAttempts 1). */
async function sample<T>(fn: () => Promise<T>): Promise<{ sample: Sample; value: T }> {
  const before = served.length;
  const start = performance.now();
  const value = await fn();
  const sdk = performance.now() - start;
  // "finish" can trail the SDK's promise by a tick.
  while (served.length === before) await new Promise((resolve) => setImmediate(resolve));
  const last = served[served.length - 1]!;
  return { sample: { sdk, emulator: last.ms, bytes: last.bytes }, value };
}

interface Timing {
  name: string;
  /** First (cold) call: SDK round trip and emulator part. */
  first: Sample;
  /** Medians of the warm calls. */
  sdk: number;
  emulator: number;
  emulatorMax: number;
  bytes: number;
  note: string;
}
const timings: Timing[] = [];

/** Times `fn` once cold and RUNS times warm; the bound applies to the warm median of the emulator's part. */
async function measure(name: string, fn: () => Promise<string>): Promise<void> {
  const first = await sample(fn);
  const warm: Sample[] = [];
  for (let i = 0; i < RUNS; i++) warm.push((await sample(fn)).sample);
  timings.push({
    name,
    first: first.sample,
    sdk: median(warm.map((w) => w.sdk)),
    emulator: median(warm.map((w) => w.emulator)),
    emulatorMax: Math.max(...warm.map((w) => w.emulator)),
    bytes: first.sample.bytes,
    note: first.value,
  });
}

/** Times one call per item (e.g. per network) and reports the slowest item's figures. */
async function measureEach<T>(name: string, items: T[], fn: (item: T) => Promise<number>): Promise<void> {
  const rows: Timing[] = [];
  let total = 0;
  for (const item of items) {
    const first = await sample(() => fn(item));
    total += first.value;
    const warm: Sample[] = [];
    for (let i = 0; i < RUNS; i++) warm.push((await sample(() => fn(item))).sample);
    rows.push({
      name,
      first: first.sample,
      sdk: median(warm.map((w) => w.sdk)),
      emulator: median(warm.map((w) => w.emulator)),
      emulatorMax: Math.max(...warm.map((w) => w.emulator)),
      bytes: first.sample.bytes,
      note: "",
    });
  }
  const worst = (pick: (t: Timing) => number) => Math.max(...rows.map(pick));
  timings.push({
    name,
    first: {
      sdk: worst((t) => t.first.sdk),
      emulator: worst((t) => t.first.emulator),
      bytes: worst((t) => t.first.bytes),
    },
    sdk: worst((t) => t.sdk),
    emulator: worst((t) => t.emulator),
    emulatorMax: worst((t) => t.emulatorMax),
    bytes: worst((t) => t.bytes),
    note: `${items.length} calls, ${total} items in all; worst call shown`,
  });
}

const networks = (await h.lattice.send(new ListServiceNetworksCommand({ maxResults: 100 }))).items ?? [];
const endpoints = (await h.ec2.send(new DescribeVpcEndpointsCommand({}))).VpcEndpoints ?? [];

await measure("EC2 DescribeVpcEndpointAssociations (all endpoints)", async () => {
  const rows = (await h.ec2.send(new DescribeVpcEndpointAssociationsCommand({}))).VpcEndpointAssociations ?? [];
  return `${rows.length} rows`;
});
await measure("EC2 DescribeVpcEndpointAssociations (ids of all endpoints)", async () => {
  const rows =
    (
      await h.ec2.send(
        new DescribeVpcEndpointAssociationsCommand({ VpcEndpointIds: endpoints.map((e) => e.VpcEndpointId!) }),
      )
    ).VpcEndpointAssociations ?? [];
  return `${endpoints.length} ids, ${rows.length} rows`;
});
await measure("EC2 DescribeVpcEndpoints (all, with DnsEntries)", async () => {
  const items = (await h.ec2.send(new DescribeVpcEndpointsCommand({}))).VpcEndpoints ?? [];
  return `${items.length} endpoints`;
});
await measure("EC2 DescribeSecurityGroups MaxResults 1000", async () => {
  const out = await h.ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 1000 }));
  return `${out.SecurityGroups?.length ?? 0} groups, more: ${Boolean(out.NextToken)}`;
});
await measure("EC2 DescribeSecurityGroups vpc-id filter", async () => {
  const vpcId = endpoints[0]!.VpcId!;
  const out = await h.ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: "vpc-id", Values: [vpcId] }] }));
  return `${out.SecurityGroups?.length ?? 0} groups`;
});
await measure("EC2 DescribeSecurityGroupRules MaxResults 1000", async () => {
  const out = await h.ec2.send(new DescribeSecurityGroupRulesCommand({ MaxResults: 1000 }));
  return `${out.SecurityGroupRules?.length ?? 0} rules`;
});
await measure("EC2 DescribeVpcs MaxResults 1000", async () => {
  const out = await h.ec2.send(new DescribeVpcsCommand({ MaxResults: 1000 }));
  return `${out.Vpcs?.length ?? 0} VPCs`;
});
await measure("EC2 DescribeSubnets MaxResults 1000", async () => {
  const out = await h.ec2.send(new DescribeSubnetsCommand({ MaxResults: 1000 }));
  return `${out.Subnets?.length ?? 0} subnets`;
});
await measure("EC2 DescribeNetworkInterfaces MaxResults 1000", async () => {
  const out = await h.ec2.send(new DescribeNetworkInterfacesCommand({ MaxResults: 1000 }));
  return `${out.NetworkInterfaces?.length ?? 0} ENIs`;
});
await measureEach("Lattice ListServiceNetworkResourceAssociations per network", networks, async (sn) => {
  const out = await h.lattice.send(
    new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: sn.id! }),
  );
  return out.items?.length ?? 0;
});
await measureEach(
  "Lattice ListServiceNetworkResourceAssociations per network, includeChildren",
  networks,
  async (sn) => {
    const out = await h.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: sn.id!, includeChildren: true }),
    );
    return out.items?.length ?? 0;
  },
);
await measureEach("Lattice ListServiceNetworkVpcAssociations per network", networks, async (sn) => {
  const out = await h.lattice.send(new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: sn.id! }));
  return out.items?.length ?? 0;
});
await measureEach("Lattice ListServiceNetworkServiceAssociations per network", networks, async (sn) => {
  const out = await h.lattice.send(
    new ListServiceNetworkServiceAssociationsCommand({ serviceNetworkIdentifier: sn.id! }),
  );
  return out.items?.length ?? 0;
});
await measureEach("Lattice ListServiceNetworkVpcEndpointAssociations per network", networks, async (sn) => {
  const out = await h.lattice.send(
    new ListServiceNetworkVpcEndpointAssociationsCommand({ serviceNetworkIdentifier: sn.id! }),
  );
  return out.items?.length ?? 0;
});
await measureEach("Lattice GetServiceNetwork per network", networks, async (sn) => {
  await h.lattice.send(new GetServiceNetworkCommand({ serviceNetworkIdentifier: sn.id! }));
  return 1;
});
await measure("Lattice ListServiceNetworks maxResults 100", async () => {
  const out = await h.lattice.send(new ListServiceNetworksCommand({ maxResults: 100 }));
  return `${out.items?.length ?? 0} networks`;
});
await measure("Lattice ListResourceConfigurations maxResults 100", async () => {
  const out = await h.lattice.send(new ListResourceConfigurationsCommand({ maxResults: 100 }));
  return `${out.items?.length ?? 0} configurations`;
});
await measure("Lattice ListTargetGroups maxResults 100", async () => {
  const out = await h.lattice.send(new ListTargetGroupsCommand({ maxResults: 100 }));
  return `${out.items?.length ?? 0} target groups`;
});
await measure("RDS DescribeDBClusters MaxRecords 100", async () => {
  const out = await h.rds.send(new DescribeDBClustersCommand({ MaxRecords: 100 }));
  return `${out.DBClusters?.length ?? 0} clusters`;
});
await measure("Lambda ListFunctions", async () => {
  const out = await h.lambda.send(new ListFunctionsCommand({}));
  return `${out.Functions?.length ?? 0} functions`;
});
await h.close();

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(`steady-state calls through the SDK: first (cold) call, then medians of ${RUNS} warm calls`);
console.log(`  bound: the emulator's part (request in → response written) ≤ ${ms(CALL_BOUND_MS)}, warm median`);
console.log(
  `  ${"call".padEnd(68)} ${"cold sdk".padStart(10)} ${"cold emu".padStart(10)} ${"sdk".padStart(10)} ${"emulator".padStart(10)} ${"emu max".padStart(10)} ${"response".padStart(9)}`,
);
for (const t of timings) {
  const status = verdict(t.emulator, CALL_BOUND_MS, t.name);
  console.log(
    `  ${t.name.padEnd(68)} ${ms(t.first.sdk).padStart(10)} ${ms(t.first.emulator).padStart(10)} ${ms(t.sdk).padStart(10)} ${ms(t.emulator).padStart(10)} ${ms(t.emulatorMax).padStart(10)} ${kib(t.bytes).padStart(9)}  ≤ ${ms(CALL_BOUND_MS)} ${status}  (${t.note})`,
  );
}
const sdkOver = timings.filter((t) => t.sdk > CALL_BOUND_MS);
if (sdkOver.length > 0) {
  console.log(
    `\n  SDK round trips over ${ms(CALL_BOUND_MS)}, with the emulator's part (the rest is the SDK reading and parsing the response):\n    ` +
      sdkOver
        .map(
          (t) =>
            `${t.name}: ${ms(t.sdk)} for ${kib(t.bytes)}, emulator ${ms(t.emulator)}, SDK ${ms(Math.max(0, t.sdk - t.emulator))}`,
        )
        .join("\n    "),
  );
}

if (failures.length > 0) {
  console.log(`\n${failures.length} figure(s) over their bound:\n  ${failures.join("\n  ")}`);
  if (check) process.exitCode = 1;
} else {
  console.log("\nevery figure is within its bound");
}
