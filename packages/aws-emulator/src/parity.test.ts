import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEmulator } from "./index.js";

/** The README's parity table lists exactly the operations that have handlers. */
describe("the parity table", () => {
  it("names every implemented operation and nothing else", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const table = readme.slice(readme.indexOf("## Parity table"), readme.indexOf("## Open work"));
    const listed = new Set<string>();
    for (const line of table.split("\n")) {
      const cell = /^\| ([A-Z][A-Za-z /]+?) \|/.exec(line)?.[1];
      if (!cell || cell === "operation") continue;
      for (const name of cell.split(" / ")) listed.add(name.trim());
    }
    const emulator = createEmulator();
    const implemented = new Set<string>();
    for (const service of emulator.serviceNames()) {
      const definition = emulator.service(service)!;
      for (const operation of Object.keys(definition.handlers)) {
        expect(definition.operations.has(operation), `${service}:${operation} is in the SDK model`).toBe(true);
        implemented.add(operation);
      }
    }
    expect([...implemented].filter((op) => !listed.has(op)).sort()).toEqual([]);
    expect([...listed].filter((op) => !implemented.has(op)).sort()).toEqual([]);
  });
});
