/**
 * The audit log: every change, refused and replayed request, newest first, a page at a time; the ids of each line
 * named from the topology on screen, a filter, and Undo for a creation that can be undone (see audit-view.ts).
 */
import type { Action, AuditEntry } from "@lattice-atlas/shared";
import { useInfiniteQuery } from "@tanstack/react-query";
import { memo, useState } from "react";
import { formatTime } from "../../../lib/format";
import { CopyButton } from "../../../lib/ui/CopyButton";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import {
  matchesAuditFilter,
  OUTCOME_FILTERS,
  resourceName,
  subjectParts,
  undoFor,
  type AuditContext,
  type OutcomeFilter,
} from "../audit-view";
import { actionLabel } from "../kinds";
import { auditQuery } from "../queries";
import "./audit.css";

const OUTCOME_CLASS: Record<AuditEntry["outcome"], string> = {
  succeeded: "status-ok",
  failed: "status-failed",
  refused: "status-failed",
  replayed: "status-other",
};

interface AuditPanelProps {
  /** The source, region and names of the topology on screen (absent while it is read). */
  context?: AuditContext | undefined;
  /** Whether changes are allowed here (Undo opens the change sheet), and how to open it. */
  canChange?: boolean;
  onUndo?(action: Action): void;
}

const AuditRow = memo(function AuditRow({
  entry,
  context,
  canChange,
  onUndo,
}: {
  entry: AuditEntry;
  context: AuditContext | undefined;
  canChange: boolean;
  onUndo: ((action: Action) => void) | undefined;
}) {
  const label = actionLabel(entry.action);
  const parts = subjectParts(entry, context);
  const madeName = resourceName(entry, context);
  const undo = canChange && onUndo ? undoFor(entry, context) : undefined;
  return (
    <li
      className="audit-entry"
      data-testid="audit-entry"
      data-action={entry.action}
      data-outcome={entry.outcome}
      data-resource-id={entry.resourceId ?? ""}
    >
      <div className="audit-entry__head">
        <time dateTime={entry.at} title={entry.at}>
          {formatTime(entry.at, "second")}
        </time>
        <span className={`status-badge ${OUTCOME_CLASS[entry.outcome]}`}>{entry.outcome}</span>
      </div>
      <div className="audit-entry__what" data-testid="audit-subject">
        <strong>{label}</strong>{" "}
        {parts.map((part, i) =>
          "text" in part ? (
            <span key={i}>{part.text}</span>
          ) : part.name ? (
            <span key={i} className="audit-entry__named" data-testid="audit-name" data-id={part.id}>
              {part.name} <code>{part.id}</code>
            </span>
          ) : (
            <code key={i}>{part.id}</code>
          ),
        )}
      </div>
      <div className="audit-entry__meta muted">
        {entry.source} · {entry.accountId ? `account ${entry.accountId} · ` : ""}
        {entry.region}
        {entry.user ? (
          <>
            {" · by "}
            <span data-testid="audit-user">{entry.user}</span>
          </>
        ) : null}
        {entry.roleSessionName ? (
          <>
            {" · AWS session "}
            <code
              data-testid="audit-role-session"
              title="The role session name AWS recorded (CloudTrail's userIdentity)"
            >
              {entry.roleSessionName}
            </code>
          </>
        ) : null}
      </div>
      <div className="audit-entry__result">
        {entry.errorCode ? (
          <>
            Error <code>{entry.errorCode}</code>
            {entry.awsCode ? (
              <>
                {" "}
                (AWS <code>{entry.awsCode}</code>)
              </>
            ) : null}
          </>
        ) : entry.resourceId ? (
          <>
            {madeName ? <span data-testid="audit-resource-name">{madeName} </span> : null}
            <code>{entry.resourceId}</code>
            {entry.status ? <span className="muted"> · {entry.status}</span> : null}
            {entry.finalStatus && entry.finalStatus !== entry.status ? (
              <span
                className={entry.finalPhase === "failed" ? "audit-entry__final status-failed" : "audit-entry__final"}
                data-testid="audit-final"
                title={entry.settledAt ? `Seen settled at ${entry.settledAt}` : undefined}
              >
                {" "}
                → {entry.finalStatus}
              </span>
            ) : null}
          </>
        ) : null}
      </div>
      {entry.failureReason ? <div className="audit-entry__reason">{entry.failureReason}</div> : null}
      {entry.requestId ? (
        <div className="audit-entry__request muted">
          request id <code>{entry.requestId}</code>{" "}
          <CopyButton value={entry.requestId} label={`Copy request id ${entry.requestId}`} />
        </div>
      ) : null}
      {undo ? (
        <button
          type="button"
          className="button button--small audit-entry__undo"
          data-testid="audit-undo"
          aria-label={`Undo: ${actionLabel(undo.type)} ${entry.resourceId ?? ""}`}
          onClick={() => onUndo?.(undo)}
        >
          Undo…
        </button>
      ) : null}
      <details className="audit-entry__input">
        <summary>Input</summary>
        <pre className="code-block">{JSON.stringify(entry.input, null, 2)}</pre>
      </details>
    </li>
  );
});

export default function AuditPanel({ context, canChange = false, onUndo }: AuditPanelProps) {
  const audit = useInfiniteQuery(auditQuery());
  const [text, setText] = useState("");
  const [outcome, setOutcome] = useState<OutcomeFilter>("all");
  const loaded = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  const entries = loaded.filter((entry) => matchesAuditFilter(entry, { text, outcome }, context));
  return (
    <div className="panel__body audit" data-testid="audit-panel">
      <h2 className="details__name">Audit log</h2>
      <p className="hint">
        Every change this server made or refused, newest first: when, where, what, and what AWS answered. It survives
        restarts (it lives in the server&apos;s data folder).
      </p>
      <div className="audit-filter" role="search" aria-label="Filter the audit log">
        <input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Filter: name, id, action…"
          aria-label="Filter the audit log by name, id or action"
          data-testid="audit-filter"
        />
        <select
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as OutcomeFilter)}
          aria-label="Outcome"
          data-testid="audit-outcome"
        >
          {OUTCOME_FILTERS.map((o) => (
            <option key={o} value={o}>
              {o === "all" ? "Every outcome" : o}
            </option>
          ))}
        </select>
      </div>
      {loaded.length > 0 && entries.length < loaded.length ? (
        <p className="muted" data-testid="audit-filtered">
          {entries.length} of the {loaded.length} entries read match
          {audit.hasNextPage ? " (older entries are not read yet)" : ""}.
        </p>
      ) : null}
      {audit.isError ? <ErrorNotice error={audit.error} /> : null}
      {audit.isPending ? <p className="muted">Reading the audit log…</p> : null}
      {audit.isSuccess && entries.length === 0 ? (
        <p className="muted" data-testid="audit-empty">
          No changes yet.
        </p>
      ) : null}
      <ol className="audit-list">
        {entries.map((entry) => (
          <AuditRow key={entry.id} entry={entry} context={context} canChange={canChange} onUndo={onUndo} />
        ))}
      </ol>
      {audit.hasNextPage ? (
        <button
          type="button"
          className="button button--small"
          data-testid="audit-more"
          disabled={audit.isFetchingNextPage}
          onClick={() => void audit.fetchNextPage()}
        >
          {audit.isFetchingNextPage ? "Loading…" : "Older entries"}
        </button>
      ) : null}
    </div>
  );
}
