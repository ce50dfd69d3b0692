/** The scenario catalogue. */
import type { Emulator } from "../core/emulator.js";
import type { ScenarioDocument } from "./document.js";
import { customDomainsScenario } from "./custom-domains.js";
import { fieldReportScenario } from "./field-report.js";
import { largeScenario, parseLargeParams } from "./large.js";
import { loadScenario, type LoadResult } from "./loader.js";

export interface ScenarioInfo {
  name: string;
  description: string;
  parameters?: Record<string, string>;
}

export const SCENARIOS: ScenarioInfo[] = [
  { name: "field-report", description: fieldReportScenario.description },
  { name: "custom-domains", description: customDomainsScenario.description },
  { name: "empty", description: "No resources: an empty account." },
  {
    name: "large",
    description: "Generated account for scale work.",
    parameters: {
      serviceNetworks: "1–50 (default 50)",
      vpcs: "2–500 (default 500)",
      resourceConfigurations: "1–1250 (default 1250)",
      services: "1–125 (default 125)",
      region: "default us-east-1",
    },
  },
];

export function scenarioDocument(name: string, params: Record<string, unknown> = {}): ScenarioDocument | undefined {
  if (name === "field-report") return fieldReportScenario;
  if (name === "custom-domains") return customDomainsScenario;
  if (name === "large") return largeScenario(parseLargeParams(params));
  return undefined;
}

/** Replaces the emulator's state with the named scenario. */
export function applyScenario(
  emulator: Emulator,
  name: string,
  params: Record<string, unknown> = {},
): LoadResult | undefined {
  if (!SCENARIOS.some((s) => s.name === name)) {
    throw new Error(`unknown scenario "${name}" (known: ${SCENARIOS.map((s) => s.name).join(", ")})`);
  }
  const doc = scenarioDocument(name, params);
  emulator.reset();
  return doc ? loadScenario(emulator, doc) : undefined;
}

export { customDomainsScenario, fieldReportScenario, largeScenario, loadScenario };
export type { ScenarioDocument };
