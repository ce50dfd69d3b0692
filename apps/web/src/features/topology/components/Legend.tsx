/** What each line means; the three ways in (patterns 1–3) come first. */
import { Panel } from "@xyflow/react";
import { memo, useEffect, useState } from "react";
import { EDGE_COLOR, type EdgeVariant } from "../edge-styles";

const ENTRIES: Array<{ variant: EdgeVariant; label: string; hint: string }> = [
  {
    variant: "endpoint-resource",
    label: "Pattern 1 · Resource endpoint",
    hint: "VPC endpoint of type Resource → resource configuration",
  },
  {
    variant: "endpoint-network",
    label: "Pattern 2 · ServiceNetwork endpoint",
    hint: "VPC endpoint of type ServiceNetwork → service network",
  },
  {
    variant: "vpc-association",
    label: "Pattern 3 · VPC association",
    hint: "Consumer VPC → service-network VPC association → network",
  },
  {
    variant: "resource-association",
    label: "Resource association",
    hint: "Service network → resource configuration (layer 4, TCP)",
  },
  {
    variant: "service-association",
    label: "Service association",
    hint: "Service network → Lattice service (layer 7, HTTP/S)",
  },
  { variant: "gateway", label: "Gateway / resource", hint: "Configuration → resource gateway, and → what it names" },
  { variant: "listener", label: "Listener / target", hint: "Service → target group → target" },
  { variant: "child", label: "Group → child", hint: "Group configuration or association → its children" },
  { variant: "sg-rule", label: "Security-group rule", hint: "Inbound rule: source group → group that lets it in" },
  {
    variant: "security-group",
    label: "Uses security group",
    hint: "Group → the endpoint, association or resource it protects",
  },
];

/** Closed until asked for (it would cover the top right of the diagram); a side panel opening closes it again. */
export const Legend = memo(function Legend({ compact }: { compact: boolean }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (compact) setOpen(false);
  }, [compact]);
  return (
    <Panel position="top-right" className="legend" aria-label="Legend">
      <button
        type="button"
        className="legend__toggle"
        aria-expanded={open}
        data-testid="legend-toggle"
        onClick={() => setOpen((o) => !o)}
      >
        Legend
      </button>
      {open ? (
        <ul className="legend__list">
          {ENTRIES.map((entry) => (
            <li key={entry.variant} title={entry.hint}>
              <svg width="34" height="10" aria-hidden="true" className={`legend__swatch edge-${entry.variant}`}>
                <line x1="1" y1="5" x2="27" y2="5" stroke={EDGE_COLOR[entry.variant]} />
                <path d="M27 1.5 L33 5 L27 8.5 Z" fill={EDGE_COLOR[entry.variant]} />
              </svg>
              <span>{entry.label}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Panel>
  );
});
