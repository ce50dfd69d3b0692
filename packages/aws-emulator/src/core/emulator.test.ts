import { describe, expect, it } from "vitest";
import { createEmulator } from "../index.js";
import { fieldReportScenario } from "../scenarios/field-report.js";
import { loadScenario } from "../scenarios/loader.js";
import type { StateExport } from "./emulator.js";

/** An emulator with the field report loaded, and its export. */
function loaded() {
  const emulator = createEmulator({ seed: "import-test" });
  loadScenario(emulator, fieldReportScenario);
  return { emulator, exported: emulator.exportState() };
}

/** A deep copy of `exported` with `change` applied to it. */
function altered(
  exported: StateExport,
  change: (copy: Record<string, unknown> & { regions: Array<Record<string, unknown>> }) => void,
): unknown {
  const copy = structuredClone(exported) as unknown as Record<string, unknown> & {
    regions: Array<Record<string, unknown>>;
  };
  change(copy);
  return copy;
}

describe("importState validation", () => {
  const cases: Array<
    [string, (copy: Record<string, unknown> & { regions: Array<Record<string, unknown>> }) => void, RegExp]
  > = [
    ["a wrong format", (c) => (c.format = "something-else"), /not an emulator state export/],
    ["a wrong version", (c) => (c.version = 2), /not an emulator state export/],
    ["regions that are not an array", (c) => (c.regions = {} as never), /not an emulator state export/],
    [
      "a malformed id counter",
      (c) => (c.ids = { seed: "x", counter: -1 }),
      /ids must be \{"seed": string, "counter": non-negative integer\}/,
    ],
    [
      "a region that is not an object",
      (c) => (c.regions[1] = "us-east-1" as never),
      /regions\[1\] must be an object, got "us-east-1"/,
    ],
    [
      "a short account id",
      (c) => (c.regions[1]!.accountId = "12345"),
      /regions\[1\]\.accountId must be a 12-digit account id, got "12345"/,
    ],
    [
      "a numeric account id",
      (c) => (c.regions[1]!.accountId = 111122223333),
      /regions\[1\]\.accountId must be a 12-digit account id, got number/,
    ],
    [
      "a missing account id",
      (c) => delete c.regions[1]!.accountId,
      /regions\[1\]\.accountId must be a 12-digit account id, got undefined/,
    ],
    ["a missing region", (c) => delete c.regions[1]!.region, /regions\[1\]\.region must be a region name/],
    [
      "an empty region",
      (c) => (c.regions[1]!.region = ""),
      /regions\[1\]\.region must be a region name such as "us-east-1", got ""/,
    ],
    [
      "a region that is not a string",
      (c) => (c.regions[1]!.region = ["ap-northeast-1"]),
      /regions\[1\]\.region must be a region name .*got an array/,
    ],
    [
      "an ec2 section that is an array",
      (c) => (c.regions[1]!.ec2 = []),
      /regions\[1\]\.ec2 must be an object, got an array/,
    ],
    [
      "a lattice section that is a string",
      (c) => (c.regions[1]!.lattice = "none"),
      /regions\[1\]\.lattice must be an object, got "none"/,
    ],
    ["an rds section that is null", (c) => (c.regions[1]!.rds = null), /regions\[1\]\.rds must be an object, got null/],
    [
      "a lambda section that is a number",
      (c) => (c.regions[1]!.lambda = 1),
      /regions\[1\]\.lambda must be an object, got number/,
    ],
    [
      "a collection that is an array",
      (c) => ((c.regions[1]!.ec2 as Record<string, unknown>).vpcs = []),
      /regions\[1\]\.ec2\.vpcs must be an object of records, got an array/,
    ],
    [
      "a record that is not an object",
      (c) => ((c.regions[1]!.lattice as Record<string, Record<string, unknown>>).serviceNetworks!["sn-bad"] = "oops"),
      /regions\[1\]\.lattice\.serviceNetworks\["sn-bad"\] must be an object, got "oops"/,
    ],
    [
      "pending that is not an array",
      (c) => (c.regions[1]!.pending = {}),
      /regions\[1\]\.pending must be an array, got object/,
    ],
    [
      "idempotency that is not an object",
      (c) => (c.regions[1]!.idempotency = []),
      /regions\[1\]\.idempotency must be an object, got an array/,
    ],
    [
      "the same account and region twice",
      (c) => c.regions.push(structuredClone(c.regions[1]!)),
      /regions\[2\] repeats account 111122223333 in ap-northeast-1 \(regions\[1\]\)/,
    ],
  ];

  it.each(cases)("rejects %s, naming it, and leaves the state alone", (_what, change, message) => {
    const { emulator, exported } = loaded();
    // regions[0] is valid and comes first: a bad regions[1] must not leave it imported.
    const bad = altered(exported, (copy) => {
      copy.regions.unshift({ accountId: "210987654321", region: "eu-west-1" });
      change(copy);
    });
    const counter = emulator.ids.snapshot().counter;
    expect(() => emulator.importState(bad)).toThrow(message);
    expect(emulator.exportState()).toEqual(exported);
    expect(emulator.ids.snapshot().counter).toBe(counter);
  });

  it("accepts an export whose sections or collections are missing, filling them empty", () => {
    const emulator = createEmulator();
    emulator.importState({
      format: "lattice-atlas-emulator-state",
      version: 1,
      regions: [
        { accountId: "111122223333", region: "us-west-2" },
        { accountId: "210987654321", region: "eu-west-1", ec2: { vpcs: {} }, lattice: {} },
      ],
    });
    const west = emulator.region("111122223333", "us-west-2");
    expect(west.ec2.securityGroups).toEqual({});
    expect(west.lattice.serviceNetworks).toEqual({});
    expect(west.pending).toEqual([]);
    expect(emulator.region("210987654321", "eu-west-1").rds.clusters).toEqual({});
  });

  it("copies what it imports: the caller's object and the emulator do not share records", () => {
    const { exported } = loaded();
    const a = createEmulator();
    const b = createEmulator();
    a.importState(exported);
    b.importState(exported);
    const key = Object.keys(a.region("111122223333", "ap-northeast-1").lattice.serviceNetworks)[0]!;
    a.region("111122223333", "ap-northeast-1").lattice.serviceNetworks[key]!.name = "renamed";
    expect(b.region("111122223333", "ap-northeast-1").lattice.serviceNetworks[key]!.name).toBe(
      "zenn-service-network-dev",
    );
    expect((exported.regions[0]!.lattice.serviceNetworks[key] as { name: string }).name).toBe(
      "zenn-service-network-dev",
    );
  });

  it("keeps the lookups that indexes answer right after an import", () => {
    const { exported } = loaded();
    const emulator = createEmulator();
    emulator.importState(exported);
    const ctx = emulator.context("111122223333", "ap-northeast-1", "CreateSecurityGroup");
    const vpcId = Object.values(ctx.state.ec2.vpcs)[0]!.VpcId;
    const ec2 = emulator.service("ec2")!.handlers;
    // The default group of an imported VPC exists, so a second "default" is a duplicate.
    expect(() => ec2.CreateSecurityGroup!({ GroupName: "default", Description: "d", VpcId: vpcId }, ctx)).toThrow(
      /already exists/,
    );
    const lattice = emulator.service("vpc-lattice")!.handlers;
    expect(() => lattice.CreateServiceNetwork!({ name: "zenn-service-network-dev" }, ctx)).toThrow(/already exists/);
  });
});
