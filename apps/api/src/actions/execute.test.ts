/**
 * The executor's token rules on their own: a real (in-memory) store, and a
 * writer that records what it was asked to send instead of an AWS client.
 */
import { actionFingerprint, type Action, type ExecuteResponse, type Finding } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { AwsFailure, type PlannedCall, type WriteResult } from "../aws/index.js";
import { AppError } from "../errors.js";
import type { SourceDefinition } from "../sources/registry.js";
import { sqliteAudit } from "../storage/stores.js";
import { openAuditStore } from "./audit-store.js";
import { createExecutor, type Prepared } from "./execute.js";
import { createLeaseKeeper } from "./leases.js";

const SOURCE: SourceDefinition = {
  id: "emulator",
  kind: "emulator",
  label: "Embedded AWS emulator",
  connection: { kind: "emulator", endpoint: "http://127.0.0.1:1" },
  defaultRegion: "ap-northeast-1",
  credentialKind: "emulator",
  mutationsAllowed: true,
};
const REGION = "ap-northeast-1";
const ACTION: Action = {
  type: "associate-service",
  serviceNetworkId: "sn-0b615c0ed1ca34177",
  serviceId: "svc-0a836c24f4bc2c8ea",
};
const CALL: PlannedCall = {
  service: "vpc-lattice",
  operation: "CreateServiceNetworkServiceAssociation",
  input: { serviceIdentifier: "svc-0a836c24f4bc2c8ea", serviceNetworkIdentifier: "sn-0b615c0ed1ca34177" },
};

function harness(options: { findings?: Finding[]; answer?: (call: PlannedCall) => Promise<WriteResult> } = {}) {
  const store = openAuditStore();
  const sent: PlannedCall[] = [];
  let prepared = 0;
  let invalidated = 0;
  const executor = createExecutor({
    store: sqliteAudit(store),
    prepare: async (): Promise<Prepared> => {
      prepared += 1;
      const findings = options.findings ?? [];
      return {
        accountId: "111122223333",
        findings,
        blocking: findings.some((f) => f.severity === "blocking"),
        calls: [CALL],
      };
    },
    writer: () => ({
      writer: {
        perform: async (call: PlannedCall) => {
          sent.push(call);
          return options.answer
            ? options.answer(call)
            : {
                id: `snsa-${String(sent.length).padStart(17, "0")}`,
                status: "CREATE_IN_PROGRESS",
                requestId: `req-${sent.length}`,
              };
        },
      },
      roleSessionName: undefined,
    }),
    leases: createLeaseKeeper(sqliteAudit(store), "test-replica"),
    invalidate: () => {
      invalidated += 1;
    },
  });
  return { store, sent, executor, counts: () => ({ prepared, invalidated }) };
}

const run = (
  h: ReturnType<typeof harness>,
  clientToken: string,
  action: Action = ACTION,
  source: SourceDefinition = SOURCE,
): Promise<ExecuteResponse> => h.executor.execute(source, REGION, { action, clientToken });

describe("the executor", () => {
  it("sends once, stores the answer, and answers a repeat from the store", async () => {
    const h = harness();
    const first = await run(h, "t-1");
    expect(first).toMatchObject({
      resource: { kind: "serviceAssociation", id: "snsa-00000000000000001", status: "CREATE_IN_PROGRESS" },
      requestId: "req-1",
      replayed: false,
    });
    expect(await run(h, "t-1")).toEqual({ ...first, replayed: true });
    expect(h.sent).toHaveLength(1);
    expect(h.counts()).toEqual({ prepared: 1, invalidated: 1 });
    expect(h.store.list({ limit: 10 }).entries.map((e) => [e.outcome, e.accountId])).toEqual([
      ["replayed", "111122223333"],
      ["succeeded", "111122223333"],
    ]);
  });

  it("joins a request still running with the same token (a double click) instead of sending twice", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const h = harness({
      answer: async () => (await gate, { id: "snsa-00000000000000001", status: "CREATE_IN_PROGRESS" }),
    });
    const a = run(h, "t-2");
    const b = run(h, "t-2");
    release();
    const [ra, rb] = await Promise.all([a, b]);
    expect(h.sent).toHaveLength(1);
    expect([ra.replayed, rb.replayed]).toEqual([false, true]);
  });

  it("refuses a token reused for another change, running or done", async () => {
    const h = harness();
    await run(h, "t-3");
    const other: Action = { ...ACTION, serviceId: "svc-0000000000000000a" };
    await expect(run(h, "t-3", other)).rejects.toMatchObject({ code: "IDEMPOTENCY_MISMATCH" });
    expect(h.sent).toHaveLength(1);
  });

  it("releases the token when AWS fails, so the retry runs again (and is audited as failed)", async () => {
    let fail = true;
    const h = harness({
      answer: async () => {
        if (fail)
          throw new AwsFailure(
            "vpc-lattice",
            "CreateServiceNetworkServiceAssociation",
            "throttled",
            "ThrottlingException",
            "Rate exceeded",
            429,
            "req-x",
          );
        return { id: "snsa-00000000000000009", status: "CREATE_IN_PROGRESS" };
      },
    });
    await expect(run(h, "t-4")).rejects.toMatchObject({
      code: "THROTTLED",
      details: { awsCode: "ThrottlingException" },
    });
    fail = false;
    expect((await run(h, "t-4")).replayed).toBe(false);
    expect(h.store.list({ limit: 10 }).entries.map((e) => [e.outcome, e.errorCode ?? null])).toEqual([
      ["succeeded", null],
      ["failed", "THROTTLED"],
    ]);
  });

  it("refuses blocking findings before any call, and does not claim the token", async () => {
    const h = harness({
      findings: [{ code: "DUPLICATE_ASSOCIATION", severity: "blocking", message: "It exists.", fix: "Nothing to do." }],
    });
    const error = await run(h, "t-5").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "PREFLIGHT_BLOCKED",
      message: "Not sent to AWS: It exists.",
      details: { hint: "Nothing to do." },
    });
    expect(h.sent).toEqual([]);
    expect(h.store.execution({ source: "emulator", region: REGION, clientToken: "t-5" })).toBeUndefined();
  });

  it("resends a token left pending by a run that stopped mid-way, without preflight standing in the way", async () => {
    const h = harness({
      findings: [
        {
          code: "DUPLICATE_ASSOCIATION",
          severity: "blocking",
          message: "It exists (made by the stopped run).",
          fix: "-",
        },
      ],
    });
    h.store.beginExecution(
      { source: "emulator", region: REGION, clientToken: "t-6" },
      actionFingerprint(ACTION),
      ACTION.type,
      "2026-11-29T00:00:00Z",
    );
    const answer = await run(h, "t-6");
    expect(answer.replayed).toBe(false);
    expect(h.sent).toEqual([CALL]);
  });

  it("refuses read-only sources before anything else", async () => {
    const h = harness();
    await expect(run(h, "t-7", ACTION, { ...SOURCE, mutationsAllowed: false })).rejects.toMatchObject({
      code: "READ_ONLY",
      status: 403,
    });
    expect(h.counts().prepared).toBe(0);
    expect(h.store.list({ limit: 1 }).entries[0]).toMatchObject({ outcome: "refused", errorCode: "READ_ONLY" });
  });

  it("fingerprints by meaning: key order and absent members do not matter", () => {
    expect(
      actionFingerprint({
        type: "associate-vpc",
        vpcId: "vpc-1",
        serviceNetworkId: "sn-1",
        securityGroupIds: undefined,
      } as unknown as Action),
    ).toBe(actionFingerprint({ serviceNetworkId: "sn-1", vpcId: "vpc-1", type: "associate-vpc" } as Action));
  });
});
