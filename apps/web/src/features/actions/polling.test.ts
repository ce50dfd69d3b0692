import type { StatusResponse } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { backoffDelay, backoffSchedule, pollUntilSettled, sleep, type PollDeps } from "./polling";

const status = (phase: StatusResponse["phase"], extra: Partial<StatusResponse> = {}): StatusResponse => ({
  kind: "vpcAssociation",
  id: "snva-0123456789abcdef0",
  status: phase === "ready" ? "ACTIVE" : phase === "failed" ? "CREATE_FAILED" : "CREATE_IN_PROGRESS",
  phase,
  done: phase === "ready" || phase === "failed" || phase === "deleted" || phase === "not-found",
  dnsEntries: [],
  checkedAt: "2026-11-29T00:00:00.000Z",
  ...extra,
});

/** A clock that only moves when the poll sleeps. */
function fakeTime(answers: Array<StatusResponse | Error>) {
  let now = 0;
  const waits: number[] = [];
  const readsAt: number[] = [];
  const deps: PollDeps = {
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
    read: async () => {
      readsAt.push(now);
      const next = answers.length > 1 ? answers.shift()! : answers[0]!;
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return { deps, waits, readsAt };
}

describe("backoff schedule", () => {
  it("waits 1 s, 2 s, 4 s, 8 s … and never more than the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    expect(backoffDelay(3, { firstMs: 500, factor: 3, capMs: 5000 })).toBe(5000);
  });

  it("fits the deadline: the waits add up to it exactly", () => {
    const waits = backoffSchedule(60_000);
    expect(waits.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(waits.reduce((a, b) => a + b, 0)).toBe(60_000);
    expect(Math.max(...waits)).toBeLessThanOrEqual(15_000);
  });
});

describe("pollUntilSettled", () => {
  it("asks after 1 s, then 3 s, then 7 s … until the status says done", async () => {
    const time = fakeTime([status("pending"), status("pending"), status("ready")]);
    const updates: string[] = [];
    const outcome = await pollUntilSettled(
      { ...time.deps, onUpdate: (s) => updates.push(s.status) },
      { signal: new AbortController().signal },
    );
    expect(outcome).toMatchObject({ kind: "done", status: { phase: "ready" } });
    expect(time.readsAt).toEqual([1000, 3000, 7000]);
    expect(updates).toEqual(["CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "ACTIVE"]);
  });

  it("stops at a failure too (a final state), with its reason", async () => {
    const time = fakeTime([status("failed", { failureReason: "no capacity" })]);
    const outcome = await pollUntilSettled(time.deps, { signal: new AbortController().signal });
    expect(outcome).toMatchObject({ kind: "done", status: { failureReason: "no capacity" } });
  });

  it("gives up at the deadline with the last answer, never polling past it", async () => {
    const time = fakeTime([status("pending")]);
    const outcome = await pollUntilSettled(time.deps, { signal: new AbortController().signal, deadlineMs: 20_000 });
    expect(outcome).toMatchObject({ kind: "deadline", last: { phase: "pending" } });
    expect(time.readsAt).toEqual([1000, 3000, 7000, 15000, 20000]);
    expect(time.waits.reduce((a, b) => a + b, 0)).toBe(20_000);
  });

  it("keeps polling through failed reads (network, throttling) and reports them", async () => {
    const time = fakeTime([new Error("THROTTLED"), status("pending"), status("ready")]);
    const errors: unknown[] = [];
    const outcome = await pollUntilSettled(
      { ...time.deps, onError: (e) => errors.push(e) },
      { signal: new AbortController().signal },
    );
    expect(outcome.kind).toBe("done");
    expect(errors).toHaveLength(1);
    expect(time.readsAt).toEqual([1000, 3000, 7000]);
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    const time = fakeTime([status("pending")]);
    const outcome = await pollUntilSettled(
      {
        ...time.deps,
        onUpdate: () => controller.abort(),
      },
      { signal: controller.signal },
    );
    expect(outcome.kind).toBe("aborted");
    expect(time.readsAt).toHaveLength(1);
  });

  it("sleep rejects with AbortError when aborted", async () => {
    const controller = new AbortController();
    const waiting = sleep(10_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
  });
});
