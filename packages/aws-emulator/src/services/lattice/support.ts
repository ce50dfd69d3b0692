/** Shared pieces of the Lattice handlers: ARNs, identifier resolution, DNS names, tags, idempotency. */
import { createHash } from "node:crypto";
import { parameterFingerprint } from "../../core/canonical.js";
import type { RegionState } from "../../core/region.js";
import type { HandlerContext } from "../../core/service.js";
import { conflict, notFound } from "./errors.js";
import type { DnsEntryRecord } from "./state.js";

export const RESOURCE_DNS_HASH = "4232ccc";
export const SERVICE_DNS_HASH = "7d67968";

export function latticeArn(ctx: HandlerContext, path: string): string {
  return `arn:aws:vpc-lattice:${ctx.region}:${ctx.accountId}:${path}`;
}

/** An `*Identifier` is an id or an ARN; the id is the last path segment of the ARN. */
export function idFromIdentifier(identifier: string): string {
  if (!identifier.startsWith("arn:")) return identifier;
  const resource = identifier.split(":").slice(5).join(":");
  return resource.split("/").pop() ?? identifier;
}

export function resolve<T>(collection: Record<string, T>, identifier: string, resourceType: string, noun: string): T {
  const id = idFromIdentifier(identifier);
  const record = collection[id];
  if (!record) throw notFound(resourceType, id, noun);
  return record;
}

const hostedZones = new Map<string, string>();

/**
 * One hosted zone per region and kind of name, as AWS uses a shared zone for
 * every `vpc-lattice-rsc` / `vpc-lattice-svcs` name of a region (memoised: it is a hash).
 */
export function sharedHostedZone(region: string, kind: string): string {
  const key = `${kind}:${region}`;
  let zone = hostedZones.get(key);
  if (zone === undefined) {
    zone = hostedZoneFor(region, kind);
    hostedZones.set(key, zone);
  }
  return zone;
}

function hostedZoneFor(region: string, kind: string): string {
  const hex = createHash("sha256").update(`${kind}:${region}`).digest("hex");
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  let out = "Z";
  for (let i = 0; i < 20; i++) out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % 36];
  return out;
}

export function serviceDnsEntry(region: string, name: string, serviceId: string): DnsEntryRecord {
  return {
    domainName: `${name}-${serviceId.replace(/^svc-/, "")}.${SERVICE_DNS_HASH}.vpc-lattice-svcs.${region}.on.aws`,
    hostedZoneId: sharedHostedZone(region, "svcs"),
  };
}

export function resourceAssociationDnsEntry(region: string, snraId: string, rcfgId: string): DnsEntryRecord {
  return {
    domainName: `${snraId}.${rcfgId}.${RESOURCE_DNS_HASH}.vpc-lattice-rsc.${region}.on.aws`,
    hostedZoneId: sharedHostedZone(region, "rsc"),
  };
}

/**
 * Drops what is keyed by a removed record's ARN (tags, resource policy): the
 * ARN ends with `/<id>`, and ids are never reused.
 */
export function forgetArnOf(state: RegionState, id: string): void {
  const l = state.lattice;
  const suffix = `/${id}`;
  for (const key of Object.keys(l.tags)) if (key.endsWith(suffix)) delete l.tags[key];
  for (const key of Object.keys(l.resourcePolicies)) if (key.endsWith(suffix)) delete l.resourcePolicies[key];
  for (const key of Object.keys(l.authPolicies)) if (key.endsWith(suffix)) delete l.authPolicies[key];
}

export function setTags(ctx: HandlerContext, arn: string, tags: Record<string, string> | undefined): void {
  if (tags && Object.keys(tags).length > 0) ctx.state.lattice.tags[arn] = { ...tags };
}

/**
 * clientToken semantics: a retry with the same token and parameters returns the
 * original result without acting; different parameters → ConflictException.
 */
export function idempotent(
  ctx: HandlerContext,
  input: { clientToken?: string | undefined },
  create: () => { id: string; response: Record<string, unknown> },
  current?: (id: string) => Record<string, unknown> | undefined,
): Record<string, unknown> {
  const token = input.clientToken;
  if (!token) return create().response;
  const key = `${ctx.operation}:${token}`;
  const seen = ctx.state.idempotency[key];
  const print = parameterFingerprint(input, "clientToken");
  if (seen) {
    if (seen.fingerprint !== print) {
      throw conflict(
        "ClientToken",
        token,
        `The client token ${token} was already used with different parameters. Use a new token for a new request.`,
      );
    }
    return current?.(seen.resourceId) ?? seen.response;
  }
  const result = create();
  ctx.state.idempotency[key] = { fingerprint: print, resourceId: result.id, response: result.response };
  return result.response;
}

export const toDate = (iso: string | undefined): Date | undefined => (iso ? new Date(iso) : undefined);

/** Statuses that mean "this association is going away or gone wrong" for invariant checks. */
export const LIVE = (status: string): boolean => !status.startsWith("DELETE") && status !== "CREATE_FAILED";

export function pageSize(maxResults: number | undefined): number {
  return maxResults ?? 100;
}
