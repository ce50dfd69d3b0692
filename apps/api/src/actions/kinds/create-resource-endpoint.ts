/** A VPC endpoint of type Resource for a resource configuration (pattern 1): EC2 CreateVpcEndpoint. */
import type { GraphNodeOf } from "@lattice-atlas/shared";
import { topOf } from "../../lattice/targets.js";
import { named } from "../../lattice/text.js";
import {
  checkDnsOptions,
  checkEntryIngress,
  checkGroups,
  checkNotDeleting,
  checkPrivateDnsClash,
  checkSubnets,
  checkTargetIngress,
  checkDuplicateEndpoints,
  endpointGroups,
  portsOfConfiguration,
  reachedByResourceEndpoint,
} from "../findings.js";
import type { KindOf } from "./kind.js";
import { endpointForms } from "./vpc-endpoint.js";

export const createResourceEndpoint: KindOf<"create-resource-endpoint"> = {
  resourceKind: "vpcEndpoint",

  preflight(action, scope) {
    const { f, index, resolved } = scope;
    const vpc = scope.vpc(action.vpcId);
    const rc = scope.configuration(action.resourceConfigurationId);
    resolved.summary = `Create a Resource VPC endpoint in ${vpc ? named(vpc.label, vpc.id) : action.vpcId} for resource configuration ${rc ? named(rc.label, rc.id) : action.resourceConfigurationId}.`;
    const requested = action.securityGroupIds ?? [];
    const chosen = checkGroups(f, index, vpc, requested, "an endpoint");
    checkDnsOptions(f, action.privateDnsEnabled, action.dnsOptions);
    let gateway: GraphNodeOf<"resourceGateway"> | undefined;
    if (rc) {
      checkNotDeleting(f, rc, "Resource configuration");
      if (rc.data.type === "CHILD" && rc.data.groupId) {
        const group = index.get(rc.data.groupId, "resourceConfiguration");
        f.blocking(
          "CHILD_CONFIGURATION",
          `${named(rc.label, rc.id)} is a CHILD configuration; a Resource endpoint names its GROUP ${named(group?.label, rc.data.groupId)} and reaches every child.`,
          `Create the endpoint for the GROUP ${rc.data.groupId}.`,
          {
            subject: rc.id,
            alternative: {
              label: `Create the endpoint for the GROUP ${group?.label ?? rc.data.groupId}`,
              action: { ...action, resourceConfigurationId: rc.data.groupId },
            },
          },
        );
      }
      if (rc.data.type === "CIDR") {
        f.blocking(
          "CIDR_CONFIGURATION",
          `${named(rc.label, rc.id)} is a CIDR configuration; it is reached through a VPC endpoint of type Tunnel, not Resource.`,
          "Create a Tunnel endpoint for it instead.",
          { subject: rc.id },
        );
      }
      const top = topOf(index, rc);
      gateway = top.data.gatewayId ? index.get(top.data.gatewayId, "resourceGateway") : undefined;
      checkDuplicateEndpoints(
        f,
        index.endpointsIn(action.vpcId).filter((e) => e.data.resourceConfigurationArn === rc.data.arn),
        (e) => `${action.vpcId} already has Resource endpoint ${e.id} for ${named(rc.label, rc.id)} (${e.data.state}).`,
      );
      if (action.privateDnsEnabled === true)
        checkPrivateDnsClash(f, index, action.vpcId, "Resource", reachedByResourceEndpoint(index, rc));
      const groups = endpointGroups(f, index, vpc, chosen, requested);
      checkEntryIngress(f, vpc, groups, portsOfConfiguration(index, rc), `the endpoint`);
      checkTargetIngress(f, index, rc);
    }
    checkSubnets(f, index, vpc, action.subnetIds, gateway);
  },

  ...endpointForms,
};
