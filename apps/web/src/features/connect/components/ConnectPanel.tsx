/**
 * The answer to "which hostname do I use from here?", each target with the
 * verdict of the same hop-by-hop check as "Explain", grouped so that it reads
 * right: reachable first (the names that work, pattern, port, ready command,
 * Copy; the names that look right but fail, and why), then the targets with a
 * way in that fails at a hop (its subject and the one-click Fix), then those
 * the check cannot tell about (what was not read), then those out of reach
 * (with their fix, one click too when the check carries the change; on a
 * large account by the fix that brings them in, see RowLists). Each target is
 * a card of its own (ReachableTargetCard, UnreachableTargetCard), each name a
 * row (HostnameRow, NotWorkingRow), each verdict a RowVerdict.
 */
import type { Action, ConnectAnswer, Topology } from "@lattice-atlas/shared";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useDeferredValue, useMemo, useRef, useState } from "react";
import { useFocusRequest } from "../../../lib/focus-request";
import { useLatest } from "../../../lib/use-latest";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import type { ChangeAccess } from "../../actions/change-access";
import type { SheetRequest } from "../../actions/sheet-request";
import { statusClass } from "../../topology/kinds";
import { indexTopology } from "../../topology/topology-index";
import type { SourceTarget } from "../../topology/target";
import "../connect-filter.css";
import { filterAnswer } from "../filter-answer";
import { connectQuery } from "../queries";
import { answerGroups, groupAnswer, type TargetRow } from "../verdicts";
import { CONNECT_ANSWER_FOCUS } from "./ConnectFromPicker";
import { PatternBadge } from "./PatternBadge";
import { ReachableTargetCard } from "./ReachableTargetCard";
import { CARD_HEIGHT, OutOfReachRows, TargetRows } from "./RowLists";
import { UnreachableTargetCard } from "./UnreachableTargetCard";

interface ConnectPanelProps {
  target: SourceTarget;
  /** The topology on screen: names for what the answer gives by id (a fix group's change). */
  topology: Topology;
  from: string;
  /** The target whose path is drawn on the diagram (undefined: every path). */
  pathTarget: string | undefined;
  onPathTarget(id: string | undefined): void;
  onShowNode(id: string): void;
  /** Whether the source accepts changes (a row's Fix opens the change sheet), and why not. */
  access: ChangeAccess;
  onStartChange(request: SheetRequest): void;
}

export function ConnectPanel({
  target,
  topology,
  from,
  pathTarget,
  onPathTarget,
  onShowNode,
  access,
  onStartChange,
}: ConnectPanelProps) {
  const answer = useQuery(connectQuery(target, from));
  // The cards are memoised: they get callbacks that keep their identity while the shell re-renders.
  const latest = useLatest({ onPathTarget, onShowNode, onStartChange });
  const showNode = useCallback((id: string) => latest.current.onShowNode(id), [latest]);
  const choosePath = useCallback((id: string | undefined) => latest.current.onPathTarget(id), [latest]);
  const fix = useCallback((action: Action) => latest.current.onStartChange({ action }), [latest]);
  const nameOf = useCallback((id: string) => indexTopology(topology).byId.get(id)?.label, [topology]);
  if (answer.isPending) {
    return (
      <div className="panel__body" aria-busy="true">
        <p className="muted">Working out which hostnames work from {from}…</p>
      </div>
    );
  }
  if (answer.isError) {
    return (
      <div className="panel__body">
        <ErrorNotice error={answer.error} onRetry={() => void answer.refetch()} />
      </div>
    );
  }
  return (
    <ConnectAnswerView
      answer={answer.data}
      pathTarget={pathTarget}
      access={access}
      onPathTarget={choosePath}
      onShowNode={showNode}
      onFix={fix}
      nameOf={nameOf}
    />
  );
}

const keyOfWayIn = (row: ConnectAnswer["reachable"][number]): string => row.target.id;
const keyOfEither = (row: TargetRow): string => row.row.target.id;

function ConnectAnswerView({
  answer,
  pathTarget,
  access,
  onPathTarget,
  onShowNode,
  onFix,
  nameOf,
}: {
  answer: ConnectAnswer;
  pathTarget: string | undefined;
  access: ChangeAccess;
  onPathTarget(id: string | undefined): void;
  onShowNode(id: string): void;
  onFix(action: Action): void;
  nameOf(id: string): string | undefined;
}) {
  const [filter, setFilter] = useState("");
  // Typing stays quick on a 1,400-row answer: the rows follow a frame behind the box.
  const deferredFilter = useDeferredValue(filter);
  const shown = useMemo(() => filterAnswer(answer, deferredFilter), [answer, deferredFilter]);
  // The whole answer's groups are made once per answer (a reopened panel finds them); a filtered one's per filter.
  const groups = useMemo(() => (shown === answer ? answerGroups(answer) : groupAnswer(shown)), [answer, shown]);
  const total = answer.reachable.length + answer.unreachable.length;
  const matching = shown.reachable.length + shown.unreachable.length;
  // A VPC just chosen in "Connect from…": the focus comes here, the next Tab reaches the names.
  const head = useRef<HTMLElement>(null);
  useFocusRequest(CONNECT_ANSWER_FOCUS, head);
  const fixes = { canChange: access.allowed, onFix };
  const anyFix = useMemo(
    () => [...answer.reachable, ...answer.unreachable].some((row) => row.check.failing?.fix?.action !== undefined),
    [answer],
  );
  const fixesOff = !access.allowed && access.reason !== undefined && anyFix;
  const fromVpcId = answer.from.vpcId;
  const wayIn = (r: ConnectAnswer["reachable"][number]) => (
    <ReachableTargetCard
      key={r.target.id}
      fromVpcId={fromVpcId}
      reachable={r}
      highlighted={pathTarget === r.target.id}
      onPathTarget={onPathTarget}
      onShowNode={onShowNode}
      {...fixes}
    />
  );
  const noWay = (u: ConnectAnswer["unreachable"][number]) => (
    <UnreachableTargetCard key={u.target.id} fromVpcId={fromVpcId} unreachable={u} onShowNode={onShowNode} {...fixes} />
  );
  const either = (r: TargetRow) => (r.way === "in" ? wayIn(r.row) : noWay(r.row));
  return (
    <div className="panel__body connect-answer" data-testid="connect-answer" data-from={answer.from.vpcId}>
      <header className="connect-answer__from" ref={head} tabIndex={-1} data-testid="connect-answer-from">
        <div className="eyebrow">From</div>
        <div className="connect-answer__vpc">
          <strong>{answer.from.name}</strong> <code>{answer.from.vpcId}</code>{" "}
          <span className="muted">{answer.from.cidr}</span>
        </div>
        {answer.entryPoints.length > 0 ? (
          <ul className="entry-points" aria-label="Ways into Lattice from this VPC">
            {answer.entryPoints.map((e) => (
              <li key={e.id}>
                <PatternBadge pattern={e.pattern} />
                <button type="button" className="link-button" onClick={() => onShowNode(e.id)}>
                  {e.label}
                </button>
                <code>{e.id}</code>
                <span className={`status-badge status-${statusClass(e.status) ?? "other"}`}>{e.status}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">
            This VPC has no VPC endpoint of type Resource or ServiceNetwork and no service-network association: nothing
            in Lattice is reachable from it yet.
          </p>
        )}
        {fixesOff ? (
          <p className="hint" data-testid="fixes-off">
            Changes are off here, so each fix below is text only: {access.reason}
          </p>
        ) : null}
        {total > 1 ? (
          <div className="connect-filter">
            <input
              type="search"
              className="connect-filter__input"
              placeholder="Filter targets: name, id, hostname, network…"
              aria-label="Filter targets"
              data-testid="connect-filter"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
            <span className="connect-filter__count muted" data-testid="connect-filter-count" aria-live="polite">
              {deferredFilter.trim() ? `${matching} of ${total} targets` : `${total} targets`}
            </span>
          </div>
        ) : null}
      </header>

      <section aria-labelledby="reachable-title" data-testid="connect-group" data-group="reachable">
        <h3 id="reachable-title" className="panel__heading">
          Reachable ({groups.reachable.length})
          {pathTarget ? (
            <button type="button" className="link-button" onClick={() => onPathTarget(undefined)}>
              Show every path
            </button>
          ) : null}
        </h3>
        {groups.reachable.length === 0 && matching < total ? (
          <p className="muted">No reachable target matches “{deferredFilter.trim()}”.</p>
        ) : groups.reachable.length === 0 ? (
          <p className="muted">
            {groups.failing.length + groups.cannotTell.length > 0
              ? "Nothing passes the check from this VPC: see below."
              : "Nothing is reachable from this VPC."}
          </p>
        ) : null}
        <TargetRows
          items={groups.reachable}
          keyOf={keyOfWayIn}
          render={wayIn}
          estimate={CARD_HEIGHT.reachable}
          testId="reachable-rows"
        />
      </section>

      {groups.failing.length > 0 ? (
        <section aria-labelledby="failing-title" data-testid="connect-group" data-group="failing">
          <h3 id="failing-title" className="panel__heading">
            A way in, but the path fails ({groups.failing.length})
          </h3>
          <TargetRows
            items={groups.failing}
            keyOf={keyOfWayIn}
            render={wayIn}
            estimate={CARD_HEIGHT.reachable}
            testId="failing-rows"
          />
        </section>
      ) : null}

      {groups.cannotTell.length > 0 ? (
        <section aria-labelledby="cannot-tell-title" data-testid="connect-group" data-group="cannot-tell">
          <h3 id="cannot-tell-title" className="panel__heading">
            Cannot tell ({groups.cannotTell.length})
          </h3>
          <TargetRows
            items={groups.cannotTell}
            keyOf={keyOfEither}
            render={either}
            estimate={CARD_HEIGHT.reachable}
            testId="cannot-tell-rows"
          />
        </section>
      ) : null}

      {groups.outOfReach.length > 0 ? (
        <section aria-labelledby="unreachable-title" data-testid="connect-group" data-group="out-of-reach">
          <h3 id="unreachable-title" className="panel__heading">
            Out of reach ({groups.outOfReach.length})
          </h3>
          <OutOfReachRows
            rows={groups.outOfReach}
            render={noWay}
            canChange={access.allowed}
            onFix={onFix}
            nameOf={nameOf}
          />
        </section>
      ) : null}

      {answer.notes.length > 0 ? (
        <section aria-labelledby="notes-title">
          <h3 id="notes-title" className="panel__heading">
            Notes
          </h3>
          <ul className="notes">
            {answer.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
