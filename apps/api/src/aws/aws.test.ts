import { describe, expect, it } from "vitest";
import { AwsFailure, toAwsFailure } from "./failures.js";
import { collectPages } from "./pagination.js";
import { CallRunner } from "./runner.js";

/** The failure a promise rejects with (a test that cannot fail if it resolves). */
const failureOf = (promise: Promise<unknown>): Promise<AwsFailure> =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AwsFailure,
  );

const sdkError = (name: string, status: number, message = "boom") =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, requestId: "req-1" } });

describe("toAwsFailure", () => {
  it.each([
    ["AccessDeniedException", 403, "access-denied"],
    ["UnauthorizedOperation", 403, "access-denied"],
    ["ThrottlingException", 429, "throttled"],
    ["RequestLimitExceeded", 503, "throttled"],
    ["Throttling", 400, "throttled"],
    ["ExpiredToken", 400, "credentials"],
    ["CredentialsProviderError", 0, "credentials"],
    ["ServiceQuotaExceededException", 402, "quota"],
    ["ConflictException", 409, "conflict"],
    ["ResourceNotFoundException", 404, "not-found"],
    ["ValidationException", 400, "validation"],
    ["InternalServerException", 500, "unavailable"],
  ])("%s (%d) → %s, with the IAM action and request id", (name, status, kind) => {
    const failure = toAwsFailure(sdkError(name, status), "vpc-lattice", "ListServices");
    expect(failure.kind).toBe(kind);
    expect(failure.awsCode).toBe(name);
    expect(failure.requestId).toBe("req-1");
    expect(failure.iamAction).toBe("vpc-lattice:ListServices");
  });

  it("keeps the code as a code and passes the message bounded and cleaned", () => {
    const hostile = `\u001b[31mgone\u0007\r\nnext line\u202e ${"A".repeat(5000)}`;
    const failure = toAwsFailure(sdkError("ValidationException\n<b>", 400, hostile), "vpc-lattice", "ListServices");
    expect(failure.awsCode).toBe("ValidationExceptionb");
    expect(failure.message.length).toBeLessThanOrEqual(300);
    expect(failure.message).toMatch(/^\[31mgone next line A+…$/);
  });

  it("treats an aborted call as a timeout", () => {
    expect(
      toAwsFailure(Object.assign(new Error("aborted"), { name: "AbortError" }), "ec2", "DescribeVpcs", true).kind,
    ).toBe("timeout");
  });
});

describe("collectPages", () => {
  it("follows tokens to the end", async () => {
    const pages: Record<string, { items: number[]; next: string | undefined }> = {
      start: { items: [1, 2], next: "a" },
      a: { items: [3], next: undefined },
    };
    expect(await collectPages("s", "Op", async (token) => pages[token ?? "start"]!)).toEqual([1, 2, 3]);
  });

  it("stops a listing that repeats a token", async () => {
    await expect(collectPages("s", "Op", async () => ({ items: [1], next: "same" }))).rejects.toMatchObject({
      kind: "pagination",
      awsCode: "RepeatedNextToken",
    });
  });

  it("stops a listing that never ends", async () => {
    let n = 0;
    const error = await collectPages("s", "Op", async () => ({ items: [n], next: String(++n) }), undefined, 5).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AwsFailure);
    expect((error as AwsFailure).awsCode).toBe("TooManyPages");
    expect((error as AwsFailure).partial).toEqual([0, 1, 2, 3, 4]);
  });

  it("keeps the pages it read when its guard stops it or a later page fails", async () => {
    const repeated = await failureOf(collectPages("s", "Op", async () => ({ items: [1], next: "same" })));
    expect(repeated.partial).toEqual([1, 1]);
    let page = 0;
    const failed = await failureOf(
      collectPages("s", "Op", async () => {
        page += 1;
        if (page === 3) throw Object.assign(new Error("aborted"), { name: "AbortError" });
        return { items: [page], next: String(page) };
      }),
    );
    expect(failed).toBeInstanceOf(AwsFailure);
    expect(failed.partial).toEqual([1, 2]);
    // A first page that fails has nothing to keep.
    const none = await failureOf(
      collectPages("s", "Op", async () => {
        throw Object.assign(new Error("denied"), { name: "AccessDeniedException" });
      }),
    );
    expect(none.kind).toBe("access-denied");
    expect(none.partial).toBeUndefined();
  });
});

describe("CallRunner", () => {
  it("caps concurrency per service and counts calls per operation", async () => {
    const runner = new CallRunner({ concurrency: { "vpc-lattice": 3 } });
    let active = 0;
    let peak = 0;
    const work = () =>
      runner.call("vpc-lattice", "GetResourceConfiguration", async () => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active -= 1;
      });
    await Promise.all(Array.from({ length: 12 }, work));
    expect(peak).toBe(3);
    expect(runner.calls.get("vpc-lattice:GetResourceConfiguration")).toBe(12);
    expect(runner.totalCalls()).toBe(12);
  });

  it("aborts a call that outlives its timeout and reports it as a timeout", async () => {
    const runner = new CallRunner({ timeoutMs: 20 });
    const error = await runner
      .call(
        "ec2",
        "DescribeVpcs",
        (signal) =>
          new Promise((_, reject) =>
            signal.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" }))),
          ),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsFailure);
    expect((error as AwsFailure).kind).toBe("timeout");
  });

  it("has one deadline for all its calls: in flight ones are cut, later ones are not made", async () => {
    const runner = new CallRunner({ deadlineMs: 30, concurrency: { ec2: 1 } });
    const hang = (signal: AbortSignal) =>
      new Promise((_, reject) =>
        signal.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" }))),
      );
    const [first, queued] = await Promise.all([
      failureOf(runner.call("ec2", "DescribeVpcs", hang)),
      failureOf(runner.call("ec2", "DescribeSubnets", hang)),
    ]);
    expect(first.kind).toBe("deadline");
    expect(first.message).toMatch(/DescribeVpcs was cut off/);
    expect(queued.kind).toBe("deadline");
    expect(queued.message).toMatch(/DescribeSubnets was not made/);
    expect(runner.calls.get("ec2:DescribeSubnets")).toBeUndefined();
    const later = await failureOf(runner.call("ec2", "DescribeVpcs", async () => 1));
    expect(later.kind).toBe("deadline");
  });
});
