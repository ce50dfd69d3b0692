/**
 * The status the UI polls after a change: one read of the one resource
 * (Get… for associations; DescribeVpcEndpoints + DescribeVpcEndpointAssociations
 * for endpoints), its phase, the failure when it failed, and its DNS names as
 * soon as AWS issues them. A NotFound right after a create is "not yet
 * visible" (eventual consistency), after a delete it is "deleted".
 */
import {
  PHASE_IS_FINAL,
  statusPhase,
  type Action,
  type AuditEntry,
  type PollableKind,
  type StatusPhase,
  type StatusResponse,
} from "@lattice-atlas/shared";
import type { Readers, ResourceStatus } from "../aws/index.js";

/** How long a NotFound after a create still counts as "not yet visible". */
export const NOT_VISIBLE_GRACE_MS = 10 * 60_000;

export function readStatus(readers: Readers, kind: PollableKind, id: string): Promise<ResourceStatus> {
  switch (kind) {
    case "vpcAssociation":
      return readers.lattice.vpcAssociationStatus(id);
    case "resourceAssociation":
      return readers.lattice.resourceAssociationStatus(id);
    case "serviceAssociation":
      return readers.lattice.serviceAssociationStatus(id);
    case "vpcEndpoint":
      return readers.ec2.endpointStatus(id);
  }
}

/** Lattice statuses (SCREAMING_CASE) and EC2 endpoint states (any case) → one phase; `done` stops the polling. */
export function phaseOf(status: string): { phase: StatusPhase; done: boolean } {
  // A word that says nothing about a lifecycle keeps the poll going.
  const phase = statusPhase(status) ?? "pending";
  return { phase, done: PHASE_IS_FINAL[phase] };
}

/** The removal to run before creating a failed resource again ("delete and recreate"). */
export function recoveryFor(kind: PollableKind, id: string): { label: string; action: Action } {
  switch (kind) {
    case "vpcAssociation":
      return {
        label: `Delete the failed association ${id}, then create it again`,
        action: { type: "remove-vpc-association", associationId: id },
      };
    case "resourceAssociation":
      return {
        label: `Delete the failed association ${id}, then create it again`,
        action: { type: "remove-resource-association", associationId: id },
      };
    case "serviceAssociation":
      return {
        label: `Delete the failed association ${id}, then create it again`,
        action: { type: "remove-service-association", associationId: id },
      };
    case "vpcEndpoint":
      return {
        label: `Delete the failed endpoint ${id}, then create it again`,
        action: { type: "remove-endpoint", endpointId: id },
      };
  }
}

export function statusFrom(kind: PollableKind, id: string, read: ResourceStatus, now: Date): StatusResponse {
  const { phase, done } = phaseOf(read.status);
  return {
    kind,
    id,
    status: read.status,
    phase,
    done,
    ...(read.failureCode ? { failureCode: read.failureCode } : {}),
    ...(read.failureReason ? { failureReason: read.failureReason } : {}),
    dnsEntries: read.dns,
    ...(phase === "failed" && read.status.toUpperCase() !== "DELETE_FAILED" ? { recovery: recoveryFor(kind, id) } : {}),
    checkedAt: now.toISOString(),
  };
}

/** What a NotFound means, given the last change Atlas made to that id. */
export function notFoundStatus(
  kind: PollableKind,
  id: string,
  lastChange: AuditEntry | undefined,
  now: Date,
): StatusResponse {
  const base = { kind, id, dnsEntries: [], checkedAt: now.toISOString() };
  if (lastChange?.action.startsWith("remove-")) return { ...base, status: "DELETED", phase: "deleted", done: true };
  if (lastChange && now.getTime() - Date.parse(lastChange.at) < NOT_VISIBLE_GRACE_MS) {
    return { ...base, status: "NOT_YET_VISIBLE", phase: "pending", done: false };
  }
  return { ...base, status: "NOT_FOUND", phase: "not-found", done: true };
}
