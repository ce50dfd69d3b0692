/**
 * Cheap counts for the Regions census (GET /api/regions): the account's enabled Regions (EC2 DescribeRegions) and,
 * per Region, how many service networks, resource configurations, services and Lattice-type VPC endpoints its List
 * calls return — pages counted, never a Get, at most `maxPages` pages per listing ("≥ N" beyond that).
 */
import { DescribeRegionsCommand, DescribeVpcEndpointsCommand } from "@aws-sdk/client-ec2";
import {
  ListResourceConfigurationsCommand,
  ListServiceNetworksCommand,
  ListServicesCommand,
} from "@aws-sdk/client-vpc-lattice";
import type { CensusKind } from "@lattice-atlas/shared";
import type { AwsClients } from "./clients.js";
import { toAwsFailure } from "./failures.js";
import type { CallRunner } from "./runner.js";

export interface Counted {
  count: number;
  /** The listing had more pages than the cap: `count` is a lower bound. */
  capped: boolean;
}

export interface CensusPaging {
  /** Pages per listing before the count is a lower bound (default 5). */
  maxPages?: number;
  /** Items per Lattice page, 1–100 (default 100); EC2 asks 1,000 a page. */
  latticePageSize?: number;
}

async function countPages(
  maxPages: number,
  fetchPage: (token: string | undefined) => Promise<{ items: number; next: string | undefined }>,
): Promise<Counted> {
  let count = 0;
  let token: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(token);
    count += result.items;
    if (!result.next) return { count, capped: false };
    token = result.next;
  }
  return { count, capped: true };
}

export function createCensusReader(clients: AwsClients, runner: CallRunner, paging: CensusPaging = {}) {
  const maxPages = paging.maxPages ?? 5;
  const size = paging.latticePageSize ?? 100;
  const { lattice, ec2 } = clients;
  const counters: Record<CensusKind, () => Promise<Counted>> = {
    serviceNetworks: () =>
      countPages(maxPages, async (nextToken) => {
        const out = await runner.call("vpc-lattice", "ListServiceNetworks", (abortSignal) =>
          lattice.send(new ListServiceNetworksCommand({ maxResults: size, nextToken }), { abortSignal }),
        );
        return { items: out.items?.length ?? 0, next: out.nextToken };
      }),
    resourceConfigurations: () =>
      countPages(maxPages, async (nextToken) => {
        const out = await runner.call("vpc-lattice", "ListResourceConfigurations", (abortSignal) =>
          lattice.send(new ListResourceConfigurationsCommand({ maxResults: size, nextToken }), { abortSignal }),
        );
        return { items: out.items?.length ?? 0, next: out.nextToken };
      }),
    services: () =>
      countPages(maxPages, async (nextToken) => {
        const out = await runner.call("vpc-lattice", "ListServices", (abortSignal) =>
          lattice.send(new ListServicesCommand({ maxResults: size, nextToken }), { abortSignal }),
        );
        return { items: out.items?.length ?? 0, next: out.nextToken };
      }),
    vpcEndpoints: () =>
      countPages(maxPages, async (NextToken) => {
        const out = await runner.call("ec2", "DescribeVpcEndpoints", (abortSignal) =>
          ec2.send(
            new DescribeVpcEndpointsCommand({
              MaxResults: 1000,
              NextToken,
              Filters: [{ Name: "vpc-endpoint-type", Values: ["Resource", "ServiceNetwork"] }],
            }),
            { abortSignal },
          ),
        );
        return { items: out.VpcEndpoints?.length ?? 0, next: out.NextToken };
      }),
  };
  return {
    /** The Regions the account has enabled (opt-in Regions only once opted in), by name. */
    async enabledRegions(): Promise<string[]> {
      const out = await runner.call("ec2", "DescribeRegions", (abortSignal) =>
        ec2.send(new DescribeRegionsCommand({}), { abortSignal }),
      );
      return (out.Regions ?? [])
        .filter((r) => r.RegionName && r.OptInStatus !== "not-opted-in")
        .map((r) => r.RegionName!)
        .sort();
    },
    async count(kind: CensusKind): Promise<Counted> {
      try {
        return await counters[kind]();
      } catch (error) {
        throw toAwsFailure(error, kind === "vpcEndpoints" ? "ec2" : "vpc-lattice", OPERATION_OF[kind]);
      }
    },
  };
}

/** The List call behind each count. */
export const OPERATION_OF: Record<CensusKind, string> = {
  serviceNetworks: "ListServiceNetworks",
  resourceConfigurations: "ListResourceConfigurations",
  services: "ListServices",
  vpcEndpoints: "DescribeVpcEndpoints",
};
