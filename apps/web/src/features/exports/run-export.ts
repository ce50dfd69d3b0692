/**
 * One export, as a file: SVG and PNG diagrams written from the graph
 * (svg-diagram.ts, rasterize.ts), the drawn graph as JSON, a Mermaid flowchart
 * and a draw.io diagram — of the current view (filters and folds as on screen)
 * or of the whole topology (no filters, the console's default folds). On the
 * overview (a large account), every format exports the overview as it is drawn
 * (overview-model.ts): groups and networks with their counts, bundled lines.
 * Loaded on demand (the writers are not in the first bundle).
 */
import { EMPTY_VIEW } from "../../lib/url-state";
import { prepareProjection, toFlowGraph, type FlowGraph } from "../topology/to-flow-graph";
import { toDrawio } from "./drawio";
import { exportFileName, toExportModel, type ExportModel } from "./export-model";
import { toViewJson } from "./graph-json";
import { toMermaid } from "./mermaid";
import { overviewFor, overviewSummary, toOverviewExportModel, type OverviewSource } from "./overview-model";
import { svgToPng } from "./rasterize";
import { toSvgDiagram, type ExportScope } from "./svg-diagram";

export type ExportFormat = "png" | "svg" | "json" | "mermaid" | "drawio";

const EXTENSION: Record<ExportFormat, string> = {
  png: "png",
  svg: "svg",
  json: "json",
  mermaid: "mmd",
  drawio: "drawio",
};

export interface ExportContext {
  /** The view on screen: the diagram's graph, or (at the overview level) what the overview is made from. */
  drawn: { graph: FlowGraph } | { overview: OverviewSource };
  /** The console's query string of the view. */
  state: string;
  /** Where the export comes from, for a title: "Snapshot …" or the source label. */
  title: string;
  scope: ExportScope;
  now: Date;
}

export interface ExportFile {
  filename: string;
  blob: Blob;
}

/** The whole topology: nothing filtered, folds as the console opens it. */
async function wholeTopology(graph: FlowGraph): Promise<FlowGraph> {
  const view = { ...EMPTY_VIEW };
  await prepareProjection(graph.topology, view);
  return toFlowGraph(graph.topology, view);
}

interface Drawing {
  topology: FlowGraph["topology"];
  model: ExportModel;
  /** The header's line of what is drawn, when the default ("Current view: n of N nodes") would not say it. */
  summary?: string;
}

async function drawingOf(context: ExportContext): Promise<Drawing> {
  const { drawn, scope } = context;
  if ("overview" in drawn) {
    const { topology } = drawn.overview;
    const overview = overviewFor(drawn.overview, scope);
    return {
      topology,
      model: toOverviewExportModel(overview, topology),
      summary: overviewSummary(overview, topology.nodes.length, scope),
    };
  }
  const graph = scope === "topology" ? await wholeTopology(drawn.graph) : drawn.graph;
  return { topology: graph.topology, model: toExportModel(graph) };
}

export async function buildExport(format: ExportFormat, context: ExportContext): Promise<ExportFile> {
  const { now, scope } = context;
  const { topology, model, summary } = await drawingOf(context);
  const filename = exportFileName(topology.source.id, topology.region, now, EXTENSION[format]);
  if (format === "png" || format === "svg") {
    const diagram = toSvgDiagram(model, {
      title: context.title,
      scope,
      topologyNodes: topology.nodes.length,
      date: now,
      summary,
    });
    if (format === "svg") return { filename, blob: new Blob([diagram.svg], { type: "image/svg+xml" }) };
    return { filename, blob: await svgToPng(diagram.svg, diagram.width, diagram.height) };
  }
  if (format === "json") {
    const state = scope === "topology" ? "" : context.state;
    return {
      filename,
      blob: new Blob([toViewJson(model, state, now.toISOString())], { type: "application/json" }),
    };
  }
  if (format === "mermaid")
    return { filename, blob: new Blob([toMermaid(model, { title: context.title })], { type: "text/plain" }) };
  const xml = toDrawio(model, { name: context.title, modified: now.toISOString() });
  return { filename, blob: new Blob([xml], { type: "application/xml" }) };
}

/** Hand a file to the browser's downloads. */
export function saveFile({ filename, blob }: ExportFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
