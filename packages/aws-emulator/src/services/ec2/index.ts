/** EC2 (ec2 query protocol, API 2016-11-15): the VPC side of Lattice. */
import * as Ec2Model from "@aws-sdk/client-ec2";
import type { DescribeAvailabilityZonesRequest } from "@aws-sdk/client-ec2";
import type { Lifecycle } from "../../core/lifecycle.js";
import type { Handler, ServiceDefinition } from "../../core/service.js";
import { operationsOf } from "../../protocols/model.js";
import { ec2Error, ec2ServiceErrors } from "./errors.js";
import { applyFilters } from "./filters.js";
import { endpointHandlers, onVpcEndpointRemoved } from "./handlers/endpoints.js";
import { networkAclHandlers } from "./handlers/network-acls.js";
import { prefixListHandlers } from "./handlers/prefix-lists.js";
import { regionHandlers } from "./handlers/regions.js";
import { routeTableHandlers } from "./handlers/route-tables.js";
import { securityGroupHandlers } from "./handlers/security-groups.js";
import { vpcHandlers } from "./handlers/vpcs.js";
import { availabilityZoneId } from "./network.js";

const describeAvailabilityZones: Handler = (input: DescribeAvailabilityZonesRequest, ctx) => {
  const zones = ["a", "c", "d"].map((letter) => ({
    ZoneName: `${ctx.region}${letter}`,
    ZoneId: availabilityZoneId(ctx.region, letter),
    State: "available",
    RegionName: ctx.region,
    ZoneType: "availability-zone",
    OptInStatus: "opt-in-not-required",
    GroupName: ctx.region,
    NetworkBorderGroup: ctx.region,
    Messages: [],
  }));
  const filtered = applyFilters(zones, input.Filters, {
    "zone-name": (z) => z.ZoneName,
    "zone-id": (z) => z.ZoneId,
    state: (z) => z.State,
    "region-name": (z) => z.RegionName,
  });
  return {
    AvailabilityZones: filtered.filter(
      (z) =>
        (!input.ZoneNames?.length || input.ZoneNames.includes(z.ZoneName)) &&
        (!input.ZoneIds?.length || input.ZoneIds.includes(z.ZoneId)),
    ),
  };
};

/** `DryRun=true`: AWS only checks the caller may act and answers DryRunOperation (HTTP 412) without acting. */
function withDryRun(handlers: Record<string, Handler>): Record<string, Handler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([operation, handler]): [string, Handler] => [
      operation,
      (input: { DryRun?: boolean } | undefined, ctx) => {
        if (input?.DryRun)
          throw ec2Error("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
        return handler(input, ctx);
      },
    ]),
  );
}

export function ec2Service(): ServiceDefinition {
  return {
    name: "ec2",
    protocol: "ec2",
    version: "2016-11-15",
    operations: operationsOf(Ec2Model as unknown as Record<string, unknown>),
    handlers: withDryRun({
      ...vpcHandlers,
      ...securityGroupHandlers,
      ...endpointHandlers,
      ...routeTableHandlers,
      ...networkAclHandlers,
      ...prefixListHandlers,
      ...regionHandlers,
      DescribeAvailabilityZones: describeAvailabilityZones,
    }),
    ...ec2ServiceErrors,
  };
}

export function registerEc2Lifecycles(lifecycle: Lifecycle): void {
  lifecycle.register("VpcEndpoint", {
    collection: (state) => state.ec2.vpcEndpoints as unknown as Record<string, Record<string, unknown>>,
    statusField: "State",
    failedStatus: "Failed",
    failureFields: { message: "FailureReason" },
    onRemoved: onVpcEndpointRemoved,
  });
}
