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

export class ReadGaps {
  private readonly missing = new Map<Aspect, Warning>();

  constructor(warnings: readonly Warning[]) {
    for (const warning of warnings) {
      const aspect = ASPECT_OF_OPERATION[warning.operation];
      if (!aspect) continue;
      for (const a of [aspect, ...(IMPLIED[aspect] ?? [])]) if (!this.missing.has(a)) this.missing.set(a, warning);
    }
  }

  /** True when discovery read everything. */
  get complete(): boolean {
    return this.missing.size === 0;
  }

  /** The reads (of these aspects) that failed, as a user reads them: "rds:DescribeDBClusters (AccessDenied)". */
  unread(...aspects: Aspect[]): string[] {
    const out = new Set<string>();
    for (const aspect of aspects) {
      const warning = this.missing.get(aspect);
      if (warning) out.add(`${warning.iamAction} (${warning.code})`);
    }
    return [...out];
  }

  has(aspect: Aspect): boolean {
    return this.missing.has(aspect);
  }
}
