import { ListAccountsCommand } from "@aws-sdk/client-organizations";
import { GetResourceShareInvitationsCommand } from "@aws-sdk/client-ram";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { ListServiceNetworkResourceAssociationsCommand, ListServiceNetworksCommand } from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ESTATE_ACCOUNTS as A,
  ESTATE_EXTERNAL_ID,
  ESTATE_IDS as I,
  ESTATE_ROLE,
  estateScenario,
} from "../scenarios/estate.js";
import { sdkError, startHarness, type Harness } from "../testing/harness.js";

let h: Harness;
let copy: Harness;

beforeAll(async () => {
  h = await startHarness({ scenario: "estate" });
  copy = await startHarness();
});
afterAll(async () => {
  await h.close();
  await copy.close();
});

const platformNet = `arn:aws:vpc-lattice:ap-northeast-1:${A.networking}:servicenetwork/${I.platformNetwork}`;

describe("control routes for roles, the organization, sessions and sharing", () => {
  it("creates, lists and deletes IAM roles, refusing bad definitions with the field named", async () => {
    const created = await copy.control("POST", "/_emulator/iam/roles", {
      accountId: "123456789012",
      roleName: "Reader",
      path: "/atlas/",
      trustedPrincipals: ["111122223333"],
      maxSessionDuration: 7200,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      arn: "arn:aws:iam::123456789012:role/atlas/Reader",
      maxSessionDuration: 7200,
    });
    expect(created.body.roleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    const listed = await copy.control("GET", "/_emulator/iam/roles");
    expect(listed.body.roles.map((r: { arn: string }) => r.arn)).toContain(
      "arn:aws:iam::123456789012:role/atlas/Reader",
    );
    for (const [body, field] of [
      [{ accountId: "12", roleName: "x", trustedPrincipals: [] }, "accountId"],
      [{ accountId: "123456789012", roleName: "has space", trustedPrincipals: [] }, "roleName"],
      [
        { accountId: "123456789012", roleName: "x", trustedPrincipals: [], maxSessionDuration: 60 },
        "maxSessionDuration",
      ],
      [{ accountId: "123456789012", roleName: "x", path: "atlas" }, "assumeRolePolicyDocument"],
      [{ accountId: "123456789012", roleName: "x", trustedPrincipals: [], path: "atlas" }, "path"],
    ] as const) {
      const refused = await copy.control("POST", "/_emulator/iam/roles", body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.message, JSON.stringify(body)).toContain(field);
    }
    expect((await copy.control("DELETE", "/_emulator/iam/roles/123456789012/Reader")).status).toBe(200);
    expect((await copy.control("DELETE", "/_emulator/iam/roles/123456789012/Reader")).status).toBe(404);
  });

  it("sets and clears the organization", async () => {
    const bad = await copy.control("PUT", "/_emulator/organization", { managementAccountId: "x", accounts: [] });
    expect([bad.status, bad.body.message]).toEqual([400, "managementAccountId must be a 12-digit account id"]);
    const badStatus = await copy.control("PUT", "/_emulator/organization", {
      managementAccountId: "111122223333",
      accounts: [{ id: "222233334444", name: "a", status: "GONE" }],
    });
    expect(badStatus.body.message).toContain("accounts[1].status");
    await copy.control("PUT", "/_emulator/organization", { managementAccountId: "111122223333", accounts: [] });
    expect((await copy.organizations.send(new ListAccountsCommand({}))).Accounts?.map((a) => a.Id)).toEqual([
      "111122223333",
    ]);
    await copy.control("DELETE", "/_emulator/organization");
    expect((await sdkError(() => copy.organizations.send(new ListAccountsCommand({})))).name).toBe(
      "AWSOrganizationsNotInUseException",
    );
  });
});

describe("the state export carries the estate: roles, organization, shares, cross-account copies, sessions", () => {
  it("round-trips into another emulator, where the consumer's view and the issued credentials still work", async () => {
    const assumed = await h.sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${A.appVpcAssociation}:role/${ESTATE_ROLE}`,
        RoleSessionName: "export-test",
        ExternalId: ESTATE_EXTERNAL_ID,
      }),
    );
    const exported = await h.control("GET", "/_emulator/state");
    expect(exported.body.global.iam.roles[A.data][ESTATE_ROLE]).toBeTruthy();
    expect(exported.body.global.organizations.organization.managementAccountId).toBe(A.hub);
    const dataTokyo = exported.body.regions.find(
      (r: { accountId: string; region: string }) => r.accountId === A.data && r.region === "ap-northeast-1",
    );
    expect(Object.keys(dataTokyo.sharing.resourceShares)).toHaveLength(3);
    // No secret leaves through the sessions route, but the export is the whole state (a file the user keeps).
    expect((await copy.control("PUT", "/_emulator/state", exported.body)).status).toBe(200);

    const c = assumed.Credentials!;
    const app3 = copy.clientsWith({
      accessKeyId: c.AccessKeyId!,
      secretAccessKey: c.SecretAccessKey!,
      sessionToken: c.SessionToken!,
    });
    expect((await app3.sts.send(new GetCallerIdentityCommand({}))).Account).toBe(A.appVpcAssociation);
    expect((await app3.lattice.send(new ListServiceNetworksCommand({}))).items?.map((n) => n.arn)).toEqual([
      platformNet,
    ]);
    const resources = await app3.lattice.send(
      new ListServiceNetworkResourceAssociationsCommand({
        serviceNetworkIdentifier: platformNet,
        includeChildren: true,
      }),
    );
    expect(resources.items?.map((a) => a.id)).toContain(I.ordersDbWriterAssociation);
    const partner = copy.clientsFor(A.partner);
    const invitations = await partner.ram.send(new GetResourceShareInvitationsCommand({}));
    expect(invitations.resourceShareInvitations?.map((i) => i.status)).toEqual(["PENDING"]);
    expect((await copy.control("GET", "/_emulator/sharing")).body).toEqual({ unsharedAssociations: "keep" });
  });

  it("refuses a malformed global section, naming it, and leaves the state as it was", async () => {
    const state = (await copy.control("GET", "/_emulator/state")).body;
    for (const [global, message] of [
      [[], "global must be an object"],
      [{ iam: { roles: [] } }, "global.iam.roles must be an object"],
      [{ sharing: { unsharedAssociations: "never" } }, "global.sharing.unsharedAssociations"],
    ] as const) {
      const refused = await copy.control("PUT", "/_emulator/state", { ...state, global });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toContain(message);
    }
    // The imported estate is intact: the organization-wide share still reaches the members.
    for (const account of [A.hub, A.appVpcAssociation]) {
      const listed = await copy.clientsFor(account).lattice.send(new ListServiceNetworksCommand({}));
      expect(listed.items?.map((n) => n.arn)).toEqual([platformNet]);
    }
  });
});

describe("an estate given as data", () => {
  it("loads through /_emulator/scenario-document, and a broken one leaves the state untouched", async () => {
    const broken = structuredClone(estateScenario);
    broken.steps.push({
      part: {
        name: "bad",
        description: "",
        accountId: A.data,
        region: "ap-northeast-1",
        vpcs: [],
        endpoints: [{ name: "x", type: "Resource", vpc: "nope", subnets: [], securityGroups: [] }],
      },
    });
    const before = (await copy.control("GET", "/_emulator/state")).body;
    const refused = await copy.control("POST", "/_emulator/scenario-document", broken);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('unknown VPC "nope"');
    expect((await copy.control("GET", "/_emulator/state")).body).toEqual(before);

    const loaded = await copy.control("POST", "/_emulator/scenario-document", estateScenario);
    expect(loaded.status).toBe(200);
    expect(loaded.body.scenario).toBe("estate");
    expect(Object.keys(loaded.body.shares)).toContain("platform-networks");
    const networks = await copy.clientsFor(A.appVpcAssociation).lattice.send(new ListServiceNetworksCommand({}));
    expect(networks.items?.map((n) => n.arn)).toEqual([platformNet]);
  });
});
