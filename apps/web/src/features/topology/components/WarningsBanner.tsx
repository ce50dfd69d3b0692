/** A partial picture says so: what is missing, why, and the IAM action that would fill it. */
import type { Warning } from "@lattice-atlas/shared";
import { useState } from "react";

export function WarningsBanner({ warnings }: { warnings: readonly Warning[] }) {
  const [open, setOpen] = useState(false);
  if (warnings.length === 0) return null;
  const denied = warnings.filter((w) => w.code === "AccessDenied");
  const actions = [...new Set(denied.map((w) => w.iamAction))];
  return (
    <section
      className="banner banner--warning"
      role="status"
      data-testid="warnings-banner"
      aria-label="Partial results"
    >
      <div className="banner__head">
        <strong>
          Partial picture: {warnings.length === 1 ? "one AWS call" : `${warnings.length} AWS calls`} failed.
        </strong>{" "}
        {actions.length > 0 ? (
          <span>
            Grant{" "}
            {actions.map((a, i) => (
              <span key={a}>
                {i > 0 ? ", " : ""}
                <code>{a}</code>
              </span>
            ))}{" "}
            to see everything.
          </span>
        ) : (
          <span>Refresh to try again.</span>
        )}
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? "Hide details" : "What is missing?"}
        </button>
      </div>
      {open ? (
        <ul className="banner__list">
          {warnings.map((w) => (
            <li key={`${w.service}:${w.operation}:${w.message}`}>
              <strong>{w.impact}</strong>{" "}
              <span className="muted">
                ({w.service}:{w.operation}, {w.awsCode ?? w.code})
              </span>
              <div>{w.message}</div>
              <div>
                IAM action: <code>{w.iamAction}</code>
                {w.requestId ? (
                  <>
                    {" "}
                    · request id <code>{w.requestId}</code>
                  </>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
