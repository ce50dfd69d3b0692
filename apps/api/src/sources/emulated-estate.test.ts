/**
 * The emulator's estate as a source when its scenario changes behind the API: a console started on the field report
 * (no estate), whose emulator is then reset to the `estate` scenario, offers `estate:emulator` when asked for it.
 */
import type { SourcesResponse } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/app.js";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
}, 30_000);
afterAll(() => t.close());

describe("estate:emulator after the emulator is reset to the estate", () => {
  it("is unknown while the emulator holds no estate, then found once it does", async () => {
    const before = (await t.request({ method: "GET", url: "/api/sources" })).json<SourcesResponse>();
    expect(before.sources.map((s) => s.id)).not.toContain("estate:emulator");
    const unknown = await t.request({ method: "GET", url: "/api/topology?source=estate:emulator" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: "UNKNOWN_SOURCE", field: "source" } });

    await t.control("POST", "/_emulator/reset", { scenario: "estate" });
    const response = await t.request({ method: "GET", url: "/api/topology?source=estate:emulator" });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().estate?.accounts.length).toBeGreaterThan(1);
    const after = (await t.request({ method: "GET", url: "/api/sources" })).json<SourcesResponse>();
    expect(after.sources.map((s) => s.id)).toContain("estate:emulator");
  }, 60_000);
});
