/**
 * In place of the diagram when the filters leave nothing to draw: which filter
 * hides everything, a Clear button for each, and one that clears them all.
 */
import type { Topology } from "@lattice-atlas/shared";
import type { ViewFilters } from "../../../lib/url-state";
import { activeFilters, NO_FILTERS } from "../filter-summary";
import { indexTopology } from "../topology-index";

interface HiddenByFiltersProps {
  topology: Topology;
  view: ViewFilters;
  onView(patch: Partial<ViewFilters>): void;
}

export function HiddenByFilters({ topology, view, onView }: HiddenByFiltersProps) {
  const index = indexTopology(topology);
  const filters = activeFilters(view, (id) => index.byId.get(id)?.label);
  const count = topology.nodes.length.toLocaleString("en-US");
  return (
    <div className="stage__message" data-testid="hidden-by-filters" role="status">
      <div className="empty">
        <h2>Nothing to draw with {filters.length === 1 ? "this filter" : "these filters"}</h2>
        {filters.length === 1 ? (
          <p>
            The filter “<strong data-testid="hiding-filter">{filters[0]!.text}</strong>” hides every one of the {count}{" "}
            things read.
          </p>
        ) : (
          <p>Together, these filters hide every one of the {count} things read:</p>
        )}
        {filters.length > 1 ? (
          <ul className="plain-list">
            {filters.map((filter) => (
              <li key={filter.key} className="hidden-by__filter">
                <span data-testid="hiding-filter">{filter.text}</span>{" "}
                <button type="button" className="button button--small" onClick={() => onView(filter.clear)}>
                  Clear
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            data-testid="clear-hiding-filters"
            onClick={() => onView(filters.length === 1 ? filters[0]!.clear : NO_FILTERS)}
          >
            {filters.length === 1 ? "Clear this filter" : "Clear all filters"}
          </button>
        </div>
      </div>
    </div>
  );
}
