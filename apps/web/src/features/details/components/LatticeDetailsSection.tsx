/**
 * Read when the details open (GET /api/lattice-details): where the access logs of a service network, service or
 * resource configuration go, and a service's listener rules by priority (the default last). A read that failed
 * says which permission it needs; the rest is shown.
 */
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { CopyButton } from "../../../lib/ui/CopyButton";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import type { SourceTarget } from "../../topology/target";
import { destinationKind, latticeDetailsQuery } from "../lattice-details";

export function LatticeDetailsSection({ target, nodeId }: { target: SourceTarget; nodeId: string }) {
  const titleId = useId();
  const details = useQuery({ ...latticeDetailsQuery(target, nodeId), enabled: !target.snapshot });
  if (target.snapshot) return null;
  return (
    <section className="details__section" aria-labelledby={titleId} data-testid="lattice-details">
      <h3 id={titleId} className="panel__heading">
        Access logs{details.data?.listeners ? " and listener rules" : ""}
      </h3>
      {details.isPending ? (
        <p className="muted">Reading…</p>
      ) : details.isError ? (
        <ErrorNotice error={details.error} onRetry={() => void details.refetch()} />
      ) : (
        <>
          {details.data.accessLogs ? (
            details.data.accessLogs.length === 0 ? (
              <p className="muted" data-testid="access-logs-none">
                No access log subscription: requests are not logged.
              </p>
            ) : (
              <ul className="plain-list" data-testid="access-logs">
                {details.data.accessLogs.map((log) => (
                  <li key={log.id} data-testid="access-log">
                    {destinationKind(log.destinationArn)}
                    {log.logType ? ` (${log.logType} logs)` : ""}: <code>{log.destinationArn}</code>{" "}
                    <CopyButton value={log.destinationArn} label="Copy the destination ARN" />
                  </li>
                ))}
              </ul>
            )
          ) : null}
          {details.data.listeners?.map((listener) => (
            <div key={listener.id} data-testid="listener-rules" data-listener-id={listener.id}>
              <p>
                {listener.name} · {listener.protocol} {listener.port}
              </p>
              {listener.rules ? (
                <ol className="plain-list">
                  {listener.rules.map((rule) => (
                    <li key={rule.name}>
                      {rule.isDefault ? "default" : `priority ${rule.priority ?? "?"}`}: {rule.name}
                    </li>
                  ))}
                </ol>
              ) : null}
            </div>
          ))}
          {details.data.warnings.map((w) => (
            <p key={w.operation} className="hint" data-testid="lattice-details-warning">
              {w.impact} {w.message}
            </p>
          ))}
        </>
      )}
    </section>
  );
}
