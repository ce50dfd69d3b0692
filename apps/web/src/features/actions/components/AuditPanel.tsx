/** The audit log: every change, refused and replayed request, newest first, a page at a time. */
import type { AuditEntry } from "@lattice-atlas/shared";
import { useInfiniteQuery } from "@tanstack/react-query";
import { memo } from "react";
import { formatTime } from "../../../lib/format";
import { CopyButton } from "../../../lib/ui/CopyButton";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import { actionLabel, actionSubject } from "../kinds";
import { auditQuery } from "../queries";

const OUTCOME_CLASS: Record<AuditEntry["outcome"], string> = {
  succeeded: "status-ok",
  failed: "status-failed",
  refused: "status-failed",
  replayed: "status-other",
};

const AuditRow = memo(function AuditRow({ entry }: { entry: AuditEntry }) {
  const label = actionLabel(entry.action);
  const subject = actionSubject({ type: entry.action, ...entry.input });
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
      <div className="audit-entry__what">
        <strong>{label}</strong> <code>{subject}</code>
      </div>
      <div className="audit-entry__meta muted">
        {entry.source} · {entry.accountId ? `account ${entry.accountId} · ` : ""}
        {entry.region}
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
      <details className="audit-entry__input">
        <summary>Input</summary>
        <pre className="code-block">{JSON.stringify(entry.input, null, 2)}</pre>
      </details>
    </li>
  );
});

export default function AuditPanel() {
  const audit = useInfiniteQuery(auditQuery());
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <div className="panel__body audit" data-testid="audit-panel">
      <h2 className="details__name">Audit log</h2>
      <p className="hint">
        Every change this server made or refused, newest first: when, where, what, and what AWS answered. It survives
        restarts (it lives in the server&apos;s data folder).
      </p>
      {audit.isError ? <ErrorNotice error={audit.error} /> : null}
      {audit.isPending ? <p className="muted">Reading the audit log…</p> : null}
      {audit.isSuccess && entries.length === 0 ? (
        <p className="muted" data-testid="audit-empty">
          No changes yet.
        </p>
      ) : null}
      <ol className="audit-list">
        {entries.map((entry) => (
          <AuditRow key={entry.id} entry={entry} />
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
