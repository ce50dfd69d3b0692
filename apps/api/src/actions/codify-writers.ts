/**
 * Writers for the four forms of a change: AWS call inputs (compacted, API
 * member names), AWS CLI commands (shell-quoted, one option per line),
 * Terraform resource blocks (aligned like `terraform fmt`, interpolation
 * escaped) and CloudFormation snippets (YAML scalars quoted where needed).
 * Each action kind composes them (kinds/*.ts).
 */
import type { DnsOptionsInput } from "@lattice-atlas/shared";

/** Drops undefined members, so an input names only what is sent. */
export function compact<T extends Record<string, unknown>>(value: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

export const nonEmpty = <T>(list: T[] | undefined): T[] | undefined => (list && list.length > 0 ? list : undefined);

export const latticeDnsOptions = (options: DnsOptionsInput | undefined) =>
  options
    ? compact({
        privateDnsPreference: options.privateDnsPreference,
        privateDnsSpecifiedDomains: options.privateDnsSpecifiedDomains,
      })
    : undefined;

export const ec2DnsOptions = (options: DnsOptionsInput | undefined) =>
  options
    ? compact({
        PrivateDnsPreference: options.privateDnsPreference,
        PrivateDnsSpecifiedDomains: options.privateDnsSpecifiedDomains,
      })
    : undefined;

/* ----------------------------------- CLI ----------------------------------- */

const SAFE_SHELL = /^[A-Za-z0-9._:/=,@+%-]+$/;
export const shellQuote = (value: string): string =>
  SAFE_SHELL.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;

export const json = (value: unknown): string => JSON.stringify(value);

export type CliOption = [string, string | string[] | boolean | undefined];

export function cli(command: string, options: CliOption[], region: string): string {
  const lines = [`aws ${command}`];
  for (const [flag, value] of options) {
    if (value === undefined) continue;
    if (value === true) lines.push(flag);
    else if (value === false) lines.push(`--no-${flag.replace(/^--/, "")}`);
    else if (Array.isArray(value)) lines.push(`${flag} ${value.map(shellQuote).join(" ")}`);
    else lines.push(`${flag} ${shellQuote(value)}`);
  }
  lines.push(`--region ${region}`);
  return lines.join(" \\\n  ");
}

/* -------------------------------- Terraform -------------------------------- */

const hclString = (value: string): string =>
  `"${value
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\$\{/g, () => "$${")
    .replace(/%\{/g, () => "%%{")}"`;
const hclValue = (value: string | number | boolean | string[]): string =>
  Array.isArray(value)
    ? `[${value.map(hclString).join(", ")}]`
    : typeof value === "string"
      ? hclString(value)
      : String(value);

export type HclAttributes = Array<[string, string | number | boolean | string[] | undefined]>;

/** Attributes aligned like `terraform fmt`. */
function hclBody(attributes: HclAttributes, indent: string): string[] {
  const present = attributes.filter(
    (entry): entry is [string, string | number | boolean | string[]] => entry[1] !== undefined,
  );
  const width = Math.max(0, ...present.map(([name]) => name.length));
  return present.map(([name, value]) => `${indent}${name.padEnd(width)} = ${hclValue(value)}`);
}

export function hclResource(
  type: string,
  name: string,
  attributes: HclAttributes,
  blocks: Array<[string, HclAttributes]> = [],
  note?: string,
): string {
  const lines = [...(note ? [`# ${note}`] : []), `resource "${type}" "${name}" {`, ...hclBody(attributes, "  ")];
  for (const [block, body] of blocks) {
    const inner = hclBody(body, "    ");
    if (inner.length === 0) continue;
    lines.push("", `  ${block} {`, ...inner, "  }");
  }
  lines.push("}");
  return lines.join("\n");
}

/** A `dns_options` block, when there are options. */
export const hclDnsOptions = (options: DnsOptionsInput | undefined): Array<[string, HclAttributes]> =>
  options
    ? [
        [
          "dns_options",
          [
            ["private_dns_preference", options.privateDnsPreference],
            ["private_dns_specified_domains", options.privateDnsSpecifiedDomains],
          ],
        ],
      ]
    : [];

export const tfName = (...parts: string[]): string =>
  parts
    .join("_")
    .replace(/[^A-Za-z0-9_-]/g, "_")
    .replace(/^([^A-Za-z_])/, "_$1");

export function hclRemoval(kind: string, id: string, type: string): string {
  return [
    `# Removal of ${kind} ${id}: remove the resource block (${type}) that manages it, then run terraform plan and apply.`,
    `# (Not managed by Terraform? Nothing to remove in code: use the CLI command.)`,
  ].join("\n");
}

/* ------------------------------ CloudFormation ----------------------------- */

const YAML_PLAIN = /^[A-Za-z0-9][A-Za-z0-9._/:-]*$/;
const YAML_RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
const yamlScalar = (value: string | number | boolean): string => {
  if (typeof value !== "string") return String(value);
  if (YAML_PLAIN.test(value) && !YAML_RESERVED.test(value) && !/^[\d.+-]+$/.test(value) && !value.includes(": "))
    return value;
  return `'${value.replace(/'/g, "''")}'`;
};

export type YamlValue = string | number | boolean | string[] | YamlMap | undefined;
export interface YamlMap {
  [key: string]: YamlValue;
}

function yamlLines(map: YamlMap, indent: string): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      lines.push(`${indent}${key}:`, ...value.map((item) => `${indent}  - ${yamlScalar(item)}`));
    } else if (typeof value === "object") {
      lines.push(`${indent}${key}:`, ...yamlLines(value, `${indent}  `));
    } else {
      lines.push(`${indent}${key}: ${yamlScalar(value)}`);
    }
  }
  return lines;
}

export const logicalId = (...parts: string[]): string =>
  parts
    .join("-")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join("");

export function cfnResource(name: string, type: string, properties: YamlMap): string {
  return ["Resources:", `  ${name}:`, `    Type: ${type}`, "    Properties:", ...yamlLines(properties, "      ")].join(
    "\n",
  );
}

/** CloudFormation's DnsOptions property. */
export const cfnDnsOptions = (options: DnsOptionsInput | undefined): YamlMap | undefined =>
  options
    ? {
        PrivateDnsPreference: options.privateDnsPreference,
        PrivateDnsSpecifiedDomains: options.privateDnsSpecifiedDomains,
      }
    : undefined;

export function cfnRemoval(id: string, type: string): string {
  return [
    `# Removal of ${id}: delete the ${type} resource that declares it from its template, then update the stack.`,
    "# (Not managed by CloudFormation? Nothing to remove in a template: use the CLI command.)",
  ].join("\n");
}
