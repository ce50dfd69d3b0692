/**
 * Bad and odd input at the edges of the API, through the real app: every answer is in the API's error
 * shape, names the field, and is never a 500 or a misleading storage error.
 */
import { Writable } from "node:stream";
import { SNAPSHOT_FORMAT, type Topology } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAME_ORIGIN } from "../testing/actions.js";
import { startTestApp, TEST_PORT, type TestApp } from "../testing/app.js";

const JSON_HEADERS = { ...SAME_ORIGIN, "content-type": "application/json" };
let t: TestApp;
let topology: Topology;
beforeAll(async () => {
  t = await startTestApp();
  topology = (await t.request({ method: "GET", url: "/api/topology" })).json<Topology>();
});
afterAll(() => t.close());

const errorOf = (response: { json: () => { error: { code: string; field?: string; message: string } } }) =>
  response.json().error;

describe("query parameters", () => {
  it.each(["Infinity", "1".repeat(400), "-Infinity", "NaN", "1e999", "2.5"])(
    "GET /api/audit?limit=%s is a 400 naming limit",
    async (limit) => {
      const response = await t.request({ method: "GET", url: `/api/audit?limit=${limit}` });
      expect(response.statusCode).toBe(400);
      expect(errorOf(response)).toMatchObject({ code: "VALIDATION", field: "limit" });
    },
  );

  it("GET /api/audit?before=<400 digits> is a 400 naming before", async () => {
    const response = await t.request({ method: "GET", url: `/api/audit?before=${"9".repeat(400)}` });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({ code: "VALIDATION", field: "before" });
  });

  it.each(["1", "true", "yes", "on", "TRUE", "Yes"])("refresh=%s is a refresh", async (value) => {
    const response = await t.request({ method: "GET", url: `/api/topology?refresh=${value}` });
    expect(response.statusCode).toBe(200);
    expect(response.json<Topology>().stats.cached).toBe(false);
  });

  it.each(["0", "false", "no", "off"])("refresh=%s is not", async (value) => {
    const response = await t.request({ method: "GET", url: `/api/topology?refresh=${value}` });
    expect(response.statusCode).toBe(200);
    expect(response.json<Topology>().stats.cached).toBe(true);
  });

  it("refresh=maybe is a 400 naming refresh", async () => {
    const response = await t.request({ method: "GET", url: "/api/topology?refresh=maybe" });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).field).toBe("refresh");
  });
});

describe("paths", () => {
  it("a 5 KB view id is a 414 in the API's error shape", async () => {
    const response = await t.request({ method: "GET", url: `/api/views/v${"a".repeat(5000)}` });
    expect([400, 414]).toContain(response.statusCode);
    expect(errorOf(response)).toMatchObject({ code: "URI_TOO_LONG", field: "id" });
  });

  it("malformed percent-encoding is a 400 in the API's error shape", async () => {
    const response = await t.request({ method: "GET", url: "/api/views/%E0%A4%A" });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).code).toBe("VALIDATION");
  });
});

describe("bodies", () => {
  it.each(["/api/views", "/api/snapshots", "/api/actions/plan", "/api/snapshots/import"])(
    "a text/plain body to %s is a 415",
    async (url) => {
      const response = await t.request({
        method: "POST",
        url,
        headers: { ...SAME_ORIGIN, "content-type": "text/plain" },
        payload: JSON.stringify({ name: "x", state: "" }),
      });
      expect(response.statusCode).toBe(415);
      expect(errorOf(response)).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", field: "content-type" });
    },
  );

  it("a saved view's body is limited to a few kB: 413 naming the body", async () => {
    const response = await t.request({
      method: "POST",
      url: "/api/views",
      headers: JSON_HEADERS,
      payload: JSON.stringify({ name: "big", state: "a".repeat(40_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(errorOf(response)).toMatchObject({ code: "PAYLOAD_TOO_LARGE", field: "body" });
  });
});

describe("snapshot files", () => {
  const file = (overrides: Record<string, unknown>) =>
    JSON.stringify({
      format: SNAPSHOT_FORMAT,
      version: 1,
      name: "n",
      takenAt: "2026-01-01T00:00:00Z",
      state: "",
      topology,
      ...overrides,
    });
  const open = (payload: string) =>
    t.request({ method: "POST", url: "/api/snapshots/import", headers: JSON_HEADERS, payload });

  it("a name of 1 MB is refused naming name, and not stored", async () => {
    const before = (await t.request({ method: "GET", url: "/api/snapshots" })).json().snapshots.length;
    const response = await open(file({ name: "n".repeat(1_000_000) }));
    expect(response.statusCode).toBe(413);
    expect(errorOf(response)).toMatchObject({ code: "PAYLOAD_TOO_LARGE", field: "name" });
    expect((await t.request({ method: "GET", url: "/api/snapshots" })).json().snapshots.length).toBe(before);
  });

  it("a state of 100 kB is refused naming state", async () => {
    const response = await open(file({ state: `a=${"b".repeat(100_000)}` }));
    expect(response.statusCode).toBe(413);
    expect(errorOf(response).field).toBe("state");
  });

  it("deeply nested JSON is a 400 about the file, not a storage error", async () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    const response = await open(file({ extra: "__DEEP__" }).replace('"__DEEP__"', deep));
    expect(response.statusCode).toBe(400);
    expect(errorOf(response)).toMatchObject({ code: "VALIDATION", field: "file" });
    expect(errorOf(response).message).toMatch(/nests deeper/);
    // Inside a node's data too (where the schema allows any value).
    const nested = structuredClone(topology);
    (nested.nodes[0]!.data as Record<string, unknown>).extra = "__DEEP__";
    const inNode = await open(file({ topology: nested }).replace('"__DEEP__"', deep));
    expect(inNode.statusCode).toBe(400);
    expect(errorOf(inNode).code).not.toBe("STORAGE_UNAVAILABLE");
  });

  it("a file within the limits still opens", async () => {
    const response = await open(file({ name: "n".repeat(120) }));
    expect(response.statusCode).toBe(201);
  });
});

describe("the access token", () => {
  let secured: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    secured = await startTestApp({
      emulator: t.emulator,
      app: { host: "0.0.0.0", token: "s3cret-token-value", logger: { stream } },
    });
  });
  afterAll(() => secured.close());

  it("a malformed atlas_token cookie is refused as no token (401), not a 500", async () => {
    const response = await secured.request({
      method: "GET",
      url: "/api/health",
      headers: { cookie: "atlas_token=%E0%A4%A" },
    });
    expect(response.statusCode).toBe(401);
    expect(errorOf(response).code).toBe("TOKEN_REQUIRED");
  });

  it("?token= never reaches the log", async () => {
    const response = await secured.request({ method: "GET", url: "/api/health?token=s3cret-token-value&x=1" });
    expect(response.statusCode).toBe(200);
    const log = lines.join("");
    expect(log).toContain("/api/health?token=[redacted]&x=1");
    expect(log).not.toContain("s3cret-token-value");
  });

  it("bound to all interfaces, the machine's own addresses are allowed hosts", async () => {
    const { interfaceAddresses, publicUrl } = await import("../plugins/security.js");
    // The URL the server prints for 0.0.0.0 is one the Host check lets in.
    const printed = new URL(publicUrl("0.0.0.0", TEST_PORT));
    expect(printed.hostname).not.toBe("0.0.0.0");
    const viaPrinted = await secured.request({
      method: "GET",
      url: "/api/health",
      headers: { host: printed.host, authorization: "Bearer s3cret-token-value" },
    });
    expect(viaPrinted.statusCode).toBe(200);
    for (const address of interfaceAddresses()) {
      const host = address.includes(":") ? `[${address}]:${TEST_PORT}` : `${address}:${TEST_PORT}`;
      const response = await secured.request({
        method: "GET",
        url: "/api/health",
        headers: { host, authorization: "Bearer s3cret-token-value" },
      });
      expect(response.statusCode, host).toBe(200);
    }
    const evil = await secured.request({
      method: "GET",
      url: "/api/health",
      headers: { host: "evil.example", authorization: "Bearer s3cret-token-value" },
    });
    expect(evil.statusCode).toBe(403);
  });
});

describe("GETs that spend AWS calls", () => {
  it.each([
    [{ "sec-fetch-site": "cross-site" }],
    [{ "sec-fetch-site": "same-site" }],
    [{ origin: "https://evil.example" }],
  ])("refresh=true is refused for %o", async (headers) => {
    const response = await t.request({ method: "GET", url: "/api/topology?refresh=1", headers });
    expect(response.statusCode).toBe(403);
    expect(errorOf(response)).toMatchObject({ code: "CSRF_REJECTED", field: "refresh" });
  });

  it("but not for the console itself, a typed URL, or a read from the cache", async () => {
    for (const headers of [
      { "sec-fetch-site": "same-origin" },
      { "sec-fetch-site": "none" },
      { origin: `http://127.0.0.1:${TEST_PORT}` },
    ]) {
      const response = await t.request({ method: "GET", url: "/api/topology?refresh=true", headers });
      expect(response.statusCode).toBe(200);
    }
    const cached = await t.request({
      method: "GET",
      url: "/api/topology",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(cached.statusCode).toBe(200);
  });
});
