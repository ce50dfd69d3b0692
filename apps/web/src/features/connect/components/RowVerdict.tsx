/**
 * A Connect row's verdict, from the same hop-by-hop check as "Explain": ✔ and
 * the port; ✘ "fails at hop N — <title>" with the hop's subject (shown on the
 * diagram on click), why, and the one-click Fix that opens the change sheet
 * with the check's ready action; ? "cannot tell" with each undecided hop and
 * the reads it misses.
 */
import type { Action, RowCheck } from "@lattice-atlas/shared";
import { fixLabel } from "../../actions/kinds";
import { undecidedHops, verdictLine } from "../verdicts";

export interface RowFixProps {
  /** Changes are allowed from this console (else the Fix stays text; the answer says why once). */
  canChange: boolean;
  onFix(action: Action): void;
}

export function RowVerdict({
  check,
  targetName,
  why,
  fixText,
  canChange,
  onFix,
  onShowNode,
}: {
  check: RowCheck;
  targetName: string;
  /** What the row says went wrong (the failing hop's detail, or the API's reason for a target out of reach). */
  why?: string | undefined;
  /** The fix in words (the failing hop's, or the API's fix for a target out of reach). */
  fixText?: string | undefined;
  onShowNode(id: string): void;
} & RowFixProps) {
  const line = verdictLine(check);
  const failing = check.failing;
  const action = failing?.fix?.action;
  return (
    <div
      className={`row-verdict row-verdict--${line.tone}`}
      data-testid="row-verdict"
      data-verdict={check.verdict}
      {...(failing ? { "data-failing-step": failing.step } : {})}
    >
      <p className="row-verdict__line">
        <span className="row-verdict__mark" aria-hidden="true">
          {line.mark}
        </span>
        <span className="row-verdict__text">{line.text}</span>
        {failing?.subject ? (
          <button
            type="button"
            className="link-button row-verdict__subject"
            title={`Show ${failing.subject.label} (${failing.subject.id}) on the diagram`}
            onClick={() => onShowNode(failing.subject!.id)}
          >
            {failing.subject.label}
          </button>
        ) : null}
      </p>
      {check.verdict === "unknown" ? <Undecided check={check} /> : null}
      {why ? (
        <p className="row-verdict__why">
          <strong>Why:</strong> {why}
        </p>
      ) : null}
      {fixText || action ? (
        <div className="row-verdict__fix">
          {fixText ? (
            <p>
              <strong>Fix:</strong> {fixText}
            </p>
          ) : null}
          {action && canChange ? (
            <button
              type="button"
              className="button button--small button--primary"
              data-testid="row-fix"
              data-action={action.type}
              aria-label={`${fixLabel(action)} (for ${targetName})`}
              onClick={() => onFix(action)}
            >
              {fixLabel(action)}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function Undecided({ check }: { check: RowCheck }) {
  const hops = undecidedHops(check);
  if (hops.length === 0) return null;
  return (
    <ul className="row-verdict__undecided">
      {hops.map((hop) => (
        <li key={hop.step} data-testid="row-cannot-tell" data-step={hop.step}>
          Hop {hop.step} — {hop.title}: {hop.detail}
          {hop.unread.length > 0 ? (
            <>
              {" "}
              Not read: <code>{hop.unread.join(", ")}</code>.
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
