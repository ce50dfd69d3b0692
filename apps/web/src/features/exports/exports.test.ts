import type { Topology } from "@lattice-atlas/shared";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import fieldReport from "../topology/fixtures/field-report.json";
import { toFlowGraph, type ProjectionView } from "../topology/to-flow-graph";
import { escapeXml, toDrawio } from "./drawio";
import { exportFileName, toExportModel, type ExportModel } from "./export-model";
import { toViewExport } from "./graph-json";
import { mermaidIds, mermaidLabel, mermaidText, toMermaid } from "./mermaid";

const topology = fieldReport as unknown as Topology;
const base: ProjectionView = {
  hiddenKinds: [],
  vpcs: [],
  serviceNetworks: [],
  statuses: [],
  accounts: [],
  regions: [],
  collapsed: [],
  expanded: [],
};

const WRITER_SNRA = "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const WRITER_HOST = "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com";
const SERVICE_DNS = "zenn-vpc-lattice-service-dev-0a836c24f4bc2c8ea.7d67968.vpc-lattice-svcs.ap-northeast-1.on.aws";
const ASSOCIATION_VPC = "vpc-0a03953771bed5895";
const NASTY = `evil "quoted" <b>bold</b> & 'single' #1; end`;

/** The field report with a node whose name is made of everything that breaks a format. */
function nastyTopology(): Topology {
  const copy = structuredClone(topology);
  const writer = copy.nodes.find((n) => n.id === "snra-0258ae5ca1fffbb4a")!;
  writer.label = NASTY;
  return copy;
}

const model = (t: Topology = topology, view: ProjectionView = base): ExportModel => toExportModel(toFlowGraph(t, view));

describe("the export model", () => {
  it("holds every node and line the diagram shows, with absolute rectangles", () => {
    const graph = toFlowGraph(topology, base);
    const m = toExportModel(graph);
    expect(m.nodes.map((n) => n.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(m.edges.map((e) => e.id).sort()).toEqual(graph.edges.map((e) => e.id).sort());
    for (const n of m.nodes) {
      expect(n.rect).toEqual(graph.rects.get(n.id));
      if (n.parentId) {
        const parent = m.nodes.find((p) => p.id === n.parentId)!;
        expect(parent.container).toBe(true);
        expect(n.rect.x).toBeGreaterThanOrEqual(parent.rect.x);
      }
    }
  });

  it("carries the DNS names the view shows: associations, endpoint rows, services, database endpoints", () => {
    const m = model();
    const writer = m.nodes.find((n) => n.id === "snra-0258ae5ca1fffbb4a")!;
    expect(writer.dnsNames).toEqual([WRITER_SNRA, WRITER_HOST]);
    expect(writer.lines).toContain(WRITER_SNRA);
    const endpoint = m.nodes.find((n) => n.id === "vpce-00c3d5450f87e1973")!;
    expect(endpoint.dnsNames.length).toBeGreaterThan(0);
    for (const name of endpoint.dnsNames) expect(endpoint.lines).toContain(name);
    expect(m.nodes.find((n) => n.id === "snsa-0a9c9e0fa6625729b")!.lines).toContain(SERVICE_DNS);
  });

  it("follows filters and folds: only what is drawn, folded containers say what they hold", () => {
    const folded = model(topology, { ...base, collapsed: [ASSOCIATION_VPC] });
    const chip = folded.nodes.find((n) => n.id === ASSOCIATION_VPC)!;
    expect(chip.container).toBe(false);
    expect(chip.lines.some((l) => l.startsWith("folded: "))).toBe(true);
    const noGroups = model(topology, { ...base, hiddenKinds: ["securityGroup"] });
    expect(noGroups.nodes.some((n) => n.kind === "securityGroup")).toBe(false);
    expect(noGroups.edges.some((e) => e.variant === "sg-rule" || e.variant === "security-group")).toBe(false);
  });

  it("names files lattice-atlas-<source>-<region>-<date>.<ext>", () => {
    const date = new Date(2026, 10, 29, 9, 5);
    expect(exportFileName("emulator", "ap-northeast-1", date, "png")).toBe(
      "lattice-atlas-emulator-ap-northeast-1-2026-11-29.png",
    );
    expect(exportFileName("profile:prod/admin", "us-east-1", date, "drawio")).toBe(
      "lattice-atlas-profile-prod-admin-us-east-1-2026-11-29.drawio",
    );
  });
});

describe("Mermaid", () => {
  it("escapes what Mermaid reads as syntax inside quoted labels", () => {
    expect(mermaidText('a "b" <c> #d')).toBe("a #quot;b#quot; #lt;c#gt; #35;d");
    expect(mermaidText("two\nlines")).toBe("two lines");
    expect(mermaidLabel(["title", 'say "hi"'])).toBe('"title<br/>say #quot;hi#quot;"');
  });

  it("turns ids and ARNs into unique Mermaid words", () => {
    const ids = mermaidIds(["vpc-1", "vpc_1", "arn:aws:rds:ap-northeast-1:1:cluster:x", "end"]);
    expect(ids.get("vpc-1")).toBe("n_vpc_1");
    expect(ids.get("vpc_1")).toBe("n_vpc_1_2");
    expect(ids.get("arn:aws:rds:ap-northeast-1:1:cluster:x")).toBe("n_arn_aws_rds_ap_northeast_1_1_cluster_x");
    expect(ids.get("end")).toBe("n_end");
    for (const id of ids.values()) expect(id).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it("declares every shown node once (containers as subgraphs) and draws every shown line", () => {
    const m = model();
    const text = toMermaid(m);
    const lines = text.split("\n");
    expect(lines.find((l) => !l.startsWith("%%"))).toBe("flowchart LR");
    const ids = mermaidIds(m.nodes.map((n) => n.id));
    for (const node of m.nodes) {
      const id = ids.get(node.id)!;
      const declarations = lines.filter((l) => new RegExp(`^\\s*(subgraph )?${id}[[({]`).test(l));
      expect(declarations, node.id).toHaveLength(1);
      expect(declarations[0]!.startsWith("  subgraph ") || !node.container).toBe(true);
    }
    expect(lines.filter((l) => /^\s*subgraph /.test(l))).toHaveLength(lines.filter((l) => /^\s*end$/.test(l)).length);
    const edgeLines = lines.filter((l) => / (-->|-\.->)/.test(l));
    expect(edgeLines).toHaveLength(m.edges.length);
    for (const edge of m.edges)
      expect(
        edgeLines.some((l) => l.startsWith(`  ${ids.get(edge.source)} `) && l.endsWith(` ${ids.get(edge.target)}`)),
      ).toBe(true);
    expect(lines.filter((l) => l.startsWith("  linkStyle "))).toHaveLength(m.edges.length);
  });

  it("carries the DNS names, and a hostile name cannot break out of its label", () => {
    const text = toMermaid(model(nastyTopology()));
    expect(text).toContain(WRITER_SNRA);
    expect(text).toContain(WRITER_HOST);
    expect(text).toContain("evil #quot;quoted#quot; #lt;b#gt;bold#lt;/b#gt; & 'single' #35;1; end");
    expect(text).not.toContain(NASTY);
    // Every label stays one quoted string: an even number of quotes on each line.
    for (const line of text.split("\n")) expect((line.match(/"/g) ?? []).length % 2, line).toBe(0);
  });
});

describe("draw.io", () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    isArray: (name) => name === "mxCell",
  });
  const cellsOf = (xml: string) => {
    const doc = parser.parse(xml) as {
      mxfile: { diagram: { name: string; mxGraphModel: { root: { mxCell: Array<Record<string, unknown>> } } } };
    };
    return { doc, cells: doc.mxfile.diagram.mxGraphModel.root.mxCell };
  };

  it("escapes & < > \" ' for XML", () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    expect(escapeXml("x\ny")).toBe("x&#xa;y");
  });

  it("is well-formed mxGraph XML with one vertex per shown node and one edge per shown line", () => {
    const m = model();
    const xml = toDrawio(m, { name: "Embedded AWS emulator · ap-northeast-1", modified: "2026-11-29T09:00:00.000Z" });
    expect(XMLValidator.validate(xml)).toBe(true);
    const { doc, cells } = cellsOf(xml);
    expect(doc.mxfile.diagram.name).toBe("Embedded AWS emulator · ap-northeast-1");
    const vertices = cells.filter((c) => c.vertex === "1");
    const edges = cells.filter((c) => c.edge === "1");
    expect(vertices).toHaveLength(m.nodes.length);
    expect(edges).toHaveLength(m.edges.length);
    const ids = new Set(vertices.map((v) => v.id));
    for (const node of m.nodes) expect(ids.has(node.id), node.id).toBe(true);
    for (const edge of edges) {
      expect(ids.has(edge.source as string)).toBe(true);
      expect(ids.has(edge.target as string)).toBe(true);
      expect(edge.parent).toBe("1");
    }
    // Children sit in their container, at the diagram's position relative to it.
    const child = m.nodes.find((n) => n.parentId)!;
    const parent = m.nodes.find((n) => n.id === child.parentId)!;
    const cell = vertices.find((v) => v.id === child.id)!;
    expect(cell.parent).toBe(parent.id);
    const geometry = cell.mxGeometry as Record<string, string>;
    expect(Number(geometry.x)).toBeCloseTo(child.rect.x - parent.rect.x, 0);
    expect(Number(geometry.width)).toBeCloseTo(child.rect.width, 0);
    expect(geometry.as).toBe("geometry");
    expect(vertices.find((v) => v.id === parent.id)!.style).toContain("container=1");
  });

  it("carries the DNS names, and a hostile name survives as text", () => {
    const xml = toDrawio(model(nastyTopology()), { name: `a "b" <c> & 'd'`, modified: "2026-11-29T09:00:00.000Z" });
    expect(XMLValidator.validate(xml)).toBe(true);
    const { doc, cells } = cellsOf(xml);
    expect(doc.mxfile.diagram.name).toBe(`a "b" <c> & 'd'`);
    const writer = cells.find((c) => c.id === "snra-0258ae5ca1fffbb4a")!;
    const value = writer.value as string;
    // The value is HTML (html=1): the hostile name is escaped once for HTML, the XML escaping is gone after parsing.
    expect(value).toContain("<b>evil \"quoted\" &lt;b&gt;bold&lt;/b&gt; &amp; 'single' #1; end</b>");
    expect(value).toContain(WRITER_SNRA);
    expect(value).toContain(WRITER_HOST);
  });
});

describe("JSON", () => {
  it("is the drawn view with where it came from", () => {
    const m = model();
    const json = toViewExport(m, "?source=emulator&region=ap-northeast-1", "2026-11-29T09:00:00.000Z");
    expect(json).toMatchObject({
      format: "lattice-atlas-view",
      version: 1,
      region: "ap-northeast-1",
      state: "source=emulator&region=ap-northeast-1",
    });
    expect(json.nodes).toHaveLength(m.nodes.length);
    expect(JSON.stringify(json)).toContain(WRITER_SNRA);
  });
});
