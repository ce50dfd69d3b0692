import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ConnectAnswer, SavedView, Snapshot, SnapshotMeta, Topology } from "@lattice-atlas/shared";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { VIEWS_FILE } from "../storage/views-store.js";
import { SAME_ORIGIN } from "../testing/actions.js";
import { startTestApp, TEST_PORT, type TestApp } from "../testing/app.js";

const JSON_HEADERS = { ...SAME_ORIGIN, "content-type": "application/json" };
let t: TestApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "atlas-views-"));
  t = await startTestApp({ app: { dataDir } });
});
afterAll(() => t.close());

const post = (url: string, payload: unknown) =>
  t.request({ method: "POST", url, headers: JSON_HEADERS, payload: payload as object });

describe("saved views", () => {
  it("creates, reads, lists, renames and deletes, with a short link", async () => {
    const created = await post("/api/views", {
      name: "Pattern 3 answer",
      state: "?source=emulator&panel=connect&from=vpc-0123456789abcdef0",
    });
    expect(created.statusCode).toBe(201);
    const view = created.json<SavedView>();
    expect(view.id).toMatch(/^v[0-9a-z]{9}$/);
    expect(view.url).toBe(`/v/${view.id}`);
    expect(view.state).toBe("source=emulator&panel=connect&from=vpc-0123456789abcdef0");
    expect((await t.request({ method: "GET", url: `/api/views/${view.id}` })).json<SavedView>().name).toBe(
      "Pattern 3 answer",
    );
    const renamed = await t.request({
      method: "PATCH",
      url: `/api/views/${view.id}`,
      headers: JSON_HEADERS,
      payload: { name: "Aurora from pattern 3" },
    });
    expect(renamed.json<SavedView>().name).toBe("Aurora from pattern 3");
    expect(
      (await t.request({ method: "GET", url: "/api/views" })).json<{ views: SavedView[] }>().views.map((v) => v.id),
    ).toContain(view.id);
    expect((await t.request({ method: "DELETE", url: `/api/views/${view.id}`, headers: SAME_ORIGIN })).statusCode).toBe(
      204,
    );
    const gone = await t.request({ method: "GET", url: `/api/views/${view.id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error).toMatchObject({ code: "NOT_FOUND", field: "id" });
  });

  it("loses nothing under concurrent saves", async () => {
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => post("/api/views", { name: `view ${i}`, state: `sel=n${i}` })),
    );
    expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    const ids = new Set(responses.map((r) => r.json<SavedView>().id));
    expect(ids.size).toBe(40);
    const listed = (await t.request({ method: "GET", url: "/api/views" })).json<{ views: SavedView[] }>().views;
    expect(listed.filter((v) => v.name.startsWith("view ")).length).toBe(40);
  });

  it("answers bad input with 400 naming the field", async () => {
    expect((await post("/api/views", { name: "", state: "a=b" })).json().error.field).toBe("name");
    expect((await post("/api/views", { name: "x", state: "a=b#frag" })).json().error.field).toBe("state");
    expect((await t.request({ method: "GET", url: "/api/views/nope" })).json().error.field).toBe("id");
  });
});

describe("snapshots", () => {
  let meta: SnapshotMeta;

  it("freezes the current topology with the view", async () => {
    const response = await post("/api/snapshots", { name: "Before the change", state: "panel=connect" });
    expect(response.statusCode).toBe(201);
    meta = response.json<SnapshotMeta>();
    expect(meta).toMatchObject({
      id: expect.stringMatching(/^s[0-9a-z]{9}$/),
      url: `/s/${meta.id}`,
      region: "ap-northeast-1",
      accountId: "111122223333",
      source: { id: "emulator" },
      state: "panel=connect",
    });
    expect(meta.nodes).toBeGreaterThan(20);
    const snapshot = (await t.request({ method: "GET", url: `/api/snapshots/${meta.id}` })).json<Snapshot>();
    expect(snapshot.topology.nodes.some((n) => n.id === "snra-0258ae5ca1fffbb4a")).toBe(true);
    expect(
      (await t.request({ method: "GET", url: "/api/snapshots" })).json<{ snapshots: SnapshotMeta[] }>().snapshots[0]!
        .id,
    ).toBe(meta.id);
  });

  it("downloads as a file that opens again as a new snapshot", async () => {
    const file = await t.request({ method: "GET", url: `/api/snapshots/${meta.id}/file` });
    expect(file.headers["content-disposition"]).toMatch(
      /^attachment; filename="lattice-atlas-before-the-change\.json"$/,
    );
    const opened = await t.request({
      method: "POST",
      url: "/api/snapshots/import",
      headers: JSON_HEADERS,
      payload: file.body,
    });
    expect(opened.statusCode).toBe(201);
    const copy = opened.json<SnapshotMeta>();
    expect(copy.id).not.toBe(meta.id);
    expect(copy).toMatchObject({
      name: "Before the change",
      takenAt: meta.takenAt,
      nodes: meta.nodes,
      edges: meta.edges,
    });
  });

  it.each([
    ["not JSON", "{oops", /not JSON/],
    ["foreign JSON", JSON.stringify({ hello: "world" }), /not a Lattice Atlas snapshot/],
    ["a newer version", JSON.stringify({ format: "lattice-atlas-snapshot", version: 2 }), /version 2/],
    [
      "a damaged topology",
      JSON.stringify({
        format: "lattice-atlas-snapshot",
        version: 1,
        name: "x",
        takenAt: "t",
        state: "",
        topology: { nodes: "no" },
      }),
      /damaged/,
    ],
  ])("refuses %s with a clear message", async (_label, body, message) => {
    const response = await t.request({
      method: "POST",
      url: "/api/snapshots/import",
      headers: JSON_HEADERS,
      payload: body,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: "VALIDATION",
      field: "file",
      message: expect.stringMatching(message),
    });
  });

  it("refuses an edge to a node the file does not have", async () => {
    const snapshot = (await t.request({ method: "GET", url: `/api/snapshots/${meta.id}` })).json<Snapshot>();
    const topology: Topology = {
      ...snapshot.topology,
      edges: [
        ...snapshot.topology.edges,
        { id: "x", kind: "child", source: "a-missing-node", target: snapshot.topology.nodes[0]!.id },
      ],
    };
    const body = JSON.stringify({
      format: "lattice-atlas-snapshot",
      version: 1,
      name: "x",
      takenAt: "t",
      state: "",
      topology,
    });
    const response = await t.request({
      method: "POST",
      url: "/api/snapshots/import",
      headers: JSON_HEADERS,
      payload: body,
    });
    expect(response.json().error.message).toMatch(/a-missing-node/);
  });

  it("answers Connect from the frozen data, with the emulator gone", async () => {
    const from = (await t.request({ method: "GET", url: `/api/snapshots/${meta.id}` }))
      .json<Snapshot>()
      .topology.nodes.find((n) => n.kind === "vpc" && n.label === "consumer-sn-association-vpc")!.id;
    await t.emulator.close();
    const answer = await t.request({ method: "GET", url: `/api/snapshots/${meta.id}/connect?from=${from}` });
    expect(answer.statusCode).toBe(200);
    const writer = answer.json<ConnectAnswer>().reachable.find((r) => r.target.id === "rcfg-01158845410b9f395")!;
    expect(writer.hostnames[0]!.hostname).toBe(
      "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws",
    );
  });

  it("survives a restart of the app (same data folder)", async () => {
    const again = await buildApp({ version: "test", port: TEST_PORT, host: "127.0.0.1", dataDir });
    try {
      const listed = await again.inject({
        method: "GET",
        url: "/api/snapshots",
        headers: { host: `127.0.0.1:${TEST_PORT}` },
      });
      expect(listed.json<{ snapshots: SnapshotMeta[] }>().snapshots.map((s) => s.id)).toContain(meta.id);
    } finally {
      await again.close();
    }
  });
});

describe("a database that cannot be used", () => {
  it("a locked file: views answer 503 with what to do; the rest of the console works", async () => {
    const other = new Database(path.join(dataDir, VIEWS_FILE));
    other.exec("BEGIN EXCLUSIVE");
    try {
      const response = await post("/api/views", { name: "while locked", state: "a=b" });
      expect(response.statusCode).toBe(503);
      expect(response.json().error).toMatchObject({
        code: "STORAGE_UNAVAILABLE",
        message: expect.stringMatching(/locked by another process/),
      });
      expect((await t.request({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect((await post("/api/views", { name: "after the lock", state: "a=b" })).statusCode).toBe(201);
  });

  it("a data folder that cannot be created: views, snapshots and changes answer 503; reading AWS still works", async () => {
    const notAFolder = path.join(mkdtempSync(path.join(tmpdir(), "atlas-bad-")), "file");
    writeFileSync(notAFolder, "x");
    const app = await buildApp({
      version: "test",
      port: TEST_PORT,
      host: "127.0.0.1",
      emulatorUrl: t.emulator.url,
      dataDir: path.join(notAFolder, "sub"),
    });
    const inject = (method: "GET" | "POST", url: string, payload?: object) =>
      app.inject({
        method,
        url,
        headers: { host: `127.0.0.1:${TEST_PORT}`, ...(method === "POST" ? JSON_HEADERS : {}) },
        ...(payload ? { payload } : {}),
      });
    try {
      const view = await inject("POST", "/api/views", { name: "x", state: "a=b" });
      expect(view.statusCode).toBe(503);
      expect(view.json().error.message).toMatch(/cannot be opened/);
      expect((await inject("GET", "/api/audit")).json().error.code).toBe("STORAGE_UNAVAILABLE");
      expect((await inject("GET", "/api/health")).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe("a snapshot reproduced in the emulator", () => {
  it("gives back the same topology: ids, DNS names and Connect answers", async () => {
    const u = await startTestApp();
    try {
      const inject = (method: "GET" | "POST", url: string, payload?: object) =>
        u.request({
          method,
          url,
          ...(method === "POST" ? { headers: JSON_HEADERS } : {}),
          ...(payload ? { payload } : {}),
        });
      const original = (await inject("GET", "/api/topology")).json<Topology>();
      const meta = (await inject("POST", "/api/snapshots", { state: "panel=connect" })).json<SnapshotMeta>();
      await u.control("POST", "/_emulator/reset", {});
      expect((await inject("GET", "/api/topology?refresh=true")).json<Topology>().nodes).toHaveLength(0);

      const loaded = await inject("POST", `/api/snapshots/${meta.id}/emulate`, {});
      expect(loaded.statusCode).toBe(200);
      expect(loaded.json()).toMatchObject({
        source: "emulator",
        region: "ap-northeast-1",
        url: expect.stringContaining("panel=connect"),
      });
      const again = (await inject("GET", "/api/topology")).json<Topology>();
      const ids = (t: Topology) => t.nodes.map((n) => n.id).sort();
      expect(ids(again)).toEqual(ids(original));
      const from = original.nodes.find((n) => n.kind === "vpc" && n.label === "consumer-sn-association-vpc")!.id;
      const answer = (await inject("GET", `/api/connect?from=${from}`)).json<ConnectAnswer>();
      expect(answer.reachable.find((r) => r.target.id === "rcfg-01158845410b9f395")!.hostnames[0]!.hostname).toBe(
        "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws",
      );
    } finally {
      await u.close();
    }
  });
});
