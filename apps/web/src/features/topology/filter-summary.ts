/**
 * The filters of a view in words, one entry per filter that is on, each with
 * the view change that clears it: what the diagram says when the filters
 * leave nothing to draw ("Only what vpc-… reaches" hides everything — Clear).
 */
import type { StatusClass } from "@lattice-atlas/shared";
import { NODE_KIND_LABEL } from "../../lib/node-kinds";
import type { ViewFilters } from "../../lib/url-state";

export interface ActiveFilter {
  key: keyof ViewFilters;
  /** As the View controls name it, with what it is set to. */
  text: string;
  /** The view change that turns this filter off. */
  clear: Partial<ViewFilters>;
}

const STATUS_WORD: Record<StatusClass, string> = {
  ok: "active",
  pending: "in progress",
  failed: "failed",
  other: "other",
};

/** Every filter that is on, in the order of the View controls; `labelOf` names a node (VPC, service network). */
export function activeFilters(view: ViewFilters, labelOf: (id: string) => string | undefined): ActiveFilter[] {
  const named = (id: string): string => {
    const label = labelOf(id);
    return label && label !== id ? `${label} (${id})` : id;
  };
  const list: ActiveFilter[] = [];
  if (view.accounts.length > 0)
    list.push({ key: "accounts", text: `Only account ${view.accounts.join(", ")}`, clear: { accounts: [] } });
  if (view.regions.length > 0)
    list.push({ key: "regions", text: `Only region ${view.regions.join(", ")}`, clear: { regions: [] } });
  if (view.vpcs.length > 0)
    list.push({
      key: "vpcs",
      text: `Only what ${view.vpcs.map(named).join(", ")} reaches or is reached from`,
      clear: { vpcs: [] },
    });
  if (view.serviceNetworks.length > 0)
    list.push({
      key: "serviceNetworks",
      text: `Only what goes through ${view.serviceNetworks.map(named).join(", ")}`,
      clear: { serviceNetworks: [] },
    });
  if (view.statuses.length > 0)
    list.push({
      key: "statuses",
      text: `Only status ${view.statuses.map((s) => STATUS_WORD[s]).join(", ")}`,
      clear: { statuses: [] },
    });
  if (view.hiddenKinds.length > 0)
    list.push({
      key: "hiddenKinds",
      text: `Hidden kinds: ${view.hiddenKinds.map((k) => NODE_KIND_LABEL[k]).join(", ")}`,
      clear: { hiddenKinds: [] },
    });
  return list;
}

/** Every filter off at once. */
export const NO_FILTERS: ViewFilters = {
  hiddenKinds: [],
  vpcs: [],
  serviceNetworks: [],
  statuses: [],
  accounts: [],
  regions: [],
};

/** A key that changes exactly when a filter does (the camera re-fits then). */
export function filterKey(view: ViewFilters): string {
  return JSON.stringify([
    view.hiddenKinds,
    view.vpcs,
    view.serviceNetworks,
    view.statuses,
    view.accounts,
    view.regions,
  ]);
}
