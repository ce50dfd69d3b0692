/** A VPC endpoint of type ServiceNetwork for a service network (pattern 2): EC2 CreateVpcEndpoint. */
import { isGoing } from "@lattice-atlas/shared";
import { named } from "../../lattice/text.js";
import {
  checkDnsOptions,
  checkEntryIngress,
  checkGroups,
  checkPrivateDnsClash,
  checkSubnets,
  checkDuplicateEndpoints,
  endpointGroups,
  portsOfNetwork,
  reachedByNetwork,
} from "../findings.js";
import type { KindOf } from "./kind.js";
import { endpointForms } from "./vpc-endpoint.js";

export const createServiceNetworkEndpoint: KindOf<"create-service-network-endpoint"> = {
  resourceKind: "vpcEndpoint",

  preflight(action, scope) {
    const { f, index, resolved } = scope;
    const vpc = scope.vpc(action.vpcId);
    const sn = scope.network(action.serviceNetworkId);
    resolved.summary = `Create a ServiceNetwork VPC endpoint in ${vpc ? named(vpc.label, vpc.id) : action.vpcId} for service network ${sn ? named(sn.label, sn.id) : action.serviceNetworkId}.`;
    const requested = action.securityGroupIds ?? [];
    const chosen = checkGroups(f, index, vpc, requested, "an endpoint");
    checkDnsOptions(f, action.privateDnsEnabled, action.dnsOptions);
    checkSubnets(f, index, vpc, action.subnetIds, undefined);
    if (!sn) return;
    checkDuplicateEndpoints(
      f,
      index.endpointsIn(action.vpcId).filter((e) => e.data.serviceNetworkArn === sn.data.arn),
      (e) =>
        `${action.vpcId} already has ServiceNetwork endpoint ${e.id} for ${named(sn.label, sn.id)} (${e.data.state}).`,
    );
    const association = index
      .vpcAssociationsOf(action.vpcId)
      .find((a) => a.data.serviceNetworkId === sn.id && !isGoing(a.data.status));
    if (association) {
      f.warning(
        "DUPLICATE_ENDPOINT",
        `${action.vpcId} already reaches ${named(sn.label, sn.id)} through its VPC association ${association.id}.`,
        "An endpoint is needed only for service networks the VPC is not associated with.",
        { subject: association.id },
      );
    }
    if (action.privateDnsEnabled === true)
      checkPrivateDnsClash(f, index, action.vpcId, "ServiceNetwork", reachedByNetwork(index, sn.id));
    const groups = endpointGroups(f, index, vpc, chosen, requested);
    checkEntryIngress(f, vpc, groups, portsOfNetwork(index, sn.id), `the endpoint`);
  },

  ...endpointForms,
};
