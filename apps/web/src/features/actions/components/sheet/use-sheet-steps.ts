/**
 * Where the sheet stands: the change being prepared (a form, or a ready
 * action such as a removal or a rule), what ran once it was confirmed, and
 * the steps before it (a finding's alternative, "delete and recreate"), so
 * that "Back to: …" returns to the previous change as it was.
 */
import type { Action, Finding, PlanResponse } from "@lattice-atlas/shared";
import { useState } from "react";
import type { TopologyIndex } from "../../../topology/topology-index";
import { defaultForm, formFromAction } from "../../change-forms";
import type { ChangeForm } from "../../kinds";
import type { SheetRequest } from "../../sheet-request";

export type Draft =
  | { form: ChangeForm; fixed?: undefined; recreate?: undefined }
  | { fixed: Action; form?: undefined; recreate?: Action | undefined };

/** A change that was sent: its pending-change key, what was planned, and the warnings AWS's run left. */
export interface Executed {
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

/** A creation as its form (to adjust), anything else as it is. */
function draftOf(action: Action, index: TopologyIndex): Draft {
  const form = formFromAction(action, index);
  return form ? { form } : { fixed: action };
}

function initialDraft(request: SheetRequest, index: TopologyIndex): Draft {
  if (request.action)
    return request.recreate ? { fixed: request.action, recreate: request.recreate } : draftOf(request.action, index);
  return { form: defaultForm(request.intent ?? { type: "associate-vpc" }, index) };
}

/** `onStep` runs on every move (a new draft): the sheet forgets the previous send's error. */
export function useSheetSteps(request: SheetRequest, index: TopologyIndex, onStep: () => void) {
  const [draft, setDraft] = useState<Draft>(() => initialDraft(request, index));
  const [executed, setExecuted] = useState<Executed | undefined>(undefined);
  const [history, setHistory] = useState<Step[]>([]);

  const go = (next: Draft, label: string): void => {
    setHistory((h) => [...h, { draft, executed, label }]);
    setDraft(next);
    setExecuted(undefined);
    onStep();
  };
  return {
    draft,
    executed,
    /** What "Back to: …" names, when there is a step to go back to. */
    backLabel: history.at(-1)?.label,
    setForm: (form: ChangeForm) => setDraft({ form }),
    sent: (run: Executed) => setExecuted(run),
    /** Another change in place of this one (a finding's alternative), with "Back to" this one. */
    replaceWith: (action: Action, label: string) => go(draftOf(action, index), label),
    /** Remove a failed resource first, then offer to create it again. */
    recover: (removal: Action, recreate: Action, label: string) => go({ fixed: removal, recreate }, label),
    /** The removal went through: start the creation again, with nothing to go back to. */
    recreate: (action: Action) => {
      setHistory([]);
      setDraft(draftOf(action, index));
      setExecuted(undefined);
      onStep();
    },
    back: () => {
      const previous = history.at(-1);
      if (!previous) return;
      setHistory((h) => h.slice(0, -1));
      setDraft(previous.draft);
      setExecuted(previous.executed);
      onStep();
    },
  };
}
