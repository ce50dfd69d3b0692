/**
 * The view as an SVG written from the graph, for pasting into docs: a title,
 * where it was read (source, account, region), what it shows (the current view
 * or the whole topology) and when; every node with its full name and its lines
 * (kind, id, status, the DNS names that matter — snra-… association names,
 * endpoint and service names, custom domains, database hostnames) as <text>;
 * the lines between them; a legend of the kinds and lines drawn. One <style>,
 * no foreignObject, no script; text is escaped and stripped of what XML cannot
 * hold. The boxes keep the diagram's arrangement (the export model's
 * rectangles), grown to fit their text (fit-layout.ts). Pure: PNG is drawn from
 * this string (rasterize.ts).
 */
import { statusClass, type NodeKind } from "@lattice-atlas/shared";
import { NODE_KIND_COLOR, NODE_KIND_LABEL, NODE_KIND_LIST } from "../../lib/node-kinds";
import { EDGE_COLOR, type EdgeVariant } from "../topology/edge-styles";
import { EDGE_LEGEND } from "./edge-legend";
import type { ExportModel, ExportNode } from "./export-model";
import { fitLayout, type FitBox, type FitRect } from "./fit-layout";
import { textWidth, type TextStyle } from "./text-metrics";

export type ExportScope = "view" | "topology";

export interface SvgDiagramOptions {
  /** "Embedded AWS emulator · ap-northeast-1", "Snapshot “…” · …". */
  title: string;
  scope: ExportScope;
  /** How many nodes the whole topology has (the view says "n of N"). */
  topologyNodes: number;
  date: Date;
  /** What is drawn, in place of "Current view: n of N nodes…" (the overview says networks and groups). */
  summary?: string | undefined;
}

export interface SvgDiagram {
  svg: string;
  width: number;
  height: number;
}

const MARGIN = 32;
const BOX_PAD_X = 10;
const BOX_PAD_Y = 8;
const TITLE: TextStyle = { font: "sans", size: 13, bold: true };
const LINE_SANS: TextStyle = { font: "sans", size: 11 };
const LINE_MONO: TextStyle = { font: "mono", size: 11 };
const TITLE_STEP = 17;
const LINE_STEP = 15;
const HEAD_TITLE: TextStyle = { font: "sans", size: 22, bold: true };
const HEAD_LINE: TextStyle = { font: "sans", size: 13 };
const LEGEND_TEXT: TextStyle = { font: "sans", size: 12 };
const EDGE_LABEL: TextStyle = { font: "sans", size: 10 };
const INK = "#0f172a";
const MUTED = "#475569";

type LineRole = "kind" | "id" | "status" | "folded" | "host";

/** What XML 1.0 cannot hold (C0 controls but tab, lone surrogates, U+FFFE/FFFF) and what hides or reorders text. */
const UNWRITABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text content or attribute value: one line, XML-safe. */
export function svgText(value: string): string {
  return value
    .replace(UNWRITABLE, " ")
    .replace(/[\t\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const fmt = (n: number): string => String(Math.round(n * 10) / 10);

/** "2026-12-05 07:30 UTC". */
export function exportDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

interface NodeText {
  title: string;
  lines: Array<{ text: string; role: LineRole }>;
}

function nodeText(node: ExportNode): NodeText {
  const hosts = new Set(node.dnsNames);
  const lines = node.lines.map((text, i): { text: string; role: LineRole } => ({
    text,
    role: hosts.has(text)
      ? "host"
      : i === 0
        ? "kind"
        : text === node.id
          ? "id"
          : text === node.status
            ? "status"
            : text.startsWith("folded: ")
              ? "folded"
              : "kind",
  }));
  return { title: node.title, lines };
}

const styleOf = (role: LineRole): TextStyle => (role === "host" || role === "id" ? LINE_MONO : LINE_SANS);

function needOf(text: NodeText): { width: number; height: number } {
  let width = textWidth(text.title, TITLE);
  for (const line of text.lines) width = Math.max(width, textWidth(line.text, styleOf(line.role)));
  return {
    width: Math.ceil(width + BOX_PAD_X * 2),
    height: Math.ceil(BOX_PAD_Y * 2 + TITLE_STEP + text.lines.length * LINE_STEP),
  };
}

const kindClass = (kind: NodeKind): string => `k-${kind}`;
const edgeClass = (variant: EdgeVariant): string => `e-${variant}`;
const DASHED: ReadonlySet<EdgeVariant> = new Set<EdgeVariant>(["child", "security-group"]);

function styleSheet(kinds: readonly NodeKind[], variants: readonly EdgeVariant[]): string {
  const rules = [
    `text{font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,"DejaVu Sans",sans-serif;font-size:11px;fill:${INK}}`,
    `.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono",monospace}`,
    `.t{font-size:13px;font-weight:700}`,
    `.muted{fill:${MUTED}}`,
    `.host{fill:#1e3a8a}`,
    `.failed{fill:#b91c1c;font-weight:700}`,
    `.pending{fill:#a16207}`,
    `.h1{font-size:22px;font-weight:700}`,
    `.h2{font-size:13px;fill:${MUTED}}`,
    `.lg{font-size:12px}`,
    `.el{font-size:10px;fill:#78350f}`,
    `.node{stroke-width:1.5}`,
    `.container{stroke-width:1.5;stroke-dasharray:6 3}`,
    `.edge{fill:none;stroke-width:1.5}`,
    `.dashed{stroke-dasharray:5 4}`,
    `.bad{stroke:#b91c1c;stroke-width:2.5}`,
  ];
  for (const kind of kinds)
    rules.push(`.${kindClass(kind)}{fill:${NODE_KIND_COLOR[kind].fill};stroke:${NODE_KIND_COLOR[kind].ink}}`);
  for (const variant of variants) rules.push(`.${edgeClass(variant)}{stroke:${EDGE_COLOR[variant]}}`);
  return `<style>${rules.join("")}</style>`;
}

const ROUNDED: Partial<Record<NodeKind, number>> = {
  vpcAssociation: 16,
  resourceAssociation: 16,
  serviceAssociation: 16,
};

function textLines(
  x: number,
  y: number,
  text: NodeText,
  status: string | undefined,
  anchor: "start" | "middle" = "start",
): string[] {
  const out: string[] = [];
  const at = anchor === "middle" ? ` text-anchor="middle"` : "";
  let baseline = y + BOX_PAD_Y + 13;
  out.push(`<text x="${fmt(x)}" y="${fmt(baseline)}" class="t"${at}>${svgText(text.title)}</text>`);
  baseline += TITLE_STEP - 2;
  for (const line of text.lines) {
    const cls =
      line.role === "host"
        ? "mono host"
        : line.role === "id"
          ? "mono muted"
          : line.role === "status"
            ? (statusClass(status) ?? "muted")
            : "muted";
    out.push(`<text x="${fmt(x)}" y="${fmt(baseline)}" class="${cls}"${at}>${svgText(line.text)}</text>`);
    baseline += LINE_STEP;
  }
  return out;
}

/** A line from the right of one box to the left of the next; between boxes of one column, out and back on the left. */
function edgePath(a: FitRect, b: FitRect): { d: string; mid: { x: number; y: number } } {
  const sameColumn = a.x < b.x + b.width && b.x < a.x + a.width;
  const sy = a.y + a.height / 2;
  const ty = b.y + b.height / 2;
  if (sameColumn) {
    const sx = a.x;
    const tx = b.x;
    const bend = Math.min(sx, tx) - 28;
    return {
      d: `M${fmt(sx)},${fmt(sy)} C${fmt(bend)},${fmt(sy)} ${fmt(bend)},${fmt(ty)} ${fmt(tx)},${fmt(ty)}`,
      mid: { x: (sx + 3 * bend + 3 * bend + tx) / 8, y: (sy + ty) / 2 },
    };
  }
  const forward = a.x + a.width <= b.x;
  const sx = forward ? a.x + a.width : a.x;
  const tx = forward ? b.x : b.x + b.width;
  const pull = Math.max(30, Math.abs(tx - sx) / 2) * (forward ? 1 : -1);
  const c1 = sx + pull;
  const c2 = tx - pull;
  return {
    d: `M${fmt(sx)},${fmt(sy)} C${fmt(c1)},${fmt(sy)} ${fmt(c2)},${fmt(ty)} ${fmt(tx)},${fmt(ty)}`,
    mid: { x: (sx + 3 * c1 + 3 * c2 + tx) / 8, y: (sy + ty) / 2 },
  };
}

interface LegendItem {
  label: string;
  /** Draws the swatch at (x, y) (its centre line), 28 px wide. */
  swatch: (x: number, y: number) => string;
}

function legendItems(kinds: readonly NodeKind[], variants: readonly EdgeVariant[]): LegendItem[] {
  const items: LegendItem[] = kinds.map((kind) => ({
    label: NODE_KIND_LABEL[kind],
    swatch: (x, y) =>
      `<rect x="${fmt(x)}" y="${fmt(y - 7)}" width="28" height="14" rx="3" class="node ${kindClass(kind)}"/>`,
  }));
  for (const entry of EDGE_LEGEND)
    if (variants.includes(entry.variant))
      items.push({
        label: entry.label,
        swatch: (x, y) =>
          `<path d="M${fmt(x)},${fmt(y)} H${fmt(x + 28)}" class="edge ${edgeClass(entry.variant)}${DASHED.has(entry.variant) ? " dashed" : ""}" marker-end="url(#a-${entry.variant})"/>`,
      });
  return items;
}

export function toSvgDiagram(model: ExportModel, options: SvgDiagramOptions): SvgDiagram {
  const texts = new Map(model.nodes.map((n) => [n.id, nodeText(n)]));
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const boxes: FitBox[] = model.nodes.map((node) => {
    const text = texts.get(node.id)!;
    const need = needOf(text);
    return {
      id: node.id,
      rect: node.rect,
      parentId: node.parentId,
      ...(node.container ? { header: need.height, need: { width: need.width, height: need.height } } : { need }),
    };
  });
  const fitted = fitLayout(boxes, model.bounds);

  // What is drawn, for the style sheet and the legend: in the console's order.
  const kinds = NODE_KIND_LIST.filter((k) => model.nodes.some((n) => n.kind === k));
  const variants = [...new Set(model.edges.map((e) => e.variant))].sort();

  // Header.
  const heading = `Lattice Atlas · ${options.title}`;
  const where = `Source: ${model.source.label} · Account: ${model.accountId || "unknown"} · Region: ${model.region}`;
  const what =
    options.summary ??
    (options.scope === "topology"
      ? `Whole topology: ${model.nodes.length} nodes, ${model.edges.length} lines`
      : `Current view: ${model.nodes.length} of ${options.topologyNodes} nodes, ${model.edges.length} lines`);
  const when = `Exported ${exportDate(options.date)}`;
  const headerLines = [where, `${what} · ${when}`];
  const headerHeight = 30 + headerLines.length * 19 + 16;
  const headerWidth = Math.max(textWidth(heading, HEAD_TITLE), ...headerLines.map((l) => textWidth(l, HEAD_LINE)));

  // Legend rows, as wide as the drawing (or the header).
  const legend = legendItems(kinds, variants);
  const contentWidth = Math.max(fitted.width, headerWidth, 640);
  const legendRows: Array<Array<{ item: LegendItem; x: number }>> = [];
  let row: Array<{ item: LegendItem; x: number }> = [];
  let cursor = 0;
  for (const item of legend) {
    const w = 28 + 8 + textWidth(item.label, LEGEND_TEXT) + 24;
    if (row.length > 0 && cursor + w > contentWidth) {
      legendRows.push(row);
      row = [];
      cursor = 0;
    }
    row.push({ item, x: cursor });
    cursor += w;
  }
  if (row.length > 0) legendRows.push(row);
  const legendHeight = legendRows.length > 0 ? 28 + legendRows.length * 22 : 0;

  const width = Math.ceil(contentWidth + MARGIN * 2);
  const top = MARGIN + headerHeight;
  const height = Math.ceil(top + fitted.height + 24 + legendHeight + MARGIN);
  const place = (r: FitRect): FitRect => ({ x: r.x + MARGIN, y: r.y + top, width: r.width, height: r.height });

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="atlas-title atlas-desc">`,
  );
  out.push(`<title id="atlas-title">${svgText(heading)}</title>`);
  out.push(`<desc id="atlas-desc">${svgText(`${where}. ${what}. ${when}.`)}</desc>`);
  out.push(styleSheet(kinds, variants));
  out.push("<defs>");
  for (const variant of variants)
    out.push(
      `<marker id="a-${variant}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${EDGE_COLOR[variant]}"/></marker>`,
    );
  out.push("</defs>");
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${MARGIN}" y="${MARGIN + 22}" class="h1">${svgText(heading)}</text>`);
  headerLines.forEach((line, i) =>
    out.push(`<text x="${MARGIN}" y="${MARGIN + 30 + 19 * (i + 1)}" class="h2">${svgText(line)}</text>`),
  );

  // Containers first (behind), then lines, then boxes.
  const drawn = (id: string): FitRect => place(fitted.rects.get(id)!);
  out.push(`<g id="containers">`);
  for (const node of model.nodes) {
    if (!node.container) continue;
    const r = drawn(node.id);
    out.push(
      `<rect x="${fmt(r.x)}" y="${fmt(r.y)}" width="${fmt(r.width)}" height="${fmt(r.height)}" rx="8" class="container ${kindClass(node.kind)}"/>`,
    );
    out.push(...textLines(r.x + BOX_PAD_X, r.y, texts.get(node.id)!, node.status));
  }
  out.push("</g>");

  out.push(`<g id="lines">`);
  const labels: string[] = [];
  for (const edge of model.edges) {
    if (!byId.has(edge.source) || !byId.has(edge.target)) continue;
    const { d, mid } = edgePath(drawn(edge.source), drawn(edge.target));
    const dashed = DASHED.has(edge.variant) ? " dashed" : "";
    out.push(`<path d="${d}" class="edge ${edgeClass(edge.variant)}${dashed}" marker-end="url(#a-${edge.variant})"/>`);
    const label = edge.label ?? (edge.merged > 1 ? `×${edge.merged}` : undefined);
    if (label) {
      const w = textWidth(label, EDGE_LABEL) + 8;
      labels.push(
        `<rect x="${fmt(mid.x - w / 2)}" y="${fmt(mid.y - 8)}" width="${fmt(w)}" height="15" rx="3" fill="#ffffff" fill-opacity="0.9"/>`,
        `<text x="${fmt(mid.x)}" y="${fmt(mid.y + 3.5)}" class="el" text-anchor="middle">${svgText(label)}</text>`,
      );
    }
  }
  out.push(...labels);
  out.push("</g>");

  out.push(`<g id="nodes">`);
  for (const node of model.nodes) {
    if (node.container) continue;
    const r = drawn(node.id);
    const bad = statusClass(node.status) === "failed" ? " bad" : "";
    out.push(
      `<rect x="${fmt(r.x)}" y="${fmt(r.y)}" width="${fmt(r.width)}" height="${fmt(r.height)}" rx="${ROUNDED[node.kind] ?? 6}" class="node ${kindClass(node.kind)}${bad}"/>`,
    );
    out.push(...textLines(r.x + BOX_PAD_X, r.y, texts.get(node.id)!, node.status));
  }
  out.push("</g>");

  if (legendRows.length > 0) {
    const legendTop = top + fitted.height + 24;
    out.push(`<g id="legend">`);
    out.push(`<text x="${MARGIN}" y="${fmt(legendTop + 12)}" class="lg t">Legend</text>`);
    legendRows.forEach((items, i) => {
      const y = legendTop + 28 + i * 22 + 6;
      for (const { item, x } of items) {
        out.push(item.swatch(MARGIN + x, y));
        out.push(`<text x="${fmt(MARGIN + x + 36)}" y="${fmt(y + 4)}" class="lg">${svgText(item.label)}</text>`);
      }
    });
    out.push("</g>");
  }
  out.push("</svg>");
  return { svg: `${out.join("\n")}\n`, width, height };
}
