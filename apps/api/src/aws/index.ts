/** The AWS layer: one reader per service over one set of clients and one call runner. */
import type { AwsClients } from "./clients.js";
import { createEc2Reader } from "./ec2.js";
import { createLambdaReader } from "./lambda.js";
import { createLatticeReader } from "./lattice.js";
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
  };
}

export type Readers = ReturnType<typeof createReaders>;
export { createAwsClients, type AwsClients, type SourceConnection } from "./clients.js";
export { AwsFailure, type FailureKind } from "./failures.js";
export { CallRunner, DEFAULT_CONCURRENCY, type AwsService, type RunnerOptions } from "./runner.js";
export { iamActionFor } from "./iam.js";
