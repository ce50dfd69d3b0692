/**
 * Long Connect answers stay quick to open and to read: a list of up to 100
 * rows is drawn whole, a longer one a page at a time ("Show 50 more"); the
 * targets out of reach, past a handful, come by the fix that would bring
 * them in (one line each: how many, the fix in words, its one-click Fix),
 * their rows drawn when a group is opened. On the `large` scenario a
 * consumer's 1,306 rows out of reach are 91 such lines.
 */
import type { Action, UnreachableTarget } from "@lattice-atlas/shared";
import { useId, useMemo, useState, type ReactNode } from "react";
import { fixLabel } from "../../actions/kinds";
import { groupByFix, type FixGroup } from "../verdicts";

/** Lists up to this long are drawn whole. */
const WHOLE = 100;
const PAGE = 50;
/** Out-of-reach lists up to this long are rows; longer ones are grouped by their fix. */
const FLAT = 10;

export function PagedRows<T>({
  items,
  render,
  what,
}: {
  items: readonly T[];
  render(item: T): ReactNode;
  /** What the rows are, for the button: "targets out of reach". */
  what: string;
}) {
  const [shown, setShown] = useState(PAGE);
  const count = items.length <= WHOLE ? items.length : Math.min(shown, items.length);
  const left = items.length - count;
  return (
    <>
      {items.slice(0, count).map(render)}
      {left > 0 ? (
        <button
          type="button"
          className="button button--small more-rows"
          data-testid="more-rows"
          data-hidden={left}
          onClick={() => setShown((n) => n + PAGE)}
        >
          Show {Math.min(PAGE, left)} more {what} ({left} not shown)
        </button>
      ) : null}
    </>
  );
}

export function OutOfReachRows({
  rows,
  render,
  canChange,
  onFix,
}: {
  rows: readonly UnreachableTarget[];
  render(row: UnreachableTarget): ReactNode;
  canChange: boolean;
  onFix(action: Action): void;
}) {
  const groups = useMemo(() => (rows.length > FLAT ? groupByFix(rows) : []), [rows]);
  if (rows.length <= FLAT) return <PagedRows items={rows} render={render} what="targets out of reach" />;
  return (
    <>
      <p className="hint">
        By what would bring them in: {groups.length} fix{groups.length === 1 ? "" : "es"}, the one that brings in the
        most first.
      </p>
      {groups.map((group) => (
        <FixGroupBlock key={group.key} group={group} render={render} canChange={canChange} onFix={onFix} />
      ))}
    </>
  );
}

function FixGroupBlock({
  group,
  render,
  canChange,
  onFix,
}: {
  group: FixGroup;
  render(row: UnreachableTarget): ReactNode;
  canChange: boolean;
  onFix(action: Action): void;
}) {
  const [open, setOpen] = useState(false);
  const rowsId = useId();
  const count = group.rows.length;
  const targets = `${count} target${count === 1 ? "" : "s"}`;
  return (
    <div className="fix-group" data-testid="fix-group" data-count={count} {...(open ? {} : { "data-hidden": count })}>
      <div className="fix-group__head">
        <button
          type="button"
          className="fix-group__toggle"
          aria-expanded={open}
          aria-controls={rowsId}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? "▾" : "▸"}</span> {targets}
        </button>
        <p className="fix-group__text">{group.fixText}</p>
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
      <div id={rowsId} className="fix-group__rows">
        {open ? <PagedRows items={group.rows} render={render} what="targets" /> : null}
      </div>
    </div>
  );
}
