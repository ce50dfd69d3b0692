/** The plan of the change on the form: what it does in one line, the checks' findings, and the change as code. */
import type { Action, PlanResponse } from "@lattice-atlas/shared";
import type { UseQueryResult } from "@tanstack/react-query";
import { ErrorNotice } from "../../../../lib/ui/ErrorNotice";
import { CodifiedChange } from "./CodifiedChange";
import { PlanFindings } from "./PlanFindings";

interface PlanSectionProps {
  plan: UseQueryResult<PlanResponse>;
  /** The plan shown is the plan of the change on the form (else it is dimmed while the next is asked). */
  current: boolean;
  canChange: boolean;
  onAlternative(action: Action): void;
}

export function PlanSection({ plan, current, canChange, onAlternative }: PlanSectionProps) {
  return (
    <section
      className="sheet__plan"
      aria-label="Plan"
      aria-busy={plan.isFetching}
      data-testid="plan"
      data-plan={current && !plan.isFetching ? "current" : "checking"}
    >
      {plan.isError ? (
        <ErrorNotice
          error={plan.error}
          action={
            <button type="button" className="button button--small" onClick={() => void plan.refetch()}>
              Check again
            </button>
          }
        />
      ) : null}
      {plan.data ? (
        <div className={current ? undefined : "is-stale"}>
          <p className="sheet__summary" data-testid="plan-summary">
            {plan.data.summary}
          </p>
          <PlanFindings findings={plan.data.findings} onAlternative={onAlternative} canChange={canChange} />
          <CodifiedChange plan={plan.data} />
        </div>
      ) : plan.isFetching ? (
        <p className="muted">Checking the change against the topology…</p>
      ) : null}
    </section>
  );
}
