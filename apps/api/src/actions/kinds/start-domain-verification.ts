/**
 * Verify a custom domain for VPC Lattice (TXT method): StartDomainVerification.
 * AWS answers the TXT record to create; the verification stays PENDING until
 * the record resolves. A VERIFIED_DOMAINS preference then admits the domain.
 */
import { cfnResource, cli, compact, hclResource, logicalId, tfName } from "../codify-writers.js";
import type { KindOf } from "./kind.js";

export const startDomainVerification: KindOf<"start-domain-verification"> = {
  resourceKind: "domainVerification",

  preflight(action, { f, index, resolved }) {
    resolved.summary = `Verify the domain ${action.domainName} for VPC Lattice (TXT record).`;
    const configurations = index
      .of("resourceConfiguration")
      .filter((c) => c.data.customDomainName === action.domainName || c.data.groupDomain === action.domainName);
    const verified = configurations.find((c) => c.data.domainVerification?.status === "VERIFIED");
    if (verified)
      f.blocking(
        "DOMAIN_VERIFICATION",
        `${action.domainName} is verified already (${verified.data.domainVerification!.id}).`,
        "Nothing to do.",
        { subject: verified.data.domainVerification!.id },
      );
    const pending = configurations.find((c) => c.data.domainVerification?.status === "PENDING");
    if (pending)
      f.warning(
        "DOMAIN_VERIFICATION",
        `A verification of ${action.domainName} is pending already (${pending.data.domainVerification!.id}).`,
        `Create its TXT record${pending.data.domainVerification!.txtName ? ` ${pending.data.domainVerification!.txtName}` : ""} instead of starting another.`,
        { subject: pending.data.domainVerification!.id },
      );
    if (configurations.length === 0)
      f.info(
        "DOMAIN_VERIFICATION",
        `No resource configuration of this account uses ${action.domainName} yet.`,
        "Verify it now and give a configuration this custom domain name, or check the spelling.",
      );
  },

  calls: (a, _resolved, clientToken) => [
    {
      service: "vpc-lattice",
      operation: "StartDomainVerification",
      input: compact({ domainName: a.domainName, clientToken }),
    },
  ],

  cli: (a, resolved, clientToken) =>
    cli(
      "vpc-lattice start-domain-verification",
      [
        ["--domain-name", a.domainName],
        ["--client-token", clientToken],
      ],
      resolved.region,
    ),

  terraform: (a) =>
    hclResource(
      "aws_vpclattice_domain_verification",
      tfName(a.domainName),
      [["domain_name", a.domainName]],
      [],
      "Then create the TXT record it answers (aws_route53_record with its txt_record_name and txt_record_value).",
    ),

  cloudformation: (a) =>
    cfnResource(logicalId("DomainVerification", a.domainName), "AWS::VpcLattice::DomainVerification", {
      DomainName: a.domainName,
    }),
};
