/**
 * Whether this console may change the chosen source, and why not. The server
 * refuses anyway (403 READ_ONLY); the UI hides the controls and says why.
 */
import type { HealthResponse, SourceInfo } from "@lattice-atlas/shared";

export interface ChangeAccess {
  allowed: boolean;
  /** Why changes are off (absent while the answer is not known yet). */
  reason?: string | undefined;
}

export function changeAccess(source: SourceInfo | undefined, health: HealthResponse | undefined): ChangeAccess {
  if (!source || !health) return { allowed: false };
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
