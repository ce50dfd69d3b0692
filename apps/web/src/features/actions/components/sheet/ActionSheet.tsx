/**
 * The confirmation sheet of one change (lazy-loaded), a modal <dialog>: the
 * form (ChangeFormFields), the plan — findings and the change as code
 * (PlanSection) — and, once confirmed, the change followed until AWS settles
 * it (ChangeFollow). Confirming sends it once per client token (minted when
 * the sheet opens, reused on every retry). Focus stays inside, Escape
 * closes, the opener gets the focus back (see app/hooks/use-change-sheet).
 */
import type { Action, Topology } from "@lattice-atlas/shared";
import { useId, useRef, useState } from "react";
import { ModalDialog } from "../../../../lib/ui/ModalDialog";
import { ErrorNotice } from "../../../../lib/ui/ErrorNotice";
import { consoleLink } from "../../../details/console-links";
import type { SourceTarget } from "../../../topology/target";
import { indexTopology } from "../../../topology/topology-index";
import type { ChangeAccess } from "../../change-access";
import { formToAction, sheetTitle } from "../../change-forms";
import { createClientTokenLifecycle } from "../../client-token";
import { isRemoval } from "../../kinds";
import type { SheetRequest } from "../../sheet-request";
import { usePendingChange, usePendingChangesStore } from "../../use-pending-changes";
import { ChangeFollow } from "./ChangeFollow";
import { ChangeFormFields } from "./ChangeFormFields";
import { PlanSection } from "./PlanSection";
import { SheetFooter } from "./SheetFooter";
import { useChangePlan } from "./use-change-plan";
import { useRunChange } from "./use-run-change";
import { useSheetSteps } from "./use-sheet-steps";

interface ActionSheetProps {
  target: SourceTarget;
  /** The topology as drawn (pending changes merged). */
  topology: Topology;
  request: SheetRequest;
  access: ChangeAccess;
  onClose(): void;
  onShowNode(id: string): void;
}

export default function ActionSheet({ target, topology, request, access, onClose, onShowNode }: ActionSheetProps) {
  const index = indexTopology(topology);
  const store = usePendingChangesStore();
  const titleId = useId();
  const [tokens] = useState(() => createClientTokenLifecycle());
  const resetRun = useRef(() => {});
  const steps = useSheetSteps(request, index, () => resetRun.current());
  const { draft, executed } = steps;

  const result = draft.fixed ? ({ ok: true, action: draft.fixed } as const) : formToAction(draft.form, index);
  const action = result.ok ? result.action : undefined;
  const { plan, current } = useChangePlan(target, action, tokens, executed === undefined);
  const { execute, send } = useRunChange(target, tokens, steps.sent);
  resetRun.current = execute.reset;
  const confirm = (): void => {
    if (action && current && !plan.data?.blocking) send({ action, plan: plan.data, recreate: draft.recreate });
  };

  // The change once sent: the store's entry, or its last state once the store let it go.
  const change = usePendingChange(executed?.key);
  const lastChange = useRef(change);
  if (change) lastChange.current = change;
  const shownChange = change ?? (executed ? lastChange.current : undefined);
  const resultNode = shownChange ? index.byId.get(shownChange.id) : undefined;
  const removalSettled =
    shownChange !== undefined &&
    isRemoval(shownChange.action) &&
    (shownChange.phase === "deleted" || shownChange.phase === "not-found");

  const applyAlternative = (alternative: Action): void =>
    steps.replaceWith(alternative, plan.data?.summary ?? executed?.plan?.summary ?? "the previous change");
  const recover = (removal: Action, recreate: Action): void => {
    tokens.forget(recreate);
    steps.recover(removal, recreate, executed?.plan?.summary ?? "the failed change");
  };
  const recreateNow = (recreate: Action): void => {
    tokens.forget(recreate);
    steps.recreate(recreate);
  };

  return (
    <ModalDialog
      className="sheet"
      aria-labelledby={titleId}
      data-testid="action-sheet"
      data-state={executed ? "following" : "planning"}
      onClose={onClose}
    >
      <div className="sheet__head">
        <div>
          <div className="eyebrow">
            Change · {target.source} · {target.region}
          </div>
          <h2 id={titleId} className="sheet__title" tabIndex={-1} data-autofocus>
            {executed ? sheetTitle(executed.action, false) : sheetTitle(draft.form ?? draft.fixed, !!draft.form)}
          </h2>
        </div>
        <button type="button" className="panel__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>

      <div className="sheet__body">
        {steps.backLabel !== undefined ? (
          <button type="button" className="link-button sheet__back" data-testid="sheet-back" onClick={steps.back}>
            ← Back to: {steps.backLabel}
          </button>
        ) : null}

        {executed && shownChange ? (
          <ChangeFollow
            executed={executed}
            change={shownChange}
            consoleUrl={resultNode ? consoleLink(resultNode, target.region)?.url : undefined}
            removalSettled={removalSettled}
            canChange={access.allowed}
            onRecover={recover}
            onResume={(key) => store.resume(key)}
            onRecreate={recreateNow}
            onAlternative={applyAlternative}
          />
        ) : (
          <>
            {draft.form ? <ChangeFormFields form={draft.form} index={index} onChange={steps.setForm} /> : null}
            {!result.ok ? (
              <p className="hint" data-testid="form-missing">
                {result.missing}
              </p>
            ) : null}
            {action ? (
              <PlanSection plan={plan} current={current} canChange={access.allowed} onAlternative={applyAlternative} />
            ) : null}
            {execute.isError ? (
              <div className="sheet__error">
                <ErrorNotice error={execute.error} />
              </div>
            ) : null}
          </>
        )}
      </div>

      <SheetFooter
        sent={executed !== undefined}
        showable={shownChange && !removalSettled ? shownChange.id : undefined}
        access={access}
        action={action}
        ready={current && plan.data?.blocking === false}
        blocked={plan.data?.blocking === true && current}
        sending={execute.isPending}
        failed={execute.isError}
        idBase={titleId}
        onConfirm={confirm}
        onClose={onClose}
        onShowNode={onShowNode}
      />
    </ModalDialog>
  );
}
