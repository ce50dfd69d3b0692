/**
 * The DNS rules: which names a way in publishes in the consumer VPC, and why
 * a private name does not resolve there.
 *  - Resource and ServiceNetwork endpoints: the rows of EC2
 *    DescribeVpcEndpointAssociations, their DnsEntry and (when private DNS
 *    applies) PrivateDnsEntry.
 *  - A service-network VPC association: the association's own generated name
 *    (SNRA/SNSA dnsEntry); the private name only when private DNS is on for
 *    the VPC association and for the resource association, and the VPC
 *    association's DNS preference admits the domain.
 */
import type { DnsOptionsInput, GraphNodeOf, Hostname } from "@lattice-atlas/shared";
import type { GraphIndex } from "./graph-index.js";
import type { TargetFacts } from "./targets.js";
import type { Endpoint, Path, VpcAssociation } from "./ways-in.js";

export const NAME_SOURCES = {
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
  serviceName: { api: "vpc-lattice:ListServices", field: "items[].dnsEntry.domainName" },
  serviceCustom: { api: "vpc-lattice:ListServices", field: "items[].customDomainName" },
} as const;

export interface DnsPreference {
  privateDnsPreference?: string | undefined;
  privateDnsSpecifiedDomains?: string[] | undefined;
}

/** Whether a domain matches one of the specified domains ("*.example.com" covers its subdomains). */
export function domainSpecified(domains: readonly string[], domain: string): boolean {
  const name = domain.toLowerCase();
  return domains.some((d) => {
    const entry = d.toLowerCase();
    return entry.startsWith("*.") ? name.endsWith(entry.slice(1)) : entry === name;
  });
}

/** Whether an association's DNS preference lets a private hosted zone exist for `domain`. */
export function preferenceAdmits(
  options: DnsPreference | undefined,
  domain: string,
  verified: boolean,
): { admits: boolean; preference: string } {
  const preference = options?.privateDnsPreference ?? "VERIFIED_DOMAINS_ONLY";
  const specified = domainSpecified(options?.privateDnsSpecifiedDomains ?? [], domain);
  const admits =
    preference === "ALL_DOMAINS" ||
    (preference === "SPECIFIED_DOMAINS_ONLY" && specified) ||
    (preference === "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS" && (verified || specified)) ||
    (preference === "VERIFIED_DOMAINS_ONLY" && verified);
  return { admits, preference };
}

export interface PathNames {
  /** Names that resolve to Lattice through this path in the consumer VPC. */
  working: Hostname[];
  /** Names this path would publish but does not, with the reason. */
  failing: Hostname[];
}

type Base = Omit<Hostname, "command" | "port">;

/** A hostname row with the target's port and ready command (for names that work). */
export function withCommand(facts: TargetFacts, h: Base): Hostname {
  return {
    ...h,
    ...(facts.port !== undefined ? { port: facts.port } : {}),
    ...(h.works ? { command: facts.command(h.hostname) } : {}),
  };
}

function endpointNames(facts: TargetFacts, path: Path, endpoint: Endpoint): PathNames {
  const row = endpoint.data.associations.find((r) => r.associatedResourceArn === facts.target.arn);
  const via = {
    id: endpoint.id,
    kind: "vpcEndpoint",
    ...(endpoint.accountId ? { accountId: endpoint.accountId } : {}),
  };
  const names: Array<[string | undefined, boolean, Hostname["source"]]> = [
    [row?.dnsName, false, NAME_SOURCES.endpointRow],
    [row?.privateDnsName, true, NAME_SOURCES.endpointPrivate],
  ];
  const working = names
    .filter((entry): entry is [string, boolean, Hostname["source"]] => Boolean(entry[0]))
    .map(([hostname, privateDns, source]) =>
      withCommand(facts, { hostname, works: true, pattern: path.pattern, via, privateDns, source }),
    );
  return { working, failing: [] };
}

/** The names a service-network association publishes: its generated name, and the private name when DNS allows. */
interface AssociationDns {
  generated?: string | undefined;
  generatedSource: Hostname["source"];
  private?:
    { name: string; source: Hostname["source"]; works: boolean; reason: string; fix?: Hostname["fix"] } | undefined;
}

/**
 * The one-click change that makes a private name resolve through a VPC association: private DNS on (keeping
 * the preference), or — where the preference refuses the domain — the domain verified (none started yet) or
 * listed among the association's specified domains (VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS keeps the verified
 * ones working). An association AWS manages gets no change.
 */
export function associationDnsFix(
  vpcAssociation: VpcAssociation,
  name: string,
  verification: TargetFacts["verification"] | "service",
): NonNullable<Hostname["fix"]> {
  const snva = vpcAssociation.data;
  const options = snva.dnsOptions;
  if (!snva.privateDnsEnabled)
    return {
      text: `Turn private DNS on for ${vpcAssociation.id}.`,
      action: {
        type: "update-vpc-association-dns",
        associationId: vpcAssociation.id,
        privateDnsEnabled: true,
        ...(options?.privateDnsPreference
          ? {
              dnsOptions: {
                privateDnsPreference: options.privateDnsPreference as NonNullable<
                  DnsOptionsInput["privateDnsPreference"]
                >,
                ...(options.privateDnsSpecifiedDomains?.length
                  ? { privateDnsSpecifiedDomains: options.privateDnsSpecifiedDomains }
                  : {}),
              },
            }
          : {}),
      },
    };
  const preference = options?.privateDnsPreference ?? "VERIFIED_DOMAINS_ONLY";
  if (verification === undefined && preference.startsWith("VERIFIED_")) {
    const domain = name.toLowerCase();
    return {
      text: `Verify ${domain} (StartDomainVerification, then create the TXT record it gives in the domain's public zone).`,
      action: { type: "start-domain-verification", domainName: domain },
    };
  }
  const specified = [...new Set([...(options?.privateDnsSpecifiedDomains ?? []), name.toLowerCase()])].slice(0, 10);
  const pending =
    verification && verification !== "service" && verification.status === "PENDING" && verification.txtName
      ? `Create the TXT record ${verification.txtName} (value ${verification.txtValue ?? "in its details"}) to verify ${verification.domainName}, or l`
      : "L";
  // SPECIFIED_DOMAINS_ONLY stays so (the list grows); the others keep verified domains working as well.
  const next = preference === "SPECIFIED_DOMAINS_ONLY" ? preference : "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS";
  return {
    text: `${pending}ist ${name} among the specified domains of ${vpcAssociation.id} (preference ${next}).`,
    action: {
      type: "update-vpc-association-dns",
      associationId: vpcAssociation.id,
      privateDnsEnabled: true,
      dnsOptions: { privateDnsPreference: next, privateDnsSpecifiedDomains: specified },
    },
  };
}

function resourceAssociationDns(
  vpcName: string,
  vpcAssociation: VpcAssociation,
  association: GraphNodeOf<"resourceAssociation">,
  facts: TargetFacts,
): AssociationDns {
  const snva = vpcAssociation.data;
  const generated = association.data.dnsName;
  const privateName = association.data.privateDnsName;
  if (!privateName) return { generated, generatedSource: NAME_SOURCES.snraName };
  const { admits, preference } = preferenceAdmits(snva.dnsOptions, privateName, facts.domainVerified);
  const use = generated ?? "the association's name";
  const fix: Hostname["fix"] = association.data.privateDnsEnabled
    ? associationDnsFix(vpcAssociation, privateName, facts.awsOwned ? "service" : facts.verification)
    : {
        text: `Private DNS of a resource association is fixed at creation: remove ${association.id} and associate the configuration again with private DNS on.`,
      };
  return {
    generated,
    generatedSource: NAME_SOURCES.snraName,
    private: {
      name: privateName,
      source: NAME_SOURCES.snraPrivate,
      works: snva.privateDnsEnabled && association.data.privateDnsEnabled && admits,
      reason: !snva.privateDnsEnabled
        ? `The VPC association ${vpcAssociation.id} has private DNS off, so no private hosted zone answers for ${privateName} in ${vpcName}; the name resolves to the resource's own address, which this VPC has no route to (the connection times out). Use ${use} instead: from ${vpcName} it resolves to an address of the VPC association ${vpcAssociation.id}, which forwards to the resource.`
        : !association.data.privateDnsEnabled
          ? `The resource association ${association.id} was created with private DNS off (it cannot be changed). Use ${use}.`
          : `${preferenceRefusal(preference, privateName, facts)} Use ${use}.`,
      fix,
    },
  };
}

/** Why a DNS preference keeps a private zone from being made for a domain, with what would change it. */
export function preferenceRefusal(preference: string, domain: string, facts: TargetFacts): string {
  const verification = facts.verification;
  const state = !verification
    ? `${domain} has no domain verification`
    : verification.status === "PENDING"
      ? `${domain} is not verified yet (PENDING${verification.txtName ? `: create the TXT record ${verification.txtName} with the value ${verification.txtValue ?? "shown in its details"}` : ""})`
      : `${domain}'s verification is ${verification.status}`;
  if (preference === "VERIFIED_DOMAINS_ONLY" || preference === "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS")
    return `The DNS preference ${preference} admits only verified${preference === "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS" ? " or listed" : ""} domains, and ${state}.`;
  return `The DNS preference ${preference} does not list ${domain}.`;
}

function serviceAssociationDns(
  index: GraphIndex,
  vpcName: string,
  vpcAssociation: VpcAssociation,
  association: GraphNodeOf<"serviceAssociation">,
): AssociationDns {
  const snva = vpcAssociation.data;
  const service = index.get(association.data.serviceId, "service");
  const generated = association.data.dnsName ?? service?.data.dnsName;
  const custom = service?.data.customDomainName;
  if (!custom) return { generated, generatedSource: NAME_SOURCES.snsaName };
  const { admits, preference } = preferenceAdmits(snva.dnsOptions, custom, false);
  return {
    generated,
    generatedSource: NAME_SOURCES.snsaName,
    private: {
      name: custom,
      source: NAME_SOURCES.serviceCustom,
      works: snva.privateDnsEnabled && admits,
      reason: snva.privateDnsEnabled
        ? `The VPC association's DNS preference ${preference} does not cover ${custom}. Use ${generated}.`
        : `Private DNS is off on ${vpcAssociation.id}, so ${custom} has no private hosted zone in ${vpcName}. Use ${generated}.`,
      fix: associationDnsFix(vpcAssociation, custom, "service"),
    },
  };
}

function associationNames(
  index: GraphIndex,
  facts: TargetFacts,
  vpcName: string,
  vpcAssociation: VpcAssociation,
  association: NonNullable<Path["association"]>,
): PathNames {
  const dns =
    association.kind === "resourceAssociation"
      ? resourceAssociationDns(vpcName, vpcAssociation, association, facts)
      : serviceAssociationDns(index, vpcName, vpcAssociation, association);
  const base = {
    pattern: "service-network-association" as const,
    via: {
      id: association.id,
      kind: association.kind,
      ...(association.accountId ? { accountId: association.accountId } : {}),
    },
  };
  const working: Hostname[] = [];
  const failing: Hostname[] = [];
  if (dns.generated)
    working.push(
      withCommand(facts, {
        ...base,
        hostname: dns.generated,
        works: true,
        privateDns: false,
        source: dns.generatedSource,
      }),
    );
  if (dns.private) {
    const { name, source, works, reason, fix } = dns.private;
    (works ? working : failing).push(
      withCommand(facts, {
        ...base,
        hostname: name,
        works,
        privateDns: true,
        source,
        ...(works ? {} : { reason, ...(fix ? { fix } : {}) }),
      }),
    );
  }
  return { working, failing };
}

/** The names a path publishes for the target in the consumer VPC. */
export function namesOnPath(index: GraphIndex, facts: TargetFacts, vpc: GraphNodeOf<"vpc">, path: Path): PathNames {
  if (path.entry.kind === "vpcEndpoint") return endpointNames(facts, path, path.entry);
  if (!path.association) return { working: [], failing: [] };
  return associationNames(index, facts, vpc.label, path.entry, path.association);
}

/**
 * Names a client would naturally try that do not work from this VPC: the
 * resource's own name or custom domain where no private DNS applies, and the
 * generated names of networks the VPC is not in. `working` are the names
 * that do work (across the VPC's usable paths).
 */
export function lookalikeNames(
  index: GraphIndex,
  facts: TargetFacts,
  vpc: GraphNodeOf<"vpc">,
  working: readonly Hostname[],
  failing: readonly Hostname[],
): Hostname[] {
  const out: Hostname[] = [];
  const first = working[0];
  if (!first) return out;
  const works = new Set(working.map((h) => h.hostname.toLowerCase()));
  const listed = new Set(failing.map((h) => h.hostname.toLowerCase()));
  if (facts.target.kind === "service") {
    const service = index.get(facts.target.id, "service");
    const name = service?.data.dnsName;
    if (name && !works.has(name.toLowerCase()))
      out.push(
        withCommand(facts, {
          hostname: name,
          works: false,
          pattern: "service-network-association",
          via: first.via,
          privateDns: false,
          source: NAME_SOURCES.serviceName,
          reason: `The service's default name resolves only in VPCs associated with one of its service networks; ${vpc.label} reaches it through an endpoint. Use ${first.hostname}.`,
        }),
      );
    return out;
  }
  const onlyAssociation = working.every((h) => h.pattern === "service-network-association");
  for (const native of facts.nativeNames) {
    const key = native.name.toLowerCase();
    if (works.has(key) || listed.has(key)) continue;
    listed.add(key);
    out.push(
      withCommand(facts, {
        hostname: native.name,
        works: false,
        pattern: onlyAssociation ? "service-network-association" : first.pattern,
        via: first.via,
        privateDns: true,
        source: native.source,
        reason: onlyAssociation
          ? `${vpc.label} reaches this resource only through its service-network VPC association, which publishes no private name for it here: ${native.name} resolves to the resource's own address, which this VPC has no route to (the connection times out). Use ${first.hostname}.`
          : `Private DNS does not apply to ${native.name} on this path (private DNS off on the endpoint, or not offered for this name), so it resolves to the resource's own address, outside this VPC. Use ${first.hostname}.`,
      }),
    );
  }
  for (const association of index.resourceAssociationsOf(facts.target.id)) {
    const name = association.data.dnsName;
    if (!name || works.has(name.toLowerCase())) continue;
    out.push(
      withCommand(facts, {
        hostname: name,
        works: false,
        pattern: "service-network-association",
        via: { id: association.id, kind: "resourceAssociation" },
        privateDns: false,
        source: NAME_SOURCES.snraName,
        reason: `${name} answers only in VPCs associated with ${index.label(association.data.serviceNetworkId)}; ${vpc.label} is not.`,
      }),
    );
  }
  return out;
}
