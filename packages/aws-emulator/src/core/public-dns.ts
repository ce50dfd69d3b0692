/**
 * A simulated public DNS zone, shared by every account and region of one
 * emulator (DNS is global): TXT records that tests create through the control
 * API, and that Lattice domain verification looks for. Names are compared
 * without case and without a trailing dot.
 */
export interface TxtRecord {
  name: string;
  values: string[];
}

export const normaliseName = (name: string): string => name.trim().toLowerCase().replace(/\.$/, "");

export class PublicDns {
  private readonly txt = new Map<string, Set<string>>();

  addTxt(name: string, value: string): void {
    const key = normaliseName(name);
    let values = this.txt.get(key);
    if (!values) {
      values = new Set();
      this.txt.set(key, values);
    }
    values.add(value);
  }

  /** Removes one value, or every value of the name when none is given; true when something went. */
  removeTxt(name: string, value?: string): boolean {
    const key = normaliseName(name);
    const values = this.txt.get(key);
    if (!values) return false;
    const removed = value === undefined ? values.size > 0 : values.delete(value);
    if (value === undefined || values.size === 0) this.txt.delete(key);
    return removed;
  }

  lookupTxt(name: string): string[] {
    return [...(this.txt.get(normaliseName(name)) ?? [])];
  }

  records(): TxtRecord[] {
    return [...this.txt].map(([name, values]) => ({ name, values: [...values] }));
  }

  clear(): void {
    this.txt.clear();
  }

  restore(records: readonly TxtRecord[]): void {
    this.clear();
    for (const record of records) for (const value of record.values) this.addTxt(record.name, value);
  }
}
