/**
 * The sources a user can pick: the embedded (or configured) emulator, the
 * default credential chain, and every named profile. Identities come from STS
 * and are cached briefly; no credential ever leaves this module.
 */
import type { SourceInfo } from "@lattice-atlas/shared";
import {
  AwsFailure,
  CallRunner,
  ClientCache,
  createAwsClients,
  sessionNameOf,
  withSessionName,
  type AwsClients,
  type SourceConnection,
} from "../aws/index.js";
import { describeEmulatorEstate, type EmulatorEstate } from "../aws/emulator-control.js";
import { listProfiles, profileFiles } from "../aws/profiles.js";
import { createStsReader, type CallerIdentity } from "../aws/sts.js";
import { AppError } from "../errors.js";
import { ESTATE_DEFAULTS, type EstateDefinition } from "../topology/estate.js";
import { hubConnection, type EstateSpec } from "./estate-config.js";

export interface SourceDefinition {
  id: string;
  kind: "emulator" | "default" | "profile" | "estate" | "snapshot";
  label: string;
  /** The credentials the source reads with (an estate's: its hub's). */
  connection: SourceConnection;
  defaultRegion: string;
  credentialKind: string;
  mutationsAllowed: boolean;
  /** For an estate: the member accounts, the role and the regions. */
  estate?: EstateDefinition | undefined;
}

export interface RegistryOptions {
  emulatorUrl?: string | undefined;
  defaultSource: string;
  /** --region / ATLAS_REGION: the region for AWS sources when their profile names none. */
  region?: string | undefined;
  /** Against real AWS, mutations need an explicit flag. */
  allowAwsMutations: boolean;
  /** Refuse every change, the emulator's too (--read-only; tests). */
  readOnly?: boolean;
  /** Test hook: client options (e.g. maxAttempts 1). */
  clientOptions?: { maxAttempts?: number };
  /** An estate of member accounts (--estate, --role-name …). */
  estate?: EstateSpec | undefined;
  /** Saved snapshots, served as read-only sources `snapshot:<id>` (no AWS access). */
  snapshots?: SnapshotLookup | undefined;
  /**
   * --assume-role-arn: the `default` and `emulator` sources assume this role from the server's own credentials,
   * reading as `lattice-atlas` and calling for a signed-in user as `atlas-<user>` (per-user sessions on one account).
   */
  assumeRoleArn?: string | undefined;
  /** How many client sets are kept (LRU, destroyed on eviction); default 256. */
  clientSets?: number | undefined;
}

/** The role session name the server's own reads are made under when it assumes a role for the hub. */
export const SERVER_SESSION_NAME = "lattice-atlas";

/** What the registry needs of the snapshot store: a snapshot's name, account and region. */
export interface SnapshotLookup {
  describe(id: string): Promise<{ name: string; accountId: string; region: string } | undefined>;
}

const IDENTITY_TTL_MS = 5 * 60_000;

export class SourceRegistry {
  private readonly clientsCache: ClientCache;
  private readonly identities = new Map<string, { at: number; identity: CallerIdentity }>();
  private emulatorEstate: Promise<EmulatorEstate | undefined> | undefined;

  constructor(private readonly options: RegistryOptions) {
    this.clientsCache = new ClientCache(options.clientSets);
  }

  /** The server's own credentials, through the hub role when --assume-role-arn names one. */
  private hub(base: SourceConnection): SourceConnection {
    const roleArn = this.options.assumeRoleArn;
    return roleArn ? { kind: "assumed", base, roleArn, sessionName: SERVER_SESSION_NAME } : base;
  }

  get defaultSourceId(): string {
    return this.options.defaultSource;
  }

  private get awsMutationsAllowed(): boolean {
    return this.options.allowAwsMutations && !this.options.readOnly;
  }

  /** No source accepts a change: forced read-only, or only AWS sources and no --allow-mutations. */
  get readOnly(): boolean {
    return Boolean(this.options.readOnly) || (!this.options.emulatorUrl && !this.options.allowAwsMutations);
  }

  async list(): Promise<SourceDefinition[]> {
    const envRegion = this.options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    const sources: SourceDefinition[] = [];
    if (this.options.emulatorUrl) {
      sources.push({
        id: "emulator",
        kind: "emulator",
        label: "Embedded AWS emulator",
        connection: this.hub({ kind: "emulator", endpoint: this.options.emulatorUrl }),
        defaultRegion: this.options.region ?? "ap-northeast-1",
        credentialKind: "emulator",
        mutationsAllowed: !this.options.readOnly,
      });
    }
    sources.push({
      id: "default",
      kind: "default",
      label: "AWS (default credential chain)",
      connection: this.hub({ kind: "default" }),
      defaultRegion: envRegion ?? "us-east-1",
      credentialKind: this.options.assumeRoleArn ? "assumed-role" : "default-chain",
      mutationsAllowed: this.awsMutationsAllowed,
    });
    const estate = this.configuredEstate();
    if (estate) sources.push(estate);
    const emulated = await this.emulatedEstate();
    if (emulated) sources.push(emulated);
    for (const profile of await listProfiles()) {
      sources.push({
        id: `profile:${profile.name}`,
        kind: "profile",
        label: `AWS profile ${profile.name}`,
        connection: { kind: "profile", profile: profile.name },
        defaultRegion: profile.region ?? envRegion ?? "us-east-1",
        credentialKind: profile.credentialKind,
        mutationsAllowed: this.awsMutationsAllowed,
      });
    }
    return sources;
  }

  private configuredEstate(): SourceDefinition | undefined {
    const spec = this.options.estate;
    if (!spec) return undefined;
    const { hubSpelling, ...rest } = spec;
    const hub = hubConnection(hubSpelling, this.options.emulatorUrl);
    const accounts =
      rest.accounts === "organization" ? "the organization's accounts" : `${rest.accounts.length} accounts`;
    return {
      id: "estate",
      kind: "estate",
      label: `Estate: ${accounts} × ${rest.regions.join(", ")} (role ${rest.roleName})`,
      connection: hub,
      defaultRegion: rest.regions[0]!,
      credentialKind: "assumed-role",
      mutationsAllowed: hub.kind === "emulator" ? !this.options.readOnly : this.awsMutationsAllowed,
      estate: { hub, ...rest },
    };
  }

  /** The estate the embedded emulator's scenario holds (the `estate` scenario), read once (again when asked for and absent). */
  private async emulatedEstate(): Promise<SourceDefinition | undefined> {
    const url = this.options.emulatorUrl;
    if (!url) return undefined;
    this.emulatorEstate ??= describeEmulatorEstate(url);
    const described = await this.emulatorEstate;
    if (!described) return undefined;
    const hub: SourceConnection = { kind: "emulator", endpoint: url, accountId: described.hubAccountId };
    return {
      id: "estate:emulator",
      kind: "estate",
      label: `Estate in the emulator (${described.regions.join(", ")})`,
      connection: hub,
      defaultRegion: described.regions[0]!,
      credentialKind: "assumed-role",
      mutationsAllowed: !this.options.readOnly,
      estate: {
        hub,
        roleName: described.roleName,
        ...(described.externalId ? { externalId: described.externalId } : {}),
        sessionName: "lattice-atlas",
        accounts: described.accounts ?? "organization",
        skipAccounts: [],
        regions: described.regions,
        maxInFlight: ESTATE_DEFAULTS.maxInFlight,
        perAccount: {},
      },
    };
  }

  /** After the emulator's state changes (a scenario loaded), ask again what estate it holds. */
  forgetEmulatorEstate(): void {
    this.emulatorEstate = undefined;
  }

  /** Serve the store's snapshots as sources (the store opens after the registry). */
  useSnapshots(lookup: SnapshotLookup): void {
    this.options.snapshots = lookup;
  }

  /** A snapshot as a source: frozen data, read-only, no AWS access. */
  private async snapshotSource(id: string): Promise<SourceDefinition | undefined> {
    const snapshotId = id.slice("snapshot:".length);
    const described = await this.options.snapshots?.describe(snapshotId);
    if (!described) return undefined;
    return {
      id,
      kind: "snapshot",
      label: `Snapshot “${described.name}”`,
      connection: { kind: "snapshot", snapshotId },
      defaultRegion: described.region,
      credentialKind: "none",
      mutationsAllowed: false,
    };
  }

  async get(id: string): Promise<SourceDefinition> {
    if (id.startsWith("snapshot:")) {
      const snapshot = await this.snapshotSource(id);
      if (!snapshot)
        throw new AppError("NOT_FOUND", `There is no snapshot "${id.slice(9)}".`, {
          field: "source",
          hint: "List the snapshots at GET /api/snapshots.",
        });
      return snapshot;
    }
    let source = (await this.list()).find((s) => s.id === id);
    if (!source && id === "estate:emulator") {
      // The emulator's scenario may have changed behind the API (a reset to the estate): ask it again.
      this.forgetEmulatorEstate();
      source = (await this.list()).find((s) => s.id === id);
    }
    if (!source) {
      const known = (await this.list()).map((s) => s.id).join(", ");
      throw new AppError("UNKNOWN_SOURCE", `There is no source "${id}".`, {
        field: "source",
        hint: `Known sources: ${known}.`,
      });
    }
    return source;
  }

  /** Clients for a connection a source reaches (an estate's member role), cached per source, connection and region. */
  clientsFor(sourceId: string, connection: SourceConnection, region: string): AwsClients {
    return this.clientsCache.get(`${sourceId}|${JSON.stringify(connection)}|${region}`, () =>
      createAwsClients(connection, region, this.options.clientOptions),
    );
  }

  clients(source: SourceDefinition, region: string): AwsClients {
    return this.clientsCache.get(`${source.id}|${region}`, () =>
      createAwsClients(source.connection, region, this.options.clientOptions),
    );
  }

  /**
   * Clients for calls made for someone: through `connection` (default: the source's own) with its role session
   * named `sessionName` when it assumes a role, and the session name actually used (none when it assumes none).
   */
  clientsAs(
    source: SourceDefinition,
    region: string,
    sessionName: string | undefined,
    connection: SourceConnection = source.connection,
  ): { clients: AwsClients; roleSessionName: string | undefined } {
    const used = sessionName ? withSessionName(connection, sessionName) : connection;
    const clients =
      used === source.connection ? this.clients(source, region) : this.clientsFor(source.id, used, region);
    return { clients, roleSessionName: sessionNameOf(used) };
  }

  /** Client sets kept now (tests). */
  get clientSets(): number {
    return this.clientsCache.size;
  }

  /** The account behind a source (STS), cached for a few minutes; errors are not cached. */
  async identity(source: SourceDefinition, region: string): Promise<CallerIdentity> {
    if (source.connection.kind === "snapshot") {
      const described = await this.options.snapshots?.describe(source.connection.snapshotId);
      return { accountId: described?.accountId ?? "", arn: `snapshot:${source.connection.snapshotId}` };
    }
    const key = `${source.id}|${region}`;
    const cached = this.identities.get(key);
    if (cached && Date.now() - cached.at < IDENTITY_TTL_MS) return cached.identity;
    const runner = new CallRunner({ timeoutMs: 8_000 });
    try {
      const identity = await createStsReader(this.clients(source, region).sts, runner).callerIdentity();
      this.identities.set(key, { at: Date.now(), identity });
      return identity;
    } catch (error) {
      throw toSourceError(error, source);
    }
  }

  async describe(region?: string): Promise<SourceInfo[]> {
    const sources = await this.list();
    return Promise.all(
      sources.map(async (source): Promise<SourceInfo> => {
        const base = {
          id: source.id,
          kind: source.kind,
          label: source.label,
          defaultRegion: source.defaultRegion,
          credentialKind: source.credentialKind,
          mutationsAllowed: source.mutationsAllowed,
          ...(source.estate
            ? {
                estate: {
                  roleName: source.estate.roleName,
                  regions: source.estate.regions,
                  accounts: source.estate.accounts === "organization" ? 0 : source.estate.accounts.length,
                },
              }
            : {}),
        };
        try {
          const identity = await this.identity(source, region ?? source.defaultRegion);
          return { ...base, accountId: identity.accountId, arn: identity.arn, status: "ok" };
        } catch (error) {
          const appError = error instanceof AppError ? error : new AppError("INTERNAL", String(error));
          return { ...base, status: "error", error: { code: appError.code, message: appError.message } };
        }
      }),
    );
  }

  /** The files profiles are read from (named by the console when they hold none). */
  profileFiles(): { config: string; credentials: string } {
    return profileFiles();
  }

  close(): void {
    this.clientsCache.clear();
  }
}

/** Credentials problems become typed errors the UI can explain; nothing else about them leaks. */
export function toSourceError(error: unknown, source: SourceDefinition): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof AwsFailure) {
    if (error.kind === "credentials") {
      const expired = /expired|ExpiredToken|refresh/i.test(`${error.awsCode} ${error.message}`);
      const hint =
        source.credentialKind === "sso"
          ? `Run: aws sso login --profile ${source.id.replace(/^profile:/, "")}`
          : source.kind === "default"
            ? "Set AWS credentials (environment, ~/.aws/credentials, SSO or an instance role) or pick a profile."
            : `Check the credentials of ${source.label}.`;
      return new AppError(
        expired ? "CREDENTIALS_EXPIRED" : "CREDENTIALS_MISSING",
        expired ? `The credentials of ${source.label} have expired.` : `No usable credentials for ${source.label}.`,
        {
          hint,
          awsCode: error.awsCode,
          ...(error.requestId ? { requestId: error.requestId } : {}),
        },
      );
    }
    if (error.kind === "access-denied") {
      return new AppError("ACCESS_DENIED", `${source.label} may not call ${error.operation}.`, {
        awsCode: error.awsCode,
        iamAction: error.iamAction,
        hint: `Grant ${error.iamAction}.`,
        ...(error.requestId ? { requestId: error.requestId } : {}),
      });
    }
    if (error.kind === "timeout")
      return new AppError("AWS_TIMEOUT", `${error.service} did not answer ${error.operation} in time.`, {
        awsCode: error.awsCode,
      });
    if (error.kind === "unavailable")
      return new AppError(
        "AWS_UNAVAILABLE",
        `${error.service} is unreachable for ${source.label}: ${error.message.slice(0, 200)}`,
        { awsCode: error.awsCode },
      );
    if (error.kind === "throttled")
      return new AppError("THROTTLED", `AWS throttled ${error.operation}; try again shortly.`, {
        awsCode: error.awsCode,
        hint: "Wait a few seconds and retry; the SDK already backed off.",
        ...withRequestId(error),
      });
    const refusal = refusalOf(error);
    if (refusal) return refusal;
    return new AppError("AWS_UNAVAILABLE", `${error.operation} failed: ${error.awsCode}`, {
      awsCode: error.awsCode,
      ...withRequestId(error),
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  // Credential providers throw before any call is made (no profile, no SSO token).
  if (/credential|Could not load|profile|SSO/i.test(message)) {
    return new AppError("CREDENTIALS_MISSING", `No usable credentials for ${source.label}.`, {
      hint: "Configure credentials for this source, or pick another one.",
    });
  }
  return new AppError("INTERNAL", `Could not reach ${source.label}.`);
}

const withRequestId = (error: AwsFailure): { requestId?: string } =>
  error.requestId ? { requestId: error.requestId } : {};

/** AWS's own sentence, trimmed: it names what collided (never a credential). */
const awsSaid = (error: AwsFailure): string => error.message.replace(/\s+/g, " ").trim().slice(0, 400);

/**
 * The refusals a change can meet (conflict, quota, bad parameters, not found),
 * as typed codes with the sentence AWS gave and what to do.
 */
function refusalOf(error: AwsFailure): AppError | undefined {
  const base = { awsCode: error.awsCode, ...withRequestId(error) };
  const said = awsSaid(error);
  switch (error.kind) {
    case "quota": {
      const quotaCode = typeof error.extra.quotaCode === "string" ? error.extra.quotaCode : undefined;
      const serviceCode = typeof error.extra.serviceCode === "string" ? error.extra.serviceCode : error.service;
      return new AppError(
        "QUOTA_EXCEEDED",
        `${error.operation} hit a service quota${quotaCode ? ` (${quotaCode})` : ""}: ${said}`,
        {
          ...base,
          ...(quotaCode ? { quotaCode } : {}),
          hint: quotaCode
            ? `Ask for more in Service Quotas (service ${serviceCode}, quota ${quotaCode}), or remove what you no longer use.`
            : `Ask for more in Service Quotas (service ${serviceCode}), or remove what you no longer use.`,
        },
      );
    }
    case "conflict": {
      if (
        error.awsCode === "IdempotentParameterMismatch" ||
        (error.awsCode === "ConflictException" &&
          (error.extra.resourceType === "ClientToken" || /client token/i.test(said)))
      ) {
        return new AppError(
          "IDEMPOTENCY_MISMATCH",
          `This client token was already used for a different change: ${said}`,
          {
            ...base,
            hint: "Use a new client token for a new change; reuse a token only to retry the very same change.",
          },
        );
      }
      if (error.awsCode === "DependencyViolation") {
        return new AppError(
          "DEPENDENCY_VIOLATION",
          `${error.operation} was refused because something still uses it: ${said}`,
          {
            ...base,
            hint: "Remove what depends on it first (endpoints, associations, rules that reference it), then retry.",
          },
        );
      }
      if (error.awsCode === "InvalidPermission.Duplicate") {
        return new AppError("CONFLICT", `The security group already has this rule: ${said}`, {
          ...base,
          hint: "Nothing to add; refresh the topology to see the rule.",
        });
      }
      if (/only one service network|associated with another service network/i.test(said)) {
        return new AppError("CONFLICT", `A VPC can be associated with only one service network: ${said}`, {
          ...base,
          hint: "Reach this service network through a VPC endpoint of type ServiceNetwork instead (the plan offers one), or remove the other association first.",
        });
      }
      const busy = /in progress|IN_PROGRESS|being deleted/i.test(said);
      return new AppError("CONFLICT", `${error.operation} conflicts with the current state: ${said}`, {
        ...base,
        hint: busy
          ? "Another change to it is still in progress; retry once it has finished."
          : "It may exist already or clash with an existing association; refresh the topology and review the plan's findings.",
      });
    }
    case "validation": {
      const fields = Array.isArray(error.extra.fieldList) ? (error.extra.fieldList as Array<{ name?: string }>) : [];
      const field = fields.find((f) => typeof f.name === "string")?.name;
      return new AppError("AWS_VALIDATION", `AWS rejected the parameters of ${error.operation}: ${said}`, {
        ...base,
        ...(field ? { field } : {}),
        hint: "Correct the named parameter and plan again; the plan's findings explain most of these rules.",
      });
    }
    case "not-found":
      return new AppError("NOT_FOUND", `${error.operation}: ${said}`, {
        ...base,
        hint: "It no longer exists or was never there; refresh the topology.",
      });
    default:
      return undefined;
  }
}
