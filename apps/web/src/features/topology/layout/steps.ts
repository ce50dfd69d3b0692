/**
 * Long computations written as generators that `yield` between phases, so
 * that the same code runs to the end at once (tests, small graphs) or in
 * slices that leave the main thread free between them (no long task while a
 * large account is laid out).
 */
export type Steps<T> = Generator<void, T, void>;

/**
 * Work done under `label` is recorded as a User Timing measure (detail: busy
 * milliseconds and the longest uninterrupted slice), which `pnpm bench:ui` reads.
 */
function record(label: string | undefined, start: number, busyMs: number, longestSliceMs: number): void {
  if (!label || typeof performance.measure !== "function") return;
  performance.measure(label, { start, end: performance.now(), detail: { busyMs, longestSliceMs } });
}

export function runToEnd<T>(steps: Steps<T>, label?: string): T {
  const start = performance.now();
  let result = steps.next();
  while (!result.done) result = steps.next();
  const busy = performance.now() - start;
  record(label, start, busy, busy);
  return result.value;
}

/** Lets the browser handle input and paint: a macrotask, without setTimeout's clamping. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs the steps in slices of about `sliceMs`; rejects with an AbortError when the signal aborts. */
export async function runSliced<T>(
  steps: Steps<T>,
  options: { sliceMs?: number; signal?: AbortSignal; label?: string } = {},
): Promise<T> {
  const sliceMs = options.sliceMs ?? 12;
  const abort = (): DOMException => new DOMException("The layout was superseded.", "AbortError");
  if (options.signal?.aborted) throw abort();
  const begin = performance.now();
  let busy = 0;
  let longest = 0;
  let started = begin;
  for (;;) {
    const result = steps.next();
    if (result.done) {
      const slice = performance.now() - started;
      record(options.label, begin, busy + slice, Math.max(longest, slice));
      return result.value;
    }
    const slice = performance.now() - started;
    if (slice >= sliceMs) {
      busy += slice;
      longest = Math.max(longest, slice);
      await nextTask();
      if (options.signal?.aborted) throw abort();
      started = performance.now();
    }
  }
}
