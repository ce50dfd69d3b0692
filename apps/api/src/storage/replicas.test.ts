/**
 * Two API processes' worth of apps on one PostgreSQL (real HTTP routes through inject, a real cluster):
 * a view saved through one opens through the other, and each reports the database in /readyz.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SavedView } from "@lattice-atlas/shared";
import { SAME_ORIGIN } from "../testing/actions.js";
import { startTestApp, type TestApp } from "../testing/app.js";
import { startTestPostgres, type TestPostgres } from "../testing/postgres.js";
import { openPostgresStore, type PostgresStore } from "./postgres-store.js";

let postgres: TestPostgres | undefined;
const stores: PostgresStore[] = [];
const replicas: TestApp[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
  for (let i = 0; i < 2; i++) {
    const store = await openPostgresStore(postgres.url);
    stores.push(store);
    replicas.push(
      await startTestApp({ app: { teamStore: store }, ...(replicas[0] ? { emulator: replicas[0].emulator } : {}) }),
    );
  }
}, 60_000);
afterAll(async () => {
  await replicas[1]?.app.close();
  await replicas[0]?.close();
  await Promise.all(stores.map((s) => s.close()));
  postgres?.stop();
});

describe("two replicas on one PostgreSQL", () => {
  it("opens on one replica a view saved, renamed or deleted on the other", async () => {
    const [a, b] = replicas as [TestApp, TestApp];
    const created = await a.request({
      method: "POST",
      url: "/api/views",
      headers: { ...SAME_ORIGIN, "content-type": "application/json" },
      payload: { name: "Shared", state: "?source=emulator&panel=connect" },
    });
    expect(created.statusCode).toBe(201);
    const view = created.json<SavedView>();
    const opened = await b.request({ method: "GET", url: `/api/views/${view.id}` });
    expect(opened.statusCode).toBe(200);
    expect(opened.json<SavedView>()).toEqual(view);
    expect((await b.request({ method: "GET", url: "/api/views" })).json<{ views: SavedView[] }>().views).toEqual([
      view,
    ]);

    const deleted = await b.request({ method: "DELETE", url: `/api/views/${view.id}`, headers: SAME_ORIGIN });
    expect(deleted.statusCode).toBe(204);
    const gone = await a.request({ method: "GET", url: `/api/views/${view.id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ error: { code: "NOT_FOUND", field: "id" } });
  });

  it("reports the database in /readyz, and not ready once it stops answering", async () => {
    const ready = await replicas[0]!.request({ method: "GET", url: "/readyz" });
    expect(ready.json()).toMatchObject({ status: "ready", checks: { database: "ok" } });
    await stores[1]!.close();
    const notReady = await replicas[1]!.request({ method: "GET", url: "/readyz" });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toMatchObject({ checks: { database: "STORAGE_UNAVAILABLE", views: "ok" } });
    stores.pop();
  });
});
