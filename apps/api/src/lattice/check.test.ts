import { describe, expect, it } from "vitest";
import { InputsBuilder } from "../testing/fixtures.js";
import { analyzeConnectivity, type CheckRequest as AnalyzeInput } from "./check.js";

const CLIENT_VPC = "vpc-0000000000000000a";
const PROVIDER_VPC = "vpc-0000000000000000e";
const WRITER_HOST = "orders.cluster-abcdefghijkl.us-east-1.rds.amazonaws.com";
const WRITER = "rcfg-00000000000000w1";
const SNRA = "snra-00000000000000w10";

/** The field report's pattern 3 in miniature: client SG → VPC association (SG) → network → Aurora writer. */
function reportLike(): InputsBuilder {
  return new InputsBuilder()
    .vpc(CLIENT_VPC, "client", "10.1.0.0/16")
    .vpc(PROVIDER_VPC, "provider", "10.0.0.0/16")
    .subnet("subnet-0000000000000pa", PROVIDER_VPC, "a", "10.0.128.0/20")
    .group("sg-0000000000000client", CLIENT_VPC, [], "CloudShell SG")
    .group("sg-00000000000000entry", CLIENT_VPC, [{ port: 5432, from: "sg-0000000000000client" }], "entry-sg")
    .group("sg-000000000000000rgw", PROVIDER_VPC, [], "rgw-sg")
    .group("sg-0000000000000aurora", PROVIDER_VPC, [{ port: 5432, from: "sg-000000000000000rgw" }], "aurora-sg")
    .cluster("orders", ["sg-0000000000000aurora"])
    .network("sn-0000000000000001a", "shared")
    .gateway("rgw-0000000000000000e", PROVIDER_VPC, ["sg-000000000000000rgw"], ["subnet-0000000000000pa"])
    .configuration("rcfg-00000000000000a0", "orders-db", "ARN", {
      gateway: "rgw-0000000000000000e",
      arn: "arn:aws:rds:us-east-1:111122223333:cluster:orders",
    })
    .configuration(WRITER, "orders-db-writer", "CHILD", {
      group: "rcfg-00000000000000a0",
      dns: WRITER_HOST,
      amazonManaged: true,
      ports: ["5432"],
    })
    .resourceAssociation("snra-0000000000000a00", "sn-0000000000000001a", "rcfg-00000000000000a0", {
      named: false,
      privateDnsEnabled: true,
    })
    .resourceAssociation(SNRA, "sn-0000000000000001a", WRITER, {
      managed: true,
      privateDnsEnabled: true,
      privateDnsName: WRITER_HOST,
    })
    .vpcAssociation("snva-0000000000000000a", "sn-0000000000000001a", CLIENT_VPC, {
      groups: ["sg-00000000000000entry"],
    });
}

const input = (extra: Partial<AnalyzeInput> = {}): AnalyzeInput => ({
  from: { vpc: CLIENT_VPC, securityGroup: "sg-0000000000000client" },
  to: WRITER,
  ...extra,
});
const statuses = (b: InputsBuilder, extra: Partial<AnalyzeInput> = {}) =>
  analyzeConnectivity(b.index(), input(extra)).hops.map((h) => h.status);

describe("analyzeConnectivity: every hop passes on a correct path", () => {
  it("reaches the Aurora writer through the VPC association, naming each rule", () => {
    const answer = analyzeConnectivity(reportLike().index(), input());
    expect(answer.verdict).toBe("reachable");
    expect(answer.hops.map((h) => h.status)).toEqual(["pass", "pass", "pass", "pass", "pass", "pass", "pass", "skip"]);
    expect(answer.path).toEqual({
      pattern: "service-network-association",
      entryId: "snva-0000000000000000a",
      entryKind: "vpcAssociation",
    });
    expect(answer.port).toBe(5432);
    expect(answer.hops[2]!.rule).toMatch(/entry-sg .*allows TCP 5432 from sg-0000000000000client/);
    expect(answer.hops[5]!.rule).toMatch(/aurora-sg .*allows TCP 5432 from sg-000000000000000rgw/);
    expect(answer.hops[6]!.detail).toContain(`Use ${SNRA}.${WRITER}.4232ccc`);
    expect(answer.text).toMatch(/Verdict: REACHABLE/);
    expect(answer.highlight).toEqual(
      expect.arrayContaining([CLIENT_VPC, "snva-0000000000000000a", SNRA, WRITER, "rgw-0000000000000000e"]),
    );
  });

  it("infers the client's group from the entry's rule when none is named", () => {
    const answer = analyzeConnectivity(reportLike().index(), { from: { vpc: CLIENT_VPC }, to: WRITER });
    expect(answer.from).toMatchObject({ securityGroupId: "sg-0000000000000client", securityGroupInferred: true });
    expect(answer.verdict).toBe("reachable");
  });
});

describe("analyzeConnectivity: each hop failing on its own", () => {
  it("1 — the client's group lets nothing out", () => {
    const b = reportLike();
    b.inputs.securityGroups.find((g) => g.groupId === "sg-0000000000000client")!.egress = [];
    expect(statuses(b)).toEqual(["fail", "pass", "pass", "pass", "pass", "pass", "pass", "skip"]);
  });

  it("2 — the VPC association is not ACTIVE", () => {
    const b = reportLike();
    b.inputs.vpcAssociations[0]!.status = "CREATE_FAILED";
    const answer = analyzeConnectivity(b.index(), input());
    expect(answer.hops[1]).toMatchObject({ status: "fail", fix: { text: expect.stringMatching(/recreate/) } });
    expect(answer.verdict).toBe("not-reachable");
  });

  it("2 — no way in at all, with the change that would make one", () => {
    const b = reportLike();
    b.inputs.vpcAssociations = [];
    const answer = analyzeConnectivity(b.index(), input());
    expect(answer.hops[1]).toMatchObject({
      status: "fail",
      fix: { action: { type: "associate-vpc", serviceNetworkId: "sn-0000000000000001a", vpcId: CLIENT_VPC } },
    });
  });

  it("3 — the association's group does not admit the client, and the fix adds exactly that rule", () => {
    const b = reportLike();
    b.inputs.securityGroups.find((g) => g.groupId === "sg-00000000000000entry")!.ingress = [];
    const answer = analyzeConnectivity(b.index(), input());
    expect(answer.hops.map((h) => h.status)).toEqual(["pass", "pass", "fail", "pass", "pass", "pass", "pass", "skip"]);
    expect(answer.hops[2]!.fix!.action).toEqual({
      type: "add-ingress-rule",
      groupId: "sg-00000000000000entry",
      protocol: "tcp",
      port: 5432,
      sourceGroupId: "sg-0000000000000client",
      description: expect.any(String),
    });
    expect(answer.failingNodeId).toBe("sg-00000000000000entry");
  });

  it("3 — an association without groups filters nothing", () => {
    const b = reportLike();
    b.inputs.vpcAssociations[0]!.securityGroupIds = [];
    const answer = analyzeConnectivity(b.index(), input());
    expect(answer.hops[2]).toMatchObject({
      status: "pass",
      detail: expect.stringMatching(/no security-group filtering/),
    });
  });

  it("4 — the port is outside the configuration's ranges", () => {
    const answer = analyzeConnectivity(reportLike().index(), input({ port: 6543 }));
    expect(answer.hops[3]).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/outside its port ranges \(5432\)/),
    });
  });

  it("5 — the resource gateway is not ACTIVE", () => {
    const b = reportLike();
    b.inputs.resourceGateways[0]!.status = "CREATE_FAILED";
    expect(statuses(b)[4]).toBe("fail");
  });

  it("5 — a Resource endpoint in no Availability Zone of the gateway", () => {
    const b = reportLike()
      .subnet("subnet-00000000000000c", CLIENT_VPC, "c", "10.1.32.0/20")
      .endpoint("vpce-0000000000000e0f1", CLIENT_VPC, "Resource", "rcfg-00000000000000a0", {
        groups: ["sg-00000000000000entry"],
        subnets: ["subnet-00000000000000c"],
        rows: [
          {
            resource: `resourceconfiguration/${WRITER}`,
            dnsName: `vpce-0000000000000e0f1-snra-0000000000000ab.${WRITER}.4232ccc.vpc-lattice-rsc.us-east-1.on.aws`,
          },
        ],
      });
    b.inputs.vpcAssociations = [];
    const answer = analyzeConnectivity(b.index(), input());
    expect(answer.path?.pattern).toBe("resource-endpoint");
    expect(answer.hops[4]).toMatchObject({
      status: "fail",
      detail: expect.stringMatching(/share no Availability Zone/),
    });
  });

  it("6 — Aurora does not admit the resource gateway's group (the report's rule), and the fix adds it", () => {
    const b = reportLike();
    b.inputs.securityGroups.find((g) => g.groupId === "sg-0000000000000aurora")!.ingress = [];
    const answer = analyzeConnectivity(b.index(), input());
    expect(answer.hops.map((h) => h.status)).toEqual(["pass", "pass", "pass", "pass", "pass", "fail", "pass", "skip"]);
    expect(answer.hops[5]!.fix!.action).toEqual({
      type: "add-ingress-rule",
      groupId: "sg-0000000000000aurora",
      protocol: "tcp",
      port: 5432,
      sourceGroupId: "sg-000000000000000rgw",
      description: "From the VPC Lattice resource gateway",
    });
    expect(answer.summary).toMatch(/fails at hop 6/);
  });

  it("7 — the native writer name from an associated VPC with private DNS off names the snra-… entry", () => {
    const answer = analyzeConnectivity(reportLike().index(), input({ hostname: WRITER_HOST }));
    expect(answer.hops.map((h) => h.status)).toEqual(["pass", "pass", "pass", "pass", "pass", "pass", "fail", "skip"]);
    expect(answer.hops[6]!.detail).toMatch(/private DNS off/);
    expect(answer.hops[6]!.fix!.text).toBe(`Use ${SNRA}.${WRITER}.4232ccc.vpc-lattice-rsc.us-east-1.on.aws.`);
  });

  it("7 — with private DNS on (and ALL_DOMAINS), the native name works", () => {
    const b = reportLike();
    Object.assign(b.inputs.vpcAssociations[0]!, {
      privateDnsEnabled: true,
      dnsOptions: { privateDnsPreference: "ALL_DOMAINS" },
    });
    expect(statuses(b, { hostname: WRITER_HOST })[6]).toBe("pass");
  });
});

describe("analyzeConnectivity: a general case beyond the field report", () => {
  /** A GROUP with a DNS child and an IP child in one network, a second network, private DNS off. */
  function general(): InputsBuilder {
    return new InputsBuilder()
      .vpc(CLIENT_VPC, "app", "10.10.0.0/16")
      .vpc(PROVIDER_VPC, "provider", "10.0.0.0/16")
      .group("sg-0000000000000client", CLIENT_VPC, [], "app-sg")
      .group("sg-000000000000000rgw", PROVIDER_VPC, [], "rgw-sg")
      .network("sn-0000000000000001a", "payments")
      .network("sn-0000000000000002b", "analytics")
      .gateway("rgw-0000000000000000e", PROVIDER_VPC, ["sg-000000000000000rgw"])
      .configuration("rcfg-00000000000000g0", "apis", "GROUP", { gateway: "rgw-0000000000000000e" })
      .configuration("rcfg-00000000000000c1", "orders-api", "CHILD", {
        group: "rcfg-00000000000000g0",
        dns: "orders.internal.example.com",
        ports: ["443"],
      })
      .configuration("rcfg-00000000000000c2", "ledger", "CHILD", {
        group: "rcfg-00000000000000g0",
        ip: "10.0.9.9",
        ports: ["8443"],
      })
      .resourceAssociation("snra-0000000000000g00", "sn-0000000000000001a", "rcfg-00000000000000g0", { named: false })
      .resourceAssociation("snra-00000000000000c10", "sn-0000000000000001a", "rcfg-00000000000000c1", { managed: true })
      .resourceAssociation("snra-00000000000000c20", "sn-0000000000000001a", "rcfg-00000000000000c2", { managed: true })
      .vpcAssociation("snva-0000000000000000a", "sn-0000000000000001a", CLIENT_VPC, { privateDnsEnabled: false });
  }

  // Changed on purpose with the domain core: what guards a DNS or IP resource is outside what AWS's APIs show, so
  // hop 6 is not checked ("skip", saying what the resource must accept) instead of "unknown", which now means
  // "could be known, but was not read or not given" — and a Connect row says "cannot tell" only for that.
  it("reaches both children; what guards a DNS or IP resource is outside AWS's view, so hop 6 is not checked", () => {
    const b = general();
    for (const [to, port] of [
      ["rcfg-00000000000000c1", 443],
      ["rcfg-00000000000000c2", 8443],
    ] as const) {
      const answer = analyzeConnectivity(b.index(), {
        from: { vpc: CLIENT_VPC, securityGroup: "sg-0000000000000client" },
        to,
      });
      expect(answer.port).toBe(port);
      expect(answer.hops.map((h) => h.status)).toEqual([
        "pass",
        "pass",
        "pass",
        "pass",
        "pass",
        "skip",
        "pass",
        "skip",
      ]);
      expect(answer.hops[5]!.detail).toMatch(/must accept TCP \d+ from the resource gateway/);
      expect(answer.verdict).toBe("reachable");
    }
  });

  it("a GROUP given as the target is checked through its first child", () => {
    const answer = analyzeConnectivity(general().index(), { from: { vpc: CLIENT_VPC }, to: "rcfg-00000000000000g0" });
    expect(answer.target.id).toBe("rcfg-00000000000000c1");
  });

  it("a VPC joined to the other network fails at hop 2 and is offered a ServiceNetwork endpoint", () => {
    const b = general();
    b.inputs.vpcAssociations[0]!.serviceNetworkId = "sn-0000000000000002b";
    const answer = analyzeConnectivity(b.index(), {
      from: { vpc: CLIENT_VPC, securityGroup: "sg-0000000000000client" },
      to: "rcfg-00000000000000c1",
    });
    expect(answer.hops[1]).toMatchObject({
      status: "fail",
      fix: { action: { type: "create-service-network-endpoint", serviceNetworkId: "sn-0000000000000001a" } },
    });
    expect(answer.hops[1]!.detail).toMatch(/only one service network/);
  });

  it("names what it cannot find", () => {
    expect(() =>
      analyzeConnectivity(general().index(), { from: { vpc: "vpc-0000000000000000z" }, to: "rcfg-00000000000000c1" }),
    ).toThrow(/from.vpc|not in this account/);
    expect(() =>
      analyzeConnectivity(general().index(), { from: { vpc: CLIENT_VPC }, to: "sn-0000000000000001a" }),
    ).toThrow(/the check runs to/);
  });
});
