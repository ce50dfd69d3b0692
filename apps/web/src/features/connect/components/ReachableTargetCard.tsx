/**
 * One target with a way in from this VPC: what it is, "Show path", "Explain"
 * and "Locate", the check's verdict (RowVerdict: ✔, or ✘ at a hop with its
 * one-click Fix, or ? with what was not read), the names that work from here
 * (HostnameRow) and the names that look right but do not (NotWorkingRow). A
 * name is offered as "use this name" only when the check passes its path; a
 * name on a failing path shows the hop it fails at.
 */
import type { ReachableTarget } from "@lattice-atlas/shared";
import { memo } from "react";
import { Toolbar } from "../../../lib/ui/Toolbar";
import { ExplainButton } from "../../explain/components/ExplainButton";
import { explainFromConnectRow } from "../../explain/request";
import { namesByUse } from "../verdicts";
import { HostnameRow, NotWorkingRow } from "./HostnameRow";
import { RowVerdict, type RowFixProps } from "./RowVerdict";

export const ReachableTargetCard = memo(function ReachableTargetCard({
  fromVpcId,
  reachable,
  highlighted,
  onPathTarget,
  onShowNode,
  canChange,
  onFix,
}: {
  fromVpcId: string;
  reachable: ReachableTarget;
  highlighted: boolean;
  onPathTarget(id: string | undefined): void;
  onShowNode(id: string): void;
} & RowFixProps) {
  const { target, hostnames, notWorking, check } = reachable;
  const names = namesByUse(hostnames);
  const failingStep = check.failing?.step;
  const rows = (list: typeof hostnames) =>
    list.map((h) => (
      <HostnameRow key={`${h.hostname}|${h.via.id}`} fromVpcId={fromVpcId} targetId={target.id} hostname={h} />
    ));
  return (
    <article
      className={`target-card target-card--${check.verdict}${highlighted ? " is-highlighted" : ""}`}
      data-testid="reachable-target"
      data-target-id={target.id}
      data-verdict={check.verdict}
      data-owner-account={target.accountId}
    >
      <header className="target-card__head">
        <div>
          <div className="target-card__name">{target.name}</div>
          <div className="target-card__desc">{target.description}</div>
          <div className="target-card__meta">
            <code>{target.id}</code>
            {target.ports.length > 0 ? ` · ${target.protocol ?? ""} ${target.ports.join(", ")}` : ""}
            {target.accountId ? (
              <>
                {" "}
                · owned by account <code data-testid="target-owner">{target.accountId}</code>
              </>
            ) : null}
          </div>
        </div>
        <Toolbar className="target-card__actions" label={`Path, check and place of ${target.name}`}>
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
        </Toolbar>
      </header>
      <RowVerdict
        check={check}
        targetName={target.name}
        why={check.failing?.detail}
        fixText={check.failing?.fix?.text}
        canChange={canChange}
        onFix={onFix}
        onShowNode={onShowNode}
      />
      {names.use.length > 0 ? (
        <>
          <div className="eyebrow eyebrow--ok">
            Use {names.use.length === 1 ? "this name" : `one of these ${names.use.length} names`}
          </div>
          <ul className="hostnames">{rows(names.use)}</ul>
        </>
      ) : null}
      {names.blocked.length > 0 ? (
        <>
          <div className="eyebrow eyebrow--bad">
            {names.blocked.length === 1 ? "The name to use" : "The names to use"}, once the path
            {failingStep !== undefined ? ` fails no more at hop ${failingStep}` : " is fixed"}
          </div>
          <ul className="hostnames hostnames--blocked">{rows(names.blocked)}</ul>
        </>
      ) : null}
      {names.unsure.length > 0 ? (
        <>
          <div className="eyebrow eyebrow--unknown">
            {names.unsure.length === 1 ? "The name to use" : "The names to use"}; whether the path passes cannot be told
          </div>
          <ul className="hostnames hostnames--unsure">{rows(names.unsure)}</ul>
        </>
      ) : null}
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
                canChange={canChange}
                onFix={onFix}
              />
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
});
