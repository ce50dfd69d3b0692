/**
 * Polling a change until AWS settles it: 1 s, 2 s, 4 s … capped, until the
 * status says done or a deadline passes ("still in progress, check the AWS
 * console"). Pure over an injected clock, sleep and status reader, so the
 * schedule is unit-tested without timers.
 */
import type { StatusResponse } from "@lattice-atlas/shared";

export interface BackoffOptions {
  firstMs: number;
  factor: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { firstMs: 1_000, factor: 2, capMs: 15_000 };
/** After this long without a final state the UI stops asking and says so. */
export const DEFAULT_DEADLINE_MS = 5 * 60_000;

/** The wait before poll number `attempt` (0-based): first, first·factor, … never above the cap. */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  return Math.min(options.capMs, Math.round(options.firstMs * options.factor ** Math.max(0, attempt)));
}

/** The waits of a whole poll until `deadlineMs` (each wait ends before the deadline; the last one may be shortened). */
export function backoffSchedule(deadlineMs: number, options: BackoffOptions = DEFAULT_BACKOFF): number[] {
  const waits: number[] = [];
  let elapsed = 0;
  for (let attempt = 0; elapsed < deadlineMs; attempt++) {
    const wait = Math.min(backoffDelay(attempt, options), deadlineMs - elapsed);
    waits.push(wait);
    elapsed += wait;
  }
  return waits;
}

export type PollOutcome =
  | { kind: "done"; status: StatusResponse }
  | { kind: "deadline"; last: StatusResponse | undefined; lastError: unknown }
  | { kind: "aborted" };

export interface PollDeps {
  read(signal: AbortSignal): Promise<StatusResponse>;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  now(): number;
  /** Every answer (and every failed read), as it comes. */
  onUpdate?(status: StatusResponse): void;
  onError?(error: unknown): void;
}

export interface PollOptions {
  deadlineMs?: number;
  backoff?: BackoffOptions;
  signal: AbortSignal;
}

const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === "AbortError";

/**
 * Waits, reads, repeats. A read that fails (network, throttling, 5xx) does
 * not end the poll: the next one comes on schedule, and the last error is
 * reported with the deadline if nothing better came.
 */
export async function pollUntilSettled(deps: PollDeps, options: PollOptions): Promise<PollOutcome> {
  const deadline = deps.now() + (options.deadlineMs ?? DEFAULT_DEADLINE_MS);
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  let last: StatusResponse | undefined;
  let lastError: unknown;
  for (let attempt = 0; ; attempt++) {
    const remaining = deadline - deps.now();
    if (remaining <= 0) return { kind: "deadline", last, lastError };
    try {
      await deps.sleep(Math.min(backoffDelay(attempt, backoff), remaining), options.signal);
    } catch (error) {
      if (isAbort(error) || options.signal.aborted) return { kind: "aborted" };
      throw error;
    }
    if (options.signal.aborted) return { kind: "aborted" };
    try {
      const status = await deps.read(options.signal);
      last = status;
      lastError = undefined;
      deps.onUpdate?.(status);
      if (status.done) return { kind: "done", status };
    } catch (error) {
      if (isAbort(error) || options.signal.aborted) return { kind: "aborted" };
      lastError = error;
      deps.onError?.(error);
    }
  }
}

/** setTimeout as a promise that rejects with AbortError when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException("Aborted", "AbortError"));
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new DOMException("Aborted", "AbortError"));
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
