import type { ReachableTarget, UnreachableTarget } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { filterAnswer } from "./filter-answer";

const target = (name: string, id: string) => ({
  id,
  arn: `arn:aws:vpc-lattice:us-east-1:111122223333:resourceconfiguration/${id}`,
  kind: "resourceConfiguration" as const,
  name,
  description: "DNS db.internal.example.com",
  ports: ["5432"],
});
const check = { verdict: "reachable", steps: [] } as unknown as ReachableTarget["check"];
const reachable: ReachableTarget = {
  target: target("orders-db", "rcfg-0aaa"),
  hostnames: [
    {
      hostname: "snra-0123.rcfg-0aaa.vpc-lattice-rsc.us-east-1.on.aws",
      works: true,
      pattern: "service-network-association",
      via: { id: "snra-0123", kind: "resourceAssociation" },
      privateDns: false,
      source: { api: "ListServiceNetworkResourceAssociations", field: "dnsEntry.domainName" },
    },
  ],
  notWorking: [],
  check,
};
const unreachable: UnreachableTarget = {
  target: target("billing-db", "rcfg-0bbb"),
  reason: "billing-db is in sn-net-002; consumer-000 is associated with sn-net-000.",
  fix: "Add a ServiceNetwork-type VPC endpoint for sn-net-002 in consumer-000.",
  check: check as UnreachableTarget["check"],
};
const answer = { reachable: [reachable], unreachable: [unreachable] };

describe("filterAnswer", () => {
  it("keeps everything (the same object) when nothing is typed", () => {
    expect(filterAnswer(answer, "   ")).toBe(answer);
  });

  it("finds a target by name, id, hostname, reason or fix, any case", () => {
    expect(filterAnswer(answer, "ORDERS").reachable).toHaveLength(1);
    expect(filterAnswer(answer, "orders").unreachable).toHaveLength(0);
    expect(filterAnswer(answer, "snra-0123").reachable).toHaveLength(1);
    expect(filterAnswer(answer, "rcfg-0bbb").unreachable).toHaveLength(1);
    expect(filterAnswer(answer, "sn-net-002").unreachable).toHaveLength(1);
    expect(filterAnswer(answer, "sn-net-002").reachable).toHaveLength(0);
  });

  it("needs every word", () => {
    expect(filterAnswer(answer, "billing endpoint").unreachable).toHaveLength(1);
    expect(filterAnswer(answer, "billing orders")).toEqual({ reachable: [], unreachable: [] });
  });
});
