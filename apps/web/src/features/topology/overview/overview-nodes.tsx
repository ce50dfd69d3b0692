/** The overview's two node types: a service network with its counts, and a group of VPCs sorted by name. */
import { Handle, Position, type NodeProps, type NodeTypes } from "@xyflow/react";
import { memo, type MouseEvent } from "react";
import { KindIcon } from "../nodes/icons";
import { FOLDED_NAMES, type OverviewItem } from "./aggregate";
import { useOverviewActions } from "./overview-actions";
import type { OverviewGroupNode, OverviewNetworkNode } from "./overview-flow";

/** One number format for every card: `toLocaleString("en-US")` builds a new one on each call (a click redraws cards). */
const count = new Intl.NumberFormat("en-US");
const plural = (n: number, one: string, many = `${one}s`): string => `${count.format(n)} ${n === 1 ? one : many}`;

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className="atlas-handle" />
      <Handle type="source" position={Position.Right} isConnectable={false} className="atlas-handle" />
    </>
  );
}

/** Memoised on whether it is the selection: a click redraws the two names whose state changed, not every name. */
const ItemRow = memo(function ItemRow({ item, selected }: { item: OverviewItem; selected: boolean }) {
  const { select } = useOverviewActions();
  const onClick = (event: MouseEvent): void => {
    event.stopPropagation();
    select(item.id);
  };
  return (
    <li>
      <button
        type="button"
        className={`overview-item nodrag nopan${selected ? " is-selected" : ""}`}
        onClick={onClick}
        aria-current={selected ? "true" : undefined}
        data-testid="overview-item"
        data-id={item.id}
        title={`${item.label} (${item.id})`}
      >
        <KindIcon kind={item.kind} />
        <span className="overview-item__name">{item.label}</span>
      </button>
    </li>
  );
});

function FoldToggle({ id, expanded, label }: { id: string; expanded: boolean; label: string }) {
  const { toggle } = useOverviewActions();
  const onClick = (event: MouseEvent): void => {
    event.stopPropagation();
    toggle(id);
  };
  return (
    <button
      type="button"
      className="fold-button nodrag nopan"
      onClick={onClick}
      aria-expanded={expanded}
      aria-label={`${expanded ? "Collapse" : "Expand"} ${label}`}
    >
      {expanded ? "Collapse" : "Expand"}
    </button>
  );
}

export const OverviewNetworkCard = memo(function OverviewNetworkCard({ data }: NodeProps<OverviewNetworkNode>) {
  const { network, selected } = data;
  const { select } = useOverviewActions();
  const { counts } = network;
  return (
    <div
      className={`overview-card overview-card--network${selected === network.id ? " is-selected" : ""}`}
      data-testid="overview-network"
      data-id={network.id}
      data-expanded={network.expanded}
    >
      <Handles />
      <div className="overview-card__header">
        <KindIcon kind="serviceNetwork" />
        <button
          type="button"
          className="overview-card__name nodrag nopan"
          title={`${network.label}: details`}
          onClick={(event) => {
            event.stopPropagation();
            select(network.id);
          }}
        >
          {network.label}
        </button>
        <FoldToggle id={network.id} expanded={network.expanded} label={network.label} />
      </div>
      <p className="overview-card__counts" data-testid="overview-counts">
        <span>
          {plural(counts.vpcs, "VPC")} · {plural(counts.endpoints, "endpoint")}
        </span>
        <span>
          {plural(counts.resources, "resource")} · {plural(counts.services, "service")}
        </span>
      </p>
      {network.expanded ? (
        <ul className="overview-card__items" aria-label={`In ${network.label}`}>
          {network.members.map((member) => (
            <ItemRow key={member.id} item={member} selected={member.id === selected} />
          ))}
        </ul>
      ) : null}
    </div>
  );
});

export const OverviewGroupCard = memo(function OverviewGroupCard({ data }: NodeProps<OverviewGroupNode>) {
  const { group, selected } = data;
  const shown = group.expanded ? group.vpcs : group.vpcs.slice(0, FOLDED_NAMES);
  const more = group.vpcs.length - shown.length;
  return (
    <div
      className={`overview-card overview-card--${group.side}${selected ? " has-selected" : ""}`}
      data-testid="overview-group"
      data-id={group.id}
      data-expanded={group.expanded}
    >
      <Handles />
      <div className="overview-card__header">
        <KindIcon kind="vpc" />
        <span className="overview-card__title" title={group.label}>
          {group.label}
        </span>
        {group.vpcs.length > FOLDED_NAMES ? (
          <FoldToggle id={group.id} expanded={group.expanded} label={group.label} />
        ) : null}
      </div>
      <p className="overview-card__counts">{plural(group.vpcs.length, "VPC")}, by name</p>
      <ul className="overview-card__items" aria-label={group.label}>
        {shown.map((vpc) => (
          <ItemRow key={vpc.id} item={vpc} selected={vpc.id === selected} />
        ))}
        {more > 0 ? <li className="overview-card__more">+ {more} more</li> : null}
      </ul>
    </div>
  );
});

export const overviewNodeTypes = {
  overviewNetwork: OverviewNetworkCard,
  overviewGroup: OverviewGroupCard,
} satisfies NodeTypes;
