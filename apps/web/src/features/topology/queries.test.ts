import type { Topology } from "@lattice-atlas/shared";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../lib/api-error";
import { connectKeys, connectQuery } from "../connect/queries";
import { healthQuery, sourceKeys, sourcesQuery } from "../sources/queries";
import fieldReport from "./fixtures/field-report.json";
import { topologyKeys, topologyQuery } from "./queries";

const tokyo = { source: "emulator", region: "ap-northeast-1" };
const virginia = { source: "emulator", region: "us-east-1" };

function respond(status: number, body: unknown): void {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("query-key factories", () => {
  it("nest keys so that a prefix invalidates exactly its subtree", () => {
    expect(topologyKeys.graph(tokyo)).toEqual(["topology", "graph", { source: "emulator", region: "ap-northeast-1" }]);
    expect(topologyKeys.graph(tokyo).slice(0, 2)).toEqual(topologyKeys.graphs());
    expect(connectKeys.answer(tokyo, "vpc-0a03953771bed5895").slice(0, 2)).toEqual(connectKeys.forTarget(tokyo));
    expect(sourceKeys.list()).toEqual(["sources", "list"]);
  });

  it("gives different targets different keys, and the same target the same key", () => {
    expect(topologyKeys.graph(tokyo)).not.toEqual(topologyKeys.graph(virginia));
    expect(topologyKeys.graph({ ...tokyo })).toEqual(topologyKeys.graph(tokyo));
    expect(connectKeys.answer(tokyo, "vpc-0a03953771bed5895")).not.toEqual(
      connectKeys.answer(tokyo, "vpc-023cb195488e7d121"),
    );
  });

  it("queryOptions carry the factory key", () => {
    expect(topologyQuery(tokyo).queryKey).toEqual(topologyKeys.graph(tokyo));
    expect(connectQuery(tokyo, "vpc-0a03953771bed5895").queryKey).toEqual(
      connectKeys.answer(tokyo, "vpc-0a03953771bed5895"),
    );
    expect(sourcesQuery().queryKey).toEqual(sourceKeys.list());
    expect(healthQuery().queryKey).toEqual(sourceKeys.health());
  });

  it("invalidating a target's connect answers leaves other targets alone", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    client.setQueryData(connectKeys.answer(tokyo, "vpc-a"), { ok: 1 });
    client.setQueryData(connectKeys.answer(virginia, "vpc-b"), { ok: 2 });
    await client.invalidateQueries({ queryKey: connectKeys.forTarget(tokyo) });
    expect(client.getQueryState(connectKeys.answer(tokyo, "vpc-a"))?.isInvalidated).toBe(true);
    expect(client.getQueryState(connectKeys.answer(virginia, "vpc-b"))?.isInvalidated).toBe(false);
  });
});

describe("queryFns", () => {
  it("ask the API for the target and return the topology", async () => {
    respond(200, fieldReport);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const topology = await client.fetchQuery(topologyQuery(tokyo));
    expect((topology as Topology).nodes.length).toBe((fieldReport as unknown as Topology).nodes.length);
    expect(vi.mocked(fetch).mock.calls[0]![0]).toBe("/api/topology?source=emulator&region=ap-northeast-1");
  });

  it("throw a typed ApiError with code, message, hint and field (never return null)", async () => {
    respond(401, {
      error: {
        code: "CREDENTIALS_MISSING",
        message: "No usable credentials for AWS (default credential chain).",
        hint: "Run aws sso login.",
        field: "source",
      },
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const failure = await client
      .fetchQuery(topologyQuery({ source: "default", region: "us-east-1" }))
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      code: "CREDENTIALS_MISSING",
      status: 401,
      hint: "Run aws sso login.",
      field: "source",
    });
  });

  it("turn an unreachable server into a NETWORK error", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await expect(client.fetchQuery(connectQuery(tokyo, "vpc-0a03953771bed5895"))).rejects.toMatchObject({
      code: "NETWORK",
    });
  });

  it("refuse an empty body rather than caching null", async () => {
    respond(200, null);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await expect(client.fetchQuery(sourcesQuery())).rejects.toMatchObject({ code: "BAD_RESPONSE" });
  });
});
