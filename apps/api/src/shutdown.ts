/**
 * Graceful shutdown (SIGTERM, SIGINT), in this order:
 *  1. draining: /readyz answers 503 `draining` so the load balancer stops sending work here, and a new change
 *     is refused with 503 SHUTTING_DOWN (its client retries on another replica with the same token);
 *  2. after `graceMs` (the time a load balancer takes to notice), the changes in flight are waited for: each
 *     answers its client and is recorded (claim completed, audit entry written) before anything closes;
 *  3. the server stops accepting connections and finishes the requests it has (Fastify's close);
 *  4. the stores close (the team database last).
 * Running it twice waits for the first run.
 */
import type { FastifyInstance } from "fastify";

export interface Drain {
  /** True from the moment shutdown began. */
  readonly draining: boolean;
  begin(): void;
}

export function createDrain(): Drain {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    begin() {
      draining = true;
    },
  };
}

export interface ShutdownDeps {
  app: FastifyInstance;
  drain: Drain;
  /** Resolves when the changes running now have answered. */
  inflightChanges: () => Promise<void>;
  /** Closes what the app does not own (the team store, the embedded emulator), after the app closed. */
  closeStores?: () => Promise<void>;
  /** How long /readyz says "draining" before the server stops accepting (default 0). */
  graceMs?: number;
  log?: (message: string) => void;
}

export function createShutdown(deps: ShutdownDeps): () => Promise<void> {
  let running: Promise<void> | undefined;
  const run = async () => {
    const log = deps.log ?? (() => undefined);
    deps.drain.begin();
    log("shutting down: /readyz is 503, new changes are refused");
    if (deps.graceMs) await new Promise((resolve) => setTimeout(resolve, deps.graceMs));
    await deps.inflightChanges();
    log("changes in flight finished; closing the server");
    await deps.app.close();
    await deps.closeStores?.();
    log("stores closed");
  };
  return () => (running ??= run());
}
