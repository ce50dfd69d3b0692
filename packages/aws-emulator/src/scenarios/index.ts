/** The scenario catalogue. */
import type { Emulator } from "../core/emulator.js";
import type { ScenarioDocument } from "./document.js";
import { customDomainsScenario } from "./custom-domains.js";
import { estateScenario } from "./estate.js";
import { loadEstate } from "./estate-loader.js";
import { fieldReportScenario } from "./field-report.js";
import { largeScenario, parseLargeParams } from "./large.js";
import { largeEstate } from "./large-accounts.js";
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
      accounts: "1–50 (default 1): spread over a networking account and N−1 member accounts with RAM shares",
    },
  },
  { name: "estate", description: estateScenario.description },
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
  if (name === "estate") return loadEstate(emulator, estateScenario);
  if (name === "large" && doc && parseLargeParams(params).accounts > 1)
    return loadEstate(emulator, largeEstate(doc, parseLargeParams(params).accounts));
  return doc ? loadScenario(emulator, doc) : undefined;
}

export { customDomainsScenario, fieldReportScenario, largeScenario, loadScenario };
export type { ScenarioDocument };
