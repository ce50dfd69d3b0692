/** The view change that makes a node visible: clear filters that hide it, unfold the containers folding it. */
import type { ViewState } from "../../lib/url-state";
import { networkOfAssociation, type TopologyIndex } from "./topology-index";
import type { Visibility } from "./visibility";

export function revealPatch(
  index: TopologyIndex,
  view: ViewState,
  visibility: Visibility,
  id: string,
): Partial<ViewState> {
  const node = index.byId.get(id);
  if (!node || visibility.shown.has(id)) return {};
  const patch: Partial<ViewState> = {};
  if (!visibility.representative.has(id)) {
    patch.hiddenKinds = [];
    patch.vpcs = [];
    patch.serviceNetworks = [];
    patch.statuses = [];
    patch.accounts = [];
    patch.regions = [];
  }
  const containers = [node.parent, networkOfAssociation(node), visibility.representative.get(id)].filter(
    (c): c is string => c !== undefined && index.byId.has(c),
  );
  if (containers.length > 0) {
    patch.collapsed = view.collapsed.filter((c) => !containers.includes(c));
    patch.expanded = [...view.expanded.filter((c) => !containers.includes(c)), ...new Set(containers)];
  }
  return patch;
}
