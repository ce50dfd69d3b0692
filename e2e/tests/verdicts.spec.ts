/**
 * Connect's answer and the connectivity check agree, on the real API and its emulator (field-report scenario, reset
 * before each test): the Aurora rule removed behind the console's back turns the writer's row from the pattern-3 VPC
 * into ✘ hop 6 with a one-click Fix, and the Fix brings ✔ back; an AccessDenied on one list call makes the row say
 * "cannot tell" and name the read it misses; "Reachable from" on the Aurora cluster lists the three consumer VPCs with
 * the name each uses; the plan of a removal says what each consumer VPC loses.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { freshFieldReport, openConsole, planReady, revokeAuroraRule, startServer, vpcByName } from "../support/stack";

const SHOTS = "artifacts/screenshots";
const WRITER_CONFIG = "rcfg-01158845410b9f395";
const READER_CONFIG = "rcfg-0ba7ebc5ff6368de5";
const SERVICE = "svc-0a836c24f4bc2c8ea";
const GROUP_ASSOCIATION = "snra-0e3b6d27c41f5a809";
const WRITER_SNRA = "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const READER_SNRA = "snra-0293fb8b823d3c65c.rcfg-0ba7ebc5ff6368de5.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const WRITER_NATIVE = "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com";
const CLUSTER = "arn:aws:rds:ap-northeast-1:111122223333:cluster:zenn-aurora-serverless-dev";

test.beforeEach(async ({ request }) => {
  await freshFieldReport(request);
});

const answer = (page: Page) => page.getByTestId("connect-answer");
const group = (page: Page, name: string) => answer(page).locator(`[data-testid="connect-group"][data-group="${name}"]`);
const card = (page: Page, targetId: string) =>
  answer(page).locator(`[data-testid="reachable-target"][data-target-id="${targetId}"]`);

/** The console's Refresh button, and the discovery it starts, done. */
async function refresh(page: Page): Promise<void> {
  const done = page.waitForResponse((r) => r.url().includes("/api/topology") && r.url().includes("refresh=true"));
  await page.getByTestId("refresh-button").click();
  expect((await done).ok()).toBe(true);
}

test("the Aurora rule removed behind the console's back: Refresh → the writer's row fails at hop 6 with a Fix; Fix → the sheet → ✔", async ({
  page,
  request,
}) => {
  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  await openConsole(page, `?panel=connect&from=${vpc.id}`);
  // Before: the writer is reachable, its snra-… name offered in green.
  await expect(group(page, "reachable").locator(`[data-target-id="${WRITER_CONFIG}"]`)).toBeVisible();
  await expect(card(page, WRITER_CONFIG).getByTestId("row-verdict")).toHaveAttribute("data-verdict", "reachable");
  await expect(card(page, WRITER_CONFIG).getByTestId("row-verdict")).toContainText("✔");

  const { auroraGroup, gatewayGroup } = await revokeAuroraRule(request);
  await refresh(page);

  // The writer (and the reader, behind the same group) leave "Reachable" for the group of ways in that fail.
  const writer = card(page, WRITER_CONFIG);
  await expect(group(page, "failing").locator(`[data-target-id="${WRITER_CONFIG}"]`)).toBeVisible();
  await expect(group(page, "failing").locator(`[data-target-id="${READER_CONFIG}"]`)).toBeVisible();
  await expect(group(page, "reachable").locator(`[data-target-id="${SERVICE}"]`)).toBeVisible();
  await expect(group(page, "reachable").locator('[data-testid="reachable-target"]')).toHaveCount(1);
  await expect(group(page, "reachable").getByRole("heading")).toContainText("Reachable (1)");
  const verdict = writer.getByTestId("row-verdict");
  await expect(verdict).toHaveAttribute("data-verdict", "not-reachable");
  await expect(verdict).toHaveAttribute("data-failing-step", "6");
  await expect(verdict).toContainText("✘");
  await expect(verdict).toContainText("Fails at hop 6 — Resource");
  await expect(verdict).toContainText("aurora-sg");
  await expect(verdict).toContainText(`No rule of aurora-sg (${auroraGroup})`);
  // The snra-… name is still the right name, but not offered as "use this name": its path fails at hop 6.
  await expect(writer).not.toContainText("Use this name");
  const name = writer.locator(`[data-testid="hostname-row"][data-hostname="${WRITER_SNRA}"]`);
  await expect(name).toHaveAttribute("data-path-verdict", "not-reachable");
  await expect(name.getByTestId("hostname-path")).toHaveText("✘ path fails at hop 6");
  // The copy buttons and the names that look right but fail stay.
  await expect(name.getByTestId("copy-hostname")).toBeVisible();
  await expect(writer.locator(`[data-testid="not-working-row"][data-hostname="${WRITER_NATIVE}"]`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/connect-fails-at-hop-6.png` });

  // The subject of the failing hop is one click from the diagram (selected there; the answer stays open).
  await verdict.getByRole("button", { name: "aurora-sg" }).click();
  await expect(page).toHaveURL(new RegExp(`sel=${auroraGroup}`));
  await expect(page.locator(`.react-flow__node[data-id="${auroraGroup}"] .is-selected`).first()).toBeVisible();
  await expect(answer(page)).toBeVisible();

  // Fix: the change sheet with the check's action, its impact (every consumer gains the writer back), then run.
  const fix = card(page, WRITER_CONFIG).getByTestId("row-fix");
  await expect(fix).toHaveAttribute("data-action", "add-ingress-rule");
  await expect(fix).toHaveText("Fix: Add inbound rule…");
  await fix.click();
  const sheet = page.getByTestId("action-sheet");
  await expect(sheet.getByRole("heading", { name: "Add inbound rule" })).toBeVisible();
  await planReady(page);
  await expect(sheet.getByTestId("aws-calls")).toContainText(auroraGroup);
  await expect(sheet.getByTestId("aws-calls")).toContainText(gatewayGroup);
  const impact = sheet.getByTestId("plan-impact");
  await expect(impact.getByTestId("impact-gains")).toHaveCount(3);
  await expect(impact.locator(`[data-testid="impact-gains"][data-vpc-id="${vpc.id}"]`)).toContainText(WRITER_SNRA);
  await expect(impact.getByTestId("impact-loses")).toHaveCount(0);
  await sheet.getByTestId("confirm-change").click();
  await expect(sheet).toHaveAttribute("data-state", "following");
  await sheet.getByTestId("sheet-done").click();
  await expect(sheet).toHaveCount(0);

  // Once the change settles, the answer is read again: ✔, and the name is offered to use.
  await expect(card(page, WRITER_CONFIG).getByTestId("row-verdict")).toHaveAttribute("data-verdict", "reachable");
  await expect(group(page, "reachable").locator('[data-testid="reachable-target"]')).toHaveCount(3);
  await expect(group(page, "failing")).toHaveCount(0);
  await expect(card(page, WRITER_CONFIG)).toContainText("Use this name");
  await expect(
    card(page, WRITER_CONFIG).locator(`[data-testid="hostname-row"][data-hostname="${WRITER_SNRA}"]`),
  ).toHaveAttribute("data-path-verdict", "reachable");
});

test("an AccessDenied on one list call: the writer's row says 'cannot tell' and names rds:DescribeDBClusters", async ({
  page,
  request,
}) => {
  // A console of its own, whose first read meets the fault: a refresh of a complete picture keeps that picture (with
  // a warning saying so), so "cannot tell" is what a first read under AccessDenied answers.
  const server = await startServer({ dataDir: mkdtempSync(path.join(tmpdir(), "atlas-e2e-denied-")) });
  const faults = await request.post(`http://127.0.0.1:${server.emulatorPort}/_emulator/faults`, {
    data: [{ service: "rds", operation: "DescribeDBClusters", error: { code: "AccessDenied", statusCode: 403 } }],
  });
  expect(faults.ok()).toBe(true);
  const topology = (await (await request.get(`${server.url}/api/topology`)).json()) as {
    nodes: Array<{ id: string; kind: string; label: string }>;
  };
  const vpc = topology.nodes.find((n) => n.kind === "vpc" && n.label === "consumer-sn-association-vpc")!;
  await page.goto(`${server.url}/?panel=connect&from=${vpc.id}`);
  try {
    await expect(page.getByTestId("warnings-banner")).toContainText("rds:DescribeDBClusters");
    const writer = group(page, "cannot-tell").locator(`[data-target-id="${WRITER_CONFIG}"]`);
    await expect(writer).toBeVisible();
    const verdict = writer.getByTestId("row-verdict");
    await expect(verdict).toHaveAttribute("data-verdict", "unknown");
    await expect(verdict).toContainText("?");
    await expect(verdict).toContainText("Cannot tell: rds:DescribeDBClusters (AccessDenied) not read");
    await expect(verdict.locator('[data-testid="row-cannot-tell"][data-step="6"]')).toContainText("Hop 6 — Resource");
    // A hop that cannot be decided is said so, not passed: the name is not offered in green.
    await expect(writer).not.toContainText("Use this name");
    await expect(
      writer.locator(`[data-testid="hostname-row"][data-hostname="${WRITER_SNRA}"]`).getByTestId("hostname-path"),
    ).toHaveText("? path cannot be checked");
    // The service does not depend on the missing read: still reachable.
    await expect(group(page, "reachable").locator(`[data-target-id="${SERVICE}"]`)).toBeVisible();
    await expect(answer(page)).toContainText("cannot tell");
    await page.screenshot({ path: `${SHOTS}/connect-cannot-tell.png` });

    // Explain says the same, hop 6 unknown with the read it misses.
    await writer.getByTestId("explain-target").click();
    const hop6 = page.getByTestId("explain-panel").locator('[data-testid="hop"][data-step="6"]');
    await expect(hop6).toHaveAttribute("data-status", "unknown");
    await expect(hop6.getByTestId("hop-unread")).toContainText("rds:DescribeDBClusters (AccessDenied)");
    await expect(page.getByTestId("explain-panel").getByTestId("hop")).toHaveCount(8);
  } finally {
    await server.stop();
  }
});

test("Reachable from, in the Aurora cluster's details: the three consumer VPCs, the name each uses, the verdict; a VPC is one click from the diagram", async ({
  page,
  request,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
  await openConsole(page, `?sel=${encodeURIComponent(CLUSTER)}&panel=details`);
  const section = page.getByTestId("details-panel").getByTestId("reachable-from");
  await expect(section.getByRole("heading")).toHaveText("Reachable from (3 VPCs)");
  const vpcs = section.getByTestId("reachable-from-vpc");
  await expect(vpcs).toHaveCount(3);
  expect(await vpcs.evaluateAll((items) => items.map((i) => i.getAttribute("data-vpc-name")))).toEqual([
    "consumer-resource-endpoint-vpc",
    "consumer-sn-association-vpc",
    "consumer-sn-endpoint-vpc",
  ]);
  const byName = async (name: string) => section.locator(`[data-vpc-id="${(await vpcByName(request, name)).id}"]`);
  // Each VPC reaches the writer and the reader, by its own pattern, with the name to use there.
  const p3 = await byName("consumer-sn-association-vpc");
  const p3Writer = p3.locator(`[data-testid="reachable-from-row"][data-target-id="${WRITER_CONFIG}"]`);
  await expect(p3Writer).toHaveAttribute("data-pattern", "service-network-association");
  await expect(p3Writer).toHaveAttribute("data-hostname", WRITER_SNRA);
  await expect(p3Writer).toHaveAttribute("data-verdict", "reachable");
  await expect(p3Writer).toContainText("zenn-aurora-rcfg-dev-writer");
  await expect(p3Writer.getByTestId("reachable-from-verdict")).toHaveText("✔ Reachable on TCP 5432");
  await expect(p3.locator(`[data-testid="reachable-from-row"][data-target-id="${READER_CONFIG}"]`)).toHaveAttribute(
    "data-hostname",
    READER_SNRA,
  );
  for (const [name, pattern] of [
    ["consumer-resource-endpoint-vpc", "resource-endpoint"],
    ["consumer-sn-endpoint-vpc", "service-network-endpoint"],
  ] as const) {
    const row = (await byName(name)).locator(`[data-testid="reachable-from-row"][data-target-id="${WRITER_CONFIG}"]`);
    await expect(row).toHaveAttribute("data-pattern", pattern);
    await expect(row).toHaveAttribute("data-hostname", WRITER_NATIVE);
  }
  // The name copies.
  await p3Writer.getByTestId("copy-reachable-name").click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(WRITER_SNRA);
  await page.screenshot({ path: `${SHOTS}/reachable-from-cluster.png` });

  // A VPC's name selects it on the diagram (and its details open).
  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  await p3.getByRole("button", { name: "consumer-sn-association-vpc", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`sel=${vpc.id}`));
  await expect(page.getByTestId("details-panel")).toHaveAttribute("data-node-id", vpc.id);
  await expect(page.locator(`.react-flow__node[data-id="${vpc.id}"] .is-selected`).first()).toBeVisible();

  // The Lattice service: reached from the two VPCs in its network.
  await openConsole(page, `?sel=${SERVICE}&panel=details`);
  await expect(page.getByTestId("reachable-from").getByTestId("reachable-from-vpc")).toHaveCount(2);
});

test("planning the removal of the configuration's resource association says what each consumer VPC loses", async ({
  page,
  request,
}) => {
  const p3 = await vpcByName(request, "consumer-sn-association-vpc");
  const p2 = await vpcByName(request, "consumer-sn-endpoint-vpc");
  await openConsole(page, `?sel=${GROUP_ASSOCIATION}&panel=details`);
  await page.getByTestId("remove-button").click();
  const sheet = page.getByTestId("action-sheet");
  await expect(sheet.getByRole("heading", { name: "Remove resource association" })).toBeVisible();
  await planReady(page);
  const impact = sheet.getByTestId("plan-impact");
  await expect(impact).toBeVisible();
  await expect(impact.getByTestId("impact-gains")).toHaveCount(0);
  const loses = impact.getByTestId("impact-loses");
  await expect(loses).toHaveCount(2);
  // The pattern-3 VPC loses the writer's and the reader's snra-… names.
  const p3Loses = impact.locator(`[data-testid="impact-loses"][data-vpc-id="${p3.id}"]`);
  await expect(p3Loses).toContainText("consumer-sn-association-vpc loses");
  await expect(p3Loses.locator(`[data-testid="impact-target"][data-target-id="${WRITER_CONFIG}"]`)).toContainText(
    WRITER_SNRA,
  );
  await expect(p3Loses.locator(`[data-testid="impact-target"][data-target-id="${READER_CONFIG}"]`)).toContainText(
    READER_SNRA,
  );
  // The pattern-2 VPC loses the writer's native name; the pattern-1 VPC (a Resource endpoint) loses nothing.
  const p2Loses = impact.locator(`[data-testid="impact-loses"][data-vpc-id="${p2.id}"]`);
  await expect(p2Loses.locator(`[data-testid="impact-target"][data-target-id="${WRITER_CONFIG}"]`)).toContainText(
    WRITER_NATIVE,
  );
  await expect(impact).not.toContainText("consumer-resource-endpoint-vpc");
  await page.setViewportSize({ width: 1440, height: 1400 });
  await sheet.screenshot({ path: `${SHOTS}/plan-impact-removal.png` });
});
