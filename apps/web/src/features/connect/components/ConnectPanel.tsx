/**
 * The answer to "which hostname do I use from here?": per reachable target,
 * the names that work (pattern, port, ready command, Copy), the names that
 * look right but fail (why, and what they resolve to), then the targets out
 * of reach with the fix. Each target is a card of its own (ReachableTargetCard,
 * UnreachableTargetCard), each name a row (HostnameRow, NotWorkingRow).
 */
import type { ConnectAnswer } from "@lattice-atlas/shared";
import { useQuery } from "@tanstack/react-query";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import { statusClass } from "../../topology/kinds";
import type { SourceTarget } from "../../topology/target";
import { connectQuery } from "../queries";
import { PatternBadge } from "./PatternBadge";
import { ReachableTargetCard } from "./ReachableTargetCard";
import { UnreachableTargetCard } from "./UnreachableTargetCard";

interface ConnectPanelProps {
  target: SourceTarget;
  from: string;
  /** The target whose path is drawn on the diagram (undefined: every path). */
  pathTarget: string | undefined;
  onPathTarget(id: string | undefined): void;
  onShowNode(id: string): void;
}

export function ConnectPanel({ target, from, pathTarget, onPathTarget, onShowNode }: ConnectPanelProps) {
  const answer = useQuery(connectQuery(target, from));
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
      onPathTarget={onPathTarget}
      onShowNode={onShowNode}
    />
  );
}

function ConnectAnswerView({
  answer,
  pathTarget,
  onPathTarget,
  onShowNode,
}: {
  answer: ConnectAnswer;
  pathTarget: string | undefined;
  onPathTarget(id: string | undefined): void;
  onShowNode(id: string): void;
}) {
  return (
    <div className="panel__body connect-answer" data-testid="connect-answer" data-from={answer.from.vpcId}>
      <header className="connect-answer__from">
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
      </header>

      <section aria-labelledby="reachable-title">
        <h3 id="reachable-title" className="panel__heading">
          Reachable ({answer.reachable.length})
          {pathTarget ? (
            <button type="button" className="link-button" onClick={() => onPathTarget(undefined)}>
              Show every path
            </button>
          ) : null}
        </h3>
        {answer.reachable.length === 0 ? <p className="muted">Nothing is reachable from this VPC.</p> : null}
        {answer.reachable.map((r) => (
          <ReachableTargetCard
            key={r.target.id}
            fromVpcId={answer.from.vpcId}
            reachable={r}
            highlighted={pathTarget === r.target.id}
            onPathTarget={onPathTarget}
            onShowNode={onShowNode}
          />
        ))}
      </section>

      {answer.unreachable.length > 0 ? (
        <section aria-labelledby="unreachable-title">
          <h3 id="unreachable-title" className="panel__heading">
            Out of reach ({answer.unreachable.length})
          </h3>
          {answer.unreachable.map((u) => (
            <UnreachableTargetCard
              key={u.target.id}
              fromVpcId={answer.from.vpcId}
              unreachable={u}
              onShowNode={onShowNode}
            />
          ))}
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
