import type { Topology } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import fieldReport from "../topology/fixtures/field-report.json";
import { syntheticTopology } from "../topology/fixtures/synthetic";
import { countByCategory, DEFAULT_QUERY, queryRows, tableRows } from "./table-rows";

const topology = fieldReport as unknown as Topology;
const large = syntheticTopology();

describe("table rows", () => {
  it("has one row per VPC, resource and association, and one per hostname", () => {
    const rows = tableRows(large);
    const counts = countByCategory(rows);
    const kinds = (...k: string[]): number => large.nodes.filter((n) => k.includes(n.kind)).length;
    expect(counts.vpc).toBe(kinds("vpc"));
    expect(counts.resource).toBe(kinds("resourceConfiguration", "service"));
    expect(counts.association).toBe(kinds("vpcAssociation", "resourceAssociation", "serviceAssociation"));
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(tableRows(large)).toBe(rows);
  });

  it("lists the field report's hostnames, the snra- name among them, with what they belong to", () => {
    const hosts = tableRows(topology).filter((r) => r.category === "hostname");
    const snra = hosts.find((r) => r.name.startsWith("snra-"));
    expect(snra).toBeDefined();
    expect(snra!.nodeId).toMatch(/^snra-/);
    expect(snra!.relation).toContain(" in ");
  });

  it("sorts by a column either way, ties by name", () => {
    const rows = tableRows(large);
    const byName = queryRows(rows, { ...DEFAULT_QUERY, sort: "name" }).map((r) => r.name);
    const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
    expect(byName).toEqual([...byName].sort(collator.compare));
    const first = queryRows(rows, DEFAULT_QUERY);
    expect(first[0]!.category).toBe("vpc");
    expect(first.at(-1)!.category).toBe("hostname");
    const vpcNames = first.filter((r) => r.category === "vpc").map((r) => r.name);
    expect(vpcNames).toEqual([...vpcNames].sort(collator.compare));
    const down = queryRows(rows, { ...DEFAULT_QUERY, sort: "category", descending: true });
    expect(down[0]!.category).toBe("hostname");
    expect(down.at(-1)!.category).toBe("vpc");
  });

  it("filters by category and by every word given, in any column", () => {
    const rows = tableRows(large);
    const vpcs = queryRows(rows, { ...DEFAULT_QUERY, category: "vpc" });
    expect(vpcs.every((r) => r.category === "vpc")).toBe(true);
    const target = vpcs[3]!;
    const found = queryRows(rows, { ...DEFAULT_QUERY, text: `  ${target.nodeId.toUpperCase()} ` });
    expect(found.map((r) => r.nodeId)).toContain(target.nodeId);
    expect(found.every((r) => `${r.name} ${r.relation} ${r.nodeId}`.includes(target.nodeId))).toBe(true);
    expect(queryRows(rows, { ...DEFAULT_QUERY, text: "no-such-thing-anywhere" })).toEqual([]);
  });
});
