/**
 * A phone (390×844): one column, nothing wider than the screen, the header on screen; "Connect from…" and search
 * work, the answer (the writer's snra-… name and its Copy) is reachable; the diagram is behind a toggle.
 */
import { expect, test, type Page } from "@playwright/test";
import { freshFieldReport, vpcByName } from "../support/stack";

const PHONE = { width: 390, height: 844 };
const WRITER_CONFIG = "rcfg-01158845410b9f395";
const WRITER_SNRA = "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const SHOTS = "artifacts/screens";

test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

test.beforeEach(async ({ request }) => {
  await freshFieldReport(request);
});

async function openOnPhone(page: Page, query = ""): Promise<void> {
  await page.goto(`/${query}`);
  await page.getByTestId("connect-from-option").first().waitFor();
}

/** How far the page reaches past the right edge of the screen (0: not at all). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(
    () => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth,
  );
}

/** The element lies within the screen's width (it may be further down the page). */
async function withinWidth(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, selector).not.toBeNull();
  expect(box!.x, selector).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, selector).toBeLessThanOrEqual(PHONE.width + 0.5);
}

test("the first screen fits the phone: no horizontal overflow, the header on screen, Connect from first", async ({
  page,
}) => {
  await openOnPhone(page);
  expect(await overflow(page)).toBe(0);
  for (const part of [".topbar", ".brand", '[data-testid="search-input"]', '[data-testid="audit-button"]'])
    await withinWidth(page, part);
  await expect(page.locator(".topbar")).toBeInViewport();
  await expect(page.getByTestId("search-input")).toBeInViewport();
  await expect(page.getByTestId("connect-from-picker")).toBeInViewport({ ratio: 0.2 });
  // The diagram is behind its toggle; so are its filters.
  await expect(page.getByTestId("topology-canvas")).toBeHidden();
  await expect(page.getByRole("group", { name: "Status" })).toBeHidden();
  await page.screenshot({ path: `${SHOTS}/phone-first-screen.png` });
});

test("on the phone, Connect from answers with the writer's name, in reach and within the screen", async ({
  page,
  request,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  await openOnPhone(page);
  await page.locator(`[data-testid="connect-from-option"][data-vpc-id="${vpc.id}"]`).tap();
  const answer = page.getByTestId("connect-answer");
  await expect(answer).toBeVisible();
  // Choosing moved the focus (and the page) to the answer.
  await expect(page.getByTestId("connect-answer-from")).toBeFocused();
  await expect(page.getByTestId("connect-answer-from")).toBeInViewport();
  const copy = answer
    .locator(`[data-testid="reachable-target"][data-target-id="${WRITER_CONFIG}"]`)
    .locator(`[data-testid="copy-hostname"][data-copy-value="${WRITER_SNRA}"]`);
  await copy.scrollIntoViewIfNeeded();
  await expect(copy).toBeInViewport();
  await withinWidth(page, `[data-testid="reachable-target"][data-target-id="${WRITER_CONFIG}"]`);
  await copy.tap();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(WRITER_SNRA);
  expect(await overflow(page)).toBe(0);
  // The header stays on screen as the page scrolls.
  await expect(page.locator(".topbar")).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/phone-connect-answer.png` });
});

test("on the phone, search finds a name and opens its details within the screen", async ({ page }) => {
  await openOnPhone(page);
  const search = page.getByTestId("search-input");
  await search.fill("snra-0258ae5ca1fffbb4a");
  await withinWidth(page, ".search__list");
  await search.press("Enter");
  await expect(page).toHaveURL(/sel=snra-0258ae5ca1fffbb4a/);
  const details = page.getByTestId("details-panel");
  await expect(details).toContainText("snra-0258ae5ca1fffbb4a");
  await withinWidth(page, '[data-testid="details-panel"]');
  expect(await overflow(page)).toBe(0);
});

test("on the phone, the diagram shows behind its toggle, within the screen", async ({ page }) => {
  await openOnPhone(page);
  const toggle = page.getByTestId("diagram-toggle");
  await expect(toggle).toHaveText("Show diagram");
  await toggle.tap();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("topology-canvas")).toBeVisible();
  await page.locator(".react-flow__node").first().waitFor();
  await withinWidth(page, '[data-testid="topology-canvas"]');
  expect(await overflow(page)).toBe(0);
});
