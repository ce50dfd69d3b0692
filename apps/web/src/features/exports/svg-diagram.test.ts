import type { Topology } from "@lattice-atlas/shared";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { NODE_KIND_LABEL } from "../../lib/node-kinds";
import { EMPTY_VIEW } from "../../lib/url-state";
import fieldReport from "../topology/fixtures/field-report.json";
import { syntheticTopology } from "../topology/fixtures/synthetic";
import { toFlowGraph } from "../topology/to-flow-graph";
import { toExportModel } from "./export-model";
import { exportDate, svgText, toSvgDiagram, type SvgDiagramOptions } from "./svg-diagram";
import { textWidth } from "./text-metrics";

const topology = fieldReport as unknown as Topology;
const WRITER_SNRA = "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const WRITER_HOST = "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com";
const SERVICE_DNS = "zenn-vpc-lattice-service-dev-0a836c24f4bc2c8ea.7d67968.vpc-lattice-svcs.ap-northeast-1.on.aws";
const OPTIONS: SvgDiagramOptions = {
  title: "Embedded AWS emulator · ap-northeast-1",
  scope: "view",
  topologyNodes: topology.nodes.length,
  date: new Date("2026-12-05T07:30:00Z"),
};

interface Parsed {
  /** Every <text>'s content, in document order. */
  texts: string[];
  /** Tag name → how many. */
  tags: Map<string, number>;
  root: Record<string, unknown>;
}

/** Parses the SVG (fast-xml-parser, order kept) into its texts and a count of its tags. */
function parse(svg: string): Parsed {
  expect(XMLValidator.validate(svg)).toBe(true);
  const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false }).parse(svg) as Array<
    Record<string, unknown>
  >;
  const texts: string[] = [];
  const tags = new Map<string, number>();
  const textOf = (children: Array<Record<string, unknown>>): string =>
    children.map((c) => (typeof c["#text"] === "string" ? c["#text"] : "")).join("");
  const walk = (list: Array<Record<string, unknown>>): void => {
    for (const element of list)
      for (const [tag, value] of Object.entries(element)) {
        if (tag === ":@" || tag === "#text") continue;
        tags.set(tag, (tags.get(tag) ?? 0) + 1);
        const children = value as Array<Record<string, unknown>>;
        if (tag === "text") texts.push(textOf(children));
        else walk(children);
      }
  };
  walk(doc);
  return { texts, tags, root: doc[0]! };
}

const attributesOf = (element: Record<string, unknown>): Record<string, string> =>
  (element[":@"] ?? {}) as Record<string, string>;

describe("the SVG diagram of the field report", () => {
  const model = toExportModel(toFlowGraph(topology, EMPTY_VIEW));
  const diagram = toSvgDiagram(model, OPTIONS);
  const { texts, tags, root } = parse(diagram.svg);

  it("is real SVG: one <style>, no foreignObject, no script, no external reference, its size stated", () => {
    expect(tags.get("svg")).toBe(1);
    expect(tags.get("style")).toBe(1);
    expect(tags.has("foreignObject")).toBe(false);
    expect(tags.has("script")).toBe(false);
    expect(diagram.svg).not.toMatch(/href|@import|url\((?!#)/);
    const attributes = attributesOf(root);
    expect(attributes["@_xmlns"]).toBe("http://www.w3.org/2000/svg");
    expect([Number(attributes["@_width"]), Number(attributes["@_height"])]).toEqual([diagram.width, diagram.height]);
    expect(attributes["@_viewBox"]).toBe(`0 0 ${diagram.width} ${diagram.height}`);
  });

  it("says what it is: title, source, account, region, scope and date, as text", () => {
    expect(texts[0]).toBe("Lattice Atlas · Embedded AWS emulator · ap-northeast-1");
    expect(texts).toContain(
      `Source: ${topology.source.label} · Account: ${topology.accountId} · Region: ap-northeast-1`,
    );
    expect(texts).toContain(
      `Current view: ${model.nodes.length} of ${topology.nodes.length} nodes, ${model.edges.length} lines · Exported 2026-12-05 07:30 UTC`,
    );
  });

  it("carries every node's full name and the hostnames that matter, each a <text> of its own", () => {
    for (const hostname of [WRITER_SNRA, WRITER_HOST, SERVICE_DNS]) expect(texts).toContain(hostname);
    for (const node of model.nodes) {
      expect(texts, node.id).toContain(node.title);
      for (const name of node.dnsNames) expect(texts, `${node.id}: ${name}`).toContain(name);
    }
  });

  it("has a legend naming each kind of node and line drawn", () => {
    const legendAt = texts.indexOf("Legend");
    expect(legendAt).toBeGreaterThan(0);
    const legend = texts.slice(legendAt + 1);
    for (const kind of new Set(model.nodes.map((n) => n.kind))) expect(legend).toContain(NODE_KIND_LABEL[kind]);
    expect(legend).toContain("Pattern 1 · Resource endpoint");
    expect(legend).toContain("Pattern 3 · VPC association");
    expect(legend).toContain("Security-group rule (ports)");
  });

  it("draws one box per node and one line per line, with an arrowhead per kind of line", () => {
    const rects = tags.get("rect") ?? 0;
    expect(rects).toBeGreaterThanOrEqual(model.nodes.length);
    const paths = tags.get("path") ?? 0;
    expect(paths).toBeGreaterThanOrEqual(model.edges.length);
    expect(tags.get("marker")).toBe(new Set(model.edges.map((e) => e.variant)).size);
  });

  it("makes each box as wide as its widest line", () => {
    const widest = Math.max(
      ...model.nodes.flatMap((n) => n.dnsNames.map((d) => textWidth(d, { font: "mono", size: 11 }))),
    );
    expect(diagram.width).toBeGreaterThan(widest);
    const box = diagram.svg.match(
      /<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="[\d.]+" rx="16" class="node k-resourceAssociation/,
    );
    expect(Number(box![1])).toBeGreaterThanOrEqual(textWidth(WRITER_SNRA, { font: "mono", size: 11 }));
  });

  it("stays small: under 60 KB (the screen capture it replaces was 580–800 KB)", () => {
    expect(new TextEncoder().encode(diagram.svg).length).toBeLessThan(60_000);
  });

  it("follows the view: a filter leaves out what it hides, and the whole topology says so", () => {
    const noGroups = toExportModel(toFlowGraph(topology, { ...EMPTY_VIEW, hiddenKinds: ["securityGroup"] }));
    const filtered = parse(toSvgDiagram(noGroups, OPTIONS).svg).texts;
    expect(filtered).not.toContain("Security group");
    expect(filtered).toContain(WRITER_SNRA);
    expect(
      filtered.some((t) => t.startsWith(`Current view: ${noGroups.nodes.length} of ${topology.nodes.length} nodes`)),
    ).toBe(true);
    const whole = parse(toSvgDiagram(model, { ...OPTIONS, scope: "topology" }).svg).texts;
    expect(whole.some((t) => t.startsWith(`Whole topology: ${model.nodes.length} nodes`))).toBe(true);
  });
});

describe("the SVG diagram of a large account (synthetic, 3,000 nodes, the console's default folds)", () => {
  const large = syntheticTopology();
  const model = toExportModel(toFlowGraph(large, EMPTY_VIEW));
  const diagram = toSvgDiagram(model, { ...OPTIONS, scope: "topology", topologyNodes: large.nodes.length });

  it("draws every shown node with its name, and stays under 1 MB", () => {
    const { texts, tags } = parse(diagram.svg);
    expect(model.nodes.length).toBeGreaterThan(500);
    for (const node of model.nodes) expect(texts, node.id).toContain(node.title);
    expect(tags.has("foreignObject")).toBe(false);
    expect(new TextEncoder().encode(diagram.svg).length).toBeLessThan(1_000_000);
  });
});

describe("text in the SVG", () => {
  it("escapes markup and drops what XML cannot hold, on one line", () => {
    expect(svgText(`a <b> & "c"`)).toBe("a &lt;b&gt; &amp; &quot;c&quot;");
    expect(svgText("x\u0000y\u0007z\nw\u202eq")).toBe("x y z w q");
    expect(svgText("lone \ud800 surrogate 😀")).toBe("lone   surrogate 😀");
  });

  it("keeps a hostile resource name as text: the document parses and shows the name", () => {
    const copy = structuredClone(topology);
    const nasty = `evil </text><script>alert(1)</script> & "q" \u0001 ]]> <!-- x`;
    copy.nodes.find((n) => n.id === "snra-0258ae5ca1fffbb4a")!.label = nasty;
    const svg = toSvgDiagram(toExportModel(toFlowGraph(copy, EMPTY_VIEW)), OPTIONS).svg;
    const { texts, tags } = parse(svg);
    expect(tags.has("script")).toBe(false);
    expect(texts).toContain(nasty.replace("\u0001", " "));
  });

  it("writes a valid picture of an empty view: header, no boxes, no legend", () => {
    const empty = toExportModel(toFlowGraph({ ...topology, nodes: [], edges: [] }, EMPTY_VIEW));
    const diagram = toSvgDiagram(empty, OPTIONS);
    const { texts, tags } = parse(diagram.svg);
    expect(texts[0]).toBe("Lattice Atlas · Embedded AWS emulator · ap-northeast-1");
    expect(texts).not.toContain("Legend");
    expect(tags.has("marker")).toBe(false);
    expect(diagram.width).toBeGreaterThan(0);
    expect(diagram.height).toBeGreaterThan(0);
  });

  it("writes dates in UTC to the minute", () => {
    expect(exportDate(new Date("2026-12-05T23:59:59.900Z"))).toBe("2026-12-05 23:59 UTC");
  });
});
