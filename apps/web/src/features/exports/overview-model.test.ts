import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { EMPTY_VIEW } from "../../lib/url-state";
import { syntheticTopology } from "../topology/fixtures/synthetic";
import { FOLDED_NAMES } from "../topology/overview/aggregate";
import { toDrawio } from "./drawio";
import { toMermaid } from "./mermaid";
import { overviewFor, overviewSummary, toOverviewExportModel, type OverviewSource } from "./overview-model";
import { toSvgDiagram } from "./svg-diagram";

const large = syntheticTopology({ serviceNetworks: 6, consumerVpcs: 40, providerVpcs: 8, services: 5 });
const source: OverviewSource = { topology: large, filters: EMPTY_VIEW, expanded: [] };
const DATE = new Date("2026-12-05T07:30:00Z");

describe("the overview as an export", () => {
  it("draws each network and group once, where the overview places them, and each bundled line with its count", () => {
    const overview = overviewFor(source, "view");
    const model = toOverviewExportModel(overview, large);
    expect(model.nodes).toHaveLength(overview.networks.length + overview.groups.length);
    expect(model.nodes.filter((n) => n.kind === "serviceNetwork")).toHaveLength(overview.networks.length);
    for (const node of model.nodes) {
      expect(node.rect.x + node.rect.width).toBeLessThanOrEqual(model.bounds.width);
      expect(node.rect.y + node.rect.height).toBeLessThanOrEqual(model.bounds.height);
    }
    expect(model.edges.map((e) => [e.source, e.target, e.label])).toEqual(
      overview.bundles.map((b) => [b.source, b.target, String(b.count)]),
    );
    expect(new Set(model.edges.map((e) => e.variant))).toEqual(new Set(["vpc-association", "resource-association"]));

    const network = overview.networks[0]!;
    const box = model.nodes.find((n) => n.id === network.id)!;
    expect(box.title).toBe(network.label);
    expect(box.lines[0]).toContain(`${network.counts.vpcs} VPC`);
    expect(box.lines[1]).toContain(`${network.counts.resources} resource`);
    const group = overview.groups.find((g) => g.vpcs.length > FOLDED_NAMES)!;
    const groupBox = model.nodes.find((n) => n.id === group.id)!;
    expect(groupBox.lines).toEqual([
      expect.stringContaining(`${group.vpcs.length} VPCs, by name`),
      ...group.vpcs.slice(0, FOLDED_NAMES).map((v) => v.label),
      `+ ${group.vpcs.length - FOLDED_NAMES} more`,
    ]);
  });

  it("follows what is expanded on screen in the current view, and draws everything folded for the whole topology", () => {
    const network = overviewFor(source, "view").networks[0]!;
    const expanded: OverviewSource = { ...source, expanded: [network.id] };
    const view = toOverviewExportModel(overviewFor(expanded, "view"), large);
    const whole = toOverviewExportModel(overviewFor(expanded, "topology"), large);
    const members = overviewFor(expanded, "view").networks[0]!.members;
    expect(members.length).toBeGreaterThan(0);
    expect(view.nodes.find((n) => n.id === network.id)!.lines).toEqual(
      expect.arrayContaining(members.map((m) => m.label)),
    );
    expect(whole.nodes.find((n) => n.id === network.id)!.lines).toHaveLength(2);
  });

  it("keeps to the view's filters: a network filter leaves that network's row", () => {
    const network = overviewFor(source, "view").networks[0]!;
    const filtered = overviewFor({ ...source, filters: { ...EMPTY_VIEW, serviceNetworks: [network.id] } }, "view");
    expect(filtered.networks.map((n) => n.id)).toEqual([network.id]);
    expect(
      overviewFor({ ...source, filters: { ...EMPTY_VIEW, serviceNetworks: [network.id] } }, "topology").networks,
    ).toHaveLength(overviewFor(source, "view").networks.length);
  });

  it("writes an SVG with the title, source, what is drawn, the date and a legend; Mermaid and draw.io draw the same boxes", () => {
    const overview = overviewFor(source, "view");
    const model = toOverviewExportModel(overview, large);
    const summary = overviewSummary(overview, large.nodes.length, "view");
    expect(summary).toMatch(
      /^Current view, overview: 6 service networks, \d+ VPC groups, \d+ lines \([\d,]+ nodes in all\)$/,
    );
    const { svg } = toSvgDiagram(model, {
      title: "Embedded AWS emulator · us-east-1",
      scope: "view",
      topologyNodes: large.nodes.length,
      date: DATE,
      summary,
    });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain("Lattice Atlas · Embedded AWS emulator · us-east-1");
    expect(svg).toContain(summary);
    expect(svg).toContain(`Source: ${large.source.label}`);
    expect(svg).toContain('id="legend"');
    expect(svg).toContain(overview.networks[0]!.label);
    const mermaid = toMermaid(model, { title: "overview" });
    for (const network of overview.networks) expect(mermaid).toContain(network.label);
    const drawio = toDrawio(model, { name: "overview", modified: DATE.toISOString() });
    expect(XMLValidator.validate(drawio)).toBe(true);
    expect(drawio.match(/vertex="1"/g)?.length).toBe(model.nodes.length);
  });
});
