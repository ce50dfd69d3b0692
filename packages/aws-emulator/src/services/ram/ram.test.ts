import {
  AcceptResourceShareInvitationCommand,
  AssociateResourceShareCommand,
  CreateResourceShareCommand,
  DeleteResourceShareCommand,
  DisassociateResourceShareCommand,
  EnableSharingWithAwsOrganizationCommand,
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  ListPrincipalsCommand,
  ListResourcesCommand,
  RejectResourceShareInvitationCommand,
} from "@aws-sdk/client-ram";
import { CreateServiceNetworkCommand, ListServiceNetworksCommand } from "@aws-sdk/client-vpc-lattice";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Clients, type Harness } from "../../testing/harness.js";

const NETWORKING = "222233334444";
const APP = "444455556666";
const OTHER_APP = "555566667777";
const OUTSIDER = "999988887777";
const MANAGEMENT = "111122223333";

let h: Harness;
let networking: Clients;
let app: Clients;
let snArn: string;
let privateSnArn: string;

beforeAll(async () => {
  h = await startHarness();
  networking = h.clientsFor(NETWORKING);
  app = h.clientsFor(APP);
});
afterAll(() => h.close());

beforeEach(async () => {
  await h.control("POST", "/_emulator/reset", {});
  await h.control("PUT", "/_emulator/organization", {
    managementAccountId: MANAGEMENT,
    ramSharingEnabled: true,
    accounts: [
      { id: NETWORKING, name: "networking" },
      { id: APP, name: "app" },
      { id: OTHER_APP, name: "other-app" },
    ],
  });
  snArn = (await networking.lattice.send(new CreateServiceNetworkCommand({ name: "shared-net" }))).arn!;
  privateSnArn = (
    await networking.lattice.send(
      new CreateServiceNetworkCommand({ name: "private-net", sharingConfig: { enabled: false } }),
    )
  ).arn!;
});

const networkNames = async (c: Clients) =>
  ((await c.lattice.send(new ListServiceNetworksCommand({}))).items ?? []).map((i) => `${i.name}@${i.arn}`);

describe("RAM invitations (principals outside organization sharing)", () => {
  it("share → PENDING invitation → accept → the consumer lists the owner's network", async () => {
    const outsider = h.clientsFor(OUTSIDER);
    const created = await networking.ram.send(
      new CreateResourceShareCommand({ name: "lattice-networks", resourceArns: [snArn], principals: [OUTSIDER] }),
    );
    const share = created.resourceShare!;
    expect(share.resourceShareArn).toMatch(
      new RegExp(`^arn:aws:ram:ap-northeast-1:${NETWORKING}:resource-share/[0-9a-f-]{36}$`),
    );
    expect(share.status).toBe("ACTIVE");
    expect(share.owningAccountId).toBe(NETWORKING);
    expect(share.creationTime).toBeInstanceOf(Date);

    const principals = await networking.ram.send(
      new GetResourceShareAssociationsCommand({ associationType: "PRINCIPAL" }),
    );
    expect(principals.resourceShareAssociations).toMatchObject([
      { associatedEntity: OUTSIDER, status: "ASSOCIATING", external: true, associationType: "PRINCIPAL" },
    ]);
    expect(await networkNames(outsider)).toEqual([]);
    expect(
      (await outsider.ram.send(new GetResourceSharesCommand({ resourceOwner: "OTHER-ACCOUNTS" }))).resourceShares,
    ).toEqual([]);

    const { resourceShareInvitations } = await outsider.ram.send(new GetResourceShareInvitationsCommand({}));
    expect(resourceShareInvitations).toHaveLength(1);
    const invitation = resourceShareInvitations![0]!;
    expect(invitation).toMatchObject({
      status: "PENDING",
      senderAccountId: NETWORKING,
      receiverAccountId: OUTSIDER,
      resourceShareArn: share.resourceShareArn,
      resourceShareName: "lattice-networks",
    });
    expect(invitation.resourceShareInvitationArn).toMatch(
      new RegExp(`^arn:aws:ram:ap-northeast-1:${NETWORKING}:resource-share-invitation/[0-9a-f-]{36}$`),
    );
    // The sender does not receive it.
    expect((await networking.ram.send(new GetResourceShareInvitationsCommand({}))).resourceShareInvitations).toEqual(
      [],
    );

    const accepted = await outsider.ram.send(
      new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation.resourceShareInvitationArn }),
    );
    expect(accepted.resourceShareInvitation?.status).toBe("ACCEPTED");
    expect(await networkNames(outsider)).toEqual([`shared-net@${snArn}`]);
    const theirs = await outsider.ram.send(new GetResourceSharesCommand({ resourceOwner: "OTHER-ACCOUNTS" }));
    expect(theirs.resourceShares?.map((s) => s.resourceShareArn)).toEqual([share.resourceShareArn]);
    const resources = await outsider.ram.send(new ListResourcesCommand({ resourceOwner: "OTHER-ACCOUNTS" }));
    expect(resources.resources).toMatchObject([
      { arn: snArn, type: "vpc-lattice:ServiceNetwork", status: "AVAILABLE", resourceShareArn: share.resourceShareArn },
    ]);
    const owners = await outsider.ram.send(new ListPrincipalsCommand({ resourceOwner: "OTHER-ACCOUNTS" }));
    expect(owners.principals?.map((p) => p.id)).toEqual([NETWORKING]);
    const mine = await networking.ram.send(new ListPrincipalsCommand({ resourceOwner: "SELF" }));
    expect(mine.principals).toMatchObject([{ id: OUTSIDER, external: true }]);

    const again = await sdkError(() =>
      outsider.ram.send(
        new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: invitation.resourceShareInvitationArn }),
      ),
    );
    expect(again.name).toBe("ResourceShareInvitationAlreadyAcceptedException");
  });

  it("a rejected invitation shares nothing and cannot be accepted later", async () => {
    const outsider = h.clientsFor(OUTSIDER);
    await networking.ram.send(
      new CreateResourceShareCommand({ name: "nets", resourceArns: [snArn], principals: [OUTSIDER] }),
    );
    const [invitation] = (await outsider.ram.send(new GetResourceShareInvitationsCommand({})))
      .resourceShareInvitations!;
    const arn = invitation!.resourceShareInvitationArn!;
    const rejected = await outsider.ram.send(
      new RejectResourceShareInvitationCommand({ resourceShareInvitationArn: arn }),
    );
    expect(rejected.resourceShareInvitation?.status).toBe("REJECTED");
    expect(await networkNames(outsider)).toEqual([]);
    const principals = await networking.ram.send(
      new GetResourceShareAssociationsCommand({ associationType: "PRINCIPAL" }),
    );
    expect(principals.resourceShareAssociations?.[0]?.status).toBe("DISASSOCIATED");
    const late = await sdkError(() =>
      outsider.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn })),
    );
    expect(late.name).toBe("ResourceShareInvitationAlreadyRejectedException");
    // Not addressed to this account.
    const stranger = await sdkError(() =>
      app.ram.send(new AcceptResourceShareInvitationCommand({ resourceShareInvitationArn: arn })),
    );
    expect(stranger.name).toBe("ResourceShareInvitationArnNotFoundException");
  });
});

describe("RAM inside an organization with sharing enabled", () => {
  it("associates member accounts and the organization at once, without invitations", async () => {
    const org = (await h.control("GET", "/_emulator/organization")).body.organization;
    await networking.ram.send(
      new CreateResourceShareCommand({ name: "to-app", resourceArns: [snArn], principals: [APP] }),
    );
    expect(await networkNames(app)).toEqual([`shared-net@${snArn}`]);
    expect(await networkNames(h.clientsFor(OTHER_APP))).toEqual([]);
    expect((await app.ram.send(new GetResourceShareInvitationsCommand({}))).resourceShareInvitations).toEqual([]);
    const principals = await networking.ram.send(
      new GetResourceShareAssociationsCommand({ associationType: "PRINCIPAL" }),
    );
    expect(principals.resourceShareAssociations).toMatchObject([
      { associatedEntity: APP, status: "ASSOCIATED", external: false },
    ]);

    const second = await networking.lattice.send(new CreateServiceNetworkCommand({ name: "org-net" }));
    await networking.ram.send(
      new CreateResourceShareCommand({ name: "to-org", resourceArns: [second.arn!], principals: [org.arn] }),
    );
    expect(await networkNames(h.clientsFor(OTHER_APP))).toEqual([`org-net@${second.arn}`]);
    // Organization sharing reaches members only.
    expect(await networkNames(h.clientsFor(OUTSIDER))).toEqual([]);
  });

  it("needs EnableSharingWithAwsOrganization, which only the management account may call", async () => {
    await h.control("PUT", "/_emulator/organization", {
      managementAccountId: MANAGEMENT,
      ramSharingEnabled: false,
      accounts: [
        { id: NETWORKING, name: "networking" },
        { id: APP, name: "app" },
      ],
    });
    const org = (await h.control("GET", "/_emulator/organization")).body.organization;
    const refused = await sdkError(() =>
      networking.ram.send(
        new CreateResourceShareCommand({ name: "to-org", resourceArns: [snArn], principals: [org.arn] }),
      ),
    );
    expect(refused.name).toBe("OperationNotPermittedException");
    // An account principal in the organization gets an invitation meanwhile (not external).
    await networking.ram.send(
      new CreateResourceShareCommand({ name: "to-app", resourceArns: [snArn], principals: [APP] }),
    );
    const [invitation] = (await app.ram.send(new GetResourceShareInvitationsCommand({}))).resourceShareInvitations!;
    expect(invitation?.status).toBe("PENDING");
    const member = await sdkError(() => networking.ram.send(new EnableSharingWithAwsOrganizationCommand({})));
    expect(member.name).toBe("OperationNotPermittedException");
    const enabled = await h.ram.send(new EnableSharingWithAwsOrganizationCommand({}));
    expect(enabled.returnValue).toBe(true);
    await networking.ram.send(
      new CreateResourceShareCommand({ name: "to-org", resourceArns: [snArn], principals: [org.arn] }),
    );
    expect(await networkNames(app)).toEqual([`shared-net@${snArn}`]);
  });
});

describe("RAM validation and the owner's bookkeeping", () => {
  it("refuses what cannot be shared, naming it", async () => {
    const cases: Array<[Partial<ConstructorParameters<typeof CreateResourceShareCommand>[0]>, string, string]> = [
      [{ resourceArns: [privateSnArn] }, "OperationNotPermittedException", "sharingConfig.enabled is false"],
      [
        { resourceArns: [snArn.replace(/sn-0[0-9a-f]+$/, "sn-0aaaaaaaaaaaaaaaa")] },
        "UnknownResourceException",
        "was not found",
      ],
      [
        { resourceArns: [snArn.replace(NETWORKING, APP)] },
        "UnknownResourceException",
        "you can share only what you own",
      ],
      [{ resourceArns: ["not-an-arn"] }, "MalformedArnException", "not-an-arn"],
      [
        { resourceArns: [`arn:aws:ec2:ap-northeast-1:${NETWORKING}:vpc/vpc-0123456789abcdef0`] },
        "InvalidResourceTypeException",
        "VPC Lattice",
      ],
      [{ principals: [NETWORKING] }, "InvalidParameterException", "your own account"],
      [
        { principals: ["arn:aws:iam::444455556666:role/x"] },
        "InvalidParameterException",
        "account id, an organization or an OU",
      ],
      [
        { principals: [OUTSIDER], allowExternalPrincipals: false },
        "OperationNotPermittedException",
        "does not allow external principals",
      ],
    ];
    for (const [input, name, message] of cases) {
      const error = await sdkError(() => networking.ram.send(new CreateResourceShareCommand({ name: "x", ...input })));
      expect(error.name, JSON.stringify(input)).toBe(name);
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message, JSON.stringify(input)).toContain(message);
    }
    // Nothing was created by the refused calls.
    expect((await networking.ram.send(new GetResourceSharesCommand({ resourceOwner: "SELF" }))).resourceShares).toEqual(
      [],
    );
    const owner = await sdkError(() =>
      networking.ram.send(new GetResourceSharesCommand({ resourceOwner: "MINE" as never })),
    );
    expect(owner.name).toBe("InvalidParameterException");
    const unknown = await sdkError(() =>
      networking.ram.send(
        new AssociateResourceShareCommand({
          resourceShareArn: `arn:aws:ram:ap-northeast-1:${NETWORKING}:resource-share/00000000-0000-4000-a000-000000000000`,
          principals: [APP],
        }),
      ),
    );
    expect(unknown.name).toBe("UnknownResourceException");
  });

  it("associates, lists, disassociates and deletes, with statuses", async () => {
    const { resourceShare } = await networking.ram.send(
      new CreateResourceShareCommand({ name: "nets", resourceArns: [snArn], tags: [{ key: "team", value: "net" }] }),
    );
    const arn = resourceShare!.resourceShareArn!;
    const added = await networking.ram.send(
      new AssociateResourceShareCommand({ resourceShareArn: arn, principals: [APP, OTHER_APP] }),
    );
    expect(added.resourceShareAssociations?.map((a) => [a.associatedEntity, a.status])).toEqual([
      [APP, "ASSOCIATED"],
      [OTHER_APP, "ASSOCIATED"],
    ]);
    const resources = await networking.ram.send(
      new GetResourceShareAssociationsCommand({ associationType: "RESOURCE", resourceArn: snArn }),
    );
    expect(resources.resourceShareAssociations).toMatchObject([
      { associatedEntity: snArn, status: "ASSOCIATED", resourceShareName: "nets" },
    ]);
    const byTag = await networking.ram.send(
      new GetResourceSharesCommand({ resourceOwner: "SELF", tagFilters: [{ tagKey: "team", tagValues: ["net"] }] }),
    );
    expect(byTag.resourceShares?.map((s) => s.tags)).toEqual([[{ key: "team", value: "net" }]]);
    const selfResources = await networking.ram.send(
      new ListResourcesCommand({ resourceOwner: "SELF", principal: APP }),
    );
    expect(selfResources.resources?.map((r) => r.arn)).toEqual([snArn]);
    const firstPage = await networking.ram.send(new ListPrincipalsCommand({ resourceOwner: "SELF", maxResults: 1 }));
    expect(firstPage.principals).toHaveLength(1);
    expect(firstPage.nextToken).toBeTruthy();

    await networking.ram.send(new DisassociateResourceShareCommand({ resourceShareArn: arn, principals: [OTHER_APP] }));
    expect(await networkNames(h.clientsFor(OTHER_APP))).toEqual([]);
    expect(await networkNames(app)).toEqual([`shared-net@${snArn}`]);
    const deleted = await networking.ram.send(new DeleteResourceShareCommand({ resourceShareArn: arn }));
    expect(deleted.returnValue).toBe(true);
    expect(await networkNames(app)).toEqual([]);
    const shares = await networking.ram.send(new GetResourceSharesCommand({ resourceOwner: "SELF" }));
    expect(shares.resourceShares?.map((s) => s.status)).toEqual(["DELETED"]);
    const gone = await sdkError(() =>
      networking.ram.send(new AssociateResourceShareCommand({ resourceShareArn: arn, principals: [APP] })),
    );
    expect(gone.name).toBe("UnknownResourceException");
  });
});
