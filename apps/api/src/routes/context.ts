/** What the route plugins need: the services, and how to resolve the source/region of a query. */
import { isKnownRegion } from "@lattice-atlas/shared";
import { AppError } from "../errors.js";
import type { ActionService } from "../actions/service.js";
import type { ConnectService } from "../connect/service.js";
import type { SourceDefinition, SourceRegistry } from "../sources/registry.js";
import type { RegionCensus } from "../sources/census.js";
import type { TopologyService } from "../topology/service.js";

export interface RouteContext {
  version: string;
  emulatorUrl?: string | undefined;
  registry: SourceRegistry;
  topology: TopologyService;
  connect: ConnectService;
  actions: ActionService;
  /** Minutes after which a picture is stale and the console refreshes it (0: never by itself). */
  refreshAfterMinutes?: number | undefined;
  /** Per Region, what Lattice things a source holds (GET /api/regions). */
  census: RegionCensus;
}

/** --refresh-after's default. */
export const DEFAULT_REFRESH_AFTER_MINUTES = 10;

/** The source and region a request names, with the defaults filled in; no AWS call is made. */
export async function resolveTarget(
  ctx: RouteContext,
  query: { source?: string | undefined; region?: string | undefined },
): Promise<{ source: SourceDefinition; region: string }> {
  const source = await ctx.registry.get(query.source ?? ctx.registry.defaultSourceId);
  const region = query.region ?? source.defaultRegion;
  if (!isKnownRegion(region)) {
    throw new AppError("UNKNOWN_REGION", `"${region}" is not an AWS region that VPC Lattice knows.`, {
      field: "region",
      hint: "Use a region such as us-east-1 or ap-northeast-1.",
    });
  }
  return { source, region };
}
