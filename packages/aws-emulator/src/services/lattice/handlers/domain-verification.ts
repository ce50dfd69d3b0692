/**
 * Domain verification (TXT method): a provider proves it owns a domain so that
 * consumers' private DNS preferences (VERIFIED_DOMAINS_ONLY, the default) let
 * its custom domain names resolve. A verification starts PENDING with a TXT
 * record to create at `<txtMethodConfig.name>.<domainName>`; it turns VERIFIED
 * once that record holds the value in the emulator's simulated public DNS
 * (control API `/_emulator/dns/txt`), or VERIFICATION_TIMED_OUT when it has not
 * after the timeout (72 hours, as AWS's other TXT verifications; assumed).
 * Checks are lazy: every read of a verification or of what carries its status
 * looks again.
 */
import type {
  DeleteDomainVerificationRequest,
  GetDomainVerificationRequest,
  ListDomainVerificationsRequest,
  StartDomainVerificationRequest,
} from "@aws-sdk/client-vpc-lattice";
import type { PublicDns } from "../../../core/public-dns.js";
import type { RegionState } from "../../../core/region.js";
import type { Handler, HandlerContext } from "../../../core/service.js";
import { conflict, invalid, notFound, quotaExceeded } from "../errors.js";
import type { DomainVerificationRecord, ResourceConfigurationRecord } from "../state.js";
import { idFromIdentifier, idempotent, latticeArn, setTags, toDate } from "../support.js";
import { listPage } from "./common.js";

/** Domain verifications per account and Region (AWS's default quota). */
export const DOMAIN_VERIFICATIONS_PER_REGION = 5;
export const VERIFICATION_TIMEOUT_MS = 72 * 3600 * 1000;

const HOSTNAME = /^(?=.{3,255}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const DV_IDENTIFIER =
  /^((dv-[0-9a-z]{17})|(arn:aws[a-z0-9-]*:vpc-lattice:[a-z0-9-]+:\d{12}:domainverification\/dv-[a-fA-F0-9]{17}))$/;

export const txtRecordName = (dv: DomainVerificationRecord): string => `${dv.txtMethodConfig.name}.${dv.domainName}`;

/** Looks for the TXT record of a PENDING verification; times it out when it is too old. */
export function refreshVerification(
  dv: DomainVerificationRecord,
  dns: PublicDns | undefined,
  now: number,
): DomainVerificationRecord {
  if (dv.status !== "PENDING") return dv;
  if (dns?.lookupTxt(txtRecordName(dv)).includes(dv.txtMethodConfig.value)) {
    dv.status = "VERIFIED";
    dv.lastVerifiedTime = new Date(now).toISOString();
  } else if (now - Date.parse(dv.createdAt) > VERIFICATION_TIMEOUT_MS) {
    dv.status = "VERIFICATION_TIMED_OUT";
  }
  return dv;
}

/** `domain` is `parent` or one of its sub-domains. */
export function coversDomain(parent: string, domain: string): boolean {
  const p = parent.toLowerCase().replace(/\.$/, "");
  const d = domain.toLowerCase().replace(/\.$/, "");
  return d === p || d.endsWith(`.${p}`);
}

function view(ctx: HandlerContext, dv: DomainVerificationRecord) {
  refreshVerification(dv, ctx.publicDns, ctx.now);
  return {
    id: dv.id,
    arn: dv.arn,
    domainName: dv.domainName,
    status: dv.status,
    createdAt: toDate(dv.createdAt),
    txtMethodConfig: dv.txtMethodConfig,
    lastVerifiedTime: toDate(dv.lastVerifiedTime),
    tags: { ...(ctx.state.lattice.tags[dv.arn] ?? {}) },
  };
}

export function findDomainVerification(
  ctx: HandlerContext,
  identifier: string,
  field = "domainVerificationIdentifier",
): DomainVerificationRecord {
  if (identifier.length < 20 || identifier.length > 2048 || !DV_IDENTIFIER.test(identifier)) {
    throw invalid(field, "Member must be a domain verification id (dv-…) or its ARN");
  }
  const id = idFromIdentifier(identifier);
  const dv = ctx.state.lattice.domainVerifications[id];
  if (!dv || (identifier.startsWith("arn:") && dv.arn !== identifier))
    throw notFound("DOMAIN_VERIFICATION", id, "Domain verification");
  return refreshVerification(dv, ctx.publicDns, ctx.now);
}

/**
 * The verification that stands behind a configuration's custom domain: its
 * own, else its group's (a child's domain is a sub-domain of the group domain).
 */
export function verificationOf(
  state: RegionState,
  config: ResourceConfigurationRecord,
  dns: PublicDns | undefined,
  now: number,
): DomainVerificationRecord | undefined {
  const l = state.lattice;
  const own = config.domainVerificationId ? l.domainVerifications[config.domainVerificationId] : undefined;
  const group =
    !own && config.resourceConfigurationGroupId
      ? l.resourceConfigurations[config.resourceConfigurationGroupId]
      : undefined;
  const dv = own ?? (group?.domainVerificationId ? l.domainVerifications[group.domainVerificationId] : undefined);
  return dv ? refreshVerification(dv, dns, now) : undefined;
}

/**
 * Whether the private domain of a configuration counts as verified: names AWS
 * owns (an RDS cluster's, behind an AWS-managed child) always do; a custom
 * domain does when a VERIFIED verification covers it.
 */
export function domainVerified(
  state: RegionState,
  config: ResourceConfigurationRecord,
  domain: string,
  dns: PublicDns | undefined,
  now: number,
): boolean {
  if (config.amazonManaged) return true;
  const dv = verificationOf(state, config, dns, now);
  return dv?.status === "VERIFIED" && coversDomain(dv.domainName, domain);
}

/**
 * A service's custom domain counts as verified when a VERIFIED domain
 * verification of its account covers it (services take no verification id in
 * the API; assumed).
 */
export function serviceDomainVerified(
  state: RegionState,
  domain: string,
  dns: PublicDns | undefined,
  now: number,
): boolean {
  return Object.values(state.lattice.domainVerifications).some(
    (dv) => refreshVerification(dv, dns, now).status === "VERIFIED" && coversDomain(dv.domainName, domain),
  );
}

const startDomainVerification: Handler = (input: StartDomainVerificationRequest, ctx) =>
  idempotent(
    ctx,
    input,
    () => {
      const domainName = (input.domainName ?? "").toLowerCase().replace(/\.$/, "");
      if (!HOSTNAME.test(domainName)) {
        throw invalid("domainName", "Member must be a domain name of 3 to 255 characters (labels of a-z, 0-9 and -)");
      }
      const l = ctx.state.lattice;
      const existing = Object.values(l.domainVerifications).find((dv) => dv.domainName === domainName);
      if (existing) {
        throw conflict(
          "DOMAIN_VERIFICATION",
          existing.id,
          `Domain ${domainName} already has domain verification ${existing.id} (${existing.status}).`,
        );
      }
      if (Object.keys(l.domainVerifications).length >= DOMAIN_VERIFICATIONS_PER_REGION) {
        throw quotaExceeded(
          "DOMAIN_VERIFICATION",
          "L-5A8E1F3B",
          `This account already has ${DOMAIN_VERIFICATIONS_PER_REGION} domain verifications in ${ctx.region} (quota: domain verifications per Region).`,
        );
      }
      const id = `dv-0${ctx.ids.hex(16)}`;
      const record: DomainVerificationRecord = {
        id,
        arn: latticeArn(ctx, `domainverification/${id}`),
        domainName,
        status: "PENDING",
        createdAt: ctx.nowIso,
        txtMethodConfig: { name: `_${ctx.ids.hex(14)}`, value: `vpc-lattice:${ctx.ids.hex(24)}` },
      };
      l.domainVerifications[id] = record;
      setTags(ctx, record.arn, input.tags);
      return {
        id,
        response: {
          id,
          arn: record.arn,
          domainName,
          status: record.status,
          txtMethodConfig: record.txtMethodConfig,
        },
      };
    },
    (id) => {
      const dv = ctx.state.lattice.domainVerifications[id];
      if (!dv) return undefined;
      const { id: dvId, arn, domainName, status, txtMethodConfig } = view(ctx, dv);
      return { id: dvId, arn, domainName, status, txtMethodConfig };
    },
  );

const getDomainVerification: Handler = (input: GetDomainVerificationRequest, ctx) =>
  view(ctx, findDomainVerification(ctx, input.domainVerificationIdentifier!));

const listDomainVerifications: Handler = (input: ListDomainVerificationsRequest, ctx) => {
  const page = listPage(ctx, Object.values(ctx.state.lattice.domainVerifications), input, "all");
  return { items: page.items.map((dv) => view(ctx, dv)), nextToken: page.nextToken };
};

/**
 * Deleting a verification is allowed while configurations name it (the API
 * models no conflict for it); they keep its id and lose its status.
 */
const deleteDomainVerification: Handler = (input: DeleteDomainVerificationRequest, ctx) => {
  const dv = findDomainVerification(ctx, input.domainVerificationIdentifier!);
  delete ctx.state.lattice.domainVerifications[dv.id];
  delete ctx.state.lattice.tags[dv.arn];
  return {};
};

/** The control switch: sets a verification's status without DNS (tests, demos). */
export function setVerificationStatus(
  state: RegionState,
  id: string,
  status: string,
  now: number,
): DomainVerificationRecord {
  const dv = state.lattice.domainVerifications[id];
  if (!dv) throw new Error(`no domain verification ${id} in account ${state.accountId}, ${state.region}`);
  if (!["PENDING", "VERIFIED", "VERIFICATION_TIMED_OUT"].includes(status)) {
    throw new Error("status must be PENDING, VERIFIED or VERIFICATION_TIMED_OUT");
  }
  dv.status = status;
  if (status === "VERIFIED") dv.lastVerifiedTime = new Date(now).toISOString();
  if (status === "PENDING") dv.createdAt = new Date(now).toISOString();
  return dv;
}

export const domainVerificationHandlers: Record<string, Handler> = {
  StartDomainVerification: startDomainVerification,
  GetDomainVerification: getDomainVerification,
  ListDomainVerifications: listDomainVerifications,
  DeleteDomainVerification: deleteDomainVerification,
};
