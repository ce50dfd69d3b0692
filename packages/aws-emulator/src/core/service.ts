/** What each emulated service contributes: its model, protocol, handlers and error conventions. */
import type { AwsError } from "./errors.js";
import type { Caller } from "./identity.js";
import type { IdGenerator } from "./ids.js";
import type { Lifecycle } from "./lifecycle.js";
import type { PublicDns } from "./public-dns.js";
import type { RegionState } from "./region.js";
import type { World } from "./world.js";
import type { OperationModel } from "../protocols/model.js";

export type Protocol = "restJson" | "ec2" | "awsQuery" | "awsJson";

export interface HandlerContext {
  state: RegionState;
  accountId: string;
  region: string;
  now: number;
  nowIso: string;
  ids: IdGenerator;
  lifecycle: Lifecycle;
  operation: string;
  requestId: string;
  /** Another region of the same emulator (RDS ARNs may name any region; lookups stay in-region). */
  regionState: (accountId: string, region: string) => RegionState;
  /** The emulator's simulated public DNS (TXT records for domain verification). */
  publicDns: PublicDns;
  /** Who is calling (the account and, for assumed roles, the session). */
  caller: Caller;
  /** Other accounts' states and the global state (IAM, Organizations, STS), for cross-account work. */
  world: World;
}

// Handlers receive SDK-shaped inputs; each handler declares its own input type.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Handler = (input: any, ctx: HandlerContext) => Record<string, unknown> | undefined;

export interface ServiceDefinition {
  /** SigV4 signing name. */
  name: string;
  protocol: Protocol;
  /** awsQuery/ec2 API version, used to route form bodies without a signature. */
  version?: string;
  /** awsJson: the `X-Amz-Target` prefix (`AWSOrganizationsV20161128`), used to route requests without a signature. */
  targetPrefix?: string;
  operations: Map<string, OperationModel>;
  handlers: Record<string, Handler>;
  /** Missing required member → this service's error. */
  missingParameter: (member: string) => AwsError;
  unknownOperation: (operation: string) => AwsError;
  internalError: (message: string) => AwsError;
}
