/**
 * Joining the reads of several accounts: one node per AWS id, the owner's
 * read preferred, both accounts recorded; references into accounts that were
 * not read become named stubs; the Lattice rules then answer across accounts.
 */
import { describe, expect, it } from "vitest";
import { GraphIndex } from "../lattice/graph-index.js";
import { answerConnect } from "../lattice/connect.js";
import { buildGraph } from "./build.js";
import { emptyInputs, type DiscoveryInputs } from "./inputs.js";
import { mergeGraphs, type AccountGraph } from "./merge.js";

const REGION = "ap-northeast-1";
const NETWORKING = "111111111111";
const DATA = "222222222222";
const APP = "333333333333";
const lattice = (account: string, path: string) => `arn:aws:vpc-lattice:${REGION}:${account}:${path}`;
const SN = "sn-0000000000000000a";
const RCFG = "rcfg-0000000000000000d";
const SNRA = "snra-0000000000000000d";
const SNVA = "snva-0000000000000000e";
const APP_VPC = "vpc-0000000000000000c";
const SNRA_NAME = `${SNRA}.${RCFG}.4232ccc.vpc-lattice-rsc.${REGION}.on.aws`;

function networkingAccount(): DiscoveryInputs {
  const inputs = emptyInputs(NETWORKING, REGION);
  inputs.serviceNetworks.push({
    id: SN,
    arn: lattice(NETWORKING, `servicenetwork/${SN}`),
    name: "shared-network",
    authPolicy: "absent",
    associatedVpcs: 1,
    associatedServices: 0,
    associatedResourceConfigurations: 1,
  });
  // The owner sees the consumer's association, and its VPC only as an id (created by the app account).
  inputs.vpcAssociations.push({
    id: SNVA,
    arn: lattice(NETWORKING, `servicenetworkvpcassociation/${SNVA}`),
    status: "ACTIVE",
    serviceNetworkId: SN,
    vpcId: APP_VPC,
    createdBy: APP,
    securityGroupIds: [],
    privateDnsEnabled: false,
  });
  inputs.resourceAssociations.push({
    id: SNRA,
    arn: lattice(NETWORKING, `servicenetworkresourceassociation/${SNRA}`),
    status: "ACTIVE",
    serviceNetworkId: SN,
    resourceConfigurationId: RCFG,
    resourceConfigurationArn: lattice(DATA, `resourceconfiguration/${RCFG}`),
    isManaged: false,
    privateDnsEnabled: false,
    dnsName: SNRA_NAME,
  });
  return inputs;
}

function appAccount(): DiscoveryInputs {
  const inputs = emptyInputs(APP, REGION);
  inputs.vpcs.push({ vpcId: APP_VPC, cidr: "10.3.0.0/16", isDefault: false, tags: { Name: "app-pattern-3" } });
  // The consumer lists the shared network with its owner's ARN, and its own association (its ARN, same id).
  inputs.serviceNetworks.push({
    id: SN,
    arn: lattice(NETWORKING, `servicenetwork/${SN}`),
    name: "shared-network",
    authPolicy: "unknown",
    associatedVpcs: 0,
    associatedServices: 0,
    associatedResourceConfigurations: 0,
  });
  inputs.vpcAssociations.push({
    id: SNVA,
    arn: lattice(APP, `servicenetworkvpcassociation/${SNVA}`),
    status: "ACTIVE",
    serviceNetworkId: SN,
    vpcId: APP_VPC,
    securityGroupIds: null,
    privateDnsEnabled: false,
  });
  return inputs;
}

function dataAccount(): DiscoveryInputs {
  const inputs = emptyInputs(DATA, REGION);
  inputs.resourceConfigurations.push({
    id: RCFG,
    arn: lattice(DATA, `resourceconfiguration/${RCFG}`),
    name: "orders-db",
    type: "SINGLE",
    status: "ACTIVE",
    amazonManaged: false,
    details: { portRanges: ["5432"], protocol: "TCP", definition: { kind: "dns", values: ["orders.internal"] } },
  });
  return inputs;
}

const part = (inputs: DiscoveryInputs): AccountGraph => ({
  ...buildGraph(inputs),
  accountId: inputs.accountId,
  region: inputs.region,
});

describe("mergeGraphs: one estate graph from per-account reads", () => {
  it("an association seen from both sides is one node, the owner's read preferred, both accounts recorded", () => {
    const { nodes } = mergeGraphs([part(networkingAccount()), part(appAccount()), part(dataAccount())], {
      unreadable: new Map(),
      readAccounts: new Set([NETWORKING, APP, DATA]),
    });
    const associations = nodes.filter((n) => n.id === SNVA);
    expect(associations).toHaveLength(1);
    expect(associations[0]).toMatchObject({ accountId: NETWORKING, observedIn: [NETWORKING, APP] });
    // The owner's read knew the groups (none); the consumer's did not (null): the owner's stands.
    expect(associations[0]!.data).toMatchObject({ securityGroupIds: [] });
    const network = nodes.find((n) => n.id === SN)!;
    expect(network).toMatchObject({ accountId: NETWORKING, data: { authPolicy: "absent" } });
    expect(nodes.find((n) => n.id === RCFG)).toMatchObject({ accountId: DATA });
    expect(nodes.some((n) => n.kind === "stub")).toBe(false);
  });

  it("Connect from the app account's VPC answers with the data account's snra-… name", () => {
    const merged = mergeGraphs([part(networkingAccount()), part(appAccount()), part(dataAccount())], {
      unreadable: new Map(),
      readAccounts: new Set([NETWORKING, APP, DATA]),
    });
    const answer = answerConnect(new GraphIndex(merged.nodes, merged.edges), APP_VPC);
    expect(answer.reachable.map((r) => [r.target.name, r.hostnames.map((h) => h.hostname)])).toEqual([
      ["orders-db", [SNRA_NAME]],
    ]);
  });

  it("references into an unreadable account become named stubs, with the reason", () => {
    const merged = mergeGraphs([part(networkingAccount()), part(dataAccount())], {
      unreadable: new Map([[APP, "assume-role denied (AccessDenied)"]]),
      readAccounts: new Set([NETWORKING, DATA]),
    });
    const stub = merged.nodes.find((n) => n.id === APP_VPC)!;
    expect(stub).toMatchObject({
      kind: "stub",
      label: `VPC ${APP_VPC} in account ${APP}`,
      accountId: APP,
      data: { refKind: "vpc", reason: "not readable: assume-role denied (AccessDenied)" },
    });
    expect(merged.edges.some((e) => e.source === APP_VPC && e.target === SNVA)).toBe(true);
  });

  it("a consumer alone: the shared network's configuration is a stub outside what the source reads", () => {
    const inputs = appAccount();
    inputs.resourceAssociations.push(...networkingAccount().resourceAssociations);
    const merged = mergeGraphs([part(inputs)], { unreadable: new Map(), readAccounts: new Set([APP]) });
    expect(merged.nodes.find((n) => n.id === RCFG)).toMatchObject({
      kind: "stub",
      label: `resource configuration ${RCFG} in account ${DATA}`,
      data: { reason: `account ${DATA} is outside what this source reads` },
    });
  });
});
