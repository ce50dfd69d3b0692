/**
 * The merged rules, each pinned once, with the cases on which the copies they
 * replace disagreed (three CIDR containments, two port checks, three subnet
 * choices, two status readings).
 */
import { oneSubnetPerZone, type SecurityGroupRule } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { cidrContains, cidrOverlaps, ipv4Range } from "./cidr.js";
import type { SecurityGroupFacts } from "./graph-index.js";
import { allowingRules, findIngress, ruleAllowsPort } from "./security-groups.js";

const group = (ingress: SecurityGroupRule[], id = "sg-1"): SecurityGroupFacts => ({
  groupId: id,
  groupName: id,
  description: id,
  vpcId: "vpc-1",
  ingress,
  egress: [],
});

describe("CIDR containment (one rule for security groups, NACLs and 'which VPC holds this address')", () => {
  it.each([
    ["10.0.0.0/16", "10.0.1.5", true],
    ["10.0.0.0/16", "10.0.0.0/16", true],
    ["10.0.0.0/16", "10.0.128.0/20", true],
    ["10.0.0.0/16", "10.0.0.0/8", false],
    ["10.0.0.0/16", "10.1.0.0", false],
    ["0.0.0.0/0", "203.0.113.9", true],
    // Host bits are ignored, as AWS does (the preflight copy compared prefixes only; the check's copy normalised).
    ["10.0.0.5/16", "10.0.200.1", true],
    // An address is a /32 (the connect copy took only addresses, the preflight copy only CIDRs).
    ["10.0.1.5", "10.0.1.5", true],
    ["10.0.1.5/32", "10.0.1.0/24", false],
  ] as const)("%s contains %s: %s", (outer, inner, expected) => {
    expect(cidrContains(outer, inner)).toBe(expected);
  });

  it("anything that is not IPv4 contains and is contained by nothing", () => {
    expect(cidrContains("2001:db8::/32", "2001:db8::1")).toBe(false);
    expect(cidrContains("10.0.0.0/16", "not-an-address")).toBe(false);
    expect(cidrContains("10.0.0.0/33", "10.0.0.1")).toBe(false);
    expect(cidrContains("300.0.0.0/8", "300.0.0.1")).toBe(false);
    expect(ipv4Range("10.0.0.0/16/2")).toBeUndefined();
  });

  it("overlap is symmetric", () => {
    expect(cidrOverlaps("10.0.0.0/16", "10.0.255.0/24")).toBe(true);
    expect(cidrOverlaps("10.0.255.0/24", "10.0.0.0/16")).toBe(true);
    expect(cidrOverlaps("10.0.0.0/16", "10.1.0.0/16")).toBe(false);
  });
});

describe("security-group rules (one evaluation for the check, preflight and change impact)", () => {
  it("'-1' and 'all' cover every port (only one of the two port checks accepted 'all')", () => {
    expect(ruleAllowsPort({ protocol: "-1" }, 5432)).toBe(true);
    expect(ruleAllowsPort({ protocol: "all" }, 5432)).toBe(true);
    expect(ruleAllowsPort({ protocol: "tcp", fromPort: 5000, toPort: 6000 }, 5432)).toBe(true);
    expect(ruleAllowsPort({ protocol: "6", fromPort: 5432, toPort: 5432 }, 5432)).toBe(true);
    expect(ruleAllowsPort({ protocol: "tcp", fromPort: 443, toPort: 443 }, 5432)).toBe(false);
    expect(ruleAllowsPort({ protocol: "udp", fromPort: 0, toPort: 65535 }, 5432)).toBe(false);
  });

  it("a group reference matches traffic from an interface carrying that group", () => {
    const g = group([{ protocol: "tcp", fromPort: 5432, toPort: 5432, sourceGroupId: "sg-rgw" }]);
    expect(findIngress([g], 5432, { groupIds: ["sg-rgw"], cidrs: [] })).toBeDefined();
    expect(findIngress([g], 5432, { groupIds: ["sg-other"], cidrs: ["10.0.0.0/24"] })).toBeUndefined();
  });

  it("by address, every range the traffic may come from must be covered (the check's copy took any one)", () => {
    // A gateway with interfaces in two subnets; the rule admits only one of them: half the connections time out.
    const half = group([{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidr: "10.0.128.0/20" }]);
    const peer = { groupIds: [], cidrs: ["10.0.128.0/20", "10.0.144.0/20"] };
    expect(findIngress([half], 5432, peer)).toBeUndefined();
    // Two rules, one per subnet, together admit it.
    const both = group([
      { protocol: "tcp", fromPort: 5432, toPort: 5432, cidr: "10.0.128.0/20" },
      { protocol: "tcp", fromPort: 5432, toPort: 5432, cidr: "10.0.144.0/20" },
    ]);
    expect(allowingRules([both], "ingress", 5432, peer)).toHaveLength(2);
    const wide = group([{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidr: "10.0.0.0/16" }]);
    expect(findIngress([wide], 5432, peer)).toBeDefined();
  });

  it("a prefix-list rule matches a peer in that prefix list, and nothing else", () => {
    const g = group([{ protocol: "tcp", fromPort: 443, toPort: 443, prefixListId: "pl-lattice" }]);
    expect(
      findIngress([g], 443, { groupIds: [], cidrs: ["169.254.171.0/24"], prefixListIds: ["pl-lattice"] }),
    ).toBeDefined();
    expect(findIngress([g], 443, { groupIds: [], cidrs: ["169.254.171.0/24"] })).toBeUndefined();
  });
});

describe("subnet choice (one rule for Explain's Fix, preflight's alternative and the change sheet)", () => {
  it("one subnet per zone, zones in order, the lowest subnet id of each — whatever order they come in", () => {
    const subnets = [
      { id: "subnet-0c", availabilityZone: "us-east-1b" },
      { id: "subnet-0b", availabilityZone: "us-east-1a" },
      { id: "subnet-0a", availabilityZone: "us-east-1b" },
      { id: "subnet-09", availabilityZone: "us-east-1c" },
      { id: "subnet-0d", availabilityZone: "us-east-1a" },
    ];
    // The check took array order (subnet-0c for 1b), preflight sorted by zone then id, the sheet by zone then name.
    expect(oneSubnetPerZone(subnets)).toEqual(["subnet-0b", "subnet-0a", "subnet-09"]);
    expect(oneSubnetPerZone([...subnets].reverse())).toEqual(["subnet-0b", "subnet-0a", "subnet-09"]);
  });
});
