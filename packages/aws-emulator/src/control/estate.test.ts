import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ESTATE_ACCOUNTS, ESTATE_EXTERNAL_ID, ESTATE_ROLE } from "../scenarios/estate.js";
import { startHarness, type Harness } from "../testing/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ scenario: "field-report" });
});
afterAll(() => h.close());

describe("GET /_emulator/estate: which estate the loaded state holds", () => {
  it("none for a single account", async () => {
    const response = await h.control("GET", "/_emulator/estate");
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
  });

  it("the estate scenario: the management account as hub, the member role, its external id, both Regions", async () => {
    expect((await h.control("POST", "/_emulator/reset", { scenario: "estate" })).status).toBe(200);
    const response = await h.control("GET", "/_emulator/estate");
    expect(response.body).toEqual({
      hubAccountId: ESTATE_ACCOUNTS.hub,
      roleName: ESTATE_ROLE,
      externalId: ESTATE_EXTERNAL_ID,
      regions: ["ap-northeast-1", "us-east-1"],
    });
  });
});
