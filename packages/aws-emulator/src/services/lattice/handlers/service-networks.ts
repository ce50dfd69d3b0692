/** Service networks: create, get, list, update, delete. */
import type {
  CreateServiceNetworkRequest,
  DeleteServiceNetworkRequest,
  GetServiceNetworkRequest,
  ListServiceNetworksRequest,
  UpdateServiceNetworkRequest,
} from "@aws-sdk/client-vpc-lattice";
import type { Handler, HandlerContext } from "../../../core/service.js";
import { conflict } from "../errors.js";
import { vpcEndpointsByServiceNetwork } from "../../ec2/indexes.js";
import {
  resourceAssociationsByNetwork,
  serviceAssociationsByNetwork,
  serviceNetworksByName,
  serviceNetworkTable,
  vpcAssociationsByNetwork,
} from "../indexes.js";
import type { ServiceNetworkRecord } from "../state.js";
import { LIVE, idempotent, latticeArn, resolve, setTags, toDate } from "../support.js";
import { removeAccessLogSubscriptionsOf } from "./access-logs.js";
import { listPage, touch } from "./common.js";
import { foreignRecord, linkedEndpoints, ownerContext, sharedRecords } from "../sharing.js";

export function findServiceNetwork(ctx: HandlerContext, identifier: string): ServiceNetworkRecord {
  return (
    foreignRecord(ctx, "servicenetwork", identifier) ??
    resolve(ctx.state.lattice.serviceNetworks, identifier, "SERVICE_NETWORK", "Service network")
  );
}

function counts(ctx: HandlerContext, snId: string) {
  const { state } = ctx;
  return {
    numberOfAssociatedVPCs: vpcAssociationsByNetwork.get(state, snId).filter((a) => LIVE(a.status)).length,
    numberOfAssociatedServices: serviceAssociationsByNetwork.get(state, snId).filter((a) => LIVE(a.status)).length,
    numberOfAssociatedResourceConfigurations: resourceAssociationsByNetwork
      .get(state, snId)
      .filter((a) => !a.isManagedAssociation && LIVE(a.status)).length,
  };
}

const createServiceNetwork: Handler = (input: CreateServiceNetworkRequest, ctx) =>
  idempotent(ctx, input, () => {
    if (serviceNetworksByName.has(ctx.state, input.name!)) {
      throw conflict("SERVICE_NETWORK", input.name!, `A service network named ${input.name} already exists.`);
    }
    const id = ctx.ids.id("sn");
    const record: ServiceNetworkRecord = {
      id,
      arn: latticeArn(ctx, `servicenetwork/${id}`),
      name: input.name!,
      authType: input.authType ?? "NONE",
      sharingConfig: { enabled: input.sharingConfig?.enabled ?? true },
      createdAt: ctx.nowIso,
      lastUpdatedAt: ctx.nowIso,
    };
    serviceNetworkTable.put(ctx.state, id, record);
    setTags(ctx, record.arn, input.tags);
    return {
      id,
      response: {
        id,
        name: record.name,
        arn: record.arn,
        authType: record.authType,
        sharingConfig: record.sharingConfig,
      },
    };
  });

const getServiceNetwork: Handler = (input: GetServiceNetworkRequest, ctx) => {
  const sn = findServiceNetwork(ctx, input.serviceNetworkIdentifier!);
  // A shared network's counts are the owner's (all accounts' associations).
  const { numberOfAssociatedVPCs, numberOfAssociatedServices } = counts(ownerContext(ctx, sn.arn), sn.id);
  return {
    id: sn.id,
    name: sn.name,
    arn: sn.arn,
    authType: sn.authType,
    sharingConfig: sn.sharingConfig,
    createdAt: toDate(sn.createdAt),
    lastUpdatedAt: toDate(sn.lastUpdatedAt),
    numberOfAssociatedVPCs,
    numberOfAssociatedServices,
  };
};

const listServiceNetworks: Handler = (input: ListServiceNetworksRequest, ctx) => {
  const shared = sharedRecords(ctx, "servicenetwork");
  const own = Object.values(ctx.state.lattice.serviceNetworks);
  const page = listPage(ctx, shared.length > 0 ? [...own, ...shared] : own, input, "all");
  return {
    items: page.items.map((sn) => ({
      id: sn.id,
      name: sn.name,
      arn: sn.arn,
      createdAt: toDate(sn.createdAt),
      lastUpdatedAt: toDate(sn.lastUpdatedAt),
      ...counts(ownerContext(ctx, sn.arn), sn.id),
    })),
    nextToken: page.nextToken,
  };
};

const updateServiceNetwork: Handler = (input: UpdateServiceNetworkRequest, ctx) => {
  const sn = findServiceNetwork(ctx, input.serviceNetworkIdentifier!);
  sn.authType = input.authType!;
  touch(sn, ctx);
  return { id: sn.id, name: sn.name, arn: sn.arn, authType: sn.authType };
};

const deleteServiceNetwork: Handler = (input: DeleteServiceNetworkRequest, ctx) => {
  const sn = findServiceNetwork(ctx, input.serviceNetworkIdentifier!);
  const c = counts(ctx, sn.id);
  const l = ctx.state.lattice;
  if (c.numberOfAssociatedVPCs > 0 || vpcAssociationsByNetwork.has(ctx.state, sn.id)) {
    throw conflict("SERVICE_NETWORK", sn.id, `ServiceNetwork ${sn.id} has VPC(s) associated`);
  }
  if (serviceAssociationsByNetwork.has(ctx.state, sn.id)) {
    throw conflict("SERVICE_NETWORK", sn.id, `ServiceNetwork ${sn.id} has Service(s) associated`);
  }
  if (resourceAssociationsByNetwork.has(ctx.state, sn.id)) {
    throw conflict("SERVICE_NETWORK", sn.id, `ServiceNetwork ${sn.id} has Resource Configuration(s) associated`);
  }
  const endpoints = [
    ...vpcEndpointsByServiceNetwork.get(ctx.state, sn.arn),
    ...linkedEndpoints(ctx, (link) => link.serviceNetworkArn === sn.arn),
  ];
  if (endpoints.length > 0) {
    throw conflict("SERVICE_NETWORK", sn.id, `ServiceNetwork ${sn.id} has VPC endpoint(s) associated`);
  }
  delete l.serviceNetworks[sn.id];
  removeAccessLogSubscriptionsOf(ctx.state, sn.id);
  delete l.tags[sn.arn];
  delete l.authPolicies[sn.arn];
  delete l.resourcePolicies[sn.arn];
  return undefined;
};

export const serviceNetworkHandlers: Record<string, Handler> = {
  CreateServiceNetwork: createServiceNetwork,
  GetServiceNetwork: getServiceNetwork,
  ListServiceNetworks: listServiceNetworks,
  UpdateServiceNetwork: updateServiceNetwork,
  DeleteServiceNetwork: deleteServiceNetwork,
};
