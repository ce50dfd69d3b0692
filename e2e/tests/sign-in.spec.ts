/**
 * Team mode in Chromium: the console started with --mode team against a real OpenID Connect provider
 * (`oidc-provider`, in this process on loopback). Opening the console goes to the provider's sign-in form and
 * back; the top bar shows the user and role; a viewer sees changes switched off with the reason; sign-out ends
 * the session on the server. The server reads AWS through a hub role (--assume-role-arn, a role of the embedded
 * emulator's STS), so a change is made under the user's own role session name and the audit log shows both.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { startOidcProvider, TEST_CLIENT, type RunningProvider } from "../../apps/api/src/testing/oidc-provider";
import { freePort, startServer, type RunningServer } from "../support/stack";

let provider: RunningProvider;
let server: RunningServer;
let dataDir: string;
const HUB_ROLE = { accountId: "111122223333", roleName: "AtlasTeam" };

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "atlas-e2e-team-"));
  const port = await freePort();
  const emulatorPort = await freePort();
  provider = await startOidcProvider([`http://127.0.0.1:${port}/auth/callback`]);
  const rolesFile = path.join(dataDir, "roles.yaml");
  writeFileSync(
    rolesFile,
    "groups:\n  platform-readers: viewer\n  platform-team: operator\n  platform-admins: admin\n",
  );
  server = await startServer({
    dataDir,
    port,
    emulatorPort,
    extraArgs: [
      "--assume-role-arn",
      `arn:aws:iam::${HUB_ROLE.accountId}:role/${HUB_ROLE.roleName}`,
      "--mode",
      "team",
      "--public-url",
      `http://127.0.0.1:${port}`,
      "--oidc-issuer",
      provider.issuer,
      "--oidc-client-id",
      TEST_CLIENT.id,
      "--oidc-scopes",
      "openid email profile groups",
      "--roles-file",
      rolesFile,
    ],
    env: { ATLAS_OIDC_CLIENT_SECRET: TEST_CLIENT.secret },
  });
  // The hub role, trusting the account's own credentials (the server's); read on first use, so made before any page.
  const role = await fetch(`http://127.0.0.1:${emulatorPort}/_emulator/iam/roles`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...HUB_ROLE, trustedPrincipals: [`arn:aws:iam::${HUB_ROLE.accountId}:root`] }),
  });
  expect(role.status, await role.text()).toBe(200);
});

test.afterAll(async () => {
  await server?.stop();
  await provider?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Opens the console, meets the provider's form, signs in as `user` and comes back to the drawn diagram. */
async function signIn(page: Page, user: string, at = "/"): Promise<void> {
  await page.goto(`${server.url}${at}`);
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(user);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await expect(page).toHaveURL(new RegExp(`^${server.url}/`));
  await page.getByTestId("topology-canvas").waitFor();
  await page.locator(".react-flow__node").first().waitFor();
}

test("an operator signs in through the provider and comes back to the view they opened", async ({ page }) => {
  await signIn(page, "otto", "/?panel=audit");
  await expect(page).toHaveURL(`${server.url}/?panel=audit`);
  await expect(page.getByTestId("user-badge")).toContainText("Otto Operator");
  await expect(page.getByTestId("user-role")).toHaveText("operator");
  await expect(page.getByTestId("read-only-badge")).toHaveCount(0);
  const cookies = await page.context().cookies(server.url);
  const session = cookies.find((c) => c.name === "atlas_session")!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  await page.screenshot({ path: "artifacts/screenshots/sign-in-operator.png" });
});

test("a viewer reads the diagram and is told why changes are off", async ({ page }) => {
  await signIn(page, "vera");
  await expect(page.getByTestId("user-role")).toHaveText("viewer");
  const badge = page.getByTestId("read-only-badge");
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute("title", /^Your role \(viewer\) cannot make changes — ask an operator\./);
  // The server says the same to anything that tries.
  const refused = await page.request.post(`${server.url}/api/actions/plan`, {
    headers: { origin: server.url, "x-atlas-csrf": "1" },
    data: {},
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toBe("Your role (viewer) cannot make changes — ask an operator.");
});

test("signing out ends the session on the server", async ({ page }) => {
  await signIn(page, "ada");
  await expect(page.getByTestId("user-role")).toHaveText("admin");
  await page.getByTestId("sign-out").click();
  await expect(page.getByRole("heading", { name: "You are signed out" })).toBeVisible();
  const me = await page.request.get(`${server.url}/api/me`);
  expect(me.status()).toBe(401);
});

test("a change is logged with the signed-in user and the AWS role session it was made under", async ({ page }) => {
  await signIn(page, "otto");
  const topology = (await (await page.request.get(`${server.url}/api/topology`)).json()) as {
    nodes: Array<{ id: string; kind: string; label: string }>;
  };
  const idOf = (kind: string, label: string) => topology.nodes.find((n) => n.kind === kind && n.label === label)!.id;
  const created = await page.request.post(`${server.url}/api/actions/execute`, {
    headers: { origin: server.url, "x-atlas-csrf": "1" },
    data: {
      clientToken: randomUUID(),
      action: {
        type: "associate-vpc",
        vpcId: idOf("vpc", "consumer-resource-endpoint-vpc"),
        serviceNetworkId: idOf("serviceNetwork", "zenn-service-network-dev"),
        privateDnsEnabled: false,
      },
    },
  });
  expect(created.status(), await created.text()).toBe(200);
  const association = ((await created.json()) as { resource: { id: string } }).resource.id;

  await page.goto(`${server.url}/?panel=audit`);
  const entry = page.locator(`[data-testid="audit-entry"][data-resource-id="${association}"]`);
  await expect(entry.getByTestId("audit-user")).toHaveText("otto");
  // The server's hub role (--assume-role-arn), assumed per user: CloudTrail would name atlas-otto.
  await expect(entry.getByTestId("audit-role-session")).toHaveText("atlas-otto");
});
