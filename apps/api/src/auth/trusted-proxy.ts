/**
 * Identity from an authenticating reverse proxy (oauth2-proxy and the like): the user in `X-Forwarded-Email` /
 * `X-Auth-Request-Email` / `X-Auth-Request-User` / `X-Forwarded-User`, groups in `X-Forwarded-Groups` /
 * `X-Auth-Request-Groups` (comma separated). Believed ONLY when the TCP peer is one of the configured proxy
 * addresses (--trusted-proxy <cidr>): anyone else could send the same headers.
 */
import { BlockList, isIP } from "node:net";
import type { Identity } from "./identity.js";

export class TrustedProxyError extends Error {}

/** A BlockList of the proxies' CIDRs (a bare address is a /32 or /128). */
export function trustedProxyList(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address = "", prefixText] = cidr.trim().split("/");
    const family = isIP(address);
    if (family === 0)
      throw new TrustedProxyError(
        `--trusted-proxy "${cidr}" is not an address or CIDR; write e.g. 10.0.0.0/8 or 10.0.3.7`,
      );
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > max)
      throw new TrustedProxyError(`--trusted-proxy "${cidr}" has a prefix length outside 0–${max}`);
    list.addSubnet(address, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return list;
}

/** True when the peer is a trusted proxy (an IPv4-mapped IPv6 peer is read as its IPv4 address). */
export function fromTrustedProxy(list: BlockList, peer: string | undefined): boolean {
  if (!peer) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(peer);
  const address = mapped ? mapped[1]! : peer;
  const family = isIP(address);
  if (family === 0) return false;
  return list.check(address, family === 4 ? "ipv4" : "ipv6");
}

type Headers = Record<string, string | string[] | undefined>;
const first = (headers: Headers, names: string[]): string | undefined => {
  for (const name of names) {
    const value = headers[name];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    if (text) return text;
  }
  return undefined;
};

/** The identity the proxy's headers name, undefined when they name no user. */
export function identityFromHeaders(headers: Headers): Omit<Identity, "role"> | undefined {
  const email = first(headers, ["x-forwarded-email", "x-auth-request-email"]);
  const user = first(headers, [
    "x-auth-request-preferred-username",
    "x-forwarded-preferred-username",
    "x-auth-request-user",
    "x-forwarded-user",
  ]);
  const id = user ?? email;
  if (!id) return undefined;
  const groups = (first(headers, ["x-forwarded-groups", "x-auth-request-groups"]) ?? "")
    .split(",")
    .map((g) => g.trim())
    .filter(Boolean);
  return { id, ...(email ? { email } : {}), groups, via: "proxy" };
}
