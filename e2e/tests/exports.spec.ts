/**
 * The diagrams people paste into docs, downloaded from the Export menu: the SVG is written from the graph (real
 * <text> elements with the writer's snra-… name, a title, the source, the date and a legend; one <style>, no
 * foreignObject) and the PNG is that SVG drawn at twice its size (its dimensions follow from the SVG's, it is not
 * mostly blank, and it is the same picture as the SVG drawn by the browser). "Whole topology" exports what a filter
 * hides.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { freshFieldReport, openConsole } from "../support/stack";

const WRITER_SNRA = "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const WRITER_HOST = "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com";
const SHOTS = "artifacts/screenshots";
const EXPORTS = "artifacts/exports";

interface ParsedSvg {
  width: number;
  height: number;
  texts: string[];
  tags: Map<string, number>;
}

/** The SVG as XML: its stated size, every <text>'s content and how many of each tag. */
function parseSvg(text: string): ParsedSvg {
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = new XMLParser({ preserveOrder: true, ignoreAttributes: false, parseTagValue: false }).parse(
    text,
  ) as Array<Record<string, unknown>>;
  const texts: string[] = [];
  const tags = new Map<string, number>();
  const walk = (list: Array<Record<string, unknown>>): void => {
    for (const element of list)
      for (const [tag, value] of Object.entries(element)) {
        if (tag === ":@" || tag === "#text") continue;
        tags.set(tag, (tags.get(tag) ?? 0) + 1);
        const children = value as Array<Record<string, unknown>>;
        if (tag === "text")
          texts.push(children.map((c) => (typeof c["#text"] === "string" ? c["#text"] : "")).join(""));
        else walk(children);
      }
  };
  walk(doc);
  const attributes = (doc[0]?.[":@"] ?? {}) as Record<string, string>;
  return { width: Number(attributes["@_width"]), height: Number(attributes["@_height"]), texts, tags };
}

async function download(page: Page, format: "svg" | "png", scope: "view" | "topology"): Promise<string> {
  await page.getByTestId("export-button").click();
  const option = page.locator(`[data-testid="export-scope"][data-scope="${scope}"]`);
  await option.click();
  await expect(option).toHaveAttribute("aria-checked", "true");
  if (format === "svg" && scope === "view") await page.screenshot({ path: `${SHOTS}/export-menu.png` });
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.locator(`[data-testid="export-item"][data-format="${format}"]`).click(),
  ]);
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^lattice-atlas-emulator-ap-northeast-1-\\d{4}-\\d{2}-\\d{2}\\.${format}$`),
  );
  mkdirSync(EXPORTS, { recursive: true });
  const saved = path.join(EXPORTS, `${scope}-${file.suggestedFilename()}`);
  await file.saveAs(saved);
  return saved;
}

test.describe("diagrams for docs", () => {
  test.beforeEach(async ({ request }) => {
    await freshFieldReport(request);
  });

  test("the SVG is written from the graph with the snra-… names as text, and the PNG is drawn from it", async ({
    page,
    browser,
  }) => {
    await openConsole(page, "?hide=securityGroup");
    const shown = Number(await page.getByTestId("topology-canvas").getAttribute("data-node-count"));

    const svgFile = await download(page, "svg", "view");
    const svgText = readFileSync(svgFile, "utf8");
    const svg = parseSvg(svgText);
    expect(svg.tags.has("foreignObject")).toBe(false);
    expect(svg.tags.get("style")).toBe(1);
    expect(svg.texts).toContain(WRITER_SNRA);
    expect(svg.texts).toContain(WRITER_HOST);
    expect(svg.texts[0]).toBe("Lattice Atlas · Embedded AWS emulator · ap-northeast-1");
    expect(svg.texts).toContain("Source: Embedded AWS emulator · Account: 111122223333 · Region: ap-northeast-1");
    const today = new Date().toISOString().slice(0, 10);
    expect(svg.texts.find((t) => t.startsWith("Current view: "))).toMatch(
      new RegExp(`^Current view: ${shown} of \\d+ nodes, \\d+ lines · Exported ${today} \\d{2}:\\d{2} UTC$`),
    );
    expect(svg.texts).toContain("Legend");
    // The filter holds: no security group in the picture.
    expect(svg.texts).not.toContain("Security group");

    const pngFile = await download(page, "png", "view");
    const png = readFileSync(pngFile);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    const [pngWidth, pngHeight] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    // Twice the SVG's size: sharp text in a doc.
    expect([pngWidth, pngHeight]).toEqual([svg.width * 2, svg.height * 2]);

    // Not mostly blank, and the same picture as the browser's own drawing of the SVG at that size.
    const imagePage = await browser.newPage();
    try {
      const comparison = await imagePage.evaluate(
        async ({ svg64, png64, width, height }) => {
          const draw = async (src: string): Promise<Uint8ClampedArray> => {
            const image = new Image();
            await new Promise((resolve, reject) => {
              image.onload = resolve;
              image.onerror = reject;
              image.src = src;
            });
            const canvas = document.createElement("canvas");
            canvas.width = width;
            canvas.height = height;
            const context = canvas.getContext("2d")!;
            context.fillStyle = "#fff";
            context.fillRect(0, 0, width, height);
            context.drawImage(image, 0, 0, width, height);
            return context.getImageData(0, 0, width, height).data;
          };
          const fromSvg = await draw(`data:image/svg+xml;base64,${svg64}`);
          const fromPng = await draw(`data:image/png;base64,${png64}`);
          let differing = 0;
          let drawn = 0;
          for (let i = 0; i < fromPng.length; i += 4) {
            if (fromSvg[i] !== fromPng[i] || fromSvg[i + 1] !== fromPng[i + 1] || fromSvg[i + 2] !== fromPng[i + 2])
              differing++;
            if (fromPng[i]! < 245 || fromPng[i + 1]! < 245 || fromPng[i + 2]! < 245) drawn++;
          }
          return { differing, drawn, pixels: fromPng.length / 4 };
        },
        {
          svg64: Buffer.from(svgText).toString("base64"),
          png64: png.toString("base64"),
          width: pngWidth,
          height: pngHeight,
        },
      );
      // Boxes, lines and text cover a good part of the picture (a blank or failed drawing would be ~0 %).
      expect(comparison.drawn / comparison.pixels).toBeGreaterThan(0.08);
      expect(comparison.differing).toBeLessThanOrEqual(comparison.drawn / 100);
    } finally {
      await imagePage.close();
    }

    const sizes = { svg: statSync(svgFile).size, png: statSync(pngFile).size, png_px: [pngWidth, pngHeight] };
    writeFileSync(path.join(EXPORTS, "diagram-sizes.json"), `${JSON.stringify(sizes, null, 2)}\n`);
    console.log("diagram export sizes:", sizes);
  });

  test("'Whole topology' exports what the view's filter hides; the choice is a radio in an accessible menu", async ({
    page,
  }) => {
    await openConsole(page, "?hide=securityGroup");
    const svg = parseSvg(readFileSync(await download(page, "svg", "topology"), "utf8"));
    expect(svg.texts.some((t) => t.startsWith("Whole topology: "))).toBe(true);
    expect(svg.texts).toContain("Security group");
    expect(svg.texts).toContain("CloudShell SG");
    expect(svg.texts).toContain(WRITER_SNRA);

    // The menu remembers the choice while the page lives; arrow keys reach the scope and the formats.
    await page.getByTestId("export-button").click();
    await expect(page.locator('[data-testid="export-scope"][data-scope="topology"]')).toHaveAttribute(
      "aria-checked",
      "true",
    );
    await expect(page.locator('[data-testid="export-scope"][data-scope="view"]')).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.locator('[data-testid="export-scope"][data-scope="topology"]')).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(page.locator('[data-testid="export-item"][data-format="svg"]')).toBeFocused();
    // The open menu, its radio items included, passes axe-core (WCAG 2.1 AA).
    const results = await new AxeBuilder({ page })
      .include(".share-popover--menu")
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
