/** All the state of one account in one region: the unit every request works on. */
import { emptyEc2State, type Ec2State } from "../services/ec2/state.js";
import { emptyLatticeState, type LatticeState } from "../services/lattice/state.js";
import { emptyLambdaState, type LambdaState } from "../services/lambda/state.js";
import { emptyRdsState, type RdsState } from "../services/rds/state.js";
import { emptySharingState, type SharingState } from "../services/ram/state.js";

export interface PendingTransition {
  kind: string;
  id: string;
  /** Target status, or null to remove the record. */
  to: string | null;
  at: number;
  failure?: { code: string; message: string };
}

export interface IdempotencyRecord {
  fingerprint: string;
  resourceId: string;
  response: Record<string, unknown>;
}

export interface RegionState {
  accountId: string;
  region: string;
  ec2: Ec2State;
  lattice: LatticeState;
  rds: RdsState;
  lambda: LambdaState;
  /** RAM resource shares and invitations this account owns, and cross-account endpoint links. */
  sharing: SharingState;
  pending: PendingTransition[];
  idempotency: Record<string, IdempotencyRecord>;
}

export function emptyRegionState(accountId: string, region: string): RegionState {
  return {
    accountId,
    region,
    ec2: emptyEc2State(),
    lattice: emptyLatticeState(),
    rds: emptyRdsState(),
    lambda: emptyLambdaState(),
    sharing: emptySharingState(),
    pending: [],
    idempotency: {},
  };
}

export const regionKey = (accountId: string, region: string): string => `${accountId}/${region}`;
