/**
 * The console's states pass axe-core's WCAG 2.1 A/AA rules (names, roles, landmarks, headings, contrast), the
 * diagram included, in the light and the dark colour scheme. Nodes faded to let a path stand out are left out of the contrast rule: they are
 * de-emphasised on purpose, and regain full contrast under the pointer and the keyboard focus (checked here).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import {
  freshFieldReport,
  node,
  openConsole,
  planReady,
  revokeAuroraRule,
  startFromMenu,
  vpcByName,
} from "../support/stack";

const WRITER_CONFIG = "rcfg-01158845410b9f395";
const CLUSTER = "arn:aws:rds:ap-northeast-1:111122223333:cluster:zenn-aurora-serverless-dev";

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .exclude(".react-flow__node.is-dimmed")
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

test.beforeEach(async ({ request }) => {
  await freshFieldReport(request);
});

/** Each state of the console, with what shows it is ready; `from` is filled with the pattern-3 VPC's id. */
const STATES: Array<{ name: string; query: string; ready: string }> = [
  { name: "the diagram alone", query: "", ready: ".react-flow__node" },
  { name: "Connect from", query: "?panel=connect&from={vpc}", ready: '[data-testid="connect-answer"]' },
  { name: "details", query: "?sel=snra-0258ae5ca1fffbb4a&panel=details", ready: '[data-testid="details-panel"]' },
  {
    name: "details with Reachable from",
    query: `?sel=${encodeURIComponent(CLUSTER)}&panel=details`,
    ready: '[data-testid="reachable-from-row"]',
  },
  {
    name: "connectivity check",
    query: `?panel=explain&from={vpc}&to=${WRITER_CONFIG}`,
    ready: '[data-testid="verdict"]',
  },
  { name: "saved views", query: "?panel=views", ready: '[data-testid="views-panel"]' },
  { name: "snapshots", query: "?panel=snapshots", ready: '[data-testid="snapshots-panel"]' },
  { name: "audit log", query: "?panel=audit", ready: '[data-testid="audit-panel"]' },
];

// Both colour schemes: the console follows the system's (prefers-color-scheme), and contrast is checked in each.
for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });

    for (const state of STATES) {
      test(`${state.name} passes axe-core (WCAG 2.1 AA)`, async ({ page, request }) => {
        const vpc = await vpcByName(request, "consumer-sn-association-vpc");
        await openConsole(page, state.query.replace("{vpc}", vpc.id));
        await page.locator(state.ready).first().waitFor();
        expect(await violations(page)).toEqual([]);
      });
    }

    test(`the page, its panels and the diagram are drawn in the ${scheme} scheme`, async ({ page, request }) => {
      const vpc = await vpcByName(request, "consumer-sn-association-vpc");
      await openConsole(page, `?panel=connect&from=${vpc.id}`);
      await page.getByTestId("connect-answer").waitFor();
      const dark = scheme === "dark";
      const lightness = (css: string) => {
        const [r, g, b] = css.match(/\d+/g)!.map(Number) as [number, number, number];
        return (r + g + b) / 3;
      };
      const background = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((el) => getComputedStyle(el).backgroundColor);
      for (const part of ["body", ".topbar", ".panel", ".atlas-card"]) {
        const value = lightness(await background(part));
        expect(dark ? value < 60 : value > 200, `${part} background ${value}`).toBe(true);
      }
      await expect(page.locator(".react-flow")).toHaveClass(dark ? /\bdark\b/ : /\blight\b/);
      await page.screenshot({ path: `artifacts/screens/scheme-${scheme}.png` });
    });
  });
}

test("a faded node is readable again under the pointer and the keyboard focus", async ({ page, request }) => {
  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  await openConsole(page, `?panel=connect&from=${vpc.id}`);
  await page.getByTestId("connect-answer").waitFor();
  const faded = page.locator(".react-flow__node.is-dimmed:not(.parent)").first();
  await expect(faded).toHaveCSS("opacity", "0.28");
  await faded.hover();
  await expect(faded).toHaveCSS("opacity", "1");
  await page.mouse.move(0, 0);
  await expect(faded).toHaveCSS("opacity", "0.28");
  const id = (await faded.getAttribute("data-id"))!;
  await node(page, id).focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(node(page, id)).toHaveCSS("opacity", "1");
});

test("Connect with a row that fails at a hop, its Fix, and the sheet it opens with the impact pass axe-core (WCAG 2.1 AA)", async ({
  page,
  request,
}) => {
  await revokeAuroraRule(request);
  expect((await request.get("/api/topology?refresh=true")).ok()).toBe(true);
  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  await openConsole(page, `?panel=connect&from=${vpc.id}`);
  const fix = page
    .locator(`[data-testid="reachable-target"][data-target-id="${WRITER_CONFIG}"]`)
    .getByTestId("row-fix");
  await fix.waitFor();
  expect(await violations(page)).toEqual([]);
  await fix.click();
  await planReady(page);
  await page.getByTestId("plan-impact").getByTestId("impact-gains").first().waitFor();
  expect(await violations(page)).toEqual([]);
});

test("the change sheet (a modal dialog with its plan) passes axe-core (WCAG 2.1 AA), in the dark scheme too", async ({
  page,
  request,
}) => {
  const vpc = await vpcByName(request, "consumer-resource-endpoint-vpc");
  await openConsole(page);
  await startFromMenu(page, vpc.id, "Add a ServiceNetwork endpoint…");
  await planReady(page);
  expect(await violations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await violations(page)).toEqual([]);
});

test("a snapshot, read-only with its banner, passes axe-core (WCAG 2.1 AA)", async ({ page, request }) => {
  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  await openConsole(page, `?panel=connect&from=${vpc.id}`);
  await page.getByTestId("connect-answer").waitFor();
  await page.getByTestId("take-snapshot-button").click();
  await page.getByTestId("snapshot-name").fill("Accessibility");
  await page.getByTestId("take-snapshot-submit").click();
  const id = await page.getByTestId("snapshot-taken").getAttribute("data-snapshot-id");
  await page.goto(`/s/${id}?panel=connect&from=${vpc.id}`);
  await page.getByTestId("snapshot-banner").waitFor();
  await page.getByTestId("connect-answer").waitFor();
  expect(await violations(page)).toEqual([]);
});
