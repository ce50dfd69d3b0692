/**
 * Fixed sizes and handle positions per node kind. Every node gets explicit
 * width/height and handles so that React Flow can cull (onlyRenderVisibleElements)
 * and route edges to nodes it has not measured yet.
 *
 * Handles declared here are what React Flow uses whenever a node object
 * changes, so the connect handles (the grip a change is dragged from, the
 * service network it is dropped on) are declared too, for the kinds that
 * take part: one shared array per kind and size, nothing per node.
 */
import type { GraphNode, NodeKind } from "@lattice-atlas/shared";
import { Position, type NodeHandle } from "@xyflow/react";

export interface Size {
  width: number;
  height: number;
}

const CARD: Size = { width: 232, height: 62 };
const PILL: Size = { width: 204, height: 42 };

export const NODE_SIZE = {
  vpc: { width: 232, height: 74 },
  securityGroup: { width: 176, height: 50 },
  vpcEndpoint: CARD,
  serviceNetwork: { width: 232, height: 80 },
  vpcAssociation: PILL,
  resourceAssociation: PILL,
  serviceAssociation: PILL,
  resourceGateway: CARD,
  resourceConfiguration: CARD,
  dbCluster: CARD,
  dbEndpoint: { width: 232, height: 58 },
  resourceTarget: CARD,
  service: CARD,
  targetGroup: CARD,
  target: CARD,
  account: CARD,
  resourceShare: CARD,
  stub: CARD,
} as const satisfies Record<NodeKind, Size>;

/** Handle ids: traffic enters on the left and leaves on the right; "side" handles join a group to children drawn in its own column. */
export const HANDLE = {
  in: "in",
  out: "out",
  sideIn: "side-in",
  sideOut: "side-out",
  /** The grip a change is dragged from (VPC, resource configuration, service). */
  connectFrom: "connect-from",
  /** The whole service network, while a change is dragged over it. */
  connectTo: "connect-to",
} as const;

/** The grip's size; a VPC container carries it on its header row. */
const GRIP_SIZE = 16;
const CONTAINER_GRIP_Y = 18;

/**
 * What a node can do in the connect gesture: a VPC, a resource configuration
 * (not a CHILD — its GROUP is associated — nor a CIDR one) or a service is
 * dragged onto a service network.
 */
export type ConnectRole = "from-right" | "from-left" | "from-header" | "to";

export function connectRoleOf(node: GraphNode, containerMode: boolean): ConnectRole | undefined {
  switch (node.kind) {
    case "vpc":
      return containerMode ? "from-header" : "from-right";
    case "resourceConfiguration":
      return node.data.type === "CHILD" || node.data.type === "CIDR" || node.data.groupId ? undefined : "from-left";
    case "service":
      return "from-left";
    case "serviceNetwork":
      return "to";
    default:
      return undefined;
  }
}

const handleCache = new Map<string, NodeHandle[]>();

/** Handles at fixed positions for a node of this size (shared arrays: React Flow only reads them). */
export function handlesFor(width: number, height: number, role?: ConnectRole): NodeHandle[] {
  const key = `${width}x${height}${role ? `:${role}` : ""}`;
  let handles = handleCache.get(key);
  if (!handles) {
    const y = height / 2;
    const half = GRIP_SIZE / 2;
    handles = [
      { id: HANDLE.in, type: "target", position: Position.Left, x: 0, y, width: 1, height: 1 },
      { id: HANDLE.sideIn, type: "target", position: Position.Left, x: 0, y, width: 1, height: 1 },
      { id: HANDLE.out, type: "source", position: Position.Right, x: width - 1, y, width: 1, height: 1 },
      { id: HANDLE.sideOut, type: "source", position: Position.Left, x: 0, y, width: 1, height: 1 },
    ];
    const grip = (position: Position, x: number, gy: number): NodeHandle => ({
      id: HANDLE.connectFrom,
      type: "source",
      position,
      x,
      y: gy - half,
      width: GRIP_SIZE,
      height: GRIP_SIZE,
    });
    if (role === "from-right") handles.push(grip(Position.Right, width - half, y));
    if (role === "from-header") handles.push(grip(Position.Right, width - half, CONTAINER_GRIP_Y));
    if (role === "from-left") handles.push(grip(Position.Left, -half, y));
    if (role === "to")
      handles.push({ id: HANDLE.connectTo, type: "target", position: Position.Left, x: 0, y: 0, width, height });
    handleCache.set(key, handles);
  }
  return handles;
}
