/**
 * Names that resolve only inside a VPC: the private hosted zones VPC Lattice
 * provisions for custom domain names (and an RDS cluster's names behind an ARN
 * configuration) in a consumer VPC, through its service-network VPC
 * association or its VPC endpoints, when private DNS is on for that way in and
 * its private DNS preference admits the domain. Used by the control API's
 * resolver (`/_emulator/dns?name=…&vpcId=…`).
 */
import { createHash } from "node:crypto";
import type { RegionState } from "../../core/region.js";
import type { HandlerContext } from "../../core/service.js";
import { latticeStateOf, reachableConfigurations, serviceNetworkOf } from "../ec2/handlers/endpoints.js";
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

export function resolvePrivateName(ctx: HandlerContext, rawName: string, vpcId: string): PrivateAnswer | undefined {
  const name = rawName.toLowerCase().replace(/\.$/, "");
  const { state, publicDns: dns, now } = ctx;
  const ownerOf = (account: string | undefined): RegionState | undefined =>
    account && account !== ctx.accountId ? ctx.world.peek(account, ctx.region) : ctx.state;
  const verifiedConfig = (owner: RegionState | undefined, config: ResourceConfigurationRecord) => (domain: string) =>
    owner ? domainVerified(owner, config, domain, dns, now) : false;

  /** Resource names a network's associations give private zones to, and services' custom names. */
  function* networkNames(networkState: RegionState, snId: string) {
    for (const association of resourceAssociationsByNetwork.get(networkState, snId)) {
      const domain = association.privateDnsEntry?.domainName;
      if (!domain || !same(domain, name) || !association.privateDnsEnabled || !LIVE(association.status)) continue;
      const owner = association.resourceConfigurationOwner
        ? ctx.world.peek(association.resourceConfigurationOwner, ctx.region)
        : networkState;
      const config = owner?.lattice.resourceConfigurations[association.resourceConfigurationId];
      if (config) yield { kind: "resource" as const, domain, verified: verifiedConfig(owner, config)(domain) };
    }
    for (const association of serviceAssociationsByNetwork.get(networkState, snId)) {
      const owner = association.serviceOwner ? ctx.world.peek(association.serviceOwner, ctx.region) : networkState;
      const domain = owner?.lattice.services[association.serviceId]?.customDomainName;
      if (!domain || !same(domain, name) || !LIVE(association.status)) continue;
      yield { kind: "service" as const, domain, verified: serviceDomainVerified(owner!, domain, dns, now) };
    }
  }

  // Through the VPC's service-network association.
  for (const snva of vpcAssociationsByVpc.get(state, vpcId)) {
    if (snva.status !== "ACTIVE" || !snva.privateDnsEnabled) continue;
    const networkState = ownerOf(snva.serviceNetworkOwner);
    if (!networkState) continue;
    for (const found of networkNames(networkState, snva.serviceNetworkId)) {
      const options = snva.dnsOptions;
      if (
        !preferenceAdmits(
          options?.privateDnsPreference,
          options?.privateDnsSpecifiedDomains,
          found.domain,
          found.verified,
        )
      )
        continue;
      return found.kind === "resource"
        ? {
            name,
            addresses: [hashed(`${snva.id}:${name}`, "129.224.0.0/17")],
            kind: "lattice-resource",
            vpcId,
            via: snva.id,
          }
        : {
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
      const owner = latticeStateOf(ctx, endpoint.ResourceConfigurationArn);
      for (const config of reachableConfigurations(ctx, endpoint)) {
        const domain = owner ? privateDomainOf(owner, config) : undefined;
        if (domain && same(domain, name) && admits(domain, verifiedConfig(owner, config)(domain))) return answer;
      }
      continue;
    }
    const networkState = endpoint.ServiceNetworkArn ? latticeStateOf(ctx, endpoint.ServiceNetworkArn) : undefined;
    const sn = endpoint.ServiceNetworkArn ? serviceNetworkOf(networkState, endpoint.ServiceNetworkArn) : undefined;
    if (!sn || !networkState) continue;
    for (const found of networkNames(networkState, sn.id)) if (admits(found.domain, found.verified)) return answer;
  }
  return undefined;
}
