/** One inbound TCP rule on a security group: EC2 AuthorizeSecurityGroupIngress. */
import { named } from "../../lattice/text.js";
import { cfnResource, cli, compact, hclResource, json, logicalId, tfName } from "../codify-writers.js";
import { notFound, ruleCovering } from "../findings.js";
import { inputOf, type KindOf } from "./kind.js";

export const addIngressRule: KindOf<"add-ingress-rule"> = {
  resourceKind: "securityGroupRule",

  preflight(action, { f, index, resolved }) {
    const group = index.securityGroup(action.groupId);
    const from = action.sourceGroupId ?? action.cidr ?? "?";
    resolved.summary = `Allow TCP ${action.port} into ${group ? named(group.groupName, group.groupId) : action.groupId} from ${from}.`;
    if (!group) {
      notFound(f, "Security group", action.groupId);
      return;
    }
    if (action.sourceGroupId && !index.securityGroup(action.sourceGroupId)) {
      f.warning(
        "NOT_FOUND",
        `Source security group ${action.sourceGroupId} is not one of this account's groups in the topology.`,
        "Check the id; a group of a peered VPC or another account must be reachable from this VPC.",
        { subject: action.sourceGroupId },
      );
    }
    const covering = ruleCovering(group, action.port, action);
    if (covering?.exact)
      f.blocking(
        "DUPLICATE_RULE",
        `${named(group.groupName, group.groupId)} already lets TCP ${action.port} in from ${from}.`,
        "Nothing to add.",
        { subject: group.groupId },
      );
    else if (covering)
      f.warning(
        "DUPLICATE_RULE",
        `A broader rule of ${named(group.groupName, group.groupId)} already lets TCP ${action.port} in from ${covering.rule.sourceGroupId ?? covering.rule.cidr}.`,
        "The new rule would change nothing; skip it unless you mean to remove the broader one later.",
        { subject: group.groupId },
      );
  },

  calls: (a) => [
    {
      service: "ec2",
      operation: "AuthorizeSecurityGroupIngress",
      input: {
        GroupId: a.groupId,
        IpPermissions: [
          compact({
            IpProtocol: a.protocol,
            FromPort: a.port,
            ToPort: a.port,
            UserIdGroupPairs: a.sourceGroupId
              ? [compact({ GroupId: a.sourceGroupId, Description: a.description })]
              : undefined,
            IpRanges: a.cidr ? [compact({ CidrIp: a.cidr, Description: a.description })] : undefined,
          }),
        ],
      },
    },
  ],

  cli(a, resolved) {
    const input = inputOf(addIngressRule, a, resolved);
    return cli(
      "ec2 authorize-security-group-ingress",
      [
        ["--group-id", a.groupId],
        ["--ip-permissions", json(input.IpPermissions)],
      ],
      resolved.region,
    );
  },

  terraform: (a) =>
    hclResource("aws_vpc_security_group_ingress_rule", tfName(a.groupId, "tcp", String(a.port)), [
      ["security_group_id", a.groupId],
      ["ip_protocol", a.protocol],
      ["from_port", a.port],
      ["to_port", a.port],
      ["referenced_security_group_id", a.sourceGroupId],
      ["cidr_ipv4", a.cidr],
      ["description", a.description],
    ]),

  cloudformation: (a) =>
    cfnResource(logicalId("Ingress", a.groupId, "Tcp", String(a.port)), "AWS::EC2::SecurityGroupIngress", {
      GroupId: a.groupId,
      IpProtocol: a.protocol,
      FromPort: a.port,
      ToPort: a.port,
      SourceSecurityGroupId: a.sourceGroupId,
      CidrIp: a.cidr,
      Description: a.description,
    }),
};
