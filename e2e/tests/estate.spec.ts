/**
 * An estate in the console, on the real API and its emulator's `estate` scenario (loaded before each test, the
 * field-report scenario put back after): Connect from the pattern-3 VPC of the app-shipping account answers with
 * the writer's snra-… name, owned by the data account; the estate overview lists every account with how it was read
 * (the legacy account unreadable, with its fix) and a cell filters the diagram to that account and region; an
 * account filter in the URL survives a reload and a saved view; the overview and the estate's details pass axe-core.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { emulator, freshFieldReport, node, openConsole } from "../support/stack";

const SOURCE = "estate:emulator";
const REGION = "ap-northeast-1";
const ESTATE = `?source=${SOURCE}&region=${REGION}`;
const DATA = "333344445555";
const APP_SHIPPING = "666677778888";
const LEGACY = "777788889999";
const ACCOUNTS = [
  "111122223333",
  "222233334444",
  DATA,
  "444455556666",
  "555566667777",
  APP_SHIPPING,
  LEGACY,
  "888899990000",
];
const WRITER = "rcfg-0da7a000000000002";
const WRITER_SNRA = "snra-0e57a7e0000000012.rcfg-0da7a000000000002.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const SHOTS = "artifacts/screenshots";

interface EstateNode {
  id: string;
  kind: string;
  label: string;
  accountId?: string;
  region?: string;
}

/** The estate scenario loaded and read afresh (its ids change with every load). */
async function freshEstate(request: APIRequestContext): Promise<EstateNode[]> {
  await emulator(request, "POST", "/_emulator/reset", { scenario: "estate" });
  const response = await request.get(`/api/topology?source=${SOURCE}&region=${REGION}&refresh=true`);
  if (!response.ok()) throw new Error(`estate refresh failed: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { nodes: EstateNode[] }).nodes;
}

function vpcOf(nodes: EstateNode[], accountId: string): EstateNode {
  const vpc = nodes.find((n) => n.kind === "vpc" && n.accountId === accountId && n.region === REGION);
  if (!vpc) throw new Error(`no VPC of ${accountId} in ${REGION}`);
  return vpc;
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .exclude(".react-flow__node.is-dimmed")
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

let nodes: EstateNode[];

test.beforeEach(async ({ request }) => {
  nodes = await freshEstate(request);
});

// The other specs start from the field-report scenario themselves; this puts it back for anyone who does not.
test.afterAll(async ({ request }) => {
  await freshFieldReport(request);
});

test("Connect from app-shipping's pattern-3 VPC shows the writer's snra-… name, owned by the data account", async ({
  page,
}) => {
  const vpc = vpcOf(nodes, APP_SHIPPING);
  await openConsole(page, `${ESTATE}&panel=connect&from=${vpc.id}`);
  const answer = page.getByTestId("connect-answer");
  await expect(answer).toHaveAttribute("data-from", vpc.id);
  const writer = answer.locator(`[data-testid="reachable-target"][data-target-id="${WRITER}"]`);
  await expect(writer).toHaveAttribute("data-owner-account", DATA);
  await expect(writer.getByTestId("target-owner")).toHaveText(DATA);
  const row = writer.locator(`[data-testid="hostname-row"][data-hostname="${WRITER_SNRA}"]`);
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute("data-pattern", "service-network-association");
  await page.screenshot({ path: `${SHOTS}/estate-connect.png` });

  // The VPC's details name its account and region.
  await openConsole(page, `${ESTATE}&sel=${vpc.id}&panel=details`);
  await expect(page.getByTestId("details-account")).toHaveText(`app-shipping ${APP_SHIPPING}`);
  await expect(page.getByTestId("details-region")).toHaveText(REGION);
});

test("the estate overview lists every account, the legacy one unreadable with its fix; a cell filters the diagram", async ({
  page,
}) => {
  await openConsole(page, ESTATE);
  await page.getByTestId("estate-button").click();
  await expect(page).toHaveURL(/panel=estate/);
  const overview = page.getByTestId("estate-overview");
  await expect(overview.getByTestId("estate-row")).toHaveCount(ACCOUNTS.length);
  for (const id of ACCOUNTS) await expect(overview.locator(`[data-account="${id}"]`)).toBeVisible();

  const legacy = overview.locator(`[data-testid="estate-row"][data-account="${LEGACY}"]`);
  await expect(legacy).toHaveAttribute("data-status", "unreadable");
  await expect(legacy.getByTestId("estate-account-why")).toContainText("assume-role denied");
  await expect(legacy.getByTestId("estate-account-why")).toContainText("Fix:");
  await expect(legacy.getByTestId("estate-account-why")).toContainText(
    `arn:aws:iam::${LEGACY}:role/LatticeAtlasReadOnly`,
  );
  await expect(overview.locator(`[data-account="888899990000"]`)).toHaveAttribute("data-status", "skipped");
  const shipping = overview.locator(`[data-testid="estate-row"][data-account="${APP_SHIPPING}"]`);
  await expect(shipping.locator(`[data-testid="estate-cell"][data-region="${REGION}"]`)).toContainText("1 VPC");
  // The legacy account is on the diagram too, marked, with the stub of its VPC that a network refers to (the
  // accounts are stacked one frame under the other: Fit view shows them all).
  await page.locator(".react-flow__controls-fitview").click();
  await expect(node(page, `account:${LEGACY}`)).toBeVisible();
  const stub = nodes.find((n) => n.kind === "stub" && n.accountId === LEGACY)!;
  await expect(node(page, stub.id)).toContainText("not readable: assume-role denied");
  // The diagram is grouped by account: a frame per account that owns something drawn, named, the hub's first.
  const frames = page.getByTestId("account-frame");
  await expect(frames.first()).toHaveAttribute("data-account", "111122223333");
  await expect(page.locator(`[data-testid="account-frame"][data-account="${DATA}"]`)).toContainText(`data · ${DATA}`);
  await expect(page.locator(`[data-testid="account-frame"][data-account="${APP_SHIPPING}"]`)).toHaveCount(1);
  expect(await violations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/estate-overview.png` });

  // A cell: only app-shipping in ap-northeast-1 is drawn, and the URL says so.
  await shipping.locator(`[data-testid="estate-cell"][data-region="${REGION}"]`).click();
  await expect(page).toHaveURL(new RegExp(`account=${APP_SHIPPING}&in=${REGION}`));
  const shippingVpc = vpcOf(nodes, APP_SHIPPING);
  await expect(node(page, shippingVpc.id)).toBeVisible();
  await expect(node(page, vpcOf(nodes, DATA).id)).toHaveCount(0);
  await expect(node(page, `account:${LEGACY}`)).toHaveCount(0);
  // Only the frames of what is still drawn: the legacy account's is gone.
  await expect(page.locator(`[data-testid="account-frame"][data-account="${LEGACY}"]`)).toHaveCount(0);
});

test("an account filter in the URL survives a reload and a saved view, and the filter control shows it", async ({
  page,
}) => {
  await openConsole(page, `${ESTATE}&account=${DATA}`);
  const dataVpc = vpcOf(nodes, DATA);
  const shippingVpc = vpcOf(nodes, APP_SHIPPING);
  await expect(node(page, dataVpc.id)).toBeVisible();
  await expect(node(page, shippingVpc.id)).toHaveCount(0);
  await page.reload();
  await page.locator(".react-flow__node").first().waitFor();
  await expect(page).toHaveURL(new RegExp(`account=${DATA}`));
  await expect(page.getByTestId("filter-account")).toHaveValue(DATA);
  await expect(node(page, dataVpc.id)).toBeVisible();
  await expect(node(page, shippingVpc.id)).toHaveCount(0);
  // A saved view holds it: its short link opens on the same account.
  await page.getByTestId("save-view-button").click();
  await page.getByTestId("save-view-name").fill("The data account");
  await page.getByTestId("save-view-submit").click();
  const link = (await page.getByTestId("saved-view-link").textContent()) ?? "";
  expect(link).toMatch(/\/v\/v[0-9a-z]{9}$/);
  await page.keyboard.press("Escape");
  await page.goto(link);
  await expect(page).toHaveURL(new RegExp(`source=${SOURCE}&region=${REGION}&account=${DATA}`));
  await expect(page.getByTestId("filter-account")).toHaveValue(DATA);
  await expect(node(page, dataVpc.id)).toBeVisible();
  await expect(node(page, shippingVpc.id)).toHaveCount(0);
  // Clearing it brings every account back.
  await page.getByTestId("filter-account").selectOption("");
  await expect(page).not.toHaveURL(/account=/);
  await page.locator(".react-flow__controls-fitview").click();
  await expect(node(page, shippingVpc.id)).toBeVisible();
});
