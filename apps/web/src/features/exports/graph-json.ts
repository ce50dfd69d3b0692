/**
 * The view as JSON: what is drawn (nodes with their kind, title, lines, DNS
 * names, status, container and position; lines with their kind), where it came
 * from and the console URL that shows it. For scripts and diffs; a snapshot
 * (the whole topology, openable again) is the Snapshots panel's download.
 */
import type { ExportModel } from "./export-model";

const VIEW_EXPORT_FORMAT = "lattice-atlas-view";

export interface ViewExport {
  format: typeof VIEW_EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  source: ExportModel["source"];
  region: string;
  accountId: string;
  /** The console's query string of the view (filters, folds, selection, panel). */
  state: string;
  bounds: ExportModel["bounds"];
  nodes: ExportModel["nodes"];
  edges: ExportModel["edges"];
}

export function toViewExport(model: ExportModel, state: string, exportedAt: string): ViewExport {
  return {
    format: VIEW_EXPORT_FORMAT,
    version: 1,
    exportedAt,
    source: model.source,
    region: model.region,
    accountId: model.accountId,
    state: state.replace(/^\?/, ""),
    bounds: model.bounds,
    nodes: model.nodes,
    edges: model.edges,
  };
}

export function toViewJson(model: ExportModel, state: string, exportedAt: string): string {
  return `${JSON.stringify(toViewExport(model, state, exportedAt), null, 2)}\n`;
}
