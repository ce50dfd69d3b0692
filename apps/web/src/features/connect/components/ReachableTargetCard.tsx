/**
 * One reachable target of the "Connect from…" answer: what it is, "Show path",
 * "Explain" and "Locate", the names that work from here (HostnameRow) and the
 * names that look right but do not (NotWorkingRow).
 */
import type { ReachableTarget } from "@lattice-atlas/shared";
import { ExplainButton } from "../../explain/components/ExplainButton";
import { explainFromConnectRow } from "../../explain/request";
import { HostnameRow, NotWorkingRow } from "./HostnameRow";

export function ReachableTargetCard({
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
              <NotWorkingRow
                key={`${h.hostname}|${h.via.id}`}
                fromVpcId={fromVpcId}
                targetId={target.id}
                hostname={h}
              />
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
