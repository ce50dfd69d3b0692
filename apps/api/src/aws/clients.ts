/**
 * SDK v3 clients for one source and region. The only place that knows whether
 * a source is the emulator: it gets an endpoint override, static test
 * credentials (the access key id names the account), and the emulator's
 * resolver for the names it issued. A member account of an estate is reached
 * with a role assumed from its hub's credentials; the SDK's provider caches
 * them until they expire.
 */
import { promises as dns } from "node:dns";
import { EC2Client } from "@aws-sdk/client-ec2";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { RAMClient } from "@aws-sdk/client-ram";
import { RDSClient } from "@aws-sdk/client-rds";
import { STSClient } from "@aws-sdk/client-sts";
import { VPCLatticeClient } from "@aws-sdk/client-vpc-lattice";
import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { isThrottling, toAwsFailure, type FailureKind } from "./failures.js";
import { callTrace } from "./runner.js";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";

export type SourceConnection =
  | {
      kind: "emulator";
      endpoint: string;
      /** The emulator's account to act as (its access key id). */ accountId?: string;
    }
  | { kind: "default" }
  | { kind: "profile"; profile: string }
  /** A snapshot: frozen data, no AWS at all. */
  | { kind: "snapshot"; snapshotId: string }
  | {
      kind: "assumed";
      /** The hub credentials that assume the role. */
      base: SourceConnection;
      roleArn: string;
      externalId?: string | undefined;
      /** Names the person (or server) in the member account's CloudTrail. */
      sessionName: string;
    };

const EMULATOR_SECRET = "atlas-emulator";

/** The emulator endpoint behind a connection, if any (an assumed role inherits its hub's). */
export function emulatorEndpoint(connection: SourceConnection): string | undefined {
  if (connection.kind === "emulator") return connection.endpoint;
  if (connection.kind === "assumed") return emulatorEndpoint(connection.base);
  return undefined;
}

/**
 * The same connection with its role session named `sessionName` (a signed-in user's `atlas-<user>`): only a
 * connection that assumes a role has a session to name; any other is answered unchanged.
 */
export function withSessionName(connection: SourceConnection, sessionName: string): SourceConnection {
  return connection.kind === "assumed" ? { ...connection, sessionName } : connection;
}

/** The role session name calls through this connection are made under (none unless it assumes a role). */
export function sessionNameOf(connection: SourceConnection): string | undefined {
  return connection.kind === "assumed" ? connection.sessionName : undefined;
}

type Credentials = NonNullable<Parameters<typeof fromTemporaryCredentials>[0]["masterCredentials"]>;

function credentialsOf(connection: SourceConnection, region: string): Credentials {
  switch (connection.kind) {
    case "emulator":
      return { accessKeyId: connection.accountId ?? EMULATOR_SECRET, secretAccessKey: EMULATOR_SECRET };
    case "default":
      return defaultProvider({});
    case "profile":
      return defaultProvider({ profile: connection.profile });
    case "snapshot":
      throw new Error(`snapshot ${connection.snapshotId} is frozen data: it has no AWS credentials`);
    case "assumed": {
      const endpoint = emulatorEndpoint(connection.base);
      return fromTemporaryCredentials({
        params: {
          RoleArn: connection.roleArn,
          RoleSessionName: connection.sessionName,
          ...(connection.externalId ? { ExternalId: connection.externalId } : {}),
          DurationSeconds: 3600,
        },
        masterCredentials: credentialsOf(connection.base, region),
        clientConfig: { region, ...(endpoint ? { endpoint } : {}) },
      });
    }
  }
}

export interface AwsClients {
  lattice: VPCLatticeClient;
  ec2: EC2Client;
  rds: RDSClient;
  sts: STSClient;
  lambda: LambdaClient;
  ram: RAMClient;
  organizations: OrganizationsClient;
  /** What a hostname resolves to, as seen from inside the account's VPCs (best effort). */
  resolveHostname: (hostname: string) => Promise<string[]>;
  destroy: () => void;
}

export interface ClientOptions {
  maxAttempts?: number;
  /** Told of every call once it ended (after the SDK's retries): metrics. */
  onCall?: ((service: string, operation: string, outcome: "ok" | FailureKind) => void) | undefined;
}

const USER_AGENT = "lattice-atlas/0.1.0";

/** The part of an SDK client's middleware stack used here (one shape for the five clients). */
interface MiddlewareStackLike {
  add(
    middleware: (
      next: (args: unknown) => Promise<unknown>,
      context: { commandName?: string },
    ) => (args: unknown) => Promise<unknown>,
    options: { step: "deserialize" | "initialize"; priority: "high"; name: string },
  ): void;
}

export function createAwsClients(
  connection: SourceConnection,
  region: string,
  options: ClientOptions = {},
): AwsClients {
  const endpoint = emulatorEndpoint(connection);
  const base = {
    region,
    maxAttempts: options.maxAttempts ?? 4,
    retryMode: "standard" as const,
    customUserAgent: USER_AGENT,
    credentials: credentialsOf(connection, region),
    ...(endpoint ? { endpoint } : {}),
  };
  const clients = {
    lattice: new VPCLatticeClient(base),
    ec2: new EC2Client(base),
    rds: new RDSClient(base),
    sts: new STSClient(base),
    lambda: new LambdaClient(base),
    ram: new RAMClient(base),
    organizations: new OrganizationsClient(base),
  };
  // Inside the SDK's retries: note each throttled attempt on the call's trace, so that a call that
  // runs out of time while being throttled is reported as throttled, not as a timeout.
  for (const client of Object.values(clients)) {
    (client.middlewareStack as unknown as MiddlewareStackLike).add(
      (next) => async (args) => {
        try {
          return await next(args);
        } catch (error) {
          const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
          const trace = callTrace.getStore();
          if (trace && isThrottling(e.name, e.$metadata?.httpStatusCode)) trace.throttled = e.name ?? "Throttling";
          throw error;
        }
      },
      { step: "deserialize", priority: "high", name: "atlasThrottleTrace" },
    );
  }
  // Outside the SDK's retries: one count per call, by operation and how it ended.
  const onCall = options.onCall;
  if (onCall) {
    for (const [service, client] of Object.entries(clients)) {
      (client.middlewareStack as unknown as MiddlewareStackLike).add(
        (next, context) => async (args) => {
          const operation = (context.commandName ?? "Unknown").replace(/Command$/, "");
          try {
            const result = await next(args);
            onCall(service, operation, "ok");
            return result;
          } catch (error) {
            onCall(service, operation, toAwsFailure(error, service, operation).kind);
            throw error;
          }
        },
        { step: "initialize", priority: "high", name: "atlasCallMetrics" },
      );
    }
  }
  const resolveHostname =
    endpoint !== undefined
      ? async (hostname: string): Promise<string[]> => {
          const response = await fetch(`${endpoint}/_emulator/dns?name=${encodeURIComponent(hostname)}`, {
            signal: AbortSignal.timeout(2000),
          });
          if (!response.ok) return [];
          const body = (await response.json()) as { addresses?: string[] };
          return body.addresses ?? [];
        }
      : async (hostname: string): Promise<string[]> => {
          // Lattice and RDS names are public DNS records that resolve to private addresses.
          const timeout = new Promise<string[]>((resolve) => setTimeout(() => resolve([]), 2000).unref());
          return Promise.race([dns.resolve4(hostname).catch(() => []), timeout]);
        };
  return {
    ...clients,
    resolveHostname,
    destroy: () => {
      for (const client of Object.values(clients)) client.destroy();
    },
  };
}
