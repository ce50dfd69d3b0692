import { ListAccountsCommand } from "@aws-sdk/client-organizations";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import {
  ListResourceConfigurationsCommand,
  ListServiceNetworkResourceAssociationsCommand,
  ListServiceNetworkVpcAssociationsCommand,
  ListServiceNetworksCommand,
} from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, loadNamedScenario } from "../index.js";
import { startHarness, type Harness } from "../testing/harness.js";
import { ESTATE_EXTERNAL_ID, ESTATE_ROLE } from "./estate.js";
import { largeMemberAccount, LARGE_NETWORKING_ACCOUNT } from "./large-accounts.js";

const PARAMS = { serviceNetworks: 4, vpcs: 20, resourceConfigurations: 30, services: 6, region: "us-east-1" };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ region: "us-east-1" });
  const loaded = await h.control("POST", "/_emulator/reset", { scenario: "large", params: { ...PARAMS, accounts: 3 } });
  expect(loaded.status).toBe(200);
});
afterAll(() => h.close());

describe("large with accounts: the same estate spread over a networking account and members", () => {
  it("keeps the single-account load when accounts is 1 (the default)", () => {
    const emulator = createEmulator();
    loadNamedScenario(emulator, "large", PARAMS);
    expect(emulator.states().map((s) => s.accountId)).toEqual([LARGE_NETWORKING_ACCOUNT]);
    expect(emulator.global.organizations.organization).toBeNull();
  });

  it("puts every account in an organization managed by the networking account", async () => {
    const { Accounts } = await h.organizations.send(new ListAccountsCommand({}));
    expect(Accounts?.map((a) => a.Id)).toEqual([
      LARGE_NETWORKING_ACCOUNT,
      largeMemberAccount(1),
      largeMemberAccount(2),
    ]);
    // Each member has the estate's read-only role, trusting the networking (management) account.
    const assumed = await h.sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${largeMemberAccount(2)}:role/${ESTATE_ROLE}`,
        RoleSessionName: "atlas",
        ExternalId: ESTATE_EXTERNAL_ID,
      }),
    );
    expect(assumed.AssumedRoleUser?.Arn).toContain(`:${largeMemberAccount(2)}:assumed-role/`);
  });

  it("the networking account owns the networks; its resource associations hold the members' configurations", async () => {
    const networks = (await h.lattice.send(new ListServiceNetworksCommand({}))).items!;
    expect(networks).toHaveLength(4);
    expect(networks.every((n) => n.arn!.includes(`:${LARGE_NETWORKING_ACCOUNT}:`))).toBe(true);
    const owners = new Set<string>();
    for (const network of networks) {
      const { items } = await h.lattice.send(
        new ListServiceNetworkResourceAssociationsCommand({ serviceNetworkIdentifier: network.id }),
      );
      for (const a of items ?? []) owners.add(a.resourceConfigurationArn!.split(":")[4]!);
    }
    expect([...owners].sort()).toEqual([largeMemberAccount(1), largeMemberAccount(2)]);
    // The members' VPC associations: as many as the one-account scenario makes, each seen by the owner.
    const associations = await Promise.all(
      networks.map((n) =>
        h.lattice.send(new ListServiceNetworkVpcAssociationsCommand({ serviceNetworkIdentifier: n.id })),
      ),
    );
    const all = associations.flatMap((a) => a.items ?? []);
    expect(all).toHaveLength(17); // 20 VPCs: 2 providers, 18 consumers, of which consumer 9 has no association
    expect(new Set(all.map((a) => a.createdBy))).toEqual(new Set([largeMemberAccount(1), largeMemberAccount(2)]));
  });

  it("a member lists the shared networks and the other member's shared configurations", async () => {
    const member = h.clientsFor(largeMemberAccount(1), "us-east-1");
    const networks = (await member.lattice.send(new ListServiceNetworksCommand({}))).items!;
    expect(networks.map((n) => n.arn!.split(":")[4])).toEqual(Array(4).fill(LARGE_NETWORKING_ACCOUNT));
    const configs = (await member.lattice.send(new ListResourceConfigurationsCommand({ maxResults: 100 }))).items!;
    const accounts = new Set(configs.map((c) => c.arn!.split(":")[4]));
    expect(accounts).toEqual(new Set([largeMemberAccount(1), largeMemberAccount(2)]));
  });

  it("refuses an accounts value out of range", async () => {
    for (const accounts of [0, 51, "many"]) {
      const refused = await h.control("POST", "/_emulator/scenarios/large", { accounts });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain("accounts must be an integer from 1 to 50");
    }
  });
});
