/**
 * Which custom domain names get a private hosted zone in a consumer VPC: the
 * private DNS preference of the way in (a service-network VPC association's
 * `dnsOptions`, a VPC endpoint's `DnsOptions`) decides, given whether the
 * provider verified the domain.
 *
 * - VERIFIED_DOMAINS_ONLY (the default): verified domains.
 * - ALL_DOMAINS: every custom domain.
 * - VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS: verified ones and the consumer's specified domains.
 * - SPECIFIED_DOMAINS_ONLY: the consumer's specified domains.
 *
 * A specified domain matches itself; a wildcard `*.example.com` matches every
 * name under example.com (not example.com itself).
 */
export const DEFAULT_PRIVATE_DNS_PREFERENCE = "VERIFIED_DOMAINS_ONLY";

export function matchesSpecifiedDomain(domain: string, specified: readonly string[] | undefined): boolean {
  const name = domain.toLowerCase().replace(/\.$/, "");
  return (specified ?? []).some((raw) => {
    const entry = raw.toLowerCase().replace(/\.$/, "");
    return entry.startsWith("*.") ? name.endsWith(entry.slice(1)) : name === entry;
  });
}

export function preferenceAdmits(
  preference: string | undefined,
  specified: readonly string[] | undefined,
  domain: string,
  verified: boolean,
): boolean {
  switch (preference ?? DEFAULT_PRIVATE_DNS_PREFERENCE) {
    case "ALL_DOMAINS":
      return true;
    case "VERIFIED_DOMAINS_AND_SPECIFIED_DOMAINS":
      return verified || matchesSpecifiedDomain(domain, specified);
    case "SPECIFIED_DOMAINS_ONLY":
      return matchesSpecifiedDomain(domain, specified);
    default:
      return verified;
  }
}
