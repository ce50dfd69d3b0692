/**
 * A minimap for large diagrams: the drawing is painted once into a <canvas>
 * (one rectangle per shown node), and only the viewport frame follows the
 * camera. React Flow's own MiniMap keeps one SVG element and one store
 * subscription per node, which at thousands of nodes costs every click and
 * every pan frame; below that size the canvas uses the standard MiniMap.
 * Click or drag on the overview to move the camera there.
 */
import { Panel, useReactFlow, useStore } from "@xyflow/react";
import { memo, useEffect, useRef, type PointerEvent } from "react";
import type { AtlasNode, FlowGraph } from "../to-flow-graph";

const WIDTH = 220;
const HEIGHT = 150;
const PAD = 6;

interface OverviewMapProps {
  graph: FlowGraph;
  color(node: AtlasNode): string;
}

export const OverviewMap = memo(function OverviewMap({ graph, color }: OverviewMapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const flow = useReactFlow();
  const { width: drawingWidth, height: drawingHeight } = graph.bounds;
  const scale = Math.min(
    (WIDTH - 2 * PAD) / Math.max(drawingWidth, 1),
    (HEIGHT - 2 * PAD) / Math.max(drawingHeight, 1),
  );
  const offsetX = (WIDTH - drawingWidth * scale) / 2;
  const offsetY = (HEIGHT - drawingHeight * scale) / 2;

  // Painted again only when the drawing changes (rects belong to the cached structure), not on selection.
  const nodes = useRef(graph.nodes);
  nodes.current = graph.nodes;
  const { rects } = graph;
  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (!context) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.current!.width = WIDTH * ratio;
    canvas.current!.height = HEIGHT * ratio;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, WIDTH, HEIGHT);
    // Containers first, so that their children paint over them.
    for (const pass of [true, false]) {
      for (const node of nodes.current) {
        const isContainer = node.type === "vpc" && node.data.mode === "container";
        if (isContainer !== pass) continue;
        const rect = rects.get(node.id);
        if (!rect) continue;
        context.fillStyle = isContainer ? "rgba(148, 163, 184, 0.25)" : color(node);
        context.fillRect(
          offsetX + rect.x * scale,
          offsetY + rect.y * scale,
          Math.max(1, rect.width * scale),
          Math.max(1, rect.height * scale),
        );
      }
    }
  }, [rects, color, scale, offsetX, offsetY]);

  // The camera frame: only these numbers change while panning.
  const frame = useStore((s) => {
    const [tx, ty, zoom] = s.transform;
    return `${(-tx / zoom) * scale + offsetX},${(-ty / zoom) * scale + offsetY},${(s.width / zoom) * scale},${(s.height / zoom) * scale}`;
  });
  const [fx, fy, fw, fh] = frame.split(",").map(Number) as [number, number, number, number];

  const moveTo = (event: PointerEvent<HTMLDivElement>): void => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = (event.clientX - box.left - offsetX) / scale;
    const y = (event.clientY - box.top - offsetY) / scale;
    void flow.setCenter(x, y, { zoom: flow.getZoom() });
  };

  return (
    <Panel position="bottom-right" className="overview-map" aria-label="Overview of the whole diagram">
      <div
        className="overview-map__surface"
        style={{ width: WIDTH, height: HEIGHT }}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          moveTo(event);
        }}
        onPointerMove={(event) => {
          if (event.buttons === 1) moveTo(event);
        }}
        role="img"
        aria-label="Overview: click to move the view there"
      >
        <canvas ref={canvas} style={{ width: WIDTH, height: HEIGHT }} />
        <div
          className="overview-map__frame"
          style={{ transform: `translate(${fx}px, ${fy}px)`, width: fw, height: fh }}
        />
      </div>
    </Panel>
  );
});
