import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { InputsBuilder } from "../testing/fixtures.js";
import { buildGraph } from "../topology/build.js";
import { GraphIndex } from "./graph-index.js";
import { answerConnect } from "./connect.js";
import { preferenceAdmits } from "./dns.js";

const index = (b: InputsBuilder): GraphIndex => {
  const graph = buildGraph(b.inputs);
  return new GraphIndex(graph.nodes, graph.edges);
};

/**
 * A general case beyond the field report: a GROUP with a DNS child (custom
 * domain) and an IP child, two service networks, private DNS off on one VPC
 * association and on (ALL_DOMAINS) on another, a SINGLE in the other network,
 * and a service with a custom domain.
 */
function generalCase(): InputsBuilder {
  return new InputsBuilder()
    .vpc("vpc-0000000000000000a", "app-a", "10.10.0.0/16")
    .vpc("vpc-0000000000000000b", "app-b", "10.20.0.0/16")
    .vpc("vpc-0000000000000000c", "app-c", "10.30.0.0/16")
    .vpc("vpc-0000000000000000d", "lonely", "10.40.0.0/16")
    .vpc("vpc-0000000000000000e", "provider", "10.0.0.0/16")
    .network("sn-0000000000000001a", "payments")
    .network("sn-0000000000000002b", "analytics")
    .gateway("rgw-0000000000000000e", "vpc-0000000000000000e")
    .configuration("rcfg-00000000000000g0", "apis", "GROUP", { gateway: "rgw-0000000000000000e" })
    .configuration("rcfg-00000000000000c1", "orders-api", "CHILD", {
      group: "rcfg-00000000000000g0",
      dns: "orders.internal.example.com",
      customDomainName: "orders.example.com",
      ports: ["443"],
    })
    .configuration("rcfg-00000000000000c2", "ledger", "CHILD", {
      group: "rcfg-00000000000000g0",
      ip: "10.0.9.9",
      ports: ["8443"],
    })
    .configuration("rcfg-00000000000000s1", "warehouse", "SINGLE", {
      gateway: "rgw-0000000000000000e",
      dns: "wh.internal.example.com",
      ports: ["5432"],
    })
    .resourceAssociation("snra-0000000000000g00", "sn-0000000000000001a", "rcfg-00000000000000g0", {
      named: false,
      privateDnsEnabled: true,
    })
    .resourceAssociation("snra-00000000000000c10", "sn-0000000000000001a", "rcfg-00000000000000c1", {
      managed: true,
      privateDnsEnabled: true,
      privateDnsName: "orders.example.com",
    })
    .resourceAssociation("snra-00000000000000c20", "sn-0000000000000001a", "rcfg-00000000000000c2", {
      managed: true,
      privateDnsEnabled: true,
    })
    .resourceAssociation("snra-00000000000000s10", "sn-0000000000000002b", "rcfg-00000000000000s1")
    .service("svc-0000000000000000f", "checkout", { customDomainName: "checkout.example.com" })
    .serviceAssociation("snsa-0000000000000000f", "sn-0000000000000001a", "svc-0000000000000000f")
    .vpcAssociation("snva-0000000000000000a", "sn-0000000000000001a", "vpc-0000000000000000a", {
      privateDnsEnabled: false,
    })
    .vpcAssociation("snva-0000000000000000b", "sn-0000000000000001a", "vpc-0000000000000000b", {
      privateDnsEnabled: true,
      preference: "ALL_DOMAINS",
    })
    .vpcAssociation("snva-0000000000000000c", "sn-0000000000000002b", "vpc-0000000000000000c", {
      privateDnsEnabled: true,
      preference: "VERIFIED_DOMAINS_ONLY",
    });
}

describe("answerConnect: general rules", () => {
  it("private DNS off on the VPC association: generated names work, the custom domain does not, with the reason", () => {
    const answer = answerConnect(index(generalCase()), "vpc-0000000000000000a");
    const orders = answer.reachable.find((r) => r.target.id === "rcfg-00000000000000c1")!;
    expect(orders.target.parentId).toBe("rcfg-00000000000000g0");
    expect(orders.hostnames.map((h) => h.hostname)).toEqual([
      "snra-00000000000000c10.rcfg-00000000000000c1.4232ccc.vpc-lattice-rsc.us-east-1.on.aws",
    ]);
    expect(orders.notWorking.map((h) => h.hostname)).toEqual(["orders.example.com", "orders.internal.example.com"]);
    expect(orders.notWorking[0]!.reason).toMatch(/private DNS off/);
    const ledger = answer.reachable.find((r) => r.target.id === "rcfg-00000000000000c2")!;
    expect(ledger.hostnames[0]).toMatchObject({
      port: 8443,
      command: expect.stringContaining("nc -vz snra-00000000000000c20"),
    });
    expect(ledger.notWorking).toEqual([]);
  });

  it("private DNS on with ALL_DOMAINS: the custom domain works too", () => {
    const answer = answerConnect(index(generalCase()), "vpc-0000000000000000b");
    const orders = answer.reachable.find((r) => r.target.id === "rcfg-00000000000000c1")!;
    expect(orders.hostnames.map((h) => [h.hostname, h.privateDns])).toEqual([
      ["snra-00000000000000c10.rcfg-00000000000000c1.4232ccc.vpc-lattice-rsc.us-east-1.on.aws", false],
      ["orders.example.com", true],
    ]);
    const checkout = answer.reachable.find((r) => r.target.id === "svc-0000000000000000f")!;
    expect(checkout.hostnames.map((h) => h.hostname)).toEqual([
      "checkout-0000000000000000f.7d67968.vpc-lattice-svcs.us-east-1.on.aws",
      "checkout.example.com",
    ]);
    expect(checkout.hostnames[1]!.command).toBe("curl https://checkout.example.com");
  });

  it("a VPC joined to another network cannot reach the first network's targets, and says how to fix it", () => {
    const answer = answerConnect(index(generalCase()), "vpc-0000000000000000c");
    expect(answer.reachable.map((r) => r.target.id)).toEqual(["rcfg-00000000000000s1"]);
    const orders = answer.unreachable.find((u) => u.target.id === "rcfg-00000000000000c1")!;
    expect(orders.reason).toMatch(/payments.*only one service network/);
    expect(orders.fix).toMatch(/ServiceNetwork-type VPC endpoint for payments/);
    expect(answer.unreachable.find((u) => u.target.id === "svc-0000000000000000f")!.fix).toMatch(
      /already associated with analytics/,
    );
  });

  it("a VPC with no way in reaches nothing and says so", () => {
    const answer = answerConnect(index(generalCase()), "vpc-0000000000000000d");
    expect(answer.reachable).toEqual([]);
    expect(answer.entryPoints).toEqual([]);
    expect(answer.notes[0]).toMatch(/nothing in VPC Lattice is reachable/);
    expect(answer.unreachable.find((u) => u.target.id === "rcfg-00000000000000s1")!.fix).toMatch(
      /Associate lonely with analytics/,
    );
  });

  it("a ServiceNetwork endpoint gives its vpce-…-snra-… rows and the private name the API reports", () => {
    const b = generalCase()
      .vpc("vpc-00000000000000e0f", "edge", "10.50.0.0/16")
      .endpoint("vpce-0000000000000e0f1", "vpc-00000000000000e0f", "ServiceNetwork", "sn-0000000000000001a", {
        rows: [
          {
            resource: "resourceconfiguration/rcfg-00000000000000c1",
            group: "rcfg-00000000000000g0",
            dnsName:
              "vpce-0000000000000e0f1-snra-00000000000000c10.rcfg-00000000000000c1.4232ccc.vpc-lattice-rsc.us-east-1.on.aws",
            privateDnsName: "orders.example.com",
          },
          {
            resource: "service/svc-0000000000000000f",
            dnsName: "vpce-0000000000000e0f1-snsa-0000000000000000f.7d67968.vpc-lattice-svcs.us-east-1.on.aws",
          },
        ],
      });
    const answer = answerConnect(index(b), "vpc-00000000000000e0f");
    const orders = answer.reachable.find((r) => r.target.id === "rcfg-00000000000000c1")!;
    expect(orders.hostnames.map((h) => [h.pattern, h.privateDns])).toEqual([
      ["service-network-endpoint", false],
      ["service-network-endpoint", true],
    ]);
    // The snra name is for associated VPCs only.
    expect(orders.notWorking.map((h) => h.hostname)).toContain(
      "snra-00000000000000c10.rcfg-00000000000000c1.4232ccc.vpc-lattice-rsc.us-east-1.on.aws",
    );
    const checkout = answer.reachable.find((r) => r.target.id === "svc-0000000000000000f")!;
    expect(checkout.notWorking.map((h) => h.hostname)).toEqual([
      "checkout-0000000000000000f.7d67968.vpc-lattice-svcs.us-east-1.on.aws",
    ]);
  });

  it("a Resource endpoint with private DNS off: its generated name works, the resource's own name does not", () => {
    const b = generalCase()
      .vpc("vpc-00000000000000f0f", "batch", "10.60.0.0/16")
      .endpoint("vpce-0000000000000f0f1", "vpc-00000000000000f0f", "Resource", "rcfg-00000000000000s1", {
        privateDnsEnabled: false,
        rows: [
          {
            resource: "resourceconfiguration/rcfg-00000000000000s1",
            dnsName: "vpce-0000000000000f0f1.rcfg-00000000000000s1.4232ccc.vpc-lattice-rsc.us-east-1.on.aws",
          },
        ],
      });
    const answer = answerConnect(index(b), "vpc-00000000000000f0f");
    const warehouse = answer.reachable.find((r) => r.target.id === "rcfg-00000000000000s1")!;
    expect(warehouse.hostnames).toEqual([
      expect.objectContaining({
        pattern: "resource-endpoint",
        port: 5432,
        command: expect.stringMatching(/^psql -h vpce-/),
      }),
    ]);
    expect(warehouse.notWorking.map((h) => h.hostname)).toContain("wh.internal.example.com");
  });

  it("paths that are not ACTIVE yet are reported as blocked, not as reachable", () => {
    const b = generalCase();
    b.inputs.vpcAssociations.find((a) => a.id === "snva-0000000000000000a")!.status = "CREATE_IN_PROGRESS";
    const answer = answerConnect(index(b), "vpc-0000000000000000a");
    expect(answer.reachable).toEqual([]);
    expect(answer.unreachable.find((u) => u.target.id === "rcfg-00000000000000c1")!.reason).toMatch(
      /CREATE_IN_PROGRESS/,
    );
  });

  it("rejects an unknown VPC and a `to` that is not a configuration or service", () => {
    const idx = index(generalCase());
    expect(() => answerConnect(idx, "vpc-0000000000000000z")).toThrow(AppError);
    expect(() => answerConnect(idx, "vpc-0000000000000000a", "sn-0000000000000001a")).toThrow(
      /takes a resource configuration or a service/,
    );
  });
});

describe("preferenceAdmits", () => {
  it.each([
    [undefined, "db.example.com", false, false],
    [undefined, "x.cluster-abc.us-east-1.rds.amazonaws.com", true, true],
    [{ privateDnsPreference: "ALL_DOMAINS" }, "db.example.com", false, true],
    [
      { privateDnsPreference: "SPECIFIED_DOMAINS_ONLY", privateDnsSpecifiedDomains: ["*.example.com"] },
      "db.example.com",
      false,
      true,
    ],
    [
      { privateDnsPreference: "SPECIFIED_DOMAINS_ONLY", privateDnsSpecifiedDomains: ["other.com"] },
      "db.example.com",
      false,
      false,
    ],
    [
      {
        privateDnsPreference: "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS",
        privateDnsSpecifiedDomains: ["db.example.com"],
      },
      "db.example.com",
      false,
      true,
    ],
  ])("%j admits %s (AWS-owned %s): %s", (options, domain, awsOwned, expected) => {
    expect(preferenceAdmits(options, domain, awsOwned).admits).toBe(expected);
  });
});
