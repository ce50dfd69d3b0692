/**
 * What an action means, as one string: the server keys a client token to it (a token reused for another change
 * is refused) and the console mints a new token when the change it holds becomes another. Key order and absent
 * members do not change the meaning. Schema-free, so the console can use it without the schema library.
 */
export function actionFingerprint(action: object): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, canonical(v)]),
      );
    }
    return value;
  };
  return JSON.stringify(canonical(action));
}
