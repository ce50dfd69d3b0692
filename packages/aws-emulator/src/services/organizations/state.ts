/** AWS Organizations: one organization (or none), its accounts. Global, like the service. */
export interface OrganizationRecord {
  /** `o-` + 10 lowercase alphanumerics. */
  id: string;
  arn: string;
  featureSet: "ALL" | "CONSOLIDATED_BILLING";
  managementAccountId: string;
  managementAccountEmail: string;
  /** RAM's "sharing with AWS Organizations" (EnableSharingWithAwsOrganization): shares inside the organization need no invitation. */
  ramSharingEnabled: boolean;
}

export interface OrganizationAccountRecord {
  id: string;
  arn: string;
  name: string;
  email: string;
  /** The older status field: ACTIVE | SUSPENDED | PENDING_CLOSURE. */
  status: "ACTIVE" | "SUSPENDED" | "PENDING_CLOSURE";
  joinedMethod: "INVITED" | "CREATED";
  joinedTimestamp: string;
}

export interface OrganizationsState {
  organization: OrganizationRecord | null;
  /** Member accounts (the management account included), by id, in the order they joined. */
  accounts: Record<string, OrganizationAccountRecord>;
}

export function emptyOrganizationsState(): OrganizationsState {
  return { organization: null, accounts: {} };
}
