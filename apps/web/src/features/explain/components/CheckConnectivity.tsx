/**
 * "Check connectivity…" in the details of a VPC (or a client group, endpoint,
 * VPC association): pick a target from a searchable list; in the details of a
 * target: pick the client's VPC. The pick opens the check (ExplainPanel).
 */
import type { Topology } from "@lattice-atlas/shared";
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { indexTopology } from "../../topology/topology-index";
import { openExplain } from "../open-explain";
import { SOURCE_KINDS, TARGET_KINDS, explainBetween, explainCandidates, filterCandidates } from "../request";
import "../explain.css";

/** Enough to scroll through; the search narrows the rest. */
const SHOWN = 60;

export function CheckConnectivity({ topology, nodeId }: { topology: Topology; nodeId: string }) {
  const index = indexTopology(topology);
  const node = index.byId.get(nodeId);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const listId = useId();
  const inputId = useId();
  const list = useRef<HTMLUListElement>(null);
  const candidates = useMemo(() => (open ? explainCandidates(index, nodeId) : []), [open, index, nodeId]);
  if (!node || (!SOURCE_KINDS.has(node.kind) && !TARGET_KINDS.has(node.kind))) return null;
  const isSource = SOURCE_KINDS.has(node.kind);
  const matches = filterCandidates(candidates, query);

  const pick = (candidateId: string): void => {
    const params = explainBetween(index, nodeId, candidateId);
    if (params) openExplain(params);
  };
  // Arrow keys move between the search box and the options.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const options = [...(list.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const at = options.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === "ArrowDown" ? at + 1 : at - 1;
    event.preventDefault();
    if (next < 0) document.getElementById(inputId)?.focus();
    else options[Math.min(next, options.length - 1)]?.focus();
  };

  return (
    <section className="check-connectivity" data-testid="check-connectivity">
      <button
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={listId}
        data-testid="check-connectivity-button"
        onClick={() => setOpen((o) => !o)}
      >
        Check connectivity…
      </button>
      {open ? (
        <div className="check-connectivity__picker" onKeyDown={onKeyDown}>
          <label htmlFor={inputId} className="check-connectivity__label">
            {isSource ? `From ${node.label} to…` : `To ${node.label} from which VPC?`}
          </label>
          <input
            id={inputId}
            type="search"
            className="check-connectivity__search"
            data-testid="explain-search"
            placeholder={isSource ? "Configuration, service or Aurora endpoint" : "VPC name or id"}
            value={query}
            autoComplete="off"
            autoFocus
            onChange={(event) => setQuery(event.target.value)}
          />
          <ul id={listId} ref={list} className="check-connectivity__list" aria-label="Candidates">
            {matches.slice(0, SHOWN).map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="check-connectivity__option"
                  data-testid="explain-candidate"
                  data-id={c.id}
                  onClick={() => pick(c.id)}
                >
                  <span className="check-connectivity__name">{c.label}</span>
                  <span className="check-connectivity__desc">{c.description}</span>
                </button>
              </li>
            ))}
          </ul>
          {matches.length === 0 ? <p className="muted">Nothing matches “{query}”.</p> : null}
          {matches.length > SHOWN ? (
            <p className="muted">{matches.length - SHOWN} more: type to narrow the list.</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
