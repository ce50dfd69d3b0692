/**
 * Shareable views: a saved view reopened from its /v/<id> link in a fresh browser; a snapshot browsed at /s/<id> on
 * a server that has no AWS to reach at all (the emulator that it was taken from is gone); a snapshot downloaded
 * and opened again from its file, bad files refused in words; reproduced in the emulator; and every export of the
 * view parsed as what it claims to be (draw.io XML, JSON, Mermaid through mermaid's own parser; the SVG and PNG
 * diagrams are exports.spec.ts's).
 */
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { VIEWPORT } from "../playwright.config";
import {
  apiPost,
  freshFieldReport,
  node,
  openConsole,
  startServer,
  vpcByName,
  type RunningServer,
} from "../support/stack";

const WRITER_SNRA = "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const WRITER_ASSOCIATION = "snra-0258ae5ca1fffbb4a";
const PATTERN_3_VPC = "consumer-sn-association-vpc";
const SHOTS = "artifacts/screenshots";
const EXPORTS = "artifacts/exports";
const requireFromE2e = createRequire(import.meta.url);

/** The pattern-3 VPC's "Connect from" answer is on screen, with the writer's snra-… name. */
async function expectPattern3Answer(page: Page, vpcId: string): Promise<void> {
  const answer = page.getByTestId("connect-answer");
  await expect(answer).toBeVisible();
  await expect(answer).toHaveAttribute("data-from", vpcId);
  await expect(answer.locator(`[data-testid="hostname-row"][data-hostname="${WRITER_SNRA}"]`)).toBeVisible();
}

test("a saved view reopens from its /v/<id> link in a fresh browser; the Views panel renames, copies and deletes", async ({
  page,
  browser,
  request,
}) => {
  await freshFieldReport(request);
  const vpc = await vpcByName(request, PATTERN_3_VPC);
  await openConsole(page, `?panel=connect&from=${vpc.id}&hide=securityGroup`);
  await expectPattern3Answer(page, vpc.id);

  await page.getByTestId("save-view-button").click();
  const name = page.getByTestId("save-view-name");
  await expect(name).toHaveValue(`Connect from ${PATTERN_3_VPC} · ap-northeast-1`);
  await name.fill("Pattern 3 — which name from the association VPC");
  await page.getByTestId("save-view-submit").click();
  const link = (await page.getByTestId("saved-view-link").textContent()) ?? "";
  expect(link).toMatch(/\/v\/v[0-9a-z]{9}$/);
  await page.screenshot({ path: `${SHOTS}/views-saved.png` });

  // A fresh browser (no cache, no history) opens the short link and lands on the same view, with a clean history.
  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    const entries = await second.evaluate(() => window.history.length);
    await second.goto(link);
    await expect(second).toHaveURL(
      new RegExp(`/\\?source=emulator&region=ap-northeast-1&panel=connect&from=${vpc.id}&hide=securityGroup$`),
    );
    await expectPattern3Answer(second, vpc.id);
    await expect(second.locator(".react-flow__node").first()).toBeVisible();
    await expect(second.locator('.react-flow__node[data-id^="sg-"]')).toHaveCount(0);
    // The short link was replaced, not stacked: one entry for the visit.
    expect(await second.evaluate(() => window.history.length)).toBe(entries + 1);
  } finally {
    await other.close();
  }

  // The Views panel: the link with Copy, rename, delete.
  const id = link.split("/").pop()!;
  await page.keyboard.press("Escape");
  await page.getByTestId("views-button").click();
  await expect(page).toHaveURL(/panel=views/);
  const row = page.locator(`[data-testid="view-row"][data-view-id="${id}"]`);
  await expect(row).toContainText("Pattern 3 — which name from the association VPC");
  await expect(row.getByTestId("view-link")).toHaveText(link);
  await expect(row.getByTestId("copy-view-link")).toHaveAttribute("data-copy-value", link);
  await row.getByTestId("rename-button").click();
  await row.getByTestId("rename-input").fill("Pattern 3 (renamed)");
  await row.getByTestId("rename-save").click();
  await expect(row.getByTestId("open-view")).toHaveText("Pattern 3 (renamed)");
  await page.screenshot({ path: `${SHOTS}/views-panel.png` });
  // Opening it from the list: the saved state.
  await row.getByTestId("open-view").click();
  await expect(page).toHaveURL(new RegExp(`panel=connect&from=${vpc.id}`));
  await expectPattern3Answer(page, vpc.id);
  await page.getByTestId("views-button").click();
  await row.getByTestId("delete-button").click();
  await row.getByTestId("confirm-delete").click();
  await expect(row).toHaveCount(0);
  const gone = await request.get(`/api/views/${id}`);
  expect(gone.status()).toBe(404);
});

test("unknown short links say so in words, and the console still works", async ({ page, request }) => {
  await freshFieldReport(request);
  for (const id of ["vzzzzzzzzz", "not-a-view"]) {
    await page.goto(`/v/${id}`);
    const notice = page.getByTestId("link-notice");
    await expect(notice).toHaveAttribute("data-kind", "view-not-found");
    await expect(notice).toContainText(`There is no saved view ${id} on this server`);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator(".react-flow__node").first()).toBeVisible();
  }
  await page.screenshot({ path: `${SHOTS}/views-unknown-link.png` });
  // The console works: search still finds and selects.
  await page.getByTestId("search-input").fill(WRITER_ASSOCIATION);
  await page.getByTestId("search-input").press("Enter");
  await expect(page.getByTestId("details-panel")).toContainText(WRITER_SNRA);
  await page.goto("/s/szzzzzzzzz");
  await expect(page.getByTestId("snapshot-missing")).toContainText("There is no saved snapshot szzzzzzzzz");
  await expect(page.getByTestId("snapshot-missing").getByTestId("error-notice")).toHaveAttribute(
    "data-error-code",
    "NOT_FOUND",
  );
});

test("a snapshot browses read-only with no AWS at all: the emulator it was taken from is gone", async ({ browser }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "atlas-e2e-snapshot-"));
  let server: RunningServer | undefined = await startServer({ dataDir });
  try {
    // Taken on a console of its own, whose embedded emulator is then stopped with it.
    const topology = (await (await fetch(`${server.url}/api/topology`)).json()) as {
      nodes: Array<{ id: string; kind: string; label: string }>;
    };
    const vpc = topology.nodes.find((n) => n.kind === "vpc" && n.label === PATTERN_3_VPC)!;
    const taking = await browser.newPage({ viewport: VIEWPORT });
    await taking.goto(`${server.url}/?panel=connect&from=${vpc.id}`);
    await expectPattern3Answer(taking, vpc.id);
    await taking.getByTestId("take-snapshot-button").click();
    await taking.getByTestId("snapshot-name").fill("Before the change");
    await taking.getByTestId("take-snapshot-submit").click();
    const id = (await taking.getByTestId("snapshot-taken").getAttribute("data-snapshot-id"))!;
    expect(id).toMatch(/^s[0-9a-z]{9}$/);
    await taking.close();
    await server.stop();

    // The same data folder, and an emulator URL where nothing listens: any AWS call would fail.
    server = await startServer({ dataDir, extraArgs: ["--emulator-url", "http://127.0.0.1:9"] });
    const dead = await fetch(`${server.url}/api/topology?source=emulator&region=ap-northeast-1`);
    expect(dead.ok).toBe(false);

    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const apiCalls: string[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith("/api/")) apiCalls.push(`${r.method()} ${url.pathname}`);
    });
    await page.goto(`${server.url}/s/${id}`);
    const banner = page.getByTestId("snapshot-banner");
    await expect(banner).toContainText(
      "Snapshot of Embedded AWS emulator · ap-northeast-1 · account 111122223333 taken",
    );
    await expect(banner).toContainText("Before the change");
    await expect(banner).toContainText("never from AWS");
    // Its view state applied: the connect answer of the pattern-3 VPC, from the frozen data.
    await expect(page).toHaveURL(new RegExp(`/s/${id}\\?panel=connect&from=${vpc.id}$`));
    await expectPattern3Answer(page, vpc.id);
    // No refresh, no change controls, no source or region picker.
    for (const testId of [
      "refresh-button",
      "source-picker",
      "region-picker",
      "change-menu-button",
      "connect-grip",
      "save-view-button",
      "take-snapshot-button",
    ])
      await expect(page.getByTestId(testId), testId).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/snapshot-read-only.png` });

    // The diagram's details: the writer association and its DNS names, found by its id (the search focuses it
    // in the part of the diagram that the side panel leaves visible).
    const search = page.getByTestId("search-input");
    await search.fill(WRITER_ASSOCIATION);
    await search.press("Enter");
    await node(page, WRITER_ASSOCIATION).click();
    const details = page.getByTestId("details-panel");
    await expect(details).toHaveAttribute("data-node-id", WRITER_ASSOCIATION);
    await expect(details).toContainText(WRITER_SNRA);
    await expect(page.getByTestId("read-only-notice")).toContainText("snapshot");
    await expect(page.getByTestId("remove-button")).toHaveCount(0);
    // A copied link keeps the snapshot and drops the source and region it fixes.
    await expect(page.getByTestId("copy-link")).toHaveAttribute(
      "data-copy-value",
      new RegExp(`/s/${id}\\?panel=details&from=${vpc.id}&sel=${WRITER_ASSOCIATION}$`),
    );

    // Nothing but the snapshot (and the server's own health, and who is signed in) was asked: no topology, sources
    // or live connect.
    const unexpected = apiCalls.filter((c) => !/^GET \/api\/(health|me|snapshots\/s[0-9a-z]{9}(\/connect)?)$/.test(c));
    expect(unexpected).toEqual([]);
    expect(apiCalls).toContain(`GET /api/snapshots/${id}/connect`);
    await context.close();
  } finally {
    await server?.stop();
  }
});

test("a snapshot downloads as a file and opens again from it; bad files are refused in words; it reproduces in the emulator", async ({
  page,
  request,
  baseURL,
}) => {
  await freshFieldReport(request);
  const vpc = await vpcByName(request, PATTERN_3_VPC);
  const taken = await apiPost(request, baseURL!, "/api/snapshots", {
    name: "For the file",
    state: `panel=connect&from=${vpc.id}`,
  });
  expect(taken.status()).toBe(201);
  const meta = (await taken.json()) as { id: string; nodes: number };

  await openConsole(page, "?panel=snapshots");
  const row = page.locator(`[data-testid="snapshot-row"][data-snapshot-id="${meta.id}"]`);
  await expect(row).toContainText("For the file");
  await expect(row).toContainText("ap-northeast-1 · account 111122223333");
  await expect(row).toContainText(`${meta.nodes} nodes`);
  await page.screenshot({ path: `${SHOTS}/snapshots-panel.png` });
  const [download] = await Promise.all([page.waitForEvent("download"), row.getByTestId("download-snapshot").click()]);
  expect(download.suggestedFilename()).toBe("lattice-atlas-for-the-file.json");
  mkdirSync(EXPORTS, { recursive: true });
  const file = path.join(EXPORTS, download.suggestedFilename());
  await download.saveAs(file);
  const text = readFileSync(file, "utf8");
  const parsed = JSON.parse(text) as { format: string; version: number; topology: { nodes: Array<{ id: string }> } };
  expect(parsed).toMatchObject({ format: "lattice-atlas-snapshot", version: 1 });
  expect(parsed.topology.nodes.some((n) => n.id === WRITER_ASSOCIATION)).toBe(true);

  // Bad files: not JSON, and JSON that is not a snapshot. The panel says what is wrong; the console keeps working.
  const input = page.getByTestId("snapshot-file-input");
  const error = page.getByTestId("snapshot-file-error");
  await input.setInputFiles({
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from(text.slice(0, text.length / 2)),
  });
  await expect(error.getByTestId("error-notice")).toHaveAttribute("data-error-code", "VALIDATION");
  await expect(error).toContainText("This file is not JSON");
  await page.screenshot({ path: `${SHOTS}/snapshot-bad-file.png` });
  await input.setInputFiles({
    name: "package.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"name":"left-pad","version":"1.3.0"}'),
  });
  await expect(error).toContainText("This JSON is not a Lattice Atlas snapshot");
  await expect(page).toHaveURL(/panel=snapshots/);
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await page.getByTestId("search-input").fill(WRITER_ASSOCIATION);
  await page.getByTestId("search-input").press("Enter");
  await expect(page.getByTestId("details-panel")).toContainText(WRITER_SNRA);

  // The good file opens as a new snapshot, read-only, with its view.
  await page.getByTestId("snapshots-button").click();
  await input.setInputFiles(file);
  await expect(page).toHaveURL(new RegExp(`/s/s[0-9a-z]{9}\\?panel=connect&from=${vpc.id}$`));
  const opened = new URL(page.url()).pathname.split("/").pop()!;
  expect(opened).not.toBe(meta.id);
  await expect(page.getByTestId("snapshot-banner")).toHaveAttribute("data-snapshot-id", opened);
  await expectPattern3Answer(page, vpc.id);

  // Reproduced in the embedded emulator: the live console on the emulator, with the snapshot's view.
  await page.getByTestId("emulate-snapshot").click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/\\?source=emulator&region=ap-northeast-1&panel=connect`));
  await expect(page.getByTestId("snapshot-banner")).toHaveCount(0);
  await expect(page.getByTestId("refresh-button")).toBeVisible();
  await expect(node(page, WRITER_ASSOCIATION)).toBeVisible();
  await freshFieldReport(request);
});

test.describe("exports of the view", () => {
  test.beforeEach(async ({ request }) => {
    await freshFieldReport(request);
  });

  test("JSON, Mermaid and draw.io each download and parse, with what the view shows", async ({ page, browser }) => {
    await openConsole(page, "?hide=securityGroup");
    const canvas = page.getByTestId("topology-canvas");
    const shownNodes = Number(await canvas.getAttribute("data-node-count"));
    const shownEdges = Number(await canvas.getAttribute("data-edge-count"));
    expect(shownNodes).toBeGreaterThan(10);
    mkdirSync(EXPORTS, { recursive: true });
    const sizes: Record<string, number> = {};

    const exportAs = async (format: string): Promise<{ file: string; name: string }> => {
      await page.getByTestId("export-button").click();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator(`[data-testid="export-item"][data-format="${format}"]`).click(),
      ]);
      const name = download.suggestedFilename();
      const file = path.join(EXPORTS, name);
      await download.saveAs(file);
      sizes[name] = statSync(file).size;
      return { file, name };
    };
    const nameOf = (ext: string): RegExp =>
      new RegExp(`^lattice-atlas-emulator-ap-northeast-1-\\d{4}-\\d{2}-\\d{2}\\.${ext}$`);

    // JSON: the nodes and lines drawn, with the DNS names.
    const json = await exportAs("json");
    expect(json.name).toMatch(nameOf("json"));
    const graph = JSON.parse(readFileSync(json.file, "utf8")) as {
      format: string;
      state: string;
      nodes: Array<{ id: string; kind: string; dnsNames: string[] }>;
      edges: unknown[];
    };
    expect(graph.format).toBe("lattice-atlas-view");
    expect(graph.state).toBe("hide=securityGroup");
    expect(graph.nodes).toHaveLength(shownNodes);
    expect(graph.edges).toHaveLength(shownEdges);
    expect(graph.nodes.some((n) => n.kind === "securityGroup")).toBe(false);
    expect(graph.nodes.find((n) => n.id === WRITER_ASSOCIATION)?.dnsNames).toContain(WRITER_SNRA);

    // Mermaid: through mermaid's own parser (its browser bundle, in a blank page: it needs a DOM).
    const mermaid = await exportAs("mermaid");
    expect(mermaid.name).toMatch(nameOf("mmd"));
    const mermaidText = readFileSync(mermaid.file, "utf8");
    expect(mermaidText).toContain(WRITER_SNRA);
    const parserPage = await browser.newPage();
    try {
      await parserPage.addScriptTag({ path: requireFromE2e.resolve("mermaid/dist/mermaid.min.js") });
      const parse = (text: string): Promise<string> =>
        parserPage.evaluate(async (t) => {
          try {
            const result = await (
              window as unknown as { mermaid: { parse(t: string): Promise<{ diagramType: string }> } }
            ).mermaid.parse(t);
            return result.diagramType;
          } catch (e) {
            return `error: ${e instanceof Error ? e.message : String(e)}`;
          }
        }, text);
      expect(await parse(mermaidText)).toBe("flowchart-v2");
      // The parser does refuse a broken chart (so the line above can fail).
      expect(await parse(mermaidText.replace('"]', "]"))).toMatch(/^error: /);
    } finally {
      await parserPage.close();
    }

    // draw.io: mxGraph XML, one vertex per shown node and one edge per shown line, DNS names in the labels.
    const drawio = await exportAs("drawio");
    expect(drawio.name).toMatch(nameOf("drawio"));
    const xml = readFileSync(drawio.file, "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      isArray: (n) => n === "mxCell",
    }).parse(xml) as {
      mxfile: {
        diagram: {
          mxGraphModel: {
            root: {
              mxCell: Array<{
                id: string;
                value?: string;
                vertex?: string;
                edge?: string;
                source?: string;
                target?: string;
                mxGeometry?: { as: string };
              }>;
            };
          };
        };
      };
    };
    const cells = doc.mxfile.diagram.mxGraphModel.root.mxCell;
    const vertices = cells.filter((c) => c.vertex === "1");
    const edges = cells.filter((c) => c.edge === "1");
    expect(vertices).toHaveLength(shownNodes);
    expect(edges).toHaveLength(shownEdges);
    expect(vertices.every((v) => v.mxGeometry?.as === "geometry")).toBe(true);
    const ids = new Set(vertices.map((v) => v.id));
    expect(edges.every((e) => ids.has(e.source!) && ids.has(e.target!))).toBe(true);
    expect(vertices.find((v) => v.id === WRITER_ASSOCIATION)?.value).toContain(WRITER_SNRA);

    writeFileSync(path.join(EXPORTS, "sizes.json"), `${JSON.stringify(sizes, null, 2)}\n`);
    console.log("export sizes (bytes):", sizes);
  });
});
