/**
 * What discovery could not read, by the part of the picture it leaves out.
 * A rule that finds nothing asks here whether "nothing" is a fact or a hole:
 * no Aurora cluster because there is none, or because DescribeDBClusters was
 * denied. Holes make a hop "unknown" (cannot tell), never "fail" or "pass".
 */
import type { Warning } from "@lattice-atlas/shared";

export const ASPECTS = [
  "vpcs",
  "subnets",
  "securityGroups",
  "endpoints",
  "endpointNames",
  "networks",
  "vpcAssociations",
  "vpcAssociationGroups",
  "resourceAssociations",
  "serviceAssociations",
  "gateways",
  "configurations",
  "configurationDetails",
  "services",
  "listeners",
  "targetGroups",
  "targets",
  "auth",
  "databases",
  "dbInstances",
  "functions",
  "networkAcls",
  "routeTables",
  "prefixLists",
  "domainVerifications",
  "accessLogs",
  "rules",
] as const;
export type Aspect = (typeof ASPECTS)[number];

/** Which part of the picture each discovery operation fills. */
export const ASPECT_OF_OPERATION: Readonly<Record<string, Aspect>> = {
  DescribeVpcs: "vpcs",
  DescribeSubnets: "subnets",
  DescribeSecurityGroups: "securityGroups",
  DescribeVpcEndpoints: "endpoints",
  DescribeVpcEndpointAssociations: "endpointNames",
  ListServiceNetworks: "networks",
  ListServiceNetworkVpcAssociations: "vpcAssociations",
  GetServiceNetworkVpcAssociation: "vpcAssociationGroups",
  ListServiceNetworkResourceAssociations: "resourceAssociations",
  ListServiceNetworkServiceAssociations: "serviceAssociations",
  ListResourceGateways: "gateways",
  ListResourceConfigurations: "configurations",
  GetResourceConfiguration: "configurationDetails",
  ListServices: "services",
  ListListeners: "listeners",
  ListTargetGroups: "targetGroups",
  ListTargets: "targets",
  GetAuthPolicy: "auth",
  DescribeDBClusters: "databases",
  DescribeDBInstances: "dbInstances",
  ListFunctions: "functions",
  DescribeNetworkAcls: "networkAcls",
  DescribeRouteTables: "routeTables",
  DescribeManagedPrefixLists: "prefixLists",
  GetManagedPrefixListEntries: "prefixLists",
  ListDomainVerifications: "domainVerifications",
  ListAccessLogSubscriptions: "accessLogs",
  ListRules: "rules",
};

/** Aspects that cannot be known when another is missing (no networks listed → no associations either). */
const IMPLIED: Partial<Record<Aspect, Aspect[]>> = {
  networks: ["vpcAssociations", "resourceAssociations", "serviceAssociations", "vpcAssociationGroups", "auth"],
  vpcAssociations: ["vpcAssociationGroups"],
  configurations: ["configurationDetails"],
  endpoints: ["endpointNames"],
  services: ["listeners", "auth"],
  targetGroups: ["targets"],
};

/** What could not be read, asked about some accounts (or, with none named, about any). */
export interface GapView {
  has(aspect: Aspect): boolean;
  /** The reads (of these aspects) that failed, as a user reads them: "rds:DescribeDBClusters (AccessDenied)". */
  unread(...aspects: Aspect[]): string[];
}

const ANY = "*";

export class ReadGaps implements GapView {
  /** aspect → account ("*" for a read of no particular account) → the warning. */
  private readonly missing = new Map<Aspect, Map<string, Warning>>();
  /** Accounts nothing could be read in (the role could not be assumed). */
  private readonly unreadableAccounts = new Map<string, Warning>();

  constructor(warnings: readonly Warning[]) {
    for (const warning of warnings) {
      const account = warning.accountId ?? ANY;
      if (warning.operation === "AssumeRole") {
        if (!this.unreadableAccounts.has(account)) this.unreadableAccounts.set(account, warning);
        continue;
      }
      const aspect = ASPECT_OF_OPERATION[warning.operation];
      if (!aspect) continue;
      for (const a of [aspect, ...(IMPLIED[aspect] ?? [])]) {
        const byAccount = this.missing.get(a) ?? new Map<string, Warning>();
        if (!byAccount.has(account)) byAccount.set(account, warning);
        this.missing.set(a, byAccount);
      }
    }
  }

  /** True when discovery read everything. */
  get complete(): boolean {
    return this.missing.size === 0 && this.unreadableAccounts.size === 0;
  }

  private warningsFor(aspect: Aspect, accounts: readonly string[] | undefined): Warning[] {
    const out: Warning[] = [];
    const byAccount = this.missing.get(aspect);
    if (!accounts) {
      out.push(...(byAccount?.values() ?? []), ...this.unreadableAccounts.values());
      return out;
    }
    const global = byAccount?.get(ANY);
    if (global) out.push(global);
    for (const account of accounts) {
      const warning = byAccount?.get(account) ?? this.unreadableAccounts.get(account);
      if (warning) out.push(warning);
    }
    return out;
  }

  private unreadIn(aspects: readonly Aspect[], accounts: readonly string[] | undefined): string[] {
    const out = new Set<string>();
    for (const aspect of aspects)
      for (const w of this.warningsFor(aspect, accounts))
        out.add(
          w.operation === "AssumeRole"
            ? `sts:AssumeRole into ${w.accountId ?? "the account"} (${w.code})`
            : `${w.iamAction} (${w.code})${w.accountId ? ` in ${w.accountId}` : ""}`,
        );
    return [...out];
  }

  has(aspect: Aspect): boolean {
    return this.warningsFor(aspect, undefined).length > 0;
  }

  unread(...aspects: Aspect[]): string[] {
    return this.unreadIn(aspects, undefined);
  }

  /** The gaps that matter for things owned by these accounts (undefined entries are ignored). */
  in(accounts: ReadonlyArray<string | undefined>): GapView {
    const known = [...new Set(accounts.filter((a): a is string => Boolean(a)))];
    const scope = known.length > 0 ? known : undefined;
    return {
      has: (aspect) => this.warningsFor(aspect, scope).length > 0,
      unread: (...aspects) => this.unreadIn(aspects, scope),
    };
  }

  /** Why nothing of an account could be read, if so. */
  unreadable(accountId: string | undefined): Warning | undefined {
    return accountId ? this.unreadableAccounts.get(accountId) : undefined;
  }
}
