/**
 * SDK clients kept for reuse, at most `max` sets: the least recently used set is destroyed (its sockets
 * closed) when a new one would exceed the bound. Team mode makes a set per (user, account, region) for the
 * calls made under a user's role session name, so without a bound the cache would grow with every user.
 */
import type { AwsClients } from "./clients.js";

export const DEFAULT_CLIENT_SETS = 256;

export class ClientCache {
  private readonly entries = new Map<string, AwsClients>();

  constructor(private readonly max = DEFAULT_CLIENT_SETS) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`a client cache holds at least 1 set, not ${max}`);
  }

  /** The set under `key` (now the most recently used), made by `create` when absent. */
  get(key: string, create: () => AwsClients): AwsClients {
    const hit = this.entries.get(key);
    if (hit) {
      // A Map iterates in insertion order: re-inserting makes it the newest.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const made = create();
    this.entries.set(key, made);
    while (this.entries.size > this.max) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, AwsClients];
      this.entries.delete(oldestKey);
      oldest.destroy();
    }
    return made;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Destroys every set. */
  clear(): void {
    for (const clients of this.entries.values()) clients.destroy();
    this.entries.clear();
  }
}
