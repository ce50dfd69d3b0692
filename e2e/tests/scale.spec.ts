/**
 * The console at scale, on the real API and its emulator's `large` scenario (7,138 nodes; loaded once for the file,
 * the field-report scenario put back after): the overview draws each service network as one node with its counts
 * and the VPCs in groups sorted by name, with bundled edges; a network expands in place and folds back; the table
 * view scrolls thousands of rows with only a screenful in the page, and a row selects its node (and the other way
 * round); Connect from a consumer with 1,000+ rows filters its targets, reachable first. Takes the screenshot of the
 * large overview for the README (artifacts/screenshots/large-overview.png, copied to docs/ by hand).
 */
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { emulator, freshFieldReport } from "../support/stack";

const REGION = "us-east-1";
const LARGE = `?region=${REGION}`;

interface LargeNode {
  id: string;
  kind: string;
  label: string;
  data: Record<string, unknown>;
}

let nodes: LargeNode[];

async function freshLarge(request: APIRequestContext): Promise<LargeNode[]> {
  await emulator(request, "POST", "/_emulator/reset", { scenario: "large" });
  const response = await request.get(`/api/topology?region=${REGION}&refresh=true`, { timeout: 150_000 });
  if (!response.ok()) throw new Error(`large refresh failed: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { nodes: LargeNode[] }).nodes;
}

const byLabel = (kind: string, label: string): LargeNode => {
  const found = nodes.find((n) => n.kind === kind && n.label === label);
  if (!found) throw new Error(`no ${kind} ${label}`);
  return found;
};

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  nodes = await freshLarge(request);
});

test.afterAll(async ({ request }) => {
  await freshFieldReport(request);
});

test("the overview draws networks with their counts, VPCs grouped by name, bundled edges; a network expands in place", async ({
  page,
}) => {
  expect(nodes.length).toBeGreaterThan(5000);
  await page.goto(`/${LARGE}`);
  const canvas = page.getByTestId("overview-canvas");
  await expect(canvas).toBeVisible({ timeout: 60_000 });
  await expect(canvas).toHaveAttribute("data-network-count", "50");
  await expect(page.getByRole("button", { name: "Overview", pressed: true })).toBeVisible();

  const network = byLabel("serviceNetwork", "sn-net-000");
  const resources = nodes.filter(
    (n) => n.kind === "resourceAssociation" && n.data.serviceNetworkId === network.id,
  ).length;
  const services = nodes.filter(
    (n) => n.kind === "serviceAssociation" && n.data.serviceNetworkId === network.id,
  ).length;
  const card = page.locator(`[data-testid="overview-network"][data-id="${network.id}"]`);
  await expect(card).toBeVisible();
  const counts = card.getByTestId("overview-counts");
  await expect(counts).toContainText(`${resources} resource`);
  await expect(counts).toContainText(`${services} service`);
  await expect(counts).toContainText(/\d+ VPCs?/);

  // Far fewer lines than the topology has edges: one per pair of groups, with its count.
  const bundles = page.locator(".react-flow__edge.overview-bundle");
  await expect(bundles.first()).toBeAttached();
  expect(await bundles.count()).toBeLessThan(400);
  await expect(page.locator(".react-flow__edge-text").first()).toHaveText(/^\d+$/);

  // Consumer VPCs in groups, sorted by name.
  const group = page.locator('[data-testid="overview-group"][data-id^="group:consumer:"]').first();
  const names = await group.getByTestId("overview-item").allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { numeric: true })));
  // The README's docs/large-overview.png is this picture, copied from artifacts by hand (a test run never writes docs/).
  await page.screenshot({ path: "artifacts/screenshots/large-overview.png" });

  // Expand in place: its resources and services listed; the URL carries it; Collapse folds it back.
  await card.getByRole("button", { name: `Expand ${network.label}` }).click();
  await expect(card).toHaveAttribute("data-expanded", "true");
  await expect(card.getByTestId("overview-item")).toHaveCount(resources + services);
  await expect(page).toHaveURL(new RegExp(`expand=${network.id}`));
  const member = card.getByTestId("overview-item").first();
  const memberId = (await member.getAttribute("data-id"))!;
  await member.click();
  await expect(page.getByTestId("details-panel")).toHaveAttribute("data-node-id", memberId);
  await card.getByRole("button", { name: `Collapse ${network.label}` }).click();
  await expect(card).toHaveAttribute("data-expanded", "false");
  await expect(card.getByTestId("overview-item")).toHaveCount(0);

  // A group expands to all its VPCs.
  const folded = await group.getByTestId("overview-item").count();
  await group.getByRole("button", { name: /^Expand / }).click();
  await expect(group).toHaveAttribute("data-expanded", "true");
  expect(await group.getByTestId("overview-item").count()).toBeGreaterThan(folded);
});

test("Export on the overview: the SVG and PNG draw its networks with their counts and bundled lines, Mermaid the same boxes", async ({
  page,
}) => {
  await page.goto(`/${LARGE}`);
  await expect(page.getByTestId("overview-canvas")).toBeVisible({ timeout: 60_000 });
  const button = page.getByTestId("export-button");
  await expect(button).toBeEnabled();
  await expect(button).toHaveAttribute("data-drawn", "overview");
  const network = byLabel("serviceNetwork", "sn-net-000");
  const card = page.locator(`[data-testid="overview-network"][data-id="${network.id}"]`);
  const counts = (await card.getByTestId("overview-counts").innerText()).replace(/\s+/g, " ");

  const save = async (format: string): Promise<string> => {
    if (!(await page.getByRole("menu", { name: "Export" }).isVisible())) await button.click();
    await expect(page.getByTestId("export-overview-note")).toContainText("exports the overview");
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.locator(`[data-testid="export-item"][data-format="${format}"]`).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(new RegExp(`^lattice-atlas-emulator-us-east-1-\\d{4}-\\d{2}-\\d{2}\\.`));
    const saved = test.info().outputPath(file.suggestedFilename());
    await file.saveAs(saved);
    return saved;
  };
  const svg = readFileSync(await save("svg"), "utf8");
  expect(svg).toContain("<svg");
  expect(svg).toMatch(/Current view, overview: 50 service networks, \d+ VPC groups, \d+ lines \(7,138 nodes in all\)/);
  expect(svg).toContain("Source: Embedded AWS emulator");
  expect(svg).toContain('id="legend"');
  expect(svg).toContain(`>${network.label}<`);
  // The network's counts as on the card ("9 VPCs · 0 endpoints 63 resources · 4 services").
  for (const part of counts.split(/ · | (?=\d)/)) expect(svg).toContain(part.trim());
  const drawing = svg.split('<g id="legend">')[0]!;
  expect(drawing.match(/class="node k-serviceNetwork/g)).toHaveLength(50);
  // Bundled lines carry their counts.
  expect(svg).toMatch(/<text[^>]*class="el"[^>]*>\d+<\/text>/);
  // No box of the full projection: no resource configuration is drawn one by one.
  expect(drawing).not.toContain("k-resourceConfiguration");

  const png = readFileSync(await save("png"));
  expect(png.subarray(1, 4).toString()).toBe("PNG");
  const mermaid = readFileSync(await save("mermaid"), "utf8");
  expect(mermaid).toContain("flowchart");
  expect(mermaid).toContain(network.label);
});

test("the table view scrolls thousands of rows, and a row selects its node (and the other way round)", async ({
  page,
}) => {
  await page.goto(`/${LARGE}`);
  await expect(page.getByTestId("overview-canvas")).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Table" }).click();
  await expect(page).toHaveURL(/display=table/);
  const table = page.getByTestId("topology-table");
  await expect(table).toBeVisible();
  const total = Number(
    (await page.getByTestId("table-count").innerText()).match(/of ([\d,]+) rows/)![1]!.replace(/,/g, ""),
  );
  expect(total).toBeGreaterThan(5000);
  // Virtualised: a screenful of rows in the page, however many there are.
  const rows = page.getByTestId("table-row");
  expect(await rows.count()).toBeLessThan(120);
  await expect(rows.first()).toContainText("VPC");

  // Scroll to the end: the last rows (hostnames, sorted last) come into the page.
  const scroller = page.getByTestId("table-scroller");
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(rows.last()).toContainText("Hostname");
  await expect(rows.last()).toHaveAttribute("aria-rowindex", String(total + 1));

  // Sort by name, then filter: a VPC's row selects it.
  await page.getByRole("button", { name: "Name" }).click();
  await expect(page.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "ascending");
  const vpc = byLabel("vpc", "consumer-007");
  await page.getByLabel("Filter rows").fill("consumer-007");
  const row = page.locator(`[data-testid="table-row"][data-node-id="${vpc.id}"]`).first();
  await row.click();
  await expect(page).toHaveURL(new RegExp(`sel=${vpc.id}`));
  await expect(page.getByTestId("details-panel")).toHaveAttribute("data-node-id", vpc.id);
  await expect(row).toHaveAttribute("aria-selected", "true");

  // Back to the diagram: the overview marks the VPC in its group.
  await page.getByRole("button", { name: "Diagram" }).click();
  const item = page.locator(`[data-testid="overview-item"][data-id="${vpc.id}"]`);
  await expect(item).toHaveAttribute("aria-current", "true");

  // And the other way round: picked on the diagram, selected (and in view) in the table.
  await page.getByRole("button", { name: "Close panel" }).click();
  const providerItem = page
    .locator('[data-testid="overview-group"][data-id^="group:provider:"] [data-testid="overview-item"]')
    .first();
  const provider = { id: (await providerItem.getAttribute("data-id"))! };
  await providerItem.click();
  await expect(page.getByTestId("details-panel")).toHaveAttribute("data-node-id", provider.id);
  await page.getByRole("button", { name: "Table" }).click();
  // The table comes back as it was left (its sort and words are in the URL); cleared, it shows the provider's row.
  await expect(page.getByLabel("Filter rows")).toHaveValue("consumer-007");
  await page.getByLabel("Filter rows").fill("");
  await expect(page.locator(`[data-testid="table-row"][data-node-id="${provider.id}"]`).first()).toHaveAttribute(
    "aria-selected",
    "true",
  );
});

test("the table's sort, kind of row and words are in the URL: a copied link opens the table as it was, Back undoes a step", async ({
  page,
  context,
}) => {
  await page.goto(`/${LARGE}&display=table`);
  const table = page.getByTestId("topology-table");
  await expect(table).toBeVisible({ timeout: 60_000 });
  const nameHeader = page.getByRole("columnheader", { name: /Name/ });

  // Name, twice: descending; VPCs only; the words typed reach the URL a moment later.
  await page.getByRole("button", { name: "Name" }).click();
  await expect(page).toHaveURL(/[?&]sort=name(&|$)/);
  await page.getByRole("button", { name: /Name/ }).click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await page.getByLabel("Kind of row").selectOption("vpc");
  await page.getByLabel("Filter rows").pressSequentially("consumer 0", { delay: 20 });
  await expect(page).toHaveURL(/[?&]find=consumer\+0(&|$)/);
  await expect(page).toHaveURL(/[?&]rows=vpc(&|$)/);
  await expect(page).toHaveURL(/[?&]sort=-name(&|$)/);
  const count = await page.getByTestId("table-count").innerText();
  const firstRows = await page
    .getByTestId("table-row")
    .evaluateAll((rows) => rows.slice(0, 5).map((r) => r.textContent));
  expect(firstRows[0]).toContain("VPC");
  expect(firstRows[0]! > firstRows[1]!).toBe(true);

  // The link, opened elsewhere: the same table, the same rows first.
  const copy = await context.newPage();
  await copy.goto(page.url());
  await expect(copy.getByTestId("topology-table")).toBeVisible({ timeout: 60_000 });
  await expect(copy.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "descending");
  await expect(copy.getByLabel("Kind of row")).toHaveValue("vpc");
  await expect(copy.getByLabel("Filter rows")).toHaveValue("consumer 0");
  await expect(copy.getByTestId("table-count")).toHaveText(count);
  expect(await copy.getByTestId("table-row").evaluateAll((rows) => rows.slice(0, 5).map((r) => r.textContent))).toEqual(
    firstRows,
  );
  await copy.close();

  // Back undoes the kind of row (the words went in place of the entry they were typed on).
  await page.goBack();
  await expect(page.getByLabel("Kind of row")).toHaveValue("all");
  await expect(page).not.toHaveURL(/rows=vpc/);
  await expect(page.getByLabel("Filter rows")).toHaveValue("");
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
});

test("Connect from a consumer with 1,000+ rows: a filter box, reachable first, out of reach folded with counts", async ({
  page,
}) => {
  const consumer = byLabel("vpc", "consumer-000");
  await page.goto(`/${LARGE}&panel=connect&from=${consumer.id}`);
  const answer = page.getByTestId("connect-answer");
  await expect(answer).toBeVisible({ timeout: 60_000 });
  const count = page.getByTestId("connect-filter-count");
  const total = Number((await count.innerText()).match(/(\d+) targets/)![1]);
  expect(total).toBeGreaterThan(500);

  // Reachable first; out of reach folded by the fix that would bring them in, each with its count.
  const sections = await answer.getByTestId("connect-group").evaluateAll((els) => els.map((e) => e.dataset.group));
  expect(sections[0]).toBe("reachable");
  expect(sections.at(-1)).toBe("out-of-reach");
  const groups = answer.getByTestId("fix-group");
  expect(await groups.count()).toBeGreaterThan(1);
  await expect(groups.first()).toHaveAttribute("data-hidden", /\d+/);

  // The filter keeps the targets that match, in every section.
  await page.getByTestId("connect-filter").fill("res-res-0002");
  await expect(count).toHaveText(new RegExp(`^\\d+ of ${total} targets$`));
  const matching = Number((await count.innerText()).split(" ")[0]);
  expect(matching).toBeGreaterThan(0);
  expect(matching).toBeLessThan(total);
  await page.getByTestId("connect-filter").fill("no-such-target-anywhere");
  await expect(count).toHaveText(`0 of ${total} targets`);
  await expect(answer).toContainText("No reachable target matches");
  await page.getByTestId("connect-filter").fill("");
  await expect(count).toHaveText(`${total} targets`);
});

test("the Connect answer's 1,000+ rows are virtual: a screenful of cards drawn, every row reached by scrolling, a fix group opens in place, Tab walks on past what was drawn", async ({
  page,
}) => {
  const consumer = byLabel("vpc", "consumer-000");
  await page.goto(`/${LARGE}&panel=connect&from=${consumer.id}`);
  const answer = page.getByTestId("connect-answer");
  const reachable = answer.getByTestId("reachable-rows");
  await expect(reachable).toBeVisible({ timeout: 60_000 });
  const total = Number((await page.getByTestId("connect-filter-count").innerText()).match(/(\d+) targets/)![1]);
  const cards = answer.locator('[data-testid="reachable-target"], [data-testid="unreachable-target"]');
  const count = async (list: typeof reachable) => Number(await list.getAttribute("data-count"));

  // A screenful of cards is in the page, not the whole answer; what is not drawn is counted where it stands.
  const drawn = await cards.count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(60);
  const accounted = await page.evaluate(() =>
    [...document.querySelectorAll("[data-hidden]")].reduce((n, e) => n + Number(e.getAttribute("data-hidden")), 0),
  );
  expect(drawn + accounted).toBeGreaterThanOrEqual(total);
  expect(await count(reachable)).toBeGreaterThan(30);

  // The last reachable card is drawn once scrolled to, measured: the next section starts below it, not over it.
  const reachableCount = await count(reachable);
  const last = reachable.locator(`[data-index="${reachableCount - 1}"]`);
  await expect(last).toHaveCount(0);
  const panel = page.locator("#side-panel");
  for (let i = 0; i < 40 && (await last.count()) === 0; i++) {
    await panel.evaluate((p) => p.scrollBy(0, 2000));
    await page.waitForTimeout(50);
  }
  await last.scrollIntoViewIfNeeded();
  await expect(last.locator('[data-testid="reachable-target"]')).toBeVisible();
  const lastBox = (await last.boundingBox())!;
  const nextHeading = answer.locator('[data-testid="connect-group"]').nth(1).getByRole("heading").first();
  expect((await nextHeading.boundingBox())!.y).toBeGreaterThanOrEqual(lastBox.y + lastBox.height - 1);

  // A fix group opens in place: its rows follow its line in the same list, and it no longer counts them as hidden.
  const group = answer.getByTestId("fix-group").first();
  await group.scrollIntoViewIfNeeded();
  const inGroup = Number(await group.getAttribute("data-count"));
  await expect(group).toHaveAttribute("data-hidden", String(inGroup));
  await group.getByRole("button", { name: `${inGroup} targets`, exact: true }).click();
  await expect(group).not.toHaveAttribute("data-hidden");
  await expect(group.getByRole("button", { expanded: true })).toBeVisible();
  const outOfReach = answer.getByTestId("out-of-reach-rows");
  const groupIndex = Number(await group.locator("xpath=..").getAttribute("data-index"));
  await expect(outOfReach.locator(`[data-index="${groupIndex + 1}"] [data-testid="unreachable-target"]`)).toBeVisible();

  // Tab from the first reachable card walks card after card, past the cards drawn at first, never leaving the answer.
  await panel.evaluate((p) => p.scrollTo(0, 0));
  const firstCard = reachable.locator('[data-index="0"]');
  await firstCard.getByRole("toolbar").getByRole("button").first().focus();
  const firstDrawn = Number(
    await reachable.evaluate((el) => Math.max(...[...el.children].map((c) => Number(c.getAttribute("data-index"))))),
  );
  let furthest = 0;
  for (let i = 0; i < 80 && furthest <= firstDrawn; i++) {
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => {
      const el = document.activeElement;
      const row = el?.closest('[data-testid="reachable-rows"] > [data-index]');
      return {
        inAnswer: !!el?.closest('[data-testid="connect-answer"]'),
        index: Number(row?.getAttribute("data-index") ?? -1),
      };
    });
    expect(at.inAnswer).toBe(true);
    furthest = Math.max(furthest, at.index);
  }
  expect(furthest).toBeGreaterThan(firstDrawn);

  // The card holding the focus stays in the page while scrolled far away, and the focus with it.
  await panel.evaluate((p) => p.scrollTo(0, p.scrollHeight));
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="reachable-rows"]') !== null)).toBe(
    true,
  );
});
