import { expect, test } from "@playwright/test";
import { emulator, freshFieldReport, node, openConsole, vpcByName } from "../support/stack";

const WRITER_SNRA = "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const READER_SNRA = "snra-0293fb8b823d3c65c.rcfg-0ba7ebc5ff6368de5.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const WRITER_HOST = "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com";

test.beforeEach(async ({ request }) => {
  await freshFieldReport(request);
});

test("the field-report scenario renders all three patterns and the service", async ({ page, request }) => {
  await openConsole(page);
  const topology = (await (await request.get("/api/topology")).json()) as {
    nodes: Array<{ id: string; kind: string; data: { endpointType?: string } }>;
  };
  const resourceEndpoint = topology.nodes.find((n) => n.kind === "vpcEndpoint" && n.data.endpointType === "Resource")!;
  const networkEndpoint = topology.nodes.find(
    (n) => n.kind === "vpcEndpoint" && n.data.endpointType === "ServiceNetwork",
  )!;
  const vpcAssociation = topology.nodes.find((n) => n.kind === "vpcAssociation")!;
  await expect(node(page, resourceEndpoint.id)).toBeVisible();
  await expect(node(page, networkEndpoint.id)).toBeVisible();
  await expect(node(page, vpcAssociation.id)).toBeVisible();
  await expect(node(page, "svc-0a836c24f4bc2c8ea")).toBeVisible();
  await expect(node(page, "snra-0258ae5ca1fffbb4a")).toBeVisible();
  // The three patterns are distinct paths: each edge kind has its own class.
  for (const kind of [
    "endpoint-resource",
    "endpoint-network",
    "vpc-association",
    "resource-association",
    "service-association",
  ]) {
    await expect(page.locator(`.react-flow__edge.edge-${kind}`).first()).toBeAttached();
  }
  await expect(page.getByTestId("emulator-marker")).toBeVisible();
  await page.screenshot({ path: "artifacts/screenshots/field-report.png" });
});

test("Connect from the pattern-3 VPC: writer and reader snra-… names, the native name flagged — two clicks from the first screen", async ({
  page,
  request,
}) => {
  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  await openConsole(page);
  // Click 1: the consumer VPC in the first screen's "Connect from…" list.
  await page.locator(`[data-testid="connect-from-option"][data-vpc-id="${vpc.id}"]`).click();
  const answer = page.getByTestId("connect-answer");
  await expect(answer).toBeVisible();
  await expect(answer.locator(`[data-testid="hostname-row"][data-hostname="${WRITER_SNRA}"]`)).toBeVisible();
  await expect(answer.locator(`[data-testid="hostname-row"][data-hostname="${READER_SNRA}"]`)).toBeVisible();
  const native = answer.locator(`[data-testid="not-working-row"][data-hostname="${WRITER_HOST}"]`);
  await expect(native).toBeVisible();
  await expect(native).toContainText("10.0.143.144");
  await expect(native).toContainText("private DNS off");
  expect(page.url()).toContain(`from=${vpc.id}`);
  await page.screenshot({ path: "artifacts/screenshots/connect-pattern-3.png" });
});

test("copying the psql command puts the right text on the clipboard", async ({ page, request, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const vpc = await vpcByName(request, "consumer-sn-association-vpc");
  await openConsole(page, `?panel=connect&from=${vpc.id}`);
  const row = page.locator(`[data-testid="hostname-row"][data-hostname="${WRITER_SNRA}"]`);
  await row.getByTestId("copy-command").click();
  await expect(row.getByTestId("copy-command")).toContainText("Copied");
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toBe(`psql -h ${WRITER_SNRA} -p 5432 -U postgres`);
});

test("search by an snra-… id focuses and selects the association", async ({ page }) => {
  await openConsole(page);
  const search = page.getByTestId("search-input");
  await search.fill("snra-0293fb8b823d3c65c");
  await search.press("Enter");
  await expect(page).toHaveURL(/sel=snra-0293fb8b823d3c65c/);
  const target = node(page, "snra-0293fb8b823d3c65c");
  await expect(target.locator(".is-selected")).toBeVisible();
  await expect(target).toBeInViewport();
  await expect(page.getByTestId("details-panel")).toContainText("snra-0293fb8b823d3c65c");
  // A pasted DNS name works too: the Aurora writer hostname finds the writer endpoint.
  await search.fill(WRITER_HOST);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`sel=${WRITER_HOST.replace(/\./g, "\\.")}`));
});

test("a copied URL reopens the same view in another browser", async ({ page, browser, request, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const vpc = await vpcByName(request, "consumer-resource-endpoint-vpc");
  await openConsole(page);
  await page.locator(`[data-testid="connect-from-option"][data-vpc-id="${vpc.id}"]`).click();
  await expect(page.getByTestId("connect-answer")).toBeVisible();
  await page.getByTestId("copy-link").click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain(`from=${vpc.id}`);
  expect(link).toContain("source=emulator");

  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await expect(second.getByTestId("connect-answer")).toBeVisible();
  await expect(second.getByTestId("connect-answer")).toHaveAttribute("data-from", vpc.id);
  await expect(second.locator(`[data-testid="hostname-row"][data-hostname="${WRITER_HOST}"]`)).toBeVisible();
  await other.close();
});

test("a partial-result warning shows when a fault rule denies one operation", async ({ page, request }) => {
  await emulator(request, "POST", "/_emulator/faults", [
    {
      service: "vpc-lattice",
      operation: "ListServiceNetworkVpcEndpointAssociations",
      error: { code: "AccessDeniedException", statusCode: 403 },
    },
  ]);
  try {
    await openConsole(page);
    await page.getByTestId("refresh-button").click();
    const banner = page.getByTestId("warnings-banner");
    await expect(banner).toBeVisible();
    await expect(banner).toContainText("vpc-lattice:ListServiceNetworkVpcEndpointAssociations");
    // The rest of the picture is still there.
    await expect(node(page, "snra-0258ae5ca1fffbb4a")).toBeVisible();
    await page.screenshot({ path: "artifacts/screenshots/partial-results.png" });
  } finally {
    await emulator(request, "DELETE", "/_emulator/faults");
  }
});

test("panels are reachable from the keyboard and controls are labelled", async ({ page }) => {
  await openConsole(page);
  await page.keyboard.press("/");
  await expect(page.getByTestId("search-input")).toBeFocused();
  for (const testId of ["source-picker", "region-picker", "refresh-button", "search-input"]) {
    const control = page.getByTestId(testId);
    const name = await control.evaluate(
      (el) =>
        el.getAttribute("aria-label") ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? "",
    );
    expect(name.trim().length, testId).toBeGreaterThan(0);
  }
  await page.getByTestId("connect-from-option").first().focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("connect-answer")).toBeVisible();
});

test("with a side panel open, Fit view fits the diagram into the part the panel leaves visible", async ({ page }) => {
  await openConsole(page, "?sel=snra-0258ae5ca1fffbb4a&panel=details");
  const panel = page.locator("aside.panel");
  await expect(panel).toBeVisible();
  await page.locator(".react-flow__controls-fitview").click();
  // Wait for the camera to settle (the fit animates), then every node lies left of the panel.
  const panelLeft = (await panel.boundingBox())!.x;
  await expect
    .poll(async () => {
      const boxes = await page
        .locator(".react-flow__node")
        .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().right));
      return Math.max(...boxes);
    })
    .toBeLessThanOrEqual(panelLeft);
  // And the diagram is not shrunk to nothing: it still spans most of the visible part.
  const lefts = await page
    .locator(".react-flow__node")
    .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().left));
  const stageLeft = (await page.locator(".react-flow").boundingBox())!.x;
  expect(Math.min(...lefts) - stageLeft).toBeLessThan((panelLeft - stageLeft) / 4);
});

test("the Lattice service's details show its DNS name to copy, as its network association does", async ({ page }) => {
  const serviceDns = "zenn-vpc-lattice-service-dev-0a836c24f4bc2c8ea.7d67968.vpc-lattice-svcs.ap-northeast-1.on.aws";
  await openConsole(page, "?sel=svc-0a836c24f4bc2c8ea&panel=details");
  const details = page.getByTestId("details-panel");
  await expect(details).toHaveAttribute("data-node-id", "svc-0a836c24f4bc2c8ea");
  await expect(details.getByRole("definition").filter({ hasText: serviceDns })).toBeVisible();
  const association = (await page.request.get("/api/topology").then((r) => r.json())) as {
    nodes: Array<{ id: string; kind: string }>;
  };
  const snsa = association.nodes.find((n) => n.kind === "serviceAssociation")!.id;
  await openConsole(page, `?sel=${snsa}&panel=details`);
  await expect(details).toHaveAttribute("data-node-id", snsa);
  await expect(details.getByRole("definition").filter({ hasText: serviceDns })).toBeVisible();
});
