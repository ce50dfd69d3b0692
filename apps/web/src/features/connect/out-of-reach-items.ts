/**
 * The targets out of reach as one list to draw (and virtualise): each fix group's line (how many, the fix, its
 * one-click Fix), followed by its rows when it is open. An item not drawn stands for its targets: a folded group for
 * all of its rows, an open group's line for none (its rows are items of their own), a row for one. Pure.
 */
import type { UnreachableTarget } from "@lattice-atlas/shared";
import type { FixGroup } from "./verdicts";

export type OutOfReachItem =
  { kind: "group"; key: string; group: FixGroup; open: boolean } | { kind: "row"; key: string; row: UnreachableTarget };

export function outOfReachItems(groups: readonly FixGroup[], open: ReadonlySet<string>): OutOfReachItem[] {
  const items: OutOfReachItem[] = [];
  for (const group of groups) {
    const isOpen = open.has(group.key);
    items.push({ kind: "group", key: `fix:${group.key}`, group, open: isOpen });
    if (isOpen) for (const row of group.rows) items.push({ kind: "row", key: `row:${row.target.id}`, row });
  }
  return items;
}

/** How many targets an item stands for while it is not drawn. */
export function outOfReachWeight(item: OutOfReachItem): number {
  return item.kind === "row" ? 1 : item.open ? 0 : item.group.rows.length;
}
