/**
 * Long computations written as generators that `yield` between phases, so
 * that the same code runs to the end at once (tests, small graphs) or in
 * slices that leave the main thread free between them (no long task while a
 * large account is laid out).
 */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  let result = steps.next();
  while (!result.done) result = steps.next();
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
  options: { sliceMs?: number; signal?: AbortSignal } = {},
): Promise<T> {
  const sliceMs = options.sliceMs ?? 12;
  const abort = (): DOMException => new DOMException("The layout was superseded.", "AbortError");
  if (options.signal?.aborted) throw abort();
  let started = performance.now();
  for (;;) {
    const result = steps.next();
    if (result.done) return result.value;
    if (performance.now() - started >= sliceMs) {
      await nextTask();
      if (options.signal?.aborted) throw abort();
      started = performance.now();
    }
  }
}
