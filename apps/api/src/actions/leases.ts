/**
 * The leases of the executions this replica runs. Every execution is claimed with an owner (this replica's
 * id); while its change runs (or while reconciliation settles it) the owner renews its heartbeat every third
 * of the store's lease, in one statement for all it holds. A replica that dies stops renewing: once the lease
 * has run out, another replica's reconciliation may adopt the execution and settle it. A store with no lease
 * (the laptop's SQLite file, one process) needs no heartbeat.
 */
import type { ExecutionKey } from "./audit-store.js";
import type { ExecutionLeases } from "../storage/stores.js";

export interface LeaseKeeper {
  /** This replica's id: the owner of what it claims. */
  readonly owner: string;
  hold(key: ExecutionKey): void;
  drop(key: ExecutionKey): void;
  /** Renews now (the timer does it every third of the lease). */
  renew(): Promise<void>;
  stop(): void;
}

const keyOf = (key: ExecutionKey): string => `${key.source}|${key.region}|${key.clientToken}`;

export function createLeaseKeeper(
  store: Pick<ExecutionLeases, "leaseMs" | "renew">,
  owner: string,
  onError: (error: unknown) => void = () => undefined,
): LeaseKeeper {
  const held = new Map<string, ExecutionKey>();
  const renew = async (): Promise<void> => {
    if (held.size === 0) return;
    try {
      await store.renew([...held.values()], owner);
    } catch (error) {
      onError(error); // the next beat tries again; a lease runs for three beats
    }
  };
  const timer =
    store.leaseMs !== undefined
      ? setInterval(() => void renew(), Math.max(50, Math.floor(store.leaseMs / 3)))
      : undefined;
  timer?.unref();
  return {
    owner,
    hold: (key) => void held.set(keyOf(key), key),
    drop: (key) => void held.delete(keyOf(key)),
    renew,
    stop: () => clearInterval(timer),
  };
}
