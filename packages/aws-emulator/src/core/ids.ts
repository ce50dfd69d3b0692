/**
 * Deterministic AWS-shaped identifiers. Each id is derived from a seed and a
 * counter, so a seeded emulator issues the same ids run after run, and the
 * counter travels with an exported state.
 */
import { createHash } from "node:crypto";

export class IdGenerator {
  private readonly forced = new Map<string, string[]>();

  constructor(
    private seed: string,
    private counter = 0,
  ) {}

  /**
   * Makes the next `id(prefix)` calls return these ids, in order. Scenarios use
   * it to reproduce identifiers observed on AWS (the field report's snra-…).
   */
  force(prefix: string, ...ids: string[]): void {
    this.forced.set(prefix, [...(this.forced.get(prefix) ?? []), ...ids]);
  }

  clearForced(): void {
    this.forced.clear();
  }

  /** `n` lowercase hex characters, stable for (seed, counter). */
  hex(n: number): string {
    let out = "";
    while (out.length < n) {
      this.counter += 1;
      out += createHash("sha256").update(`${this.seed}:${this.counter}`).digest("hex");
    }
    return out.slice(0, n);
  }

  /**
   * `prefix-0` + 16 hex: the shape of every observed Lattice and EC2 id, which
   * satisfies both the `[0-9a-z]{17}` and `[0-9a-f]{17}` patterns.
   */
  id(prefix: string): string {
    const queue = this.forced.get(prefix);
    if (queue && queue.length > 0) {
      const next = queue.shift()!;
      if (queue.length === 0) this.forced.delete(prefix);
      return next;
    }
    return `${prefix}-0${this.hex(16)}`;
  }

  /** Route 53 hosted-zone ids look like `Z` + 20 upper-case alphanumerics. */
  hostedZoneId(): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const hex = this.hex(40);
    let out = "Z";
    for (let i = 0; i < 20; i++) out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 36];
    return out;
  }

  /** 26 upper-case alphanumerics (RDS resource ids). */
  upper(n: number): string {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const hex = this.hex(n * 2);
    let out = "";
    for (let i = 0; i < n; i++) out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 36];
    return out;
  }

  snapshot(): { seed: string; counter: number } {
    return { seed: this.seed, counter: this.counter };
  }

  restore(snapshot: { seed: string; counter: number }): void {
    this.seed = snapshot.seed;
    this.counter = snapshot.counter;
  }
}
