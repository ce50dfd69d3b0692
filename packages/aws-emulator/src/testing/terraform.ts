/**
 * A Terraform harness over the emulator: an emulator on a free port, a working
 * directory with a configuration and a provider block pointed at it, and
 * init / validate / apply / plan / destroy / output through the real
 * `terraform` binary and the real AWS provider.
 *
 * It never touches the network: providers come from a local filesystem mirror
 * (a CLI configuration with `filesystem_mirror` only, handed to terraform as
 * TF_CLI_CONFIG_FILE). `terraformAvailability()` says whether this machine
 * can run it (a `terraform` binary, a mirror with hashicorp/aws), and why not.
 *
 * Typical use (tests, or validating the Terraform a change plan produces):
 *
 *   const tf = await startTerraform({ scenario: "field-report", config: hcl });
 *   await tf.init(); await tf.apply();
 *   expect((await tf.plan()).changes).toBe(false);
 *   const outputs = await tf.outputs();
 *   await tf.destroy(); await tf.close();
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type StartOptions } from "../index.js";
import type { RunningEmulator } from "../core/emulator.js";

export const DEFAULT_TERRAFORM_MIRROR = "/opt/tf-plugins";

export type TerraformAvailability =
  | { available: true; binary: string; version: string; mirror: string; awsProviderVersions: string[] }
  | { available: false; reason: string };

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(
  binary: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
) {
  return new Promise<CommandResult>((resolve) => {
    execFile(
      binary,
      args,
      {
        cwd: options.cwd,
        env: options.env,
        timeout: options.timeoutMs ?? 15 * 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) || (error && code === 1 ? error.message : "") });
      },
    );
  });
}

/** Whether terraform and an offline AWS provider are on this machine (and if not, why). */
export async function terraformAvailability(
  options: { binary?: string; mirror?: string } = {},
): Promise<TerraformAvailability> {
  const binary = options.binary ?? process.env.ATLAS_TERRAFORM_BINARY ?? "terraform";
  const mirror = options.mirror ?? process.env.ATLAS_TERRAFORM_MIRROR ?? DEFAULT_TERRAFORM_MIRROR;
  const version = await run(binary, ["version", "-json"], {
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    timeoutMs: 30_000,
  });
  if (version.code !== 0) {
    return { available: false, reason: `\`${binary} version\` failed: ${version.stderr.trim() || "not found"}` };
  }
  let terraformVersion = "unknown";
  try {
    terraformVersion = (JSON.parse(version.stdout) as { terraform_version?: string }).terraform_version ?? "unknown";
  } catch {
    // An old terraform without -json: the text form is enough to know it runs.
  }
  const awsDir = join(mirror, "registry.terraform.io", "hashicorp", "aws");
  if (!existsSync(awsDir)) {
    return {
      available: false,
      reason: `no offline AWS provider: ${awsDir} does not exist (set ATLAS_TERRAFORM_MIRROR)`,
    };
  }
  const awsProviderVersions = (await readdir(awsDir)).filter((v) => /^\d+\.\d+\.\d+/.test(v)).sort();
  if (awsProviderVersions.length === 0) return { available: false, reason: `no provider version under ${awsDir}` };
  return { available: true, binary, version: terraformVersion, mirror, awsProviderVersions };
}

/** The `provider "aws"` block for an emulator: every service it emulates, no credential or account lookups. */
export function emulatorProviderBlock(options: {
  url: string;
  region?: string;
  accessKey?: string;
  alias?: string;
  providerVersion?: string;
}): string {
  const services = ["ec2", "lambda", "rds", "sts", "vpclattice"];
  return [
    `provider "aws" {`,
    ...(options.alias ? [`  alias                       = "${options.alias}"`] : []),
    `  region                      = "${options.region ?? "ap-northeast-1"}"`,
    `  access_key                  = "${options.accessKey ?? "test"}"`,
    `  secret_key                  = "test"`,
    `  skip_credentials_validation = true`,
    `  skip_metadata_api_check     = true`,
    `  skip_region_validation      = true`,
    `  skip_requesting_account_id  = false`,
    `  max_retries                 = 2`,
    `  endpoints {`,
    ...services.map((s) => `    ${s.padEnd(10)} = "${options.url}"`),
    `  }`,
    `}`,
  ].join("\n");
}

export interface TerraformWorkspaceOptions {
  /** The configuration (HCL) to write as main.tf; the provider block is added unless `providerBlock: false`. */
  config: string;
  /** More files to write into the working directory (name → content). */
  files?: Record<string, string | Uint8Array>;
  providerBlock?: boolean;
  region?: string;
  accessKey?: string;
  /** Pin of hashicorp/aws (default: the newest version in the mirror). */
  awsProviderVersion?: string;
  /** Extra environment for terraform (e.g. TF_LOG). */
  env?: Record<string, string>;
}

export interface TerraformPlan extends CommandResult {
  /** `plan -detailed-exitcode`: true when the plan has changes (exit 2). */
  changes: boolean;
}

export interface TerraformWorkspace {
  dir: string;
  emulator: RunningEmulator;
  init(): Promise<CommandResult>;
  validate(): Promise<CommandResult>;
  apply(): Promise<CommandResult>;
  plan(): Promise<TerraformPlan>;
  destroy(): Promise<CommandResult>;
  /** `terraform output -json`, values only. */
  outputs(): Promise<Record<string, unknown>>;
  /** Addresses in the state (`terraform state list`). */
  stateList(): Promise<string[]>;
  /** Any terraform command in the workspace. */
  terraform(args: string[]): Promise<CommandResult>;
  /** Stops the emulator (unless it was given) and removes the directory. */
  close(): Promise<void>;
}

/**
 * Starts an emulator (or uses `emulator`) and prepares a working directory for
 * `config`. Throws with the reason when terraform or the provider mirror is missing.
 */
export async function startTerraform(
  options: TerraformWorkspaceOptions & { emulator?: RunningEmulator; emulatorOptions?: StartOptions },
): Promise<TerraformWorkspace> {
  const availability = await terraformAvailability();
  if (!availability.available) throw new Error(`Terraform cannot run here: ${availability.reason}`);
  const ownEmulator = !options.emulator;
  const emulator = options.emulator ?? (await startEmulator({ port: 0, ...(options.emulatorOptions ?? {}) }));
  const dir = await mkdtemp(join(tmpdir(), "atlas-terraform-"));
  const providerVersion = options.awsProviderVersion ?? availability.awsProviderVersions.at(-1)!;
  const cliConfig = join(dir, ".terraformrc");
  await writeFile(
    cliConfig,
    [
      "provider_installation {",
      "  filesystem_mirror {",
      `    path    = ${JSON.stringify(availability.mirror)}`,
      '    include = ["registry.terraform.io/*/*"]',
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  const header = [
    "terraform {",
    "  required_providers {",
    `    aws = { source = "hashicorp/aws", version = "= ${providerVersion}" }`,
    "  }",
    "}",
    "",
  ].join("\n");
  const provider =
    options.providerBlock === false
      ? ""
      : `${emulatorProviderBlock({
          url: emulator.url,
          ...(options.region ? { region: options.region } : {}),
          ...(options.accessKey ? { accessKey: options.accessKey } : {}),
        })}\n\n`;
  await writeFile(join(dir, "main.tf"), `${header}${provider}${options.config}\n`);
  for (const [name, content] of Object.entries(options.files ?? {})) await writeFile(join(dir, name), content);

  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: "1",
    // The AWS SDK in the provider must not find real credentials or configuration.
    AWS_CONFIG_FILE: join(dir, "no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "no-aws-credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
    ...(options.env ?? {}),
  };
  const terraform = (args: string[]) => run(availability.binary, args, { cwd: dir, env });
  const must = async (args: string[]): Promise<CommandResult> => {
    const result = await terraform(args);
    if (result.code !== 0) {
      throw new Error(`terraform ${args[0]} failed (exit ${result.code}):\n${result.stderr || result.stdout}`);
    }
    return result;
  };
  return {
    dir,
    emulator,
    terraform,
    init: () => must(["init", "-input=false", "-no-color"]),
    validate: () => must(["validate", "-no-color"]),
    apply: () => must(["apply", "-auto-approve", "-input=false", "-no-color"]),
    destroy: () => must(["destroy", "-auto-approve", "-input=false", "-no-color"]),
    plan: async () => {
      const result = await terraform(["plan", "-detailed-exitcode", "-input=false", "-no-color"]);
      if (result.code !== 0 && result.code !== 2) {
        throw new Error(`terraform plan failed (exit ${result.code}):\n${result.stderr || result.stdout}`);
      }
      return { ...result, changes: result.code === 2 };
    },
    outputs: async () => {
      const result = await must(["output", "-json"]);
      const parsed = JSON.parse(result.stdout || "{}") as Record<string, { value: unknown }>;
      return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v.value]));
    },
    stateList: async () => {
      const result = await terraform(["state", "list"]);
      return result.code === 0 ? result.stdout.split("\n").filter(Boolean) : [];
    },
    close: async () => {
      if (ownEmulator) await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
