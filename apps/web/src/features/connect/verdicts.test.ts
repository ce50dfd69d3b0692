import type { Hostname, ReachableTarget, RowCheck, UnreachableTarget } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { answerGroups, fixGroups, groupAnswer, groupByFix, namesByUse, undecidedHops, verdictLine } from "./verdicts";

// Shaped as GET /api/connect answers on the field-report scenario (the Aurora rule removed; a partial read).
const PASS: RowCheck = { verdict: "reachable", port: 5432, cannotTell: [], summary: "reaches" };
const HOP_6: RowCheck = {
  verdict: "not-reachable",
  port: 5432,
  failing: {
    step: 6,
    title: "Resource",
    status: "fail",
    subject: { id: "sg-00902c1ef600630a9", kind: "securityGroup", label: "aurora-sg" },
    detail: "No rule of aurora-sg (sg-00902c1ef600630a9) lets TCP 5432 in from the resource gateway's group.",
    fix: {
      text: "Allow TCP 5432 into aurora-sg.",
      action: {
        type: "add-ingress-rule",
        groupId: "sg-00902c1ef600630a9",
        protocol: "tcp",
        port: 5432,
        sourceGroupId: "sg-01d181db43be1daaa",
      },
    },
  },
  cannotTell: [],
  summary: "fails at hop 6",
};
const UNREAD: RowCheck = {
  verdict: "unknown",
  port: 5432,
  cannotTell: [
    {
      step: 6,
      title: "Resource",
      detail:
        "The Aurora cluster behind the writer was not read, so whether its security groups admit the resource gateway is unknown. Not read: rds:DescribeDBClusters (AccessDenied).",
    },
  ],
  summary: "Cannot tell",
};

const target = (id: string) => ({
  id,
  arn: `arn:aws:vpc-lattice:ap-northeast-1:111122223333:resourceconfiguration/${id}`,
  kind: "resourceConfiguration" as const,
  name: id,
  description: "",
  ports: ["5432"],
});
const name = (hostname: string, path?: Hostname["path"]): Hostname => ({
  hostname,
  works: true,
  pattern: "service-network-association",
  via: { id: "snra-0258ae5ca1fffbb4a", kind: "resourceAssociation" },
  privateDns: false,
  source: { api: "vpc-lattice:ListServiceNetworkResourceAssociations", field: "items[].dnsEntry.domainName" },
  ...(path ? { path } : {}),
});
const wayIn = (id: string, check: RowCheck): ReachableTarget => ({
  target: target(id),
  hostnames: [],
  notWorking: [],
  check,
});
const noWay = (id: string, check: RowCheck): UnreachableTarget => ({
  target: target(id),
  reason: "no way in",
  fix: "associate",
  check,
});

describe("groupAnswer", () => {
  it("reads reachable first, then a way in that fails, then cannot tell, then out of reach — each in the API's order", () => {
    const groups = groupAnswer({
      reachable: [wayIn("writer", HOP_6), wayIn("service", PASS), wayIn("reader", UNREAD), wayIn("other", PASS)],
      unreachable: [noWay("far", { ...HOP_6, failing: { ...HOP_6.failing!, step: 2 } }), noWay("unread", UNREAD)],
    });
    expect(groups.reachable.map((r) => r.target.id)).toEqual(["service", "other"]);
    expect(groups.failing.map((r) => r.target.id)).toEqual(["writer"]);
    expect(groups.cannotTell.map((r) => [r.way, r.row.target.id])).toEqual([
      ["in", "reader"],
      ["none", "unread"],
    ]);
    expect(groups.outOfReach.map((r) => r.target.id)).toEqual(["far"]);
  });

  it("a listed way in whose check fails is never counted as reachable", () => {
    const groups = groupAnswer({ reachable: [wayIn("writer", HOP_6)], unreachable: [] });
    expect(groups.reachable).toEqual([]);
  });
});

describe("verdictLine", () => {
  it("says ✔ with the port, ✘ with the failing hop's number and title, ? with what was not read", () => {
    expect(verdictLine(PASS)).toEqual({ tone: "ok", mark: "✔", text: "Reachable on TCP 5432" });
    expect(verdictLine(HOP_6)).toEqual({ tone: "bad", mark: "✘", text: "Fails at hop 6 — Resource" });
    expect(verdictLine(UNREAD)).toEqual({
      tone: "unknown",
      mark: "?",
      text: "Cannot tell: rds:DescribeDBClusters (AccessDenied) not read",
    });
  });

  it("an undecided hop that names no read still says which hop", () => {
    const check: RowCheck = { ...UNREAD, cannotTell: [{ step: 8, title: "Network ACLs", detail: "Unknown." }] };
    expect(verdictLine(check).text).toBe("Cannot tell at hop 8 — Network ACLs");
    expect(verdictLine({ ...UNREAD, cannotTell: [] }).text).toBe("Cannot tell from what was read");
  });
});

describe("undecidedHops", () => {
  it("takes the missing reads off the detail's tail, one or several", () => {
    expect(undecidedHops(UNREAD)).toEqual([
      {
        step: 6,
        title: "Resource",
        detail:
          "The Aurora cluster behind the writer was not read, so whether its security groups admit the resource gateway is unknown.",
        unread: ["rds:DescribeDBClusters (AccessDenied)"],
      },
    ]);
    const two: RowCheck = {
      ...UNREAD,
      cannotTell: [
        {
          step: 5,
          title: "Resource gateway",
          detail:
            "The gateway was not read. Not read: vpc-lattice:GetResourceGateway (AccessDenied), ec2:DescribeSecurityGroups (UnauthorizedOperation).",
        },
      ],
    };
    expect(undecidedHops(two)[0]!.unread).toEqual([
      "vpc-lattice:GetResourceGateway (AccessDenied)",
      "ec2:DescribeSecurityGroups (UnauthorizedOperation)",
    ]);
  });
});

describe("namesByUse", () => {
  it("offers a name as 'use this name' only when its path passes; a name without a check stays usable", () => {
    const split = namesByUse([
      name("a.on.aws", { verdict: "reachable", summary: "" }),
      name("b.on.aws", { verdict: "not-reachable", failingStep: 6, summary: "" }),
      name("c.on.aws", { verdict: "unknown", summary: "" }),
      name("d.on.aws"),
    ]);
    expect(split.use.map((h) => h.hostname)).toEqual(["a.on.aws", "d.on.aws"]);
    expect(split.blocked.map((h) => h.hostname)).toEqual(["b.on.aws"]);
    expect(split.unsure.map((h) => h.hostname)).toEqual(["c.on.aws"]);
  });
});

describe("groupByFix", () => {
  it("puts the targets one fix brings in together, the largest group first, each in the API's order", () => {
    const associate = (network: string): RowCheck => ({
      ...HOP_6,
      failing: {
        ...HOP_6.failing!,
        step: 2,
        fix: {
          text: `Associate with ${network}.`,
          action: { type: "associate-vpc", vpcId: "vpc-1", serviceNetworkId: network },
        },
      },
    });
    const row = (id: string, network: string): UnreachableTarget => ({
      ...noWay(id, associate(network)),
      fix: `Associate with ${network}.`,
    });
    const groups = groupByFix([
      row("a1", "sn-a"),
      row("b1", "sn-b"),
      row("b2", "sn-b"),
      row("a2", "sn-a"),
      row("c1", "sn-c"),
      row("b3", "sn-b"),
      { ...noWay("x", { ...UNREAD }), fix: "Grant the read." },
    ]);
    expect(groups.map((g) => [g.fixText, g.rows.map((r) => r.target.id)])).toEqual([
      ["Associate with sn-b.", ["b1", "b2", "b3"]],
      ["Associate with sn-a.", ["a1", "a2"]],
      ["Associate with sn-c.", ["c1"]],
      ["Grant the read.", ["x"]],
    ]);
    expect(groups[0]!.action).toEqual({ type: "associate-vpc", vpcId: "vpc-1", serviceNetworkId: "sn-b" });
    expect(groups[3]!.action).toBeUndefined();
  });

  it("the same words with different changes are two groups", () => {
    const withAction = (network: string): UnreachableTarget => ({
      ...noWay(network, {
        ...HOP_6,
        failing: {
          ...HOP_6.failing!,
          fix: { text: "Associate.", action: { type: "associate-vpc", vpcId: "vpc-1", serviceNetworkId: network } },
        },
      }),
      fix: "Associate.",
    });
    expect(groupByFix([withAction("sn-a"), withAction("sn-b")])).toHaveLength(2);
  });

  it("one change in different words (each row names its own alternative) is one group, marked not alike", () => {
    const viaNetwork = (id: string, words: string): UnreachableTarget => ({
      ...noWay(id, {
        ...HOP_6,
        failing: {
          ...HOP_6.failing!,
          fix: { text: words, action: { type: "associate-vpc", vpcId: "vpc-1", serviceNetworkId: "sn-a" } },
        },
      }),
      fix: words,
    });
    const groups = groupByFix([
      viaNetwork("r1", "Associate with sn-a, or a Resource endpoint for r1."),
      viaNetwork("r2", "Associate with sn-a, or a Resource endpoint for r2."),
      { ...noWay("x", UNREAD), fix: "Grant the read." },
      { ...noWay("y", UNREAD), fix: "Grant the read." },
      { ...noWay("z", UNREAD), fix: "Grant the read." },
    ]);
    expect(groups.map((g) => [g.rows.length, g.alike, g.fixText])).toEqual([
      [3, true, "Grant the read."],
      [2, false, "Associate with sn-a, or a Resource endpoint for r1."],
    ]);
  });
});

describe("answerGroups and fixGroups", () => {
  it("group an answer once: the same answer object gives the same groups, another answer its own", () => {
    const answer = { reachable: [wayIn("a", PASS)], unreachable: [noWay("b", HOP_6), noWay("c", HOP_6)] };
    const first = answerGroups(answer);
    expect(first).toEqual(groupAnswer(answer));
    expect(answerGroups(answer)).toBe(first);
    const other = { ...answer, reachable: [] };
    expect(answerGroups(other)).not.toBe(first);
    expect(answerGroups(other).reachable).toEqual([]);
    const byFix = fixGroups(first.outOfReach);
    expect(byFix).toEqual(groupByFix(first.outOfReach));
    expect(fixGroups(first.outOfReach)).toBe(byFix);
    expect(fixGroups([...first.outOfReach])).not.toBe(byFix);
  });
});
