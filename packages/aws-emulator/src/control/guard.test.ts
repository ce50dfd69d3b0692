/** The control API's Host/Origin rules over real HTTP (node:http, which can set Host and Origin). */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../testing/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ scenario: "field-report" });
});
afterAll(() => h.close());

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: string }> {
  const url = new URL(h.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const port = () => new URL(h.url).port;
const FAULT = JSON.stringify([{ service: "ec2", operation: "DescribeVpcs", error: { code: "AccessDenied" } }]);

describe("the control API's door rules", () => {
  it("answers loopback Host names", async () => {
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, "127.0.0.1"]) {
      expect((await send("GET", "/_emulator/health", { host })).status, host).toBe(200);
    }
  });

  it("refuses another Host name (DNS rebinding), for reads and writes", async () => {
    const read = await send("GET", "/_emulator/state", { host: `evil.example:${port()}` });
    expect(read.status).toBe(403);
    expect(JSON.parse(read.body).message).toMatch(/loopback/);
    const write = await send(
      "POST",
      "/_emulator/faults",
      { host: `evil.example:${port()}`, "content-type": "application/json" },
      FAULT,
    );
    expect(write.status).toBe(403);
    expect((await h.control("GET", "/_emulator/faults")).body).toEqual([]);
  });

  it("refuses cross-site and cross-origin requests, and text/plain bodies", async () => {
    const host = `127.0.0.1:${port()}`;
    const crossSite = await send(
      "POST",
      "/_emulator/faults",
      { host, "sec-fetch-site": "cross-site", "content-type": "application/json" },
      FAULT,
    );
    expect(crossSite.status).toBe(403);
    const foreignOrigin = await send(
      "POST",
      "/_emulator/faults",
      { host, origin: "https://evil.example", "content-type": "application/json" },
      FAULT,
    );
    expect(foreignOrigin.status).toBe(403);
    const plain = await send("POST", "/_emulator/faults", { host, "content-type": "text/plain" }, FAULT);
    expect(plain.status).toBe(415);
    const form = await send(
      "POST",
      "/_emulator/reset",
      { host, "content-type": "application/x-www-form-urlencoded" },
      "scenario=empty",
    );
    expect(form.status).toBe(415);
    expect((await h.control("GET", "/_emulator/faults")).body).toEqual([]);
  });

  it("accepts JSON from its own origin, and empty control posts", async () => {
    const host = `127.0.0.1:${port()}`;
    const ok = await send(
      "POST",
      "/_emulator/faults",
      { host, origin: `http://${host}`, "content-type": "application/json" },
      FAULT,
    );
    expect(ok.status).toBe(200);
    expect((await send("DELETE", "/_emulator/faults", { host })).status).toBe(200);
    expect((await h.control("GET", "/_emulator/faults")).body).toEqual([]);
  });

  it("leaves the AWS endpoints alone (the SDK's form posts)", async () => {
    expect((await h.control("GET", "/_emulator/health")).status).toBe(200);
    const vpcs = await send(
      "POST",
      "/",
      {
        host: `127.0.0.1:${port()}`,
        "content-type": "application/x-www-form-urlencoded",
        authorization:
          "AWS4-HMAC-SHA256 Credential=test/20260101/ap-northeast-1/ec2/aws4_request, SignedHeaders=host, Signature=x",
      },
      "Action=DescribeVpcs&Version=2016-11-15",
    );
    expect(vpcs.status).toBe(200);
  });
});
