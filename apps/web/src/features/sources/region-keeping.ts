/**
 * Which Region a newly chosen source opens in. A source that can read any Region (AWS credentials, a profile, the
 * emulator) keeps the one on screen; an estate keeps it when it covers it; a snapshot has its own. When the Region
 * must change, a short notice says why.
 */
import type { SourceInfo } from "@lattice-atlas/shared";

export interface RegionChoice {
  region: string;
  /** Said when the Region changed: "Region changed to X: <source> covers …". */
  notice?: string | undefined;
}

export function regionForSource(current: string | undefined, next: SourceInfo): RegionChoice {
  const fixed =
    next.kind === "snapshot" ? [next.defaultRegion] : next.kind === "estate" ? next.estate?.regions : undefined;
  if (!current) return { region: next.defaultRegion };
  if (!fixed || fixed.length === 0) return { region: current };
  if (fixed.includes(current)) return { region: current };
  const region = fixed.includes(next.defaultRegion) ? next.defaultRegion : fixed[0]!;
  return {
    region,
    notice: `Region changed to ${region}: ${next.label} covers ${fixed.join(", ")}, not ${current}.`,
  };
}
