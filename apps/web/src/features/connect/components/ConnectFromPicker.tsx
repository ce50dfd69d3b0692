/**
 * "Connect from…" on the first screen: the consumer VPCs, each with the ways
 * it reaches Lattice. One click answers "which hostname do I use from here?".
 */
import type { AccessPattern, Topology } from "@lattice-atlas/shared";
import { memo, useMemo, useRef, useState } from "react";
import { requestFocus } from "../../../lib/focus-request";
import { useRovingFocus } from "../../../lib/roving";
import { indexTopology } from "../../topology/topology-index";
import { PatternBadge } from "./PatternBadge";

interface VpcChoice {
  id: string;
  name: string;
  cidr: string;
  patterns: AccessPattern[];
  consumer: boolean;
}

const SHOWN = 60;
/** The focus request that the answer takes once it is on screen (ConnectPanel). */
export const CONNECT_ANSWER_FOCUS = "connect-answer";

export const ConnectFromPicker = memo(function ConnectFromPicker({
  topology,
  from,
  onPick,
}: {
  topology: Topology;
  from: string | undefined;
  onPick(vpcId: string): void;
}) {
  const [filter, setFilter] = useState("");
  // The VPCs are one stop of the Tab key (the arrow keys move among them); choosing one moves the focus to the answer.
  const section = useRef<HTMLElement>(null);
  const roving = useRovingFocus(section, "vertical");
  const choices = useMemo<VpcChoice[]>(() => {
    const index = indexTopology(topology);
    const patterns = new Map<string, Set<AccessPattern>>();
    const add = (vpcId: string, pattern: AccessPattern): void => {
      const set = patterns.get(vpcId) ?? new Set();
      set.add(pattern);
      patterns.set(vpcId, set);
    };
    for (const e of index.of("vpcEndpoint")) {
      if (e.data.endpointType === "Resource") add(e.data.vpcId, "resource-endpoint");
      if (e.data.endpointType === "ServiceNetwork") add(e.data.vpcId, "service-network-endpoint");
    }
    for (const a of index.of("vpcAssociation")) add(a.data.vpcId, "service-network-association");
    return index
      .of("vpc")
      .map((v) => ({
        id: v.id,
        name: v.label,
        cidr: v.data.cidr,
        patterns: [...(patterns.get(v.id) ?? [])].sort(),
        consumer: v.data.roles.includes("consumer"),
      }))
      .sort(
        (a, b) => Number(b.consumer) - Number(a.consumer) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
      );
  }, [topology]);

  const q = filter.trim().toLowerCase();
  const matching = q
    ? choices.filter((c) => c.name.toLowerCase().includes(q) || c.id.includes(q) || c.cidr.startsWith(q))
    : choices;
  const consumers = matching.filter((c) => c.consumer);
  const others = matching.filter((c) => !c.consumer);

  const renderChoice = (c: VpcChoice) => (
    <li key={c.id}>
      <button
        type="button"
        className={`vpc-choice${from === c.id ? " is-current" : ""}`}
        aria-pressed={from === c.id}
        onClick={() => {
          requestFocus(CONNECT_ANSWER_FOCUS);
          onPick(c.id);
        }}
        data-roving=""
        data-testid="connect-from-option"
        data-vpc-id={c.id}
        data-vpc-name={c.name}
      >
        <span className="vpc-choice__name">{c.name}</span>
        <span className="vpc-choice__meta">
          {c.id} · {c.cidr}
        </span>
        {c.patterns.length > 0 ? (
          <span className="vpc-choice__patterns">
            {c.patterns.map((p) => (
              <PatternBadge key={p} pattern={p} />
            ))}
          </span>
        ) : null}
      </button>
    </li>
  );

  return (
    <section
      ref={section}
      id="connect-from"
      className="sidebar__section"
      aria-labelledby="connect-from-title"
      data-testid="connect-from-picker"
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
    >
      <h2 id="connect-from-title" className="sidebar__title">
        Connect from…
      </h2>
      <p className="sidebar__hint">
        Pick the VPC your client runs in: see every hostname that works from there, and the ones that do not.
      </p>
      {choices.length > 8 ? (
        <input
          type="search"
          className="sidebar__filter"
          placeholder="Filter VPCs"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label="Filter VPCs"
        />
      ) : null}
      {consumers.length === 0 && others.length === 0 ? <p className="muted">No VPC matches.</p> : null}
      <ul className="vpc-choices" aria-label="Consumer VPCs">
        {consumers.slice(0, SHOWN).map(renderChoice)}
      </ul>
      {consumers.length > SHOWN ? (
        <p className="muted">{consumers.length - SHOWN} more consumer VPCs — type to filter.</p>
      ) : null}
      {others.length > 0 ? (
        <details className="vpc-others">
          <summary>Other VPCs ({others.length}) — not yet reaching Lattice</summary>
          <ul className="vpc-choices" aria-label="Other VPCs">
            {others.slice(0, SHOWN).map(renderChoice)}
          </ul>
        </details>
      ) : null}
    </section>
  );
});
