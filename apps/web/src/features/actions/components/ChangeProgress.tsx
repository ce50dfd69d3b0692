/**
 * Where a change stands, in sentences: AWS's status word, what it means, the
 * DNS names as soon as AWS issues them, the failure with its reason and the
 * "delete and recreate" offer, or — when polling gave up — that it is still
 * in progress and where to look. Used by the sheet and the details panel.
 */
import type { Action } from "@lattice-atlas/shared";
import { CopyButton } from "../../../lib/ui/CopyButton";
import { errorTitle } from "../../../lib/api-error";
import { ConsoleLink, emulatedSource } from "../../details/components/ConsoleLink";
import { StatusBadge } from "../../topology/nodes/node-parts";
import { actionKind, isRemoval } from "../kinds";
import type { PendingChange } from "../pending-changes";

interface ChangeProgressProps {
  change: PendingChange;
  /** The AWS console page of the resource, for "check the AWS console". */
  consoleUrl?: string | undefined;
  /** "Delete and recreate": the removal (then the creation again). */
  onRecover?(removal: Action, recreate: Action): void;
  onResume(key: string): void;
  compact?: boolean;
}

function headline(change: PendingChange): string {
  const removal = isRemoval(change.action);
  switch (change.phase) {
    case "pending":
      return change.status === "NOT_YET_VISIBLE"
        ? "AWS accepted the request; the resource is not listed yet (eventual consistency). Checking again…"
        : "AWS is creating it. Checking again in a moment (after 1 s, 2 s, 4 s …).";
    case "deleting":
      return "AWS is removing it. Checking again in a moment.";
    case "ready":
      return change.kind === "securityGroupRule" ? "The rule is in place." : "Ready: AWS reports it active.";
    case "failed":
      return removal ? "AWS could not remove it." : "AWS could not create it.";
    case "deleted":
      return "Removed: AWS no longer has it.";
    case "not-found":
      return removal ? "Removed: AWS no longer lists it." : "AWS does not list it (any more).";
    case "timeout":
      return emulatedSource(change.target.source)
        ? "Still in progress after several minutes: this console stopped asking. Ask again."
        : "Still in progress after several minutes: this console stopped asking. Check the AWS console, or ask again.";
  }
}

export function ChangeProgress({ change, consoleUrl, onRecover, onResume, compact = false }: ChangeProgressProps) {
  const recreate = change.action;
  return (
    <div
      className={`change-progress change-progress--${change.phase}${compact ? " change-progress--compact" : ""}`}
      data-testid="change-progress"
      data-phase={change.phase}
      data-status={change.status}
      data-resource-id={change.id}
    >
      <div className="change-progress__head">
        <span className="change-progress__what">
          {actionKind(change.action.type).label} <code>{change.id}</code>
        </span>
        <StatusBadge status={change.status} />
      </div>
      <p className="change-progress__line" aria-live="polite">
        {headline(change)}
      </p>
      {change.phase === "failed" ? (
        <div className="change-progress__failure" role="alert">
          <p>
            {change.failureReason ?? "AWS gave no reason."}
            {change.failureCode ? (
              <>
                {" "}
                <code>{change.failureCode}</code>
              </>
            ) : null}
          </p>
          {change.recovery && onRecover && !isRemoval(recreate) ? (
            <button
              type="button"
              className="button button--small"
              data-testid="recover-button"
              onClick={() => onRecover(change.recovery!.action, recreate)}
            >
              Delete and recreate…
            </button>
          ) : null}
          {change.recovery ? <p className="hint">{change.recovery.label}.</p> : null}
        </div>
      ) : null}
      {change.phase === "timeout" ? (
        <div className="button-row">
          {consoleUrl ? (
            <ConsoleLink
              url={consoleUrl}
              title="The resource's page in the AWS console"
              emulated={emulatedSource(change.target.source)}
              testId="change-console-link"
            />
          ) : null}
          <button type="button" className="button button--small" onClick={() => onResume(change.key)}>
            Check again
          </button>
        </div>
      ) : null}
      {change.pollError && !change.done ? (
        <p className="hint" data-testid="poll-error">
          The last status check failed ({errorTitle(change.pollError.code)}, <code>{change.pollError.code}</code>):{" "}
          {change.pollError.message} Asking again on schedule.
        </p>
      ) : null}
      {change.dnsEntries.length > 0 ? (
        <div className="change-progress__dns">
          <div className="eyebrow">DNS names AWS issued</div>
          <ul className="plain-list">
            {change.dnsEntries.map((entry) => (
              <li key={entry.name} className="dns-entry" data-testid="change-dns-entry" data-hostname={entry.name}>
                <span className="copyable">
                  <code>{entry.name}</code>
                  <CopyButton value={entry.name} label={`Copy DNS name ${entry.name}`} />
                </span>
                <span className="muted">
                  {entry.private ? " private DNS" : ""}
                  {entry.reaches ? ` → ${entry.reaches.split("/").pop()}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : change.phase === "pending" && change.kind !== "vpcAssociation" && change.kind !== "securityGroupRule" ? (
        <p className="hint">Its DNS names appear here as soon as AWS issues them.</p>
      ) : null}
      {!compact ? (
        <p className="hint">
          Request token <code>{change.clientToken}</code>
          {change.requestId ? (
            <>
              {" "}
              · AWS request id <code>{change.requestId}</code>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
