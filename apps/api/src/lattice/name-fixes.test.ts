/**
 * The one-click fix on a name that does not resolve through a VPC association, each branch alone: private DNS
 * off → turn it on; no verification under a VERIFIED_* preference → verify the domain; a pending verification
 * or a preference that does not list the domain → list it among the specified domains; private DNS off on the
 * resource association → no change (fixed at creation). And preflight: the planned fix passes; a change on
 * something AWS manages is refused with AWS_MANAGED.
 */
import type { Action } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { preflight, type PreflightContext } from "../actions/preflight.js";
import { FIXTURE_ACCOUNT, FIXTURE_REGION, InputsBuilder } from "../testing/fixtures.js";
import { answerConnect } from "./connect.js";

const CLIENT = "vpc-0000000000000000a";
const PROVIDER = "vpc-0000000000000000e";
const SN = "sn-0000000000000001a";
const SNVA = "snva-0000000000000000a";
const CUSTOM = "orders.example.com";
const RCFG = "rcfg-00000000000000c1";
const SNRA = "snra-00000000000000c10";
const CTX: PreflightContext = { accountId: FIXTURE_ACCOUNT, region: FIXTURE_REGION, mutationsAllowed: true };

function setup(
  options: {
    verification?: "VERIFIED" | "PENDING";
    preference?: string;
    specified?: string[];
    privateDns?: boolean;
    associationPrivateDns?: boolean;
    amazonManaged?: boolean;
  } = {},
): InputsBuilder {
  return new InputsBuilder()
    .vpc(CLIENT, "client", "10.1.0.0/16")
    .subnet("subnet-000000000000000ca", CLIENT, "a", "10.1.1.0/24")
    .vpc(PROVIDER, "provider", "10.0.0.0/16")
    .subnet("subnet-000000000000000pa", PROVIDER, "a", "10.0.128.0/20")
    .network(SN, "shared")
    .gateway("rgw-0000000000000000e", PROVIDER, [], ["subnet-000000000000000pa"])
    .configuration(RCFG, "orders-api", "SINGLE", {
      gateway: "rgw-0000000000000000e",
      dns: "orders.internal.example.com",
      customDomainName: CUSTOM,
      ports: ["443"],
      ...(options.amazonManaged ? { amazonManaged: true } : {}),
      ...(options.verification
        ? {
            verification: {
              id: "dv-0000000000000000a",
              status: options.verification,
              ...(options.verification === "PENDING" ? { txtName: "_lattice.orders", txtValue: "verify-1234" } : {}),
            },
          }
        : {}),
    })
    .resourceAssociation(SNRA, SN, RCFG, {
      privateDnsEnabled: options.associationPrivateDns ?? true,
      privateDnsName: CUSTOM,
    })
    .vpcAssociation(SNVA, SN, CLIENT, {
      privateDnsEnabled: options.privateDns ?? true,
      ...(options.preference ? { preference: options.preference } : {}),
      ...(options.specified ? { specified: options.specified } : {}),
    });
}

const customRow = (b: InputsBuilder) => {
  const row = answerConnect(b.index(), CLIENT).reachable[0]!;
  return {
    working: row.hostnames.find((h) => h.hostname === CUSTOM),
    failing: row.notWorking.find((h) => h.hostname === CUSTOM),
  };
};

describe("the fix on a custom name that does not resolve through a VPC association", () => {
  it("a working custom name carries no fix", () => {
    const { working, failing } = customRow(setup({ verification: "VERIFIED" }));
    expect(working).toBeDefined();
    expect(working!.fix).toBeUndefined();
    expect(failing).toBeUndefined();
  });

  it("private DNS off on the VPC association: turn it on, keeping the preference", () => {
    const { failing } = customRow(setup({ verification: "VERIFIED", privateDns: false, preference: "ALL_DOMAINS" }));
    expect(failing!.fix!.action).toEqual({
      type: "update-vpc-association-dns",
      associationId: SNVA,
      privateDnsEnabled: true,
      dnsOptions: { privateDnsPreference: "ALL_DOMAINS" },
    });
  });

  it("no verification under VERIFIED_DOMAINS_ONLY: verify the domain", () => {
    const { failing } = customRow(setup());
    expect(failing!.fix!.action).toEqual({ type: "start-domain-verification", domainName: CUSTOM });
  });

  it("a pending verification: create its TXT record, or list the domain among the specified ones", () => {
    const { failing } = customRow(setup({ verification: "PENDING" }));
    expect(failing!.fix!.text).toContain("Create the TXT record _lattice.orders (value verify-1234)");
    expect(failing!.fix!.action).toEqual({
      type: "update-vpc-association-dns",
      associationId: SNVA,
      privateDnsEnabled: true,
      dnsOptions: {
        privateDnsPreference: "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS",
        privateDnsSpecifiedDomains: [CUSTOM],
      },
    });
  });

  it("SPECIFIED_DOMAINS_ONLY without the domain: the list grows, the preference stays", () => {
    const { failing } = customRow(setup({ preference: "SPECIFIED_DOMAINS_ONLY", specified: ["*.other.com"] }));
    expect(failing!.fix!.action).toMatchObject({
      dnsOptions: {
        privateDnsPreference: "SPECIFIED_DOMAINS_ONLY",
        privateDnsSpecifiedDomains: ["*.other.com", CUSTOM],
      },
    });
  });

  it("private DNS off on the resource association: no one-click change (it is fixed at creation)", () => {
    const { failing } = customRow(setup({ verification: "VERIFIED", associationPrivateDns: false }));
    expect(failing!.fix!.text).toContain("fixed at creation");
    expect(failing!.fix!.action).toBeUndefined();
  });

  it.each([
    ["a pending verification", { verification: "PENDING" as const }],
    ["private DNS off", { verification: "VERIFIED" as const, privateDns: false }],
    ["a list that grows", { preference: "SPECIFIED_DOMAINS_ONLY", specified: ["*.other.com"] }],
  ])("the planned fix for %s passes preflight and makes the name work", (_, options) => {
    const before = setup(options);
    const action = customRow(before).failing!.fix!.action!;
    expect(preflight(before.index(), action, CTX).blocking).toBe(false);
    // Apply it to the fixture as AWS would, and ask again.
    const after = setup(options);
    const snva = after.inputs.vpcAssociations[0]!;
    if (action.type !== "update-vpc-association-dns") throw new Error(action.type);
    snva.privateDnsEnabled = action.privateDnsEnabled;
    if (action.dnsOptions) snva.dnsOptions = action.dnsOptions;
    expect(customRow(after).working).toBeDefined();
  });
});

describe("preflight refuses changes on what AWS manages (AWS_MANAGED)", () => {
  const codes = (b: InputsBuilder, action: Action) => preflight(b.index(), action, CTX).findings.map((f) => f.code);
  const associate: Action = { type: "associate-resource", serviceNetworkId: SN, resourceConfigurationId: RCFG };

  it("an AWS-managed configuration", () => {
    expect(codes(setup({ amazonManaged: true }), associate)).toContain("AWS_MANAGED");
    expect(codes(setup(), associate)).not.toContain("AWS_MANAGED");
  });

  it("a managed child association", () => {
    const b = setup().resourceAssociation("snra-00000000000000c11", SN, RCFG, { managed: true });
    expect(codes(b, { type: "remove-resource-association", associationId: "snra-00000000000000c11" })).toContain(
      "AWS_MANAGED",
    );
    expect(codes(b, { type: "remove-resource-association", associationId: SNRA })).not.toContain("AWS_MANAGED");
  });
});
