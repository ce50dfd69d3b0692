/**
 * A change in words for people: its kind and its subject ("ServiceNetwork endpoint consumer-000 → sn-net-005"), each
 * AWS id named from the topology on screen where it is known.
 */
import type { Action } from "@lattice-atlas/shared";
import { actionLabel, actionSubject } from "./kinds";

/** AWS ids in a line: `vpc-0…`, `sn-0…`, `rcfg-0…`, `snva-0…`, `vpce-0…`, `svc-0…`, `sg-0…`. */
export const AWS_ID = /\b[a-z]{2,5}-(?:[0-9a-f]{8,17}|[0-9a-z]{17})\b/g;

export function namedChange(action: Action, nameOf: (id: string) => string | undefined): string {
  const subject = actionSubject(action).replace(AWS_ID, (id) => nameOf(id) ?? id);
  return `${actionLabel(action.type)} ${subject}`;
}
