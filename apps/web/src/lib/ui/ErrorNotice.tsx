/** An error in human sentences, with the code (and the AWS detail when there is one). */
import type { ReactNode } from "react";
import { errorTitle, toApiError } from "../api-error";

interface ErrorNoticeProps {
  error: unknown;
  /** Something to do about it (shown under the message). */
  action?: ReactNode;
  /** Offers "Try again" (a small button with `compact`). */
  onRetry?: (() => void) | undefined;
  compact?: boolean;
}

export function ErrorNotice({ error, action, onRetry, compact = false }: ErrorNoticeProps) {
  const e = toApiError(error);
  return (
    <div className="error-notice" role="alert" data-testid="error-notice" data-error-code={e.code}>
      <p className="error-notice__title">
        {errorTitle(e.code)} <code className="error-notice__code">{e.code}</code>
      </p>
      <p className="error-notice__message">{e.message}</p>
      {e.hint ? <p className="error-notice__hint">{e.hint}</p> : null}
      {e.iamAction || e.quotaCode || e.awsCode || e.requestId ? (
        <p className="error-notice__aws">
          {e.iamAction ? (
            <>
              IAM action to grant: <code data-testid="error-iam-action">{e.iamAction}</code>.{" "}
            </>
          ) : null}
          {e.quotaCode ? (
            <>
              Service quota: <code data-testid="error-quota-code">{e.quotaCode}</code> (raise it in Service
              Quotas).{" "}
            </>
          ) : null}
          {e.awsCode ? (
            <>
              AWS code: <code>{e.awsCode}</code>.{" "}
            </>
          ) : null}
          {e.requestId ? (
            <>
              Request id: <code>{e.requestId}</code>.
            </>
          ) : null}
        </p>
      ) : null}
      {action}
      {onRetry ? (
        <button type="button" className={compact ? "button button--small" : "button"} onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
