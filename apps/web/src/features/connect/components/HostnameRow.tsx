/** The rows of names in a "Connect from…" answer: a name that works (Copy, the ready command, "Explain"), or one that does not. */
import type { Hostname } from "@lattice-atlas/shared";
import { DnsName } from "../../../lib/ui/DnsName";
import { CopyButton } from "../../../lib/ui/CopyButton";
import { fixLabel } from "../../actions/kinds";
import { ExplainButton } from "../../explain/components/ExplainButton";
import { explainFromConnectRow } from "../../explain/request";
import { nameUse } from "../verdicts";
import { PatternBadge } from "./PatternBadge";
import type { RowFixProps } from "./RowVerdict";

/**
 * A name that resolves from this VPC: pattern, port, private or generated, via what, and the ready command; when the
 * check fails its path, the hop it fails at (the name is right, the connection would time out).
 */
export function HostnameRow({
  fromVpcId,
  targetId,
  hostname: h,
}: {
  fromVpcId: string;
  targetId: string;
  hostname: Hostname;
}) {
  const use = nameUse(h);
  return (
    <li
      className={`hostname${use === "use" ? "" : ` hostname--${use}`}`}
      data-testid="hostname-row"
      data-hostname={h.hostname}
      data-pattern={h.pattern}
      data-path-verdict={h.path?.verdict}
    >
      <div className="hostname__line">
        <DnsName name={h.hostname} className="hostname__name" />
        <CopyButton value={h.hostname} label={`Copy hostname ${h.hostname}`} testId="copy-hostname" />
        <ExplainButton
          params={explainFromConnectRow(fromVpcId, targetId, h.hostname)}
          label={`Explain, hop by hop, ${h.hostname} from here`}
          testId="explain-hostname"
        />
      </div>
      <div className="hostname__facts">
        {use === "blocked" ? (
          <span className="hostname__path hostname__path--bad" data-testid="hostname-path">
            ✘ path fails at hop {h.path?.failingStep ?? "?"}
          </span>
        ) : use === "unsure" ? (
          <span className="hostname__path hostname__path--unknown" data-testid="hostname-path">
            ? path cannot be checked
          </span>
        ) : null}
        <PatternBadge pattern={h.pattern} />
        {h.port !== undefined ? <span>port {h.port}</span> : null}
        <span>{h.privateDns ? "private DNS name" : "generated name"}</span>
        <span className="muted" title={`${h.source.api} → ${h.source.field}`}>
          via <code>{h.via.id}</code>
          {h.via.accountId ? (
            <>
              {" "}
              in account <code>{h.via.accountId}</code>
            </>
          ) : null}
        </span>
      </div>
      {h.command ? (
        <div className="command">
          <code className="command__text">{h.command}</code>
          <CopyButton value={h.command} label={`Copy command for ${h.hostname}`} testId="copy-command" />
        </div>
      ) : null}
    </li>
  );
}

/**
 * A name that looks right from this VPC but does not work: why, what it resolves to, "Explain", and — when a change
 * would make it work (private DNS on, the domain verified or listed) — that change as a one-click Fix.
 */
export function NotWorkingRow({
  fromVpcId,
  targetId,
  hostname: h,
  canChange,
  onFix,
}: {
  fromVpcId: string;
  targetId: string;
  hostname: Hostname;
} & RowFixProps) {
  const action = h.fix?.action;
  return (
    <li className="hostname hostname--bad" data-testid="not-working-row" data-hostname={h.hostname}>
      <div className="hostname__line">
        <DnsName name={h.hostname} className="hostname__name" />
        <PatternBadge pattern={h.pattern} />
        <ExplainButton
          params={explainFromConnectRow(fromVpcId, targetId, h.hostname)}
          label={`Explain why ${h.hostname} does not work from here`}
          testId="explain-hostname"
        />
      </div>
      {h.reason ? <p className="hostname__reason">{h.reason}</p> : null}
      {h.resolvesTo && h.resolvesTo.length > 0 ? (
        <p className="hostname__resolves" data-testid="hostname-resolves">
          From this VPC, this name resolves to <code>{h.resolvesTo.join(", ")}</code>
        </p>
      ) : null}
      {h.fix ? (
        <div className="row-verdict__fix" data-testid="name-fix">
          <p>
            <strong>Fix:</strong> {h.fix.text}
          </p>
          {action && canChange ? (
            <button
              type="button"
              className="button button--small button--primary"
              data-testid="name-fix-button"
              data-action={action.type}
              aria-label={`${fixLabel(action)} (for ${h.hostname})`}
              onClick={() => onFix(action)}
            >
              {fixLabel(action)}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
