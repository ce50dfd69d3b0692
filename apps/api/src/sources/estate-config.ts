/**
 * The estate a team reads: hub credentials, the role to assume in each member
 * account, which accounts (Organizations or a list) and which regions. From a
 * small JSON file (--estate) and/or flags (--role-name, --accounts, --regions,
 * --external-id); flags win. Every problem names the field and the fix.
 *
 *   {
 *     "hub": "default" | "profile:<name>" | "emulator:<account id>",
 *     "roleName": "LatticeAtlasReadOnly",
 *     "externalId": "…",                        optional
 *     "accounts": "organization" | ["111122223333", …],
 *     "skipAccounts": ["…"],                    optional
 *     "regions": ["ap-northeast-1", "us-east-1"],
 *     "maxInFlight": 10,                         optional: (account, region) reads at once
 *     "perAccount": { "vpc-lattice": 5, "ec2": 10 }   optional: calls at once per account and service
 *   }
 */
import { readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { isKnownRegion } from "@lattice-atlas/shared";
import type { AwsService, SourceConnection } from "../aws/index.js";
import { ESTATE_DEFAULTS, type EstateDefinition } from "../topology/estate.js";

export class EstateConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

export interface EstateFlags {
  file?: string | undefined;
  hub?: string | undefined;
  roleName?: string | undefined;
  externalId?: string | undefined;
  accounts?: string | undefined;
  regions?: string | undefined;
  /** The region when no region list is given (--region). */
  region?: string | undefined;
}

const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
const ACCOUNT = /^\d{12}$/;
const SERVICES: readonly AwsService[] = ["vpc-lattice", "ec2", "rds", "sts", "lambda", "ram", "organizations"];

/** Session names show in CloudTrail of every member account: they name who read (2–64 of [\w+=,.@-]). */
export function sessionNameFor(user: string): string {
  const cleaned = `lattice-atlas-${user}`.replace(/[^\w+=,.@-]/g, "-").slice(0, 64);
  return cleaned.length >= 2 ? cleaned : "lattice-atlas";
}

function list(value: string | undefined): string[] | undefined {
  return value
    ?.split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The hub connection a spelling names: default, profile:<name>, or emulator:<account> (with the emulator's URL). */
export function hubConnection(spelling: string, emulatorUrl: string | undefined): SourceConnection {
  if (spelling === "default") return { kind: "default" };
  if (spelling.startsWith("profile:") && spelling.length > 8) return { kind: "profile", profile: spelling.slice(8) };
  const emulator = /^emulator(?::(\d{12}))?$/.exec(spelling);
  if (emulator) {
    if (!emulatorUrl)
      throw new EstateConfigError("hub", "the emulator is not running; start it, or use default or profile:<name>");
    return { kind: "emulator", endpoint: emulatorUrl, ...(emulator[1] ? { accountId: emulator[1] } : {}) };
  }
  throw new EstateConfigError("hub", `"${spelling}" is not default, profile:<name> or emulator:<account id>`);
}

export interface EstateSpec extends Omit<EstateDefinition, "hub"> {
  /** How the hub's credentials are obtained ("default", "profile:…", "emulator:…"). */
  hubSpelling: string;
}

/** Reads the file (if any) and the flags into an estate; undefined when neither asks for one. */
export function parseEstate(
  flags: EstateFlags,
  readFile: (path: string) => string = (p) => readFileSync(p, "utf8"),
): EstateSpec | undefined {
  let file: Record<string, unknown> = {};
  if (flags.file) {
    let text: string;
    try {
      text = readFile(flags.file);
    } catch (error) {
      throw new EstateConfigError("--estate", `cannot read ${flags.file} (${(error as Error).message})`);
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
      file = parsed as Record<string, unknown>;
    } catch (error) {
      throw new EstateConfigError("--estate", `${flags.file} is not a JSON object (${(error as Error).message})`);
    }
  }
  const roleName = flags.roleName ?? (file.roleName as string | undefined);
  if (!flags.file && !roleName) return undefined;
  if (!roleName || typeof roleName !== "string" || !ROLE_NAME.test(roleName))
    throw new EstateConfigError(
      "roleName",
      "give the member accounts' role name (1–64 of letters, digits and +=,.@_-), e.g. LatticeAtlasReadOnly",
    );
  const externalId = flags.externalId ?? (file.externalId as string | undefined);
  if (externalId !== undefined && (typeof externalId !== "string" || !EXTERNAL_ID.test(externalId)))
    throw new EstateConfigError("externalId", "2–1224 of letters, digits and +=,.@:/_-");
  const accountsRaw = flags.accounts ?? file.accounts ?? "organization";
  const accountsList =
    typeof accountsRaw === "string" && accountsRaw !== "organization" && accountsRaw !== "org"
      ? list(accountsRaw)
      : accountsRaw;
  let accounts: "organization" | string[];
  if (accountsList === "organization" || accountsList === "org") accounts = "organization";
  else if (
    Array.isArray(accountsList) &&
    accountsList.length > 0 &&
    accountsList.every((a) => typeof a === "string" && ACCOUNT.test(a))
  )
    accounts = [...new Set(accountsList as string[])];
  else throw new EstateConfigError("accounts", 'give "organization" or a list of 12-digit account ids');
  const skipAccounts = (file.skipAccounts as unknown) ?? [];
  if (!Array.isArray(skipAccounts) || !skipAccounts.every((a) => typeof a === "string" && ACCOUNT.test(a)))
    throw new EstateConfigError("skipAccounts", "a list of 12-digit account ids");
  const regions =
    list(flags.regions) ?? (file.regions as string[] | undefined) ?? (flags.region ? [flags.region] : undefined);
  if (!Array.isArray(regions) || regions.length === 0)
    throw new EstateConfigError("regions", "name at least one region, e.g. --regions ap-northeast-1,us-east-1");
  for (const region of regions)
    if (typeof region !== "string" || !isKnownRegion(region))
      throw new EstateConfigError("regions", `"${String(region)}" is not an AWS region`);
  const maxInFlight = (file.maxInFlight as number | undefined) ?? ESTATE_DEFAULTS.maxInFlight;
  if (!Number.isInteger(maxInFlight) || maxInFlight < 1 || maxInFlight > 100)
    throw new EstateConfigError("maxInFlight", "an integer from 1 to 100");
  const perAccount = (file.perAccount as Record<string, unknown> | undefined) ?? {};
  for (const [service, n] of Object.entries(perAccount)) {
    if (!SERVICES.includes(service as AwsService))
      throw new EstateConfigError(`perAccount.${service}`, `not a service Atlas calls (${SERVICES.join(", ")})`);
    if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > 50)
      throw new EstateConfigError(`perAccount.${service}`, "an integer from 1 to 50");
  }
  const hubSpelling = flags.hub ?? (file.hub as string | undefined) ?? "default";
  if (typeof hubSpelling !== "string")
    throw new EstateConfigError("hub", "default, profile:<name> or emulator:<account id>");
  return {
    hubSpelling,
    roleName,
    ...(externalId ? { externalId } : {}),
    sessionName: sessionNameFor((file.sessionUser as string | undefined) ?? userInfo().username),
    accounts,
    skipAccounts: [...new Set(skipAccounts as string[])],
    regions: [...new Set(regions)],
    maxInFlight,
    perAccount: perAccount as Partial<Record<AwsService, number>>,
  };
}
