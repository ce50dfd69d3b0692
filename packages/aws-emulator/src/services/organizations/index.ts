/**
 * AWS Organizations (awsJson1_1, API 2016-11-28): DescribeOrganization for any
 * member, ListAccounts / DescribeAccount for the management account. Accounts
 * outside the organization get AWSOrganizationsNotInUseException, members that
 * are not the management account AccessDeniedException, as AWS answers. (RAM's
 * EnableSharingWithAwsOrganization sets the organization's sharing switch.)
 */
import * as OrganizationsModel from "@aws-sdk/client-organizations";
import type { DescribeAccountRequest, ListAccountsRequest } from "@aws-sdk/client-organizations";
import { AwsError } from "../../core/errors.js";
import type { GlobalState } from "../../core/global.js";
import type { IdGenerator } from "../../core/ids.js";
import { paginate } from "../../core/pagination.js";
import type { Handler, HandlerContext, ServiceDefinition } from "../../core/service.js";
import { operationsOf } from "../../protocols/model.js";
import type { OrganizationAccountRecord, OrganizationRecord } from "./state.js";

const orgError = (code: string, message: string, status = 400): AwsError => new AwsError({ code, message, status });

const notInUse = (): AwsError =>
  orgError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
const accessDenied = (): AwsError =>
  orgError("AccessDeniedException", "You don't have permissions to access this resource.");

function organizationOf(ctx: HandlerContext): OrganizationRecord {
  const { organization, accounts } = ctx.world.global.organizations;
  if (!organization || !accounts[ctx.accountId]) throw notInUse();
  return organization;
}

function managementOnly(ctx: HandlerContext): OrganizationRecord {
  const organization = organizationOf(ctx);
  if (ctx.accountId !== organization.managementAccountId) throw accessDenied();
  return organization;
}

function accountView(account: OrganizationAccountRecord) {
  return {
    Id: account.id,
    Arn: account.arn,
    Email: account.email,
    Name: account.name,
    Status: account.status,
    State: account.status === "PENDING_CLOSURE" ? "PENDING_CLOSURE" : account.status,
    JoinedMethod: account.joinedMethod,
    JoinedTimestamp: account.joinedTimestamp,
  };
}

const describeOrganization: Handler = (_input: unknown, ctx) => {
  const o = organizationOf(ctx);
  return {
    Organization: {
      Id: o.id,
      Arn: o.arn,
      FeatureSet: o.featureSet,
      MasterAccountArn: `arn:aws:organizations::${o.managementAccountId}:account/${o.id}/${o.managementAccountId}`,
      MasterAccountId: o.managementAccountId,
      MasterAccountEmail: o.managementAccountEmail,
      AvailablePolicyTypes: [{ Type: "SERVICE_CONTROL_POLICY", Status: "ENABLED" }],
    },
  };
};

const listAccounts: Handler = (input: ListAccountsRequest, ctx) => {
  managementOnly(ctx);
  if (
    input.MaxResults !== undefined &&
    (!Number.isInteger(input.MaxResults) || input.MaxResults < 1 || input.MaxResults > 20)
  )
    throw orgError("InvalidInputException", "MaxResults must be an integer from 1 to 20.", 400);
  const page = paginate(Object.values(ctx.world.global.organizations.accounts), {
    maxResults: input.MaxResults,
    nextToken: input.NextToken,
    defaultSize: 20,
    scope: "ListAccounts",
    invalidToken: () =>
      new AwsError({
        code: "InvalidInputException",
        status: 400,
        message: "The NextToken is not valid.",
        fields: { Reason: "INVALID_PAGINATION_TOKEN" },
      }),
  });
  return { Accounts: page.items.map(accountView), NextToken: page.nextToken };
};

const describeAccount: Handler = (input: DescribeAccountRequest, ctx) => {
  managementOnly(ctx);
  const account = ctx.world.global.organizations.accounts[input.AccountId!];
  if (!account) throw orgError("AccountNotFoundException", "You specified an account that doesn't exist.", 400);
  return { Account: accountView(account) };
};

export function organizationsService(): ServiceDefinition {
  return {
    name: "organizations",
    protocol: "awsJson",
    targetPrefix: "AWSOrganizationsV20161128",
    operations: operationsOf(OrganizationsModel as unknown as Record<string, unknown>),
    handlers: {
      DescribeOrganization: describeOrganization,
      ListAccounts: listAccounts,
      DescribeAccount: describeAccount,
    },
    missingParameter: (member) =>
      new AwsError({
        code: "InvalidInputException",
        status: 400,
        message: `You provided a value that does not match the required pattern: ${member} is required.`,
        fields: { Reason: "MISSING_REQUIRED_PARAMETER" },
      }),
    unknownOperation: (operation) =>
      orgError("UnknownOperationException", `The operation ${operation} is not known to AWS Organizations.`),
    internalError: (message) => orgError("ServiceException", message, 500),
  };
}

/* ------------------------- set-up (scenarios, control API) ------------------------- */

export interface OrganizationInput {
  managementAccountId: string;
  managementAccountEmail?: string;
  /** RAM sharing with the organization (no invitations inside it). Default true. */
  ramSharingEnabled?: boolean;
  accounts: Array<{ id: string; name: string; email?: string; status?: OrganizationAccountRecord["status"] }>;
}

/** Replaces the organization; throws naming the field that is wrong. */
export function setOrganization(
  global: GlobalState,
  ids: IdGenerator,
  input: OrganizationInput,
  now: string,
): OrganizationRecord {
  if (!input || typeof input.managementAccountId !== "string" || !/^\d{12}$/.test(input.managementAccountId))
    throw new Error("managementAccountId must be a 12-digit account id");
  if (!Array.isArray(input.accounts)) throw new Error("accounts must be an array of {id, name, email?, status?}");
  const id = global.organizations.organization?.id ?? `o-${ids.hex(10)}`;
  const management = input.managementAccountId;
  const organization: OrganizationRecord = {
    id,
    arn: `arn:aws:organizations::${management}:organization/${id}`,
    featureSet: "ALL",
    managementAccountId: management,
    managementAccountEmail: input.managementAccountEmail ?? `aws+${management}@example.com`,
    ramSharingEnabled: input.ramSharingEnabled ?? true,
  };
  const accounts: Record<string, OrganizationAccountRecord> = {};
  const entries = input.accounts.some((a) => a.id === management)
    ? input.accounts
    : [{ id: management, name: "management" }, ...input.accounts];
  entries.forEach((account, index) => {
    if (!account || typeof account.id !== "string" || !/^\d{12}$/.test(account.id))
      throw new Error(`accounts[${index}].id must be a 12-digit account id`);
    if (typeof account.name !== "string" || account.name.length === 0)
      throw new Error(`accounts[${index}].name must be a non-empty string`);
    const status = account.status ?? "ACTIVE";
    if (!["ACTIVE", "SUSPENDED", "PENDING_CLOSURE"].includes(status))
      throw new Error(`accounts[${index}].status must be ACTIVE, SUSPENDED or PENDING_CLOSURE`);
    accounts[account.id] = {
      id: account.id,
      arn: `arn:aws:organizations::${management}:account/${id}/${account.id}`,
      name: account.name,
      email: account.email ?? `aws+${account.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}@example.com`,
      status,
      joinedMethod: account.id === management ? "CREATED" : "INVITED",
      joinedTimestamp: now,
    };
  });
  global.organizations = { organization, accounts };
  return organization;
}
