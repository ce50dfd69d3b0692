/**
 * Preflight: pure checks of one action against the cached topology, before
 * any AWS call. Each finding says what is wrong and what to do; blocking ones
 * would fail at AWS (or silently not work) and stop an execution. Where a
 * ready alternative exists (a ServiceNetwork endpoint instead of a second VPC
 * association, the GROUP instead of a CHILD, the one missing ingress rule) the
 * finding carries it as an action the UI can plan next. It also resolves what
 * the AWS calls need and the action does not spell (ARNs for EC2, the ARN of
 * another account's network). The checks of each kind live with the kind.
 */
import type { Action, Finding, GraphNode } from "@lattice-atlas/shared";
import type { GraphIndex } from "../lattice/graph-index.js";
import { Findings } from "./findings.js";
import { kindOf } from "./kinds/index.js";
import { PreflightScope, type PreflightContext, type ResolvedAction } from "./kinds/kind.js";

export type { PreflightContext, ResolvedAction } from "./kinds/kind.js";

export interface PreflightResult {
  findings: Finding[];
  blocking: boolean;
  resolved: ResolvedAction;
}

export function preflight(index: GraphIndex, action: Action, ctx: PreflightContext): PreflightResult {
  const f = new Findings();
  const resolved: ResolvedAction = {
    action,
    accountId: ctx.accountId,
    region: ctx.region,
    summary: "",
    ...(ctx.estate ? { estateRole: ctx.estate.roleName } : {}),
  };
  if (!ctx.mutationsAllowed) {
    f.blocking(
      "READ_ONLY",
      "This source is read-only: the server will not make this change.",
      "Run the CLI command, Terraform or CloudFormation below yourself, or restart the server with --allow-mutations (real AWS) and without --read-only.",
    );
  }
  const managed = managedSubject(index, action);
  if (managed)
    f.blocking(
      "AWS_MANAGED",
      `${managed.label} (${managed.id}) is managed by AWS${managed.by ? ` (${managed.by})` : ""}: it is read-only, and AWS refuses changes to it.`,
      "Change it through the service that manages it; nothing here can be changed.",
      { subject: managed.id },
    );
  kindOf(action).preflight(action, new PreflightScope(index, ctx, f, resolved));
  return { findings: f.list, blocking: f.list.some((x) => x.severity === "blocking"), resolved };
}

/** Which members of an action name an existing resource it would change or hang something on. */
const SUBJECT_KEYS = ["resourceConfigurationId", "associationId", "endpointId"] as const;

/** Whether AWS manages a node: an AWS-managed configuration, a managed (child or service) association, a managed gateway. */
export function managedBy(node: GraphNode): string | undefined {
  const data = node.data as {
    amazonManaged?: boolean;
    isManaged?: boolean;
    serviceManaged?: boolean;
    managedBy?: string;
  };
  if (data.managedBy) return data.managedBy;
  if (data.amazonManaged || data.serviceManaged) return "AWS";
  if (node.kind === "resourceAssociation" && data.isManaged) return "its parent association";
  return undefined;
}

/** The first AWS-managed resource an action names, if any. */
function managedSubject(index: GraphIndex, action: Action): { id: string; label: string; by: string } | undefined {
  for (const key of SUBJECT_KEYS) {
    const id = (action as Record<string, unknown>)[key];
    if (typeof id !== "string") continue;
    const node = index.find(id);
    const by = node ? managedBy(node) : undefined;
    if (node && by) return { id: node.id, label: node.label, by: by === "AWS" ? "" : by };
  }
  return undefined;
}
