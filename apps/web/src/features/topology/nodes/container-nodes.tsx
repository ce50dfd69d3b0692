/** VPCs (a container around their children, or a chip when folded) and service networks (foldable). */
import type { NodeKind } from "@lattice-atlas/shared";
import type { NodeProps } from "@xyflow/react";
import { memo, type MouseEvent } from "react";
import { useTopologyActions } from "../actions-context";
import { NODE_KIND_LABEL } from "../../../lib/node-kinds";
import type { AtlasNodeOf } from "../to-flow-graph";
import { KindIcon } from "./icons";
import { ChangeMenuButton, ConnectGrip, ConnectTarget, NodeHandles } from "./node-parts";

function countsLine(counts: Partial<Record<NodeKind, number>> | undefined): string {
  if (!counts) return "";
  return Object.entries(counts)
    .sort(([, a], [, b]) => (b ?? 0) - (a ?? 0))
    .map(([kind, n]) => `${n} ${NODE_KIND_LABEL[kind as NodeKind].toLowerCase()}${n === 1 ? "" : "s"}`)
    .join(" · ");
}

function FoldButton({ id, collapsed, label }: { id: string; collapsed: boolean; label: string }) {
  const { toggleCollapsed } = useTopologyActions();
  const onClick = (event: MouseEvent): void => {
    event.stopPropagation();
    toggleCollapsed(id);
  };
  return (
    <button
      type="button"
      className="fold-button nodrag nopan"
      onClick={onClick}
      aria-label={`${collapsed ? "Expand" : "Collapse"} ${label}`}
      aria-expanded={!collapsed}
    >
      {collapsed ? "Expand" : "Collapse"}
    </button>
  );
}

export const VpcNode = memo(function VpcNode({ data, selected, isConnectable }: NodeProps<AtlasNodeOf<"vpc">>) {
  const { node, collapsed, collapsible, mode, hiddenCounts } = data;
  const roles = node.data.roles.length > 0 ? node.data.roles.join(" + ") : "no Lattice path";
  if (mode === "container") {
    return (
      <div
        className={`vpc-container${node.data.roles.map((r) => ` role-${r}`).join("")}${selected ? " is-selected" : ""}`}
      >
        <NodeHandles />
        <div className="vpc-container__header">
          <KindIcon kind="vpc" />
          <span className="vpc-container__name" title={node.label}>
            {node.label}
          </span>
          <span className="vpc-container__meta">
            {node.id} · {node.data.cidr} · {roles}
          </span>
          {collapsible ? <FoldButton id={node.id} collapsed={false} label={node.label} /> : null}
          {isConnectable ? <ChangeMenuButton id={node.id} label={node.label} /> : null}
        </div>
        {isConnectable ? <ConnectGrip side="header" /> : null}
      </div>
    );
  }
  const summary = countsLine(hiddenCounts);
  const chip = (
    <div className={`atlas-card kind-vpc vpc-chip${selected ? " is-selected" : ""}`}>
      <NodeHandles />
      <div className="atlas-card__icon">
        <KindIcon kind="vpc" />
      </div>
      <div className="atlas-card__body">
        <div className="atlas-card__top">
          <span className="atlas-card__caption">
            VPC · {node.data.cidr} · {roles}
          </span>
        </div>
        <div className="atlas-card__name" title={node.label}>
          {node.label}
        </div>
        <div className="atlas-card__id">{node.id}</div>
        <div className="vpc-chip__footer">
          <span className="vpc-chip__summary" title={summary}>
            {collapsed && summary ? summary : collapsible ? "" : "nothing Lattice inside"}
          </span>
          {collapsible ? <FoldButton id={node.id} collapsed={collapsed} label={node.label} /> : null}
          {isConnectable ? <ChangeMenuButton id={node.id} label={node.label} /> : null}
        </div>
      </div>
    </div>
  );
  if (!isConnectable) return chip;
  return (
    <>
      {chip}
      <ConnectGrip side="right" />
    </>
  );
});

export const ServiceNetworkNode = memo(function ServiceNetworkNode({
  data,
  selected,
  isConnectable,
}: NodeProps<AtlasNodeOf<"serviceNetwork">>) {
  const { node, collapsed, collapsible } = data;
  const d = node.data;
  const auth = d.authType === "AWS_IAM" ? "IAM auth" : "no auth";
  const card = (
    <div className={`atlas-card kind-serviceNetwork${selected ? " is-selected" : ""}`}>
      <NodeHandles />
      <div className="atlas-card__icon">
        <KindIcon kind="serviceNetwork" />
      </div>
      <div className="atlas-card__body">
        <div className="atlas-card__top">
          <span className="atlas-card__caption">Service network · {auth}</span>
        </div>
        <div className="atlas-card__name" title={node.label}>
          {node.label}
        </div>
        <div className="atlas-card__id">{node.id}</div>
        <div className="vpc-chip__footer">
          <span className="vpc-chip__summary">
            {d.associatedVpcs} VPC · {d.associatedResourceConfigurations} res · {d.associatedServices} svc
          </span>
          {collapsible ? <FoldButton id={node.id} collapsed={collapsed} label={node.label} /> : null}
          {isConnectable ? <ChangeMenuButton id={node.id} label={node.label} /> : null}
        </div>
      </div>
    </div>
  );
  if (!isConnectable) return card;
  return (
    <>
      {card}
      <ConnectTarget />
    </>
  );
});
