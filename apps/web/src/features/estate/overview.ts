/**
 * The estate at a glance: one row per account, one cell per region, each with
 * how the read went and what it found. Pure: the panel draws it, tests read it.
 */
import type { EstateAccount, EstateSummary } from "@lattice-atlas/shared";

export type ReadStatus = EstateAccount["status"];

/** The kinds counted in a cell, in this order, with their singular and plural words. */
const COUNTED: ReadonlyArray<readonly [kind: string, one: string, many: string]> = [
  ["vpc", "VPC", "VPCs"],
  ["serviceNetwork", "network", "networks"],
  ["resourceConfiguration", "configuration", "configurations"],
  ["service", "service", "services"],
  ["vpcEndpoint", "endpoint", "endpoints"],
  ["vpcAssociation", "VPC association", "VPC associations"],
];

export interface OverviewCell {
  region: string;
  status: ReadStatus;
  /** "1 VPC", "2 networks"…: the kinds found, none when nothing was. */
  counts: string[];
  warnings: number;
}

export interface OverviewRow {
  accountId: string;
  name: string | undefined;
  status: ReadStatus;
  reason: string | undefined;
  fix: string | undefined;
  cells: OverviewCell[];
}

export function countWords(counts: Readonly<Record<string, number>>): string[] {
  const words: string[] = [];
  for (const [kind, one, many] of COUNTED) {
    const n = counts[kind] ?? 0;
    if (n > 0) words.push(`${n} ${n === 1 ? one : many}`);
  }
  return words;
}

/** Rows in the estate's order; a region an account was not read in takes the account's status (unreadable, skipped). */
export function estateOverview(estate: EstateSummary): OverviewRow[] {
  return estate.accounts.map((account) => ({
    accountId: account.accountId,
    name: account.name,
    status: account.status,
    reason: account.reason,
    fix: account.fix,
    cells: estate.regions.map((region) => {
      const read = account.regions.find((r) => r.region === region);
      return read
        ? { region, status: read.status, counts: countWords(read.counts), warnings: read.warnings }
        : { region, status: account.status === "readable" ? "partial" : account.status, counts: [], warnings: 0 };
    }),
  }));
}

/** "5 readable · 1 unreadable · 1 skipped": the estate in one line. */
export function statusLine(rows: readonly OverviewRow[]): string {
  const order: ReadStatus[] = ["readable", "partial", "unreadable", "skipped"];
  return order
    .map((status) => [status, rows.filter((r) => r.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(" · ");
}
