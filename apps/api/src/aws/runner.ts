/**
 * Every AWS call goes through here: a concurrency cap per service, a per-call
 * timeout, call counting per operation, and one translation of SDK errors.
 * Retries (throttling honoured, Retry-After respected) are the SDK's standard
 * mode, configured in clients.ts.
 */
import { toAwsFailure } from "./failures.js";

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
  onCall?: (service: AwsService, operation: string) => void;
}

export class CallRunner {
  readonly calls = new Map<string, number>();
  /** Calls under way per service, and the most there ever were at once. */
  readonly inFlight = new Map<AwsService, number>();
  readonly peakInFlight = new Map<AwsService, number>();
  private readonly semaphores = new Map<AwsService, Semaphore>();
  private readonly timeoutMs: number;

  constructor(private readonly options: RunnerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
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
    await semaphore.acquire();
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
    try {
      return await fn(controller.signal);
    } catch (error) {
      throw toAwsFailure(error, service, operation, timedOut);
    } finally {
      clearTimeout(timer);
      this.options.signal?.removeEventListener("abort", onOuterAbort);
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
