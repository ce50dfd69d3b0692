/**
 * The sources a user can pick: the embedded (or configured) emulator, the
 * default credential chain, and every named profile. Identities come from STS
 * and are cached briefly; no credential ever leaves this module.
 */
import type { SourceInfo } from "@lattice-atlas/shared";
import { AwsFailure, CallRunner, createAwsClients, type AwsClients, type SourceConnection } from "../aws/index.js";
import { listProfiles } from "../aws/profiles.js";
import { createStsReader, type CallerIdentity } from "../aws/sts.js";
import { AppError } from "../errors.js";

export interface SourceDefinition {
  id: string;
  kind: "emulator" | "default" | "profile";
  label: string;
  connection: SourceConnection;
  defaultRegion: string;
  credentialKind: string;
  mutationsAllowed: boolean;
}

export interface RegistryOptions {
  emulatorUrl?: string | undefined;
  defaultSource: string;
  /** --region / ATLAS_REGION: the region for AWS sources when their profile names none. */
  region?: string | undefined;
  /** Against real AWS, mutations need an explicit flag. */
  allowAwsMutations: boolean;
  /** Test hook: client options (e.g. maxAttempts 1). */
  clientOptions?: { maxAttempts?: number };
}

const IDENTITY_TTL_MS = 5 * 60_000;

export class SourceRegistry {
  private readonly clientsCache = new Map<string, AwsClients>();
  private readonly identities = new Map<string, { at: number; identity: CallerIdentity }>();

  constructor(private readonly options: RegistryOptions) {}

  get defaultSourceId(): string {
    return this.options.defaultSource;
  }

  async list(): Promise<SourceDefinition[]> {
    const envRegion = this.options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    const sources: SourceDefinition[] = [];
    if (this.options.emulatorUrl) {
      sources.push({
        id: "emulator",
        kind: "emulator",
        label: "Embedded AWS emulator",
        connection: { kind: "emulator", endpoint: this.options.emulatorUrl },
        defaultRegion: this.options.region ?? "ap-northeast-1",
        credentialKind: "emulator",
        mutationsAllowed: true,
      });
    }
    sources.push({
      id: "default",
      kind: "default",
      label: "AWS (default credential chain)",
      connection: { kind: "default" },
      defaultRegion: envRegion ?? "us-east-1",
      credentialKind: "default-chain",
      mutationsAllowed: this.options.allowAwsMutations,
    });
    for (const profile of await listProfiles()) {
      sources.push({
        id: `profile:${profile.name}`,
        kind: "profile",
        label: `AWS profile ${profile.name}`,
        connection: { kind: "profile", profile: profile.name },
        defaultRegion: profile.region ?? envRegion ?? "us-east-1",
        credentialKind: profile.credentialKind,
        mutationsAllowed: this.options.allowAwsMutations,
      });
    }
    return sources;
  }

  async get(id: string): Promise<SourceDefinition> {
    const source = (await this.list()).find((s) => s.id === id);
    if (!source) {
      const known = (await this.list()).map((s) => s.id).join(", ");
      throw new AppError("UNKNOWN_SOURCE", `There is no source "${id}".`, { field: "source", hint: `Known sources: ${known}.` });
    }
    return source;
  }

  clients(source: SourceDefinition, region: string): AwsClients {
    const key = `${source.id}|${region}`;
    let clients = this.clientsCache.get(key);
    if (!clients) {
      clients = createAwsClients(source.connection, region, this.options.clientOptions);
      this.clientsCache.set(key, clients);
    }
    return clients;
  }

  /** The account behind a source (STS), cached for a few minutes; errors are not cached. */
  async identity(source: SourceDefinition, region: string): Promise<CallerIdentity> {
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

  close(): void {
    for (const clients of this.clientsCache.values()) clients.destroy();
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
      return new AppError(expired ? "CREDENTIALS_EXPIRED" : "CREDENTIALS_MISSING", expired ? `The credentials of ${source.label} have expired.` : `No usable credentials for ${source.label}.`, {
        hint,
        awsCode: error.awsCode,
        ...(error.requestId ? { requestId: error.requestId } : {}),
      });
    }
    if (error.kind === "access-denied") {
      return new AppError("ACCESS_DENIED", `${source.label} may not call ${error.operation}.`, { awsCode: error.awsCode, iamAction: error.iamAction, hint: `Grant ${error.iamAction}.`, ...(error.requestId ? { requestId: error.requestId } : {}) });
    }
    if (error.kind === "timeout") return new AppError("AWS_TIMEOUT", `${error.service} did not answer ${error.operation} in time.`, { awsCode: error.awsCode });
    if (error.kind === "unavailable") return new AppError("AWS_UNAVAILABLE", `${error.service} is unreachable for ${source.label}: ${error.message.slice(0, 200)}`, { awsCode: error.awsCode });
    if (error.kind === "throttled") return new AppError("THROTTLED", `AWS throttled ${error.operation}; try again shortly.`, { awsCode: error.awsCode });
    return new AppError("AWS_UNAVAILABLE", `${error.operation} failed: ${error.awsCode}`, { awsCode: error.awsCode, ...(error.requestId ? { requestId: error.requestId } : {}) });
  }
  const message = error instanceof Error ? error.message : String(error);
  // Credential providers throw before any call is made (no profile, no SSO token).
  if (/credential|Could not load|profile|SSO/i.test(message)) {
    return new AppError("CREDENTIALS_MISSING", `No usable credentials for ${source.label}.`, { hint: "Configure credentials for this source, or pick another one." });
  }
  return new AppError("INTERNAL", `Could not reach ${source.label}.`);
}
