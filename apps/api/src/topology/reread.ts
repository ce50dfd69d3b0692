/**
 * A targeted re-read: given the inputs of the last read and the slices a change touched (slices.ts), reads
 * only those slices again with the same readers discovery uses, and answers new inputs with them replaced
 * (the previous inputs are not modified: the entry they belong to may still be serving). The caller rebuilds
 * the picture from them with build.ts. Any failure — a call, a slice this server does not know, a network not
 * in the inputs, a set of networks that changed — throws, and the caller reads the whole account instead.
 */
import type { Readers } from "../aws/index.js";
import type { DiscoveryMemo } from "./discover.js";
import type { DiscoveryInputs, ServiceNetworkInput, VpcAssociationInput } from "./inputs.js";
import { NETWORK_SLICES, parseSlice, type NetworkSliceName, type ParsedSlice } from "./slices.js";

/** Why a re-read cannot answer: the caller reads everything. */
export class Unpatchable extends Error {
  override name = "Unpatchable";
}

export interface RereadResult {
  inputs: DiscoveryInputs;
  memo: DiscoveryMemo;
  /** Get calls skipped because a List showed the item unchanged. */
  reused: number;
}

type NetworkRow = { serviceNetworkId: string };

/** `rows` without `network`'s, and `fresh` in their place; by network, each network's rows in listing order. */
function replaceRows<T extends NetworkRow>(rows: readonly T[], network: string, fresh: readonly T[]): T[] {
  return [...rows.filter((r) => r.serviceNetworkId !== network), ...fresh].sort((a, b) =>
    a.serviceNetworkId.localeCompare(b.serviceNetworkId),
  );
}

export async function rereadSlices(
  readers: Readers,
  previous: { inputs: DiscoveryInputs; memo: DiscoveryMemo },
  slices: readonly string[],
): Promise<RereadResult> {
  const parsed: ParsedSlice[] = [];
  for (const text of new Set(slices)) {
    const slice = parseSlice(text);
    if (!slice) throw new Unpatchable(`unknown slice ${text}`);
    parsed.push(slice);
  }
  const { ec2, lattice } = readers;
  const inputs: DiscoveryInputs = { ...previous.inputs };
  const vpcAssociationMemo = new Map(previous.memo.vpcAssociations);
  let reused = 0;

  // The networks first: their list says whether the per-network slices below still name the same networks.
  if (parsed.some((s) => s.name === "serviceNetworks")) {
    const listed = await lattice.listServiceNetworks();
    const before = new Map(previous.inputs.serviceNetworks.map((n) => [n.id, n]));
    if (listed.length !== before.size || listed.some((n) => !before.has(n.id)))
      throw new Unpatchable("the service networks changed");
    inputs.serviceNetworks = listed
      .map((row): ServiceNetworkInput => {
        const known = before.get(row.id)!;
        // Auth is read per network by GetAuthPolicy, which no change of Atlas alters: kept as read.
        return {
          ...row,
          ...(known.authType !== undefined ? { authType: known.authType } : {}),
          authPolicy: known.authPolicy,
          ...(known.authPolicyText !== undefined ? { authPolicyText: known.authPolicyText } : {}),
        };
      })
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /** The networks a network slice names: one (by id or ARN), or every network read. */
  const networksOf = (slice: ParsedSlice): ServiceNetworkInput[] => {
    if (slice.network === undefined) return inputs.serviceNetworks;
    const network = inputs.serviceNetworks.find((n) => n.id === slice.network || n.arn === slice.network);
    if (!network) throw new Unpatchable(`service network ${slice.network} is not in the picture`);
    return [network];
  };

  const readNetworkSlice = async (name: NetworkSliceName, network: ServiceNetworkInput): Promise<void> => {
    switch (name) {
      case "serviceAssociations": {
        const rows = await lattice.listServiceAssociations(network.arn);
        inputs.serviceAssociations = replaceRows(inputs.serviceAssociations, network.id, rows);
        return;
      }
      case "resourceAssociations": {
        const rows = await lattice.listResourceAssociations(network.arn);
        inputs.resourceAssociations = replaceRows(inputs.resourceAssociations, network.id, rows);
        return;
      }
      case "networkEndpoints": {
        const rows = await lattice.listNetworkEndpoints(network.arn);
        inputs.networkEndpoints = replaceRows(inputs.networkEndpoints, network.id, rows);
        return;
      }
      case "vpcAssociations": {
        const listed = await lattice.listVpcAssociations(network.arn);
        // As discovery does: the Get only for an association whose lastUpdatedAt moved.
        const rows = await Promise.all(
          listed.map(async (association): Promise<VpcAssociationInput> => {
            const known = previous.memo.vpcAssociations.get(association.id);
            let fields: Pick<VpcAssociationInput, "securityGroupIds" | "failureCode" | "failureMessage">;
            if (known && association.lastUpdatedAt && known.lastUpdatedAt === association.lastUpdatedAt) {
              fields = known.fields;
              reused += 1;
            } else {
              fields = await lattice.getVpcAssociation(association.id);
            }
            if (association.lastUpdatedAt)
              vpcAssociationMemo.set(association.id, { lastUpdatedAt: association.lastUpdatedAt, fields });
            return { ...association, ...fields };
          }),
        );
        const gone = inputs.vpcAssociations.filter(
          (a) => a.serviceNetworkId === network.id && !listed.some((l) => l.id === a.id),
        );
        for (const association of gone) vpcAssociationMemo.delete(association.id);
        inputs.vpcAssociations = replaceRows(inputs.vpcAssociations, network.id, rows);
        return;
      }
    }
  };

  // A network slice once per network, whether it was named for that network or for every one.
  const perNetwork = new Map<string, { name: NetworkSliceName; network: ServiceNetworkInput }>();
  const work: Array<Promise<void>> = [];
  for (const slice of parsed) {
    if ((NETWORK_SLICES as readonly string[]).includes(slice.name)) {
      const name = slice.name as NetworkSliceName;
      for (const network of networksOf(slice)) perNetwork.set(`${name}@${network.id}`, { name, network });
      continue;
    }
    switch (slice.name) {
      case "serviceNetworks":
        break;
      case "vpcEndpoints":
        // As discovery: nothing of EC2's is asked of an account without VPCs, no rows without endpoints.
        if (inputs.vpcs.length > 0)
          work.push(
            ec2.describeLatticeEndpoints().then(async (endpoints) => {
              inputs.vpcEndpoints = endpoints;
              inputs.endpointAssociations = endpoints.length === 0 ? [] : await ec2.describeEndpointAssociations();
            }),
          );
        break;
      case "securityGroups":
        if (inputs.vpcs.length > 0)
          work.push(
            ec2.describeSecurityGroups().then(async (groups) => {
              inputs.securityGroups = groups;
              const named = new Set(
                groups
                  .flatMap((g) => [...g.ingress, ...g.egress])
                  .flatMap((r) => (r.prefixListId ? [r.prefixListId] : [])),
              );
              inputs.prefixLists = named.size === 0 ? [] : await ec2.describePrefixLists([...named].sort());
            }),
          );
        break;
      case "domainVerifications":
        if ([...inputs.resourceConfigurations, ...inputs.services].some((x) => x.customDomainName))
          work.push(lattice.listDomainVerifications().then((v) => void (inputs.domainVerifications = v)));
        break;
      default:
        throw new Unpatchable(`no re-read for slice ${slice.name}`);
    }
  }
  for (const { name, network } of perNetwork.values()) work.push(readNetworkSlice(name, network));
  await Promise.all(work);
  return {
    inputs,
    memo: { configurations: previous.memo.configurations, vpcAssociations: vpcAssociationMemo },
    reused,
  };
}
