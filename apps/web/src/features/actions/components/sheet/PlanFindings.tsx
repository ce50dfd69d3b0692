/** The checks' findings on a change, blocking first; an alternative (another change that solves it) is one click away. */
import type { Action, Finding } from "@lattice-atlas/shared";

const SEVERITY_ORDER: Record<Finding["severity"], number> = { blocking: 0, warning: 1, info: 2 };
const SEVERITY_LABEL: Record<Finding["severity"], string> = { blocking: "Blocks", warning: "Warning", info: "Note" };

export function PlanFindings({
  findings,
  onAlternative,
  canChange,
}: {
  findings: Finding[];
  onAlternative(action: Action): void;
  canChange: boolean;
}) {
  if (findings.length === 0)
    return (
      <p className="finding finding--clear" data-testid="no-findings">
        The checks found nothing in the way.
      </p>
    );
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <section aria-label="Findings">
      <h3 className="panel__heading">Checks</h3>
      <ul className="findings">
        {sorted.map((f, i) => (
          <li
            key={`${f.code}-${f.subject ?? ""}-${i}`}
            className={`finding finding--${f.severity}`}
            data-testid="finding"
            data-code={f.code}
            data-severity={f.severity}
          >
            <div className="finding__head">
              <span className={`finding__severity finding__severity--${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>
              <code className="finding__code">{f.code}</code>
            </div>
            <p className="finding__message">{f.message}</p>
            <p className="finding__fix">{f.fix}</p>
            {f.alternative && canChange ? (
              <button
                type="button"
                className="button button--small"
                data-testid="finding-alternative"
                data-alternative-type={f.alternative.action.type}
                onClick={() => onAlternative(f.alternative!.action)}
              >
                {f.alternative.label}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
