/** Service network ↔ VPC association (pattern 3): CreateServiceNetworkVpcAssociation. */
import { isFailed, isGoing, oneSubnetPerZone } from "@lattice-atlas/shared";
import { named } from "../../lattice/text.js";
import {
  cfnDnsOptions,
  cfnResource,
  cli,
  compact,
  hclDnsOptions,
  hclResource,
  json,
  latticeDnsOptions,
  logicalId,
  nonEmpty,
  tfName,
} from "../codify-writers.js";
import { checkDnsOptions, checkEntryIngress, checkGroups, duplicateAssociation, portsOfNetwork } from "../findings.js";
import { inputOf, type KindOf } from "./kind.js";

export const associateVpc: KindOf<"associate-vpc"> = {
  resourceKind: "vpcAssociation",

  preflight(action, scope) {
    const { f, index, resolved } = scope;
    const vpc = scope.vpc(action.vpcId);
    const sn = scope.network(action.serviceNetworkId);
    resolved.summary = `Associate ${vpc ? named(vpc.label, vpc.id) : action.vpcId} with service network ${sn ? named(sn.label, sn.id) : action.serviceNetworkId}.`;
    const requested = action.securityGroupIds ?? [];
    const groups = checkGroups(f, index, vpc, requested, "a service network VPC association");
    checkDnsOptions(f, action.privateDnsEnabled, action.dnsOptions);
    if (requested.length === 0) {
      f.info(
        "NO_SECURITY_GROUPS",
        "Without security groups the association applies no security-group filtering: every client in the VPC can reach everything in the service network.",
        "Add security groups to limit who gets in (once an association has groups, at least one must remain).",
      );
    }
    for (const existing of index.vpcAssociationsOf(action.vpcId)) {
      const otherName = named(
        index.get(existing.data.serviceNetworkId, "serviceNetwork")?.label,
        existing.data.serviceNetworkId,
      );
      if (isGoing(existing.data.status)) {
        f.blocking(
          "BUSY",
          `${action.vpcId}'s association ${existing.id} with ${otherName} is being removed (${existing.data.status}); a new association is refused until it is gone.`,
          "Wait a minute and plan again.",
          { subject: existing.id },
        );
      } else if (sn && existing.data.serviceNetworkId === sn.id) {
        duplicateAssociation(
          f,
          existing,
          isFailed(existing.data.status)
            ? `${action.vpcId} already has a failed association ${existing.id} with this service network (${existing.data.status}${existing.data.failureMessage ? `: ${existing.data.failureMessage}` : ""}).`
            : `${action.vpcId} is already associated with this service network (${existing.id}, ${existing.data.status}).`,
          "remove-vpc-association",
        );
      } else {
        const subnetIds = vpc ? oneSubnetPerZone(vpc.data.subnets) : [];
        f.blocking(
          "VPC_ALREADY_ASSOCIATED",
          `A VPC can be associated with only one service network, and ${vpc ? named(vpc.label, vpc.id) : action.vpcId} is already associated with ${otherName} (${existing.id}).`,
          `Reach ${sn ? named(sn.label, sn.id) : "this service network"} through a VPC endpoint of type ServiceNetwork instead (one per service network, many per VPC), or remove the other association first.`,
          {
            subject: existing.id,
            ...(subnetIds.length > 0
              ? {
                  alternative: {
                    label: `Create a ServiceNetwork endpoint for ${sn?.label ?? action.serviceNetworkId} in ${vpc?.label ?? action.vpcId}`,
                    action: {
                      type: "create-service-network-endpoint",
                      vpcId: action.vpcId,
                      serviceNetworkId: action.serviceNetworkId,
                      subnetIds,
                      ...(requested.length > 0 ? { securityGroupIds: requested } : {}),
                      ...(action.privateDnsEnabled !== undefined
                        ? { privateDnsEnabled: action.privateDnsEnabled }
                        : {}),
                      ...(action.dnsOptions ? { dnsOptions: action.dnsOptions } : {}),
                    },
                  },
                }
              : {}),
          },
        );
      }
    }
    if (sn)
      checkEntryIngress(
        f,
        vpc,
        groups,
        portsOfNetwork(index, sn.id),
        `the association of ${vpc?.label ?? action.vpcId}`,
      );
  },

  calls: (a, resolved, clientToken) => [
    {
      service: "vpc-lattice",
      operation: "CreateServiceNetworkVpcAssociation",
      input: compact({
        serviceNetworkIdentifier: resolved.serviceNetworkIdentifier,
        vpcIdentifier: a.vpcId,
        securityGroupIds: nonEmpty(a.securityGroupIds),
        privateDnsEnabled: a.privateDnsEnabled,
        dnsOptions: latticeDnsOptions(a.dnsOptions),
        clientToken,
      }),
    },
  ],

  cli(a, resolved, clientToken) {
    const input = inputOf(associateVpc, a, resolved, clientToken);
    return cli(
      "vpc-lattice create-service-network-vpc-association",
      [
        ["--service-network-identifier", input.serviceNetworkIdentifier],
        ["--vpc-identifier", a.vpcId],
        ["--security-group-ids", nonEmpty(a.securityGroupIds)],
        ["--private-dns-enabled", a.privateDnsEnabled],
        ["--dns-options", input.dnsOptions ? json(input.dnsOptions) : undefined],
        ["--client-token", clientToken],
      ],
      resolved.region,
    );
  },

  terraform(a, resolved) {
    const input = inputOf(associateVpc, a, resolved);
    return hclResource(
      "aws_vpclattice_service_network_vpc_association",
      tfName(a.vpcId, "association"),
      [
        ["vpc_identifier", a.vpcId],
        ["service_network_identifier", input.serviceNetworkIdentifier],
        ["security_group_ids", nonEmpty(a.securityGroupIds)],
        ["private_dns_enabled", a.privateDnsEnabled],
      ],
      hclDnsOptions(a.dnsOptions),
      a.privateDnsEnabled !== undefined || a.dnsOptions
        ? "private_dns_enabled and dns_options need hashicorp/aws >= 6.27.0."
        : undefined,
    );
  },

  cloudformation(a, resolved) {
    const input = inputOf(associateVpc, a, resolved);
    return cfnResource(logicalId("VpcAssociation", a.vpcId), "AWS::VpcLattice::ServiceNetworkVpcAssociation", {
      ServiceNetworkIdentifier: input.serviceNetworkIdentifier,
      VpcIdentifier: a.vpcId,
      SecurityGroupIds: nonEmpty(a.securityGroupIds),
      PrivateDnsEnabled: a.privateDnsEnabled,
      DnsOptions: cfnDnsOptions(a.dnsOptions),
    });
  },
};
