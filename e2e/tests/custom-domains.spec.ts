/**
 * Custom domain names and network ACLs on the real API and its emulator (the custom-domains scenario, reset before
 * each test): Connect shows legacy-db's unverified custom name working from the ALL_DOMAINS VPC and not from the
 * VERIFIED_DOMAINS_ONLY one, with why (the TXT record still to create) and a one-click Fix that lists the domain on
 * the association — after which the name works there too; a network ACL entry that denies PostgreSQL, added behind
 * the console's back through the emulator's EC2 API, turns orders-db's row into ✘ hop 8 with its fix.
 */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { emulator, emulatorUrl, idOf, openConsole, planReady, vpcByName } from "../support/stack";

const SHOTS = "artifacts/screenshots";
const LEGACY_CUSTOM = "legacy-db.unverified.example.org";

test.beforeEach(async ({ request }) => {
  await emulator(request, "POST", "/_emulator/reset", { scenario: "custom-domains" });
  const response = await request.get("/api/topology?refresh=true");
  expect(response.ok()).toBe(true);
});

test.afterAll(async ({ request }) => {
  // The other specs expect the field report.
  await emulator(request, "POST", "/_emulator/reset", { scenario: "field-report" });
  await request.get("/api/topology?refresh=true");
});

const answer = (page: Page) => page.getByTestId("connect-answer");
const card = (page: Page, targetId: string) =>
  answer(page).locator(`[data-testid="reachable-target"][data-target-id="${targetId}"]`);

test("an unverified custom name: works from the ALL_DOMAINS VPC, not from the VERIFIED_DOMAINS_ONLY one, with why and a Fix", async ({
  page,
  request,
}) => {
  const legacy = await idOf(request, "resourceConfiguration", "legacy-db");
  const all = await vpcByName(request, "consumer-all-domains");
  await openConsole(page, `?panel=connect&from=${all.id}`);
  await expect(
    card(page, legacy).locator(`[data-testid="hostname-row"][data-hostname="${LEGACY_CUSTOM}"]`),
  ).toBeVisible();

  const only = await vpcByName(request, "consumer-verified-only");
  await openConsole(page, `?panel=connect&from=${only.id}`);
  const refused = card(page, legacy).locator(`[data-testid="not-working-row"][data-hostname="${LEGACY_CUSTOM}"]`);
  await expect(refused).toBeVisible();
  await expect(
    card(page, legacy).locator(`[data-testid="hostname-row"][data-hostname="${LEGACY_CUSTOM}"]`),
  ).toHaveCount(0);
  await expect(refused).toContainText("VERIFIED_DOMAINS_ONLY admits only verified domains");
  await expect(refused).toContainText("create the TXT record");
  await page.screenshot({ path: `${SHOTS}/custom-name-not-from-here.png` });

  // The Fix: list the domain on the VPC association (the verified ones keep working), planned and run.
  const fix = refused.getByTestId("name-fix-button");
  await expect(fix).toHaveAttribute("data-action", "update-vpc-association-dns");
  await fix.click();
  const sheet = page.getByTestId("action-sheet");
  await expect(sheet).toBeVisible();
  await planReady(page);
  await expect(sheet.getByTestId("aws-calls")).toContainText("UpdateServiceNetworkVpcAssociation");
  await expect(sheet.getByTestId("aws-calls")).toContainText(LEGACY_CUSTOM);
  await sheet.getByTestId("confirm-change").click();
  await expect(sheet).toHaveAttribute("data-state", "following");
  await sheet.getByTestId("sheet-done").click();
  await expect(
    card(page, legacy).locator(`[data-testid="hostname-row"][data-hostname="${LEGACY_CUSTOM}"]`),
  ).toBeVisible({
    timeout: 20_000,
  });
});

/** An outbound DENY for TCP 5432 on a VPC's default network ACL, through the emulator's EC2 query API. */
async function denyPostgresOut(request: APIRequestContext, vpcId: string): Promise<string> {
  const topology = (await (await request.get("/api/topology")).json()) as {
    nodes: Array<{ id: string; data: { networkAcls?: Array<{ id: string; isDefault: boolean }> } }>;
  };
  const acl = topology.nodes.find((n) => n.id === vpcId)!.data.networkAcls!.find((a) => a.isDefault)!.id;
  const response = await request.post(`${emulatorUrl()}/`, {
    form: {
      Action: "CreateNetworkAclEntry",
      Version: "2016-11-15",
      NetworkAclId: acl,
      RuleNumber: "50",
      Protocol: "6",
      RuleAction: "deny",
      Egress: "true",
      CidrBlock: "0.0.0.0/0",
      "PortRange.From": "5432",
      "PortRange.To": "5432",
    },
  });
  expect(response.status(), await response.text()).toBe(200);
  return acl;
}

test("a network ACL that denies PostgreSQL out: Refresh → orders-db fails at hop 8, with its fix", async ({
  page,
  request,
}) => {
  const orders = await idOf(request, "resourceConfiguration", "orders-db");
  const vpc = await vpcByName(request, "consumer-all-domains");
  await openConsole(page, `?panel=connect&from=${vpc.id}`);
  await expect(card(page, orders).getByTestId("row-verdict")).toHaveAttribute("data-verdict", "reachable");

  const acl = await denyPostgresOut(request, vpc.id);
  const done = page.waitForResponse((r) => r.url().includes("/api/topology") && r.url().includes("refresh=true"));
  await page.getByTestId("refresh-button").click();
  expect((await done).ok()).toBe(true);

  const verdict = card(page, orders).getByTestId("row-verdict");
  await expect(verdict).toHaveAttribute("data-verdict", "not-reachable");
  await expect(verdict).toHaveAttribute("data-failing-step", "8");
  await expect(verdict).toContainText(`${acl} rule 50: DENY TCP 5432`);
  await expect(verdict).toContainText(`Add to ${acl} an outbound ALLOW for TCP 5432`);
  await page.screenshot({ path: `${SHOTS}/nacl-fails-at-hop-8.png` });
});

test("details: the unverified domain with the TXT record to create; the AWS-managed configuration read-only; where access logs go", async ({
  page,
  request,
}) => {
  const legacy = await idOf(request, "resourceConfiguration", "legacy-db");
  await openConsole(page, `?panel=details&sel=${legacy}`);
  const details = page.getByTestId("details-panel");
  await expect(details.getByTestId("domain-verification")).toHaveAttribute("data-status", "PENDING");
  await expect(details.getByTestId("custom-domain")).toContainText("TXT record to create");
  await expect(details.getByTestId("node-change").first()).toBeVisible();

  const managed = await idOf(request, "resourceConfiguration", "events-connection");
  await openConsole(page, `?panel=details&sel=${managed}`);
  await expect(page.getByTestId("details-panel").getByTestId("aws-managed")).toContainText("Read-only: managed by AWS");
  await expect(page.getByTestId("details-panel").getByTestId("node-change")).toHaveCount(0);

  const payments = await idOf(request, "service", "payments");
  await openConsole(page, `?panel=details&sel=${payments}`);
  const section = page.getByTestId("details-panel").getByTestId("lattice-details");
  await expect(section.getByTestId("access-logs-none")).toBeVisible();
  await expect(section.getByTestId("listener-rules")).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/details-access-logs.png` });
});
