/**
 * The `custom-domains` scenario over HTTP, through the real SDK clients against the emulator: discovery reads
 * network ACLs, route tables, the prefix list security-group rules name, domain verifications and auth policy
 * text; Connect shows a custom name working from one VPC and not from another, with the reason and the fix;
 * the NACL that denies PostgreSQL fails hop 8; a denied read leaves hop 8 "cannot tell" and names the read.
 */
import { CreateAccessLogSubscriptionCommand, CreateRuleCommand, VPCLatticeClient } from "@aws-sdk/client-vpc-lattice";
import type { AnalyzeAnswer, ConnectAnswer, LatticeDetails, Topology } from "@lattice-atlas/shared";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SAME_ORIGIN } from "../testing/actions.js";
import { startTestApp, type TestApp } from "../testing/app.js";

let t: TestApp;
let topology: Topology;
const node = (kind: string, label: string) => topology.nodes.find((n) => n.kind === kind && n.label === label)!;
const vpc = (name: string): string => node("vpc", name).id;
const connect = async (app: TestApp, from: string) =>
  (await app.request({ method: "GET", url: `/api/connect?from=${from}` })).json<ConnectAnswer>();
const analyze = async (app: TestApp, body: Record<string, unknown>) =>
  (
    await app.request({
      method: "POST",
      url: "/api/analyze",
      headers: { ...SAME_ORIGIN, "content-type": "application/json" },
      payload: body,
    })
  ).json<AnalyzeAnswer>();

beforeAll(async () => {
  t = await startTestApp({ scenario: "custom-domains" });
  topology = (await t.request({ method: "GET", url: "/api/topology" })).json();
});
afterEach(() => t.control("DELETE", "/_emulator/faults"));
afterAll(() => t.close());

describe("discovery on custom-domains", () => {
  it("reads the new parts of the picture with one call each, and no warning", async () => {
    expect(topology.warnings).toEqual([]);
    const consumer = node("vpc", "consumer-verified-only").data as { networkAcls?: unknown[]; routeTables?: unknown[] };
    expect(consumer.networkAcls).toHaveLength(2);
    expect(consumer.routeTables!.length).toBeGreaterThan(0);
    expect(topology.prefixLists).toEqual([
      expect.objectContaining({ name: "com.amazonaws.ap-northeast-1.vpc-lattice", cidrs: expect.any(Array) }),
    ]);
    const verifications = Object.fromEntries(topology.domainVerifications!.map((v) => [v.domainName, v]));
    expect(verifications["example.com"]!.status).toBe("VERIFIED");
    expect(verifications["unverified.example.org"]).toMatchObject({ status: "PENDING", txtName: expect.any(String) });
    expect(
      (node("resourceConfiguration", "legacy-db").data as { domainVerification?: { status: string } })
        .domainVerification?.status,
    ).toBe("PENDING");
    expect((node("resourceConfiguration", "events-connection").data as { amazonManaged: boolean }).amazonManaged).toBe(
      true,
    );
    const calls = await t.calls();
    for (const op of [
      "ec2:DescribeNetworkAcls",
      "ec2:DescribeRouteTables",
      "ec2:DescribeManagedPrefixLists",
      "vpc-lattice:ListDomainVerifications",
    ])
      expect(calls[op], op).toBe(1);
  });
});

describe("Connect on custom-domains", () => {
  it("the unverified custom name works from the ALL_DOMAINS VPC, not from the VERIFIED_DOMAINS_ONLY one, with why and the fix", async () => {
    const all = await connect(t, vpc("consumer-all-domains"));
    const allRow = all.reachable.find((r) => r.target.name === "legacy-db")!;
    expect(allRow.hostnames.map((h) => h.hostname)).toContain("legacy-db.unverified.example.org");

    const only = await connect(t, vpc("consumer-verified-only"));
    const onlyRow = only.reachable.find((r) => r.target.name === "legacy-db")!;
    expect(onlyRow.hostnames.map((h) => h.hostname)).not.toContain("legacy-db.unverified.example.org");
    const refused = onlyRow.notWorking.find((h) => h.hostname === "legacy-db.unverified.example.org")!;
    expect(refused.reason).toContain("VERIFIED_DOMAINS_ONLY admits only verified domains");
    expect(refused.reason).toMatch(/create the TXT record _\w+/);
    expect(refused.fix!.action).toMatchObject({
      type: "update-vpc-association-dns",
      dnsOptions: { privateDnsSpecifiedDomains: ["legacy-db.unverified.example.org"] },
    });
  });

  it("the verified custom name works from both VPCs", async () => {
    for (const name of ["consumer-all-domains", "consumer-verified-only"]) {
      const row = (await connect(t, vpc(name))).reachable.find((r) => r.target.name === "orders-db")!;
      expect(
        row.hostnames.map((h) => h.hostname),
        name,
      ).toContain("orders-db.example.com");
    }
  });

  it("the NACL that denies PostgreSQL out of a client subnet fails hop 8, with its fix", async () => {
    const answer = await analyze(t, {
      from: { vpc: vpc("consumer-verified-only") },
      to: node("resourceConfiguration", "orders-db").id,
    });
    expect(answer.verdict).toBe("not-reachable");
    const failing = answer.hops.find((h) => h.status === "fail")!;
    expect(failing.step).toBe(8);
    expect(failing.detail).toContain("rule 90: DENY TCP 5432");
    expect(failing.fix!.text).toContain("outbound ALLOW for TCP 5432");
    // The other consumer has no such ACL.
    const clear = await analyze(t, {
      from: { vpc: vpc("consumer-all-domains") },
      to: node("resourceConfiguration", "orders-db").id,
    });
    expect(clear.verdict).toBe("reachable");
  });

  it("DescribeNetworkAcls denied: a partial picture with a warning, and hop 8 cannot tell, naming the read", async () => {
    await t.control("POST", "/_emulator/faults", [
      { service: "ec2", operation: "DescribeNetworkAcls", error: { code: "UnauthorizedOperation", statusCode: 403 } },
    ]);
    const fresh = await startTestApp({ emulator: t.emulator });
    try {
      const picture = (await fresh.request({ method: "GET", url: "/api/topology" })).json<Topology>();
      expect(picture.warnings.map((w) => [w.operation, w.code])).toEqual([["DescribeNetworkAcls", "AccessDenied"]]);
      expect(picture.nodes.length).toBe(topology.nodes.length);
      const answer = await analyze(fresh, {
        from: { vpc: vpc("consumer-verified-only") },
        to: node("resourceConfiguration", "orders-db").id,
      });
      expect(answer.verdict).toBe("unknown");
      const hop8 = answer.hops.find((h) => h.step === 8)!;
      expect(hop8.status).toBe("unknown");
      expect(hop8.unread).toEqual(["ec2:DescribeNetworkAcls (AccessDenied)"]);
    } finally {
      await fresh.close();
    }
  });
});

describe("GET /api/lattice-details: access logs and listener rules, read on demand", () => {
  it("a service's access log destination and its listener's rules (default last), created through the SDK", async () => {
    const lattice = new VPCLatticeClient({
      region: "ap-northeast-1",
      endpoint: t.emulator.url,
      credentials: { accessKeyId: "test", secretAccessKey: "test" },
      maxAttempts: 1,
    });
    const payments = node("service", "payments");
    const data = payments.data as { arn: string; listeners: Array<{ id: string }> };
    const bucket = "arn:aws:s3:::payments-access-logs";
    await lattice.send(
      new CreateAccessLogSubscriptionCommand({ resourceIdentifier: data.arn, destinationArn: bucket }),
    );
    await lattice.send(
      new CreateRuleCommand({
        serviceIdentifier: data.arn,
        listenerIdentifier: data.listeners[0]!.id,
        name: "refunds",
        priority: 10,
        match: { httpMatch: { pathMatch: { match: { prefix: "/refunds" } } } },
        action: { fixedResponse: { statusCode: 404 } },
      }),
    );
    lattice.destroy();
    await t.control("DELETE", "/_emulator/stats");
    const response = await t.request({ method: "GET", url: `/api/lattice-details?id=${payments.id}` });
    expect(response.statusCode).toBe(200);
    const details = response.json<LatticeDetails>();
    expect(details.warnings).toEqual([]);
    expect(details.accessLogs).toEqual([expect.objectContaining({ destinationArn: bucket })]);
    expect(details.listeners![0]!.rules!.map((r) => [r.name, r.isDefault])).toEqual([
      ["refunds", false],
      [expect.any(String), true],
    ]);
    const calls = await t.calls();
    expect(calls["vpc-lattice:ListAccessLogSubscriptions"]).toBe(1);
    expect(calls["vpc-lattice:ListRules"]).toBe(1);
  });

  it("ListRules denied: the access logs still come, and a warning names the read", async () => {
    await t.control("POST", "/_emulator/faults", [
      { service: "vpc-lattice", operation: "ListRules", error: { code: "AccessDeniedException", statusCode: 403 } },
    ]);
    const payments = node("service", "payments");
    const details = (
      await t.request({ method: "GET", url: `/api/lattice-details?id=${payments.id}` })
    ).json<LatticeDetails>();
    expect(details.warnings.map((w) => [w.operation, w.code, w.iamAction])).toEqual([
      ["ListRules", "AccessDenied", "vpc-lattice:ListRules"],
    ]);
    expect(details.accessLogs).toBeDefined();
    expect(details.listeners![0]!.rules).toBeUndefined();
  });

  it("a VPC is not something with access logs: 404 naming the field", async () => {
    const response = await t.request({ method: "GET", url: `/api/lattice-details?id=${vpc("consumer-all-domains")}` });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: "NOT_FOUND", field: "id" } });
  });
});
