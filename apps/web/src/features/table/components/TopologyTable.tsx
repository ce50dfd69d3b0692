/**
 * The table view beside the diagram: VPCs, resources, associations and
 * hostnames, sortable by any column and filtered by category and words.
 * Virtualised (@tanstack/react-virtual): only the rows in sight are in the
 * DOM, so thousands scroll smoothly. A click on a row selects its node (the
 * details open, the diagram follows); a node selected elsewhere is marked
 * and scrolled into view here.
 */
import type { Topology } from "@lattice-atlas/shared";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, useState } from "react";
import "../table.css";
import {
  CATEGORIES,
  CATEGORY_LABEL,
  countByCategory,
  DEFAULT_QUERY,
  queryRows,
  tableRows,
  type Column,
  type TableQuery,
} from "../table-rows";

const ROW_HEIGHT = 34;

const HEADERS: ReadonlyArray<readonly [Column, string]> = [
  ["category", "Kind"],
  ["name", "Name"],
  ["relation", "Where / what"],
  ["status", "Status"],
  ["nodeId", "Id"],
];

interface TopologyTableProps {
  topology: Topology;
  selected: string | undefined;
  onSelect(id: string): void;
}

export function TopologyTable({ topology, selected, onSelect }: TopologyTableProps) {
  const [query, setQuery] = useState<TableQuery>(DEFAULT_QUERY);
  const all = tableRows(topology);
  const counts = useMemo(() => countByCategory(all), [all]);
  const rows = useMemo(() => queryRows(all, query), [all, query]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  // A node selected elsewhere (the diagram, search): bring its first row into view.
  const selectedIndex = useMemo(() => (selected ? rows.findIndex((r) => r.nodeId === selected) : -1), [rows, selected]);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

  const sortBy = (column: Column): void =>
    setQuery((q) => ({ ...q, sort: column, descending: q.sort === column ? !q.descending : false }));

  return (
    <div className="topology-table" data-testid="topology-table">
      <div className="topology-table__tools">
        <input
          type="search"
          className="topology-table__filter"
          placeholder="Filter rows: name, id, hostname, network…"
          aria-label="Filter rows"
          value={query.text}
          onChange={(event) => setQuery((q) => ({ ...q, text: event.target.value }))}
        />
        <select
          aria-label="Kind of row"
          value={query.category}
          onChange={(event) => setQuery((q) => ({ ...q, category: event.target.value as TableQuery["category"] }))}
        >
          <option value="all">All kinds ({all.length.toLocaleString("en-US")})</option>
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {CATEGORY_LABEL[category]}s ({counts[category].toLocaleString("en-US")})
            </option>
          ))}
        </select>
        <span className="topology-table__count" data-testid="table-count" aria-live="polite">
          {rows.length.toLocaleString("en-US")} of {all.length.toLocaleString("en-US")} rows
        </span>
      </div>
      <div
        className="topology-table__grid"
        role="grid"
        aria-label="VPCs, resources, associations and hostnames"
        aria-rowcount={rows.length + 1}
      >
        <div className="topology-table__row topology-table__row--head" role="row" aria-rowindex={1}>
          {HEADERS.map(([column, text]) => (
            <div
              key={column}
              role="columnheader"
              className={`topology-table__cell topology-table__cell--${column}`}
              aria-sort={query.sort === column ? (query.descending ? "descending" : "ascending") : "none"}
            >
              <button type="button" onClick={() => sortBy(column)}>
                {text}
                {query.sort === column ? (query.descending ? " ▼" : " ▲") : ""}
              </button>
            </div>
          ))}
        </div>
        <div className="topology-table__scroller" ref={scroller} role="rowgroup" data-testid="table-scroller">
          <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              const isSelected = row.nodeId === selected;
              return (
                <div
                  key={row.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={isSelected}
                  tabIndex={0}
                  data-testid="table-row"
                  data-node-id={row.nodeId}
                  className={`topology-table__row${isSelected ? " is-selected" : ""}`}
                  style={{
                    position: "absolute",
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                  onClick={() => onSelect(row.nodeId)}
                  onKeyDown={(event) => {
                    if (event.key === "Enter" || event.key === " ") {
                      event.preventDefault();
                      onSelect(row.nodeId);
                    }
                  }}
                >
                  <div role="gridcell" className="topology-table__cell topology-table__cell--category">
                    {CATEGORY_LABEL[row.category]}
                  </div>
                  <div role="gridcell" className="topology-table__cell topology-table__cell--name" title={row.name}>
                    {row.name}
                  </div>
                  <div
                    role="gridcell"
                    className="topology-table__cell topology-table__cell--relation"
                    title={row.relation}
                  >
                    {row.relation}
                  </div>
                  <div role="gridcell" className="topology-table__cell topology-table__cell--status">
                    {row.status}
                  </div>
                  <div role="gridcell" className="topology-table__cell topology-table__cell--nodeId" title={row.nodeId}>
                    {row.nodeId}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
        {rows.length === 0 ? (
          <p className="topology-table__empty">
            No row matches “{query.text}”{query.category !== "all" ? ` among ${CATEGORY_LABEL[query.category]}s` : ""}.{" "}
            <button type="button" className="link-button" onClick={() => setQuery(DEFAULT_QUERY)}>
              Clear the filter
            </button>
          </p>
        ) : null}
      </div>
    </div>
  );
}
