/** What passes the view's filters on the overview (folds play no part in it): undefined when nothing filters. */
import type { Topology } from "@lattice-atlas/shared";
import type { ViewFilters } from "../../../lib/url-state";
import { indexTopology } from "../topology-index";
import { computeVisibility } from "../visibility";

export function overviewPassing(topology: Topology, filters: ViewFilters): Set<string> | undefined {
  const active = Object.values(filters).some((list: readonly string[]) => list.length > 0);
  if (!active) return undefined;
  const visibility = computeVisibility(indexTopology(topology), filters, { collapsed: [], expanded: [] });
  return new Set([...visibility.shown, ...visibility.representative.keys()]);
}
