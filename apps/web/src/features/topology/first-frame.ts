/**
 * The first view of a diagram: the story that matters — consumer VPCs, the
 * ways in (endpoints, VPC associations), service networks, their associations
 * and the resource configurations and services they lead to — framed as large as the screen
 * allows, never below the zoom at which names are drawn (see level-of-detail).
 * What does not fit starts at the top left, where traffic starts.
 */
import type { NodeKind } from "@lattice-atlas/shared";
import type { Viewport } from "@xyflow/react";
import { FULL_DETAIL_ZOOM, NAMES_ZOOM } from "./level-of-detail";
import type { FlowGraph } from "./to-flow-graph";
import { viewportFor, type Area } from "./viewport";

const STORY_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>([
  "vpcEndpoint",
  "vpcAssociation",
  "serviceNetwork",
  "resourceAssociation",
  "serviceAssociation",
  "resourceConfiguration",
  "service",
]);

/** The rectangle around the story's nodes (a consumer VPC counts whole), or undefined when none is drawn. */
export function storyArea(graph: Pick<FlowGraph, "nodes" | "rects">): Area | undefined {
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  for (const node of graph.nodes) {
    const inStory =
      STORY_KINDS.has(node.type) || (node.type === "vpc" && node.data.node.data.roles.includes("consumer"));
    const rect = inStory ? graph.rects.get(node.id) : undefined;
    if (!rect) continue;
    x1 = Math.min(x1, rect.x);
    y1 = Math.min(y1, rect.y);
    x2 = Math.max(x2, rect.x + rect.width);
    y2 = Math.max(y2, rect.y + rect.height);
  }
  return Number.isFinite(x1) ? { x: x1, y: y1, width: x2 - x1, height: y2 - y1 } : undefined;
}

/** Where the camera starts: the story (or the whole drawing), at full detail when it fits, at names at the least. */
export function firstViewport(
  graph: Pick<FlowGraph, "nodes" | "rects" | "bounds">,
  screen: { width: number; height: number },
): Viewport {
  const area = storyArea(graph) ?? { x: 0, y: 0, ...graph.bounds };
  return viewportFor(area, screen, NAMES_ZOOM, FULL_DETAIL_ZOOM);
}

/** After a filter: all that it leaves, at full detail when it fits, at names at the least. */
export function filteredViewport(
  graph: Pick<FlowGraph, "bounds">,
  screen: { width: number; height: number },
): Viewport {
  return viewportFor({ x: 0, y: 0, ...graph.bounds }, screen, NAMES_ZOOM, FULL_DETAIL_ZOOM);
}
