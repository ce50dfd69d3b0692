/** VPC Lattice (restJson1, API 2022-11-30). */
import * as LatticeModel from "@aws-sdk/client-vpc-lattice";
import type { Lifecycle } from "../../core/lifecycle.js";
import type { RegionState } from "../../core/region.js";
import type { Handler, ServiceDefinition } from "../../core/service.js";
import { removeInterfacesOf } from "../ec2/network.js";
import { operationsOf } from "../../protocols/model.js";
import { latticeServiceErrors } from "./errors.js";
import { accessLogHandlers } from "./handlers/access-logs.js";
import { associationHandlers } from "./handlers/associations.js";
import { domainVerificationHandlers } from "./handlers/domain-verification.js";
import { policyHandlers } from "./handlers/policies.js";
import { onResourceConfigurationRemoved, onResourceGatewayRemoved, resourceHandlers } from "./handlers/resources.js";
import { serviceNetworkHandlers } from "./handlers/service-networks.js";
import { ruleHandlers } from "./handlers/rules.js";
import { cascadeServiceRemoval, serviceHandlers } from "./handlers/services.js";
import { forgetArnOf } from "./support.js";
import { guardCrossAccount } from "./sharing.js";
import { validateLatticeInput } from "./validate.js";

function validated(operation: string, handler: Handler): Handler {
  return (input, ctx) => {
    validateLatticeInput(operation, input as Record<string, unknown>);
    guardCrossAccount(operation, input as Record<string, unknown>, ctx);
    return handler(input, ctx);
  };
}

export function latticeService(): ServiceDefinition {
  const raw: Record<string, Handler> = {
    ...serviceNetworkHandlers,
    ...serviceHandlers,
    ...resourceHandlers,
    ...associationHandlers,
    ...policyHandlers,
    ...ruleHandlers,
    ...accessLogHandlers,
    ...domainVerificationHandlers,
  };
  const handlers = Object.fromEntries(Object.entries(raw).map(([name, handler]) => [name, validated(name, handler)]));
  return {
    name: "vpc-lattice",
    protocol: "restJson",
    operations: operationsOf(LatticeModel as unknown as Record<string, unknown>),
    handlers,
    ...latticeServiceErrors,
  };
}

export function registerLatticeLifecycles(lifecycle: Lifecycle): void {
  const l = (pick: (s: RegionState) => unknown) => (state: RegionState) =>
    pick(state) as Record<string, Record<string, unknown>>;
  // Whatever is removed takes its tags (and policies) with it.
  const removed =
    (then?: (state: RegionState, id: string) => void) =>
    (state: RegionState, id: string): void => {
      then?.(state, id);
      forgetArnOf(state, id);
    };
  lifecycle.register("Service", {
    collection: l((s) => s.lattice.services),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { code: "failureCode", message: "failureMessage" },
    onRemoved: removed((state, id) => cascadeServiceRemoval({ state }, id)),
  });
  lifecycle.register("TargetGroup", {
    collection: l((s) => s.lattice.targetGroups),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { code: "failureCode", message: "failureMessage" },
    onRemoved: removed(),
  });
  lifecycle.register("ResourceGateway", {
    collection: l((s) => s.lattice.resourceGateways),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { message: "failureReason" },
    onRemoved: removed(onResourceGatewayRemoved),
  });
  lifecycle.register("ResourceConfiguration", {
    collection: l((s) => s.lattice.resourceConfigurations),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { message: "failureReason" },
    onRemoved: removed(onResourceConfigurationRemoved),
  });
  lifecycle.register("ServiceNetworkVpcAssociation", {
    collection: l((s) => s.lattice.vpcAssociations),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { code: "failureCode", message: "failureMessage" },
    onRemoved: removed((state, id) => removeInterfacesOf(state, id)),
  });
  lifecycle.register("ServiceNetworkResourceAssociation", {
    collection: l((s) => s.lattice.resourceAssociations),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { code: "failureCode", message: "failureReason" },
    onRemoved: removed(),
  });
  lifecycle.register("ServiceNetworkServiceAssociation", {
    collection: l((s) => s.lattice.serviceAssociations),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { code: "failureCode", message: "failureMessage" },
    onRemoved: removed(),
  });
}
