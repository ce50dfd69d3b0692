/** Organizations (hub only): the member accounts of an estate, suspended ones marked. */
import { ListAccountsCommand, type OrganizationsClient } from "@aws-sdk/client-organizations";
import { collectPages } from "./pagination.js";
import type { CallRunner } from "./runner.js";

export interface OrganizationAccount {
  accountId: string;
  name?: string | undefined;
  /** ACTIVE, SUSPENDED, PENDING_CLOSURE. */
  status: string;
}

export function createOrganizationsReader(organizations: OrganizationsClient, runner: CallRunner) {
  return {
    listAccounts: (): Promise<OrganizationAccount[]> =>
      collectPages("organizations", "ListAccounts", async (token) => {
        const out = await runner.call("organizations", "ListAccounts", (abortSignal) =>
          organizations.send(new ListAccountsCommand({ MaxResults: 20, NextToken: token }), { abortSignal }),
        );
        return {
          items: (out.Accounts ?? [])
            .filter((a) => a.Id)
            .map((a) => ({ accountId: a.Id!, name: a.Name, status: a.State ?? a.Status ?? "ACTIVE" })),
          next: out.NextToken,
        };
      }),
  };
}

export type OrganizationsReader = ReturnType<typeof createOrganizationsReader>;
