/**
 * Turn private DNS on (or off) for a service-network VPC association, with its
 * preference: UpdateServiceNetworkVpcAssociation. The fix for a custom or
 * resource name that does not resolve in an associated VPC.
 */
import { isGoing, isInProgress } from "@lattice-atlas/shared";
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
  tfName,
} from "../codify-writers.js";
import { checkDnsOptions, notFound } from "../findings.js";
import { inputOf, type KindOf } from "./kind.js";

export const updateVpcAssociationDns: KindOf<"update-vpc-association-dns"> = {
  resourceKind: "vpcAssociation",

  preflight(action, { f, index, resolved }) {
    const association = index.get(action.associationId, "vpcAssociation");
    const onOff = action.privateDnsEnabled ? "on" : "off";
    resolved.summary = `Turn private DNS ${onOff} for VPC association ${action.associationId}.`;
    if (!association) {
      notFound(f, "VPC association", action.associationId);
      return;
    }
    const vpc = index.get(association.data.vpcId, "vpc");
    const network = index.get(association.data.serviceNetworkId, "serviceNetwork");
    resolved.summary = `Turn private DNS ${onOff} for the association of ${named(vpc?.label, association.data.vpcId)} with ${named(network?.label, association.data.serviceNetworkId)}${action.dnsOptions?.privateDnsPreference ? ` (preference ${action.dnsOptions.privateDnsPreference})` : ""}.`;
    checkDnsOptions(f, action.privateDnsEnabled, action.dnsOptions);
    if (isGoing(association.data.status) || isInProgress(association.data.status))
      f.blocking(
        "BUSY",
        `VPC association ${association.id} is ${association.data.status}; AWS refuses an update until that finishes.`,
        "Wait until it is ACTIVE, then plan again.",
        { subject: association.id },
      );
    const sameDns =
      association.data.privateDnsEnabled === action.privateDnsEnabled &&
      sameDnsOptions(action.dnsOptions, association.data.dnsOptions);
    if (sameDns)
      f.blocking(
        "DNS_OPTIONS",
        `Private DNS is already ${onOff} on ${association.id}, with that preference.`,
        "Nothing to change.",
        {
          subject: association.id,
        },
      );
  },

  locate(a, index) {
    const association = index.get(a.associationId, "vpcAssociation");
    if (!association) return undefined;
    return association.data.privateDnsEnabled === a.privateDnsEnabled &&
      (!a.dnsOptions || sameDnsOptions(a.dnsOptions, association.data.dnsOptions))
      ? { made: true, id: association.id, status: association.data.status }
      : { made: false };
  },

  calls: (a) => [
    {
      service: "vpc-lattice",
      operation: "UpdateServiceNetworkVpcAssociation",
      input: compact({
        serviceNetworkVpcAssociationIdentifier: a.associationId,
        privateDnsEnabled: a.privateDnsEnabled,
        dnsOptions: latticeDnsOptions(a.dnsOptions),
      }),
    },
  ],

  cli(a, resolved) {
    const input = inputOf(updateVpcAssociationDns, a, resolved);
    return cli(
      "vpc-lattice update-service-network-vpc-association",
      [
        ["--service-network-vpc-association-identifier", a.associationId],
        ["--private-dns-enabled", a.privateDnsEnabled],
        ["--dns-options", input.dnsOptions ? json(input.dnsOptions) : undefined],
      ],
      resolved.region,
    );
  },

  terraform: (a) =>
    hclResource(
      "aws_vpclattice_service_network_vpc_association",
      tfName(a.associationId),
      [["private_dns_enabled", a.privateDnsEnabled]],
      hclDnsOptions(a.dnsOptions),
      `In the resource that manages ${a.associationId}, set these (hashicorp/aws >= 6.27.0); the other arguments stay as they are.`,
    ),

  cloudformation: (a) =>
    `# In the template that declares ${a.associationId}, set these properties and update the stack.\n${cfnResource(
      logicalId("VpcAssociation", a.associationId),
      "AWS::VpcLattice::ServiceNetworkVpcAssociation",
      { PrivateDnsEnabled: a.privateDnsEnabled, DnsOptions: cfnDnsOptions(a.dnsOptions) },
    )}`,
};

type DnsOptions = { privateDnsPreference?: string | undefined; privateDnsSpecifiedDomains?: string[] | undefined };

/** The same preference and the same specified domains (in any order); no preference is VERIFIED_DOMAINS_ONLY. */
function sameDnsOptions(a: DnsOptions | undefined, b: DnsOptions | undefined): boolean {
  const domains = (o: DnsOptions | undefined) =>
    [...(o?.privateDnsSpecifiedDomains ?? [])]
      .map((d) => d.toLowerCase())
      .sort()
      .join(",");
  return (
    (a?.privateDnsPreference ?? "VERIFIED_DOMAINS_ONLY") === (b?.privateDnsPreference ?? "VERIFIED_DOMAINS_ONLY") &&
    domains(a) === domains(b)
  );
}
