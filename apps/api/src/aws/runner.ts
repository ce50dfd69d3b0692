/**
 * Every AWS call goes through here: a concurrency cap per service, a per-call
 * timeout, call counting per operation, and one translation of SDK errors.
 * Retries (throttling honoured, Retry-After respected) are the SDK's standard
 * mode, configured in clients.ts.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { setMaxListeners } from "node:events";
import { AwsFailure, toAwsFailure } from "./failures.js";

/** What the SDK met during one call's attempts, filled in by the clients' middleware (clients.ts). */
export interface CallTrace {
  /** The last throttling code an attempt got, e.g. ThrottlingException. */
  throttled?: string;
}
/** The trace of the call in progress, for the middleware that runs inside the SDK's retries. */
export const callTrace = new AsyncLocalStorage<CallTrace>();

export type AwsService = "vpc-lattice" | "ec2" | "rds" | "sts" | "lambda" | "ram" | "organizations";

export const DEFAULT_CONCURRENCY: Record<AwsService, number> = {
  "vpc-lattice": 16,
  ec2: 8,
  rds: 4,
  sts: 2,
  lambda: 4,
  ram: 2,
  organizations: 1,
};

/** At most `limit` holders at once; the others wait in order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}
  async acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}

export interface RunnerOptions {
  concurrency?: Partial<Record<AwsService, number>>;
  timeoutMs?: number;
  /** Aborts every call of the run (e.g. when the client goes away). */
  signal?: AbortSignal;
  /**
   * One deadline for everything this runner does (a whole discovery): calls in flight when it passes are
   * aborted, calls not yet started fail at once, both as kind "deadline".
   */
  deadlineMs?: number;
  onCall?: (service: AwsService, operation: string) => void;
}

export class CallRunner {
  readonly calls = new Map<string, number>();
  /** Calls under way per service, and the most there ever were at once. */
  readonly inFlight = new Map<AwsService, number>();
  readonly peakInFlight = new Map<AwsService, number>();
  private readonly semaphores = new Map<AwsService, Semaphore>();
  private readonly timeoutMs: number;
  private readonly deadline: AbortSignal | undefined;

  constructor(private readonly options: RunnerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.deadline = options.deadlineMs !== undefined ? AbortSignal.timeout(options.deadlineMs) : undefined;
    // Every call in flight listens to it (hundreds at once on a large account).
    if (this.deadline) setMaxListeners(0, this.deadline);
  }

  /** Whether the deadline has passed. */
  get pastDeadline(): boolean {
    return this.deadline?.aborted ?? false;
  }

  private deadlineFailure(service: AwsService, operation: string, started: boolean): AwsFailure {
    const seconds = Math.round((this.options.deadlineMs ?? 0) / 100) / 10;
    return new AwsFailure(
      service,
      operation,
      "deadline",
      "DiscoveryDeadline",
      `${operation} ${started ? "was cut off" : "was not made"}: the discovery's ${seconds} s deadline passed`,
      undefined,
      undefined,
    );
  }

  private semaphore(service: AwsService): Semaphore {
    let s = this.semaphores.get(service);
    if (!s) {
      s = new Semaphore(this.options.concurrency?.[service] ?? DEFAULT_CONCURRENCY[service]);
      this.semaphores.set(service, s);
    }
    return s;
  }

  async call<T>(service: AwsService, operation: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const semaphore = this.semaphore(service);
    if (this.pastDeadline) throw this.deadlineFailure(service, operation, false);
    await semaphore.acquire();
    if (this.pastDeadline) {
      semaphore.release();
      throw this.deadlineFailure(service, operation, false);
    }
    const running = (this.inFlight.get(service) ?? 0) + 1;
    this.inFlight.set(service, running);
    if (running > (this.peakInFlight.get(service) ?? 0)) this.peakInFlight.set(service, running);
    const key = `${service}:${operation}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    this.options.onCall?.(service, operation);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onOuterAbort = (): void => controller.abort();
    this.options.signal?.addEventListener("abort", onOuterAbort, { once: true });
    this.deadline?.addEventListener("abort", onOuterAbort, { once: true });
    const trace: CallTrace = {};
    try {
      return await callTrace.run(trace, () => fn(controller.signal));
    } catch (error) {
      if (this.pastDeadline && !timedOut) throw this.deadlineFailure(service, operation, true);
      // Throttled on every attempt until the time ran out: that is throttling, not a slow AWS.
      if (timedOut && trace.throttled) {
        throw new AwsFailure(
          service,
          operation,
          "throttled",
          trace.throttled,
          `AWS throttled ${operation} (${trace.throttled}) on every attempt until its ${this.timeoutMs / 1000} s limit`,
          429,
          undefined,
        );
      }
      throw toAwsFailure(error, service, operation, timedOut);
    } finally {
      clearTimeout(timer);
      this.options.signal?.removeEventListener("abort", onOuterAbort);
      this.deadline?.removeEventListener("abort", onOuterAbort);
      this.inFlight.set(service, (this.inFlight.get(service) ?? 1) - 1);
      semaphore.release();
    }
  }

  totalCalls(): number {
    let total = 0;
    for (const n of this.calls.values()) total += n;
    return total;
  }
}
