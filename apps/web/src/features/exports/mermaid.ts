/**
 * The view as a Mermaid flowchart, for Markdown that GitHub, GitLab and
 * Confluence render: one node per shown node (its title, id, status and DNS
 * names), VPC containers as subgraphs, one line per shown line, left to right
 * in traffic order. Labels are always quoted; the characters Mermaid would
 * read as syntax are written as its entity codes (#quot; …).
 */
import type { NodeKind } from "@lattice-atlas/shared";
import { NODE_KIND_COLOR } from "../../lib/node-kinds";
import { EDGE_COLOR, type EdgeVariant } from "../topology/to-flow-graph";
import type { ExportModel, ExportNode } from "./export-model";

/** Text inside a quoted Mermaid label: quotes, angle brackets and # as entity codes, no line breaks. */
export function mermaidText(value: string): string {
  return value
    .replace(/[\r\n\t]+/g, " ")
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;");
}

/** A quoted label of several lines. */
export function mermaidLabel(lines: readonly string[]): string {
  return `"${lines.map(mermaidText).join("<br/>")}"`;
}

/** Mermaid ids are words: AWS ids and ARNs become n_<letters, digits, _>, unique within the chart. */
export function mermaidIds(ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const id of ids) {
    const base = `n_${id.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "")}`;
    let candidate = base;
    for (let i = 2; used.has(candidate); i++) candidate = `${base}_${i}`;
    used.add(candidate);
    out.set(id, candidate);
  }
  return out;
}

const SHAPE: Partial<Record<NodeKind, [string, string]>> = {
  vpcAssociation: ["([", "])"],
  resourceAssociation: ["([", "])"],
  serviceAssociation: ["([", "])"],
  serviceNetwork: ["{{", "}}"],
  dbCluster: ["[(", ")]"],
  dbEndpoint: ["[(", ")]"],
  securityGroup: ["[/", "/]"],
};

/** Box fills: the diagram's own (lib/node-kinds.ts). */
const FILL = Object.fromEntries(Object.entries(NODE_KIND_COLOR).map(([kind, color]) => [kind, color.fill])) as Record<
  NodeKind,
  string
>;

/** The diagram's own line colours. */
export const EDGE_STROKE: Readonly<Record<EdgeVariant, string>> = EDGE_COLOR;

const DASHED: ReadonlySet<EdgeVariant> = new Set<EdgeVariant>(["child", "security-group"]);

function nodeLabel(node: ExportNode): string {
  return mermaidLabel([node.title, ...node.lines]);
}

export function toMermaid(model: ExportModel, options: { title?: string | undefined } = {}): string {
  const ids = mermaidIds(model.nodes.map((n) => n.id));
  const childrenOf = new Map<string, ExportNode[]>();
  for (const n of model.nodes) {
    if (!n.parentId) continue;
    const list = childrenOf.get(n.parentId);
    if (list) list.push(n);
    else childrenOf.set(n.parentId, [n]);
  }
  const out: string[] = [];
  // A comment never ends early: it is one line.
  const comment = (text: string): string => `%% ${text.replace(/[\r\n]+/g, " ")}`;
  if (options.title) out.push(comment(options.title));
  out.push(
    comment(
      `Lattice Atlas · ${model.source.label} · ${model.region} · account ${model.accountId} · ${model.nodes.length} nodes, ${model.edges.length} lines`,
    ),
  );
  out.push("flowchart LR");

  const byKind = new Map<NodeKind, string[]>();
  const subgraphs: string[] = [];
  const declare = (node: ExportNode, indent: string): void => {
    const id = ids.get(node.id)!;
    if (node.container) {
      subgraphs.push(id);
      out.push(`${indent}subgraph ${id}[${nodeLabel(node)}]`);
      out.push(`${indent}  direction LR`);
      for (const child of childrenOf.get(node.id) ?? []) declare(child, `${indent}  `);
      out.push(`${indent}end`);
      return;
    }
    const list = byKind.get(node.kind);
    if (list) list.push(id);
    else byKind.set(node.kind, [id]);
    const [open, close] = SHAPE[node.kind] ?? ["[", "]"];
    out.push(`${indent}${id}${open}${nodeLabel(node)}${close}`);
  };
  for (const node of model.nodes) if (!node.parentId) declare(node, "  ");
  // A child whose container is not shown (cannot happen from toFlowGraph, but never drop a node).
  const shown = new Set(model.nodes.map((n) => n.id));
  for (const node of model.nodes) if (node.parentId && !shown.has(node.parentId)) declare(node, "  ");

  model.edges.forEach((edge) => {
    const arrow = DASHED.has(edge.variant) ? "-.->" : "-->";
    const label = edge.label ? `|${mermaidLabel([edge.label])}|` : "";
    out.push(`  ${ids.get(edge.source)} ${arrow}${label} ${ids.get(edge.target)}`);
  });

  for (const [kind, members] of byKind) {
    out.push(`  classDef ${kind} fill:${FILL[kind]},stroke:#475569,color:#0f172a`);
    out.push(`  class ${members.join(",")} ${kind}`);
  }
  for (const id of subgraphs) out.push(`  style ${id} fill:${FILL.vpc},stroke:#94a3b8,color:#0f172a`);
  model.edges.forEach((edge, i) => out.push(`  linkStyle ${i} stroke:${EDGE_STROKE[edge.variant]},stroke-width:1.5px`));
  return `${out.join("\n")}\n`;
}
