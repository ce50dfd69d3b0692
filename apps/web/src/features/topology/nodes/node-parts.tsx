/** The pieces every node kind is built from: handles, the status badge, the card and the pill. */
import type { NodeKind } from "@lattice-atlas/shared";
import { Handle, Position } from "@xyflow/react";
import { memo, type ReactNode } from "react";
import { statusClass } from "../kinds";
import { HANDLE } from "../node-geometry";
import { KindIcon } from "./icons";

/** Invisible anchor points (the diagram is read-only: nothing connects by hand). */
export const NodeHandles = memo(function NodeHandles() {
  return (
    <>
      <Handle id={HANDLE.in} type="target" position={Position.Left} isConnectable={false} className="atlas-handle" />
      <Handle
        id={HANDLE.sideIn}
        type="target"
        position={Position.Left}
        isConnectable={false}
        className="atlas-handle"
      />
      <Handle id={HANDLE.out} type="source" position={Position.Right} isConnectable={false} className="atlas-handle" />
      <Handle
        id={HANDLE.sideOut}
        type="source"
        position={Position.Left}
        isConnectable={false}
        className="atlas-handle"
      />
    </>
  );
});

export const StatusBadge = memo(function StatusBadge({ status }: { status: string | undefined }) {
  if (!status) return null;
  const cls = statusClass(status) ?? "other";
  return (
    <span className={`status-badge status-${cls}`} title={`Status: ${status}`}>
      {status.replace(/_/g, " ")}
    </span>
  );
});

interface CardProps {
  kind: NodeKind;
  /** A small word above the name: "Resource endpoint", "Aurora writer" … */
  caption: string;
  name: string;
  id: string;
  status?: string | undefined;
  /** Extra line under the id. */
  detail?: ReactNode;
  selected: boolean;
  tone?: string;
}

export function NodeCard({ kind, caption, name, id, status, detail, selected, tone }: CardProps) {
  return (
    <div className={`atlas-card kind-${kind}${tone ? ` tone-${tone}` : ""}${selected ? " is-selected" : ""}`}>
      <NodeHandles />
      <div className="atlas-card__icon">
        <KindIcon kind={kind} />
      </div>
      <div className="atlas-card__body">
        <div className="atlas-card__top">
          <span className="atlas-card__caption">{caption}</span>
          <StatusBadge status={status} />
        </div>
        <div className="atlas-card__name" title={name}>
          {name}
        </div>
        <div className="atlas-card__id" title={id}>
          {detail ?? id}
        </div>
      </div>
    </div>
  );
}

interface PillProps {
  kind: NodeKind;
  label: string;
  id: string;
  status?: string | undefined;
  selected: boolean;
}

/** Associations: small selectable pills labelled with kind and status. */
export function NodePill({ kind, label, id, status, selected }: PillProps) {
  return (
    <div
      className={`atlas-pill kind-${kind}${selected ? " is-selected" : ""}`}
      title={`${label} ${id}${status ? ` (${status})` : ""}`}
    >
      <NodeHandles />
      <div className="atlas-pill__top">
        <KindIcon kind={kind} size={13} />
        <span className="atlas-pill__label">{label}</span>
        <StatusBadge status={status} />
      </div>
      <span className="atlas-pill__id">{id}</span>
    </div>
  );
}
