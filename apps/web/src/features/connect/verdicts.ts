/**
 * How a "Connect from…" answer reads, now that every row carries the verdict
 * of the connectivity check (RowCheck): the rows grouped so that the answer
 * reads right (reachable, then a way in that fails, then cannot tell, then out
 * of reach), each row's verdict in one line, and which of a target's names
 * may be shown as "use this name" (only those whose path the check passes).
 * Pure: no React.
 */
import {
  actionFingerprint,
  type Action,
  type ConnectAnswer,
  type Hostname,
  type ReachableTarget,
  type RowCheck,
  type UnreachableTarget,
} from "@lattice-atlas/shared";

/** A row of the answer, with or without a way in (the API's two lists). */
export type TargetRow = { way: "in"; row: ReachableTarget } | { way: "none"; row: UnreachableTarget };

export interface AnswerGroups {
  /** A way in, and the check passes: ✔. */
  reachable: ReachableTarget[];
  /** A way in, but the check fails at a hop: ✘ with the hop and its Fix. */
  failing: ReachableTarget[];
  /** The check could not decide (a partial read): ? with what was not read. */
  cannotTell: TargetRow[];
  /** No way in from this VPC. */
  outOfReach: UnreachableTarget[];
}

/** The answer's rows in the four groups, each in the API's order. */
export function groupAnswer(answer: Pick<ConnectAnswer, "reachable" | "unreachable">): AnswerGroups {
  const groups: AnswerGroups = { reachable: [], failing: [], cannotTell: [], outOfReach: [] };
  for (const row of answer.reachable) {
    if (row.check.verdict === "unknown") groups.cannotTell.push({ way: "in", row });
    else if (row.check.verdict === "not-reachable") groups.failing.push(row);
    else groups.reachable.push(row);
  }
  for (const row of answer.unreachable) {
    if (row.check.verdict === "unknown") groups.cannotTell.push({ way: "none", row });
    else groups.outOfReach.push(row);
  }
  return groups;
}

const groupedAnswers = new WeakMap<object, AnswerGroups>();

/**
 * groupAnswer, once per answer object: a Connect panel reopened on a cached answer (the same object from the query
 * cache) finds its groups made.
 */
export function answerGroups(answer: Pick<ConnectAnswer, "reachable" | "unreachable">): AnswerGroups {
  let groups = groupedAnswers.get(answer);
  if (!groups) groupedAnswers.set(answer, (groups = groupAnswer(answer)));
  return groups;
}

/** A hop the check could not decide, with the reads whose absence left it open. */
export interface UndecidedHop {
  step: number;
  title: string;
  /** What the hop would have checked, without the "Not read: …" tail. */
  detail: string;
  /** "rds:DescribeDBClusters (AccessDenied)"; empty when the API named none. */
  unread: string[];
}

/**
 * The API appends the missing reads to an undecided hop's detail as
 * " Not read: a, b." (RowCheck.cannotTell carries no list of its own).
 */
const NOT_READ = /\s*Not read: (.+)\.$/;

export function undecidedHops(check: RowCheck): UndecidedHop[] {
  return check.cannotTell.map(({ step, title, detail }) => {
    const match = NOT_READ.exec(detail);
    return match
      ? { step, title, detail: detail.slice(0, match.index), unread: match[1]!.split(", ") }
      : { step, title, detail, unread: [] };
  });
}

export type VerdictTone = "ok" | "bad" | "unknown";

/** A row's verdict in one line: the mark, its tone, and the words. */
export interface VerdictLine {
  tone: VerdictTone;
  mark: "✔" | "✘" | "?";
  text: string;
}

export function verdictLine(check: RowCheck): VerdictLine {
  if (check.verdict === "reachable")
    return {
      tone: "ok",
      mark: "✔",
      text: check.port !== undefined ? `Reachable on TCP ${check.port}` : "Reachable",
    };
  if (check.verdict === "not-reachable")
    return {
      tone: "bad",
      mark: "✘",
      text: check.failing ? `Fails at hop ${check.failing.step} — ${check.failing.title}` : "Not reachable",
    };
  const hops = undecidedHops(check);
  const unread = [...new Set(hops.flatMap((h) => h.unread))];
  return {
    tone: "unknown",
    mark: "?",
    text:
      unread.length > 0
        ? `Cannot tell: ${unread.join(", ")} not read`
        : hops.length > 0
          ? `Cannot tell at hop ${hops.map((h) => `${h.step} — ${h.title}`).join(", hop ")}`
          : "Cannot tell from what was read",
  };
}

/** Whether a working name may be offered as "use this name": only when the check passes the path that carries it. */
export type NameUse = "use" | "blocked" | "unsure";

export function nameUse(name: Hostname): NameUse {
  const verdict = name.path?.verdict;
  return verdict === "not-reachable" ? "blocked" : verdict === "unknown" ? "unsure" : "use";
}

/** A target's working names by what they are worth from here. */
export function namesByUse(names: readonly Hostname[]): Record<NameUse, Hostname[]> {
  const split: Record<NameUse, Hostname[]> = { use: [], blocked: [], unsure: [] };
  for (const name of names) split[nameUse(name)].push(name);
  return split;
}

/** Targets out of reach that one fix brings in: its words, its one-click change when there is one, the rows. */
export interface FixGroup {
  key: string;
  /** The rows' fix in words: theirs when they all say the same, else the first row's (see `alike`). */
  fixText: string;
  /**
   * Whether every row says the same words. One change often reads differently per row: "Add a ServiceNetwork
   * endpoint for sn-net-005 …, or a Resource endpoint for rcfg-0…" names each target's own alternative.
   */
  alike: boolean;
  action?: Action | undefined;
  rows: UnreachableTarget[];
}

/**
 * The targets out of reach by the change that would bring them in (on a large account, 1,300 rows are a few dozen
 * networks this VPC does not join), or by the fix's words where the check carries no change: the largest group
 * first, then in the API's order.
 */
export function groupByFix(rows: readonly UnreachableTarget[]): FixGroup[] {
  const groups = new Map<string, FixGroup>();
  for (const row of rows) {
    const action = row.check.failing?.fix?.action;
    const key = action ? `change\u0000${actionFingerprint(action)}` : `words\u0000${row.fix}`;
    const group = groups.get(key);
    if (group) {
      group.rows.push(row);
      group.alike &&= group.fixText === row.fix;
    } else groups.set(key, { key, fixText: row.fix, alike: true, action, rows: [row] });
  }
  // A stable sort: equal sizes keep the order of their first row.
  return [...groups.values()].sort((a, b) => b.rows.length - a.rows.length);
}

const fixGroupsOf = new WeakMap<readonly UnreachableTarget[], FixGroup[]>();

/** groupByFix, once per list of rows (the out-of-reach list of answerGroups lives as long as its answer). */
export function fixGroups(rows: readonly UnreachableTarget[]): FixGroup[] {
  let groups = fixGroupsOf.get(rows);
  if (!groups) fixGroupsOf.set(rows, (groups = groupByFix(rows)));
  return groups;
}
