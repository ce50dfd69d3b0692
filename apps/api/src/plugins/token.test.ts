import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ scenario: "empty", app: { host: "0.0.0.0", token: "s3cret-token-value" } });
});
afterAll(() => t.close());

describe("bound beyond loopback: the token is required", () => {
  it("refuses requests without it", async () => {
    const response = await t.request({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("TOKEN_REQUIRED");
  });

  it("accepts it as a bearer header, and as ?token= once, which sets an HttpOnly SameSite cookie", async () => {
    expect(
      (await t.request({ method: "GET", url: "/api/health", headers: { authorization: "Bearer s3cret-token-value" } }))
        .statusCode,
    ).toBe(200);
    const first = await t.request({ method: "GET", url: "/api/health?token=s3cret-token-value" });
    expect(first.statusCode).toBe(200);
    expect(String(first.headers["set-cookie"])).toMatch(/atlas_token=.*HttpOnly; SameSite=Strict/);
    const withCookie = await t.request({
      method: "GET",
      url: "/api/health",
      headers: { cookie: "atlas_token=s3cret-token-value" },
    });
    expect(withCookie.statusCode).toBe(200);
  });

  it("refuses a wrong token of the same length", async () => {
    const response = await t.request({
      method: "GET",
      url: "/api/health",
      headers: { authorization: "Bearer s3cret-token-valuX" },
    });
    expect(response.statusCode).toBe(401);
  });
});
