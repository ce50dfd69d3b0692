import { actionFingerprint, type Action } from "@lattice-atlas/shared";
import { describe, expect, it } from "vitest";
import { createClientTokenLifecycle, mintClientToken } from "./client-token";

const associate: Action = {
  type: "associate-vpc",
  serviceNetworkId: "sn-0b615c0ed1ca34177",
  vpcId: "vpc-023cb195488e7d121",
  securityGroupIds: ["sg-01865685cfdf14862"],
  privateDnsEnabled: false,
};
const endpoint: Action = {
  type: "create-service-network-endpoint",
  serviceNetworkId: "sn-0b615c0ed1ca34177",
  vpcId: "vpc-023cb195488e7d121",
  subnetIds: ["subnet-0a6bfa2a468cb071d"],
};

function counter(): () => string {
  let n = 0;
  return () => `token-${++n}`;
}

describe("client-token lifecycle", () => {
  it("mints one token when the sheet opens, and the plan shows the token the send will use", () => {
    const tokens = createClientTokenLifecycle(counter());
    expect(tokens.minted).toEqual(["token-1"]);
    expect(tokens.tokenFor(associate)).toBe("token-1");
    expect(tokens.forSend(associate)).toBe("token-1");
  });

  it("reuses the token on every retry and double click of the same change", () => {
    const tokens = createClientTokenLifecycle(counter());
    const sends = [tokens.forSend(associate), tokens.forSend(associate), tokens.forSend({ ...associate })];
    expect(new Set(sends)).toEqual(new Set(["token-1"]));
    expect(tokens.minted).toHaveLength(1);
  });

  it("treats key order and absent members as the same change", () => {
    const tokens = createClientTokenLifecycle(counter());
    tokens.forSend(associate);
    const reordered = {
      privateDnsEnabled: false,
      vpcId: associate.vpcId,
      type: "associate-vpc",
      securityGroupIds: ["sg-01865685cfdf14862"],
      serviceNetworkId: "sn-0b615c0ed1ca34177",
      // A member present with the value undefined (as a form may leave it) is the same as absent.
      dnsOptions: undefined,
    } as unknown as Action;
    expect(tokens.forSend(reordered)).toBe("token-1");
  });

  it("gives another change (the form edited after a send) a fresh token, and keeps each sent change's own", () => {
    const tokens = createClientTokenLifecycle(counter());
    expect(tokens.forSend(associate)).toBe("token-1");
    // Edited to another change: the old token would be refused (IDEMPOTENCY_MISMATCH), so a new one is minted once.
    expect(tokens.tokenFor(endpoint)).toBe("token-2");
    expect(tokens.tokenFor(endpoint)).toBe("token-2");
    expect(tokens.forSend(endpoint)).toBe("token-2");
    // Back to the first change: a retry of it, so its own token again.
    expect(tokens.forSend(associate)).toBe("token-1");
    expect(tokens.minted).toEqual(["token-1", "token-2"]);
  });

  it("does not spend the opening token on a change that is only planned", () => {
    const tokens = createClientTokenLifecycle(counter());
    tokens.tokenFor(associate);
    tokens.tokenFor(endpoint);
    expect(tokens.forSend(endpoint)).toBe("token-1");
  });

  it("mints a new token to create a change again after its removal (delete and recreate)", () => {
    const tokens = createClientTokenLifecycle(counter());
    expect(tokens.forSend(associate)).toBe("token-1");
    tokens.forget(associate);
    expect(tokens.forSend(associate)).toBe("token-2");
  });

  it("uses UUIDs by default, valid for the API (1–64 printable characters)", () => {
    const token = mintClientToken();
    expect(token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(token).toMatch(/^[!-~]{1,64}$/);
    expect(createClientTokenLifecycle().minted[0]).not.toBe(createClientTokenLifecycle().minted[0]);
  });

  it("fingerprints canonically", () => {
    expect(actionFingerprint({ ...associate })).toBe(actionFingerprint(associate));
    expect(actionFingerprint(associate)).not.toBe(actionFingerprint({ ...associate, privateDnsEnabled: true }));
  });
});
