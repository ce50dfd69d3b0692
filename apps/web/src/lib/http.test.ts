import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error";
import { CSRF_HEADER, getJson, postJson, requestHeaders } from "./http";

afterEach(() => vi.unstubAllGlobals());

describe("http", () => {
  it("sends the CSRF header on every change, never on reads", () => {
    expect(requestHeaders("GET", false)[CSRF_HEADER]).toBeUndefined();
    expect(requestHeaders("POST", true)).toMatchObject({ [CSRF_HEADER]: "1", "content-type": "application/json" });
    expect(requestHeaders("DELETE", false)[CSRF_HEADER]).toBe("1");
  });

  it("posts JSON with the header, and reads errors with their AWS detail", async () => {
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            error: {
              code: "QUOTA_EXCEEDED",
              message: "CreateServiceNetworkVpcAssociation hit a service quota (L-1234ABCD).",
              hint: "Ask for more in Service Quotas.",
              quotaCode: "L-1234ABCD",
            },
          }),
          { status: 409 },
        ),
    );
    vi.stubGlobal("fetch", fetch);
    const error = await postJson("/api/actions/execute", { a: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "QUOTA_EXCEEDED", status: 409, quotaCode: "L-1234ABCD" });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/actions/execute");
    expect(init.method).toBe("POST");
    expect(init.body).toBe('{"a":1}');
    expect((init.headers as Record<string, string>)[CSRF_HEADER]).toBe("1");
  });

  it("GETs without a body or the header", async () => {
    const fetch = vi.fn(async () => new Response("{}", { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    await getJson("/api/audit", { limit: 25, before: undefined });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/audit?limit=25");
    expect(init.method).toBe("GET");
    expect(init.body).toBeUndefined();
  });
});
