/** A Region's counts in words: "1 service network, ≥ 500 resource configurations, 2 VPC endpoints" (zeros left out). */
import type { RegionCount } from "@lattice-atlas/shared";

const NOUNS: ReadonlyArray<[keyof RegionCount["counts"], string, string]> = [
  ["serviceNetworks", "service network", "service networks"],
  ["resourceConfigurations", "resource configuration", "resource configurations"],
  ["services", "service", "services"],
  ["vpcEndpoints", "VPC endpoint", "VPC endpoints"],
];

export function censusText(row: RegionCount): string {
  const parts = NOUNS.flatMap(([kind, one, many]) => {
    const n = row.counts[kind];
    const capped = row.capped.includes(kind);
    if (n === 0 && !capped) return [];
    return [`${capped ? "≥ " : ""}${n.toLocaleString("en-US")} ${n === 1 && !capped ? one : many}`];
  });
  const text = parts.length > 0 ? parts.join(", ") : "nothing counted";
  return row.complete ? text : `${text} (not all counted)`;
}
