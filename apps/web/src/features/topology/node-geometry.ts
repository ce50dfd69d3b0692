/**
 * Fixed sizes and handle positions per node kind. Every node gets explicit
 * width/height and handles so that React Flow can cull (onlyRenderVisibleElements)
 * and route edges to nodes it has not measured yet.
 */
import type { NodeKind } from "@lattice-atlas/shared";
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
} as const satisfies Record<NodeKind, Size>;

/** Handle ids: traffic enters on the left and leaves on the right; "side" handles join a group to children drawn in its own column. */
export const HANDLE = { in: "in", out: "out", sideIn: "side-in", sideOut: "side-out" } as const;

const handleCache = new Map<string, NodeHandle[]>();

/** Handles at fixed positions for a node of this size (shared arrays: React Flow only reads them). */
export function handlesFor(width: number, height: number): NodeHandle[] {
  const key = `${width}x${height}`;
  let handles = handleCache.get(key);
  if (!handles) {
    const y = height / 2;
    handles = [
      { id: HANDLE.in, type: "target", position: Position.Left, x: 0, y, width: 1, height: 1 },
      { id: HANDLE.sideIn, type: "target", position: Position.Left, x: 0, y, width: 1, height: 1 },
      { id: HANDLE.out, type: "source", position: Position.Right, x: width - 1, y, width: 1, height: 1 },
      { id: HANDLE.sideOut, type: "source", position: Position.Left, x: 0, y, width: 1, height: 1 },
    ];
    handleCache.set(key, handles);
  }
  return handles;
}
