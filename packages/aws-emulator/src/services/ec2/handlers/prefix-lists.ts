/**
 * Managed prefix lists. The AWS-managed ones exist in every Region and are
 * derived, not stored: VPC Lattice's (`com.amazonaws.<region>.vpc-lattice`:
 * 169.254.171.0/24, where services answer through a service-network VPC
 * association, and 129.224.0.0/17, where resources do; and its IPv6 list), and
 * S3's and DynamoDB's (whose CIDRs here are illustrative). Customer-managed
 * lists can be created, changed and deleted. Security-group rules may name
 * either kind.
 */
import { createHash } from "node:crypto";
import type {
  CreateManagedPrefixListRequest,
  DeleteManagedPrefixListRequest,
  DescribeManagedPrefixListsRequest,
  DescribePrefixListsRequest,
  GetManagedPrefixListEntriesRequest,
  ModifyManagedPrefixListRequest,
} from "@aws-sdk/client-ec2";
import type { RegionState } from "../../../core/region.js";
import type { Handler, HandlerContext } from "../../../core/service.js";
import { ec2Error, invalidParameterValue } from "../errors.js";
import { applyFilters } from "../filters.js";
import { parseCidr } from "../network.js";
import type { ManagedPrefixListRecord } from "../state.js";
import { ec2Page, tagsFor } from "./common.js";

interface AwsList {
  suffix: string;
  family: "IPv4" | "IPv6";
  cidrs: Array<[string, string]>;
  /** Also answered by DescribePrefixLists (the gateway-endpoint services). */
  gatewayService?: boolean;
}

const AWS_LISTS: AwsList[] = [
  {
    suffix: "vpc-lattice",
    family: "IPv4",
    cidrs: [
      ["169.254.171.0/24", "VPC Lattice services (service-network VPC associations)"],
      ["129.224.0.0/17", "VPC Lattice resources (service-network VPC associations)"],
    ],
  },
  { suffix: "ipv6.vpc-lattice", family: "IPv6", cidrs: [["fd00:ec2:80::/64", "VPC Lattice services"]] },
  {
    suffix: "s3",
    family: "IPv4",
    cidrs: [
      ["3.5.0.0/19", ""],
      ["52.219.0.0/20", ""],
    ],
    gatewayService: true,
  },
  { suffix: "dynamodb", family: "IPv4", cidrs: [["3.218.0.0/20", ""]], gatewayService: true },
];

const awsListId = (region: string, suffix: string): string =>
  `pl-${createHash("sha256").update(`${region}:${suffix}`).digest("hex").slice(0, 8)}`;

/** The AWS-managed prefix lists of a Region, as records. */
export function awsManagedPrefixLists(region: string): ManagedPrefixListRecord[] {
  return AWS_LISTS.map((list) => {
    const id = awsListId(region, list.suffix);
    return {
      PrefixListId: id,
      PrefixListName: `com.amazonaws.${region}.${list.suffix}`,
      PrefixListArn: `arn:aws:ec2:${region}:aws:prefix-list/${id}`,
      AddressFamily: list.family,
      State: "create-complete",
      MaxEntries: list.cidrs.length,
      Version: 1,
      OwnerId: "AWS",
      Tags: [],
      entries: list.cidrs.map(([Cidr, Description]) => ({ Cidr, ...(Description ? { Description } : {}) })),
    };
  });
}

/** The id of a Region's VPC Lattice prefix list (IPv4, or IPv6 with `ipv6`). */
export function latticePrefixListId(region: string, ipv6 = false): string {
  return awsListId(region, ipv6 ? "ipv6.vpc-lattice" : "vpc-lattice");
}

/** A prefix list by id: the account's own, or one of the Region's AWS-managed lists. */
export function findPrefixList(state: RegionState, id: string): ManagedPrefixListRecord | undefined {
  return state.ec2.managedPrefixLists[id] ?? awsManagedPrefixLists(state.region).find((l) => l.PrefixListId === id);
}

const PREFIX_LIST_ID = /^pl-[0-9a-f]{8}([0-9a-f]{9})?$/;

export function requirePrefixList(state: RegionState, id: string): ManagedPrefixListRecord {
  if (!PREFIX_LIST_ID.test(id))
    throw ec2Error("InvalidPrefixListID.Malformed", `The prefix list ID '${id}' is malformed`);
  const list = findPrefixList(state, id);
  if (!list) throw ec2Error("InvalidPrefixListID.NotFound", `The prefix list ID '${id}' does not exist`);
  return list;
}

function view(list: ManagedPrefixListRecord) {
  const { entries: _entries, ...rest } = list;
  return rest;
}

const describeManagedPrefixLists: Handler = (input: DescribeManagedPrefixListsRequest, ctx) => {
  let all = [...awsManagedPrefixLists(ctx.region), ...Object.values(ctx.state.ec2.managedPrefixLists)];
  if (input.PrefixListIds?.length) all = input.PrefixListIds.map((id) => requirePrefixList(ctx.state, id));
  const filtered = applyFilters(
    all,
    input.Filters,
    {
      "prefix-list-id": (l) => l.PrefixListId,
      "prefix-list-name": (l) => l.PrefixListName,
      "owner-id": (l) => l.OwnerId,
    },
    (l) => l.Tags,
  );
  const page = ec2Page(ctx, filtered, input, "prefix-lists", { min: 1, max: 100 });
  return { PrefixLists: page.items.map(view), NextToken: page.nextToken };
};

const getManagedPrefixListEntries: Handler = (input: GetManagedPrefixListEntriesRequest, ctx) => {
  const list = requirePrefixList(ctx.state, input.PrefixListId!);
  if (input.TargetVersion !== undefined && input.TargetVersion !== list.Version) {
    throw invalidParameterValue(
      `Prefix list ${list.PrefixListId} has no version ${input.TargetVersion} (current: ${list.Version}).`,
    );
  }
  const page = ec2Page(ctx, list.entries, input, list.PrefixListId, { min: 1, max: 100 });
  return { Entries: page.items, NextToken: page.nextToken };
};

/** The gateway-endpoint services' lists (S3, DynamoDB), the older API. */
const describePrefixLists: Handler = (input: DescribePrefixListsRequest, ctx) => {
  const gatewayNames = AWS_LISTS.filter((l) => l.gatewayService).map((l) => `com.amazonaws.${ctx.region}.${l.suffix}`);
  let all = awsManagedPrefixLists(ctx.region).filter((l) => gatewayNames.includes(l.PrefixListName));
  if (input.PrefixListIds?.length) {
    all = input.PrefixListIds.map((id) => {
      const list = all.find((l) => l.PrefixListId === id);
      if (!list) throw ec2Error("InvalidPrefixListID.NotFound", `The prefix list ID '${id}' does not exist`);
      return list;
    });
  }
  const filtered = applyFilters(all, input.Filters, {
    "prefix-list-id": (l) => l.PrefixListId,
    "prefix-list-name": (l) => l.PrefixListName,
  });
  const page = ec2Page(ctx, filtered, input, "service-prefix-lists", { min: 5, max: 1000 });
  return {
    PrefixLists: page.items.map((l) => ({
      PrefixListId: l.PrefixListId,
      PrefixListName: l.PrefixListName,
      Cidrs: l.entries.map((e) => e.Cidr),
    })),
    NextToken: page.nextToken,
  };
};

function checkEntries(family: string, entries: Array<{ Cidr?: string | undefined }>): void {
  for (const entry of entries) {
    const cidr = entry.Cidr ?? "";
    const valid = family === "IPv4" ? Boolean(parseCidr(cidr)) : /^[0-9a-f:]+\/\d{1,3}$/i.test(cidr);
    if (!valid) throw invalidParameterValue(`The CIDR '${cidr}' is not a valid ${family} CIDR block.`);
  }
}

function ownList(ctx: HandlerContext, id: string | undefined): ManagedPrefixListRecord {
  const list = requirePrefixList(ctx.state, id ?? "");
  if (list.OwnerId === "AWS") {
    throw ec2Error(
      "UnauthorizedOperation",
      `Prefix list ${list.PrefixListId} is managed by AWS and cannot be changed.`,
      403,
    );
  }
  return list;
}

const createManagedPrefixList: Handler = (input: CreateManagedPrefixListRequest, ctx) => {
  const family = input.AddressFamily!;
  if (family !== "IPv4" && family !== "IPv6") throw invalidParameterValue("AddressFamily must be IPv4 or IPv6.");
  const max = input.MaxEntries!;
  const entries = input.Entries ?? [];
  if (!Number.isInteger(max) || max < 1 || max > 1000)
    throw invalidParameterValue("MaxEntries must be between 1 and 1000.");
  if (entries.length > max)
    throw invalidParameterValue(`The prefix list has ${entries.length} entries; MaxEntries is ${max}.`);
  checkEntries(family, entries);
  const id = `pl-0${ctx.ids.hex(16)}`;
  const list: ManagedPrefixListRecord = {
    PrefixListId: id,
    PrefixListName: input.PrefixListName!,
    PrefixListArn: `arn:aws:ec2:${ctx.region}:${ctx.accountId}:prefix-list/${id}`,
    AddressFamily: family,
    State: "create-complete",
    MaxEntries: max,
    Version: 1,
    OwnerId: ctx.accountId,
    Tags: tagsFor(input.TagSpecifications, "prefix-list"),
    entries: entries.map((e) => ({ Cidr: e.Cidr!, ...(e.Description ? { Description: e.Description } : {}) })),
  };
  ctx.state.ec2.managedPrefixLists[id] = list;
  return { PrefixList: view(list) };
};

const modifyManagedPrefixList: Handler = (input: ModifyManagedPrefixListRequest, ctx) => {
  const list = ownList(ctx, input.PrefixListId);
  if (input.CurrentVersion !== undefined && input.CurrentVersion !== list.Version) {
    throw ec2Error(
      "PrefixListVersionMismatch",
      `The prefix list has the version ${list.Version}, not ${input.CurrentVersion}.`,
    );
  }
  const removed = new Set((input.RemoveEntries ?? []).map((e) => e.Cidr));
  checkEntries(list.AddressFamily, input.AddEntries ?? []);
  const next = [
    ...list.entries.filter((e) => !removed.has(e.Cidr)),
    ...(input.AddEntries ?? []).map((e) => ({
      Cidr: e.Cidr!,
      ...(e.Description ? { Description: e.Description } : {}),
    })),
  ];
  const max = input.MaxEntries ?? list.MaxEntries;
  if (next.length > max)
    throw invalidParameterValue(`The prefix list would have ${next.length} entries; MaxEntries is ${max}.`);
  list.entries = next;
  list.MaxEntries = max;
  if (input.PrefixListName) list.PrefixListName = input.PrefixListName;
  if (input.AddEntries?.length || input.RemoveEntries?.length) list.Version += 1;
  return { PrefixList: view(list) };
};

const deleteManagedPrefixList: Handler = (input: DeleteManagedPrefixListRequest, ctx) => {
  const list = ownList(ctx, input.PrefixListId);
  const user = Object.values(ctx.state.ec2.securityGroupRules).find((r) => r.PrefixListId === list.PrefixListId);
  if (user) {
    throw ec2Error(
      "DependencyViolation",
      `The prefix list ${list.PrefixListId} is referenced by security group ${user.GroupId}.`,
    );
  }
  delete ctx.state.ec2.managedPrefixLists[list.PrefixListId];
  return { PrefixList: { ...view(list), State: "delete-complete" } };
};

export const prefixListHandlers: Record<string, Handler> = {
  DescribeManagedPrefixLists: describeManagedPrefixLists,
  GetManagedPrefixListEntries: getManagedPrefixListEntries,
  DescribePrefixLists: describePrefixLists,
  CreateManagedPrefixList: createManagedPrefixList,
  ModifyManagedPrefixList: modifyManagedPrefixList,
  DeleteManagedPrefixList: deleteManagedPrefixList,
};
