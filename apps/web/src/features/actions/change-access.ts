/**
 * Whether this console may change the chosen source, and why not. The server
 * refuses anyway (403 READ_ONLY); the UI hides the controls and says why.
 */
import { roleRefusal, type HealthResponse, type MeResponse, type SourceInfo } from "@lattice-atlas/shared";

export interface ChangeAccess {
  allowed: boolean;
  /** Why changes are off (absent while the answer is not known yet). */
  reason?: string | undefined;
}

export function changeAccess(
  source: SourceInfo | undefined,
  health: HealthResponse | undefined,
  me?: MeResponse | undefined,
): ChangeAccess {
  if (!source || !health) return { allowed: false };
  // Team mode: the signed-in user's role comes first (the server refuses with 403 ROLE_FORBIDDEN anyway).
  if (me && !me.can.change)
    return {
      allowed: false,
      reason: `${roleRefusal(me.role ?? "viewer", "operator", "make changes")} Every plan's CLI, Terraform and CloudFormation can still be read.`,
    };
  if (source.mutationsAllowed && !health.readOnly) return { allowed: true };
  if (health.readOnly || source.kind === "emulator")
    return {
      allowed: false,
      reason:
        "This server runs with --read-only: it changes nothing, the emulator included. Every plan still shows the AWS CLI, Terraform and CloudFormation to make a change by hand.",
    };
  return {
    allowed: false,
    reason: `${source.label} is read-only: changes to real AWS need the server started with --allow-mutations. The CLI, Terraform and CloudFormation of each plan make the same change by hand.`,
  };
}
