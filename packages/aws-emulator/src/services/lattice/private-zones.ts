/**
 * Names that resolve only inside a VPC: the private hosted zones VPC Lattice
 * provisions for custom domain names (and an RDS cluster's names behind an ARN
 * configuration) in a consumer VPC, through its service-network VPC
 * association or its VPC endpoints, when private DNS is on for that way in and
 * its private DNS preference admits the domain. Used by the control API's
 * resolver (`/_emulator/dns?name=…&vpcId=…`).
 */
import { createHash } from "node:crypto";
import type { PublicDns } from "../../core/public-dns.js";
import type { RegionState } from "../../core/region.js";
import { reachableConfigurations, serviceNetworkOf } from "../ec2/handlers/endpoints.js";
import { endpointsByVpc } from "../ec2/indexes.js";
import { intToIpv4, parseCidr } from "../ec2/network.js";
import { privateDomainOf } from "./handlers/associations.js";
import { domainVerified, serviceDomainVerified } from "./handlers/domain-verification.js";
import { resourceAssociationsByNetwork, serviceAssociationsByNetwork, vpcAssociationsByVpc } from "./indexes.js";
import { preferenceAdmits } from "./private-dns.js";
import type { ResourceConfigurationRecord } from "./state.js";
import { LIVE } from "./support.js";

export interface PrivateAnswer {
  name: string;
  addresses: string[];
  kind: "lattice-resource" | "lattice-service" | "vpc-endpoint";
  vpcId: string;
  /** What provisioned the zone: an association (snva-…) or an endpoint (vpce-…). */
  via: string;
}

const same = (a: string, b: string): boolean =>
  a.toLowerCase().replace(/\.$/, "") === b.toLowerCase().replace(/\.$/, "");

/** An address in a CIDR block, stable for the name (as the public resolver does for Lattice names). */
function hashed(name: string, cidr: string): string {
  const block = parseCidr(cidr)!;
  const span = 2 ** (32 - block.bits);
  const offset = createHash("sha256").update(name).digest().readUInt32BE(0) % span;
  return intToIpv4(block.base + offset);
}

export function resolvePrivateName(
  state: RegionState,
  rawName: string,
  vpcId: string,
  dns: PublicDns | undefined,
  now: number,
): PrivateAnswer | undefined {
  const name = rawName.toLowerCase().replace(/\.$/, "");
  const l = state.lattice;
  const verifiedConfig = (config: ResourceConfigurationRecord) => (domain: string) =>
    domainVerified(state, config, domain, dns, now);

  // Through the VPC's service-network association.
  for (const snva of vpcAssociationsByVpc.get(state, vpcId)) {
    if (snva.status !== "ACTIVE" || !snva.privateDnsEnabled) continue;
    const admits = (domain: string, verified: boolean) =>
      preferenceAdmits(
        snva.dnsOptions?.privateDnsPreference,
        snva.dnsOptions?.privateDnsSpecifiedDomains,
        domain,
        verified,
      );
    for (const association of resourceAssociationsByNetwork.get(state, snva.serviceNetworkId)) {
      const domain = association.privateDnsEntry?.domainName;
      if (!domain || !same(domain, name) || !association.privateDnsEnabled || !LIVE(association.status)) continue;
      const config = l.resourceConfigurations[association.resourceConfigurationId];
      if (!config || !admits(domain, verifiedConfig(config)(domain))) continue;
      return {
        name,
        addresses: [hashed(`${snva.id}:${name}`, "129.224.0.0/17")],
        kind: "lattice-resource",
        vpcId,
        via: snva.id,
      };
    }
    for (const association of serviceAssociationsByNetwork.get(state, snva.serviceNetworkId)) {
      const service = l.services[association.serviceId];
      const domain = service?.customDomainName;
      if (!domain || !same(domain, name) || !LIVE(association.status)) continue;
      if (!admits(domain, serviceDomainVerified(state, domain, dns, now))) continue;
      return {
        name,
        addresses: [hashed(`${snva.id}:${name}`, "169.254.171.0/24")],
        kind: "lattice-service",
        vpcId,
        via: snva.id,
      };
    }
  }

  // Through the VPC's Resource and ServiceNetwork endpoints.
  for (const endpoint of endpointsByVpc.get(state, vpcId)) {
    if (endpoint.State !== "Available" || !endpoint.PrivateDnsEnabled) continue;
    const admits = (domain: string, verified: boolean) =>
      preferenceAdmits(
        endpoint.DnsOptions?.PrivateDnsPreference,
        endpoint.DnsOptions?.PrivateDnsSpecifiedDomains,
        domain,
        verified,
      );
    const addresses = endpoint.NetworkInterfaceIds.map(
      (id) => state.ec2.networkInterfaces[id]?.PrivateIpAddress,
    ).filter((a): a is string => Boolean(a));
    const answer = { name, addresses, kind: "vpc-endpoint" as const, vpcId, via: endpoint.VpcEndpointId };
    if (endpoint.ResourceConfigurationArn) {
      for (const config of reachableConfigurations(state, endpoint)) {
        const domain = privateDomainOf(state, config);
        if (domain && same(domain, name) && admits(domain, verifiedConfig(config)(domain))) return answer;
      }
      continue;
    }
    const sn = endpoint.ServiceNetworkArn ? serviceNetworkOf(state, endpoint.ServiceNetworkArn) : undefined;
    if (!sn) continue;
    for (const association of resourceAssociationsByNetwork.get(state, sn.id)) {
      const domain = association.privateDnsEntry?.domainName;
      if (!domain || !same(domain, name) || !association.privateDnsEnabled || !LIVE(association.status)) continue;
      const config = l.resourceConfigurations[association.resourceConfigurationId];
      if (config && admits(domain, verifiedConfig(config)(domain))) return answer;
    }
    for (const association of serviceAssociationsByNetwork.get(state, sn.id)) {
      const domain = l.services[association.serviceId]?.customDomainName;
      if (!domain || !same(domain, name) || !LIVE(association.status)) continue;
      if (admits(domain, serviceDomainVerified(state, domain, dns, now))) return answer;
    }
  }
  return undefined;
}
