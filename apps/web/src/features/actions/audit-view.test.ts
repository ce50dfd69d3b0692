import type { AuditEntry } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { matchesAuditFilter, resourceName, subjectParts, undoFor, type AuditContext } from "./audit-view";

const NAMES: Record<string, string> = {
  "vpc-0a03953771bed5895": "consumer-sn-association-vpc",
  "sn-0b615c0ed1ca34177": "zenn-service-network-dev",
  "snva-0c7568464798463a6": "VPC association → zenn-service-network-dev",
};
const context: AuditContext = {
  source: "emulator",
  region: "ap-northeast-1",
  nameOf: (id) => NAMES[id],
  has: (id) => id in NAMES,
};

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 7,
    at: "2026-12-05T08:00:00.000Z",
    source: "emulator",
    region: "ap-northeast-1",
    action: "associate-vpc",
    input: { vpcId: "vpc-0a03953771bed5895", serviceNetworkId: "sn-0b615c0ed1ca34177" },
    outcome: "succeeded",
    resourceId: "snva-0c7568464798463a6",
    ...overrides,
  };
}

describe("audit log names", () => {
  it("names each id of the line from the topology, keeping the id", () => {
    expect(subjectParts(entry(), context)).toEqual([
      { id: "vpc-0a03953771bed5895", name: "consumer-sn-association-vpc" },
      { text: " → " },
      { id: "sn-0b615c0ed1ca34177", name: "zenn-service-network-dev" },
    ]);
    expect(resourceName(entry(), context)).toBe("VPC association → zenn-service-network-dev");
  });

  it("leaves the ids of another source or region, and unknown ids, unnamed", () => {
    const other = entry({ region: "us-east-1" });
    expect(subjectParts(other, context).filter((p) => "id" in p && p.name !== undefined)).toEqual([]);
    expect(resourceName(other, context)).toBeUndefined();
    expect(
      subjectParts(
        entry({ input: { associationId: "snva-0ffffffffffffffff" }, action: "remove-vpc-association" }),
        context,
      ),
    ).toEqual([{ id: "snva-0ffffffffffffffff", name: undefined }]);
  });
});

describe("audit log Undo", () => {
  it("undoes a creation that succeeded here by removing what it made", () => {
    expect(undoFor(entry(), context)).toEqual({
      type: "remove-vpc-association",
      associationId: "snva-0c7568464798463a6",
    });
  });

  it("offers none for a failure, a removal, another region, or a resource no longer there", () => {
    expect(undoFor(entry({ outcome: "failed" }), context)).toBeUndefined();
    expect(undoFor(entry({ outcome: "replayed" }), context)).toBeUndefined();
    expect(undoFor(entry({ action: "remove-vpc-association" }), context)).toBeUndefined();
    expect(undoFor(entry({ source: "aws:prod" }), context)).toBeUndefined();
    expect(undoFor(entry({ resourceId: "snva-0ffffffffffffffff" }), context)).toBeUndefined();
    expect(undoFor(entry(), undefined)).toBeUndefined();
  });
});

describe("audit log filter", () => {
  const all = { text: "", outcome: "all" } as const;
  it("matches the words of the label, the names and the ids, all of them", () => {
    expect(matchesAuditFilter(entry(), all, context)).toBe(true);
    expect(matchesAuditFilter(entry(), { ...all, text: "consumer-sn" }, context)).toBe(true);
    expect(matchesAuditFilter(entry(), { ...all, text: "VPC association zenn" }, context)).toBe(true);
    expect(matchesAuditFilter(entry(), { ...all, text: "snva-0c75" }, context)).toBe(true);
    expect(matchesAuditFilter(entry(), { ...all, text: "endpoint" }, context)).toBe(false);
  });

  it("keeps only the outcome asked for", () => {
    expect(matchesAuditFilter(entry(), { ...all, outcome: "succeeded" }, context)).toBe(true);
    expect(matchesAuditFilter(entry(), { ...all, outcome: "refused" }, context)).toBe(false);
  });
});
