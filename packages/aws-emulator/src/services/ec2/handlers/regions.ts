/**
 * DescribeRegions: the Regions an account may use. Regions enabled by default answer
 * `opt-in-not-required`; an opt-in Region is `opted-in` once the account has state there (a scenario or a call
 * put something in it), else `not-opted-in` and listed only with `AllRegions`, as AWS does.
 */
import type { DescribeRegionsRequest } from "@aws-sdk/client-ec2";
import type { Handler } from "../../../core/service.js";
import { invalidParameterValue } from "../errors.js";
import { applyFilters } from "../filters.js";

/** Commercial Regions enabled for every account. */
const DEFAULT_REGIONS = [
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ca-central-1",
  "eu-central-1",
  "eu-north-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
] as const;

/** Regions an account has to opt in to. */
const OPT_IN_REGIONS = [
  "af-south-1",
  "ap-east-1",
  "ap-south-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-7",
  "ca-west-1",
  "eu-central-2",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
] as const;

interface RegionRecord {
  RegionName: string;
  Endpoint: string;
  OptInStatus: "opt-in-not-required" | "opted-in" | "not-opted-in";
}

const describeRegions: Handler = (input: DescribeRegionsRequest | undefined, ctx) => {
  const known = new Set<string>([...DEFAULT_REGIONS, ...OPT_IN_REGIONS]);
  const unknown = (input?.RegionNames ?? []).filter((name) => !known.has(name));
  if (unknown.length > 0) throw invalidParameterValue(`Invalid region names: ${unknown.join(", ")}`);
  const all: RegionRecord[] = [
    ...DEFAULT_REGIONS.map((name) => ({ name, status: "opt-in-not-required" as const })),
    ...OPT_IN_REGIONS.map((name) => ({
      name,
      status: ctx.world.peek(ctx.accountId, name) ? ("opted-in" as const) : ("not-opted-in" as const),
    })),
  ]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ name, status }) => ({ RegionName: name, Endpoint: `ec2.${name}.amazonaws.com`, OptInStatus: status }));
  // Naming a Region lists it whatever its status; otherwise only enabled ones, unless AllRegions.
  const named = input?.RegionNames?.length ? new Set(input.RegionNames) : undefined;
  const listed = all.filter((r) =>
    named ? named.has(r.RegionName) : input?.AllRegions === true || r.OptInStatus !== "not-opted-in",
  );
  return {
    Regions: applyFilters(listed, input?.Filters, {
      "region-name": (r) => r.RegionName,
      endpoint: (r) => r.Endpoint,
      "opt-in-status": (r) => r.OptInStatus,
    }),
  };
};

export const regionHandlers: Record<string, Handler> = { DescribeRegions: describeRegions };
