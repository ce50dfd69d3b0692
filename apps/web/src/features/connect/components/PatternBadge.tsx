/** The three ways into Lattice, with the colours of their lines on the diagram. */
import type { AccessPattern } from "@lattice-atlas/shared";

const PATTERN_LABEL: Record<AccessPattern, { short: string; long: string; number: number }> = {
  "resource-endpoint": { short: "Resource endpoint", long: "Resource-type VPC endpoint", number: 1 },
  "service-network-endpoint": { short: "SN endpoint", long: "ServiceNetwork-type VPC endpoint", number: 2 },
  "service-network-association": { short: "VPC association", long: "Service-network VPC association", number: 3 },
};

export function PatternBadge({ pattern, compact = false }: { pattern: AccessPattern; compact?: boolean }) {
  const label = PATTERN_LABEL[pattern];
  return (
    <span className={`pattern-badge pattern-${pattern}`} title={`Pattern ${label.number}: ${label.long}`}>
      P{label.number}
      {compact ? null : <> · {label.short}</>}
    </span>
  );
}
