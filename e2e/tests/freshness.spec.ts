/**
 * Freshness and sources, on a console of its own (--refresh-after 0.05: a picture is stale after 3 s) with a
 * temporary AWS config file holding one SSO profile: the chip beside Refresh and the console's own refresh, the
 * empty Region that says where the things are, a source switch that keeps the Region, the profile in the grouped
 * picker, the credentials error's way to the picker, and no AWS console link on the emulator.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startServer, type RunningServer } from "../support/stack";

let server: RunningServer;
let folder: string;

test.beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "atlas-e2e-fresh-"));
  const config = path.join(folder, "aws-config");
  writeFileSync(
    config,
    [
      "[sso-session corp]",
      "sso_start_url = https://corp.awsapps.example/start",
      "sso_region = eu-west-1",
      "[profile e2e-sso]",
      "sso_session = corp",
      "sso_account_id = 123456789012",
      "sso_role_name = ReadOnly",
      "region = eu-west-1",
      "",
    ].join("\n"),
  );
  server = await startServer({
    dataDir: path.join(folder, "data"),
    extraArgs: ["--refresh-after", "0.05"],
    env: {
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: path.join(folder, "absent-credentials"),
      AWS_EC2_METADATA_DISABLED: "true",
    },
  });
});

test.afterAll(async () => {
  await server?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const chip = (page: Page) => page.getByTestId("freshness-chip");

test("the chip says how old the picture is, turns stale, and a stale picture is read again on load", async ({
  page,
}) => {
  await page.goto(`${server.url}/`);
  await page.locator(".react-flow__node").first().waitFor();
  await expect(chip(page)).toHaveText(/^Read (just now|\d+ min ago)/);
  await expect(chip(page)).toHaveAttribute("title", /Read from AWS at .+ Stale after 0\.05 min/);
  // Left open past the age: marked stale (no refresh by itself while open).
  await expect(chip(page)).toHaveAttribute("data-state", "stale", { timeout: 15_000 });
  await expect(chip(page)).toContainText("stale");

  // Opened again: the cached picture is drawn at once and read again in the background.
  const refreshed = page.waitForRequest((r) => r.url().includes("/api/topology?") && r.url().includes("refresh=true"));
  await page.reload();
  await refreshed;
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await expect(chip(page)).toHaveAttribute("data-state", "fresh", { timeout: 15_000 });
  await expect(chip(page)).toHaveText("Read just now");
});

test("an empty Region lists where the source holds things; a click switches there", async ({ page }) => {
  await page.goto(`${server.url}/?source=emulator&region=us-east-1`);
  await expect(page.getByTestId("empty-state")).toBeVisible();
  await expect(page.getByTestId("empty-state")).not.toContainText("field-report");
  const tokyo = page.locator('[data-testid="census-region"][data-region="ap-northeast-1"]');
  await expect(tokyo).toBeVisible({ timeout: 30_000 });
  await expect(tokyo).toContainText(/\d+ service networks?/);
  await expect(tokyo).toContainText(/resource configurations?/);
  await tokyo.click();
  await expect(page.getByTestId("region-picker")).toHaveValue("ap-northeast-1");
  await expect(page.locator('.react-flow__node[data-id="snra-0258ae5ca1fffbb4a"]')).toBeVisible();
  await expect(page).toHaveURL(/region=ap-northeast-1/);
});

test("switching source keeps the Region; the profile's credentials error leads back to the picker", async ({
  page,
}) => {
  await page.goto(`${server.url}/?source=emulator&region=us-east-1`);
  await expect(page.getByTestId("empty-state")).toBeVisible();
  const picker = page.getByTestId("source-picker");
  // Grouped, with the profile's credential kind and its problem marked.
  const profiles = picker.locator('optgroup[data-kind="profile"]');
  await expect(profiles).toHaveAttribute("label", /^Profiles from .*aws-config/);
  await expect(profiles.locator("option")).toHaveText([/^e2e-sso \(sso\) — ⚠ /]);
  await expect(picker.locator('optgroup[data-kind="emulator"] option')).toHaveCount(1);

  await picker.selectOption("profile:e2e-sso");
  // The profile names eu-west-1, but the Region on screen is kept: any AWS source can read it.
  await expect(page).toHaveURL(/source=profile%3Ae2e-sso|source=profile:e2e-sso/);
  await expect(page).toHaveURL(/region=us-east-1/);
  await expect(page.getByTestId("region-picker")).toHaveValue("us-east-1");
  await expect(page.getByTestId("region-notice")).toHaveCount(0);
  const notice = page.getByTestId("error-notice");
  await expect(notice).toHaveAttribute("data-error-code", /^CREDENTIALS_/, { timeout: 30_000 });
  await notice.getByTestId("choose-source").click();
  await expect(picker).toBeFocused();

  await picker.selectOption("emulator");
  await expect(page.getByTestId("region-picker")).toHaveValue("us-east-1");
});

test("on the emulator, details show no AWS console link, and say why", async ({ page, request }) => {
  const topology = (await (
    await request.get(`${server.url}/api/topology?source=emulator&region=ap-northeast-1`)
  ).json()) as {
    nodes: Array<{ id: string; kind: string }>;
  };
  const vpc = topology.nodes.find((n) => n.kind === "vpc")!;
  await page.goto(`${server.url}/?source=emulator&region=ap-northeast-1&sel=${vpc.id}&panel=details`);
  const details = page.getByTestId("details-panel");
  await expect(details).toBeVisible();
  await expect(details.getByTestId("console-link-emulator")).toHaveText("AWS console link (real AWS only)");
  await expect(details.getByTestId("console-link-emulator")).toHaveAttribute("title", /emulator/);
  await expect(page.getByTestId("console-link")).toHaveCount(0);
  await expect(page.getByText("AWS console ↗")).toHaveCount(0);
});
