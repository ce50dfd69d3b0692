/**
 * The connectivity check as a checklist (lazy-loaded): the verdict in words,
 * then the seven hops — client egress, the way in, its security groups, the
 * configuration or listener, the gateway or target group, the resource's own
 * rules or the targets and auth, DNS for the name used — each with what it
 * checked, the rule that allows it, and for a failing hop the fix (a "Fix"
 * button opens the change sheet with the ready action). "Check again" re-reads
 * AWS first; "Copy summary" puts the plain-text check on the clipboard for a
 * ticket. The options (client group, name, port) change the URL, so a copied
 * link reopens the same check.
 */
import type { Action, AnalyzeAnswer, Hop, HopStatus, Topology } from "@lattice-atlas/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from "react";
import { CopyButton } from "../../../lib/ui/CopyButton";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import type { ChangeAccess } from "../../actions/change-access";
import { actionKind, isCreateType } from "../../actions/kinds";
import type { SheetRequest } from "../../actions/sheet-request";
import { PatternBadge } from "../../connect/components/PatternBadge";
import { connectQuery } from "../../connect/queries";
import { NODE_KIND_LABEL } from "../../../lib/node-kinds";
import type { SourceTarget } from "../../topology/target";
import { indexTopology } from "../../topology/topology-index";
import { openExplain } from "../open-explain";
import { checkAgain, explainQuery } from "../queries";
import type { ExplainParams } from "../request";

interface ExplainPanelProps {
  target: SourceTarget;
  topology: Topology;
  params: ExplainParams;
  access: ChangeAccess;
  onStartChange(request: SheetRequest): void;
  onShowNode(id: string): void;
}

const MARK: Record<HopStatus, string> = { pass: "✔", fail: "✘", unknown: "?", skip: "–" };
const STATUS_WORD: Record<HopStatus, string> = {
  pass: "passes",
  fail: "fails",
  unknown: "cannot be checked",
  skip: "skipped",
};
const VERDICT: Record<AnalyzeAnswer["verdict"], { title: string; tone: string }> = {
  reachable: { title: "Reachable", tone: "ok" },
  "not-reachable": { title: "Not reachable", tone: "bad" },
  unknown: { title: "Cannot tell from configuration", tone: "unknown" },
};
const HOSTNAME = /^[A-Za-z0-9.-]{3,255}$/;

function fixLabel(action: Action): string {
  const { label } = actionKind(action.type);
  return isCreateType(action.type) ? `Fix: create the ${label}…` : `Fix: ${label}…`;
}

/** One check per set of params: a new one starts with a clean "Check again". */
export default function ExplainPanel(props: ExplainPanelProps) {
  const { from, to, hostname, clientGroup, port } = props.params;
  return <ExplainCheck key={`${from}|${to}|${hostname ?? ""}|${clientGroup ?? ""}|${port ?? ""}`} {...props} />;
}

function ExplainCheck({ target, topology, params, access, onStartChange, onShowNode }: ExplainPanelProps) {
  const queryClient = useQueryClient();
  const answer = useQuery(explainQuery(target, params));
  const again = useMutation({ mutationFn: () => checkAgain(queryClient, target, params) });
  const index = indexTopology(topology);
  const fromLabel = index.byId.get(params.from)?.label ?? params.from;
  const toLabel = index.byId.get(params.to)?.label ?? params.to;
  const busy = answer.isFetching || again.isPending;

  return (
    <div
      className="panel__body explain"
      data-testid="explain-panel"
      data-from={params.from}
      data-to={params.to}
      aria-busy={busy}
    >
      <div className="eyebrow">Connectivity check</div>
      <h2 className="explain__title">
        {fromLabel} → {toLabel}
      </h2>
      {answer.isPending ? (
        <p className="muted">Checking the path hop by hop…</p>
      ) : answer.isError ? (
        <ErrorNotice error={answer.error} onRetry={() => void answer.refetch()} />
      ) : (
        <Answer
          answer={answer.data}
          params={params}
          target={target}
          topology={topology}
          access={access}
          stale={busy}
          onStartChange={onStartChange}
          onShowNode={onShowNode}
        />
      )}
      {again.isError ? <ErrorNotice error={again.error} /> : null}
      <div className="button-row explain__actions">
        <button
          type="button"
          className="button"
          data-testid="check-again"
          disabled={again.isPending}
          onClick={() => again.mutate()}
          title="Re-read AWS, then check again"
        >
          {again.isPending ? "Checking again…" : "Check again"}
        </button>
        {answer.data ? (
          <CopyButton
            value={answer.data.text}
            label="Copy summary: the check as plain text for a ticket"
            testId="copy-summary"
            className="button"
          >
            Copy summary
          </CopyButton>
        ) : null}
      </div>
    </div>
  );
}

function Answer({
  answer,
  params,
  target,
  topology,
  access,
  stale,
  onStartChange,
  onShowNode,
}: {
  answer: AnalyzeAnswer;
  params: ExplainParams;
  target: SourceTarget;
  topology: Topology;
  access: ChangeAccess;
  stale: boolean;
  onStartChange(request: SheetRequest): void;
  onShowNode(id: string): void;
}) {
  const verdict = VERDICT[answer.verdict];
  const index = indexTopology(topology);
  // The failing hop, with its fix, is what the reader needs next: scroll it into the panel's view once per answer.
  const failing = useRef<HTMLLIElement>(null);
  const firstFailingStep = answer.hops.find((h) => h.status === "fail")?.step;
  useEffect(() => {
    failing.current?.scrollIntoView({ block: "nearest" });
  }, [answer]);
  const group = answer.from.securityGroupId ? index.get(answer.from.securityGroupId, "securityGroup") : undefined;
  return (
    <div className={stale ? "is-stale" : undefined}>
      <div
        className={`verdict verdict--${verdict.tone}`}
        data-testid="verdict"
        data-verdict={answer.verdict}
        role="status"
      >
        <span className="verdict__word">{verdict.title}</span>
        <span className="verdict__summary">{answer.summary}</span>
      </div>

      <dl className="kv explain__facts">
        <dt>From</dt>
        <dd>
          <button type="button" className="link-button" onClick={() => onShowNode(answer.from.vpcId)}>
            {answer.from.name}
          </button>{" "}
          <code>{answer.from.vpcId}</code>
          {answer.from.securityGroupId ? (
            <div data-testid="explain-client-group" data-inferred={answer.from.securityGroupInferred}>
              as {group?.data.groupName ?? "group"} <code>{answer.from.securityGroupId}</code>
              {answer.from.securityGroupInferred ? (
                <span className="muted"> — inferred: the group the way in admits from this VPC</span>
              ) : null}
            </div>
          ) : (
            <div className="muted">No client security group known: name one below.</div>
          )}
        </dd>
        <dt>To</dt>
        <dd>
          <button type="button" className="link-button" onClick={() => onShowNode(answer.target.id)}>
            {answer.target.name}
          </button>{" "}
          <span className="muted">
            {NODE_KIND_LABEL[answer.target.kind as keyof typeof NODE_KIND_LABEL] ?? answer.target.kind}
          </span>{" "}
          <code>{answer.target.id}</code>
        </dd>
        {answer.path ? (
          <>
            <dt>Via</dt>
            <dd>
              <PatternBadge pattern={answer.path.pattern} />{" "}
              <button type="button" className="link-button" onClick={() => onShowNode(answer.path!.entryId)}>
                {answer.path.entryId}
              </button>
            </dd>
          </>
        ) : null}
        <dt>Port</dt>
        <dd>{answer.port !== undefined ? `TCP ${answer.port}` : "—"}</dd>
        {answer.hostname ? (
          <>
            <dt>Name</dt>
            <dd>
              <code className="explain__hostname">{answer.hostname}</code>
            </dd>
          </>
        ) : null}
      </dl>

      <ol className="hops" aria-label="Hops, in the order traffic takes them">
        {answer.hops.map((hop) => (
          <HopItem
            key={hop.step}
            hop={hop}
            itemRef={hop.step === firstFailingStep ? failing : undefined}
            access={access}
            onStartChange={onStartChange}
            onShowNode={onShowNode}
          />
        ))}
      </ol>

      <Options answer={answer} params={params} target={target} topology={topology} />
    </div>
  );
}

function HopItem({
  hop,
  itemRef,
  access,
  onStartChange,
  onShowNode,
}: {
  hop: Hop;
  itemRef: RefObject<HTMLLIElement | null> | undefined;
  access: ChangeAccess;
  onStartChange(request: SheetRequest): void;
  onShowNode(id: string): void;
}) {
  const action = hop.fix?.action;
  return (
    <li
      ref={itemRef}
      className={`hop hop--${hop.status}`}
      data-testid="hop"
      data-step={hop.step}
      data-status={hop.status}
    >
      <span className="hop__mark" aria-hidden="true">
        {MARK[hop.status]}
      </span>
      <div className="hop__body">
        <div className="hop__head">
          <span className="hop__title">
            {hop.step}. {hop.title}
          </span>
          <span className="visually-hidden">: {STATUS_WORD[hop.status]}</span>
          {hop.subject ? (
            <button
              type="button"
              className="link-button hop__subject"
              onClick={() => onShowNode(hop.subject!.id)}
              title={`Show ${hop.subject.label} (${hop.subject.id}) on the diagram`}
            >
              {hop.subject.label}
            </button>
          ) : null}
        </div>
        <p className="hop__detail">{hop.detail}</p>
        {hop.rule ? (
          <p className="hop__rule">
            <span className="hop__label">{hop.status === "pass" ? "Allowed by" : "Checked"}</span> {hop.rule}
          </p>
        ) : null}
        {hop.fix ? (
          <div className="hop__fix" data-testid="hop-fix">
            <p>
              <strong>Fix:</strong> {hop.fix.text}
            </p>
            {action ? (
              access.allowed ? (
                <button
                  type="button"
                  className="button button--small button--primary"
                  data-testid="fix-button"
                  data-action={action.type}
                  onClick={() => onStartChange({ action })}
                >
                  {fixLabel(action)}
                </button>
              ) : (
                <p className="muted">{access.reason ?? "Changes are off for this source."}</p>
              )
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** The client group, the name and the port the check assumes: prefilled from the answer, applied through the URL. */
function Options({
  answer,
  params,
  target,
  topology,
}: {
  answer: AnalyzeAnswer;
  params: ExplainParams;
  target: SourceTarget;
  topology: Topology;
}) {
  const id = useId();
  const index = indexTopology(topology);
  const groups = index.of("securityGroup").filter((g) => g.data.vpcId === params.from);
  const connect = useQuery(connectQuery(target, params.from));
  const reachable = connect.data?.reachable.find((r) => r.target.id === answer.target.id);
  const names = [
    ...new Set([...(reachable?.hostnames ?? []), ...(reachable?.notWorking ?? [])].map((h) => h.hostname)),
  ];
  const [group, setGroup] = useState(params.clientGroup ?? "");
  const [hostname, setHostname] = useState(params.hostname ?? "");
  const [port, setPort] = useState(String(params.port ?? answer.port ?? ""));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState(Boolean(params.clientGroup || params.hostname || params.port));
  const inferred = answer.from.securityGroupInferred && answer.from.securityGroupId;

  const apply = (event: FormEvent): void => {
    event.preventDefault();
    const name = hostname.trim();
    const portNumber = port.trim() === "" ? undefined : Number(port);
    if (name && !HOSTNAME.test(name)) return setProblem("A hostname is letters, digits, dots and hyphens.");
    if (portNumber !== undefined && !(Number.isInteger(portNumber) && portNumber >= 1 && portNumber <= 65535))
      return setProblem("A port is a whole number from 1 to 65535.");
    setProblem(undefined);
    openExplain({
      from: params.from,
      to: params.to,
      ...(name ? { hostname: name } : {}),
      ...(group ? { clientGroup: group } : {}),
      // The answer's own port is the default: only a different one goes into the URL.
      ...(portNumber !== undefined && (portNumber !== answer.port || params.port !== undefined)
        ? { port: portNumber }
        : {}),
    });
  };

  return (
    <details className="explain-options" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Client group, name and port</summary>
      <form className="explain-options__form" onSubmit={apply} noValidate>
        <label htmlFor={`${id}-group`}>Client security group</label>
        <select
          id={`${id}-group`}
          data-testid="explain-group-input"
          value={group}
          onChange={(event) => setGroup(event.target.value)}
        >
          <option value="">
            {inferred
              ? `Inferred: ${index.get(answer.from.securityGroupId!, "securityGroup")?.data.groupName ?? ""} (${answer.from.securityGroupId})`
              : "Infer from the way in"}
          </option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.data.groupName} ({g.id})
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-hostname`}>Name the client uses</label>
        <input
          id={`${id}-hostname`}
          data-testid="explain-hostname-input"
          list={`${id}-names`}
          value={hostname}
          placeholder="any name that works (hop 7 lists it)"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setHostname(event.target.value)}
        />
        <datalist id={`${id}-names`}>
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <label htmlFor={`${id}-port`}>Port</label>
        <input
          id={`${id}-port`}
          data-testid="explain-port-input"
          inputMode="numeric"
          value={port}
          onChange={(event) => setPort(event.target.value)}
        />
        {problem ? (
          <p className="explain-options__problem" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button button--small button--primary" data-testid="explain-apply">
            Check with these
          </button>
        </div>
      </form>
    </details>
  );
}
