/** What the writers and the status reads answer, as plain records. */
import type { StatusDnsEntry } from "@lattice-atlas/shared";

/** What a change answered: the resource, its status as AWS gave it, and the request id for the audit log. */
export interface WriteResult {
  id: string;
  arn?: string | undefined;
  status: string;
  requestId?: string | undefined;
  /** A domain verification's TXT record to create. */
  txtRecord?: { name: string; value: string } | undefined;
}

/** One resource's state as a change's status poll reads it. */
export interface ResourceStatus {
  status: string;
  failureCode?: string;
  failureReason?: string;
  dns: StatusDnsEntry[];
}
