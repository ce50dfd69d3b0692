/**
 * Every answer reads the same check: a Connect row's verdict is the check's,
 * "reachable from" is Connect in reverse, and a change's impact is Connect
 * after minus before. Fixture: the field report's three patterns in miniature.
 */
import { describe, expect, it } from "vitest";
import { denied, InputsBuilder } from "../testing/fixtures.js";
import { analyzeConnectivity } from "./check.js";
import { allTargets, answerConnect } from "./connect.js";
import { impactOf } from "./impact.js";
import { answerReachableFrom } from "./reachable-from.js";

const PROVIDER = "vpc-0000000000000000e";
const P1 = "vpc-00000000000000001";
const P2 = "vpc-00000000000000002";
const P3 = "vpc-00000000000000003";
const LONELY = "vpc-00000000000000009";
const SN = "sn-0000000000000001a";
const GROUP = "rcfg-00000000000000a0";
const WRITER = "rcfg-00000000000000w1";
const READER = "rcfg-00000000000000r1";
const SNRA_GROUP = "snra-0000000000000a00";
const SNRA_WRITER = "snra-00000000000000w10";
const SNRA_READER = "snra-00000000000000r10";
const WRITER_HOST = "orders.cluster-abcdefghijkl.us-east-1.rds.amazonaws.com";
const READER_HOST = "orders.cluster-ro-abcdefghijkl.us-east-1.rds.amazonaws.com";
const AURORA_SG = "sg-0000000000000aurora";
const RGW_SG = "sg-000000000000000rgw";

function threePatterns(options: { auroraAdmitsGateway?: boolean } = {}): InputsBuilder {
  const b = new InputsBuilder()
    .vpc(PROVIDER, "provider", "10.0.0.0/16")
    .subnet("subnet-0000000000000pa", PROVIDER, "a", "10.0.128.0/20")
    .group(RGW_SG, PROVIDER, [], "rgw-sg")
    .group(
      AURORA_SG,
      PROVIDER,
      options.auroraAdmitsGateway === false ? [] : [{ port: 5432, from: RGW_SG }],
      "aurora-sg",
    )
    .cluster("orders", [AURORA_SG])
    .network(SN, "shared")
    .gateway("rgw-0000000000000000e", PROVIDER, [RGW_SG], ["subnet-0000000000000pa"])
    .configuration(GROUP, "orders-db", "ARN", {
      gateway: "rgw-0000000000000000e",
      arn: "arn:aws:rds:us-east-1:111122223333:cluster:orders",
    })
    .configuration(WRITER, "orders-db-writer", "CHILD", {
      group: GROUP,
      dns: WRITER_HOST,
      amazonManaged: true,
      ports: ["5432"],
    })
    .configuration(READER, "orders-db-reader", "CHILD", {
      group: GROUP,
      dns: READER_HOST,
      amazonManaged: true,
      ports: ["5432"],
    })
    .resourceAssociation(SNRA_GROUP, SN, GROUP, { named: false, privateDnsEnabled: true })
    .resourceAssociation(SNRA_WRITER, SN, WRITER, {
      managed: true,
      privateDnsEnabled: true,
      privateDnsName: WRITER_HOST,
    })
    .resourceAssociation(SNRA_READER, SN, READER, {
      managed: true,
      privateDnsEnabled: true,
      privateDnsName: READER_HOST,
    })
    .vpc(LONELY, "lonely", "10.9.0.0/16");
  b.inputs.dbClusters[0]!.readerEndpoint = READER_HOST;
  for (const [vpc, n] of [
    [P1, 1],
    [P2, 2],
    [P3, 3],
  ] as const) {
    b.vpc(vpc, `pattern-${n}`, `10.${n}.0.0/16`)
      .group(`sg-00000000000client${n}`, vpc, [], "CloudShell SG")
      .group(`sg-0000000000000entry${n}`, vpc, [{ port: 5432, from: `sg-00000000000client${n}` }], "entry-sg");
  }
  b.endpoint("vpce-00000000000000001", P1, "Resource", GROUP, {
    groups: ["sg-0000000000000entry1"],
    rows: [
      {
        resource: `resourceconfiguration/${WRITER}`,
        dnsName: "vpce-1-w.rcfg-w.vpc-lattice-rsc.on.aws",
        privateDnsName: WRITER_HOST,
        group: GROUP,
      },
      {
        resource: `resourceconfiguration/${READER}`,
        dnsName: "vpce-1-r.rcfg-r.vpc-lattice-rsc.on.aws",
        privateDnsName: READER_HOST,
        group: GROUP,
      },
    ],
  });
  b.endpoint("vpce-00000000000000002", P2, "ServiceNetwork", SN, {
    groups: ["sg-0000000000000entry2"],
    rows: [
      {
        resource: `resourceconfiguration/${WRITER}`,
        dnsName: "vpce-2-snra-w.rcfg-w.vpc-lattice-rsc.on.aws",
        privateDnsName: WRITER_HOST,
      },
      {
        resource: `resourceconfiguration/${READER}`,
        dnsName: "vpce-2-snra-r.rcfg-r.vpc-lattice-rsc.on.aws",
        privateDnsName: READER_HOST,
      },
    ],
  });
  b.vpcAssociation("snva-0000000000000000a", SN, P3, { groups: ["sg-0000000000000entry3"] });
  return b;
}

const snraName = (id: string, rcfg: string) => `${id}.${rcfg}.4232ccc.vpc-lattice-rsc.us-east-1.on.aws`;

describe("a Connect row carries the verdict of the same check as Explain", () => {
  it("on every VPC and target, Connect's verdict and failing hop are the check's", () => {
    for (const auroraAdmitsGateway of [true, false]) {
      const index = threePatterns({ auroraAdmitsGateway }).index();
      for (const vpc of [P1, P2, P3, LONELY]) {
        const answer = answerConnect(index, vpc);
        for (const row of [...answer.reachable, ...answer.unreachable]) {
          const check = analyzeConnectivity(index, { from: { vpc }, to: row.target.id });
          expect({ vpc, target: row.target.id, verdict: row.check.verdict }).toEqual({
            vpc,
            target: row.target.id,
            verdict: check.verdict,
          });
          expect(row.check.failing?.step).toBe(check.hops.find((h) => h.status === "fail")?.step);
        }
      }
    }
  });

  it("with the Aurora rule removed, the writer's row fails at hop 6 with the one-click Fix (it once said Reachable)", () => {
    const answer = answerConnect(threePatterns({ auroraAdmitsGateway: false }).index(), P3);
    const writer = answer.reachable.find((r) => r.target.id === WRITER)!;
    expect(writer.hostnames.map((h) => h.hostname)).toEqual([snraName(SNRA_WRITER, WRITER)]);
    expect(writer.check.verdict).toBe("not-reachable");
    expect(writer.check.failing).toMatchObject({ step: 6, title: "Resource", subject: { id: AURORA_SG } });
    expect(writer.check.failing?.fix?.action).toEqual({
      type: "add-ingress-rule",
      groupId: AURORA_SG,
      protocol: "tcp",
      port: 5432,
      sourceGroupId: RGW_SG,
      description: "From the VPC Lattice resource gateway",
    });
    // The name itself says its path fails: no green "use this name".
    expect(writer.hostnames[0]!.path).toMatchObject({ verdict: "not-reachable", failingStep: 6 });
  });

  it("all three patterns reach the writer, each with its own name", () => {
    const index = threePatterns().index();
    const names = (vpc: string) =>
      answerConnect(index, vpc, WRITER).reachable[0]!.hostnames.map(
        (h) => `${h.hostname}${h.path?.verdict === "reachable" ? " ✔" : ""}`,
      );
    expect(names(P1)).toEqual(["vpce-1-w.rcfg-w.vpc-lattice-rsc.on.aws ✔", `${WRITER_HOST} ✔`]);
    expect(names(P2)).toEqual(["vpce-2-snra-w.rcfg-w.vpc-lattice-rsc.on.aws ✔", `${WRITER_HOST} ✔`]);
    expect(names(P3)).toEqual([`${snraName(SNRA_WRITER, WRITER)} ✔`]);
  });
});

describe("under a partial read, a row says 'cannot tell' and names the missing read", () => {
  it("Aurora clusters denied: hop 6 is unknown, not silently dropped, in Connect and in the check", () => {
    const b = threePatterns();
    b.inputs.dbClusters = [];
    const index = b.index([denied("rds", "DescribeDBClusters")]);
    const row = answerConnect(index, P3).reachable.find((r) => r.target.id === WRITER)!;
    expect(row.check.verdict).toBe("unknown");
    expect(row.check.cannotTell).toEqual([
      expect.objectContaining({ step: 6, detail: expect.stringContaining("rds:DescribeDBClusters (AccessDenied)") }),
    ]);
    const check = analyzeConnectivity(index, { from: { vpc: P3 }, to: WRITER });
    expect(check.hops).toHaveLength(8);
    expect(check.hops[5]).toMatchObject({
      step: 6,
      status: "unknown",
      unread: ["rds:DescribeDBClusters (AccessDenied)"],
    });
    expect(check.summary).toMatch(/Cannot tell .* rds:DescribeDBClusters \(AccessDenied\) could not be read/);
  });

  it("VPC associations denied: no way in seen is 'cannot tell', not 'fails at hop 2'", () => {
    const b = threePatterns();
    b.inputs.vpcAssociations = [];
    const index = b.index([denied("vpc-lattice", "ListServiceNetworkVpcAssociations")]);
    const row = answerConnect(index, P3).unreachable.find((r) => r.target.id === WRITER)!;
    expect(row.check.verdict).toBe("unknown");
    expect(row.check.cannotTell[0]).toMatchObject({ step: 2 });
    expect(row.check.cannotTell[0]!.detail).toContain("vpc-lattice:ListServiceNetworkVpcAssociations (AccessDenied)");
    // Without the warning the same picture is a plain failure with a fix.
    const plain = answerConnect(b.index(), P3).unreachable.find((r) => r.target.id === WRITER)!;
    expect(plain.check).toMatchObject({ verdict: "not-reachable", failing: { step: 2 } });
    expect(plain.check.failing?.fix?.action).toMatchObject({ type: "associate-vpc", vpcId: P3 });
  });

  it("security groups denied: the hops that read rules are unknown", () => {
    const b = threePatterns();
    b.inputs.securityGroups = [];
    const index = b.index([denied("ec2", "DescribeSecurityGroups")]);
    const check = analyzeConnectivity(index, { from: { vpc: P1 }, to: WRITER });
    expect(check.verdict).toBe("unknown");
    expect(check.hops[0]).toMatchObject({ status: "unknown", unread: ["ec2:DescribeSecurityGroups (AccessDenied)"] });
  });
});

describe("reachable from: Connect in reverse", () => {
  it("the Aurora cluster is reached from the three pattern VPCs, each by its pattern and the name to use there", () => {
    const index = threePatterns().index();
    const answer = answerReachableFrom(index, "arn:aws:rds:us-east-1:111122223333:cluster:orders");
    const rows = answer.vpcs.map((v) => [v.vpc.name, v.target.name, v.pattern, v.hostname, v.check.verdict]);
    expect(rows).toEqual([
      ["pattern-1", "orders-db-writer", "resource-endpoint", WRITER_HOST, "reachable"],
      ["pattern-1", "orders-db-reader", "resource-endpoint", READER_HOST, "reachable"],
      ["pattern-2", "orders-db-writer", "service-network-endpoint", WRITER_HOST, "reachable"],
      ["pattern-2", "orders-db-reader", "service-network-endpoint", READER_HOST, "reachable"],
      ["pattern-3", "orders-db-writer", "service-network-association", snraName(SNRA_WRITER, WRITER), "reachable"],
      ["pattern-3", "orders-db-reader", "service-network-association", snraName(SNRA_READER, READER), "reachable"],
    ]);
    expect(answer.vpcs[4]!.command).toBe(`psql -h ${snraName(SNRA_WRITER, WRITER)} -p 5432 -U postgres`);
  });

  it("agrees with Connect from each of those VPCs", () => {
    const index = threePatterns({ auroraAdmitsGateway: false }).index();
    for (const row of answerReachableFrom(index, WRITER).vpcs) {
      const connect = answerConnect(index, row.vpc.id, WRITER).reachable[0]!;
      expect(row.check).toEqual(connect.check);
      expect(connect.hostnames.map((h) => h.hostname)).toContain(row.hostname);
    }
  });
});

describe("change impact: the Connect answer after minus before", () => {
  it("removing the configuration's association: every consumer of the network loses its names for writer and reader", () => {
    const impact = impactOf(threePatterns().index(), {
      type: "remove-resource-association",
      associationId: SNRA_GROUP,
    });
    expect(impact.map((i) => i.vpc.name)).toEqual(["pattern-2", "pattern-3"]);
    const p3 = impact.find((i) => i.vpc.id === P3)!;
    expect(p3.loses).toEqual([
      { target: { id: WRITER, name: "orders-db-writer" }, hostnames: [snraName(SNRA_WRITER, WRITER)] },
      { target: { id: READER, name: "orders-db-reader" }, hostnames: [snraName(SNRA_READER, READER)] },
    ]);
    expect(p3.gains).toEqual([]);
  });

  it("removing the VPC association: only that VPC loses, and only what came through it", () => {
    const impact = impactOf(threePatterns().index(), {
      type: "remove-vpc-association",
      associationId: "snva-0000000000000000a",
    });
    expect(impact).toHaveLength(1);
    expect(impact[0]!.loses.flatMap((l) => l.hostnames)).toEqual([
      snraName(SNRA_WRITER, WRITER),
      snraName(SNRA_READER, READER),
    ]);
  });

  it("adding the missing Aurora rule: every consumer gains the writer and the reader", () => {
    const impact = impactOf(threePatterns({ auroraAdmitsGateway: false }).index(), {
      type: "add-ingress-rule",
      groupId: AURORA_SG,
      protocol: "tcp",
      port: 5432,
      sourceGroupId: RGW_SG,
    });
    expect(impact.map((i) => [i.vpc.name, i.gains.map((g) => g.target.name)])).toEqual([
      ["pattern-1", ["orders-db-writer", "orders-db-reader"]],
      ["pattern-2", ["orders-db-writer", "orders-db-reader"]],
      ["pattern-3", ["orders-db-writer", "orders-db-reader"]],
    ]);
  });

  it("associating the lonely VPC: it gains the network's targets with the names already issued", () => {
    const impact = impactOf(threePatterns().index(), { type: "associate-vpc", vpcId: LONELY, serviceNetworkId: SN });
    expect(impact).toEqual([
      {
        vpc: { id: LONELY, name: "lonely" },
        loses: [],
        gains: [
          { target: { id: WRITER, name: "orders-db-writer" }, hostnames: [snraName(SNRA_WRITER, WRITER)] },
          { target: { id: READER, name: "orders-db-reader" }, hostnames: [snraName(SNRA_READER, READER)] },
        ],
      },
    ]);
  });

  it("every target of the account is compared for a VPC-wide change", () => {
    expect(allTargets(threePatterns().index()).map((t) => t.node.id)).toEqual([WRITER, READER]);
  });
});
