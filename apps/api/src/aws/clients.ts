/**
 * SDK v3 clients for one source and region. The only place that knows whether
 * a source is the emulator: it gets an endpoint override, static test
 * credentials, and the emulator's resolver for the names it issued.
 */
import { promises as dns } from "node:dns";
import { EC2Client } from "@aws-sdk/client-ec2";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { RDSClient } from "@aws-sdk/client-rds";
import { STSClient } from "@aws-sdk/client-sts";
import { VPCLatticeClient } from "@aws-sdk/client-vpc-lattice";
import { defaultProvider } from "@aws-sdk/credential-provider-node";
import { isThrottling } from "./failures.js";
import { callTrace } from "./runner.js";

export type SourceConnection =
  { kind: "emulator"; endpoint: string } | { kind: "default" } | { kind: "profile"; profile: string };

export interface AwsClients {
  lattice: VPCLatticeClient;
  ec2: EC2Client;
  rds: RDSClient;
  sts: STSClient;
  lambda: LambdaClient;
  /** What a hostname resolves to, as seen from inside the account's VPCs (best effort). */
  resolveHostname: (hostname: string) => Promise<string[]>;
  destroy: () => void;
}

export interface ClientOptions {
  maxAttempts?: number;
}

const USER_AGENT = "lattice-atlas/0.1.0";

/** The part of an SDK client's middleware stack used here (one shape for the five clients). */
interface MiddlewareStackLike {
  add(
    middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
    options: { step: "deserialize"; priority: "high"; name: string },
  ): void;
}

export function createAwsClients(
  connection: SourceConnection,
  region: string,
  options: ClientOptions = {},
): AwsClients {
  const base = {
    region,
    maxAttempts: options.maxAttempts ?? 4,
    retryMode: "standard" as const,
    customUserAgent: USER_AGENT,
    ...(connection.kind === "emulator"
      ? {
          endpoint: connection.endpoint,
          credentials: { accessKeyId: "atlas-emulator", secretAccessKey: "atlas-emulator" },
        }
      : { credentials: defaultProvider(connection.kind === "profile" ? { profile: connection.profile } : {}) }),
  };
  const clients = {
    lattice: new VPCLatticeClient(base),
    ec2: new EC2Client(base),
    rds: new RDSClient(base),
    sts: new STSClient(base),
    lambda: new LambdaClient(base),
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
  const resolveHostname =
    connection.kind === "emulator"
      ? async (hostname: string): Promise<string[]> => {
          const response = await fetch(`${connection.endpoint}/_emulator/dns?name=${encodeURIComponent(hostname)}`, {
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
