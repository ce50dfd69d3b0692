/**
 * The connectivity check ("why can — or can't — this client reach that resource?") on the real API and its emulator
 * (field-report scenario, reset before each test): "Explain" on the Connect-from answer from each of the three consumer
 * VPCs; a rule removed behind the console's back (EC2 API of the emulator) fails hop 6, red on the diagram, fixed with
 * one click through the change sheet and checked again; the native Aurora name from the pattern-3 VPC fails hop 7 and
 * names the snra-… entry; the summary on the clipboard; a copied link reopens the check; "Check connectivity…" from the
 * details panel, by keyboard.
 */
import { expect, test, type Page, type Request } from "@playwright/test";
import { freshFieldReport, idOf, node, openConsole, planReady, revokeAuroraRule, vpcByName } from "../support/stack";

const SHOTS = "artifacts/screenshots";
const WRITER_CONFIG = "rcfg-01158845410b9f395";
const WRITER_ASSOCIATION = "snra-0258ae5ca1fffbb4a";
const WRITER_NATIVE = "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com";
const WRITER_SNRA = "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const SERVICE = "svc-0a836c24f4bc2c8ea";
const CLUSTER = "arn:aws:rds:ap-northeast-1:111122223333:cluster:zenn-aurora-serverless-dev";
const CONSUMERS = ["consumer-resource-endpoint-vpc", "consumer-sn-endpoint-vpc", "consumer-sn-association-vpc"];

test.beforeEach(async ({ request }) => {
  await freshFieldReport(request);
});

const panel = (page: Page) => page.getByTestId("explain-panel");
const verdict = (page: Page) => panel(page).getByTestId("verdict");
const hops = (page: Page) => panel(page).getByTestId("hop");
const hop = (page: Page, step: number) => panel(page).locator(`[data-testid="hop"][data-step="${step}"]`);
const reachableCard = (page: Page, targetId: string) =>
  page.locator(`[data-testid="reachable-target"][data-target-id="${targetId}"]`);

/** The camera has stopped moving (a path is framed with a short animation). */
async function cameraSettled(page: Page): Promise<void> {
  const viewport = page.locator(".react-flow__viewport");
  await expect
    .poll(async () => {
      const before = await viewport.getAttribute("style");
      await page.waitForTimeout(120);
      return before === (await viewport.getAttribute("style"));
    })
    .toBe(true);
}

/**
 * A node further along the path brought on screen with the search box (React Flow draws only what is in view, and a
 * long path is framed from where traffic starts). The check stays drawn while its details show.
 */
async function locate(page: Page, id: string): Promise<void> {
  await cameraSettled(page);
  const search = page.getByTestId("search-input");
  await search.fill(id);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`sel=${id}`));
  await expect(node(page, id)).toBeInViewport();
}

/**
 * The check on screen has its eight hops, the first seven with this status; hop 8 (the network ACLs of the subnets on
 * the way) passes, or is skipped where the source holds no network ACLs.
 */
async function expectAllHops(page: Page, status: string): Promise<void> {
  await expect(hops(page)).toHaveCount(8);
  for (let step = 1; step <= 7; step++) await expect(hop(page, step)).toHaveAttribute("data-status", status);
  await expect(hop(page, 8)).toContainText("Network ACLs");
  await expect(hop(page, 8)).toHaveAttribute("data-status", /^(pass|skip)$/);
}

/** The Connect-from answer of a VPC, then "Explain" on one of its targets. */
async function explainTarget(page: Page, vpcId: string, targetId: string): Promise<void> {
  await openConsole(page, `?panel=connect&from=${vpcId}`);
  await reachableCard(page, targetId).getByTestId("explain-target").click();
  await expect(panel(page)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`panel=explain&from=${vpcId}&to=${targetId}`));
}

/** Analyze requests the page sends. */
function recordChecks(page: Page): Array<{ refresh?: boolean; to: string; hostname?: string }> {
  const sent: Array<{ refresh?: boolean; to: string; hostname?: string }> = [];
  page.on("request", (r: Request) => {
    if (r.method() === "POST" && r.url().endsWith("/api/analyze")) sent.push(r.postDataJSON() as (typeof sent)[number]);
  });
  return sent;
}

test("from each consumer VPC the Aurora writer is reachable, every hop passing; the Lattice service from the pattern-3 VPC too", async ({
  page,
  request,
}) => {
  const patterns = ["resource-endpoint", "service-network-endpoint", "service-network-association"];
  const gateway = await idOf(request, "resourceGateway", "zenn-resource-gateway-dev");
  const targetGroup = await idOf(request, "targetGroup", "zenn-lambda-target-group-dev");
  for (const [i, name] of CONSUMERS.entries()) {
    const vpc = await vpcByName(request, name);
    await explainTarget(page, vpc.id, WRITER_CONFIG);
    await expect(verdict(page)).toHaveAttribute("data-verdict", "reachable");
    await expect(verdict(page)).toContainText("Reachable");
    await expectAllHops(page, "pass");
    await expect(panel(page)).toContainText(name);
    // The client group the way in admits from this VPC, said to be inferred.
    await expect(panel(page).getByTestId("explain-client-group")).toHaveAttribute("data-inferred", "true");
    await expect(panel(page).getByTestId("explain-client-group")).toContainText("CloudShell SG");
    // Each pattern's way in carries it; the rule that allows a hop is named.
    await expect(panel(page).locator(`.pattern-badge.pattern-${patterns[i]}`)).toBeVisible();
    await expect(hop(page, 6)).toContainText("aurora-sg");
    await expect(hop(page, 6)).toContainText("Allowed by");
    // The path is drawn, nothing failing.
    if (i === 0) await page.screenshot({ path: `${SHOTS}/explain-reachable.png` });
    await expect(node(page, vpc.id)).toHaveClass(/is-highlighted/);
    await locate(page, gateway);
    await expect(node(page, gateway)).toHaveClass(/is-highlighted/);
    await expect(node(page, CLUSTER)).toHaveClass(/is-highlighted/);
    await expect(page.locator(".react-flow__node.is-failing")).toHaveCount(0);
  }

  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  await explainTarget(page, vpc.id, SERVICE);
  await expect(verdict(page)).toHaveAttribute("data-verdict", "reachable");
  await expectAllHops(page, "pass");
  await expect(hop(page, 4)).toContainText("HTTPS 443");
  await expect(hop(page, 6)).toContainText("healthy target");
  await locate(page, targetGroup);
  await expect(node(page, targetGroup)).toHaveClass(/is-highlighted/);
  await expect(node(page, gateway)).toHaveClass(/is-dimmed/);
});

test("a missing Aurora rule fails hop 6, red on the diagram; Fix opens the change sheet, and the check passes again", async ({
  page,
  request,
}) => {
  const { auroraGroup, gatewayGroup } = await revokeAuroraRule(request);
  // The console's server reads AWS again (as the Refresh button does).
  expect((await request.get("/api/topology?refresh=true")).ok()).toBe(true);
  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  const checks = recordChecks(page);

  await explainTarget(page, vpc.id, WRITER_CONFIG);
  await expect(verdict(page)).toHaveAttribute("data-verdict", "not-reachable");
  await expect(verdict(page)).toContainText("Not reachable");
  await expect(verdict(page)).toContainText("hop 6");
  for (const step of [1, 2, 3, 4, 5, 7]) await expect(hop(page, step)).toHaveAttribute("data-status", "pass");
  await expect(hop(page, 6)).toHaveAttribute("data-status", "fail");
  await expect(hop(page, 6)).toContainText("✘");
  await expect(hop(page, 6)).toContainText(`No rule of aurora-sg (${auroraGroup})`);
  await expect(hop(page, 6).getByTestId("hop-fix")).toContainText(`from the resource gateway's group ${gatewayGroup}`);

  // On the diagram, brought into view: the failing hop's node (aurora-sg) and the path edge at it, in red.
  await expect(node(page, auroraGroup)).toBeInViewport();
  await expect(node(page, auroraGroup)).toHaveClass(/is-failing/);
  await expect(page.locator(".react-flow__node.is-failing")).toHaveCount(1);
  await expect(page.locator(".react-flow__edge.is-failing")).toHaveCount(1);
  // No rule edge leads into the group any more: the path edge at it is the group's own line to the cluster.
  await expect(page.locator(".react-flow__edge.is-failing")).toHaveAttribute(
    "data-id",
    `security-group:${auroraGroup}->${CLUSTER}`,
  );
  await expect(node(page, CLUSTER)).toHaveClass(/is-highlighted/);
  await expect(page.getByTestId("explain-status")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/explain-failing-hop-6.png` });

  // Fix: the change sheet with the ready rule (aurora-sg ← the gateway's group, TCP 5432), then Add rule.
  const fix = hop(page, 6).getByTestId("fix-button");
  await expect(fix).toHaveAttribute("data-action", "add-ingress-rule");
  await fix.click();
  const sheet = page.getByTestId("action-sheet");
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("heading", { name: "Add inbound rule" })).toBeVisible();
  await planReady(page);
  await expect(sheet.getByTestId("aws-calls")).toContainText("AuthorizeSecurityGroupIngress");
  await expect(sheet.getByTestId("aws-calls")).toContainText(auroraGroup);
  await expect(sheet.getByTestId("aws-calls")).toContainText(gatewayGroup);
  await page.setViewportSize({ width: 1440, height: 1600 });
  await sheet.screenshot({ path: `${SHOTS}/explain-fix-sheet.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
  await sheet.getByTestId("confirm-change").click();
  await expect(sheet).toHaveAttribute("data-state", "following");
  await sheet.getByTestId("sheet-done").click();
  await expect(sheet).toHaveCount(0);
  // The focus is back on the Fix button (or what replaced it) inside the check.
  await expect(panel(page)).toBeVisible();

  // Check again: the server reads AWS first (refresh), and every hop passes.
  await panel(page).getByTestId("check-again").click();
  await expect.poll(() => checks.some((c) => c.refresh === true && c.to === WRITER_CONFIG)).toBe(true);
  await expect(verdict(page)).toHaveAttribute("data-verdict", "reachable");
  await expectAllHops(page, "pass");
  await expect(hop(page, 6)).toContainText("From the VPC Lattice resource gateway");
  await expect(page.locator(".react-flow__node.is-failing")).toHaveCount(0);
  await expect(page.locator(".react-flow__edge.is-failing")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/explain-fixed.png` });
  // The rule is drawn between the two groups again.
  await locate(page, gatewayGroup);
  await expect(page.locator(`.react-flow__edge[data-id="sg-rule:${gatewayGroup}->${auroraGroup}"]`)).toHaveCount(1);
});

test("Explain on the native writer name from the pattern-3 VPC fails at DNS (hop 7) and names the snra-… entry; the summary goes to the clipboard; the link reopens the check", async ({
  page,
  context,
  request,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  const checks = recordChecks(page);
  await openConsole(page, `?panel=connect&from=${vpc.id}`);
  const row = reachableCard(page, WRITER_CONFIG).locator(
    `[data-testid="not-working-row"][data-hostname="${WRITER_NATIVE}"]`,
  );
  await row.getByTestId("explain-hostname").click();
  await expect(page).toHaveURL(new RegExp(`hostname=${WRITER_NATIVE.replace(/\./g, "\\.")}`));
  expect(checks.at(-1)).toMatchObject({ to: WRITER_CONFIG, hostname: WRITER_NATIVE });

  await expect(verdict(page)).toHaveAttribute("data-verdict", "not-reachable");
  await expect(verdict(page)).toContainText("hop 7");
  for (const step of [1, 2, 3, 4, 5, 6]) await expect(hop(page, step)).toHaveAttribute("data-status", "pass");
  await expect(hop(page, 7)).toHaveAttribute("data-status", "fail");
  await expect(hop(page, 7)).toContainText("private DNS off");
  await expect(hop(page, 7).getByTestId("hop-fix")).toContainText(`Use ${WRITER_SNRA}`);
  // A name to use is no change to make: no Fix button.
  await expect(hop(page, 7).getByTestId("fix-button")).toHaveCount(0);
  await expect(node(page, WRITER_ASSOCIATION)).toBeInViewport();
  await expect(node(page, WRITER_ASSOCIATION)).toHaveClass(/is-failing/);
  await page.screenshot({ path: `${SHOTS}/explain-failing-hop-7.png` });

  // Copy summary: the plain-text check, for a ticket.
  await panel(page).getByTestId("copy-summary").click();
  await expect(panel(page).getByTestId("copy-summary")).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("Lattice Atlas connectivity check");
  expect(copied).toContain("Verdict: NOT-REACHABLE");
  expect(copied).toContain(`as ${WRITER_NATIVE}`);
  expect(copied).toContain(`7. ✘ DNS:`);
  expect(copied).toContain(`Fix: Use ${WRITER_SNRA}.`);

  // A copied link reopens the same check (panel, from, to, hostname are the URL).
  await page.getByTestId("copy-link").click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain("panel=explain");
  const again = await context.newPage();
  await again.goto(link);
  await expect(again.getByTestId("explain-panel").getByTestId("verdict")).toHaveAttribute(
    "data-verdict",
    "not-reachable",
  );
  await expect(again.getByTestId("explain-panel").locator('[data-testid="hop"][data-step="7"]')).toHaveAttribute(
    "data-status",
    "fail",
  );
  await again.close();

  // The working snra-… name passes hop 7 (through the options, open since the check names a hostname).
  await expect(panel(page).locator("details.explain-options")).toHaveAttribute("open", "");
  await panel(page).getByTestId("explain-hostname-input").fill(WRITER_SNRA);
  await panel(page).getByTestId("explain-apply").click();
  await expect(page).toHaveURL(new RegExp(`hostname=${WRITER_SNRA.replace(/\./g, "\\.")}`));
  await expect(verdict(page)).toHaveAttribute("data-verdict", "reachable");
  await expect(hop(page, 7)).toHaveAttribute("data-status", "pass");
});

test("Check connectivity… from the details of a VPC and of a target, by keyboard; an unreachable target explains its missing way in", async ({
  page,
  request,
}) => {
  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  // A VPC's details: search the targets, pick the Aurora writer endpoint.
  await openConsole(page, `?panel=details&sel=${vpc.id}`);
  const details = page.getByTestId("details-panel");
  await expect(details).toHaveAttribute("data-node-id", vpc.id);
  await details.getByTestId("check-connectivity-button").focus();
  await page.keyboard.press("Enter");
  await expect(details.getByTestId("explain-search")).toBeFocused();
  await page.keyboard.type("writer endpoint");
  await expect(details.getByTestId("explain-candidate")).toHaveCount(1);
  await page.keyboard.press("ArrowDown");
  await expect(details.getByTestId("explain-candidate")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`panel=explain&from=${vpc.id}&to=${WRITER_NATIVE.replace(/\./g, "\\.")}`));
  await expect(verdict(page)).toHaveAttribute("data-verdict", "reachable");
  await expectAllHops(page, "pass");
  await expect(panel(page)).toContainText("zenn-aurora-rcfg-dev-writer");

  // A target's details: pick the client's VPC (the Lattice service from the Resource-endpoint VPC: no way in).
  const p1 = await vpcByName(request, "consumer-resource-endpoint-vpc");
  await openConsole(page, `?panel=details&sel=${SERVICE}`);
  await expect(page.getByTestId("details-panel")).toHaveAttribute("data-node-id", SERVICE);
  await page.getByTestId("details-panel").getByTestId("check-connectivity-button").click();
  await page.getByTestId("details-panel").getByTestId("explain-search").fill("resource-endpoint");
  await page.locator(`[data-testid="explain-candidate"][data-id="${p1.id}"]`).click();
  await expect(verdict(page)).toHaveAttribute("data-verdict", "not-reachable");
  await expect(hop(page, 2)).toHaveAttribute("data-status", "fail");
  // Its fix is a change that one click prepares.
  await expect(hop(page, 2).getByTestId("fix-button")).toBeVisible();

  // The same from the Connect-from answer's out-of-reach card.
  await openConsole(page, `?panel=connect&from=${p1.id}`);
  await page
    .locator(`[data-testid="unreachable-target"][data-target-id="${SERVICE}"]`)
    .getByTestId("explain-target")
    .click();
  await expect(verdict(page)).toHaveAttribute("data-verdict", "not-reachable");
  await expect(hop(page, 2)).toHaveAttribute("data-status", "fail");
});
