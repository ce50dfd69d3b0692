/**
 * Paste an id, ARN, name or DNS name (a URL is fine) and jump to the node.
 * A combobox: arrows move through the matches, Enter picks, Escape clears.
 */
import type { Topology } from "@lattice-atlas/shared";
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from "react";
import { NODE_KIND_LABEL } from "../../../lib/node-kinds";
import { indexTopology } from "../../topology/topology-index";
import { buildSearchIndex, normalizeQuery, searchTopology, type SearchHit } from "../search-index";

interface SearchBoxProps {
  topology: Topology | undefined;
  onPick(hit: SearchHit, all: readonly SearchHit[]): void;
}

export function SearchBox({ topology, onPick }: SearchBoxProps) {
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const deferred = useDeferredValue(text);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  // The index (every id, ARN and DNS name of every node) is built when a search first needs it, not with the diagram:
  // under two characters nothing is searched.
  const hits = useMemo(
    () =>
      topology && normalizeQuery(deferred).length >= 2 ? searchTopology(buildSearchIndex(topology), deferred) : [],
    [topology, deferred],
  );
  const index = topology ? indexTopology(topology) : undefined;

  useEffect(() => setActive(0), [deferred]);
  useEffect(() => {
    // "/" focuses search from anywhere but a text field.
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (event.key !== "/" || target?.closest("input, textarea, select, [contenteditable]")) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const pick = (hit: SearchHit | undefined): void => {
    if (!hit) return;
    onPick(hit, hits);
    setOpen(false);
  };

  const showList = open && text.trim().length >= 2;
  return (
    <div className="search">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        Search by id, ARN, name or DNS name
      </label>
      <input
        id={`${listId}-input`}
        ref={input}
        type="search"
        className="search__input"
        placeholder="Search id, ARN, name, DNS ( / )"
        title="Search by id, ARN, name or DNS name (press / to get here)"
        value={text}
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${listId}-list`}
        aria-activedescendant={showList && hits[active] ? `${listId}-hit-${active}` : undefined}
        data-testid="search-input"
        disabled={!topology}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (event.key === "ArrowUp") {
            event.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (event.key === "Enter") {
            event.preventDefault();
            // Enter right after a paste must not wait for the deferred value.
            const fresh = topology && deferred !== text ? searchTopology(buildSearchIndex(topology), text) : hits;
            if (fresh[active] ?? fresh[0]) onPick((fresh[active] ?? fresh[0])!, fresh);
            setOpen(false);
          } else if (event.key === "Escape") {
            setText("");
            setOpen(false);
          }
        }}
      />
      {showList ? (
        <ul
          className="search__list"
          id={`${listId}-list`}
          role="listbox"
          aria-label="Matches"
          data-testid="search-results"
        >
          {hits.length === 0 ? (
            <li className="search__empty" role="option" aria-selected={false} aria-disabled>
              Nothing matches “{deferred.trim()}”
            </li>
          ) : (
            hits.map((hit, i) => {
              const node = index?.byId.get(hit.nodeId);
              return (
                <li
                  key={hit.nodeId}
                  id={`${listId}-hit-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={`search__hit${i === active ? " is-active" : ""}`}
                  onMouseDown={(event) => {
                    event.preventDefault();
                    pick(hit);
                  }}
                  onMouseEnter={() => setActive(i)}
                >
                  <span className="search__kind">{node ? NODE_KIND_LABEL[node.kind] : ""}</span>
                  <span className="search__label">{node?.label ?? hit.nodeId}</span>
                  <span className="search__field">
                    {hit.exact ? "" : "≈ "}
                    {hit.field}: {hit.value}
                  </span>
                </li>
              );
            })
          )}
        </ul>
      ) : null}
    </div>
  );
}
