/**
 * A target out of reach from this VPC: the check's verdict (the hop it fails
 * at, or what could not be read), why, and the fix — one click when the check
 * carries the change ("associate this VPC") — with "Explain" and "Locate".
 */
import type { UnreachableTarget } from "@lattice-atlas/shared";
import { memo } from "react";
import { Toolbar } from "../../../lib/ui/Toolbar";
import { ExplainButton } from "../../explain/components/ExplainButton";
import { explainFromConnectRow } from "../../explain/request";
import { RowVerdict, type RowFixProps } from "./RowVerdict";

export const UnreachableTargetCard = memo(function UnreachableTargetCard({
  fromVpcId,
  unreachable,
  onShowNode,
  canChange,
  onFix,
}: {
  fromVpcId: string;
  unreachable: UnreachableTarget;
  onShowNode(id: string): void;
} & RowFixProps) {
  const { target, reason, fix, check } = unreachable;
  return (
    <article
      className="target-card target-card--unreachable"
      data-testid="unreachable-target"
      data-target-id={target.id}
      data-verdict={check.verdict}
    >
      <header className="target-card__head">
        <div>
          <div className="target-card__name">{target.name}</div>
          <div className="target-card__desc">{target.description}</div>
        </div>
        <Toolbar className="target-card__actions" label={`Check and place of ${target.name}`}>
          <ExplainButton
            params={explainFromConnectRow(fromVpcId, target.id)}
            label={`Explain, hop by hop, why ${target.name} is out of reach`}
            testId="explain-target"
          />
          <button type="button" className="link-button" onClick={() => onShowNode(target.id)}>
            Locate
          </button>
        </Toolbar>
      </header>
      <RowVerdict
        check={check}
        targetName={target.name}
        why={reason}
        fixText={fix}
        canChange={canChange}
        onFix={onFix}
        onShowNode={onShowNode}
      />
    </article>
  );
});
