/** `pnpm emulator -- --port 4566 --scenario field-report [--host 127.0.0.1] [--seed s] [--param key=value]` */
import { parseArgs } from "node:util";
import { startEmulator } from "./index.js";

// `pnpm emulator -- --port 4566` hands the script a leading "--": drop it.
const args = process.argv.slice(2);
if (args[0] === "--") args.shift();
const { values } = parseArgs({
  args,
  options: {
    port: { type: "string", default: process.env.ATLAS_EMULATOR_PORT ?? "4566" },
    host: { type: "string", default: "127.0.0.1" },
    scenario: { type: "string", default: "field-report" },
    seed: { type: "string" },
    param: { type: "string", multiple: true },
    help: { type: "boolean", short: "h" },
  },
  allowPositionals: true,
});

if (values.help) {
  console.log(
    "lattice-atlas emulator\n  --port <n>         listen port (default 4566; 0 = any free port)\n  --host <addr>      bind address (default 127.0.0.1)\n  --scenario <name>  field-report | custom-domains | empty | large | estate (default field-report)\n  --param k=v        scenario parameter, repeatable (large: serviceNetworks, vpcs, resourceConfigurations, services, accounts)\n  --seed <s>         id seed (deterministic ids)",
  );
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got "${values.port}"`);
  process.exit(2);
}
const scenarioParams = Object.fromEntries((values.param ?? []).map((kv) => kv.split("=", 2) as [string, string]));

const started = Date.now();
const running = await startEmulator({
  port,
  host: values.host,
  scenario: values.scenario,
  scenarioParams,
  ...(values.seed ? { seed: values.seed } : {}),
  log: (line) => console.error(line),
});
console.log(
  `AWS emulator (VPC Lattice, EC2, RDS, STS, Lambda) listening on ${running.url} — scenario ${values.scenario}, ready in ${Date.now() - started} ms`,
);
console.log(
  `Point an SDK client at it with { endpoint: "${running.url}", region: "ap-northeast-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } }`,
);

const stop = (): void => {
  void running.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
