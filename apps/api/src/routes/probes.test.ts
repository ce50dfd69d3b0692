import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, tempDataDir, type TestApp } from "../testing/app.js";

describe("liveness and readiness probes", () => {
  let healthy: TestApp;
  let broken: TestApp;
  beforeAll(async () => {
    healthy = await startTestApp();
    // A data folder that is a file: neither store can open, the process still answers.
    const file = path.join(tempDataDir(), "not-a-folder");
    writeFileSync(file, "");
    broken = await startTestApp({ app: { dataDir: file }, emulator: healthy.emulator });
  }, 30_000);
  afterAll(async () => {
    await broken.app.close();
    await healthy.close();
  });

  it("answers /healthz while the process runs, even when its stores cannot open", async () => {
    for (const t of [healthy, broken]) {
      const response = await t.request({ method: "GET", url: "/healthz" });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: "ok" });
    }
  });

  it("answers /readyz 200 when the stores answer and 503 naming the store (not its path) when one does not", async () => {
    const ready = await healthy.request({ method: "GET", url: "/readyz" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready", checks: { views: "ok", audit: "ok" } });

    const notReady = await broken.request({ method: "GET", url: "/readyz" });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toEqual({
      status: "not ready",
      checks: { views: "STORAGE_UNAVAILABLE", audit: "STORAGE_UNAVAILABLE" },
    });
    expect(notReady.body).not.toContain("not-a-folder");
  });
});
