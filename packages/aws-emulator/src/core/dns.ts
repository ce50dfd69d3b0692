/**
 * What the names the emulator issues resolve to, as a VPC's resolver would
 * answer: Aurora endpoints → instance addresses in the provider VPC, endpoint
 * names → the endpoint's interface addresses, service-network names →
 * link-local (services) or 129.224.0.0/17 (resources) addresses.
 */
import { createHash } from "node:crypto";
import type { RegionState } from "./region.js";

export interface Resolution {
  name: string;
  addresses: string[];
  /** What the name belongs to: an RDS endpoint, a VPC endpoint, a Lattice association or service. */
  kind: "rds-writer" | "rds-reader" | "rds-instance" | "vpc-endpoint" | "lattice-resource" | "lattice-service";
  vpcId?: string;
}

function hashedAddress(prefix: [number, number], name: string, span: number): string {
  const digest = createHash("sha256").update(name).digest();
  const offset = digest.readUInt32BE(0) % span;
  return `${prefix[0]}.${prefix[1] + Math.floor(offset / 65536)}.${Math.floor(offset / 256) % 256}.${offset % 256}`;
}

export function resolveName(state: RegionState, rawName: string): Resolution | undefined {
  const name = rawName.toLowerCase().replace(/\.$/, "");
  // Cluster endpoints first: a cluster and an instance may share an identifier, and
  // `<id>.cluster-<hash>…` must not be taken for the instance `<id>`.
  const clusters = Object.values(state.rds.clusters);
  const vpcOf = (subnetGroup: string) => {
    const vpcId = state.rds.subnetGroups[subnetGroup]?.VpcId;
    return vpcId ? { vpcId } : {};
  };
  for (const cluster of clusters) {
    const instances = Object.values(state.rds.instances).filter(
      (i) => i.DBClusterIdentifier === cluster.DBClusterIdentifier,
    );
    const extra = vpcOf(cluster.DBSubnetGroup);
    if (name === cluster.Endpoint && instances[0])
      return { name, addresses: [instances[0].privateIpAddress], kind: "rds-writer", ...extra };
    if (name === cluster.ReaderEndpoint && instances.length > 0) {
      const readers = instances.length > 1 ? instances.slice(1) : instances;
      return { name, addresses: readers.map((i) => i.privateIpAddress), kind: "rds-reader", ...extra };
    }
  }
  // Instance endpoints: exactly the `Endpoint.Address` RDS reports (`<id>.<hash>.<region>.rds.amazonaws.com`).
  const hash = state.rds.endpointHash;
  if (hash) {
    for (const instance of Object.values(state.rds.instances)) {
      if (name === `${instance.DBInstanceIdentifier}.${hash}.${state.region}.rds.amazonaws.com`) {
        return {
          name,
          addresses: [instance.privateIpAddress],
          kind: "rds-instance",
          ...vpcOf(instance.DBSubnetGroupName),
        };
      }
    }
  }
  const vpce = /^(vpce-[0-9a-f]{17})[.-]/.exec(name);
  if (vpce) {
    const endpoint = state.ec2.vpcEndpoints[vpce[1]!];
    if (endpoint) {
      const addresses = endpoint.NetworkInterfaceIds.map(
        (id) => state.ec2.networkInterfaces[id]?.PrivateIpAddress,
      ).filter((a): a is string => Boolean(a));
      return { name, addresses, kind: "vpc-endpoint", vpcId: endpoint.VpcId };
    }
  }
  if (name.includes(".vpc-lattice-rsc.")) {
    const snra = /^(snra-[0-9a-f]{17})\./.exec(name)?.[1];
    if (snra && state.lattice.resourceAssociations[snra])
      return { name, addresses: [hashedAddress([129, 224], name, 32768)], kind: "lattice-resource" };
  }
  if (name.includes(".vpc-lattice-svcs.")) {
    const service = Object.values(state.lattice.services).find((s) => s.dnsEntry.domainName === name);
    if (service)
      return {
        name,
        addresses: [hashedAddress([169, 254], name, 256).replace(/^169\.254\.\d+\./, "169.254.171.")],
        kind: "lattice-service",
      };
  }
  return undefined;
}
