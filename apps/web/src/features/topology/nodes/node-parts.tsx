/** The pieces every node kind is built from: handles, the status badge, the card and the pill. */
import type { NodeKind } from "@lattice-atlas/shared";
import { Handle, Position } from "@xyflow/react";
import { memo, type MouseEvent, type ReactNode } from "react";
import { useTopologyActions } from "../actions-context";
import { statusClass } from "../kinds";
import { HANDLE } from "../node-geometry";
import { KindIcon } from "./icons";

/** Invisible anchor points of the edges (never connectable: changes use the grip below). */
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

/**
 * The grip a change is dragged from, onto a service network. Rendered beside
 * the card (not inside it: the card clips), only where changes are allowed.
 */
export const ConnectGrip = memo(function ConnectGrip({ side }: { side: "left" | "right" | "header" }) {
  return (
    <Handle
      id={HANDLE.connectFrom}
      type="source"
      position={side === "left" ? Position.Left : Position.Right}
      isConnectableEnd={false}
      className={`connect-grip connect-grip--${side}`}
      title="Drag onto a service network to connect"
      data-testid="connect-grip"
    />
  );
});

/** A service network as a whole is the drop target (it takes pointer events only while a change is dragged). */
export const ConnectTarget = memo(function ConnectTarget() {
  return (
    <Handle
      id={HANDLE.connectTo}
      type="target"
      position={Position.Left}
      isConnectableStart={false}
      className="connect-target"
    />
  );
});

/** The "+" of a node: the changes it can start (keyboard and mouse; the same as dragging, and more). */
export const ChangeMenuButton = memo(function ChangeMenuButton({ id, label }: { id: string; label: string }) {
  const { openChangeMenu } = useTopologyActions();
  const onClick = (event: MouseEvent<HTMLButtonElement>): void => {
    event.stopPropagation();
    openChangeMenu(id, event.currentTarget);
  };
  return (
    <button
      type="button"
      className="change-button nodrag nopan"
      aria-label={`Changes for ${label}…`}
      aria-haspopup="menu"
      title="Associate, add an endpoint…"
      data-testid="change-menu-button"
      onClick={onClick}
    >
      +
    </button>
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
  tone?: string | undefined;
  /** Changes allowed here: the grip on its left (towards the service networks) and the "+" menu. */
  changes?: boolean;
}

export function NodeCard({ kind, caption, name, id, status, detail, selected, tone, changes }: CardProps) {
  const card = (
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
      {changes ? <ChangeMenuButton id={id} label={name} /> : null}
    </div>
  );
  if (!changes) return card;
  return (
    <>
      {card}
      <ConnectGrip side="left" />
    </>
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
