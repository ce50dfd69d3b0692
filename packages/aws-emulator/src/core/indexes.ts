/**
 * Secondary indexes over the region state, so a create or a list does not scan
 * every record of a kind (name uniqueness, "groups of this VPC", "interfaces of
 * this subnet", "associations of this network" …).
 *
 * The state stays plain JSON: an index is derived data, kept outside the state
 * in a WeakMap keyed by the collection object it indexes. It is built lazily
 * from the records on first use, so a state that comes from importState (new
 * objects) or reset (new regions) gets fresh indexes without any hook.
 *
 * Consistency rules:
 * - Records are added through `Table.put`, which files them in every index of
 *   the collection. (A record written with a bare assignment would be missed:
 *   with LATTICE_EMULATOR_CHECK_INDEXES=1 every lookup is cross-checked against
 *   a full scan and throws on a mismatch; the test suite runs clean that way.)
 * - Removals need no hook: a lookup drops ids whose record is gone, and re-files
 *   a record whose key no longer matches. Keys should be fields that never
 *   change after creation (VpcId, SubnetId, serviceNetworkId, name …).
 * - Lookups return records in insertion order, the order `Object.values` gives
 *   for these (non-numeric) ids, so results and generated ids do not change.
 */
import type { RegionState } from "./region.js";

let checking = /^(1|true|yes)$/i.test(process.env.LATTICE_EMULATOR_CHECK_INDEXES ?? "");

/** Cross-checks every lookup against a full scan (slow; for tests). Returns the previous setting. */
export function checkIndexes(enabled: boolean): boolean {
  const previous = checking;
  checking = enabled;
  return previous;
}

type Collection<T> = Record<string, T>;
type Buckets = Map<string, Set<string>>;

export class RecordIndex<T> {
  private readonly built = new WeakMap<Collection<T>, Buckets>();

  constructor(
    readonly name: string,
    private readonly collection: (state: RegionState) => Collection<T>,
    private readonly key: (record: T) => string | undefined,
  ) {}

  /** The records whose key is `key`, in insertion order. */
  get(state: RegionState, key: string): T[] {
    const collection = this.collection(state);
    const buckets = this.buckets(collection);
    const ids = buckets.get(key);
    const out: T[] = [];
    if (ids) {
      for (const id of ids) {
        const record = collection[id];
        if (record === undefined || this.key(record) !== key) {
          ids.delete(id);
          if (record !== undefined) this.file(buckets, id, record);
          continue;
        }
        out.push(record);
      }
      if (ids.size === 0) buckets.delete(key);
    }
    if (checking) this.verify(collection, key, out);
    return out;
  }

  /** The first record (in insertion order) whose key is `key` and that `where` accepts. */
  find(state: RegionState, key: string, where: (record: T) => boolean = () => true): T | undefined {
    return this.get(state, key).find(where);
  }

  has(state: RegionState, key: string): boolean {
    return this.get(state, key).length > 0;
  }

  /** Files a record that was just stored under `id` (Table.put calls it). */
  added(state: RegionState, id: string, record: T): void {
    const collection = this.collection(state);
    const buckets = this.built.get(collection);
    // Not built yet: the lazy build will see the record.
    if (buckets) this.file(buckets, id, record);
  }

  private buckets(collection: Collection<T>): Buckets {
    let buckets = this.built.get(collection);
    if (!buckets) {
      buckets = new Map();
      for (const [id, record] of Object.entries(collection)) this.file(buckets, id, record);
      this.built.set(collection, buckets);
    }
    return buckets;
  }

  private file(buckets: Buckets, id: string, record: T): void {
    const key = this.key(record);
    if (key === undefined) return;
    let ids = buckets.get(key);
    if (!ids) {
      ids = new Set();
      buckets.set(key, ids);
    }
    ids.add(id);
  }

  private verify(collection: Collection<T>, key: string, found: T[]): void {
    const expected = Object.values(collection).filter((record) => this.key(record) === key);
    if (expected.length !== found.length || expected.some((record, i) => record !== found[i])) {
      throw new Error(
        `index ${this.name} is out of step with its records for "${key}": ${found.length} indexed, ${expected.length} stored (a record was added without Table.put?)`,
      );
    }
  }
}

/** A collection of the region state and the indexes kept over it. */
export class Table<T> {
  private readonly indexes: Array<RecordIndex<T>> = [];

  constructor(
    readonly name: string,
    readonly collection: (state: RegionState) => Collection<T>,
  ) {}

  /** Declares an index over `key` (a field that does not change after creation). */
  index(name: string, key: (record: T) => string | undefined): RecordIndex<T> {
    const index = new RecordIndex(`${this.name}.${name}`, this.collection, key);
    this.indexes.push(index);
    return index;
  }

  /** Stores `record` under `id` and files it in every index of the collection. */
  put(state: RegionState, id: string, record: T): T {
    this.collection(state)[id] = record;
    for (const index of this.indexes) index.added(state, id, record);
    return record;
  }
}
