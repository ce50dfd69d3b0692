/**
 * The Connect answer's filter box: keep the targets whose name, id,
 * description, hostnames, reason or fix contain every word typed (any case).
 * Pure; the answer's groups are then made from what is kept.
 */
import type { ConnectAnswer, ReachableTarget, UnreachableTarget } from "@lattice-atlas/shared";

type Rows = Pick<ConnectAnswer, "reachable" | "unreachable">;

const words = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);

function haystack(row: ReachableTarget | UnreachableTarget): string {
  const { target } = row;
  const parts = [target.name, target.id, target.arn, target.description, ...target.ports];
  if ("hostnames" in row) for (const h of [...row.hostnames, ...row.notWorking]) parts.push(h.hostname);
  else parts.push(row.reason, row.fix);
  return parts.join(" ").toLowerCase();
}

/** The rows every word of `text` is found in; the same object when there is nothing to filter by. */
export function filterAnswer<T extends Rows>(answer: T, text: string): T {
  const wanted = words(text);
  if (wanted.length === 0) return answer;
  const keep = (row: ReachableTarget | UnreachableTarget): boolean => {
    const hay = haystack(row);
    return wanted.every((w) => hay.includes(w));
  };
  return { ...answer, reachable: answer.reachable.filter(keep), unreachable: answer.unreachable.filter(keep) };
}
