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
import type { Action, Finding } from "@lattice-atlas/shared";
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
  kindOf(action).preflight(action, new PreflightScope(index, ctx, f, resolved));
  return { findings: f.list, blocking: f.list.some((x) => x.severity === "blocking"), resolved };
}
