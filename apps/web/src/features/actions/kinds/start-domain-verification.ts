/**
 * Verify a custom domain for VPC Lattice (StartDomainVerification): AWS answers
 * the TXT record to create; the verification is PENDING until it resolves.
 */
import type { ActionKind } from "./types";

export const startDomainVerification = {
  type: "start-domain-verification",
  label: "Verify a domain",
  confirm: "Start verification",
  confirming: "Starting…",
  removal: false,
  subject: (a) => a.domainName ?? "a domain",
} satisfies ActionKind<"start-domain-verification">;
