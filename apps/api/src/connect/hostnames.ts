/**
 * "Which hostname do I use from here?" — pure rules over the graph.
 *
 * For a consumer VPC, every resource configuration (leaf: SINGLE or CHILD) and
 * every Lattice service is checked against the three ways in:
 *  - a Resource-type VPC endpoint in the VPC: the endpoint's association row
 *    names (EC2 DescribeVpcEndpointAssociations DnsEntry, and PrivateDnsEntry
 *    when private DNS applies);
 *  - a ServiceNetwork-type VPC endpoint for a network that holds the target:
 *    its rows (`vpce-…-snra-…`, `vpce-…-snsa-…`) and private names;
 *  - the VPC's service-network association: the association's own name
 *    (SNRA/SNSA dnsEntry), and the private name only when private DNS is on
 *    for both the VPC association and the resource association and the
 *    association's DNS preference admits the domain.
 * Names that look right but fail from this VPC (the resource's own name
 * without private DNS, another path's generated names) are listed with the
 * reason; targets out of reach are listed with why and the fix.
 */
import type {
  ConnectAnswer,
  ConnectTarget,
  GraphNodeOf,
  Hostname,
  ReachableTarget,
  UnreachableTarget,
} from "@lattice-atlas/shared";
import { AppError } from "../errors.js";
import { databaseCommand, httpCommand, singlePort } from "./commands.js";
import type { GraphIndex } from "./graph-index.js";

type Configuration = GraphNodeOf<"resourceConfiguration">;
type Service = GraphNodeOf<"service">;
type Endpoint = GraphNodeOf<"vpcEndpoint">;
type VpcAssociation = GraphNodeOf<"vpcAssociation">;

const isLive = (status: string | undefined): boolean => status === "ACTIVE";
const endpointAvailable = (e: Endpoint): boolean => e.data.state.toLowerCase() === "available";

const SOURCES = {
  endpointRow: { api: "ec2:DescribeVpcEndpointAssociations", field: "VpcEndpointAssociations[].DnsEntry.DnsName" },
  endpointPrivate: {
    api: "ec2:DescribeVpcEndpointAssociations",
    field: "VpcEndpointAssociations[].PrivateDnsEntry.DnsName",
  },
  snraName: { api: "vpc-lattice:ListServiceNetworkResourceAssociations", field: "items[].dnsEntry.domainName" },
  snraPrivate: {
    api: "vpc-lattice:ListServiceNetworkResourceAssociations",
    field: "items[].privateDnsEntry.domainName",
  },
  snsaName: { api: "vpc-lattice:ListServiceNetworkServiceAssociations", field: "items[].dnsEntry.domainName" },
  serviceCustom: { api: "vpc-lattice:ListServices", field: "items[].customDomainName" },
  definition: {
    api: "vpc-lattice:GetResourceConfiguration",
    field: "resourceConfigurationDefinition.dnsResource.domainName",
  },
  customDomain: { api: "vpc-lattice:ListResourceConfigurations", field: "items[].customDomainName" },
} as const;

/** Whether an association's DNS preference lets a private hosted zone exist for `domain`. */
export function preferenceAdmits(
  options: { privateDnsPreference?: string | undefined; privateDnsSpecifiedDomains?: string[] | undefined } | undefined,
  domain: string,
  awsOwned: boolean,
): { admits: boolean; preference: string } {
  const preference = options?.privateDnsPreference ?? "VERIFIED_DOMAINS_ONLY";
  const specified = (options?.privateDnsSpecifiedDomains ?? []).some((d) =>
    d.startsWith("*.") ? domain.endsWith(d.slice(1)) : d.toLowerCase() === domain.toLowerCase(),
  );
  // AWS-owned names (an Aurora endpoint behind an ARN configuration) need no verification of yours.
  const verified = awsOwned;
  const admits =
    preference === "ALL_DOMAINS" ||
    (preference === "SPECIFIED_DOMAINS_ONLY" && specified) ||
    (preference === "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS" && (verified || specified)) ||
    (preference === "VERIFIED_DOMAINS_ONLY" && verified);
  return { admits, preference };
}

interface TargetFacts {
  target: ConnectTarget;
  port: number | undefined;
  command: (host: string) => string;
  /** The resource's own names (DNS definition, custom domain) that a client would naturally try. */
  nativeNames: Array<{ name: string; source: Hostname["source"] }>;
  awsOwned: boolean;
}

function describeConfiguration(index: GraphIndex, c: Configuration): TargetFacts {
  const parent = c.data.groupId ? index.get(c.data.groupId, "resourceConfiguration") : undefined;
  const definition = c.data.definition;
  const dbEndpoint =
    definition?.kind === "dns" ? index.get(definition.values[0]!.toLowerCase(), "dbEndpoint") : undefined;
  const cluster = dbEndpoint ? index.get(dbEndpoint.data.clusterArn, "dbCluster") : undefined;
  const port = singlePort(c.data.portRanges) ?? dbEndpoint?.data.port;
  const description = dbEndpoint
    ? `Aurora ${dbEndpoint.data.role} endpoint of ${cluster?.data.identifier ?? dbEndpoint.data.clusterArn} (${dbEndpoint.data.engine})`
    : definition
      ? `${definition.kind.toUpperCase()} ${definition.values.join(", ")}`
      : `${c.data.type} resource configuration`;
  const nativeNames: TargetFacts["nativeNames"] = [];
  if (definition?.kind === "dns") nativeNames.push({ name: definition.values[0]!, source: SOURCES.definition });
  if (c.data.customDomainName) nativeNames.push({ name: c.data.customDomainName, source: SOURCES.customDomain });
  return {
    target: {
      id: c.id,
      arn: c.data.arn,
      kind: "resourceConfiguration",
      name: c.data.name,
      description,
      ...(parent ? { parentId: parent.id } : {}),
      ports: c.data.portRanges.length > 0 ? c.data.portRanges : port ? [String(port)] : [],
      ...(c.data.protocol ? { protocol: c.data.protocol } : {}),
    },
    port,
    command: (host) => databaseCommand(host, port, { engine: dbEndpoint?.data.engine }),
    nativeNames,
    awsOwned: c.data.amazonManaged || Boolean(dbEndpoint),
  };
}

function describeService(s: Service): TargetFacts {
  const listener = s.data.listeners.find((l) => l.protocol === "HTTPS") ?? s.data.listeners[0];
  const port = listener?.port;
  return {
    target: {
      id: s.id,
      arn: s.data.arn,
      kind: "service",
      name: s.data.name,
      description: `Lattice service${listener ? ` (${s.data.listeners.map((l) => `${l.protocol} ${l.port}`).join(", ")})` : ""}`,
      ports: s.data.listeners.map((l) => String(l.port)),
      ...(listener ? { protocol: listener.protocol } : {}),
    },
    port,
    command: (host) => httpCommand(host, listener?.protocol ?? "HTTPS", port ?? 443),
    nativeNames: s.data.customDomainName ? [{ name: s.data.customDomainName, source: SOURCES.serviceCustom }] : [],
    awsOwned: false,
  };
}

export function answerConnect(index: GraphIndex, fromVpcId: string, to?: string): ConnectAnswer {
  const vpc = index.get(fromVpcId, "vpc");
  if (!vpc) throw new AppError("NOT_FOUND", `VPC ${fromVpcId} is not in this account and region.`, { field: "from" });
  const vpcName = vpc.label;

  const endpoints = index.of("vpcEndpoint").filter((e) => e.data.vpcId === vpc.id);
  const resourceEndpoints = endpoints.filter((e) => e.data.endpointType === "Resource");
  const networkEndpoints = endpoints.filter((e) => e.data.endpointType === "ServiceNetwork");
  const vpcAssociation: VpcAssociation | undefined = index.of("vpcAssociation").find((a) => a.data.vpcId === vpc.id);
  const networkOfEndpoint = (e: Endpoint): string | undefined =>
    e.data.serviceNetworkArn ? index.find(e.data.serviceNetworkArn)?.id : undefined;
  const networkName = (id: string): string => index.get(id, "serviceNetwork")?.label ?? id;

  const entryPoints: ConnectAnswer["entryPoints"] = [
    ...resourceEndpoints.map((e) => ({
      id: e.id,
      kind: "vpcEndpoint",
      pattern: "resource-endpoint" as const,
      status: e.data.state,
      label: e.label,
    })),
    ...networkEndpoints.map((e) => ({
      id: e.id,
      kind: "vpcEndpoint",
      pattern: "service-network-endpoint" as const,
      status: e.data.state,
      label: `${e.label} → ${networkName(networkOfEndpoint(e) ?? "?")}`,
    })),
    ...(vpcAssociation
      ? [
          {
            id: vpcAssociation.id,
            kind: "vpcAssociation",
            pattern: "service-network-association" as const,
            status: vpcAssociation.data.status,
            label: `VPC association → ${networkName(vpcAssociation.data.serviceNetworkId)}`,
          },
        ]
      : []),
  ];

  const resourceAssociations = index.of("resourceAssociation");
  const serviceAssociations = index.of("serviceAssociation");
  const reachable: ReachableTarget[] = [];
  const unreachable: UnreachableTarget[] = [];
  const notes: string[] = [];

  const withCommand = (facts: TargetFacts, h: Omit<Hostname, "command" | "port">): Hostname => ({
    ...h,
    ...(facts.port !== undefined ? { port: facts.port } : {}),
    ...(h.works ? { command: facts.command(h.hostname) } : {}),
  });

  // Which targets to answer for.
  const configurations = index
    .of("resourceConfiguration")
    .filter((c) => c.data.type === "SINGLE" || c.data.type === "CHILD" || c.data.type === "CIDR");
  let services = index.of("service");
  let leafs = configurations;
  if (to) {
    const node = index.find(to);
    if (!node) throw new AppError("NOT_FOUND", `${to} is not in this account and region.`, { field: "to" });
    if (node.kind === "service") {
      leafs = [];
      services = [node];
    } else if (node.kind === "resourceConfiguration") {
      services = [];
      leafs = configurations.filter((c) => c.id === node.id || c.data.groupId === node.id);
    } else {
      throw new AppError("VALIDATION", `${to} is a ${node.kind}; "to" takes a resource configuration or a service.`, {
        field: "to",
      });
    }
  }

  for (const c of leafs) {
    const facts = describeConfiguration(index, c);
    const groupArn = c.data.groupId ? index.get(c.data.groupId, "resourceConfiguration")?.data.arn : undefined;
    const hostnames: Hostname[] = [];
    const notWorking: Hostname[] = [];
    const blocked: string[] = [];

    if (c.data.type === "CIDR") {
      unreachable.push({
        target: facts.target,
        reason:
          "CIDR resource configurations cannot join a service network; they are reached only through a VPC endpoint of type Tunnel.",
        fix: "Create a Tunnel-type VPC endpoint for it in this VPC.",
      });
      continue;
    }

    // 1. Resource endpoints for this configuration (or its group) in the VPC.
    for (const e of resourceEndpoints) {
      if (e.data.resourceConfigurationArn !== c.data.arn && e.data.resourceConfigurationArn !== groupArn) continue;
      if (!endpointAvailable(e)) {
        blocked.push(`${e.id} is ${e.data.state}`);
        continue;
      }
      const row = e.data.associations.find((r) => r.associatedResourceArn === c.data.arn);
      if (!row) continue;
      if (row.dnsName)
        hostnames.push(
          withCommand(facts, {
            hostname: row.dnsName,
            works: true,
            pattern: "resource-endpoint",
            via: { id: e.id, kind: "vpcEndpoint" },
            privateDns: false,
            source: SOURCES.endpointRow,
          }),
        );
      if (row.privateDnsName) {
        hostnames.push(
          withCommand(facts, {
            hostname: row.privateDnsName,
            works: true,
            pattern: "resource-endpoint",
            via: { id: e.id, kind: "vpcEndpoint" },
            privateDns: true,
            source: SOURCES.endpointPrivate,
          }),
        );
      }
    }

    // 2. ServiceNetwork endpoints whose network holds this configuration.
    for (const e of networkEndpoints) {
      const networkId = networkOfEndpoint(e);
      const association = resourceAssociations.find(
        (a) => a.data.serviceNetworkId === networkId && a.data.resourceConfigurationId === c.id,
      );
      if (!association) continue;
      if (!endpointAvailable(e)) {
        blocked.push(`${e.id} is ${e.data.state}`);
        continue;
      }
      if (!isLive(association.data.status)) {
        blocked.push(
          `${association.id} in ${networkName(association.data.serviceNetworkId)} is ${association.data.status}`,
        );
        continue;
      }
      const row = e.data.associations.find((r) => r.associatedResourceArn === c.data.arn);
      if (!row) continue;
      if (row.dnsName)
        hostnames.push(
          withCommand(facts, {
            hostname: row.dnsName,
            works: true,
            pattern: "service-network-endpoint",
            via: { id: e.id, kind: "vpcEndpoint" },
            privateDns: false,
            source: SOURCES.endpointRow,
          }),
        );
      if (row.privateDnsName) {
        hostnames.push(
          withCommand(facts, {
            hostname: row.privateDnsName,
            works: true,
            pattern: "service-network-endpoint",
            via: { id: e.id, kind: "vpcEndpoint" },
            privateDns: true,
            source: SOURCES.endpointPrivate,
          }),
        );
      }
    }

    // 3. The VPC's service-network association.
    const associated = vpcAssociation
      ? resourceAssociations.find(
          (a) =>
            a.data.serviceNetworkId === vpcAssociation.data.serviceNetworkId && a.data.resourceConfigurationId === c.id,
        )
      : undefined;
    if (vpcAssociation && associated) {
      if (!isLive(vpcAssociation.data.status))
        blocked.push(`the VPC association ${vpcAssociation.id} is ${vpcAssociation.data.status}`);
      else if (!isLive(associated.data.status)) blocked.push(`${associated.id} is ${associated.data.status}`);
      else {
        const via = { id: associated.id, kind: "resourceAssociation" };
        if (associated.data.dnsName) {
          hostnames.push(
            withCommand(facts, {
              hostname: associated.data.dnsName,
              works: true,
              pattern: "service-network-association",
              via,
              privateDns: false,
              source: SOURCES.snraName,
            }),
          );
        }
        const privateName = associated.data.privateDnsName;
        if (privateName) {
          const { admits, preference } = preferenceAdmits(vpcAssociation.data.dnsOptions, privateName, facts.awsOwned);
          const works = vpcAssociation.data.privateDnsEnabled && associated.data.privateDnsEnabled && admits;
          const reason = !vpcAssociation.data.privateDnsEnabled
            ? `The VPC association ${vpcAssociation.id} has private DNS off, so no private hosted zone answers for ${privateName} in ${vpcName}; the name resolves to the resource's own address, which this VPC has no route to (the connection times out). Use ${associated.data.dnsName ?? "the association's name"}.`
            : !associated.data.privateDnsEnabled
              ? `The resource association ${associated.id} was created with private DNS off (it cannot be changed). Use ${associated.data.dnsName ?? "the association's name"}.`
              : `The VPC association's DNS preference ${preference} does not cover ${privateName}. Use ${associated.data.dnsName ?? "the association's name"}.`;
          const entry = withCommand(facts, {
            hostname: privateName,
            works,
            pattern: "service-network-association",
            via,
            privateDns: true,
            source: SOURCES.snraPrivate,
            ...(works ? {} : { reason }),
          });
          (works ? hostnames : notWorking).push(entry);
        }
      }
    }

    if (hostnames.length === 0) {
      unreachable.push({ target: facts.target, ...whyUnreachable(c, blocked) });
      continue;
    }

    // Names that look right but do not work from here.
    const working = new Set(hostnames.map((h) => h.hostname.toLowerCase()));
    const listed = new Set(notWorking.map((h) => h.hostname.toLowerCase()));
    for (const native of facts.nativeNames) {
      if (working.has(native.name.toLowerCase()) || listed.has(native.name.toLowerCase())) continue;
      listed.add(native.name.toLowerCase());
      const onlyAssociation = hostnames.every((h) => h.pattern === "service-network-association");
      notWorking.push(
        withCommand(facts, {
          hostname: native.name,
          works: false,
          pattern: onlyAssociation ? "service-network-association" : hostnames[0]!.pattern,
          via: hostnames[0]!.via,
          privateDns: true,
          source: native.source,
          reason: onlyAssociation
            ? `${vpcName} reaches this resource only through its service-network VPC association, which publishes no private name for it here: ${native.name} resolves to the resource's own address, which this VPC has no route to (the connection times out). Use ${hostnames[0]!.hostname}.`
            : `Private DNS does not apply to ${native.name} on this path (private DNS off on the endpoint, or not offered for this name), so it resolves to the resource's own address, outside this VPC. Use ${hostnames[0]!.hostname}.`,
        }),
      );
    }
    for (const association of resourceAssociations) {
      const name = association.data.dnsName;
      if (association.data.resourceConfigurationId !== c.id || !name || working.has(name.toLowerCase())) continue;
      notWorking.push(
        withCommand(facts, {
          hostname: name,
          works: false,
          pattern: "service-network-association",
          via: { id: association.id, kind: "resourceAssociation" },
          privateDns: false,
          source: SOURCES.snraName,
          reason: `${name} answers only in VPCs associated with ${networkName(association.data.serviceNetworkId)}; ${vpcName} is not.`,
        }),
      );
    }
    reachable.push({ target: facts.target, hostnames, notWorking });
  }

  for (const s of services) {
    const facts = describeService(s);
    const hostnames: Hostname[] = [];
    const notWorking: Hostname[] = [];
    const blocked: string[] = [];
    for (const e of networkEndpoints) {
      const networkId = networkOfEndpoint(e);
      const association = serviceAssociations.find(
        (a) => a.data.serviceNetworkId === networkId && a.data.serviceId === s.id,
      );
      if (!association) continue;
      if (!endpointAvailable(e) || !isLive(association.data.status)) {
        blocked.push(
          !endpointAvailable(e) ? `${e.id} is ${e.data.state}` : `${association.id} is ${association.data.status}`,
        );
        continue;
      }
      const row = e.data.associations.find((r) => r.associatedResourceArn === s.data.arn);
      if (row?.dnsName)
        hostnames.push(
          withCommand(facts, {
            hostname: row.dnsName,
            works: true,
            pattern: "service-network-endpoint",
            via: { id: e.id, kind: "vpcEndpoint" },
            privateDns: false,
            source: SOURCES.endpointRow,
          }),
        );
      if (row?.privateDnsName) {
        hostnames.push(
          withCommand(facts, {
            hostname: row.privateDnsName,
            works: true,
            pattern: "service-network-endpoint",
            via: { id: e.id, kind: "vpcEndpoint" },
            privateDns: true,
            source: SOURCES.endpointPrivate,
          }),
        );
      }
    }
    const associated = vpcAssociation
      ? serviceAssociations.find(
          (a) => a.data.serviceNetworkId === vpcAssociation.data.serviceNetworkId && a.data.serviceId === s.id,
        )
      : undefined;
    if (vpcAssociation && associated) {
      if (!isLive(vpcAssociation.data.status) || !isLive(associated.data.status)) {
        blocked.push(
          !isLive(vpcAssociation.data.status)
            ? `the VPC association ${vpcAssociation.id} is ${vpcAssociation.data.status}`
            : `${associated.id} is ${associated.data.status}`,
        );
      } else {
        const via = { id: associated.id, kind: "serviceAssociation" };
        const name = associated.data.dnsName ?? s.data.dnsName;
        if (name)
          hostnames.push(
            withCommand(facts, {
              hostname: name,
              works: true,
              pattern: "service-network-association",
              via,
              privateDns: false,
              source: SOURCES.snsaName,
            }),
          );
        if (s.data.customDomainName) {
          const { admits, preference } = preferenceAdmits(
            vpcAssociation.data.dnsOptions,
            s.data.customDomainName,
            false,
          );
          const works = vpcAssociation.data.privateDnsEnabled && admits;
          const entry = withCommand(facts, {
            hostname: s.data.customDomainName,
            works,
            pattern: "service-network-association",
            via,
            privateDns: true,
            source: SOURCES.serviceCustom,
            ...(works
              ? {}
              : {
                  reason: vpcAssociation.data.privateDnsEnabled
                    ? `The VPC association's DNS preference ${preference} does not cover ${s.data.customDomainName}. Use ${name}.`
                    : `Private DNS is off on ${vpcAssociation.id}, so ${s.data.customDomainName} has no private hosted zone in ${vpcName}. Use ${name}.`,
                }),
          });
          (works ? hostnames : notWorking).push(entry);
        }
      }
    }
    if (hostnames.length === 0) {
      unreachable.push({ target: facts.target, ...whyServiceUnreachable(s, blocked) });
      continue;
    }
    const working = new Set(hostnames.map((h) => h.hostname.toLowerCase()));
    if (s.data.dnsName && !working.has(s.data.dnsName.toLowerCase())) {
      notWorking.push(
        withCommand(facts, {
          hostname: s.data.dnsName,
          works: false,
          pattern: "service-network-association",
          via: hostnames[0]!.via,
          privateDns: false,
          source: { api: "vpc-lattice:ListServices", field: "items[].dnsEntry.domainName" },
          reason: `The service's default name resolves only in VPCs associated with one of its service networks; ${vpcName} reaches it through an endpoint. Use ${hostnames[0]!.hostname}.`,
        }),
      );
    }
    reachable.push({ target: facts.target, hostnames, notWorking });
  }

  function whyUnreachable(c: Configuration, blocked: string[]): { reason: string; fix: string } {
    if (blocked.length > 0)
      return {
        reason: `A path exists but is not usable yet: ${blocked.join("; ")}.`,
        fix: "Wait for it to become ACTIVE/Available, or recreate the failed piece.",
      };
    const associatedWith = resourceAssociations
      .filter((a) => a.data.resourceConfigurationId === c.id)
      .map((a) => a.data.serviceNetworkId);
    if (associatedWith.length === 0) {
      return {
        reason: `${c.data.name} is in no service network, and ${vpcName} has no Resource endpoint for it.`,
        fix: `Create a Resource-type VPC endpoint for ${c.data.groupId ?? c.id} in ${vpcName}, or associate it with a service network that ${vpcName} reaches.`,
      };
    }
    const names = [...new Set(associatedWith)].map(networkName).join(", ");
    if (vpcAssociation) {
      return {
        reason: `${c.data.name} is in ${names}; ${vpcName} is associated with ${networkName(vpcAssociation.data.serviceNetworkId)} and a VPC can be associated with only one service network.`,
        fix: `Add a ServiceNetwork-type VPC endpoint for ${names} in ${vpcName}, or a Resource-type endpoint for ${c.data.groupId ?? c.id}.`,
      };
    }
    return {
      reason: `${c.data.name} is in ${names}, which ${vpcName} neither joins nor reaches through an endpoint.`,
      fix: `Associate ${vpcName} with ${names}, or add a ServiceNetwork-type VPC endpoint for it.`,
    };
  }

  function whyServiceUnreachable(s: Service, blocked: string[]): { reason: string; fix: string } {
    if (blocked.length > 0)
      return {
        reason: `A path exists but is not usable yet: ${blocked.join("; ")}.`,
        fix: "Wait for it to become ACTIVE/Available, or recreate the failed piece.",
      };
    const networks = [
      ...new Set(serviceAssociations.filter((a) => a.data.serviceId === s.id).map((a) => a.data.serviceNetworkId)),
    ];
    if (networks.length === 0) {
      return {
        reason: `${s.data.name} is in no service network.`,
        fix: `Associate ${s.data.name} with a service network that ${vpcName} reaches.`,
      };
    }
    const names = networks.map(networkName).join(", ");
    return {
      reason: `${s.data.name} is in ${names}, which ${vpcName} does not reach.`,
      fix: vpcAssociation
        ? `Add a ServiceNetwork-type VPC endpoint for ${names} in ${vpcName} (it is already associated with ${networkName(vpcAssociation.data.serviceNetworkId)}).`
        : `Associate ${vpcName} with ${names}, or add a ServiceNetwork-type VPC endpoint for it.`,
    };
  }

  if (entryPoints.length === 0)
    notes.push(
      `${vpcName} has no VPC endpoint of type Resource or ServiceNetwork and no service-network association: nothing in VPC Lattice is reachable from it.`,
    );
  if (
    vpcAssociation &&
    (vpcAssociation.data.securityGroupIds?.length ?? 0) === 0 &&
    vpcAssociation.data.securityGroupIds !== null
  ) {
    notes.push(
      `The VPC association ${vpcAssociation.id} has no security groups: AWS applies no security-group filtering to it.`,
    );
  }
  return {
    from: { vpcId: vpc.id, name: vpcName, cidr: vpc.data.cidr },
    entryPoints,
    reachable,
    unreachable,
    notes,
  };
}
