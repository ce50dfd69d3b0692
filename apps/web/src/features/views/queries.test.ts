import type { Topology } from "@lattice-atlas/shared";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../lib/api-error";
import { CSRF_HEADER } from "../../lib/http";
import { fetchConnectAnswer } from "../connect/api";
import fieldReport from "../topology/fixtures/field-report.json";
import { topologyKeys, topologyQuery } from "../topology/queries";
import { snapshotTarget } from "../topology/target";
import { deleteView, importSnapshotFile, renameSnapshot } from "./api";
import { snapshotKeys, snapshotQuery } from "./queries";

const topology = fieldReport as unknown as Topology;
const meta = {
  id: "s012345678",
  name: "before the change",
  url: "/s/s012345678",
  takenAt: "2026-11-29T08:00:00.000Z",
  source: topology.source,
  accountId: topology.accountId,
  region: topology.region,
  state: "source=emulator&region=ap-northeast-1&panel=connect&from=vpc-0a03953771bed5895",
  nodes: topology.nodes.length,
  edges: topology.edges.length,
  bytes: 12345,
};

function stubFetch(answer: (url: string, init: RequestInit) => Response) {
  const fetch = vi.fn(async (url: string, init: RequestInit) => answer(url, init));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

afterEach(() => vi.unstubAllGlobals());

describe("a snapshot reads its frozen data, never the live source", () => {
  it("opens once: the snapshot query also fills the topology of the snapshot's target", async () => {
    const fetch = stubFetch(() => json({ meta, topology }));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const snapshot = await client.fetchQuery(snapshotQuery(meta.id));
    expect(snapshot.meta.id).toBe(meta.id);
    const target = snapshotTarget(meta.id, meta.region);
    expect(client.getQueryData(topologyKeys.graph(target))).toEqual(topology);
    // The diagram's query finds it: no second download.
    await client.fetchQuery(topologyQuery(target));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toBe("/api/snapshots/s012345678");
    expect(client.getQueryData(snapshotKeys.detail(meta.id))).toBe(snapshot);
  });

  it("reads the topology and connect answers from /api/snapshots/<id>/…", async () => {
    const fetch = stubFetch((url) => (url.includes("/connect") ? json({ from: {} }) : json({ meta, topology })));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const target = snapshotTarget(meta.id, meta.region);
    expect(await client.fetchQuery(topologyQuery(target))).toEqual(topology);
    await fetchConnectAnswer(target, "vpc-0a03953771bed5895");
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([
      "/api/snapshots/s012345678",
      "/api/snapshots/s012345678/connect?from=vpc-0a03953771bed5895",
    ]);
  });

  it("keeps a snapshot's topology apart from the live source's", () => {
    expect(topologyKeys.graph(snapshotTarget(meta.id, meta.region))).not.toEqual(
      topologyKeys.graph({ source: "emulator", region: meta.region }),
    );
  });
});

describe("changes to views and snapshots", () => {
  it("renames with PATCH and deletes with DELETE (204, nothing to parse), with the CSRF header", async () => {
    const fetch = stubFetch((_url, init) =>
      init.method === "DELETE" ? new Response(null, { status: 204 }) : json(meta),
    );
    await expect(renameSnapshot(meta.id, "after")).resolves.toMatchObject({ id: meta.id });
    await expect(deleteView("vabc123xyz")).resolves.toBeUndefined();
    const [renameUrl, renameInit] = fetch.mock.calls[0]!;
    expect(renameUrl).toBe("/api/snapshots/s012345678");
    expect(renameInit.method).toBe("PATCH");
    expect(renameInit.body).toBe('{"name":"after"}');
    const [deleteUrl, deleteInit] = fetch.mock.calls[1]!;
    expect(deleteUrl).toBe("/api/views/vabc123xyz");
    expect(deleteInit.method).toBe("DELETE");
    expect((deleteInit.headers as Record<string, string>)[CSRF_HEADER]).toBe("1");
  });

  it("sends a snapshot file's text as it is, and reads the server's words about a bad one", async () => {
    const fetch = stubFetch(() =>
      json(
        {
          error: {
            code: "VALIDATION",
            field: "file",
            message: "This file is not JSON (Unexpected token); a snapshot file is the JSON a snapshot download gives.",
          },
        },
        400,
      ),
    );
    const error = await importSnapshotFile("{ not json").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "VALIDATION", field: "file", status: 400 });
    expect((error as ApiError).message).toContain("not JSON");
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/snapshots/import");
    expect(init.method).toBe("POST");
    expect(init.body).toBe("{ not json");
    expect((init.headers as Record<string, string>)[CSRF_HEADER]).toBe("1");
  });
});
