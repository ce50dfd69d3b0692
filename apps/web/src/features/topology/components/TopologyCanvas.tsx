/**
 * The diagram: React Flow over the toFlowGraph projection. Nodes do not move;
 * selection goes to the URL; the viewport follows `focus`. Culling
 * (onlyRenderVisibleElements) works because every node carries its size and
 * handles. Where the source allows changes, one gesture connects: a VPC,
 * resource configuration or service dragged (by its grip) onto a service
 * network opens the change sheet — React Flow draws the line, the app
 * decides what it means; no edge is added until AWS has it.
 */
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type Edge,
  type IsValidConnection,
} from "@xyflow/react";
import { memo, useCallback, useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from "react";
import { minimapColor } from "../../../lib/node-kinds";
import { isConnectChange } from "../connect-gesture";
import { nodeTypes } from "../nodes";
import { indexTopology } from "../topology-index";
import type { AtlasNode, FlowGraph } from "../to-flow-graph";
import { filteredViewport, firstViewport } from "../first-frame";
import { viewportFor } from "../viewport";
import { DetailLevel } from "./DetailLevel";
import { AccountFrames } from "./AccountFrames";
import { Legend } from "./Legend";
import { NothingInView } from "./NothingInView";
import { MapToggle } from "./MapToggle";
import { OverviewMap } from "./OverviewMap";

/** Above this many shown nodes the minimap is a painted canvas (see OverviewMap). */
const CANVAS_OVERVIEW_ABOVE = 800;

const miniMapColor = (node: AtlasNode): string => minimapColor(node.type);

export interface TopologyCanvasProps {
  /** The projection (see toFlowGraph): computed by the shell, which also needs it for the view controls. */
  graph: FlowGraph;
  /** The account view the graph shows (source, region): another one resets the camera; a refresh does not. */
  viewKey: string;
  focus: string | undefined;
  /** A set of nodes to bring into view when its key changes (a connect path). */
  frame?: { key: string; ids: ReadonlySet<string> } | undefined;
  /** A node to bring into view (once per key) without highlighting it: a VPC or network just unfolded. */
  centerOn?: { id: string; key: number; collapsed: boolean } | undefined;
  /** Width of a panel lying over the right of the canvas: the camera centres in what stays visible. */
  rightInset?: number;
  /** Changes exactly when a filter does: the camera then frames what the filters leave (see filter-summary). */
  filterKey?: string;
  /** The source accepts changes: grips, drop targets and "+" menus are on. */
  canChange?: boolean;
  onSelect(id: string | undefined): void;
  /** A VPC, resource configuration or service was dropped on a service network. */
  onConnectChange?(fromId: string, networkId: string): void;
}

/** As far out as the camera goes (7,000 nodes fit at about this zoom on a laptop screen). */
const MIN_ZOOM = 0.02;

const CONNECTION_LINE_STYLE: CSSProperties = { stroke: "#1d4ed8", strokeWidth: 2.2, strokeDasharray: "6 4" };

export const TopologyCanvas = memo(function TopologyCanvas({
  graph,
  viewKey,
  focus,
  frame,
  rightInset = 0,
  centerOn,
  filterKey = "",
  canChange = false,
  onSelect,
  onConnectChange,
}: TopologyCanvasProps) {
  // A first guess of the camera from the window size, so that the first frame is already at its final zoom
  // (rendering the top left at zoom 1 first would mount many nodes for nothing); CameraDirector corrects it.
  const [defaultViewport] = useState(() =>
    firstViewport(graph, { width: window.innerWidth - 280 - rightInset, height: window.innerHeight - 100 }),
  );
  const canvas = useRef<HTMLDivElement>(null);
  const fit = useFitView(graph, rightInset);

  // Selection lives in the URL, not in React Flow (whose selection pass walks every node on each click).
  const onNodeClick = useCallback((_: unknown, node: AtlasNode) => onSelect(node.id), [onSelect]);
  const onPaneClick = useCallback(() => onSelect(undefined), [onSelect]);

  // The connect gesture reads the latest projection through a ref: stable callbacks, no re-render per graph.
  const latestGraph = useRef(graph);
  latestGraph.current = graph;
  const isValidConnection = useCallback<IsValidConnection<Edge>>(
    (connection) => isConnectChange(connection, (id) => indexTopology(latestGraph.current.topology).byId.get(id)?.kind),
    [],
  );
  const onConnect = useCallback(
    (connection: Connection) => {
      if (isConnectChange(connection, (id) => indexTopology(latestGraph.current.topology).byId.get(id)?.kind))
        onConnectChange?.(connection.source, connection.target);
    },
    [onConnectChange],
  );
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const target = event.target as HTMLElement;
      if (
        (event.key === "Enter" || event.key === " ") &&
        target.classList.contains("react-flow__node") &&
        target.dataset.id
      ) {
        event.preventDefault();
        onSelect(target.dataset.id);
      } else if (event.key === "Escape" && target.classList.contains("react-flow__node")) {
        onSelect(undefined);
      }
    },
    [onSelect],
  );

  return (
    <div
      ref={canvas}
      className="canvas"
      onKeyDown={onKeyDown}
      data-testid="topology-canvas"
      data-node-count={graph.nodes.length}
      data-edge-count={graph.edges.length}
    >
      <ReactFlow<AtlasNode>
        nodes={graph.nodes}
        edges={graph.edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        onlyRenderVisibleElements
        nodesDraggable={false}
        nodesConnectable={canChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        connectOnClick={false}
        connectionRadius={36}
        connectionLineStyle={CONNECTION_LINE_STYLE}
        nodesFocusable
        elementsSelectable={false}
        selectNodesOnDrag={false}
        zoomOnDoubleClick={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        minZoom={MIN_ZOOM}
        maxZoom={2}
        defaultViewport={defaultViewport}
        aria-label="VPC Lattice topology diagram"
        colorMode="system"
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} color="var(--canvas-dot, #cbd5e1)" />
        <AccountFrames frames={graph.accountFrames} />
        <MapToggle>
          {graph.nodes.length > CANVAS_OVERVIEW_ABOVE ? (
            <OverviewMap graph={graph} color={miniMapColor} />
          ) : (
            <MiniMap<AtlasNode>
              pannable
              zoomable
              nodeColor={miniMapColor}
              nodeStrokeWidth={0}
              ariaLabel="Overview of the whole diagram"
            />
          )}
        </MapToggle>
        <Controls showInteractive={false} showFitView={false}>
          <FitViewButton fit={fit} />
        </Controls>
        <NothingInView graph={graph} rightInset={rightInset} onFit={fit} />
        <DetailLevel canvas={canvas} />
        <Legend compact={rightInset > 0} />
        <CameraDirector
          graph={graph}
          filterKey={filterKey}
          focus={focus}
          frame={frame}
          centerOn={centerOn}
          viewKey={viewKey}
          rightInset={rightInset}
        />
      </ReactFlow>
    </div>
  );
});

/** Fit view never zooms in past this. */
const FIT_MAX_ZOOM = 1.1;

/**
 * "Fit view": the whole drawing (from its laid-out bounds, not from the nodes React Flow has measured — culling
 * leaves most of a large account unmeasured) into the part that an open side panel leaves visible, however far out
 * that takes the camera: the level of detail keeps what is drawn legible.
 */
function useFitView(graph: FlowGraph, rightInset: number): () => void {
  const flow = useReactFlow();
  const fullWidth = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const width = Math.max(fullWidth - rightInset, Math.min(fullWidth, 240));
  return useCallback(() => {
    const viewport = viewportFor({ x: 0, y: 0, ...graph.bounds }, { width, height }, MIN_ZOOM, FIT_MAX_ZOOM);
    void flow.setViewport(viewport, { duration: 250 });
  }, [flow, graph.bounds, width, height]);
}

function FitViewButton({ fit }: { fit: () => void }) {
  return (
    <ControlButton
      className="react-flow__controls-fitview"
      onClick={fit}
      title="Fit view"
      aria-label="Fit view"
      data-testid="fit-view"
    >
      <svg viewBox="0 0 32 30" aria-hidden="true">
        <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
      </svg>
    </ControlButton>
  );
}

/**
 * Places the camera when a topology arrives (see firstViewport), and centres
 * it on the focused node (or what stands for it) whenever the focus changes.
 */
function CameraDirector({
  graph,
  filterKey,
  focus,
  frame,
  viewKey,
  rightInset,
  centerOn,
}: {
  graph: FlowGraph;
  filterKey: string;
  focus: string | undefined;
  frame: TopologyCanvasProps["frame"];
  centerOn: TopologyCanvasProps["centerOn"];
  viewKey: string;
  rightInset: number;
}) {
  const flow = useReactFlow();
  const fullWidth = useStore((s) => s.width);
  const width = Math.max(fullWidth - rightInset, Math.min(fullWidth, 240));
  const height = useStore((s) => s.height);
  const placedFor = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (placedFor.current === viewKey || width === 0 || height === 0) return;
    placedFor.current = viewKey;
    if (focus) return;
    void flow.setViewport(firstViewport(graph, { width, height }));
  }, [viewKey, focus, graph, flow, width, height]);

  // Another filter: frame what it leaves, once the layout made for it is drawn (a large account lays out in slices,
  // keeping the previous drawing meanwhile). A focus that moves with it is centred again by the effect below, which
  // runs after this one.
  const filtered = useRef({ key: filterKey, rects: graph.rects, staleRects: undefined as unknown });
  useEffect(() => {
    const state = filtered.current;
    if (filterKey !== state.key) {
      state.key = filterKey;
      state.staleRects = state.rects;
    }
    state.rects = graph.rects;
    if (state.staleRects === undefined || graph.rects === state.staleRects || width === 0 || height === 0) return;
    state.staleRects = undefined;
    void flow.setViewport(filteredViewport(graph, { width, height }), { duration: 250 });
  }, [filterKey, graph, flow, width, height]);

  const centred = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!focus) {
      centred.current = undefined;
      return;
    }
    const shownAs = graph.rects.has(focus) ? focus : graph.representative.get(focus);
    const rect = shownAs ? graph.rects.get(shownAs) : undefined;
    // Centre once per focus (and again if it moves, e.g. its VPC unfolds), not on every selection.
    const key = rect ? `${focus}@${rect.x},${rect.y}` : undefined;
    if (!rect || key === centred.current || width === 0) return;
    centred.current = key;
    const zoom = Math.max(flow.getZoom(), 0.9);
    // Centre in the part of the canvas the side panel leaves visible.
    const shift = (fullWidth - width) / 2 / zoom;
    void flow.setCenter(rect.x + rect.width / 2 + shift, rect.y + rect.height / 2, { zoom, duration: 250 });
  }, [focus, graph, flow, width, fullWidth]);

  // An unfolded container: show its top part (it may be taller than the screen), keeping the zoom.
  const centredOn = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!centerOn || centerOn.key === centredOn.current || width === 0) return;
    // Wait for the layout in which the fold took effect (large accounts lay out in slices).
    const rect =
      graph.visibility.collapsed.has(centerOn.id) === centerOn.collapsed ? graph.rects.get(centerOn.id) : undefined;
    if (!rect) return;
    centredOn.current = centerOn.key;
    const zoom = flow.getZoom();
    const visibleHeight = height / zoom;
    const y = rect.height > visibleHeight * 0.8 ? rect.y + visibleHeight / 2 - 40 / zoom : rect.y + rect.height / 2;
    const shift = (fullWidth - width) / 2 / zoom;
    void flow.setCenter(rect.x + rect.width / 2 + shift, y, { zoom, duration: 250 });
  }, [centerOn, graph, flow, width, height, fullWidth]);

  const framed = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!frame || frame.key === framed.current || width === 0) return;
    let x1 = Number.POSITIVE_INFINITY;
    let y1 = Number.POSITIVE_INFINITY;
    let x2 = Number.NEGATIVE_INFINITY;
    let y2 = Number.NEGATIVE_INFINITY;
    for (const id of frame.ids) {
      const shownAs = graph.rects.has(id) ? id : graph.representative.get(id);
      const rect = shownAs ? graph.rects.get(shownAs) : undefined;
      if (!rect) continue;
      x1 = Math.min(x1, rect.x);
      y1 = Math.min(y1, rect.y);
      x2 = Math.max(x2, rect.x + rect.width);
      y2 = Math.max(y2, rect.y + rect.height);
    }
    if (!Number.isFinite(x1)) return;
    framed.current = frame.key;
    void flow.setViewport(viewportFor({ x: x1, y: y1, width: x2 - x1, height: y2 - y1 }, { width, height }), {
      duration: 300,
    });
  }, [frame, graph, flow, width, height]);
  return null;
}
