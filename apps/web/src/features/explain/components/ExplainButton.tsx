/** "Explain": opens the connectivity check for a Connect-from row or a target (see ExplainPanel). */
import { openExplain } from "../open-explain";
import type { ExplainParams } from "../request";
import "../explain.css";

interface ExplainButtonProps {
  params: ExplainParams;
  /** The accessible name: what is explained ("Explain the path to zenn-aurora-rcfg-dev-writer"). */
  label: string;
  testId: string;
}

export function ExplainButton({ params, label, testId }: ExplainButtonProps) {
  return (
    <button
      type="button"
      className="button button--small explain-button"
      data-testid={testId}
      {...(params.hostname ? { "data-hostname": params.hostname } : {})}
      aria-label={label}
      title={label}
      onClick={() => openExplain(params)}
    >
      Explain
    </button>
  );
}
