/**
 * One-click changes from the diagram, on the real API and its emulator (field-report scenario, reset before each
 * test): the five creations with their pending and final states and DNS names, a removal, the conflict path, a
 * finding's ingress rule, AWS errors and a retry with the same token, read-only mode, and the audit log across a
 * restart. Emulator transition delays make the pending states observable.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page, type Request } from "@playwright/test";
import {
  apiPost,
  createServiceNetwork,
  delayTransitions,
  dragOnto,
  emulator,
  freshFieldReport,
  idOf,
  node,
  openConsole,
  planReady,
  startFromMenu,
  startServer,
} from "../support/stack";

const GROUP_CONFIG = "rcfg-0d3f5b7a9c1e2f486";
const SERVICE = "svc-0a836c24f4bc2c8ea";
const NETWORK = "zenn-service-network-dev";
const SHOTS = "artifacts/screenshots";

test.beforeEach(async ({ request }) => {
  await freshFieldReport(request);
});

const sheet = (page: Page) => page.getByTestId("action-sheet");
const confirm = (page: Page) => page.getByTestId("confirm-change");
const progress = (page: Page) => sheet(page).getByTestId("change-progress");
const finding = (page: Page, code: string) => sheet(page).locator(`[data-testid="finding"][data-code="${code}"]`);

/** Execute requests the page sends, with their client tokens. */
function recordExecutions(page: Page): Array<{ clientToken: string; action: { type: string } }> {
  const sent: Array<{ clientToken: string; action: { type: string } }> = [];
  page.on("request", (r: Request) => {
    if (r.method() === "POST" && r.url().endsWith("/api/actions/execute"))
      sent.push(r.postDataJSON() as (typeof sent)[number]);
  });
  return sent;
}

/** Confirms, then waits for the sheet to follow the change; returns the new resource id. */
async function confirmAndFollow(page: Page): Promise<string> {
  await planReady(page);
  await expect(confirm(page)).toBeEnabled();
  await confirm(page).click();
  await expect(progress(page)).toBeVisible();
  const id = await progress(page).getAttribute("data-resource-id");
  if (!id) throw new Error("no resource id in the progress");
  return id;
}

test("a VPC dragged onto the service network: the sheet plans it, codifies it, and the association goes pending → ACTIVE", async ({
  page,
  request,
}) => {
  const vpc = await idOf(request, "vpc", "consumer-resource-endpoint-vpc");
  const network = await idOf(request, "serviceNetwork", NETWORK);
  await delayTransitions(request, { ServiceNetworkVpcAssociation: 2500 });
  const executions = recordExecutions(page);
  // The answer of "Connect from" this VPC is on screen: it must be refetched (only it and the topology) when the change settles.
  await openConsole(page, `?panel=connect&from=${vpc}`);
  await expect(page.getByTestId("connect-answer")).toBeVisible();
  await expect(page.locator('[data-testid="hostname-row"][data-pattern="service-network-association"]')).toHaveCount(0);
  // Cached now; the path highlight is cleared so that the diagram is not dimmed.
  await page.getByRole("button", { name: "clear" }).click();
  await expect(page.getByTestId("connect-answer")).toHaveCount(0);

  await dragOnto(page, vpc, network);
  await expect(sheet(page)).toBeVisible();
  await expect(sheet(page).getByRole("heading", { name: "Associate the VPC with a service network" })).toBeVisible();
  await expect(sheet(page).getByTestId("sheet-type-associate-vpc")).toBeChecked();
  await planReady(page);
  // Findings, the exact call and the same change as CLI, Terraform and CloudFormation, each with a Copy button.
  await expect(finding(page, "ENTRY_INGRESS_MISSING").first()).toBeVisible();
  await expect(sheet(page).getByTestId("aws-calls")).toContainText("CreateServiceNetworkVpcAssociation");
  await expect(sheet(page).getByTestId("aws-calls")).toContainText(vpc);
  await expect(sheet(page).getByTestId("codified-cli")).toContainText(
    "aws vpc-lattice create-service-network-vpc-association",
  );
  await expect(sheet(page).getByTestId("codified-cli")).toContainText("--client-token");
  await expect(sheet(page).getByTestId("codified-terraform")).toContainText(
    "aws_vpclattice_service_network_vpc_association",
  );
  await expect(sheet(page).getByTestId("codified-cloudformation")).toContainText(
    "AWS::VpcLattice::ServiceNetworkVpcAssociation",
  );
  for (const copy of ["copy-calls", "copy-cli", "copy-terraform", "copy-cloudformation"])
    await expect(sheet(page).getByTestId(copy)).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 2000 });
  await sheet(page).screenshot({ path: `${SHOTS}/action-sheet.png` });
  await page.setViewportSize({ width: 1440, height: 900 });

  // A double click sends one request, with the token the sheet minted when it opened.
  await expect(confirm(page)).toBeEnabled();
  await confirm(page).dblclick();
  await expect(progress(page)).toBeVisible();
  const id = (await progress(page).getAttribute("data-resource-id"))!;
  expect(id).toMatch(/^snva-/);
  expect(executions).toHaveLength(1);
  expect(executions[0]!.clientToken).toMatch(/^[0-9a-f-]{36}$/);

  // Pending at once, as AWS says (never ACTIVE before the status does), on the diagram too.
  await expect(progress(page)).toHaveAttribute("data-status", "CREATE_IN_PROGRESS");
  // What was sent stays one click away, folded under a heading that says so and shows it opens (never a bare
  // heading over nothing).
  const sent = sheet(page).getByTestId("codified-summary");
  await expect(sent).toHaveText("What was sent, and the same change as code");
  await expect(sent).toHaveCSS("display", "list-item");
  await expect(sheet(page).getByTestId("aws-calls")).toBeHidden();
  await sent.click();
  await expect(sheet(page).getByTestId("aws-calls")).toContainText("CreateServiceNetworkVpcAssociation");
  // "Show on map": the sheet gives way to the node, selected, with the change's progress in its details.
  await sheet(page).getByRole("button", { name: "Show on map" }).click();
  await expect(sheet(page)).toHaveCount(0);
  const created = node(page, id);
  await expect(created).toHaveClass(/is-change-pending/);
  await expect(created).toContainText("CREATE IN PROGRESS");
  await expect(page.getByTestId("details-panel")).toHaveAttribute("data-node-id", id);
  await expect(page.getByTestId("details-panel").getByTestId("change-progress")).toHaveAttribute(
    "data-status",
    "CREATE_IN_PROGRESS",
  );
  const topologyGets: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "GET" && /\/api\/(topology|connect|sources|health)\b/.test(r.url()))
      topologyGets.push(new URL(r.url()).pathname);
  });
  await page.screenshot({ path: `${SHOTS}/association-pending.png` });

  // Then ACTIVE, from the refetched topology, and the connect answer shows this VPC's new pattern-3 names.
  await expect(created).not.toHaveClass(/is-change-pending/, { timeout: 15_000 });
  await expect(created).toContainText("ACTIVE");
  await expect(page.getByTestId("details-panel").getByTestId("change-progress")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/association-active.png` });
  await page.locator(`[data-testid="connect-from-option"][data-vpc-id="${vpc}"]`).click();
  await expect(
    page.locator('[data-testid="hostname-row"][data-pattern="service-network-association"]').first(),
  ).toBeVisible();
  expect(topologyGets.filter((p) => p === "/api/topology")).toHaveLength(1);
  expect(topologyGets.filter((p) => p === "/api/sources" || p === "/api/health")).toHaveLength(0);
});

test("a ServiceNetwork endpoint from the VPC's + menu: the private-DNS clash blocks until private DNS is off; Pending → Available with its DNS names", async ({
  page,
  request,
}) => {
  const vpc = await idOf(request, "vpc", "consumer-resource-endpoint-vpc");
  await delayTransitions(request, { VpcEndpoint: 1500 });
  await openConsole(page);
  await startFromMenu(page, vpc, "Add a ServiceNetwork endpoint…");
  await expect(sheet(page).getByTestId("sheet-type-create-service-network-endpoint")).toBeChecked();
  // One subnet per Availability Zone, prefilled.
  await expect(sheet(page).getByTestId("pick-subnet")).toHaveCount(2);
  for (const picker of await sheet(page).getByTestId("pick-subnet").all()) await expect(picker).not.toHaveValue("");
  await planReady(page);
  await expect(finding(page, "PRIVATE_DNS_CLASH")).toHaveAttribute("data-severity", "blocking");
  await expect(confirm(page)).toBeDisabled();
  await sheet(page).getByTestId("private-dns").uncheck();
  await expect(finding(page, "PRIVATE_DNS_CLASH")).toHaveCount(0);
  await expect(sheet(page).getByTestId("codified-cli")).toContainText("--no-private-dns-enabled");
  const id = await confirmAndFollow(page);
  expect(id).toMatch(/^vpce-/);
  await expect(progress(page)).toHaveAttribute("data-status", "Pending");
  await expect(node(page, id)).toHaveClass(/is-change-pending/);
  await expect(progress(page)).toHaveAttribute("data-phase", "ready", { timeout: 15_000 });
  await expect(progress(page)).toHaveAttribute("data-status", "Available");
  // The names the endpoint answers to: the writer and reader of the Aurora configuration, and the service.
  const names = sheet(page).getByTestId("change-dns-entry");
  await expect(names.filter({ hasText: new RegExp(`^${id}-snra-.*rcfg-01158845410b9f395`) })).toHaveCount(1);
  await expect(names.filter({ hasText: /vpc-lattice-svcs/ })).toHaveCount(1);
  await page.getByTestId("sheet-done").click();
  await expect(node(page, id)).not.toHaveClass(/is-change-pending/);
  await expect(node(page, id)).toContainText(/available/i);
});

test("a Resource endpoint for the configuration, from its + menu, in the pattern-2 VPC", async ({ page, request }) => {
  const vpc = await idOf(request, "vpc", "consumer-sn-endpoint-vpc");
  await delayTransitions(request, { VpcEndpoint: 1500 });
  await openConsole(page);
  await startFromMenu(page, GROUP_CONFIG, "Add a Resource endpoint in a VPC…");
  await sheet(page).getByTestId("pick-vpc").selectOption(vpc);
  await planReady(page);
  // The VPC's ServiceNetwork endpoint already reaches this configuration with private DNS.
  await expect(finding(page, "PRIVATE_DNS_CLASH")).toBeVisible();
  await expect(confirm(page)).toBeDisabled();
  await sheet(page).getByTestId("private-dns").uncheck();
  const id = await confirmAndFollow(page);
  await expect(node(page, id)).toHaveClass(/is-change-pending/);
  await expect(progress(page)).toHaveAttribute("data-phase", "ready", { timeout: 15_000 });
  await expect(
    sheet(page)
      .getByTestId("change-dns-entry")
      .filter({ hasText: /vpc-lattice-rsc/ })
      .first(),
  ).toBeVisible();
  // Shown on the map: selected, with its DNS names in the details.
  await sheet(page).getByRole("button", { name: "Show on map" }).click();
  await expect(page.getByTestId("details-panel")).toHaveAttribute("data-node-id", id);
  await expect(page.getByTestId("details-panel")).toContainText("vpc-lattice-rsc");
});

test("the configuration and the service dragged onto a second network: ACTIVE, with their DNS names", async ({
  page,
  request,
}) => {
  const second = await createServiceNetwork(request, "second-net");
  await delayTransitions(request, { ServiceNetworkResourceAssociation: 1500, ServiceNetworkServiceAssociation: 1500 });
  await openConsole(page);
  await expect(node(page, second)).toBeVisible();

  await dragOnto(page, GROUP_CONFIG, second);
  await expect(
    sheet(page).getByRole("heading", { name: "Add the resource configuration to a service network" }),
  ).toBeVisible();
  await expect(sheet(page).getByTestId("pick-network")).toHaveValue(second);
  const association = await confirmAndFollow(page);
  expect(association).toMatch(/^snra-/);
  await expect(progress(page)).toHaveAttribute("data-status", "CREATE_IN_PROGRESS");
  await expect(node(page, association)).toHaveClass(/is-change-pending/);
  await expect(progress(page)).toHaveAttribute("data-phase", "ready", { timeout: 15_000 });
  // One name per child (writer, reader), issued by this association.
  await expect(
    sheet(page)
      .getByTestId("change-dns-entry")
      .filter({ hasText: /^snra-.*rcfg-01158845410b9f395\..*on\.aws/ }),
  ).toHaveCount(1);
  await expect(
    sheet(page)
      .getByTestId("change-dns-entry")
      .filter({ hasText: /^snra-.*rcfg-0ba7ebc5ff6368de5\..*on\.aws/ }),
  ).toHaveCount(1);
  await page.getByTestId("sheet-done").click();

  await dragOnto(page, SERVICE, second);
  await expect(sheet(page).getByRole("heading", { name: "Add the service to a service network" })).toBeVisible();
  const serviceAssociation = await confirmAndFollow(page);
  expect(serviceAssociation).toMatch(/^snsa-/);
  await expect(node(page, serviceAssociation)).toHaveClass(/is-change-pending/);
  await expect(progress(page)).toHaveAttribute("data-phase", "ready", { timeout: 15_000 });
  await expect(
    sheet(page)
      .getByTestId("change-dns-entry")
      .filter({ hasText: /vpc-lattice-svcs/ }),
  ).toHaveCount(1);
  await page.getByTestId("sheet-done").click();
  await expect(node(page, serviceAssociation)).toContainText("ACTIVE");
  await expect(node(page, serviceAssociation)).not.toHaveClass(/is-change-pending/);
});

test("the conflict path: a VPC associated with another network is offered a ServiceNetwork endpoint instead, one click away", async ({
  page,
  request,
}) => {
  const second = await createServiceNetwork(request, "second-net");
  const vpc = await idOf(request, "vpc", "consumer-sn-association-vpc");
  await openConsole(page);
  await dragOnto(page, vpc, second);
  await planReady(page);
  await expect(finding(page, "VPC_ALREADY_ASSOCIATED")).toHaveAttribute("data-severity", "blocking");
  await expect(finding(page, "VPC_ALREADY_ASSOCIATED")).toContainText("only one service network");
  await expect(confirm(page)).toBeDisabled();
  await finding(page, "VPC_ALREADY_ASSOCIATED").getByTestId("finding-alternative").click();
  // The same ends, as a ServiceNetwork endpoint (pattern 2), prefilled from the alternative.
  await expect(sheet(page).getByTestId("sheet-type-create-service-network-endpoint")).toBeChecked();
  await expect(sheet(page).getByTestId("pick-network")).toHaveValue(second);
  await expect(sheet(page).getByTestId("sheet-back")).toBeVisible();
  await planReady(page);
  await expect(finding(page, "VPC_ALREADY_ASSOCIATED")).toHaveCount(0);
  await expect(sheet(page).getByTestId("aws-calls")).toContainText("ec2:CreateVpcEndpoint");
  const id = await confirmAndFollow(page);
  expect(id).toMatch(/^vpce-/);
  await expect(progress(page)).toHaveAttribute("data-phase", "ready", { timeout: 15_000 });
});

test("removal from the association's details: DELETE_IN_PROGRESS on the diagram, then gone", async ({
  page,
  request,
}) => {
  const association = (
    (await request.get("/api/topology").then((r) => r.json())) as { nodes: Array<{ id: string; kind: string }> }
  ).nodes.find((n) => n.kind === "vpcAssociation")!.id;
  await delayTransitions(request, { ServiceNetworkVpcAssociation: 1500 });
  await openConsole(page, `?sel=${association}&panel=details`);
  await page.getByTestId("remove-button").click();
  await expect(sheet(page).getByRole("heading", { name: "Remove VPC association" })).toBeVisible();
  await planReady(page);
  await expect(sheet(page).getByTestId("codified-cli")).toContainText("delete-service-network-vpc-association");
  await expect(confirm(page)).toHaveText("Remove association");
  await confirm(page).click();
  await expect(progress(page)).toHaveAttribute("data-phase", "deleting");
  await expect(node(page, association)).toHaveClass(/is-change-pending/);
  await expect(node(page, association)).toContainText("DELETE IN PROGRESS");
  await expect(progress(page)).toHaveAttribute("data-phase", /deleted|not-found/, { timeout: 15_000 });
  await expect(node(page, association)).toHaveCount(0);
});

test("a change in flight outlives a reload: still marked pending, then gone without a refresh", async ({
  page,
  request,
}) => {
  const association = (
    (await request.get("/api/topology").then((r) => r.json())) as { nodes: Array<{ id: string; kind: string }> }
  ).nodes.find((n) => n.kind === "vpcAssociation")!.id;
  await delayTransitions(request, { ServiceNetworkVpcAssociation: 6000 });
  await openConsole(page, `?sel=${association}&panel=details`);
  await page.getByTestId("remove-button").click();
  await planReady(page);
  await confirm(page).click();
  await expect(progress(page)).toHaveAttribute("data-phase", "deleting");

  // Reloaded mid-change: the console picks the change up again and keeps watching it.
  await page.reload();
  await expect(node(page, association)).toHaveClass(/is-change-pending/);
  await expect(node(page, association)).toContainText("DELETE IN PROGRESS");
  await expect(page.getByTestId("details-panel").getByTestId("change-progress")).toHaveAttribute(
    "data-phase",
    "deleting",
  );
  await expect(node(page, association)).toHaveCount(0, { timeout: 20_000 });
  // Settled: a further reload has nothing left to pick up.
  expect(await page.evaluate(() => window.localStorage.getItem("lattice-atlas.changes-in-flight.v1"))).toBeNull();
});

test("a finding's ingress rule is one click, then back to the change, which no longer warns", async ({
  page,
  request,
}) => {
  const vpc = await idOf(request, "vpc", "consumer-resource-endpoint-vpc");
  await openConsole(page);
  await startFromMenu(page, vpc, "Associate with a service network…");
  await planReady(page);
  const warning = finding(page, "ENTRY_INGRESS_MISSING").filter({ hasText: "TCP 443" });
  await expect(warning).toBeVisible();
  await warning.getByTestId("finding-alternative").click();
  await expect(sheet(page).getByRole("heading", { name: "Add inbound rule" })).toBeVisible();
  await planReady(page);
  await expect(sheet(page).getByTestId("aws-calls")).toContainText("AuthorizeSecurityGroupIngress");
  await expect(sheet(page).getByTestId("codified-cli")).toContainText("authorize-security-group-ingress");
  await expect(confirm(page)).toHaveText("Add rule");
  await confirm(page).click();
  await expect(progress(page)).toContainText("The rule is in place.");
  await sheet(page).getByTestId("sheet-back").click();
  await planReady(page);
  await expect(finding(page, "ENTRY_INGRESS_MISSING").filter({ hasText: "TCP 443" })).toHaveCount(0);
  await expect(confirm(page)).toHaveText("Create association");
});

test("an AWS error reads as a sentence with its code and fix; the retry sends the same token and succeeds", async ({
  page,
  request,
}) => {
  const vpc = await idOf(request, "vpc", "consumer-resource-endpoint-vpc");
  await emulator(request, "POST", "/_emulator/faults", [
    {
      service: "vpc-lattice",
      operation: "CreateServiceNetworkVpcAssociation",
      count: 1,
      error: { code: "AccessDeniedException", statusCode: 403 },
    },
  ]);
  const executions = recordExecutions(page);
  await openConsole(page);
  await startFromMenu(page, vpc, "Associate with a service network…");
  await planReady(page);
  await confirm(page).click();
  const notice = sheet(page).getByTestId("error-notice");
  await expect(notice).toHaveAttribute("data-error-code", "ACCESS_DENIED");
  await expect(notice).toContainText("AWS denied access");
  await expect(notice.getByTestId("error-iam-action")).toHaveText("vpc-lattice:CreateServiceNetworkVpcAssociation");
  await expect(confirm(page)).toHaveText("Try again");
  await confirm(page).click();
  await expect(progress(page)).toBeVisible();
  expect(executions.map((e) => e.clientToken)).toHaveLength(2);
  expect(new Set(executions.map((e) => e.clientToken)).size).toBe(1);
});

test("a failed creation shows AWS's reason and offers delete and recreate", async ({ page, request }) => {
  const vpc = await idOf(request, "vpc", "consumer-resource-endpoint-vpc");
  await delayTransitions(
    request,
    {},
    {
      ServiceNetworkVpcAssociation: {
        count: 1,
        code: "InsufficientCapacity",
        message: "No capacity in ap-northeast-1a",
      },
    },
  );
  const executions = recordExecutions(page);
  await openConsole(page);
  await startFromMenu(page, vpc, "Associate with a service network…");
  const failed = await confirmAndFollow(page);
  await expect(progress(page)).toHaveAttribute("data-phase", "failed", { timeout: 15_000 });
  await expect(progress(page)).toContainText("No capacity in ap-northeast-1a");
  await expect(node(page, failed)).toHaveClass(/is-change-failed/);
  await progress(page).getByTestId("recover-button").click();
  await expect(sheet(page).getByRole("heading", { name: "Remove VPC association" })).toBeVisible();
  await planReady(page);
  await confirm(page).click();
  await sheet(page).getByTestId("recreate-button").click({ timeout: 15_000 });
  const again = await confirmAndFollow(page);
  expect(again).not.toBe(failed);
  await expect(progress(page)).toHaveAttribute("data-phase", "ready", { timeout: 15_000 });
  // Three intents, three tokens: create, remove, create again.
  expect(new Set(executions.map((e) => e.clientToken)).size).toBe(3);
});

test("a read-only server hides every control, says why, and refuses changes anyway", async ({ page, request }) => {
  const server = await startServer({ dataDir: mkdtempSync(path.join(tmpdir(), "atlas-e2e-ro-")), readOnly: true });
  try {
    await page.goto(`${server.url}/`);
    await page.locator(".react-flow__node").first().waitFor();
    await expect(page.getByTestId("read-only-badge")).toBeVisible();
    await expect(page.getByTestId("read-only-badge")).toHaveAttribute("title", /--read-only/);
    await expect(page.getByTestId("change-menu-button")).toHaveCount(0);
    await expect(page.getByTestId("connect-grip")).toHaveCount(0);
    const topology = (await (await request.get(`${server.url}/api/topology`)).json()) as {
      nodes: Array<{ id: string; kind: string; data: { serviceNetworkId?: string; vpcId?: string } }>;
    };
    const association = topology.nodes.find((n) => n.kind === "vpcAssociation")!;
    await page.goto(`${server.url}/?sel=${association.id}&panel=details`);
    await expect(page.getByTestId("details-panel")).toBeVisible();
    await expect(page.getByTestId("read-only-notice")).toContainText("--read-only");
    await expect(page.getByTestId("remove-button")).toHaveCount(0);
    const refused = await apiPost(request, server.url, "/api/actions/execute", {
      clientToken: "e2e-read-only",
      action: { type: "remove-vpc-association", associationId: association.id },
    });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("READ_ONLY");
  } finally {
    await server.stop();
  }
});

test("the audit log lists the change, newest first, and still does after a restart", async ({ page, request }) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "atlas-e2e-audit-"));
  let server = await startServer({ dataDir });
  try {
    const topology = (await (await request.get(`${server.url}/api/topology`)).json()) as {
      nodes: Array<{ id: string; kind: string }>;
    };
    const association = topology.nodes.find((n) => n.kind === "vpcAssociation")!.id;
    await page.goto(`${server.url}/?sel=${association}&panel=details`);
    await page.getByTestId("remove-button").click();
    await planReady(page);
    await confirm(page).click();
    await expect(progress(page)).toHaveAttribute("data-phase", /deleted|not-found/, { timeout: 15_000 });
    await page.getByTestId("sheet-done").click();
    await page.getByTestId("audit-button").click();
    const entry = page.locator('[data-testid="audit-entry"][data-action="remove-vpc-association"]');
    await expect(entry).toHaveAttribute("data-outcome", "succeeded");
    await expect(page).toHaveURL(/panel=audit/);

    await server.stop();
    server = await startServer({ dataDir, port: server.port, emulatorPort: server.emulatorPort });
    await page.goto(`${server.url}/?panel=audit`);
    const after = page.locator('[data-testid="audit-entry"]').first();
    await expect(after).toHaveAttribute("data-action", "remove-vpc-association");
    await expect(after).toHaveAttribute("data-resource-id", association);
    await expect(after).toContainText("Remove VPC association");
    await expect(after).toContainText("request id");
    await expect(after).toContainText("111122223333");
    // How it ended, as the status poll saw it: AWS's DELETE_IN_PROGRESS, then DELETED.
    await expect(after.getByTestId("audit-final")).toHaveText("→ DELETED");
    await page.locator(".react-flow__node").first().waitFor();
    await page.screenshot({ path: `${SHOTS}/audit-log.png` });
  } finally {
    await server.stop();
  }
});

test("the sheet is a keyboard dialog: focus inside, Tab never reaches the page behind, Escape closes and gives the focus back", async ({
  page,
  request,
}) => {
  const vpc = await idOf(request, "vpc", "consumer-resource-endpoint-vpc");
  await openConsole(page);
  const plus = node(page, vpc).getByTestId("change-menu-button");
  await plus.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("change-menu")).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(sheet(page)).toBeVisible();
  await expect(sheet(page).getByRole("heading", { name: "Add a ServiceNetwork endpoint" })).toBeFocused();
  // A native modal <dialog>: the page behind is inert, so Tab cycles through the sheet; past its last control the
  // browser may take the focus itself (its own UI: the document then has no focused element) and the next Tab
  // comes back into the sheet. The focus never lands on the page behind.
  const stops: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    stops.push(
      await page.evaluate(() => {
        const active = document.activeElement;
        if (active?.closest('[data-testid="action-sheet"]')) return "sheet";
        return !active || active === document.body ? "browser" : `page: ${active.outerHTML.slice(0, 80)}`;
      }),
    );
  }
  expect(stops.filter((stop) => stop !== "sheet" && stop !== "browser")).toEqual([]);
  expect(stops.filter((stop) => stop === "sheet").length).toBeGreaterThan(30);
  expect(stops.at(-1) === "sheet" || stops.at(-2) === "sheet").toBe(true);
  await page.keyboard.press("Escape");
  await expect(sheet(page)).toHaveCount(0);
  await expect(plus).toBeFocused();
});
