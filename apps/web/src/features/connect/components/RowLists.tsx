/**
 * Long Connect answers stay quick to open, to reopen and to scroll: each list of cards is virtualised (VirtualRows:
 * only the cards in view are drawn, each measured), and the targets out of reach, past a handful, come by the fix
 * that would bring them in (one line each: how many, the fix in words, its one-click Fix), an open group's rows
 * following its line in the same virtual list. On the `large` scenario a consumer's 1,306 rows out of reach are 91
 * such lines, and opening its answer draws a dozen cards, not 1,376.
 */
import type { Action, UnreachableTarget } from "@lattice-atlas/shared";
import { useCallback, useMemo, useState, type ReactNode } from "react";
import { VirtualRows } from "../../../lib/ui/VirtualRows";
import { namedChange } from "../../actions/action-words";
import { fixLabel } from "../../actions/kinds";
import { outOfReachItems, outOfReachWeight, type OutOfReachItem } from "../out-of-reach-items";
import { fixGroups, type FixGroup } from "../verdicts";

/** Out-of-reach lists up to this long are rows; longer ones are grouped by their fix. */
const FLAT = 10;

/** First guesses of a card's height (px) before it is measured: a reachable card with a name or two, a card out of reach, a fix line. */
export const CARD_HEIGHT = { reachable: 190, unreachable: 120, fixLine: 62 } as const;

/** A list of target cards (reachable, failing, cannot tell, or a short list out of reach), virtualised when long. */
export function TargetRows<T>({
  items,
  keyOf,
  render,
  estimate,
  testId,
}: {
  items: readonly T[];
  keyOf(item: T): string;
  render(item: T): ReactNode;
  estimate: number;
  testId: string;
}) {
  return <VirtualRows items={items} itemKey={keyOf} render={render} estimate={() => estimate} testId={testId} />;
}

const targetId = (row: UnreachableTarget): string => row.target.id;

export function OutOfReachRows({
  rows,
  render,
  canChange,
  onFix,
  nameOf,
}: {
  rows: readonly UnreachableTarget[];
  render(row: UnreachableTarget): ReactNode;
  canChange: boolean;
  onFix(action: Action): void;
  /** Names of the topology on screen, for a group's change in words. */
  nameOf(id: string): string | undefined;
}) {
  const groups = useMemo(() => (rows.length > FLAT ? fixGroups(rows) : []), [rows]);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const items = useMemo(() => outOfReachItems(groups, open), [groups, open]);
  const toggle = useCallback(
    (key: string) =>
      setOpen((now) => {
        const next = new Set(now);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    [],
  );
  if (rows.length <= FLAT)
    return (
      <TargetRows
        items={rows}
        keyOf={targetId}
        render={render}
        estimate={CARD_HEIGHT.unreachable}
        testId="out-of-reach-rows"
      />
    );
  const renderItem = (item: OutOfReachItem) =>
    item.kind === "group" ? (
      <FixGroupLine
        group={item.group}
        open={item.open}
        onToggle={toggle}
        canChange={canChange}
        onFix={onFix}
        nameOf={nameOf}
      />
    ) : (
      <div className="fix-group__rows">{render(item.row)}</div>
    );
  return (
    <>
      <p className="hint">
        By what would bring them in: {groups.length} fix{groups.length === 1 ? "" : "es"}, the one that brings in the
        most first.
      </p>
      <VirtualRows
        items={items}
        itemKey={(item) => item.key}
        render={renderItem}
        estimate={(item) => (item.kind === "group" ? CARD_HEIGHT.fixLine : CARD_HEIGHT.unreachable)}
        weight={outOfReachWeight}
        testId="out-of-reach-rows"
      />
    </>
  );
}

function FixGroupLine({
  group,
  open,
  onToggle,
  canChange,
  onFix,
  nameOf,
}: {
  group: FixGroup;
  open: boolean;
  onToggle(key: string): void;
  canChange: boolean;
  onFix(action: Action): void;
  nameOf(id: string): string | undefined;
}) {
  const count = group.rows.length;
  const targets = `${count} target${count === 1 ? "" : "s"}`;
  return (
    <div
      className={`fix-group${open ? " is-open" : ""}`}
      data-testid="fix-group"
      data-count={count}
      {...(open ? {} : { "data-hidden": count })}
    >
      <div className="fix-group__head">
        <button type="button" className="fix-group__toggle" aria-expanded={open} onClick={() => onToggle(group.key)}>
          <span aria-hidden="true">{open ? "▾" : "▸"}</span> {targets}
        </button>
        <p className="fix-group__text">
          {group.alike || !group.action ? (
            group.fixText
          ) : (
            <>
              A {namedChange(group.action, nameOf)} brings {count === 2 ? "both" : "them all"} in{" "}
              <span className="muted">(each row names its other way in)</span>.
            </>
          )}
        </p>
        {group.action && canChange ? (
          <button
            type="button"
            className="button button--small button--primary"
            data-testid="group-fix"
            data-action={group.action.type}
            aria-label={`${fixLabel(group.action)} (brings in ${targets})`}
            onClick={() => onFix(group.action!)}
          >
            {fixLabel(group.action)}
          </button>
        ) : null}
      </div>
    </div>
  );
}
