/**
 * Keyboard: the task "writer name by keyboard" — from page load, choose the pattern-3 consumer VPC in "Connect
 * from…" and copy the Aurora writer's snra-… name — counted key by key (target ≤ 10). Skip links lead to "Connect
 * from…"; the VPCs, the filter checkboxes and a card's buttons are each one stop of the Tab key (roving tabindex);
 * choosing a VPC moves the focus into the answer, which comes before the diagram's nodes in the Tab order.
 */
import { expect, test, type Page } from "@playwright/test";
import { freshFieldReport, openConsole, vpcByName } from "../support/stack";

const WRITER_CONFIG = "rcfg-01158845410b9f395";
const WRITER_SNRA = "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";

test.beforeEach(async ({ request }) => {
  await freshFieldReport(request);
});

/** The keys pressed, counted; every press is followed by a look at what holds the focus. */
function keyboard(page: Page) {
  let presses = 0;
  return {
    async press(key: string) {
      presses += 1;
      await page.keyboard.press(key);
    },
    get presses() {
      return presses;
    },
  };
}

const focused = (page: Page) => page.locator(":focus");

test("the writer's snra-… name from page load by keyboard takes at most 10 key presses", async ({
  page,
  request,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  await openConsole(page);
  const keys = keyboard(page);

  // The first Tab shows the skip link to "Connect from…", Enter follows it to the first consumer VPC.
  await keys.press("Tab");
  await expect(focused(page)).toHaveText("Skip to Connect from…");
  await expect(focused(page)).toBeInViewport();
  await keys.press("Enter");
  await expect(focused(page)).toHaveAttribute("data-testid", "connect-from-option");
  // The VPCs are a list: the arrow keys move to the pattern-3 VPC, Enter chooses it.
  while ((await focused(page).getAttribute("data-vpc-id")) !== vpc.id) {
    await keys.press("ArrowDown");
    expect(keys.presses).toBeLessThan(10);
  }
  await keys.press("Enter");
  // The focus is in the answer now, on what it is from.
  await expect(focused(page)).toHaveAttribute("data-testid", "connect-answer-from");
  await expect(focused(page)).toContainText("consumer-sn-association-vpc");
  // Tab on to the writer's name: the card's buttons are one stop, no filter or diagram node is on the way.
  const copy = page
    .locator(`[data-testid="reachable-target"][data-target-id="${WRITER_CONFIG}"]`)
    .locator(`[data-testid="copy-hostname"][data-copy-value="${WRITER_SNRA}"]`);
  while (!(await copy.evaluate((el) => el === document.activeElement))) {
    await keys.press("Tab");
    const where = await focused(page).evaluate(
      (el) => `${el.tagName} ${el.className} ${el.closest(".react-flow, .sidebar") ? "outside the answer" : ""}`,
    );
    expect(where).not.toContain("outside the answer");
    expect(keys.presses).toBeLessThan(10);
  }
  await keys.press("Enter");
  await expect(copy).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(WRITER_SNRA);
  expect(keys.presses).toBeLessThanOrEqual(10);
  test.info().annotations.push({ type: "key presses", description: String(keys.presses) });
  console.log(`writer name by keyboard: ${keys.presses} key presses (target ≤ 10)`);
});

test("the filter checkboxes are one Tab stop each group; the arrow keys move and Space ticks", async ({ page }) => {
  await openConsole(page);
  const kinds = page.locator("fieldset", { has: page.locator("legend", { hasText: "Kinds" }) });
  const boxes = kinds.locator('input[type="checkbox"]');
  expect(await boxes.count()).toBeGreaterThan(5);
  // Exactly one box of the group is in the Tab order.
  expect(await boxes.evaluateAll((els) => els.filter((el) => (el as HTMLElement).tabIndex === 0).length)).toBe(1);
  await boxes.first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(boxes.nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(boxes.last()).toBeFocused();
  await page.keyboard.press("Space");
  await expect(boxes.last()).not.toBeChecked();
  // Tab leaves the group at once.
  await page.keyboard.press("Tab");
  expect(await boxes.evaluateAll((els) => els.some((el) => el === document.activeElement))).toBe(false);
  // The box last visited is the group's stop when the focus comes back.
  await page.keyboard.press("Shift+Tab");
  await expect(boxes.last()).toBeFocused();
});

test("with a panel open, the skip link to the side panel lands on its selected tab", async ({ page, request }) => {
  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  await openConsole(page, `?panel=connect&from=${vpc.id}`);
  await page.getByTestId("connect-answer").waitFor();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(focused(page)).toHaveText("Skip to the side panel");
  await page.keyboard.press("Enter");
  await expect(focused(page)).toHaveAttribute("role", "tab");
  await expect(focused(page)).toHaveAttribute("aria-selected", "true");
});
