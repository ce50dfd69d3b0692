/**
 * Sending the change: once per request token (every confirm of the same
 * change — a retry, a double click — sends the token minted for it), then
 * into the store of changes in flight, which polls it until AWS settles it.
 */
import type { Action, PlanResponse } from "@lattice-atlas/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import type { SourceTarget } from "../../../topology/target";
import { executeAction } from "../../api";
import type { ClientTokenLifecycle } from "../../client-token";
import { invalidateAudit } from "../../queries";
import { usePendingChangesStore } from "../../use-pending-changes";
import type { Executed } from "./use-sheet-steps";

interface Send {
  action: Action;
  plan: PlanResponse | undefined;
  recreate: Action | undefined;
}

export function useRunChange(target: SourceTarget, tokens: ClientTokenLifecycle, onSent: (run: Executed) => void) {
  const store = usePendingChangesStore();
  const queryClient = useQueryClient();
  const execute = useMutation({
    mutationFn: (send: Send & { clientToken: string }) => executeAction(target, send.action, send.clientToken),
    onSuccess: (response, send) => {
      const change = store.track(target, send.action, response);
      onSent({
        key: change.key,
        action: send.action,
        plan: send.plan,
        warnings: response.warnings,
        recreate: send.recreate,
      });
    },
    onSettled: () => void invalidateAudit(queryClient),
  });
  // The button is disabled while a request is in flight; this guard also covers two clicks in one frame.
  const inFlight = useRef(false);
  const send = (what: Send): void => {
    if (inFlight.current) return;
    inFlight.current = true;
    execute.mutate(
      { ...what, clientToken: tokens.forSend(what.action) },
      {
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };
  return { execute, send };
}
