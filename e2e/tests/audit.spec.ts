/**
 * The audit log reads by name: an association made here shows the VPC's and the service network's names beside
 * their ids; a filter narrows the log; Undo removes what a creation made, through the same guarded plan/execute
 * sheet, with a client token of its own, and the removal is logged in turn.
 */
import { randomUUID } from "node:crypto";
import { expect, test, type Page, type Request } from "@playwright/test";
import { apiPost, freshFieldReport, idOf, planReady } from "../support/stack";

const NETWORK = "zenn-service-network-dev";
const VPC = "consumer-resource-endpoint-vpc";

test.beforeEach(async ({ request }) => {
  await freshFieldReport(request);
});

function recordExecutions(
  page: Page,
): Array<{ clientToken: string; action: { type: string; associationId?: string } }> {
  const sent: Array<{ clientToken: string; action: { type: string; associationId?: string } }> = [];
  page.on("request", (r: Request) => {
    if (r.method() === "POST" && r.url().endsWith("/api/actions/execute")) sent.push(r.postDataJSON() as never);
  });
  return sent;
}

test("the audit log names what it lists, filters, and undoes an association through the guarded sheet", async ({
  page,
  request,
  baseURL,
}) => {
  const vpc = await idOf(request, "vpc", VPC);
  const network = await idOf(request, "serviceNetwork", NETWORK);
  const firstToken = randomUUID();
  const created = await apiPost(request, baseURL!, "/api/actions/execute", {
    clientToken: firstToken,
    action: { type: "associate-vpc", vpcId: vpc, serviceNetworkId: network, privateDnsEnabled: false },
  });
  expect(created.status(), await created.text()).toBe(200);
  const association = ((await created.json()) as { resource: { id: string } }).resource.id;
  expect(association).toMatch(/^snva-/);
  expect((await request.get("/api/topology?refresh=true")).ok()).toBe(true);

  const executions = recordExecutions(page);
  await page.goto("/?panel=audit");
  const panel = page.getByTestId("audit-panel");
  const entry = panel.locator(`[data-testid="audit-entry"][data-resource-id="${association}"]`);
  await expect(entry).toHaveAttribute("data-action", "associate-vpc");
  // Names beside the ids, once the topology is read.
  const names = entry.getByTestId("audit-name");
  await expect(names).toHaveCount(2);
  await expect(names.nth(0)).toHaveAttribute("data-id", vpc);
  await expect(names.nth(0)).toContainText(VPC);
  await expect(names.nth(1)).toContainText(NETWORK);
  await expect(entry.getByTestId("audit-subject")).toContainText(
    `VPC association ${VPC} ${vpc} → ${NETWORK} ${network}`,
  );

  // The filter: words of a name, of nothing, an outcome.
  const filter = panel.getByTestId("audit-filter");
  await filter.fill("no-such-thing");
  await expect(panel.getByTestId("audit-entry")).toHaveCount(0);
  // (Other specs' changes may be in the log before this one: count what was read, not a fixed number.)
  await expect(panel.getByTestId("audit-filtered")).toContainText(/0 of the \d+ entries read match/);
  await filter.fill(`${VPC} ${NETWORK}`);
  await expect(entry).toBeVisible();
  for (const shown of await panel.getByTestId("audit-entry").all()) await expect(shown).toContainText(VPC);
  await panel.getByTestId("audit-outcome").selectOption("refused");
  await expect(entry).toHaveCount(0);
  await panel.getByTestId("audit-outcome").selectOption("all");
  await filter.fill("");

  // Undo: the removal of the association, planned, confirmed, with a token of its own.
  await entry.getByTestId("audit-undo").click();
  const sheet = page.getByTestId("action-sheet");
  await expect(sheet).toBeVisible();
  await planReady(page);
  await expect(sheet).toContainText(association);
  const confirm = page.getByTestId("confirm-change");
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(sheet.getByTestId("change-progress")).toBeVisible();
  await expect.poll(() => executions.length).toBe(1);
  expect(executions[0]!.action).toEqual({ type: "remove-vpc-association", associationId: association });
  expect(executions[0]!.clientToken).not.toBe(firstToken);

  // The removal is in the log, and the association it removed offers no Undo once it is gone.
  await page.goto("/?panel=audit");
  // (Other specs may have removed associations before: this one is the removal of this association.)
  const removal = panel
    .locator('[data-testid="audit-entry"][data-action="remove-vpc-association"]')
    .filter({ hasText: association })
    .first();
  await expect(removal).toBeVisible();
  await expect(removal).toHaveAttribute("data-outcome", "succeeded");
  await expect(removal.getByTestId("audit-undo")).toHaveCount(0);
  await expect
    .poll(async () => {
      await request.get("/api/topology?refresh=true");
      await page.reload();
      await page.getByTestId("audit-entry").first().waitFor();
      return entry.getByTestId("audit-undo").count();
    })
    .toBe(0);
});
