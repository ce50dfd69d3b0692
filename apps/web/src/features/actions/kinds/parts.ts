/** Small pieces the action kinds share: ids out of ARNs, subnets per zone, edges of a pending node. */
import type { GraphEdge, GraphNodeOf } from "@lattice-atlas/shared";
import type { ChangeForm, FormFields } from "./types";

/** The id at the end of an ARN (sn-…, rcfg-…, svc-…), or the id itself. */
export const idOf = (reference: string): string =>
  reference.startsWith("arn:") ? (reference.split("/").pop() ?? reference) : reference;

/** An id for a one-line summary; "?" where the input had none. */
export const shortId = (reference: string | undefined): string => (reference === undefined ? "?" : idOf(reference));

type Subnet = GraphNodeOf<"vpc">["data"]["subnets"][number];

/** The subnets of a VPC per Availability Zone, zones sorted, subnets by name then id. */
export function subnetsByZone(vpc: GraphNodeOf<"vpc"> | undefined): Array<{ zone: string; subnets: Subnet[] }> {
  if (!vpc) return [];
  const byZone = new Map<string, Subnet[]>();
  for (const subnet of vpc.data.subnets)
    byZone.set(subnet.availabilityZone, [...(byZone.get(subnet.availabilityZone) ?? []), subnet]);
  return [...byZone]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([zone, subnets]) => ({
      zone,
      subnets: [...subnets].sort((a, b) => (a.name ?? "").localeCompare(b.name ?? "") || a.id.localeCompare(b.id)),
    }));
}

/** The form's zone → subnet map for these subnets of the VPC (every zone present, "" where none is chosen). */
export function subnetByZoneOf(
  vpc: GraphNodeOf<"vpc"> | undefined,
  subnetIds: readonly string[],
): Record<string, string> {
  const byZone: Record<string, string> = Object.fromEntries(subnetsByZone(vpc).map(({ zone }) => [zone, ""]));
  for (const subnetId of subnetIds) {
    const zone = vpc?.data.subnets.find((s) => s.id === subnetId)?.availabilityZone;
    if (zone) byZone[zone] = subnetId;
  }
  return byZone;
}

/** The form's DNS fields for an action's dnsOptions. */
export function dnsFormOf(
  options: { privateDnsPreference?: ChangeForm["dnsPreference"]; privateDnsSpecifiedDomains?: string[] } | undefined,
): Pick<ChangeForm, "dnsPreference" | "specifiedDomains"> {
  return {
    dnsPreference: options?.privateDnsPreference ?? "",
    specifiedDomains: (options?.privateDnsSpecifiedDomains ?? []).join(", "),
  };
}

export const edgeOf = (kind: GraphEdge["kind"], source: string, target: string, status?: string): GraphEdge => ({
  id: `${kind}:${source}->${target}`,
  kind,
  source,
  target,
  ...(status ? { status } : {}),
});

/** "Uses security group" edges of a node in flight. */
export const groupEdges = (id: string, groups: readonly string[] | undefined): GraphEdge[] =>
  (groups ?? []).map((g) => edgeOf("security-group", id, g));

/** Which fields a creation asks for (the rest are off). */
export const fields = (on: Partial<Record<keyof FormFields, true>>): FormFields => ({
  vpc: on.vpc ?? false,
  network: on.network ?? false,
  configuration: on.configuration ?? false,
  service: on.service ?? false,
  subnets: on.subnets ?? false,
  groups: on.groups ?? false,
  privateDns: on.privateDns ?? false,
  dnsOptions: on.dnsOptions ?? false,
});
