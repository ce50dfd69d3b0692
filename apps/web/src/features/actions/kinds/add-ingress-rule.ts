/**
 * One inbound TCP rule on a security group (EC2 AuthorizeSecurityGroupIngress): a
 * check's Fix or a finding's add-on. In place as soon as EC2 answers, so the
 * diagram draws nothing pending for it.
 */
import { shortId } from "./parts";
import type { ActionKind } from "./types";

export const addIngressRule = {
  type: "add-ingress-rule",
  label: "Add inbound rule",
  confirm: "Add rule",
  confirming: "Adding…",
  removal: false,
  subject: (a) =>
    `TCP ${String(a.port)} from ${a.sourceGroupId !== undefined ? shortId(a.sourceGroupId) : (a.cidr ?? "?")} into ${shortId(a.groupId)}`,
} satisfies ActionKind<"add-ingress-rule">;
