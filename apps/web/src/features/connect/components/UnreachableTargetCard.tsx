/** A target out of reach from this VPC: why, and the fix (with "Explain" and "Locate"). */
import type { UnreachableTarget } from "@lattice-atlas/shared";
import { ExplainButton } from "../../explain/components/ExplainButton";
import { explainFromConnectRow } from "../../explain/request";

export function UnreachableTargetCard({
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
