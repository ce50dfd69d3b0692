/**
 * IAM roles the emulator knows (IAM is global: roles are per account, not per
 * region). There is no IAM API: scenarios, the control API and state imports
 * create roles; STS AssumeRole checks their trust policies.
 */
export interface RoleRecord {
  roleName: string;
  /** `AROA…`: the unique id AWS gives a role (the first part of an assumed role's UserId). */
  roleId: string;
  arn: string;
  path: string;
  /** The trust policy, an IAM policy document as JSON text (what IAM's AssumeRolePolicyDocument holds). */
  assumeRolePolicyDocument: string;
  /** Seconds, 3600–43200 (IAM's default 3600). */
  maxSessionDuration: number;
  createDate: string;
  description?: string;
}

export interface IamState {
  /** Account id → role name → role. */
  roles: Record<string, Record<string, RoleRecord>>;
}

export function emptyIamState(): IamState {
  return { roles: {} };
}
