/** Temporary credentials issued by STS AssumeRole, by access key id (`ASIA…`). */
export interface SessionRecord {
  accessKeyId: string;
  sessionToken: string;
  /** The account the credentials act in. */
  accountId: string;
  roleName: string;
  roleArn: string;
  roleId: string;
  sessionName: string;
  /** Who assumed the role (the caller's ARN), for role-chaining rules and audit. */
  assumedBy: string;
  issuedAt: string;
  expiresAt: string;
  sourceIdentity?: string;
}

export interface StsState {
  sessions: Record<string, SessionRecord>;
}

export function emptyStsState(): StsState {
  return { sessions: {} };
}
