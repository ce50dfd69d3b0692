/**
 * The view as a draw.io (diagrams.net) file: an uncompressed mxGraph model
 * (<mxfile><diagram><mxGraphModel><root>) with one vertex per shown node at
 * the diagram's position and size — VPC containers as draw.io containers, their
 * children inside them — and one edge per shown line. Labels are HTML (title in
 * bold, then id, status and DNS names), escaped for HTML and then for XML.
 */
import type { NodeKind } from "@lattice-atlas/shared";
import type { ExportModel, ExportNode } from "./export-model";
import { NODE_KIND_COLOR } from "../../lib/node-kinds";
import { EDGE_COLOR } from "../topology/edge-styles";

/** Text for an XML attribute or element: & < > " ' as entities, line breaks kept as character references. */
export function escapeXml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r?\n/g, "&#xa;");
}

/** Text inside an HTML label. */
function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const PILLS: ReadonlySet<NodeKind> = new Set<NodeKind>(["vpcAssociation", "resourceAssociation", "serviceAssociation"]);

function vertexStyle(node: ExportNode): string {
  const { fill, ink } = NODE_KIND_COLOR[node.kind];
  const common = `whiteSpace=wrap;html=1;fillColor=${fill};strokeColor=${ink};fontColor=#0f172a;fontSize=10;`;
  if (node.container)
    return `rounded=1;arcSize=4;container=1;collapsible=0;verticalAlign=top;align=left;spacingLeft=8;spacingTop=2;${common}`;
  if (PILLS.has(node.kind)) return `rounded=1;arcSize=50;${common}`;
  if (node.kind === "dbCluster" || node.kind === "dbEndpoint") return `shape=cylinder3;boundedLbl=1;size=6;${common}`;
  if (node.kind === "serviceNetwork") return `shape=hexagon;perimeter=hexagonPerimeter2;size=0.08;${common}`;
  return `rounded=1;arcSize=8;${common}`;
}

/** The HTML of a label: the title in bold, then each line. */
function drawioLabel(node: ExportNode): string {
  return [`<b>${escapeHtml(node.title)}</b>`, ...node.lines.map(escapeHtml)].join("<br>");
}

const round = (n: number): number => Math.round(n * 10) / 10;

export interface DrawioOptions {
  /** The diagram's name in draw.io (its page tab). */
  name: string;
  /** When it was made (ISO), for the file's `modified`. */
  modified: string;
}

export function toDrawio(model: ExportModel, options: DrawioOptions): string {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];
  // Containers before their children: draw.io, like React Flow, wants parents first.
  const ordered = [
    ...model.nodes.filter((n) => !n.parentId || !byId.has(n.parentId)),
    ...model.nodes.filter((n) => n.parentId && byId.has(n.parentId)),
  ];
  for (const node of ordered) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    // A child's geometry is relative to its container.
    const x = parent ? node.rect.x - parent.rect.x : node.rect.x;
    const y = parent ? node.rect.y - parent.rect.y : node.rect.y;
    cells.push(
      `<mxCell id="${escapeXml(node.id)}" value="${escapeXml(drawioLabel(node))}" style="${escapeXml(vertexStyle(node))}" vertex="1" parent="${escapeXml(parent ? parent.id : "1")}">` +
        `<mxGeometry x="${round(x)}" y="${round(y)}" width="${round(node.rect.width)}" height="${round(node.rect.height)}" as="geometry"/>` +
        "</mxCell>",
    );
  }
  model.edges.forEach((edge, i) => {
    const dashed = edge.variant === "child" || edge.variant === "security-group" ? "dashed=1;" : "";
    const style = `curved=1;html=1;endArrow=block;endFill=1;strokeWidth=1.5;strokeColor=${EDGE_COLOR[edge.variant]};fontSize=9;${dashed}`;
    cells.push(
      `<mxCell id="edge-${i + 1}" value="${escapeXml(edge.label ? escapeHtml(edge.label) : "")}" style="${escapeXml(style)}" edge="1" parent="1" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">` +
        '<mxGeometry relative="1" as="geometry"/>' +
        "</mxCell>",
    );
  });
  const width = Math.ceil(model.bounds.width);
  const height = Math.ceil(model.bounds.height);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<mxfile host="Lattice Atlas" modified="${escapeXml(options.modified)}" agent="Lattice Atlas" version="24.0.0" type="device">`,
    `<diagram id="lattice-atlas" name="${escapeXml(options.name)}">`,
    `<mxGraphModel dx="${width}" dy="${height}" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" pageWidth="${width}" pageHeight="${height}" math="0" shadow="0">`,
    "<root>",
    ...cells,
    "</root>",
    "</mxGraphModel>",
    "</diagram>",
    "</mxfile>",
    "",
  ].join("\n");
}
