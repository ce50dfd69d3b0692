/**
 * The plan of the change on the form, asked a moment after the form settles
 * (250 ms), with the request token the sheet minted for this change: the
 * plan's calls and CLI carry it, as the execution will. `current` says the
 * plan shown is the plan of the change on the form (not a previous one kept
 * on screen while the next is asked).
 */
import { actionFingerprint, type Action } from "@lattice-atlas/shared";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSettled } from "../../../../lib/use-settled";
import type { SourceTarget } from "../../../topology/target";
import type { ClientTokenLifecycle } from "../../client-token";
import { planQuery } from "../../queries";

/** A stand-in while the form is incomplete (the plan query is disabled then). */
const NO_ACTION: Action = { type: "remove-endpoint", endpointId: "vpce-00000000" };

export function useChangePlan(
  target: SourceTarget,
  action: Action | undefined,
  tokens: ClientTokenLifecycle,
  enabled: boolean,
) {
  const fingerprint = action ? actionFingerprint(action) : "";
  const planned = useSettled(action, fingerprint, 250);
  const plannedFingerprint = planned ? actionFingerprint(planned) : "";
  const token = planned ? tokens.tokenFor(planned) : undefined;
  const plan = useQuery({
    ...planQuery(target, planned ?? NO_ACTION, token),
    enabled: planned !== undefined && enabled,
    placeholderData: keepPreviousData,
  });
  const current =
    plan.data !== undefined && !plan.isPlaceholderData && plannedFingerprint === fingerprint && fingerprint !== "";
  return { plan, current };
}
