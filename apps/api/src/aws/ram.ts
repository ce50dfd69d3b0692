/**
 * RAM reads of one account: the resource shares it owns (with their
 * principals and resources) and the invitations it has received. Lattice
 * service networks, services and resource configurations are what matter here.
 */
import {
  GetResourceShareAssociationsCommand,
  GetResourceShareInvitationsCommand,
  GetResourceSharesCommand,
  ListResourcesCommand,
  type RAMClient,
} from "@aws-sdk/client-ram";
import { collectPages } from "./pagination.js";
import type { CallRunner } from "./runner.js";

export interface ResourceShareInput {
  arn: string;
  name: string;
  ownerAccountId: string;
  status: string;
  allowExternalPrincipals: boolean;
  principals: Array<{ id: string; status: string }>;
  resourceArns: string[];
}

export interface ShareInvitationInput {
  shareArn: string;
  shareName: string;
  senderAccountId: string;
  status: string;
}

export function createRamReader(ram: RAMClient, runner: CallRunner) {
  const shares = () =>
    collectPages("ram", "GetResourceShares", async (token) => {
      const out = await runner.call("ram", "GetResourceShares", (abortSignal) =>
        ram.send(new GetResourceSharesCommand({ resourceOwner: "SELF", maxResults: 100, nextToken: token }), {
          abortSignal,
        }),
      );
      return { items: out.resourceShares ?? [], next: out.nextToken };
    });
  const principals = () =>
    collectPages("ram", "GetResourceShareAssociations", async (token) => {
      const out = await runner.call("ram", "GetResourceShareAssociations", (abortSignal) =>
        ram.send(
          new GetResourceShareAssociationsCommand({ associationType: "PRINCIPAL", maxResults: 100, nextToken: token }),
          { abortSignal },
        ),
      );
      return { items: out.resourceShareAssociations ?? [], next: out.nextToken };
    });
  const resources = () =>
    collectPages("ram", "ListResources", async (token) => {
      const out = await runner.call("ram", "ListResources", (abortSignal) =>
        ram.send(new ListResourcesCommand({ resourceOwner: "SELF", maxResults: 100, nextToken: token }), {
          abortSignal,
        }),
      );
      return { items: out.resources ?? [], next: out.nextToken };
    });

  return {
    /** The shares this account owns, with who they are shared with and what they hold. */
    async ownedShares(): Promise<ResourceShareInput[]> {
      const list = (await shares()).filter((s) => s.resourceShareArn && s.status !== "DELETED");
      if (list.length === 0) return [];
      const [associations, items] = await Promise.all([principals(), resources()]);
      return list.map((s) => ({
        arn: s.resourceShareArn!,
        name: s.name ?? s.resourceShareArn!,
        ownerAccountId: s.owningAccountId ?? "",
        status: s.status ?? "ACTIVE",
        allowExternalPrincipals: s.allowExternalPrincipals ?? false,
        principals: associations
          .filter((a) => a.resourceShareArn === s.resourceShareArn && a.associatedEntity)
          .map((a) => ({ id: a.associatedEntity!, status: a.status ?? "ASSOCIATED" })),
        resourceArns: items.filter((r) => r.resourceShareArn === s.resourceShareArn && r.arn).map((r) => r.arn!),
      }));
    },

    /** Invitations this account received (PENDING ones are shares not yet accepted). */
    invitations: (): Promise<ShareInvitationInput[]> =>
      collectPages("ram", "GetResourceShareInvitations", async (token) => {
        const out = await runner.call("ram", "GetResourceShareInvitations", (abortSignal) =>
          ram.send(new GetResourceShareInvitationsCommand({ maxResults: 100, nextToken: token }), { abortSignal }),
        );
        return {
          items: (out.resourceShareInvitations ?? [])
            .filter((i) => i.resourceShareArn)
            .map((i) => ({
              shareArn: i.resourceShareArn!,
              shareName: i.resourceShareName ?? i.resourceShareArn!,
              senderAccountId: i.senderAccountId ?? "",
              status: i.status ?? "PENDING",
            })),
          next: out.nextToken,
        };
      }),
  };
}

export type RamReader = ReturnType<typeof createRamReader>;
