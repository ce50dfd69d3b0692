import { describe, expect, it } from "vitest";
import { roleSessionName } from "./identity.js";
import { fromTrustedProxy, identityFromHeaders, trustedProxyList } from "./trusted-proxy.js";

describe("trusted proxy addresses", () => {
  const list = trustedProxyList(["10.0.0.0/8", "192.168.1.7", "fd00::/8"]);
  it.each([
    ["10.1.2.3", true],
    ["::ffff:10.1.2.3", true],
    ["192.168.1.7", true],
    ["192.168.1.8", false],
    ["fd00::1", true],
    ["127.0.0.1", false],
    [undefined, false],
  ])("%s → %s", (peer, trusted) => {
    expect(fromTrustedProxy(list, peer)).toBe(trusted);
  });

  it.each(["10.0.0.0/33", "proxy.internal", "10.0.0.0/x"])("refuses %s naming the flag", (cidr) => {
    expect(() => trustedProxyList([cidr])).toThrow(`--trusted-proxy "${cidr}"`);
  });
});

describe("identity headers (oauth2-proxy style)", () => {
  it("reads user, e-mail and groups", () => {
    expect(
      identityFromHeaders({
        "x-forwarded-email": "otto@example.com",
        "x-auth-request-user": "otto",
        "x-forwarded-groups": "platform-team, readers",
      }),
    ).toEqual({ id: "otto", email: "otto@example.com", groups: ["platform-team", "readers"], via: "proxy" });
  });
  it("uses the e-mail as the id when no user header comes", () => {
    expect(identityFromHeaders({ "x-forwarded-email": "vera@example.com" })?.id).toBe("vera@example.com");
  });
  it("names nobody without those headers", () => {
    expect(identityFromHeaders({ "x-forwarded-for": "10.0.0.1" })).toBeUndefined();
  });
});

describe("AWS role session names", () => {
  it.each([
    ["otto", "atlas-otto"],
    ["vera@example.com", "atlas-vera@example.com"],
    ["José Ñ/ops", "atlas-Jos----ops"],
    ["x".repeat(100), `atlas-${"x".repeat(58)}`],
  ])("%s → %s", (user, name) => {
    expect(roleSessionName(user)).toBe(name);
    expect(roleSessionName(user)).toMatch(/^[\w+=,.@-]{2,64}$/);
  });
});
