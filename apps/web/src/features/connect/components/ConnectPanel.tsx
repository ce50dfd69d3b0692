/**
 * The answer to "which hostname do I use from here?": per reachable target,
 * the names that work (pattern, port, ready command, Copy), the names that
 * look right but fail (why, and what they resolve to), then the targets out
 * of reach with the fix.
 */
import type { ConnectAnswer, Hostname, ReachableTarget, UnreachableTarget } from "@lattice-atlas/shared";
import { useQuery } from "@tanstack/react-query";
import { CopyButton } from "../../../lib/ui/CopyButton";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import { ExplainButton } from "../../explain/components/ExplainButton";
import { explainFromConnectRow } from "../../explain/request";
import type { SourceTarget } from "../../topology/target";
import { connectQuery } from "../queries";
import { PatternBadge } from "./PatternBadge";

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
                <span
                  className={`status-badge status-${e.status === "ACTIVE" || e.status.toLowerCase() === "available" ? "ok" : "other"}`}
                >
                  {e.status}
                </span>
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
          <ReachableCard
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
            <UnreachableCard key={u.target.id} fromVpcId={answer.from.vpcId} unreachable={u} onShowNode={onShowNode} />
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

function ReachableCard({
  fromVpcId,
  reachable,
  highlighted,
  onPathTarget,
  onShowNode,
}: {
  fromVpcId: string;
  reachable: ReachableTarget;
  highlighted: boolean;
  onPathTarget(id: string | undefined): void;
  onShowNode(id: string): void;
}) {
  const { target, hostnames, notWorking } = reachable;
  return (
    <article
      className={`target-card${highlighted ? " is-highlighted" : ""}`}
      data-testid="reachable-target"
      data-target-id={target.id}
    >
      <header className="target-card__head">
        <div>
          <div className="target-card__name">{target.name}</div>
          <div className="target-card__desc">{target.description}</div>
          <div className="target-card__meta">
            <code>{target.id}</code>
            {target.ports.length > 0 ? ` · ${target.protocol ?? ""} ${target.ports.join(", ")}` : ""}
          </div>
        </div>
        <div className="target-card__actions">
          <button
            type="button"
            className="button button--small"
            aria-pressed={highlighted}
            onClick={() => onPathTarget(highlighted ? undefined : target.id)}
          >
            {highlighted ? "Path shown" : "Show path"}
          </button>
          <ExplainButton
            params={explainFromConnectRow(fromVpcId, target.id)}
            label={`Explain, hop by hop, the path to ${target.name}`}
            testId="explain-target"
          />
          <button type="button" className="link-button" onClick={() => onShowNode(target.id)}>
            Locate
          </button>
        </div>
      </header>
      <div className="eyebrow eyebrow--ok">
        Use {hostnames.length === 1 ? "this name" : `one of these ${hostnames.length} names`}
      </div>
      <ul className="hostnames">
        {hostnames.map((h) => (
          <HostnameRow key={`${h.hostname}|${h.via.id}`} fromVpcId={fromVpcId} targetId={target.id} hostname={h} />
        ))}
      </ul>
      {notWorking.length > 0 ? (
        <>
          <div className="eyebrow eyebrow--bad">Will not work from here</div>
          <ul className="hostnames hostnames--bad">
            {notWorking.map((h) => (
              <li
                key={`${h.hostname}|${h.via.id}`}
                className="hostname hostname--bad"
                data-testid="not-working-row"
                data-hostname={h.hostname}
              >
                <div className="hostname__line">
                  <code className="hostname__name">{h.hostname}</code>
                  <PatternBadge pattern={h.pattern} />
                  <ExplainButton
                    params={explainFromConnectRow(fromVpcId, target.id, h.hostname)}
                    label={`Explain why ${h.hostname} does not work from here`}
                    testId="explain-hostname"
                  />
                </div>
                {h.reason ? <p className="hostname__reason">{h.reason}</p> : null}
                {h.resolvesTo && h.resolvesTo.length > 0 ? (
                  <p className="hostname__resolves">
                    Resolves to <code>{h.resolvesTo.join(", ")}</code>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

function HostnameRow({
  fromVpcId,
  targetId,
  hostname: h,
}: {
  fromVpcId: string;
  targetId: string;
  hostname: Hostname;
}) {
  return (
    <li className="hostname" data-testid="hostname-row" data-hostname={h.hostname} data-pattern={h.pattern}>
      <div className="hostname__line">
        <code className="hostname__name">{h.hostname}</code>
        <CopyButton value={h.hostname} label={`Copy hostname ${h.hostname}`} testId="copy-hostname" />
        <ExplainButton
          params={explainFromConnectRow(fromVpcId, targetId, h.hostname)}
          label={`Explain, hop by hop, ${h.hostname} from here`}
          testId="explain-hostname"
        />
      </div>
      <div className="hostname__facts">
        <PatternBadge pattern={h.pattern} />
        {h.port !== undefined ? <span>port {h.port}</span> : null}
        <span>{h.privateDns ? "private DNS name" : "generated name"}</span>
        <span className="muted" title={`${h.source.api} → ${h.source.field}`}>
          via <code>{h.via.id}</code>
        </span>
      </div>
      {h.command ? (
        <div className="command">
          <code className="command__text">{h.command}</code>
          <CopyButton value={h.command} label={`Copy command for ${h.hostname}`} testId="copy-command" />
        </div>
      ) : null}
    </li>
  );
}

function UnreachableCard({
  fromVpcId,
  unreachable,
  onShowNode,
}: {
  fromVpcId: string;
  unreachable: UnreachableTarget;
  onShowNode(id: string): void;
}) {
  const { target, reason, fix } = unreachable;
  return (
    <article
      className="target-card target-card--unreachable"
      data-testid="unreachable-target"
      data-target-id={target.id}
    >
      <header className="target-card__head">
        <div>
          <div className="target-card__name">{target.name}</div>
          <div className="target-card__desc">{target.description}</div>
        </div>
        <div className="target-card__actions">
          <ExplainButton
            params={explainFromConnectRow(fromVpcId, target.id)}
            label={`Explain, hop by hop, why ${target.name} is out of reach`}
            testId="explain-target"
          />
          <button type="button" className="link-button" onClick={() => onShowNode(target.id)}>
            Locate
          </button>
        </div>
      </header>
      <p>
        <strong>Why:</strong> {reason}
      </p>
      <p>
        <strong>Fix:</strong> {fix}
      </p>
    </article>
  );
}
