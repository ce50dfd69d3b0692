/** Stable JSON of a request's parameters (keys sorted at every level), for idempotency fingerprints. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** Fingerprint of `input` without the named members (the token itself, DryRun…). */
export function parameterFingerprint(input: object, ...omit: string[]): string {
  const rest = Object.fromEntries(Object.entries(input).filter(([key]) => !omit.includes(key)));
  // Not JSON.stringify(rest, keys): a replacer array would drop every nested key (tags, DNS options).
  return JSON.stringify(canonical(rest));
}
