import type { ConnectAnswer, SourcesResponse, Topology } from "@lattice-atlas/shared";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/app.js";

const WRITER_SNRA = "snra-0258ae5ca1fffbb4a.rcfg-01158845410b9f395.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const READER_SNRA = "snra-0293fb8b823d3c65c.rcfg-0ba7ebc5ff6368de5.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const WRITER_HOST = "zenn-aurora-serverless-dev.cluster-cne2k6gawkmf.ap-northeast-1.rds.amazonaws.com";
const SERVICE_HOST = "zenn-vpc-lattice-service-dev-0a836c24f4bc2c8ea.7d67968.vpc-lattice-svcs.ap-northeast-1.on.aws";

let t: TestApp;
let topology: Topology;
const vpcNamed = (name: string): string => topology.nodes.find((n) => n.kind === "vpc" && n.label === name)!.id;

beforeAll(async () => {
  t = await startTestApp();
  topology = (await t.request({ method: "GET", url: "/api/topology" })).json();
});
afterAll(() => t.close());

describe("GET /api/health and /api/sources", () => {
  it("reports the embedded emulator", async () => {
    const response = await t.request({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: "ok", emulator: { url: t.emulator.url } });
  });

  it("lists the emulator with the account behind it and never a secret", async () => {
    const response = await t.request({ method: "GET", url: "/api/sources" });
    const body = response.json<SourcesResponse>();
    expect(body.defaultSource).toBe("emulator");
    expect(body.sources[0]).toMatchObject({
      id: "emulator",
      accountId: "111122223333",
      status: "ok",
      mutationsAllowed: true,
    });
    expect(response.body).not.toMatch(/secret|atlas-emulator|aws_secret_access_key/i);
  });
});

describe("GET /api/topology on the field-report scenario", () => {
  it("returns the whole chain as one graph with stats and no warnings", () => {
    const kinds = new Set(topology.nodes.map((n) => n.kind));
    for (const kind of [
      "vpc",
      "securityGroup",
      "vpcEndpoint",
      "serviceNetwork",
      "vpcAssociation",
      "resourceAssociation",
      "serviceAssociation",
      "resourceGateway",
      "resourceConfiguration",
      "dbCluster",
      "dbEndpoint",
      "service",
      "targetGroup",
      "target",
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    expect(topology.warnings).toEqual([]);
    expect(topology.accountId).toBe("111122223333");
    expect(topology.stats.totalCalls).toBeGreaterThan(10);
    expect(topology.stats.calls["vpc-lattice:ListServiceNetworks"]).toBe(1);
    const writer = topology.nodes.find((n) => n.id === "snra-0258ae5ca1fffbb4a");
    expect(writer?.kind === "resourceAssociation" && writer.data.dnsName).toBe(WRITER_SNRA);
    // Edges connect real nodes only.
    const ids = new Set(topology.nodes.map((n) => n.id));
    expect(topology.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it("answers from the cache until asked to refresh", async () => {
    const before = await t.calls();
    const cached = (await t.request({ method: "GET", url: "/api/topology" })).json<Topology>();
    expect(cached.stats.cached).toBe(true);
    expect(await t.calls()).toEqual(before);
    const fresh = (await t.request({ method: "GET", url: "/api/topology?refresh=true" })).json<Topology>();
    expect(fresh.stats.cached).toBe(false);
    // Nothing changed: configuration and VPC-association details are reused, not re-read.
    expect(fresh.stats.reused).toBeGreaterThanOrEqual(4);
    expect(fresh.stats.calls["vpc-lattice:GetResourceConfiguration"]).toBeUndefined();
    expect(fresh.stats.totalCalls).toBeLessThan(topology.stats.totalCalls);
  });
});

describe("GET /api/connect: the field report's answers", () => {
  it("from the pattern-3 VPC: the writer and reader snra-… names, port 5432, and the native writer name flagged", async () => {
    const response = await t.request({
      method: "GET",
      url: `/api/connect?from=${vpcNamed("consumer-sn-association-vpc")}`,
    });
    expect(response.statusCode).toBe(200);
    const answer = response.json<ConnectAnswer>();
    expect(answer.entryPoints.map((e) => e.pattern)).toEqual(["service-network-association"]);
    const writer = answer.reachable.find((r) => r.target.id === "rcfg-01158845410b9f395")!;
    expect(writer.hostnames).toEqual([
      expect.objectContaining({
        hostname: WRITER_SNRA,
        works: true,
        port: 5432,
        pattern: "service-network-association",
        command: `psql -h ${WRITER_SNRA} -p 5432 -U postgres`,
      }),
    ]);
    expect(writer.notWorking).toEqual([
      expect.objectContaining({ hostname: WRITER_HOST, works: false, resolvesTo: ["10.0.143.144"] }),
    ]);
    expect(writer.notWorking[0]!.reason).toMatch(/private DNS off/);
    // What resolves to what: the native name (not the snra-… one) to the cluster's own address.
    expect(writer.notWorking[0]!.reason).toMatch(
      /Here zenn-aurora-serverless-dev\.cluster-[a-z0-9]+\.ap-northeast-1\.rds\.amazonaws\.com resolves to 10\.0\.143\.144, the resource's own address in provider-vpc/,
    );
    expect(writer.notWorking[0]!.reason).toMatch(
      /Use snra-\S+ instead: from consumer-sn-association-vpc it resolves to an address of the VPC association/,
    );
    const reader = answer.reachable.find((r) => r.target.id === "rcfg-0ba7ebc5ff6368de5")!;
    expect(reader.hostnames.map((h) => h.hostname)).toEqual([READER_SNRA]);
    const service = answer.reachable.find((r) => r.target.kind === "service")!;
    expect(service.hostnames).toEqual([
      expect.objectContaining({ hostname: SERVICE_HOST, command: `curl https://${SERVICE_HOST}` }),
    ]);
  });

  it("from the Resource-endpoint VPC: the native writer name works through private DNS, and the vpce-… names are listed", async () => {
    const answer = (
      await t.request({ method: "GET", url: `/api/connect?from=${vpcNamed("consumer-resource-endpoint-vpc")}` })
    ).json<ConnectAnswer>();
    const writer = answer.reachable.find((r) => r.target.id === "rcfg-01158845410b9f395")!;
    const names = writer.hostnames.map((h) => [h.hostname, h.pattern, h.privateDns]);
    expect(names).toContainEqual([WRITER_HOST, "resource-endpoint", true]);
    expect(
      writer.hostnames.some((h) =>
        /^vpce-[0-9a-f]{17}-snra-[0-9a-f]{17}\.rcfg-01158845410b9f395\.4232ccc\.vpc-lattice-rsc\.ap-northeast-1\.on\.aws$/.test(
          h.hostname,
        ),
      ),
    ).toBe(true);
    // The association's snra-… name is for associated VPCs only.
    expect(writer.notWorking.map((h) => h.hostname)).toContain(WRITER_SNRA);
    // The Lattice service is not reachable through a Resource endpoint.
    expect(answer.unreachable.map((u) => u.target.kind)).toContain("service");
  });

  it("from the ServiceNetwork-endpoint VPC: native name via private DNS, vpce-…-snra-… names, and the service's vpce-…-snsa-… name", async () => {
    const answer = (
      await t.request({ method: "GET", url: `/api/connect?from=${vpcNamed("consumer-sn-endpoint-vpc")}` })
    ).json<ConnectAnswer>();
    const writer = answer.reachable.find((r) => r.target.id === "rcfg-01158845410b9f395")!;
    expect(writer.hostnames.map((h) => h.hostname)).toEqual([
      expect.stringMatching(new RegExp(`^vpce-[0-9a-f]{17}-${WRITER_SNRA.replace(/\./g, "\\.")}$`)),
      WRITER_HOST,
    ]);
    const service = answer.reachable.find((r) => r.target.kind === "service")!;
    expect(service.hostnames[0]!.hostname).toMatch(
      /^vpce-[0-9a-f]{17}-snsa-[0-9a-f]{17}\.7d67968\.vpc-lattice-svcs\.ap-northeast-1\.on\.aws$/,
    );
    expect(service.notWorking.map((h) => h.hostname)).toEqual([SERVICE_HOST]);
  });

  it("narrows to one target with `to` (id or ARN); a parent configuration brings its children", async () => {
    const from = vpcNamed("consumer-sn-association-vpc");
    const parent = (
      await t.request({ method: "GET", url: `/api/connect?from=${from}&to=rcfg-0d3f5b7a9c1e2f486` })
    ).json<ConnectAnswer>();
    expect(parent.reachable.map((r) => r.target.id).sort()).toEqual([
      "rcfg-01158845410b9f395",
      "rcfg-0ba7ebc5ff6368de5",
    ]);
    const byArn = await t.request({
      method: "GET",
      url: `/api/connect?from=${from}&to=arn:aws:vpc-lattice:ap-northeast-1:111122223333:service/svc-0a836c24f4bc2c8ea`,
    });
    expect(byArn.json<ConnectAnswer>().reachable.map((r) => r.target.id)).toEqual(["svc-0a836c24f4bc2c8ea"]);
  });
});

describe("bad input: 400 naming the field, and no AWS call made", () => {
  let before: Record<string, number>;
  beforeEach(async () => {
    before = await t.calls();
  });

  it.each([
    ["/api/topology?source=nope", "source", "VALIDATION"],
    ["/api/topology?source=profile:nobody", "source", "UNKNOWN_SOURCE"],
    ["/api/topology?region=mars-1", "region", "VALIDATION"],
    ["/api/topology?region=xx-north-9", "region", "UNKNOWN_REGION"],
    ["/api/connect", "from", "VALIDATION"],
    ["/api/connect?from=vpc-1", "from", "VALIDATION"],
    ["/api/connect?from=vpc-0123456789abcdef0&to=%20bad%20", "to", "VALIDATION"],
  ])("%s → 400 on %s", async (url, field, code) => {
    const response = await t.request({ method: "GET", url });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code, field } });
    expect(await t.calls()).toEqual(before);
  });

  it("an unknown VPC is a 404 naming `from`", async () => {
    const response = await t.request({ method: "GET", url: "/api/connect?from=vpc-0123456789abcdef0" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: "NOT_FOUND", field: "from" } });
  });

  it("unknown API paths are JSON 404s", async () => {
    const response = await t.request({ method: "GET", url: "/api/nothing-here" });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("NOT_FOUND");
  });
});

describe("security defaults", () => {
  it("refuses a Host outside the allow-list (DNS rebinding)", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health", headers: { host: "evil.example" } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("HOST_NOT_ALLOWED");
  });

  it("refuses a mutation without the same Origin and the console header (CSRF)", async () => {
    const crossSite = await t.request({
      method: "POST",
      url: "/api/health",
      headers: { origin: "http://evil.example" },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe("CSRF_REJECTED");
    const noHeader = await t.request({
      method: "POST",
      url: "/api/health",
      headers: { origin: "http://127.0.0.1:8080" },
    });
    expect(noHeader.json().error.code).toBe("CSRF_REJECTED");
  });

  it("sends the helmet headers without upgrade-insecure-requests", async () => {
    const response = await t.request({ method: "GET", url: "/api/health" });
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(String(response.headers["content-security-policy"])).toContain("frame-ancestors 'self'");
    expect(String(response.headers["content-security-policy"])).not.toContain("upgrade-insecure-requests");
  });

  it("serves the API docs without upgrade-insecure-requests", async () => {
    const response = await t.request({ method: "GET", url: "/api/docs/" });
    expect(response.statusCode).toBe(200);
    expect(String(response.headers["content-security-policy"])).not.toContain("upgrade-insecure-requests");
  });

  it("documents every route at /api/openapi.json", async () => {
    const spec = (await t.request({ method: "GET", url: "/api/openapi.json" })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/api/health", "/api/sources", "/api/topology", "/api/topology/events", "/api/connect"]),
    );
  });
});

describe("transport", () => {
  it("gzips a topology and answers 304 to the version the client already has", async () => {
    const first = await t.request({ method: "GET", url: "/api/topology", headers: { "accept-encoding": "gzip" } });
    expect(first.headers["content-encoding"]).toBe("gzip");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"emulator\|ap-northeast-1\|/);
    const again = await t.request({ method: "GET", url: "/api/topology", headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });
});
