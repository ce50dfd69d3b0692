/**
 * One export of the view on screen, as a file: PNG and SVG images of the
 * diagram, the drawn graph as JSON, a Mermaid flowchart and a draw.io diagram.
 * Loaded on demand (the writers and html-to-image are not in the first bundle).
 */
import type { FlowGraph } from "../topology/to-flow-graph";
import type { DiagramFlow } from "./diagram-handle";
import { toDrawio } from "./drawio";
import { exportFileName, toExportModel } from "./export-model";
import { toViewJson } from "./graph-json";
import { captureDiagram } from "./image";
import { toMermaid } from "./mermaid";

export type ExportFormat = "png" | "svg" | "json" | "mermaid" | "drawio";

const EXTENSION: Record<ExportFormat, string> = {
  png: "png",
  svg: "svg",
  json: "json",
  mermaid: "mmd",
  drawio: "drawio",
};

export interface ExportContext {
  graph: FlowGraph;
  /** The console's query string of the view. */
  state: string;
  /** The diagram on screen (images only). */
  flow: DiagramFlow | undefined;
  /** Where the export comes from, for a title: "Snapshot …" or the source label. */
  title: string;
  now: Date;
}

export interface ExportFile {
  filename: string;
  blob: Blob;
}

export async function buildExport(format: ExportFormat, context: ExportContext): Promise<ExportFile> {
  const { graph, now } = context;
  const filename = exportFileName(graph.topology.source.id, graph.topology.region, now, EXTENSION[format]);
  if (format === "png" || format === "svg") {
    if (!context.flow) throw new Error("The diagram is not on screen: wait for it to be drawn, then export again.");
    return { filename, blob: await captureDiagram(format, context.flow) };
  }
  const model = toExportModel(graph);
  if (format === "json")
    return {
      filename,
      blob: new Blob([toViewJson(model, context.state, now.toISOString())], { type: "application/json" }),
    };
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
