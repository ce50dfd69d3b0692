/**
 * IPv4 address ranges, one implementation for every rule that compares them
 * (security-group sources, network ACL entries, "which VPC holds this
 * address"). A CIDR's host bits are ignored, as AWS does; an address is a /32.
 */

export interface Ipv4Range {
  first: number;
  last: number;
}

const OCTETS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function addressValue(address: string): number | undefined {
  const match = OCTETS.exec(address);
  if (!match) return undefined;
  const parts = match.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return parts.reduce((acc, part) => acc * 256 + part, 0);
}

/** The range of a CIDR ("10.0.0.0/16") or an address ("10.0.1.5"); undefined for anything else (IPv6 included). */
export function ipv4Range(value: string): Ipv4Range | undefined {
  const [base, bitsText, ...rest] = value.trim().split("/");
  if (!base || rest.length > 0) return undefined;
  const start = addressValue(base);
  if (start === undefined) return undefined;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32 || (bitsText !== undefined && !/^\d+$/.test(bitsText)))
    return undefined;
  const size = 2 ** (32 - bits);
  const first = Math.floor(start / size) * size;
  return { first, last: first + size - 1 };
}

/** Whether `outer` (a CIDR) contains all of `inner` (a CIDR or an address). False when either is not IPv4. */
export function cidrContains(outer: string, inner: string): boolean {
  const a = ipv4Range(outer);
  const b = ipv4Range(inner);
  return Boolean(a && b && a.first <= b.first && b.last <= a.last);
}

/** Whether two ranges share at least one address. */
export function cidrOverlaps(a: string, b: string): boolean {
  const x = ipv4Range(a);
  const y = ipv4Range(b);
  return Boolean(x && y && x.first <= y.last && y.first <= x.last);
}
