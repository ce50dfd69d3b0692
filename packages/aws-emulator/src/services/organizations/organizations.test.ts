import {
  DescribeAccountCommand,
  DescribeOrganizationCommand,
  ListAccountsCommand,
  paginateListAccounts,
} from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sdkError, startHarness, type Harness } from "../../testing/harness.js";

const MANAGEMENT = "111122223333";
const MEMBERS = ["222233334444", "333344445555", "444455556666", "555566667777"];
const OUTSIDER = "999988887777";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const set = await h.control("PUT", "/_emulator/organization", {
    managementAccountId: MANAGEMENT,
    accounts: [
      { id: MANAGEMENT, name: "hub" },
      { id: MEMBERS[0], name: "networking" },
      { id: MEMBERS[1], name: "data" },
      { id: MEMBERS[2], name: "app-a" },
      { id: MEMBERS[3], name: "retired", status: "SUSPENDED" },
    ],
  });
  expect(set.status).toBe(200);
});
afterAll(() => h.close());

describe("Organizations (awsJson1_1) through the real client", () => {
  it("lists every account with its status to the management account, page by page", async () => {
    const pages: string[][] = [];
    for await (const page of paginateListAccounts({ client: h.organizations, pageSize: 2 }, {})) {
      pages.push((page.Accounts ?? []).map((a) => a.Id!));
    }
    expect(pages).toEqual([[MANAGEMENT, MEMBERS[0]], [MEMBERS[1], MEMBERS[2]], [MEMBERS[3]]]);
    const all = await h.organizations.send(new ListAccountsCommand({}));
    const retired = all.Accounts!.find((a) => a.Id === MEMBERS[3])!;
    expect(retired.Status).toBe("SUSPENDED");
    expect(retired.Name).toBe("retired");
    expect(retired.Arn).toMatch(
      new RegExp(`^arn:aws:organizations::${MANAGEMENT}:account/o-[a-z0-9]{10}/${MEMBERS[3]}$`),
    );
    expect(retired.JoinedTimestamp).toBeInstanceOf(Date);
    expect(all.Accounts!.filter((a) => a.Status === "ACTIVE")).toHaveLength(4);
    expect(all.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("describes the organization to any member", async () => {
    for (const account of [MANAGEMENT, MEMBERS[0]!]) {
      const { Organization: o } = await h.clientsFor(account).organizations.send(new DescribeOrganizationCommand({}));
      expect(o?.Id).toMatch(/^o-[a-z0-9]{10}$/);
      expect(o?.MasterAccountId).toBe(MANAGEMENT);
      expect(o?.FeatureSet).toBe("ALL");
      expect(o?.Arn).toBe(`arn:aws:organizations::${MANAGEMENT}:organization/${o?.Id}`);
    }
  });

  it("refuses ListAccounts to a member and everything to an account outside the organization", async () => {
    const member = await sdkError(() => h.clientsFor(MEMBERS[0]!).organizations.send(new ListAccountsCommand({})));
    expect(member.name).toBe("AccessDeniedException");
    expect(member.message).toBe("You don't have permissions to access this resource.");
    for (const command of [new ListAccountsCommand({}), new DescribeOrganizationCommand({})]) {
      const outsider = await sdkError(() => h.clientsFor(OUTSIDER).organizations.send(command as never));
      expect(outsider.name).toBe("AWSOrganizationsNotInUseException");
      expect(outsider.message).toBe("Your account is not a member of an organization.");
    }
  });

  it("describes one account, and validates paging", async () => {
    const { Account } = await h.organizations.send(new DescribeAccountCommand({ AccountId: MEMBERS[1] }));
    expect(Account?.Name).toBe("data");
    const missing = await sdkError(() => h.organizations.send(new DescribeAccountCommand({ AccountId: OUTSIDER })));
    expect(missing.name).toBe("AccountNotFoundException");
    const big = await sdkError(() => h.organizations.send(new ListAccountsCommand({ MaxResults: 21 })));
    expect(big.name).toBe("InvalidInputException");
    const token = await sdkError(() => h.organizations.send(new ListAccountsCommand({ NextToken: "bogus" })));
    expect(token.name).toBe("InvalidInputException");
  });

  it("answers an unknown awsJson target in the awsJson envelope", async () => {
    const response = await fetch(h.url, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "AWSOrganizationsV20161128.CreateOrganizationalUnitz",
      },
      body: "{}",
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-amzn-requestid")).toBeTruthy();
    expect(await response.json()).toMatchObject({ __type: "UnknownOperationException" });
    // A modelled operation the emulator does not implement: 501 in the same envelope.
    const unimplemented = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AWSOrganizationsV20161128.ListRoots" },
      body: "{}",
    });
    expect(unimplemented.status).toBe(501);
    expect(await unimplemented.json()).toMatchObject({ __type: "NotImplemented" });
  });
});
