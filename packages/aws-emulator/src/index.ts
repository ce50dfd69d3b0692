/** @lattice-atlas/aws-emulator: an AWS endpoint for VPC Lattice, EC2, RDS, STS and Lambda on one port. */
import { controlRoutes, currentScenario, loadNamedScenario } from "./control/routes.js";
import { Emulator, type EmulatorOptions, type RunningEmulator } from "./core/emulator.js";
import { ec2Service, registerEc2Lifecycles } from "./services/ec2/index.js";
import { lambdaService } from "./services/lambda/index.js";
import { organizationsService } from "./services/organizations/index.js";
import { ramService } from "./services/ram/index.js";
import { latticeService, registerLatticeLifecycles } from "./services/lattice/index.js";
import { rdsService } from "./services/rds/index.js";
import { stsService } from "./services/sts/index.js";

export interface StartOptions extends EmulatorOptions {
  port?: number;
  host?: string;
  scenario?: string;
  scenarioParams?: Record<string, unknown>;
}

/** An emulator with every service registered, not yet listening. */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const emulator = new Emulator(options);
  emulator.registerService(latticeService());
  emulator.registerService(ec2Service());
  emulator.registerService(rdsService());
  emulator.registerService(stsService());
  emulator.registerService(lambdaService());
  emulator.registerService(organizationsService());
  emulator.registerService(ramService());
  registerLatticeLifecycles(emulator.lifecycle);
  registerEc2Lifecycles(emulator.lifecycle);
  emulator.setControlHandler(controlRoutes);
  return emulator;
}

/** Creates, seeds and starts an emulator on host:port (127.0.0.1:4566 by default; port 0 picks a free one). */
export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const emulator = createEmulator(options);
  if (options.scenario && options.scenario !== "empty") {
    loadNamedScenario(emulator, options.scenario, options.scenarioParams ?? {});
  }
  return emulator.listen(options.port ?? 4566, options.host ?? "127.0.0.1");
}

export { Emulator, currentScenario, loadNamedScenario };
export type { EmulatorOptions, RunningEmulator };
export { SCENARIOS, scenarioDocument } from "./scenarios/index.js";
export { resolveName } from "./core/dns.js";
