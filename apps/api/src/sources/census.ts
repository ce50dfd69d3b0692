/**
 * The Regions census (GET /api/regions): per Region the account has enabled, how many Lattice things a source
 * holds, so that an empty Region can say where the things are. One runner for the whole census (the per-service
 * limits hold across Regions), cheap List calls with a page cap, partial failures as warnings, a few minutes' cache
 * per source (single flight). Estates and snapshots have their Regions already: they are not counted.
 */
import {
  CENSUS_KINDS,
  type CensusKind,
  type RegionCount,
  type RegionsResponse,
  type Warning,
} from "@lattice-atlas/shared";
import { CallRunner, toAwsFailure, type AwsFailure, type RunnerOptions } from "../aws/index.js";
import { createCensusReader, OPERATION_OF, type CensusPaging } from "../aws/census.js";
import { AppError } from "../errors.js";
import { warningFrom } from "../topology/discover.js";
import { toSourceError, type SourceDefinition, type SourceRegistry } from "./registry.js";

export interface RegionCensusOptions {
  registry: SourceRegistry;
  runner?: Omit<RunnerOptions, "onCall" | "signal" | "deadlineMs">;
  /** How long an answer is reused (default 3 minutes). */
  ttlMs?: number;
  /** The whole census's deadline (default 20 s). */
  deadlineMs?: number;
  paging?: CensusPaging;
}

/** Asked when DescribeRegions cannot be: the Regions every account has enabled. */
const DEFAULT_ENABLED = [
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
];

const IMPACT: Record<CensusKind | "regions", string> = {
  regions: "The account's enabled Regions are unknown: the Regions every account has are counted instead.",
  serviceNetworks: "The count of service networks in this Region is unknown.",
  resourceConfigurations: "The count of resource configurations in this Region is unknown.",
  services: "The count of Lattice services in this Region is unknown.",
  vpcEndpoints: "The count of Resource and ServiceNetwork VPC endpoints in this Region is unknown.",
};

const total = (r: RegionCount): number => CENSUS_KINDS.reduce((sum, k) => sum + r.counts[k], 0);

export function createRegionCensus(options: RegionCensusOptions) {
  const ttlMs = options.ttlMs ?? 3 * 60_000;
  const cache = new Map<string, { at: number; answer: RegionsResponse }>();
  const inflight = new Map<string, Promise<RegionsResponse>>();

  async function count(source: SourceDefinition): Promise<RegionsResponse> {
    const home = source.defaultRegion;
    // Credentials and the account first: a source with none is one typed error, not 68 warnings.
    const identity = await options.registry.identity(source, home);
    const runner = new CallRunner({ ...(options.runner ?? {}), deadlineMs: options.deadlineMs ?? 20_000 });
    const reader = (region: string) =>
      createCensusReader(options.registry.clients(source, region), runner, options.paging);
    const warnings: Warning[] = [];
    const failures: AwsFailure[] = [];
    const noted = (failure: unknown, service: string, operation: string, region: string, impact: string): void => {
      const aws = toAwsFailure(failure, service, operation);
      failures.push(aws);
      warnings.push({ ...warningFrom(aws), region, impact });
    };
    let regions: string[];
    try {
      regions = await reader(home).enabledRegions();
    } catch (error) {
      noted(error, "ec2", "DescribeRegions", home, IMPACT.regions);
      regions = DEFAULT_ENABLED;
    }
    let attempted = 0;
    const counted = await Promise.all(
      regions.map(async (region): Promise<RegionCount> => {
        const r = reader(region);
        const row: RegionCount = {
          region,
          counts: { serviceNetworks: 0, resourceConfigurations: 0, services: 0, vpcEndpoints: 0 },
          capped: [],
          complete: true,
        };
        await Promise.all(
          CENSUS_KINDS.map(async (kind) => {
            attempted += 1;
            try {
              const { count: n, capped } = await r.count(kind);
              row.counts[kind] = n;
              if (capped) row.capped.push(kind);
            } catch (error) {
              row.complete = false;
              noted(error, kind === "vpcEndpoints" ? "ec2" : "vpc-lattice", OPERATION_OF[kind], region, IMPACT[kind]);
            }
          }),
        );
        row.capped.sort((a, b) => CENSUS_KINDS.indexOf(a) - CENSUS_KINDS.indexOf(b));
        return row;
      }),
    );
    // Every count failed: that is an error of the source (credentials, network), never "holds nothing".
    const countFailures = failures.filter((f) => f.operation !== "DescribeRegions");
    if (attempted > 0 && countFailures.length === attempted) throw toSourceError(countFailures[0], source);
    warnings.sort((a, b) => `${a.region}|${a.operation}`.localeCompare(`${b.region}|${b.operation}`));
    return {
      source: source.id,
      accountId: identity.accountId,
      regions: counted
        .filter((r) => total(r) > 0 || !r.complete)
        .sort((a, b) => total(b) - total(a) || a.region.localeCompare(b.region)),
      checked: regions,
      warnings,
      countedAt: new Date().toISOString(),
      cached: false,
    };
  }

  return {
    async census(sourceId: string): Promise<RegionsResponse> {
      const source = await options.registry.get(sourceId);
      if (source.kind === "estate" || source.kind === "snapshot")
        throw new AppError(
          "VALIDATION",
          `${source.label} has its own Regions (${source.kind === "estate" ? (source.estate?.regions.join(", ") ?? "") : source.defaultRegion}): the Regions census counts one account's.`,
          { field: "source", hint: "Ask for an AWS source, a profile or the emulator." },
        );
      const hit = cache.get(source.id);
      if (hit && Date.now() - hit.at < ttlMs) return { ...hit.answer, cached: true };
      let pending = inflight.get(source.id);
      if (!pending) {
        pending = count(source)
          .then((answer) => {
            cache.set(source.id, { at: Date.now(), answer });
            return answer;
          })
          .finally(() => inflight.delete(source.id));
        inflight.set(source.id, pending);
      }
      return pending;
    },
    /** Forget what was counted (a change was made, a scenario loaded). */
    forget(sourceId?: string): void {
      if (sourceId) cache.delete(sourceId);
      else cache.clear();
    },
  };
}

export type RegionCensus = ReturnType<typeof createRegionCensus>;
