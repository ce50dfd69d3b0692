/**
 * A DNS name cut after each dot, so that a long name wraps at its labels
 * (snra-….rcfg-….4232ccc.vpc-lattice-rsc.…) instead of in the middle of one.
 * Pure: the component puts a <wbr> between the pieces.
 */
export function dnsNameParts(name: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === "." && i + 1 < name.length) {
      parts.push(name.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < name.length) parts.push(name.slice(start));
  return parts;
}
