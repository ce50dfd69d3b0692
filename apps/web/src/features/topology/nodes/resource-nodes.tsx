/** One memoised component per node kind; each picks its caption, name and detail from its typed data. */
import type { NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { AtlasNodeOf } from "../to-flow-graph";
import { NodeCard, NodePill } from "./node-parts";

export const SecurityGroupNode = memo(function SecurityGroupNode({
  data,
  selected,
}: NodeProps<AtlasNodeOf<"securityGroup">>) {
  const { node } = data;
  const rules = node.data.ingress.length;
  return (
    <NodeCard
      kind="securityGroup"
      caption={rules === 0 ? "SG · no inbound rule" : `SG · ${rules} inbound rule${rules === 1 ? "" : "s"}`}
      name={node.data.groupName}
      id={node.id}
      selected={selected}
    />
  );
});

export const VpcEndpointNode = memo(function VpcEndpointNode({
  data,
  selected,
}: NodeProps<AtlasNodeOf<"vpcEndpoint">>) {
  const { node } = data;
  const d = node.data;
  const pattern =
    d.endpointType === "Resource" ? "resource" : d.endpointType === "ServiceNetwork" ? "network" : undefined;
  return (
    <NodeCard
      kind="vpcEndpoint"
      tone={pattern}
      caption={`${d.endpointType} endpoint · DNS ${d.privateDnsEnabled ? "on" : "off"}`}
      name={node.label}
      id={node.id}
      status={d.state}
      selected={selected}
    />
  );
});

export const VpcAssociationNode = memo(function VpcAssociationNode({
  data,
  selected,
}: NodeProps<AtlasNodeOf<"vpcAssociation">>) {
  const { node } = data;
  return (
    <NodePill
      kind="vpcAssociation"
      label="VPC association"
      id={node.id}
      status={node.data.status}
      selected={selected}
    />
  );
});

export const ResourceAssociationNode = memo(function ResourceAssociationNode({
  data,
  selected,
}: NodeProps<AtlasNodeOf<"resourceAssociation">>) {
  const { node } = data;
  return (
    <NodePill
      kind="resourceAssociation"
      label={node.data.isManaged ? "Resource assoc. (child)" : "Resource assoc."}
      id={node.id}
      status={node.data.status}
      selected={selected}
    />
  );
});

export const ServiceAssociationNode = memo(function ServiceAssociationNode({
  data,
  selected,
}: NodeProps<AtlasNodeOf<"serviceAssociation">>) {
  const { node } = data;
  return (
    <NodePill
      kind="serviceAssociation"
      label="Service assoc."
      id={node.id}
      status={node.data.status}
      selected={selected}
    />
  );
});

export const ResourceGatewayNode = memo(function ResourceGatewayNode({
  data,
  selected,
}: NodeProps<AtlasNodeOf<"resourceGateway">>) {
  const { node } = data;
  return (
    <NodeCard
      kind="resourceGateway"
      caption={`Resource gateway · ${node.data.subnetIds.length} subnets`}
      name={node.label}
      id={node.id}
      status={node.data.status}
      selected={selected}
    />
  );
});

export const ResourceConfigurationNode = memo(function ResourceConfigurationNode({
  data,
  selected,
  isConnectable,
}: NodeProps<AtlasNodeOf<"resourceConfiguration">>) {
  const { node } = data;
  const d = node.data;
  const ports = d.portRanges.length > 0 ? `${d.protocol ?? "TCP"} ${d.portRanges.join(",")}` : (d.protocol ?? "");
  return (
    <NodeCard
      kind="resourceConfiguration"
      caption={`${d.type} config${ports ? ` · ${ports}` : ""}`}
      name={node.label}
      id={node.id}
      status={d.status}
      selected={selected}
      changes={isConnectable}
    />
  );
});

export const DbClusterNode = memo(function DbClusterNode({ data, selected }: NodeProps<AtlasNodeOf<"dbCluster">>) {
  const { node } = data;
  const d = node.data;
  return (
    <NodeCard
      kind="dbCluster"
      caption={`${d.engine}${d.engineVersion ? ` ${d.engineVersion}` : ""} · port ${d.port}`}
      name={d.identifier}
      id={node.id}
      detail="Aurora cluster"
      status={d.status}
      selected={selected}
    />
  );
});

export const DbEndpointNode = memo(function DbEndpointNode({ data, selected }: NodeProps<AtlasNodeOf<"dbEndpoint">>) {
  const { node } = data;
  const d = node.data;
  return (
    <NodeCard
      kind="dbEndpoint"
      caption={`${d.role} endpoint · port ${d.port}`}
      name={d.hostname}
      id={node.id}
      detail={d.engine}
      selected={selected}
    />
  );
});

export const ResourceTargetNode = memo(function ResourceTargetNode({
  data,
  selected,
}: NodeProps<AtlasNodeOf<"resourceTarget">>) {
  const { node } = data;
  return (
    <NodeCard
      kind="resourceTarget"
      caption={`${node.data.kind.toUpperCase()} target`}
      name={node.data.value}
      id={node.id}
      selected={selected}
    />
  );
});

export const ServiceNode = memo(function ServiceNode({
  data,
  selected,
  isConnectable,
}: NodeProps<AtlasNodeOf<"service">>) {
  const { node } = data;
  const d = node.data;
  const listeners = d.listeners.map((l) => `${l.protocol} ${l.port}`).join(", ");
  return (
    <NodeCard
      kind="service"
      caption={`Lattice service${listeners ? ` · ${listeners}` : ""}`}
      name={node.label}
      id={node.id}
      status={d.status}
      selected={selected}
      changes={isConnectable}
    />
  );
});

export const TargetGroupNode = memo(function TargetGroupNode({
  data,
  selected,
}: NodeProps<AtlasNodeOf<"targetGroup">>) {
  const { node } = data;
  return (
    <NodeCard
      kind="targetGroup"
      caption={`${node.data.type} target group`}
      name={node.label}
      id={node.id}
      status={node.data.status}
      selected={selected}
    />
  );
});

export const TargetNode = memo(function TargetNode({ data, selected }: NodeProps<AtlasNodeOf<"target">>) {
  const { node } = data;
  const d = node.data;
  return (
    <NodeCard
      kind="target"
      caption={d.functionName ? "Lambda function" : `${d.targetType} target${d.port ? ` · ${d.port}` : ""}`}
      name={node.label}
      id={node.id}
      status={d.status}
      selected={selected}
    />
  );
});

/** An account's read status as a badge: skipped (suspended) is no failure. */
const ACCOUNT_BADGE = { readable: "ACTIVE", partial: "PARTIAL", unreadable: "FAILED", skipped: "SKIPPED" } as const;

export const AccountNode = memo(function AccountNode({ data, selected }: NodeProps<AtlasNodeOf<"account">>) {
  const { node } = data;
  return (
    <NodeCard
      kind="account"
      caption={`Account · ${node.data.status}`}
      name={node.label}
      id={node.data.accountId}
      status={ACCOUNT_BADGE[node.data.status]}
      selected={selected}
    />
  );
});

export const ResourceShareNode = memo(function ResourceShareNode({
  data,
  selected,
}: NodeProps<AtlasNodeOf<"resourceShare">>) {
  const { node } = data;
  return (
    <NodeCard
      kind="resourceShare"
      caption={`RAM share · owner ${node.data.ownerAccountId}`}
      name={node.label}
      id={node.id}
      status={node.data.status}
      selected={selected}
    />
  );
});

export const StubNode = memo(function StubNode({ data, selected }: NodeProps<AtlasNodeOf<"stub">>) {
  const { node } = data;
  return (
    <NodeCard
      kind="stub"
      caption={`Not read · ${node.data.reason}`}
      name={node.label}
      id={node.id}
      selected={selected}
    />
  );
});
