/**
 * Discovery: reads a whole account/region with the fewest calls the APIs
 * allow. Everything independent runs in parallel (the runner caps concurrency
 * per service); Lists serve whatever fields they carry, and a Get is made only
 * for what no List has (configuration definitions and ports, the security
 * groups of VPC associations, auth state, listeners, targets). Items whose
 * `lastUpdatedAt` has not moved since the previous run reuse its Get.
 * A failing operation leaves a warning and a hole, not a failed run; only
 * credential failures stop everything.
 */
import type { DiscoveryProgress, Warning } from "@lattice-atlas/shared";
import { AwsFailure, type Readers } from "../aws/index.js";
import {
  emptyInputs,
  type DiscoveryInputs,
  type ResourceConfigurationInput,
  type VpcAssociationInput,
} from "./inputs.js";

export interface DiscoveryMemo {
  configurations: Map<string, { lastUpdatedAt: string; details: NonNullable<ResourceConfigurationInput["details"]> }>;
  vpcAssociations: Map<
    string,
    { lastUpdatedAt: string; fields: Pick<VpcAssociationInput, "securityGroupIds" | "failureCode" | "failureMessage"> }
  >;
}

export interface DiscoveryResult {
  inputs: DiscoveryInputs;
  warnings: Warning[];
  memo: DiscoveryMemo;
  reused: number;
  /** Operations attempted and how many of them failed: all of them failing is an error, not an empty account. */
  attempted: number;
  failed: number;
}

export interface DiscoveryOptions {
  accountId: string;
  region: string;
  previous?: DiscoveryMemo | undefined;
  onProgress?: ((progress: DiscoveryProgress) => void) | undefined;
}

const IMPACT: Record<string, string> = {
  DescribeVpcs: "VPCs are missing from the picture.",
  DescribeSubnets: "Subnets and Availability Zones are missing.",
  DescribeSecurityGroups: "Security groups and their rules are missing.",
  DescribeVpcEndpoints: "Resource and ServiceNetwork VPC endpoints are missing.",
  DescribeVpcEndpointAssociations: "The DNS names of VPC endpoints are missing.",
  ListServiceNetworks: "Service networks and everything associated with them are missing.",
  ListServiceNetworkVpcAssociations: "VPC associations of a service network are missing.",
  GetServiceNetworkVpcAssociation: "The security groups of a VPC association are unknown.",
  ListServiceNetworkResourceAssociations:
    "Resource associations (and their snra-… DNS names) of a service network are missing.",
  ListServiceNetworkServiceAssociations: "Service associations of a service network are missing.",
  ListServiceNetworkVpcEndpointAssociations: "VPC endpoints of other accounts on a service network are missing.",
  ListResourceGateways: "Resource gateways are missing.",
  ListResourceConfigurations: "Resource configurations are missing.",
  GetResourceConfiguration: "The target and ports of a resource configuration are unknown.",
  ListServices: "Lattice services are missing.",
  ListListeners: "The listeners (ports, protocols) of a service are unknown.",
  ListTargetGroups: "Target groups are missing.",
  ListTargets: "The targets of a target group are missing.",
  GetAuthPolicy: "Whether IAM auth is on, and whether a policy is set, is unknown.",
  DescribeDBClusters: "Aurora clusters (writer/reader endpoints, ports) are missing.",
  DescribeDBInstances: "Aurora instances (and the VPC of each cluster) are missing.",
  ListFunctions: "Lambda functions behind target groups are missing.",
  DescribeNetworkAcls: "Network ACLs are missing: the check cannot tell whether they let the traffic through (hop 8).",
  DescribeRouteTables: "Route tables are missing: whether a gateway has a route to an IP target is unknown.",
  DescribeManagedPrefixLists: "The CIDRs of prefix lists named in security-group rules are unknown.",
  GetManagedPrefixListEntries: "The CIDRs of prefix lists named in security-group rules are unknown.",
  ListDomainVerifications: "Whether custom domain names are verified (and the TXT record to create) is unknown.",
  ListAccessLogSubscriptions: "Where the access logs go is unknown.",
  ListRules: "The listener's rules are unknown.",
};

const CODE_OF_KIND: Partial<Record<AwsFailure["kind"], Warning["code"]>> = {
  "access-denied": "AccessDenied",
  throttled: "Throttled",
  timeout: "Timeout",
  deadline: "Deadline",
};

export function warningFrom(failure: AwsFailure): Warning {
  const code: Warning["code"] = CODE_OF_KIND[failure.kind] ?? "Failed";
  const verb =
    code === "AccessDenied"
      ? `grant ${failure.iamAction}`
      : code === "Throttled"
        ? "retry later (AWS throttled the call)"
        : code === "Deadline"
          ? "refresh to read it, or give discovery more time (--discovery-deadline)"
          : "retry";
  const kept = failure.partial?.length
    ? ` The ${failure.partial.length} items its first pages listed are shown; the rest are missing.`
    : "";
  const what =
    code === "Deadline"
      ? `${failure.message} — ${verb}.`
      : `${failure.operation} failed with ${failure.awsCode}: ${failure.message.slice(0, 300)} — ${verb}.`;
  return {
    code,
    service: failure.service,
    operation: failure.operation,
    awsCode: failure.awsCode,
    ...(failure.requestId ? { requestId: failure.requestId } : {}),
    iamAction: failure.iamAction,
    message: `${what}${kept}`,
    impact: IMPACT[failure.operation] ?? "Part of the picture is missing.",
  };
}

export async function discover(readers: Readers, options: DiscoveryOptions): Promise<DiscoveryResult> {
  const inputs = emptyInputs(options.accountId, options.region);
  const warnings = new Map<string, Warning>();
  const memo: DiscoveryMemo = { configurations: new Map(), vpcAssociations: new Map() };
  let reused = 0;
  let failed = 0;
  const progress = { done: 0, total: 0 };
  const report = (phase: string, operation?: string): void =>
    options.onProgress?.({ phase, done: progress.done, total: progress.total, ...(operation ? { operation } : {}) });

  /**
   * Runs one logical operation; a failure becomes a warning (one per operation and code) and `fallback`,
   * or what a listing had read before it stopped.
   */
  const attempt = async <T>(operation: string, fallback: T, fn: () => Promise<T>): Promise<T> => {
    progress.total += 1;
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof AwsFailure)) throw error;
      if (error.kind === "credentials") throw error;
      failed += 1;
      const key = `${error.service}:${error.operation}:${error.awsCode}`;
      if (!warnings.has(key)) warnings.set(key, warningFrom(error));
      if (error.partial) return error.partial as T;
      return fallback;
    } finally {
      progress.done += 1;
      report("discovering", operation);
    }
  };

  const { ec2, lattice, rds, lambda } = readers;
  /** Whether this account owns what an ARN names (else it is shared with it, through RAM). */
  const own = (arn: string): boolean => arn.split(":")[4] === options.accountId;

  /**
   * Where a List came back empty, what hangs off it is not asked for (an empty account costs 7 calls, not
   * 13): no VPC, no subnets, groups or endpoints; no endpoint, no endpoint rows; no cluster, no instances;
   * no LAMBDA target group, no functions. A List that failed (undefined) does not stop anything.
   */
  const unlessEmpty = <T>(list: readonly T[] | undefined, work: () => Promise<unknown>): Promise<unknown> =>
    list !== undefined && list.length === 0 ? Promise.resolve() : work();

  const ec2Work = attempt("DescribeVpcs", undefined, ec2.describeVpcs).then((vpcs) => {
    inputs.vpcs = vpcs ?? [];
    return unlessEmpty(vpcs, () =>
      Promise.all([
        attempt("DescribeSubnets", [], ec2.describeSubnets).then((v) => (inputs.subnets = v)),
        attempt("DescribeSecurityGroups", [], ec2.describeSecurityGroups).then((groups) => {
          inputs.securityGroups = groups;
          // Only the prefix lists a rule names (the VPC Lattice one, typically) are read.
          const named = new Set(
            groups.flatMap((g) => [...g.ingress, ...g.egress]).flatMap((r) => (r.prefixListId ? [r.prefixListId] : [])),
          );
          return named.size === 0
            ? undefined
            : attempt("DescribeManagedPrefixLists", [], () => ec2.describePrefixLists([...named].sort())).then(
                (v) => (inputs.prefixLists = v),
              );
        }),
        attempt("DescribeNetworkAcls", [], ec2.describeNetworkAcls).then((v) => (inputs.networkAcls = v)),
        attempt("DescribeRouteTables", [], ec2.describeRouteTables).then((v) => (inputs.routeTables = v)),
        attempt("DescribeVpcEndpoints", undefined, ec2.describeLatticeEndpoints).then((endpoints) => {
          inputs.vpcEndpoints = endpoints ?? [];
          return unlessEmpty(endpoints, () =>
            attempt("DescribeVpcEndpointAssociations", [], ec2.describeEndpointAssociations).then(
              (v) => (inputs.endpointAssociations = v),
            ),
          );
        }),
      ]),
    );
  });

  const rdsWork = attempt("DescribeDBClusters", undefined, rds.describeClusters).then((clusters) => {
    inputs.dbClusters = clusters ?? [];
    return unlessEmpty(clusters, () =>
      attempt("DescribeDBInstances", [], rds.describeInstances).then((v) => (inputs.dbInstances = v)),
    );
  });

  const networkWork = attempt("ListServiceNetworks", [], lattice.listServiceNetworks).then((networks) =>
    Promise.all(
      networks.map(async (network) => {
        const [auth, vpcAssociations, resourceAssociations, serviceAssociations, endpoints] = await Promise.all([
          // A network shared with this account is named by its ARN (its bare id is "not found" here), and its
          // auth policy is its owner's to read.
          own(network.arn)
            ? attempt("GetAuthPolicy", undefined, () => lattice.getAuthPolicy(network.arn))
            : Promise.resolve(undefined),
          attempt("ListServiceNetworkVpcAssociations", [], () => lattice.listVpcAssociations(network.arn)),
          attempt("ListServiceNetworkResourceAssociations", [], () => lattice.listResourceAssociations(network.arn)),
          attempt("ListServiceNetworkServiceAssociations", [], () => lattice.listServiceAssociations(network.arn)),
          attempt("ListServiceNetworkVpcEndpointAssociations", [], () => lattice.listNetworkEndpoints(network.arn)),
        ]);
        inputs.serviceNetworks.push({
          ...network,
          ...(auth ? { authType: auth.authType } : {}),
          authPolicy: auth?.authPolicy ?? "unknown",
          ...(auth?.authPolicyText ? { authPolicyText: auth.authPolicyText } : {}),
        });
        inputs.resourceAssociations.push(...resourceAssociations);
        inputs.serviceAssociations.push(...serviceAssociations);
        inputs.networkEndpoints.push(...endpoints);
        await Promise.all(
          vpcAssociations.map(async (association) => {
            const previous = options.previous?.vpcAssociations.get(association.id);
            let fields: Pick<VpcAssociationInput, "securityGroupIds" | "failureCode" | "failureMessage"> | undefined;
            if (previous && association.lastUpdatedAt && previous.lastUpdatedAt === association.lastUpdatedAt) {
              fields = previous.fields;
              reused += 1;
            } else {
              fields = await attempt("GetServiceNetworkVpcAssociation", undefined, () =>
                lattice.getVpcAssociation(association.id),
              );
            }
            if (fields && association.lastUpdatedAt)
              memo.vpcAssociations.set(association.id, { lastUpdatedAt: association.lastUpdatedAt, fields });
            inputs.vpcAssociations.push({ ...association, ...(fields ?? {}) });
          }),
        );
      }),
    ),
  );

  const gatewayWork = attempt("ListResourceGateways", [], lattice.listResourceGateways).then(
    (v) => (inputs.resourceGateways = v),
  );

  const detailFetches: Array<Promise<unknown>> = [];
  const configurationWork = attempt("ListResourceConfigurations", [], () =>
    lattice.listResourceConfigurations((page) => {
      // Pipelined: the Gets of a page start while the next page is being listed.
      for (const configuration of page) {
        const previous = options.previous?.configurations.get(configuration.id);
        if (previous && configuration.lastUpdatedAt && previous.lastUpdatedAt === configuration.lastUpdatedAt) {
          configuration.details = previous.details;
          memo.configurations.set(configuration.id, previous);
          reused += 1;
          continue;
        }
        detailFetches.push(
          attempt("GetResourceConfiguration", undefined, () =>
            lattice.getResourceConfiguration(configuration.arn),
          ).then((details) => {
            if (!details) return;
            configuration.details = details;
            if (configuration.lastUpdatedAt)
              memo.configurations.set(configuration.id, { lastUpdatedAt: configuration.lastUpdatedAt, details });
          }),
        );
      }
    }),
  ).then(async (configurations) => {
    await Promise.all(detailFetches);
    inputs.resourceConfigurations = configurations;
  });

  const serviceWork = attempt("ListServices", [], lattice.listServices).then((services) =>
    Promise.all(
      services.map(async (service) => {
        const [auth, listeners] = await Promise.all([
          // A service shared with this account: its listeners and auth policy are its owner's to read.
          own(service.arn)
            ? attempt("GetAuthPolicy", undefined, () => lattice.getAuthPolicy(service.arn))
            : Promise.resolve(undefined),
          own(service.arn)
            ? attempt("ListListeners", [], () => lattice.listListeners(service.arn))
            : Promise.resolve([]),
        ]);
        inputs.services.push({
          ...service,
          ...(auth ? { authType: auth.authType } : {}),
          authPolicy: auth?.authPolicy ?? "unknown",
          ...(auth?.authPolicyText ? { authPolicyText: auth.authPolicyText } : {}),
          listeners,
        });
      }),
    ),
  );

  const targetWork = attempt("ListTargetGroups", undefined, lattice.listTargetGroups).then((groups) =>
    Promise.all([
      ...(groups ?? []).map(async (group) => {
        const targets = await attempt("ListTargets", [], () => lattice.listTargets(group.id));
        inputs.targetGroups.push({ ...group, targets });
      }),
      // Functions matter only as the targets of LAMBDA target groups.
      unlessEmpty(
        groups?.filter((g) => g.type === "LAMBDA"),
        () => attempt("ListFunctions", [], lambda.listFunctions).then((v) => (inputs.lambdaFunctions = v)),
      ),
    ]),
  );

  // Verifications matter only for custom domain names: an account without any is not asked.
  const verificationWork = Promise.all([configurationWork, serviceWork]).then(() =>
    [...inputs.resourceConfigurations, ...inputs.services].some((x) => x.customDomainName)
      ? attempt("ListDomainVerifications", [], lattice.listDomainVerifications).then(
          (v) => (inputs.domainVerifications = v),
        )
      : undefined,
  );

  report("starting");
  await Promise.all([
    ec2Work,
    rdsWork,
    networkWork,
    gatewayWork,
    configurationWork,
    serviceWork,
    targetWork,
    verificationWork,
  ]);
  // Parallel pushes arrive in completion order; sort for stable output.
  for (const list of [inputs.serviceNetworks, inputs.services, inputs.targetGroups] as Array<Array<{ id: string }>>)
    list.sort((a, b) => a.id.localeCompare(b.id));
  // Stable sort keeps each network's own listing order inside it.
  for (const list of [
    inputs.vpcAssociations,
    inputs.resourceAssociations,
    inputs.serviceAssociations,
    inputs.networkEndpoints,
  ] as Array<Array<{ serviceNetworkId: string }>>) {
    list.sort((a, b) => a.serviceNetworkId.localeCompare(b.serviceNetworkId));
  }
  report("done");
  return { inputs, warnings: [...warnings.values()], memo, reused, attempted: progress.total, failed };
}
