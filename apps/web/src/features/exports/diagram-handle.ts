/**
 * The React Flow instance of the diagram on screen, for the image exports
 * (which must bring every node into the DOM: the canvas culls what is out of
 * view). DiagramHandle sits inside the canvas's ReactFlowProvider and hands
 * the instance to this small store; the Export menu, outside, reads it.
 */
import { useReactFlow, type ReactFlowInstance } from "@xyflow/react";
import { useEffect, useSyncExternalStore } from "react";
import type { AtlasEdge, AtlasNode } from "../topology/to-flow-graph";

export type DiagramFlow = ReactFlowInstance<AtlasNode, AtlasEdge>;

let current: DiagramFlow | undefined;
const listeners = new Set<() => void>();

function set(flow: DiagramFlow | undefined): void {
  current = flow;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Render inside the canvas's ReactFlowProvider. */
export function DiagramHandle(): null {
  const flow = useReactFlow<AtlasNode, AtlasEdge>();
  useEffect(() => {
    set(flow);
    return () => {
      if (current === flow) set(undefined);
    };
  }, [flow]);
  return null;
}

/** The diagram on screen, if any. */
export function useDiagramFlow(): DiagramFlow | undefined {
  return useSyncExternalStore(subscribe, () => current);
}
