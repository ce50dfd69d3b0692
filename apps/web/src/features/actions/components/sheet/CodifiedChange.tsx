/**
 * The change as code: the exact AWS API calls, and the same change as AWS
 * CLI, Terraform and CloudFormation, each with a Copy button. Open while the
 * change is planned; once it was sent, the calls named in one line and the
 * rest folded under a heading that says so (a disclosure, marked as one), one
 * click away.
 */
import type { PlanResponse } from "@lattice-atlas/shared";
import { CopyButton } from "../../../../lib/ui/CopyButton";

const CODE_BLOCKS = [
  { key: "cli", title: "AWS CLI" },
  { key: "terraform", title: "Terraform" },
  { key: "cloudformation", title: "CloudFormation" },
] as const;

export function CodifiedChange({ plan, sent = false }: { plan: PlanResponse; sent?: boolean }) {
  const calls = JSON.stringify(
    plan.calls.map((c) => ({ service: c.service, operation: c.operation, input: c.input })),
    null,
    2,
  );
  const sentLine = sent ? (
    // Once sent, the calls are named in plain sight: the folded disclosure below is never a heading over nothing.
    <p className="codified__sent" data-testid="sent-calls">
      Sent {plan.calls.length === 1 ? "one AWS API call" : `${plan.calls.length} AWS API calls`}:{" "}
      {plan.calls.map((c, i) => (
        <code key={i}>
          {c.service}:{c.operation}
          {i < plan.calls.length - 1 ? ", " : ""}
        </code>
      ))}
    </p>
  ) : null;
  return (
    <>
      {sentLine}
      <details className="codified" open={!sent}>
        <summary className="panel__heading" data-testid="codified-summary">
          {sent ? "What was sent, and the same change as code" : "What is sent, and the same change as code"}
        </summary>
        <div className="codified__block" data-testid="aws-calls">
          <div className="codified__head">
            <span>
              AWS API call{plan.calls.length === 1 ? "" : "s"}:{" "}
              {plan.calls.map((c) => (
                <code key={c.operation}>
                  {c.service}:{c.operation}{" "}
                </code>
              ))}
            </span>
            <CopyButton value={calls} label="Copy the AWS API calls" testId="copy-calls" />
          </div>
          {/* Focusable: a long line scrolls sideways, by keyboard too. */}
          <pre className="code-block" tabIndex={0} aria-label="The AWS API calls">
            {calls}
          </pre>
        </div>
        {CODE_BLOCKS.map(({ key, title }) => (
          <div key={key} className="codified__block" data-testid={`codified-${key}`}>
            <div className="codified__head">
              <span>{title}</span>
              <CopyButton value={plan[key]} label={`Copy the ${title}`} testId={`copy-${key}`} />
            </div>
            <pre className="code-block" tabIndex={0} aria-label={title}>
              {plan[key]}
            </pre>
          </div>
        ))}
        <p className="hint">{plan.idempotency}</p>
      </details>
    </>
  );
}
