/**
 * "Reachable from", in the details of a resource configuration, an Aurora
 * cluster or endpoint, or a Lattice service: every VPC with a way in to it
 * (GET /api/reachable-from, the reverse of "Connect from…" and the same
 * check), by which pattern, the name to use there (to copy) and the check's
 * verdict. A VPC's name selects it on the diagram; "Explain" opens the check.
 */
import type { ReachableFromAnswer, ReachingVpc } from "@lattice-atlas/shared";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { CopyButton } from "../../../lib/ui/CopyButton";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import { ExplainButton } from "../../explain/components/ExplainButton";
import { explainFromConnectRow } from "../../explain/request";
import type { SourceTarget } from "../../topology/target";
import { reachableFromQuery } from "../queries";
import { verdictLine } from "../verdicts";
import { PatternBadge } from "./PatternBadge";

interface ReachableFromSectionProps {
  target: SourceTarget;
  /** The configuration, service, Aurora cluster or endpoint whose details are open. */
  nodeId: string;
  onSelect(id: string): void;
}

export function ReachableFromSection({ target, nodeId, onSelect }: ReachableFromSectionProps) {
  const titleId = useId();
  const answer = useQuery({ ...reachableFromQuery(target, nodeId), enabled: !target.snapshot });
  const vpcs = answer.data ? byVpc(answer.data) : [];
  return (
    <section
      className="details__section reachable-from"
      aria-labelledby={titleId}
      aria-busy={answer.isFetching}
      data-testid="reachable-from"
    >
      <h3 id={titleId} className="panel__heading">
        Reachable from{answer.data ? ` (${vpcs.length} VPC${vpcs.length === 1 ? "" : "s"})` : ""}
      </h3>
      {target.snapshot ? (
        <p className="muted">Not worked out for a snapshot: open “Connect from…” on each VPC instead.</p>
      ) : answer.isPending ? (
        <p className="muted">Finding the VPCs that reach it…</p>
      ) : answer.isError ? (
        <ErrorNotice error={answer.error} onRetry={() => void answer.refetch()} />
      ) : (
        <>
          {vpcs.length === 0 ? (
            <p className="muted">No VPC has a way in to it: nothing associates a VPC or an endpoint with it yet.</p>
          ) : (
            <ul className="reachable-from__vpcs">
              {vpcs.map(({ vpc, rows }) => (
                <li key={vpc.id} data-testid="reachable-from-vpc" data-vpc-id={vpc.id} data-vpc-name={vpc.name}>
                  <button
                    type="button"
                    className="link-button reachable-from__vpc"
                    title={`Select ${vpc.name} (${vpc.id}) on the diagram`}
                    onClick={() => onSelect(vpc.id)}
                  >
                    {vpc.name}
                  </button>{" "}
                  <code className="muted">{vpc.id}</code>
                  <ul className="reachable-from__rows">
                    {rows.map((row) => (
                      <ReachingRow key={`${row.target.id}|${row.via.id}|${row.hostname}`} row={row} nodeId={nodeId} />
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          {answer.data.notes.length > 0 ? (
            <ul className="notes">
              {answer.data.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}

function ReachingRow({ row, nodeId }: { row: ReachingVpc; nodeId: string }) {
  const line = verdictLine(row.check);
  return (
    <li
      className="reachable-from__row"
      data-testid="reachable-from-row"
      data-target-id={row.target.id}
      data-pattern={row.pattern}
      data-hostname={row.hostname}
      data-verdict={row.check.verdict}
    >
      <div className="reachable-from__facts">
        <PatternBadge pattern={row.pattern} />
        {/* A cluster or a GROUP is reached through its writer, reader or children: say which. */}
        {row.target.id !== nodeId ? <span>{row.target.name}</span> : null}
        {row.port !== undefined ? <span className="muted">port {row.port}</span> : null}
        <span className={`reachable-from__verdict row-verdict--${line.tone}`} data-testid="reachable-from-verdict">
          <span aria-hidden="true">{line.mark}</span> {line.text}
        </span>
      </div>
      <div className="hostname__line">
        <code className="hostname__name">{row.hostname}</code>
        <CopyButton
          value={row.hostname}
          label={`Copy hostname ${row.hostname} (from ${row.vpc.name})`}
          testId="copy-reachable-name"
        />
        <ExplainButton
          params={explainFromConnectRow(row.vpc.id, row.target.id, row.hostname)}
          label={`Explain, hop by hop, ${row.hostname} from ${row.vpc.name}`}
          testId="explain-reachable"
        />
      </div>
    </li>
  );
}

/** The rows under their VPC, VPCs and rows in the API's order. */
function byVpc(answer: ReachableFromAnswer): Array<{ vpc: ReachingVpc["vpc"]; rows: ReachingVpc[] }> {
  const groups = new Map<string, { vpc: ReachingVpc["vpc"]; rows: ReachingVpc[] }>();
  for (const row of answer.vpcs) {
    const group = groups.get(row.vpc.id) ?? { vpc: row.vpc, rows: [] };
    group.rows.push(row);
    groups.set(row.vpc.id, group);
  }
  return [...groups.values()];
}
