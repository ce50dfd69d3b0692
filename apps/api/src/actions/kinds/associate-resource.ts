/** Service network ↔ resource configuration association: CreateServiceNetworkResourceAssociation. */
import { named } from "../../lattice/text.js";
import { idOf } from "../arns.js";
import { cfnResource, cli, compact, hclResource, logicalId, tfName } from "../codify-writers.js";
import {
  checkConsumersOfNetwork,
  checkNotDeleting,
  checkExistingPair,
  checkTargetIngress,
  portsOfConfiguration,
} from "../findings.js";
import { inputOf, type KindOf } from "./kind.js";

export const associateResource: KindOf<"associate-resource"> = {
  resourceKind: "resourceAssociation",

  preflight(action, scope) {
    const { f, index, resolved } = scope;
    const sn = scope.network(action.serviceNetworkId);
    const rc = scope.configuration(action.resourceConfigurationId);
    resolved.summary = `Associate resource configuration ${rc ? named(rc.label, rc.id) : action.resourceConfigurationId} with service network ${sn ? named(sn.label, sn.id) : action.serviceNetworkId}.`;
    if (!rc) return;
    checkNotDeleting(f, rc, "Resource configuration");
    if (rc.data.type === "CIDR") {
      f.blocking(
        "CIDR_CONFIGURATION",
        `${named(rc.label, rc.id)} is a CIDR configuration; CIDR configurations cannot be added to a service network.`,
        "Reach it through a VPC endpoint of type Tunnel instead.",
        { subject: rc.id },
      );
    }
    if (rc.data.type === "CHILD" && rc.data.groupId) {
      const group = index.get(rc.data.groupId, "resourceConfiguration");
      f.blocking(
        "CHILD_CONFIGURATION",
        `${named(rc.label, rc.id)} is a CHILD configuration; children are associated through their GROUP ${named(group?.label, rc.data.groupId)}.`,
        `Associate the GROUP ${rc.data.groupId}: each of its children gets its own association and DNS name.`,
        {
          subject: rc.id,
          alternative: {
            label: `Associate the GROUP ${group?.label ?? rc.data.groupId} instead`,
            action: { ...action, resourceConfigurationId: rc.data.groupId },
          },
        },
      );
    }
    if (rc.data.type === "ARN" && action.privateDnsEnabled === false) {
      f.info(
        "DNS_OPTIONS",
        "Private DNS is always on for ARN (RDS) configurations; AWS ignores privateDnsEnabled=false here.",
        "Leave privateDnsEnabled out.",
      );
    }
    if (sn) {
      checkExistingPair(
        f,
        index.resourceAssociationsOf(rc.id).filter((a) => a.data.serviceNetworkId === sn.id && !a.data.isManaged),
        (a) =>
          `${named(rc.label, rc.id)} is already associated with ${named(sn.label, sn.id)} (${a.id}, ${a.data.status}).`,
        "remove-resource-association",
      );
      checkConsumersOfNetwork(f, index, sn, portsOfConfiguration(index, rc));
    }
    checkTargetIngress(f, index, rc);
  },

  calls: (a, resolved, clientToken) => [
    {
      service: "vpc-lattice",
      operation: "CreateServiceNetworkResourceAssociation",
      input: compact({
        resourceConfigurationIdentifier: resolved.resourceConfigurationIdentifier,
        serviceNetworkIdentifier: resolved.serviceNetworkIdentifier,
        privateDnsEnabled: a.privateDnsEnabled,
        clientToken,
      }),
    },
  ],

  cli(a, resolved, clientToken) {
    const input = inputOf(associateResource, a, resolved, clientToken);
    return cli(
      "vpc-lattice create-service-network-resource-association",
      [
        ["--resource-configuration-identifier", input.resourceConfigurationIdentifier],
        ["--service-network-identifier", input.serviceNetworkIdentifier],
        ["--private-dns-enabled", a.privateDnsEnabled],
        ["--client-token", clientToken],
      ],
      resolved.region,
    );
  },

  terraform(a, resolved) {
    const input = inputOf(associateResource, a, resolved);
    return hclResource(
      "aws_vpclattice_service_network_resource_association",
      tfName(idOf(a.resourceConfigurationId), "in", idOf(a.serviceNetworkId)),
      [
        ["resource_configuration_identifier", input.resourceConfigurationIdentifier],
        ["service_network_identifier", input.serviceNetworkIdentifier],
        ["private_dns_enabled", a.privateDnsEnabled],
      ],
      [],
      a.privateDnsEnabled !== undefined ? "private_dns_enabled needs hashicorp/aws >= 6.28.0." : undefined,
    );
  },

  cloudformation: (a) =>
    cfnResource(
      logicalId("ResourceAssociation", idOf(a.resourceConfigurationId)),
      "AWS::VpcLattice::ServiceNetworkResourceAssociation",
      {
        ResourceConfigurationId: idOf(a.resourceConfigurationId),
        ServiceNetworkId: idOf(a.serviceNetworkId),
        PrivateDnsEnabled: a.privateDnsEnabled,
      },
    ),
};
