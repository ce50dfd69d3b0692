import type { ConnectAnswer, Topology } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/app.js";

let t: TestApp;
let topology: Topology;

beforeAll(async () => {
  t = await startTestApp({ scenario: "custom-domains" });
  topology = (await t.request({ method: "GET", url: "/api/topology" })).json();
});
afterAll(() => t.close());

describe("explore", () => {
  it("dumps", async () => {
    const vpc = (name: string) => topology.nodes.find((n) => n.kind === "vpc" && n.label === name)!.id;
    const out: Record<string, unknown> = { warnings: topology.warnings, calls: await t.calls() };
    for (const name of ["consumer-verified-only", "consumer-all-domains", "consumer-no-private-dns"]) {
      out[name] = (await t.request({ method: "GET", url: `/api/connect?from=${vpc(name)}` })).json<ConnectAnswer>();
    }
    out.vpcs = topology.nodes.filter((n) => n.kind === "vpc").map((n) => [n.label, (n.data as any).networkAcls?.length, (n.data as any).routeTables?.length]);
    out.prefixLists = (topology as any).prefixLists;
    out.domainVerifications = (topology as any).domainVerifications;
    out.configs = topology.nodes.filter((n) => n.kind === "resourceConfiguration").map((n) => n.data);
    out.services = topology.nodes.filter((n) => n.kind === "service").map((n) => n.data);
    const { writeFileSync } = await import("node:fs");
    writeFileSync("/tmp/lat/dump.json", JSON.stringify(out, null, 1));
  });
});
