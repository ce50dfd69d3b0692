/**
 * The confirmation sheet of one change (lazy-loaded): the form (service
 * network, subnets one per zone, security groups up to five, private DNS),
 * the preflight findings (a blocking one disables the button; an alternative
 * is one click away), the exact AWS call(s), and the same change as AWS CLI,
 * Terraform and CloudFormation. Confirming sends it once per client token
 * (minted when the sheet opens, reused on every retry); the sheet then
 * follows the change until AWS settles it.
 *
 * A modal dialog: focus stays inside, Escape closes, the opener gets the
 * focus back (see App).
 */
import {
  actionFingerprint,
  type Action,
  type ExecuteResponse,
  type Finding,
  type PlanResponse,
  type Topology,
} from "@lattice-atlas/shared";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { CopyButton } from "../../../lib/ui/CopyButton";
import { ErrorNotice } from "../../../lib/ui/ErrorNotice";
import { consoleLink } from "../../details/console-links";
import { NODE_KIND_LABEL } from "../../../lib/node-kinds";
import type { SourceTarget } from "../../topology/target";
import { rulesLabel } from "../../topology/to-flow-graph";
import { indexTopology, type TopologyIndex } from "../../topology/topology-index";
import { executeAction } from "../api";
import type { ChangeAccess } from "../change-access";
import {
  ACTION_LABEL,
  CREATE_LABEL,
  MAX_SECURITY_GROUPS,
  PRIVATE_DNS_PREFERENCE_LIST,
  associableConfiguration,
  defaultForm,
  formFromAction,
  formToAction,
  groupsOfVpc,
  needs,
  subnetsByZone,
  toggleGroup,
  withType,
  withVpc,
  type ChangeForm,
  type CreateType,
  type PrivateDnsPreference,
} from "../change-forms";
import { createClientTokenLifecycle } from "../client-token";
import { isRemoval } from "../pending-changes";
import { invalidateAudit, planQuery } from "../queries";
import type { SheetRequest } from "../sheet-request";
import { usePendingChange, usePendingChangesStore } from "../use-pending-changes";
import { ChangeProgress } from "./ChangeProgress";

interface ActionSheetProps {
  target: SourceTarget;
  /** The topology as drawn (pending changes merged). */
  topology: Topology;
  request: SheetRequest;
  access: ChangeAccess;
  onClose(): void;
  onShowNode(id: string): void;
}

type Draft =
  | { form: ChangeForm; fixed?: undefined; recreate?: undefined }
  | { fixed: Action; form?: undefined; recreate?: Action | undefined };

interface Executed {
  key: string;
  action: Action;
  plan: PlanResponse | undefined;
  warnings: Finding[];
  recreate?: Action | undefined;
}

interface Step {
  draft: Draft;
  executed: Executed | undefined;
  label: string;
}

/** A stand-in while the form is incomplete (the plan query is disabled then). */
const NO_ACTION: Action = { type: "remove-endpoint", endpointId: "vpce-00000000" };

function initialDraft(request: SheetRequest, index: TopologyIndex): Draft {
  if (request.action) {
    const form = request.recreate ? undefined : formFromAction(request.action, index);
    return form ? { form } : { fixed: request.action, recreate: request.recreate };
  }
  return { form: defaultForm(request.intent ?? { type: "associate-vpc" }, index) };
}

function confirmLabel(action: Action | undefined, pending: boolean): string {
  if (pending)
    return action && isRemoval(action) ? "Removing…" : action?.type === "add-ingress-rule" ? "Adding…" : "Creating…";
  switch (action?.type) {
    case "create-resource-endpoint":
    case "create-service-network-endpoint":
      return "Create endpoint";
    case "remove-vpc-association":
    case "remove-resource-association":
    case "remove-service-association":
      return "Remove association";
    case "remove-endpoint":
      return "Delete endpoint";
    case "add-ingress-rule":
      return "Add rule";
    default:
      return "Create association";
  }
}

/** The latest value of `value` once its key has stayed the same for `ms` (the first value at once). */
function useSettled<T>(value: T, key: string, ms: number): T {
  const [settled, setSettled] = useState({ key, value });
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    if (key === settled.key) return;
    const timer = window.setTimeout(() => setSettled({ key, value: latest.current }), ms);
    return () => window.clearTimeout(timer);
  }, [key, settled.key, ms]);
  return key === settled.key ? value : settled.value;
}

const SEVERITY_ORDER: Record<Finding["severity"], number> = { blocking: 0, warning: 1, info: 2 };
const SEVERITY_LABEL: Record<Finding["severity"], string> = { blocking: "Blocks", warning: "Warning", info: "Note" };

export default function ActionSheet({ target, topology, request, access, onClose, onShowNode }: ActionSheetProps) {
  const index = indexTopology(topology);
  const store = usePendingChangesStore();
  const queryClient = useQueryClient();
  const titleId = useId();
  const sheet = useRef<HTMLDivElement>(null);
  const [tokens] = useState(() => createClientTokenLifecycle());
  const [draft, setDraft] = useState<Draft>(() => initialDraft(request, index));
  const [executed, setExecuted] = useState<Executed | undefined>(undefined);
  const [history, setHistory] = useState<Step[]>([]);

  const result = draft.fixed ? ({ ok: true, action: draft.fixed } as const) : formToAction(draft.form, index);
  const action = result.ok ? result.action : undefined;
  const fingerprint = action ? actionFingerprint(action) : "";
  const planned = useSettled(action, fingerprint, 250);
  const plannedFingerprint = planned ? actionFingerprint(planned) : "";
  const token = planned ? tokens.tokenFor(planned) : undefined;
  const plan = useQuery({
    ...planQuery(target, planned ?? NO_ACTION, token),
    enabled: planned !== undefined && executed === undefined,
    placeholderData: keepPreviousData,
  });
  const planIsCurrent =
    plan.data !== undefined && !plan.isPlaceholderData && plannedFingerprint === fingerprint && fingerprint !== "";

  const execute = useMutation({
    mutationFn: (vars: { action: Action; clientToken: string }) => executeAction(target, vars.action, vars.clientToken),
    onSuccess: (response: ExecuteResponse, vars) => {
      const change = store.track(target, vars.action, response);
      setExecuted({
        key: change.key,
        action: vars.action,
        plan: plan.data,
        warnings: response.warnings,
        recreate: draft.recreate,
      });
    },
    onSettled: () => void invalidateAudit(queryClient),
  });
  // The button is disabled while a request is in flight; this guard also covers two clicks in one frame.
  const inFlight = useRef(false);
  const confirm = (): void => {
    if (!action || inFlight.current || !planIsCurrent || plan.data?.blocking) return;
    inFlight.current = true;
    const clientToken = tokens.forSend(action);
    execute.mutate(
      { action, clientToken },
      {
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };

  const change = usePendingChange(executed?.key);
  const lastChange = useRef(change);
  if (change) lastChange.current = change;
  const shownChange = change ?? (executed ? lastChange.current : undefined);

  const go = (next: Draft, label: string): void => {
    setHistory((h) => [...h, { draft, executed, label }]);
    setDraft(next);
    setExecuted(undefined);
    execute.reset();
  };
  const applyAlternative = (alternative: Action): void => {
    const form = formFromAction(alternative, index);
    go(
      form ? { form } : { fixed: alternative },
      plan.data?.summary ?? executed?.plan?.summary ?? "the previous change",
    );
  };
  const back = (): void => {
    const previous = history.at(-1);
    if (!previous) return;
    setHistory((h) => h.slice(0, -1));
    setDraft(previous.draft);
    setExecuted(previous.executed);
    execute.reset();
  };
  const recover = (removal: Action, recreate: Action): void => {
    tokens.forget(recreate);
    go({ fixed: removal, recreate }, executed?.plan?.summary ?? "the failed change");
  };
  const recreateNow = (recreate: Action): void => {
    tokens.forget(recreate);
    const form = formFromAction(recreate, index);
    setHistory([]);
    setDraft(form ? { form } : { fixed: recreate });
    setExecuted(undefined);
    execute.reset();
  };

  // Focus: into the sheet when it opens; Tab cycles inside; Escape closes (wherever the focus is: the
  // listener is on the document, and marks the event handled so that the shell does not also close its panel).
  useEffect(() => {
    sheet.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus();
  }, []);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const onEscape = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      close.current();
    };
    document.addEventListener("keydown", onEscape);
    return () => document.removeEventListener("keydown", onEscape);
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== "Tab" || !sheet.current) return;
    const focusable = [
      ...sheet.current.querySelectorAll<HTMLElement>(
        'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea, summary, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter((el) => el.offsetParent !== null || el === document.activeElement);
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const title = executed
    ? ACTION_LABEL[executed.action.type]
    : draft.form
      ? CREATE_LABEL[draft.form.type]
      : ACTION_LABEL[draft.fixed.type];
  const resultNode = shownChange ? index.byId.get(shownChange.id) : undefined;
  const consoleUrl = resultNode ? consoleLink(resultNode, target.region)?.url : undefined;
  const removalSettled =
    shownChange &&
    isRemoval(shownChange.action) &&
    (shownChange.phase === "deleted" || shownChange.phase === "not-found");

  return (
    <div className="sheet-layer">
      <div className="sheet-backdrop" onClick={onClose} aria-hidden="true" />
      <div
        ref={sheet}
        className="sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="action-sheet"
        data-state={executed ? "following" : "planning"}
        onKeyDown={onKeyDown}
      >
        <div className="sheet__head">
          <div>
            <div className="eyebrow">
              Change · {target.source} · {target.region}
            </div>
            <h2 id={titleId} className="sheet__title" tabIndex={-1} data-autofocus>
              {title}
            </h2>
          </div>
          <button type="button" className="panel__close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>

        <div className="sheet__body">
          {history.length > 0 ? (
            <button type="button" className="link-button sheet__back" data-testid="sheet-back" onClick={back}>
              ← Back to: {history.at(-1)!.label}
            </button>
          ) : null}

          {executed && shownChange ? (
            <section aria-label="Progress">
              <ChangeProgress
                change={shownChange}
                consoleUrl={consoleUrl}
                onRecover={recover}
                onResume={(key) => store.resume(key)}
              />
              {removalSettled && executed.recreate ? (
                <div className="sheet__note">
                  <p>The failed resource is gone. Create it again with a new request token:</p>
                  <button
                    type="button"
                    className="button button--primary"
                    data-testid="recreate-button"
                    onClick={() => recreateNow(executed.recreate!)}
                  >
                    Create it again…
                  </button>
                </div>
              ) : null}
              {executed.warnings.length > 0 ? (
                <Findings findings={executed.warnings} onAlternative={applyAlternative} canChange={access.allowed} />
              ) : null}
              {executed.plan ? <Codified plan={executed.plan} collapsed /> : null}
            </section>
          ) : (
            <>
              {draft.form ? (
                <FormFields form={draft.form} index={index} onChange={(form) => setDraft({ form })} />
              ) : null}
              {!result.ok ? (
                <p className="hint" data-testid="form-missing">
                  {result.missing}
                </p>
              ) : null}
              {action ? (
                <section
                  className="sheet__plan"
                  aria-label="Plan"
                  aria-busy={plan.isFetching}
                  data-testid="plan"
                  data-plan={planIsCurrent && !plan.isFetching ? "current" : "checking"}
                >
                  {plan.isError ? (
                    <ErrorNotice
                      error={plan.error}
                      action={
                        <button type="button" className="button button--small" onClick={() => void plan.refetch()}>
                          Check again
                        </button>
                      }
                    />
                  ) : null}
                  {plan.data ? (
                    <div className={planIsCurrent ? undefined : "is-stale"}>
                      <p className="sheet__summary" data-testid="plan-summary">
                        {plan.data.summary}
                      </p>
                      <Findings
                        findings={plan.data.findings}
                        onAlternative={applyAlternative}
                        canChange={access.allowed}
                      />
                      <Codified plan={plan.data} />
                    </div>
                  ) : plan.isFetching ? (
                    <p className="muted">Checking the change against the topology…</p>
                  ) : null}
                </section>
              ) : null}
              {execute.isError ? (
                <div className="sheet__error">
                  <ErrorNotice error={execute.error} />
                </div>
              ) : null}
            </>
          )}
        </div>

        <div className="sheet__foot">
          {executed ? (
            <>
              {shownChange && !removalSettled ? (
                <button type="button" className="button" onClick={() => onShowNode(shownChange.id)}>
                  Show on map
                </button>
              ) : null}
              <button type="button" className="button button--primary" data-testid="sheet-done" onClick={onClose}>
                Close
              </button>
            </>
          ) : (
            <>
              {!access.allowed ? (
                <p className="sheet__readonly" data-testid="read-only-notice">
                  {access.reason ?? "Changes are off for this source."}
                </p>
              ) : null}
              <button type="button" className="button" onClick={onClose}>
                Cancel
              </button>
              {access.allowed ? (
                <button
                  type="button"
                  className={`button button--primary${action && isRemoval(action) ? " button--danger" : ""}`}
                  data-testid="confirm-change"
                  disabled={!action || !planIsCurrent || plan.data?.blocking !== false || execute.isPending}
                  aria-describedby={plan.data?.blocking ? `${titleId}-blocked` : undefined}
                  onClick={confirm}
                >
                  {execute.isError ? "Try again" : confirmLabel(action, execute.isPending)}
                </button>
              ) : null}
              {plan.data?.blocking && planIsCurrent ? (
                <span id={`${titleId}-blocked`} className="visually-hidden">
                  A blocking finding stops this change.
                </span>
              ) : null}
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function Field({ label, children, hint }: { label: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <label className="field field--stacked sheet__field">
      <span className="field__label">{label}</span>
      {children}
      {hint ? <span className="hint">{hint}</span> : null}
    </label>
  );
}

const byLabel = <T extends { id: string; label: string }>(a: T, b: T): number =>
  a.label.localeCompare(b.label) || a.id.localeCompare(b.id);

function FormFields({
  form,
  index,
  onChange,
}: {
  form: ChangeForm;
  index: TopologyIndex;
  onChange(form: ChangeForm): void;
}) {
  const need = needs(form.type);
  const vpcs = [...index.of("vpc")].sort(
    (a, b) => Number(b.data.roles.includes("consumer")) - Number(a.data.roles.includes("consumer")) || byLabel(a, b),
  );
  const networks = [...index.of("serviceNetwork")].sort(byLabel);
  const configurations = index.of("resourceConfiguration").filter(associableConfiguration).sort(byLabel);
  const services = [...index.of("service")].sort(byLabel);
  const zones = subnetsByZone(index.get(form.vpcId, "vpc"));
  const groups = form.vpcId ? groupsOfVpc(index, form.vpcId) : [];
  const configuration = index.get(form.resourceConfigurationId, "resourceConfiguration");
  const arnConfiguration = form.type === "associate-resource" && configuration?.data.type === "ARN";
  const vpcOrNetwork = form.type === "associate-vpc" || form.type === "create-service-network-endpoint";
  const set = (patch: Partial<ChangeForm>): void => onChange({ ...form, ...patch });

  return (
    <section className="sheet__form" aria-label="Settings">
      {vpcOrNetwork ? (
        <fieldset className="sheet__choice">
          <legend className="field__label">How the VPC reaches the service network</legend>
          {(["associate-vpc", "create-service-network-endpoint"] as const satisfies readonly CreateType[]).map(
            (type) => (
              <label key={type} className="radio">
                <input
                  type="radio"
                  name="change-type"
                  checked={form.type === type}
                  data-testid={`sheet-type-${type}`}
                  onChange={() => onChange(withType(form, type, index))}
                />
                <span>
                  {type === "associate-vpc" ? (
                    <>
                      <strong>VPC association</strong> (pattern 3) — one service network per VPC; names are the snra-…
                      DNS entries
                    </>
                  ) : (
                    <>
                      <strong>ServiceNetwork endpoint</strong> (pattern 2) — many per VPC; needs subnets
                    </>
                  )}
                </span>
              </label>
            ),
          )}
        </fieldset>
      ) : null}

      {need.vpc ? (
        <Field label="VPC">
          <select
            value={form.vpcId}
            data-testid="pick-vpc"
            onChange={(event) => onChange(withVpc(form, event.target.value, index))}
          >
            {form.vpcId === "" ? <option value="">Choose a VPC…</option> : null}
            {vpcs.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label} ({v.id})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {need.network ? (
        <Field label="Service network">
          <select
            value={form.serviceNetworkId}
            data-testid="pick-network"
            onChange={(event) => set({ serviceNetworkId: event.target.value })}
          >
            {form.serviceNetworkId === "" ? <option value="">Choose a service network…</option> : null}
            {networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.label} ({n.id})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {need.configuration ? (
        <Field label="Resource configuration">
          <select
            value={form.resourceConfigurationId}
            data-testid="pick-configuration"
            onChange={(event) => set({ resourceConfigurationId: event.target.value })}
          >
            {form.resourceConfigurationId === "" ? <option value="">Choose a configuration…</option> : null}
            {configurations.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label} · {c.data.type} ({c.id})
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {need.service ? (
        <Field label="Lattice service">
          <select
            value={form.serviceId}
            data-testid="pick-service"
            onChange={(event) => set({ serviceId: event.target.value })}
          >
            {form.serviceId === "" ? <option value="">Choose a service…</option> : null}
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label} ({s.id})
              </option>
            ))}
          </select>
        </Field>
      ) : null}

      {need.subnets ? (
        <fieldset className="sheet__group">
          <legend className="field__label">Subnets — one per Availability Zone</legend>
          {zones.length === 0 ? <p className="muted">This VPC has no subnets in the picture.</p> : null}
          {zones.map(({ zone, subnets }) => (
            <label key={zone} className="sheet__zone">
              <span className="sheet__zone-name">{zone}</span>
              <select
                value={form.subnetByZone[zone] ?? ""}
                data-testid="pick-subnet"
                data-zone={zone}
                onChange={(event) => set({ subnetByZone: { ...form.subnetByZone, [zone]: event.target.value } })}
              >
                <option value="">— none in this zone —</option>
                {subnets.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name ? `${s.name} · ` : ""}
                    {s.id} · {s.cidr}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      ) : null}

      {need.groups ? (
        <fieldset className="sheet__group">
          <legend className="field__label">
            Security groups — {form.securityGroupIds.length} of at most {MAX_SECURITY_GROUPS}
          </legend>
          {groups.length === 0 ? <p className="muted">No security groups of this VPC are in the picture.</p> : null}
          {groups.map((g) => {
            const checked = form.securityGroupIds.includes(g.id);
            const inbound = g.data.ingress.length > 0 ? rulesLabel(g.data.ingress) : "no inbound rule";
            return (
              <label key={g.id} className="check-row">
                <input
                  type="checkbox"
                  checked={checked}
                  disabled={!checked && form.securityGroupIds.length >= MAX_SECURITY_GROUPS}
                  data-testid="pick-group"
                  data-group-id={g.id}
                  onChange={() => onChange(toggleGroup(form, g.id))}
                />
                <span>
                  {g.data.groupName} <code className="muted">{g.id}</code>
                  <span className="hint">
                    {" "}
                    · in: {inbound}
                    {g.usedForLattice ? " · already used by a Lattice entry of this VPC" : ""}
                  </span>
                </span>
              </label>
            );
          })}
          {form.type === "associate-vpc" && form.securityGroupIds.length === 0 ? (
            <p className="hint">Without security groups the association filters nothing.</p>
          ) : null}
        </fieldset>
      ) : null}

      {need.privateDns ? (
        arnConfiguration ? (
          <p className="hint">Private DNS is always on for ARN (RDS) configurations.</p>
        ) : (
          <label className="check-row">
            <input
              type="checkbox"
              checked={form.privateDnsEnabled}
              data-testid="private-dns"
              onChange={(event) => set({ privateDnsEnabled: event.target.checked })}
            />
            <span>
              Private DNS
              <span className="hint">
                {" "}
                — {NODE_KIND_LABEL.resourceConfiguration.toLowerCase()}s and services also answer by their own names
                (e.g. the Aurora writer hostname) in this VPC
              </span>
            </span>
          </label>
        )
      ) : null}
      {need.dnsOptions && form.privateDnsEnabled ? (
        <Field label="Private DNS preference">
          <select
            value={form.dnsPreference}
            data-testid="dns-preference"
            onChange={(event) => set({ dnsPreference: event.target.value as "" | PrivateDnsPreference })}
          >
            <option value="">AWS default (verified domains only)</option>
            {PRIVATE_DNS_PREFERENCE_LIST.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {need.dnsOptions &&
      form.privateDnsEnabled &&
      (form.dnsPreference === "SPECIFIED_DOMAINS_ONLY" ||
        form.dnsPreference === "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS") ? (
        <Field label="Specified domains" hint="Comma separated, up to 10; *.example.com wildcards allowed.">
          <input
            type="text"
            value={form.specifiedDomains}
            data-testid="specified-domains"
            onChange={(event) => set({ specifiedDomains: event.target.value })}
          />
        </Field>
      ) : null}
    </section>
  );
}

function Findings({
  findings,
  onAlternative,
  canChange,
}: {
  findings: Finding[];
  onAlternative(action: Action): void;
  canChange: boolean;
}) {
  if (findings.length === 0)
    return (
      <p className="finding finding--clear" data-testid="no-findings">
        The checks found nothing in the way.
      </p>
    );
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return (
    <section aria-label="Findings">
      <h3 className="panel__heading">Checks</h3>
      <ul className="findings">
        {sorted.map((f, i) => (
          <li
            key={`${f.code}-${f.subject ?? ""}-${i}`}
            className={`finding finding--${f.severity}`}
            data-testid="finding"
            data-code={f.code}
            data-severity={f.severity}
          >
            <div className="finding__head">
              <span className={`finding__severity finding__severity--${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>
              <code className="finding__code">{f.code}</code>
            </div>
            <p className="finding__message">{f.message}</p>
            <p className="finding__fix">{f.fix}</p>
            {f.alternative && canChange ? (
              <button
                type="button"
                className="button button--small"
                data-testid="finding-alternative"
                data-alternative-type={f.alternative.action.type}
                onClick={() => onAlternative(f.alternative!.action)}
              >
                {f.alternative.label}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

const CODE_BLOCKS = [
  { key: "cli", title: "AWS CLI" },
  { key: "terraform", title: "Terraform" },
  { key: "cloudformation", title: "CloudFormation" },
] as const;

function Codified({ plan, collapsed = false }: { plan: PlanResponse; collapsed?: boolean }) {
  const calls = JSON.stringify(
    plan.calls.map((c) => ({ service: c.service, operation: c.operation, input: c.input })),
    null,
    2,
  );
  return (
    <details className="codified" open={!collapsed}>
      <summary className="panel__heading">What is sent, and the same change as code</summary>
      <div className="codified__block" data-testid="aws-calls">
        <div className="codified__head">
          <span>
            AWS API call{plan.calls.length === 1 ? "" : "s"}:{" "}
            {plan.calls.map((c) => (
              <code key={c.operation}>
                {c.service}:{c.operation}{" "}
              </code>
            ))}
          </span>
          <CopyButton value={calls} label="Copy the AWS API calls" testId="copy-calls" />
        </div>
        {/* Focusable: a long line scrolls sideways, by keyboard too. */}
        <pre className="code-block" tabIndex={0} aria-label="The AWS API calls">
          {calls}
        </pre>
      </div>
      {CODE_BLOCKS.map(({ key, title }) => (
        <div key={key} className="codified__block" data-testid={`codified-${key}`}>
          <div className="codified__head">
            <span>{title}</span>
            <CopyButton value={plan[key]} label={`Copy the ${title}`} testId={`copy-${key}`} />
          </div>
          <pre className="code-block" tabIndex={0} aria-label={title}>
            {plan[key]}
          </pre>
        </div>
      ))}
      <p className="hint">{plan.idempotency}</p>
    </details>
  );
}
