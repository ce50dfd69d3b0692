/**
 * The table view beside the diagram: VPCs, resources, associations and
 * hostnames, sortable by any column and filtered by category and words.
 * Virtualised (@tanstack/react-virtual): only the rows in sight are in the
 * DOM, so thousands scroll smoothly. A click on a row selects its node (the
 * details open, the diagram follows); a node selected elsewhere is marked
 * and scrolled into view here. The sort, the kind of row and the words live
 * in the URL (table-url.ts): a copied link opens the table as it was. A sort
 * or a kind is a step of the Back button; the words are written as they are
 * typed (a moment after the last key) in place of the current entry.
 */
import type { Topology } from "@lattice-atlas/shared";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ViewUpdate } from "../../../lib/use-view-state";
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
import { tableQueryOf, tableViewOf, type TableView } from "../table-url";

/** The words reach the URL this long after the last key. */
const TEXT_DELAY_MS = 300;

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
  /** The table's part of the view (its sort and filter in the URL), and how to change it. */
  view: TableView;
  onView(update: ViewUpdate, options?: { replace?: boolean }): void;
}

export function TopologyTable({ topology, selected, onSelect, view, onView }: TopologyTableProps) {
  const { tableText, tableKind, tableSort } = view;
  const fromUrl = useMemo(() => tableQueryOf({ tableText, tableKind, tableSort }), [tableText, tableKind, tableSort]);
  // The box shows what is typed at once; the URL follows a moment later (and a Back to another query resets it).
  // `written` is the words as the URL has them (squeezed), so that a space being typed is not taken back.
  const [text, setText] = useState(fromUrl.text);
  const written = useRef(fromUrl.text);
  const inUrl = (words: string): string => tableViewOf({ ...DEFAULT_QUERY, text: words }).tableText ?? "";
  useEffect(() => {
    if (fromUrl.text !== written.current) setText((written.current = fromUrl.text));
  }, [fromUrl.text]);
  useEffect(() => {
    if (inUrl(text) === written.current) return;
    const timer = window.setTimeout(() => {
      written.current = inUrl(text);
      onView({ tableText: written.current || undefined }, { replace: true });
    }, TEXT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, onView]);
  const query: TableQuery = useMemo(() => ({ ...fromUrl, text }), [fromUrl, text]);
  const setQuery = (update: (q: TableQuery) => TableQuery): void => {
    const next = update(query);
    // The words typed so far go with it (a reset clears them at once).
    written.current = inUrl(next.text);
    setText(next.text);
    onView(tableViewOf(next));
  };
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
          onChange={(event) => setText(event.target.value)}
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
            <button type="button" className="link-button" onClick={() => setQuery(() => DEFAULT_QUERY)}>
              Clear the filter
            </button>
          </p>
        ) : null}
      </div>
    </div>
  );
}
