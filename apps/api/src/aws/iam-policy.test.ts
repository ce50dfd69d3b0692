/**
 * The IAM policies Lattice Atlas ships (deploy/iam, deploy/cloudformation)
 * list exactly the actions its AWS modules call: derived here from the code,
 * so a new read without a policy line (or a line nothing calls) fails.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { iamActionFor } from "./iam.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const deploy = path.resolve(here, "../../../../deploy");

/** Every (service, operation) a reader module calls, as IAM actions; writers (the changes) are not reads. */
function actionsCalledByReaders(): Set<string> {
  const actions = new Set<string>();
  for (const file of readdirSync(here)) {
    if (!file.endsWith(".ts") || file.endsWith(".test.ts") || file.endsWith("-writes.ts")) continue;
    const source = readFileSync(path.join(here, file), "utf8");
    const local = /const call = [^\n]*\n?[^\n]*runner\.call\("([a-z0-9-]+)"/.exec(source)?.[1];
    if (local)
      for (const [, op] of source.matchAll(/(?<![.\w])call\("([A-Za-z]+)"/g)) actions.add(iamActionFor(local, op!));
    for (const [, service, op] of source.matchAll(/runner\.call\("([a-z0-9-]+)", "([A-Za-z]+)"/g))
      actions.add(iamActionFor(service!, op!));
  }
  // GetCallerIdentity needs no permission; organizations:ListAccounts is the hub's, not a member's.
  actions.delete("sts:GetCallerIdentity");
  return actions;
}

const policyActions = (file: string): string[] => {
  const policy = JSON.parse(readFileSync(path.join(deploy, "iam", file), "utf8")) as {
    Statement: Array<{ Action: string[] }>;
  };
  return policy.Statement.flatMap((s) => s.Action);
};

describe("the shipped IAM policies match what the code calls", () => {
  const called = actionsCalledByReaders();

  it("finds the reads of every service (the scan can fail)", () => {
    for (const action of [
      "ec2:DescribeVpcEndpointAssociations",
      "vpc-lattice:ListServiceNetworks",
      "rds:DescribeDBClusters",
      "ram:GetResourceShares",
    ])
      expect(called).toContain(action);
  });

  it("the member read-only policy lists exactly the member reads", () => {
    const member = [...called].filter((a) => a !== "organizations:ListAccounts").sort();
    expect([...policyActions("member-read-only-policy.json")].sort()).toEqual(member);
  });

  it("the hub policy lists the organization listing and the role assumption", () => {
    expect([...policyActions("hub-policy.json")].sort()).toEqual(["organizations:ListAccounts", "sts:AssumeRole"]);
  });

  it("the StackSet template's role carries the same read-only actions", () => {
    const template = readFileSync(path.join(deploy, "cloudformation", "member-role.yaml"), "utf8");
    const inTemplate = [...template.matchAll(/^\s+- ((?:ec2|vpc-lattice|rds|lambda|ram):[A-Za-z]+)\s*$/gm)].map(
      (m) => m[1]!,
    );
    expect(inTemplate.sort()).toEqual([...policyActions("member-read-only-policy.json")].sort());
  });
});
