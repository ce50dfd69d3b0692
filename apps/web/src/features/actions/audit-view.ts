/**
 * The audit log as people read it: the ids of an entry's line named from the topology on screen (when the entry is
 * of the same source and region), a filter over what is shown, and the Undo a succeeded creation offers (the removal
 * of what it made, while it is still there).
 */
import type { Action, AuditEntry } from "@lattice-atlas/shared";
import { AWS_ID } from "./action-words";
import { actionLabel, actionSubject, undoAction } from "./kinds";

/** A piece of an entry's line: plain text, or an id with the name the topology gives it (if any). */
export type SubjectPart = { text: string } | { id: string; name: string | undefined };

/** Where the log is read: the source and region of the topology on screen, and its names by id. */
export interface AuditContext {
  source: string;
  region: string;
  nameOf(id: string): string | undefined;
  /** Whether the resource is in the topology (a creation's Undo needs it there). */
  has(id: string): boolean;
}

/** Whether the entry was made on the source and region on screen (its ids name things of this topology). */
export function sameSource(entry: AuditEntry, context: AuditContext | undefined): context is AuditContext {
  return context !== undefined && entry.source === context.source && entry.region === context.region;
}

/** The entry's line ("vpc-0… → sn-0…") split into text and ids, each id with its name where the topology knows it. */
export function subjectParts(entry: AuditEntry, context: AuditContext | undefined): SubjectPart[] {
  const subject = actionSubject({ type: entry.action, ...entry.input });
  const named = sameSource(entry, context);
  const parts: SubjectPart[] = [];
  let at = 0;
  for (const match of subject.matchAll(AWS_ID)) {
    if (match.index > at) parts.push({ text: subject.slice(at, match.index) });
    const name = named ? context.nameOf(match[0]) : undefined;
    parts.push({ id: match[0], name: name === match[0] ? undefined : name });
    at = match.index + match[0].length;
  }
  if (at < subject.length) parts.push({ text: subject.slice(at) });
  return parts;
}

/** The name of the resource the entry made or touched, when the topology has it. */
export function resourceName(entry: AuditEntry, context: AuditContext | undefined): string | undefined {
  if (!entry.resourceId || !sameSource(entry, context)) return undefined;
  const name = context.nameOf(entry.resourceId);
  return name === entry.resourceId ? undefined : name;
}

/**
 * The removal that undoes this entry: a creation that succeeded, on the source and region on screen, whose resource
 * is still in the topology. Anything else (a removal, a rule, a refused or failed request, another region) has none.
 */
export function undoFor(entry: AuditEntry, context: AuditContext | undefined): Action | undefined {
  if (entry.outcome !== "succeeded" || !entry.resourceId || !sameSource(entry, context)) return undefined;
  if (!context.has(entry.resourceId)) return undefined;
  return undoAction(entry.action, entry.resourceId);
}

export const OUTCOME_FILTERS = ["all", "succeeded", "failed", "refused", "replayed"] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];

/** Whether the entry shows under the filter: its outcome, and words found in its label, ids, names, where and who. */
export function matchesAuditFilter(
  entry: AuditEntry,
  filter: { text: string; outcome: OutcomeFilter },
  context: AuditContext | undefined,
): boolean {
  if (filter.outcome !== "all" && entry.outcome !== filter.outcome) return false;
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    actionLabel(entry.action),
    entry.action,
    entry.outcome,
    entry.source,
    entry.region,
    entry.accountId ?? "",
    entry.resourceId ?? "",
    resourceName(entry, context) ?? "",
    entry.errorCode ?? "",
    entry.requestId ?? "",
    ...subjectParts(entry, context).map((p) => ("text" in p ? p.text : `${p.id} ${p.name ?? ""}`)),
  ]
    .join(" ")
    .toLowerCase();
  return words.every((w) => haystack.includes(w));
}
