/**
 * Targeted re-reads against the real embedded emulator through real SDK clients: after a change, only the
 * slices it touched are read again (a few calls), and the picture rebuilt from them is the one a full fresh
 * discovery reads (same nodes and edges).
 */
import {
  CreateServiceNetworkCommand,
  CreateServiceNetworkServiceAssociationCommand,
  DeleteServiceNetworkServiceAssociationCommand,
} from "@aws-sdk/client-vpc-lattice";
import type { Action, Topology } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CallRunner, createAwsClients, createReaders } from "../aws/index.js";
import { executeOk, namesOf, pollUntilDone, REGION, sdk, topology } from "../testing/actions.js";
import { startTestApp, type TestApp } from "../testing/app.js";
import { buildGraph } from "./build.js";
import { discover } from "./discover.js";
import { rereadSlices, Unpatchable } from "./reread.js";
import { touches } from "./slices.js";

let t: TestApp;
/** A second app on the same emulator: its refresh is the full fresh discovery a patch is compared with. */
let full: TestApp;
let aws: ReturnType<typeof sdk>;
let names: ReturnType<typeof namesOf>;
let secondNetwork: string;
let accountId: string;

beforeAll(async () => {
  t = await startTestApp();
  full = await startTestApp({ emulator: t.emulator });
  aws = sdk(t);
  // Made before the first read: a network made behind the app's back is a change it does not know of.
  secondNetwork = (await aws.lattice.send(new CreateServiceNetworkCommand({ name: "reread-sn" }))).id!;
  const first = await topology(t, true);
  names = namesOf(first);
  accountId = first.accountId;
}, 60_000);
afterAll(async () => {
  await full?.close();
  await t?.close();
});

const readers = (runner: CallRunner) =>
  createReaders(createAwsClients({ kind: "emulator", endpoint: t.emulator.url }, REGION, { maxAttempts: 1 }), runner);

const graphOf = (patched: Topology) => ({ nodes: patched.nodes, edges: patched.edges });

/** The app's next picture is patched, with `calls`, and equals a full fresh discovery. */
async function patchedEqualsFull(calls: Record<string, number>): Promise<Topology> {
  const patched = await topology(t);
  expect(patched.stats).toMatchObject({ cached: false, patchedAt: expect.any(String) });
  expect(patched.stats.calls).toEqual(calls);
  const fresh = await topology(full, true);
  expect(fresh.stats.patchedAt).toBeUndefined();
  expect(graphOf(patched)).toEqual(graphOf(fresh));
  return patched;
}

describe("rereadSlices, on readers of the emulator", () => {
  it("an associated service: one List of the network and the network list; the graph is a fresh discovery's", async () => {
    const before = await discover(readers(new CallRunner()), { accountId, region: REGION });
    const association = await aws.lattice.send(
      new CreateServiceNetworkServiceAssociationCommand({
        serviceNetworkIdentifier: secondNetwork,
        serviceIdentifier: names.service,
      }),
    );
    const action: Action = { type: "associate-service", serviceNetworkId: secondNetwork, serviceId: names.service };
    const runner = new CallRunner();
    const patched = await rereadSlices(readers(runner), before, touches(action, { id: association.id! }));
    expect(Object.fromEntries(runner.calls)).toEqual({
      "vpc-lattice:ListServiceNetworks": 1,
      "vpc-lattice:ListServiceNetworkServiceAssociations": 1,
    });
    // The inputs of the earlier read are left as they were (its picture may still be serving).
    expect(before.inputs.serviceAssociations.some((a) => a.id === association.id)).toBe(false);
    const after = await discover(readers(new CallRunner()), { accountId, region: REGION });
    expect(buildGraph(patched.inputs)).toEqual(buildGraph(after.inputs));
    await aws.lattice.send(
      new DeleteServiceNetworkServiceAssociationCommand({
        serviceNetworkServiceAssociationIdentifier: association.id!,
      }),
    );
  });

  it("refuses what it cannot answer: an unknown slice, a network not in the picture, networks that changed", async () => {
    const before = await discover(readers(new CallRunner()), { accountId, region: REGION });
    await expect(rereadSlices(readers(new CallRunner()), before, ["everything"])).rejects.toBeInstanceOf(Unpatchable);
    await expect(
      rereadSlices(readers(new CallRunner()), before, ["serviceAssociations@sn-00000000000000000"]),
    ).rejects.toBeInstanceOf(Unpatchable);
    await aws.lattice.send(new CreateServiceNetworkCommand({ name: "reread-behind-its-back" }));
    await expect(rereadSlices(readers(new CallRunner()), before, ["serviceNetworks"])).rejects.toBeInstanceOf(
      Unpatchable,
    );
    // The app learns of that network on a refresh.
    await topology(t, true);
  });
});

describe("the app after its own changes: the slices re-read, the picture a full discovery's", () => {
  it("associate and remove a service", async () => {
    const made = await executeOk(t, {
      type: "associate-service",
      serviceNetworkId: secondNetwork,
      serviceId: names.service,
    });
    const patched = await patchedEqualsFull({
      "vpc-lattice:ListServiceNetworks": 1,
      "vpc-lattice:ListServiceNetworkServiceAssociations": 1,
    });
    expect(patched.nodes.some((n) => n.id === made.resource.id)).toBe(true);
    // A cached read answers the patched picture; discoveredAt stays the last full read's.
    const cached = await topology(t);
    expect(cached.stats).toMatchObject({ cached: true, patchedAt: patched.stats.patchedAt });
    await executeOk(t, { type: "remove-service-association", associationId: made.resource.id });
    await patchedEqualsFull({
      "vpc-lattice:ListServiceNetworks": 1,
      "vpc-lattice:ListServiceNetworkServiceAssociations": 1,
    });
  });

  it("associate a VPC (its Get too), change its DNS, remove it", async () => {
    const vpc = "consumer-resource-endpoint-vpc";
    const made = await executeOk(t, {
      type: "associate-vpc",
      vpcId: names.vpc(vpc),
      serviceNetworkId: names.serviceNetwork,
      securityGroupIds: [names.group(vpc, "resource-endpoint-sg")],
    });
    await patchedEqualsFull({
      "vpc-lattice:ListServiceNetworks": 1,
      "vpc-lattice:ListServiceNetworkVpcAssociations": 1,
      "vpc-lattice:GetServiceNetworkVpcAssociation": 1,
    });
    await executeOk(t, {
      type: "update-vpc-association-dns",
      associationId: made.resource.id,
      privateDnsEnabled: true,
    });
    await patchedEqualsFull({
      "vpc-lattice:ListServiceNetworkVpcAssociations": 1,
      "vpc-lattice:GetServiceNetworkVpcAssociation": 1,
    });
    await executeOk(t, { type: "remove-vpc-association", associationId: made.resource.id });
    // Gone at once here (no transition delay): nothing to Get.
    await patchedEqualsFull({
      "vpc-lattice:ListServiceNetworks": 1,
      "vpc-lattice:ListServiceNetworkVpcAssociations": 1,
    });
  });

  it("associate a resource configuration and remove it", async () => {
    const made = await executeOk(t, {
      type: "associate-resource",
      serviceNetworkId: secondNetwork,
      resourceConfigurationId: names.auroraConfiguration,
    });
    await patchedEqualsFull({
      "vpc-lattice:ListServiceNetworks": 1,
      "vpc-lattice:ListServiceNetworkResourceAssociations": 1,
    });
    await executeOk(t, { type: "remove-resource-association", associationId: made.resource.id });
    await patchedEqualsFull({
      "vpc-lattice:ListServiceNetworks": 1,
      "vpc-lattice:ListServiceNetworkResourceAssociations": 1,
    });
  });

  it("endpoints: a Resource one and a ServiceNetwork one, made and removed", async () => {
    const vpc = "consumer-sn-association-vpc";
    const resource = await executeOk(t, {
      type: "create-resource-endpoint",
      vpcId: names.vpc(vpc),
      resourceConfigurationId: names.auroraConfiguration,
      subnetIds: names.subnets(vpc),
      securityGroupIds: [names.group(vpc, "sn-association-sg")],
      privateDnsEnabled: false,
    });
    await patchedEqualsFull({ "ec2:DescribeVpcEndpoints": 1, "ec2:DescribeVpcEndpointAssociations": 1 });
    await executeOk(t, { type: "remove-endpoint", endpointId: resource.resource.id });
    await patchedEqualsFull({ "ec2:DescribeVpcEndpoints": 1, "ec2:DescribeVpcEndpointAssociations": 1 });

    const other = "consumer-resource-endpoint-vpc";
    const network = await executeOk(t, {
      type: "create-service-network-endpoint",
      vpcId: names.vpc(other),
      serviceNetworkId: names.serviceNetwork,
      subnetIds: names.subnets(other),
      securityGroupIds: [names.group(other, "resource-endpoint-sg")],
      privateDnsEnabled: false,
    });
    const calls = {
      "ec2:DescribeVpcEndpoints": 1,
      "ec2:DescribeVpcEndpointAssociations": 1,
      "vpc-lattice:ListServiceNetworkVpcEndpointAssociations": 1,
    };
    await patchedEqualsFull(calls);
    // A poll that sees it settle marks the same slices.
    await pollUntilDone(t, "vpcEndpoint", network.resource.id);
    await topology(t);
    await executeOk(t, { type: "remove-endpoint", endpointId: network.resource.id });
    await patchedEqualsFull(calls);
  });

  it("an ingress rule: the security groups (and the prefix lists they name)", async () => {
    const vpc = "consumer-resource-endpoint-vpc";
    await executeOk(t, {
      type: "add-ingress-rule",
      groupId: names.group(vpc, "resource-endpoint-sg"),
      protocol: "tcp",
      port: 8443,
      cidr: "10.99.0.0/16",
    });
    const patched = await topology(t);
    expect(
      Object.keys(patched.stats.calls).every((k) => /DescribeSecurityGroups|DescribeManagedPrefixLists/.test(k)),
    ).toBe(true);
    expect(graphOf(patched)).toEqual(graphOf(await topology(full, true)));
  });

  it("a domain verification: at most the verifications' List", async () => {
    await executeOk(t, { type: "start-domain-verification", domainName: "orders.example.com" });
    const patched = await topology(t);
    expect(patched.stats.patchedAt).toEqual(expect.any(String));
    expect(Object.keys(patched.stats.calls).filter((k) => k !== "vpc-lattice:ListDomainVerifications")).toEqual([]);
    expect(graphOf(patched)).toEqual(graphOf(await topology(full, true)));
  });

  it("a refresh reads everything (no patchedAt); a change a patch cannot answer falls back to a full read", async () => {
    const refreshed = await topology(t, true);
    expect(refreshed.stats.patchedAt).toBeUndefined();
    expect(refreshed.stats.totalCalls).toBeGreaterThan(10);
    const fullRead = async (): Promise<Topology> => {
      const after = await topology(t);
      expect(after.stats).toMatchObject({ cached: false });
      expect(after.stats.patchedAt).toBeUndefined();
      expect(after.stats.totalCalls).toBeGreaterThan(10);
      expect(graphOf(after)).toEqual(graphOf(await topology(full, true)));
      return after;
    };
    // The re-read fails (once): everything is read instead.
    await t.control("POST", "/_emulator/faults", [
      {
        service: "vpc-lattice",
        operation: "ListServiceNetworkServiceAssociations",
        count: 1,
        error: { code: "AccessDeniedException", statusCode: 403 },
      },
    ]);
    const made = await executeOk(t, {
      type: "associate-service",
      serviceNetworkId: secondNetwork,
      serviceId: names.service,
    });
    expect((await fullRead()).nodes.some((n) => n.id === made.resource.id)).toBe(true);
    // A network made behind the app's back: the network list changed, so everything is read.
    await aws.lattice.send(new CreateServiceNetworkCommand({ name: "reread-hidden" }));
    await executeOk(t, { type: "remove-service-association", associationId: made.resource.id });
    expect((await fullRead()).nodes.some((n) => n.id === made.resource.id)).toBe(false);
  });
});
