/**
 * Lattice words both sides speak, and the one rule both sides apply when they
 * propose subnets. Schema-free: the console imports it without the schema library.
 */

/** The three ways a consumer VPC gets into VPC Lattice. */
export const PATTERNS_OF_ACCESS = [
  "resource-endpoint",
  "service-network-endpoint",
  "service-network-association",
] as const;
export type AccessPattern = (typeof PATTERNS_OF_ACCESS)[number];

export const PATTERN_LABEL: Readonly<Record<AccessPattern, string>> = {
  "resource-endpoint": "Resource endpoint",
  "service-network-endpoint": "ServiceNetwork endpoint",
  "service-network-association": "Service-network VPC association",
};

/** A hop of the connectivity check: allowed, refused, not decidable from what was read, or not on this path. */
export const HOP_STATUSES = ["pass", "fail", "unknown", "skip"] as const;
export type HopStatus = (typeof HOP_STATUSES)[number];

export const VERDICTS = ["reachable", "not-reachable", "unknown"] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * One subnet per Availability Zone, the first of each zone by subnet id, zones
 * in order: what an endpoint proposal (Explain's Fix, preflight's alternative,
 * the change sheet's default) puts in `subnetIds`.
 */
export function oneSubnetPerZone(subnets: ReadonlyArray<{ id: string; availabilityZone: string }>): string[] {
  const byZone = new Map<string, string>();
  for (const subnet of [...subnets].sort(
    (a, b) => a.availabilityZone.localeCompare(b.availabilityZone) || a.id.localeCompare(b.id),
  )) {
    if (!byZone.has(subnet.availabilityZone)) byZone.set(subnet.availabilityZone, subnet.id);
  }
  return [...byZone.values()];
}
