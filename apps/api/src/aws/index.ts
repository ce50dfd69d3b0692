/** The AWS layer: one reader per service over one set of clients and one call runner. */
import type { AwsClients } from "./clients.js";
import { createEc2Reader } from "./ec2.js";
import { createEc2Writer } from "./ec2-writes.js";
import { createLambdaReader } from "./lambda.js";
import { createLatticeReader } from "./lattice.js";
import { createLatticeWriter } from "./lattice-writes.js";
import { createOrganizationsReader } from "./organizations.js";
import { createRamReader } from "./ram.js";
import type { WriteResult } from "./results.js";
import { createRdsReader } from "./rds.js";
import type { CallRunner } from "./runner.js";
import { createStsReader } from "./sts.js";

export function createReaders(clients: AwsClients, runner: CallRunner) {
  return {
    ec2: createEc2Reader(clients.ec2, runner),
    lattice: createLatticeReader(clients.lattice, runner),
    rds: createRdsReader(clients.rds, runner),
    lambda: createLambdaReader(clients.lambda, runner),
    sts: createStsReader(clients.sts, runner),
    ram: createRamReader(clients.ram, runner),
    organizations: createOrganizationsReader(clients.organizations, runner),
  };
}

export type Readers = ReturnType<typeof createReaders>;

/** A change as a plan spells it: one AWS operation and its input in API member names. */
export interface PlannedCall {
  service: "vpc-lattice" | "ec2";
  operation: string;
  input: Record<string, unknown>;
}

/** Performs planned calls, exactly as planned; the operations are the writers' only entry. */
export function createWriter(clients: AwsClients, runner: CallRunner) {
  const writers: Record<
    PlannedCall["service"],
    Record<string, (input: Record<string, unknown>) => Promise<WriteResult>>
  > = {
    "vpc-lattice": createLatticeWriter(clients.lattice, runner),
    ec2: createEc2Writer(clients.ec2, runner),
  };
  return {
    perform(call: PlannedCall): Promise<WriteResult> {
      const operation = writers[call.service][call.operation];
      if (!operation) throw new Error(`no writer for ${call.service}:${call.operation}`);
      return operation(call.input);
    },
  };
}

export type Writer = ReturnType<typeof createWriter>;
export type { ResourceStatus, WriteResult } from "./results.js";
export { createAwsClients, sessionNameOf, withSessionName, type AwsClients, type SourceConnection } from "./clients.js";
export { ClientCache } from "./client-cache.js";
export { AwsFailure, isThrottling, toAwsFailure, type FailureKind } from "./failures.js";
export { CallRunner, DEFAULT_CONCURRENCY, callTrace, type AwsService, type RunnerOptions } from "./runner.js";
export { iamActionFor } from "./iam.js";
