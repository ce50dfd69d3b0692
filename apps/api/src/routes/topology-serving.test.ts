import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { Topology } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "../testing/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.request({ method: "GET", url: "/api/topology" });
});
afterAll(() => t.close());

const get = (headers: Record<string, string> = {}) =>
  t.request({ method: "GET", url: "/api/topology", headers: { "accept-encoding": "gzip", ...headers } });

describe("a cached topology is served from bytes made once per version", () => {
  it("serialises the topology once for many requests, not once per request", async () => {
    await get(); // the cached form is made on its first request
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => get()));
      const topologies = stringify.mock.calls.filter(
        ([value]) => typeof value === "object" && value !== null && "nodes" in value && "edges" in value,
      );
      expect(topologies).toHaveLength(0);
      for (const answer of answers) {
        expect(answer.statusCode).toBe(200);
        expect(answer.headers["content-encoding"]).toBe("gzip");
        expect(answer.headers.vary).toMatch(/accept-encoding/i);
      }
      const first = answers[0]!.rawPayload;
      expect(answers.every((a) => a.rawPayload.equals(first))).toBe(true);
      const topology = JSON.parse(gunzipSync(first).toString("utf8")) as Topology;
      expect(topology.stats.cached).toBe(true);
      expect(topology.nodes.length).toBeGreaterThan(20);
    } finally {
      stringify.mockRestore();
    }
  });

  it("answers brotli when asked (once it is made), plain JSON when nothing is accepted", async () => {
    await get({ "accept-encoding": "br, gzip" });
    let answer = await get({ "accept-encoding": "br, gzip" });
    for (let i = 0; i < 50 && answer.headers["content-encoding"] !== "br"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await get({ "accept-encoding": "br, gzip" });
    }
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(answer.rawPayload).toString("utf8")).nodes.length).toBeGreaterThan(20);
    const plain = await get({ "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["content-type"]).toMatch(/^application\/json/);
    expect(plain.json<Topology>().stats.cached).toBe(true);
    const refused = await get({ "accept-encoding": "gzip;q=0, br;q=0" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
  });

  it("answers 304 to If-None-Match with its ETag, in a list or weak", async () => {
    const etag = String((await get()).headers.etag);
    expect((await get({ "if-none-match": etag })).statusCode).toBe(304);
    expect((await get({ "if-none-match": `"other", W/${etag}` })).statusCode).toBe(304);
    expect((await get({ "if-none-match": '"other"' })).statusCode).toBe(200);
  });

  it("a refresh is a new version with a new ETag", async () => {
    const before = String((await get()).headers.etag);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const refreshed = await t.request({ method: "GET", url: "/api/topology?refresh=true" });
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json<Topology>().stats.cached).toBe(false);
    expect(refreshed.headers.etag).not.toBe(before);
    expect((await get({ "if-none-match": before })).statusCode).toBe(200);
  });
});
