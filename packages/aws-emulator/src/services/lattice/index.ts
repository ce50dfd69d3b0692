/** VPC Lattice (restJson1, API 2022-11-30). */
import * as LatticeModel from "@aws-sdk/client-vpc-lattice";
import type { Lifecycle } from "../../core/lifecycle.js";
import type { RegionState } from "../../core/region.js";
import type { Handler, ServiceDefinition } from "../../core/service.js";
import { removeInterfacesOf } from "../ec2/network.js";
import { operationsOf } from "../../protocols/model.js";
import { latticeServiceErrors } from "./errors.js";
import { associationHandlers } from "./handlers/associations.js";
import { policyHandlers } from "./handlers/policies.js";
import { onResourceConfigurationRemoved, onResourceGatewayRemoved, resourceHandlers } from "./handlers/resources.js";
import { serviceNetworkHandlers } from "./handlers/service-networks.js";
import { cascadeServiceRemoval, serviceHandlers } from "./handlers/services.js";
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
  lifecycle.register("Service", {
    collection: l((s) => s.lattice.services),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { code: "failureCode", message: "failureMessage" },
    onRemoved: (state, id) => cascadeServiceRemoval({ state }, id),
  });
  lifecycle.register("TargetGroup", {
    collection: l((s) => s.lattice.targetGroups),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { code: "failureCode", message: "failureMessage" },
  });
  lifecycle.register("ResourceGateway", {
    collection: l((s) => s.lattice.resourceGateways),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { message: "failureReason" },
    onRemoved: onResourceGatewayRemoved,
  });
  lifecycle.register("ResourceConfiguration", {
    collection: l((s) => s.lattice.resourceConfigurations),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { message: "failureReason" },
    onRemoved: onResourceConfigurationRemoved,
  });
  lifecycle.register("ServiceNetworkVpcAssociation", {
    collection: l((s) => s.lattice.vpcAssociations),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { code: "failureCode", message: "failureMessage" },
    onRemoved: (state, id) => removeInterfacesOf(state, id),
  });
  lifecycle.register("ServiceNetworkResourceAssociation", {
    collection: l((s) => s.lattice.resourceAssociations),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { code: "failureCode", message: "failureReason" },
  });
  lifecycle.register("ServiceNetworkServiceAssociation", {
    collection: l((s) => s.lattice.serviceAssociations),
    statusField: "status",
    failedStatus: "CREATE_FAILED",
    failureFields: { code: "failureCode", message: "failureMessage" },
  });
}
