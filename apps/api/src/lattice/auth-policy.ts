/**
 * What an auth policy obviously does to every caller: a policy is shown as
 * text; this flags only what needs no knowledge of the caller — a Deny of
 * everyone, or no Allow at all (IAM then denies every request).
 */

interface Statement {
  Effect?: string;
  Principal?: unknown;
  Action?: unknown;
  Condition?: unknown;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

const everyone = (principal: unknown): boolean =>
  principal === "*" ||
  (typeof principal === "object" && principal !== null && list((principal as { AWS?: unknown }).AWS).includes("*"));

const invokes = (action: unknown): boolean =>
  list(action).some((a) => a === "*" || a === "vpc-lattice-svcs:*" || a === "vpc-lattice-svcs:Invoke");

/** Why the policy denies every caller, or undefined when that depends on the caller (or the text is not JSON). */
export function policyDeniesEveryone(text: string): string | undefined {
  let statements: Statement[];
  try {
    const parsed = JSON.parse(text) as { Statement?: unknown };
    statements = list(parsed.Statement) as Statement[];
  } catch {
    return undefined;
  }
  const denyAll = statements.find(
    (s) => s.Effect === "Deny" && everyone(s.Principal) && invokes(s.Action) && s.Condition === undefined,
  );
  if (denyAll) return "a Deny statement for every principal and vpc-lattice-svcs:Invoke, without condition";
  if (!statements.some((s) => s.Effect === "Allow" && invokes(s.Action)))
    return "no statement allows vpc-lattice-svcs:Invoke";
  return undefined;
}
