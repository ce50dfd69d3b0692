import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEmulator } from "./index.js";

const SERVICES: Record<string, string> = {
  "VPC Lattice": "vpc-lattice",
  EC2: "ec2",
  RDS: "rds",
  STS: "sts",
  Organizations: "organizations",
  RAM: "ram",
  Lambda: "lambda",
};

/** The README's parity table, per service: its heading's counts and the operations its rows name. */
function parityTable(): Map<string, { implemented: number; of: number | undefined; listed: Set<string> }> {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const table = readme.slice(readme.indexOf("## Parity table"), readme.indexOf("## Open work"));
  const sections = new Map<string, { implemented: number; of: number | undefined; listed: Set<string> }>();
  let current: { listed: Set<string> } | undefined;
  for (const line of table.split("\n")) {
    const heading = /^### (.+?) \([^,]+, (\d+)(?: of (\d+))? operations?(?:, [^)]*)?\)$/.exec(line);
    if (heading) {
      const service = SERVICES[heading[1]!];
      if (!service) throw new Error(`parity table: unknown service heading "${heading[1]}"`);
      const entry = {
        implemented: Number(heading[2]),
        of: heading[3] ? Number(heading[3]) : undefined,
        listed: new Set<string>(),
      };
      sections.set(service, entry);
      current = entry;
      continue;
    }
    const cell = /^\| ([A-Z][A-Za-z /]+?) +\|/.exec(line)?.[1];
    if (!cell || cell === "operation" || !current) continue;
    for (const name of cell.split(" / ")) current.listed.add(name.trim());
  }
  return sections;
}

/** The README's parity table lists exactly the operations that have handlers, service by service. */
describe("the parity table", () => {
  const sections = parityTable();
  const emulator = createEmulator();
  for (const service of emulator.serviceNames()) {
    it(`names every implemented ${service} operation and nothing else, with the right counts`, () => {
      const definition = emulator.service(service)!;
      const implemented = Object.keys(definition.handlers);
      for (const operation of implemented) {
        expect(definition.operations.has(operation), `${service}:${operation} is in the SDK model`).toBe(true);
      }
      const section = sections.get(service);
      expect(section, `a "### … (protocol, N operations)" section for ${service}`).toBeDefined();
      expect(implemented.filter((op) => !section!.listed.has(op)).sort()).toEqual([]);
      expect([...section!.listed].filter((op) => !implemented.includes(op)).sort()).toEqual([]);
      expect(section!.implemented).toBe(implemented.length);
      if (section!.of !== undefined) expect(section!.of).toBe(definition.operations.size);
    });
  }
});
