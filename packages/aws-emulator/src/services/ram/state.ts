/**
 * AWS RAM state, per account and region (resource shares are regional): the
 * shares an account owns, the invitations it sent, and links from the
 * resources it owns to other accounts' VPC endpoints that reach them.
 */
export type AssociationStatus = "ASSOCIATING" | "ASSOCIATED" | "FAILED" | "DISASSOCIATING" | "DISASSOCIATED";

export interface ShareEntityRecord {
  status: AssociationStatus;
  statusMessage?: string;
  creationTime: string;
  lastUpdatedTime: string;
}

export interface SharePrincipalRecord extends ShareEntityRecord {
  /** Outside the owner's organization (or no organization sharing). */
  external: boolean;
}

export interface ResourceShareRecord {
  resourceShareArn: string;
  name: string;
  owningAccountId: string;
  allowExternalPrincipals: boolean;
  status: "PENDING" | "ACTIVE" | "FAILED" | "DELETING" | "DELETED";
  featureSet: "CREATED_FROM_POLICY" | "PROMOTING_TO_STANDARD" | "STANDARD";
  creationTime: string;
  lastUpdatedTime: string;
  tags: Array<{ key: string; value: string }>;
  /** Resource ARN → association. */
  resources: Record<string, ShareEntityRecord>;
  /** Principal (account id, organization or OU ARN) → association. */
  principals: Record<string, SharePrincipalRecord>;
}

export interface InvitationRecord {
  resourceShareInvitationArn: string;
  resourceShareArn: string;
  resourceShareName: string;
  senderAccountId: string;
  receiverAccountId: string;
  invitationTimestamp: string;
  status: "PENDING" | "ACCEPTED" | "REJECTED" | "EXPIRED";
}

/** Another account's VPC endpoint that reaches a service network or resource configuration of this account. */
export interface EndpointLinkRecord {
  vpcEndpointId: string;
  accountId: string;
  serviceNetworkArn?: string;
  resourceConfigurationArn?: string;
}

export interface SharingState {
  resourceShares: Record<string, ResourceShareRecord>;
  invitations: Record<string, InvitationRecord>;
  endpointLinks: Record<string, EndpointLinkRecord>;
}

export function emptySharingState(): SharingState {
  return { resourceShares: {}, invitations: {}, endpointLinks: {} };
}
