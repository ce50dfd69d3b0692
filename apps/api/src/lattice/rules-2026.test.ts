/**
 * The rules Lattice's 2025–26 features add to "which hostname" and the check,
 * each passing and each failing alone: custom domains and their verification
 * under each private DNS preference, where a gateway resolves names, routes
 * beyond the gateway's VPC, network ACLs (stateless, both ways), the VPC
 * Lattice prefix list in security-group rules, and auth policies that deny
 * every caller.
 */
import { describe, expect, it } from "vitest";
import { InputsBuilder } from "../testing/fixtures.js";
import { analyzeConnectivity } from "./check.js";
import { answerConnect } from "./connect.js";

const CLIENT = "vpc-0000000000000000a";
const PROVIDER = "vpc-0000000000000000e";
const SN = "sn-0000000000000001a";
const CUSTOM = "orders.example.com";
const RCFG = "rcfg-00000000000000c1";
const SNRA = "snra-00000000000000c10";
const GENERATED = `${SNRA}.${RCFG}.4232ccc.vpc-lattice-rsc.us-east-1.on.aws`;
const CLIENT_SUBNET = "subnet-000000000000000ca";
const GATEWAY_SUBNET = "subnet-000000000000000pa";

function customDomain(
  options: {
    verification?: "VERIFIED" | "PENDING";
    preference?: string;
    specified?: string[];
    privateDns?: boolean;
    definition?: { dns?: string; ip?: string };
    dnsResolution?: "IN_VPC" | "PUBLIC";
  } = {},
): InputsBuilder {
  const b = new InputsBuilder()
    .vpc(CLIENT, "client", "10.1.0.0/16")
    .subnet(CLIENT_SUBNET, CLIENT, "a", "10.1.1.0/24")
    .vpc(PROVIDER, "provider", "10.0.0.0/16")
    .subnet(GATEWAY_SUBNET, PROVIDER, "a", "10.0.128.0/20")
    .network(SN, "shared")
    .gateway(
      "rgw-0000000000000000e",
      PROVIDER,
      [],
      [GATEWAY_SUBNET],
      options.dnsResolution ? { dnsResolution: options.dnsResolution } : {},
    )
    .configuration(RCFG, "orders-api", "SINGLE", {
      gateway: "rgw-0000000000000000e",
      ...(options.definition?.ip
        ? { ip: options.definition.ip }
        : { dns: options.definition?.dns ?? "orders.internal.example.com" }),
      customDomainName: CUSTOM,
      ports: ["443"],
      ...(options.verification
        ? {
            verification: {
              id: "dv-0000000000000000a",
              status: options.verification,
              ...(options.verification === "PENDING"
                ? { txtName: "_lattice.orders.example.com", txtValue: "lattice-verify-1234" }
                : {}),
            },
          }
        : {}),
    })
    .resourceAssociation(SNRA, SN, RCFG, { privateDnsEnabled: true, privateDnsName: CUSTOM })
    .vpcAssociation("snva-0000000000000000a", SN, CLIENT, {
      privateDnsEnabled: options.privateDns ?? true,
      ...(options.preference ? { preference: options.preference } : {}),
      ...(options.specified ? { specified: options.specified } : {}),
    });
  return b;
}

const namesFrom = (b: InputsBuilder) => {
  const row = answerConnect(b.index(), CLIENT).reachable[0]!;
  return {
    works: row.hostnames.map((h) => h.hostname),
    fails: row.notWorking.map((h) => [h.hostname, h.reason]),
  };
};

describe("custom domain names through a VPC association: verification × DNS preference", () => {
  it.each([
    ["VERIFIED", undefined, true],
    ["PENDING", undefined, false],
    ["PENDING", "ALL_DOMAINS", true],
    ["VERIFIED", "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS", true],
    ["PENDING", "SPECIFIED_DOMAINS_ONLY", false],
  ] as const)("a %s domain with the preference %s: custom name works = %s", (verification, preference, works) => {
    const names = namesFrom(
      customDomain({
        verification,
        ...(preference ? { preference } : {}),
        ...(preference === "SPECIFIED_DOMAINS_ONLY" ? { specified: ["*.other.com"] } : {}),
      }),
    );
    expect(names.works.includes(CUSTOM)).toBe(works);
    expect(names.works).toContain(GENERATED);
  });

  it("an unverified domain says why it does not resolve, with the TXT record to create", () => {
    const names = namesFrom(customDomain({ verification: "PENDING" }));
    const [, reason] = names.fails.find(([name]) => name === CUSTOM)!;
    expect(reason).toContain("VERIFIED_DOMAINS_ONLY admits only verified domains");
    expect(reason).toContain("create the TXT record _lattice.orders.example.com with the value lattice-verify-1234");
    expect(reason).toContain(`Use ${GENERATED}`);
  });

  it("a specified domain works under SPECIFIED_DOMAINS_ONLY even unverified", () => {
    const names = namesFrom(
      customDomain({ verification: "PENDING", preference: "SPECIFIED_DOMAINS_ONLY", specified: ["*.example.com"] }),
    );
    expect(names.works).toContain(CUSTOM);
  });

  it("with private DNS off on the VPC association, the custom name never works", () => {
    const names = namesFrom(customDomain({ verification: "VERIFIED", privateDns: false }));
    expect(names.works).not.toContain(CUSTOM);
    expect(names.fails.find(([name]) => name === CUSTOM)![1]).toContain("private DNS off");
  });
});

describe("where the resource gateway resolves names, and routes beyond its VPC", () => {
  const check = (b: InputsBuilder) => analyzeConnectivity(b.index(), { from: { vpc: CLIENT }, to: RCFG });

  it("PUBLIC resolution of a private name fails at the gateway hop, IN_VPC passes", () => {
    const privateName = { dns: "orders.db.internal" };
    const publicly = check(
      customDomain({ verification: "VERIFIED", dnsResolution: "PUBLIC", definition: privateName }),
    );
    expect(publicly.hops[4]).toMatchObject({ step: 5, status: "fail" });
    expect(publicly.hops[4]!.detail).toContain("resolves configuration names publicly");
    expect(publicly.hops[4]!.fix!.text).toContain("IN_VPC");
    expect(
      check(customDomain({ verification: "VERIFIED", dnsResolution: "IN_VPC", definition: privateName })).hops[4]!
        .status,
    ).toBe("pass");
    // A public name resolves publicly as well.
    expect(check(customDomain({ verification: "VERIFIED", dnsResolution: "PUBLIC" })).hops[4]!.status).toBe("pass");
  });

  it("an IP outside the gateway's VPC needs a route from the gateway's subnets", () => {
    const b = customDomain({ verification: "VERIFIED", definition: { ip: "192.168.5.10" } }).routeTable(
      "rtb-0000000000000000e",
      PROVIDER,
      [GATEWAY_SUBNET],
      [["10.0.0.0/16", "local"]],
    );
    const noRoute = check(b);
    expect(noRoute.hops[4]).toMatchObject({ status: "fail" });
    expect(noRoute.hops[4]!.detail).toContain("has no route to it");
    b.inputs.routeTables[0]!.routes.push({
      destination: "192.168.0.0/16",
      target: "tgw-0000000000000000a",
      state: "active",
    });
    expect(check(b).hops[4]!.status).toBe("pass");
  });
});

describe("network ACLs: stateless, the request and its answer", () => {
  const check = (b: InputsBuilder) =>
    analyzeConnectivity(b.index(), { from: { vpc: CLIENT, subnet: CLIENT_SUBNET }, to: RCFG });
  const withAcl = (entries: string[]) =>
    customDomain({ verification: "VERIFIED" }).networkAcl("acl-0000000000000000a", CLIENT, [CLIENT_SUBNET], entries);

  it("an ACL that allows the port out and the answers in passes", () => {
    const answer = check(withAcl(["100 allow out tcp 443 0.0.0.0/0", "100 allow in tcp 1024-65535 0.0.0.0/0"]));
    expect(answer.hops[7]).toMatchObject({ step: 8, title: "Network ACLs", status: "pass" });
    expect(answer.hops[7]!.rule).toContain("acl-0000000000000000a rule 100: ALLOW TCP 443 to 0.0.0.0/0");
  });

  it("a deny before the allow fails the hop, naming the rule and the fix", () => {
    const answer = check(
      withAcl(["90 deny out tcp 443 129.224.0.0/17", "100 allow out all 0 0.0.0.0/0", "100 allow in all 0 0.0.0.0/0"]),
    );
    expect(answer.verdict).toBe("not-reachable");
    const hop = answer.hops[7]!;
    expect(hop).toMatchObject({ status: "fail", subject: { id: "acl-0000000000000000a" } });
    expect(hop.detail).toContain("rule 90: DENY TCP 443 to 129.224.0.0/17");
    expect(hop.fix!.text).toContain("outbound ALLOW for TCP 443 to 129.224.0.0/17 numbered below 90");
  });

  it("answers blocked on the ephemeral ports fail too (the stateless half people forget)", () => {
    const answer = check(withAcl(["100 allow out tcp 443 0.0.0.0/0", "100 allow in tcp 443 0.0.0.0/0"]));
    expect(answer.hops[7]!.status).toBe("fail");
    expect(answer.hops[7]!.detail).toContain("the answers on port 1024 (the client's ephemeral ports)");
  });

  it("Connect's row carries the failing ACL hop too", () => {
    const b = withAcl(["90 deny out all 0 0.0.0.0/0"]);
    // The ACL covers every subnet of the client VPC: whichever the client is in.
    b.inputs.networkAcls[0]!.subnetIds.push(`subnet-${CLIENT.slice(4)}a`);
    const row = answerConnect(b.index(), CLIENT).reachable[0]!;
    expect(row.check).toMatchObject({ verdict: "not-reachable", failing: { step: 8, title: "Network ACLs" } });
  });
});

describe("the VPC Lattice prefix list in security-group rules", () => {
  it("client egress to the Lattice range through a prefix-list rule passes only when the list holds the range", () => {
    const b = customDomain({ verification: "VERIFIED" });
    b.inputs.securityGroups.push({
      groupId: "sg-0000000000000client",
      groupName: "client",
      description: "client",
      vpcId: CLIENT,
      ingress: [],
      egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, prefixListId: "pl-0lattice0000000001" }],
    });
    const run = () =>
      analyzeConnectivity(b.index(), { from: { vpc: CLIENT, securityGroup: "sg-0000000000000client" }, to: RCFG })
        .hops[0]!;
    expect(run().status).toBe("fail");
    b.inputs.prefixLists.push({
      id: "pl-0lattice0000000001",
      name: "com.amazonaws.us-east-1.vpc-lattice",
      cidrs: ["129.224.0.0/17", "169.254.171.0/24"],
    });
    expect(run()).toMatchObject({ status: "pass", rule: expect.stringContaining("pl-0lattice0000000001") });
  });
});

describe("auth policies that deny every caller", () => {
  const service = (policy: string) =>
    new InputsBuilder()
      .vpc(CLIENT, "client", "10.1.0.0/16")
      .network(SN, "shared", { authPolicyText: policy })
      .service("svc-0000000000000000f", "checkout")
      .serviceAssociation("snsa-0000000000000000f", SN, "svc-0000000000000000f")
      .vpcAssociation("snva-0000000000000000a", SN, CLIENT);
  const withTargets = (b: InputsBuilder) => {
    b.inputs.targetGroups.push({
      id: "tg-0000000000000000a",
      arn: "arn:aws:vpc-lattice:us-east-1:111122223333:targetgroup/tg-0000000000000000a",
      name: "lambda",
      type: "LAMBDA",
      status: "ACTIVE",
      serviceArns: [b.inputs.services[0]!.arn],
      targets: [{ id: "arn:aws:lambda:us-east-1:111122223333:function:hello", status: "HEALTHY" }],
    });
    return b;
  };
  const hop6 = (policy: string) =>
    analyzeConnectivity(withTargets(service(policy)).index(), { from: { vpc: CLIENT }, to: "svc-0000000000000000f" })
      .hops[5]!;

  it("a Deny of everyone fails with the policy named", () => {
    const hop = hop6(
      JSON.stringify({
        Statement: [
          { Effect: "Allow", Principal: "*", Action: "vpc-lattice-svcs:Invoke", Resource: "*" },
          { Effect: "Deny", Principal: { AWS: "*" }, Action: "*", Resource: "*" },
        ],
      }),
    );
    expect(hop).toMatchObject({ status: "fail" });
    expect(hop.detail).toContain("denies every caller");
  });

  it("a policy with no Allow fails; an Allow passes (what it means for one caller is the caller's)", () => {
    expect(hop6(JSON.stringify({ Statement: [] })).status).toBe("fail");
    expect(
      hop6(
        JSON.stringify({
          Statement: [{ Effect: "Allow", Principal: "*", Action: "vpc-lattice-svcs:Invoke", Resource: "*" }],
        }),
      ).status,
    ).toBe("pass");
  });
});
