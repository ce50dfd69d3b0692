/**
 * Test harness: a real emulator on a free port and the real SDK v3 clients
 * pointed at it (maxAttempts 1, so errors surface without back-off).
 */
import { EC2Client } from "@aws-sdk/client-ec2";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { RAMClient } from "@aws-sdk/client-ram";
import { RDSClient } from "@aws-sdk/client-rds";
import { STSClient } from "@aws-sdk/client-sts";
import { VPCLatticeClient } from "@aws-sdk/client-vpc-lattice";
import { startEmulator, type StartOptions } from "../index.js";
import type { RunningEmulator } from "../core/emulator.js";

export interface Clients {
  lattice: VPCLatticeClient;
  ec2: EC2Client;
  rds: RDSClient;
  sts: STSClient;
  lambda: LambdaClient;
  organizations: OrganizationsClient;
  ram: RAMClient;
}

/** Access key credentials, temporary ones (from STS AssumeRole) with their session token. */
export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface Harness extends Clients {
  running: RunningEmulator;
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of the control API, read by tests
  control: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>;
  /** Clients for another account (a 12-digit access key id) and/or region; close() destroys them too. */
  clientsFor: (accessKeyId: string, region?: string) => Clients;
  /** Clients signing with these credentials (e.g. what AssumeRole returned). */
  clientsWith: (credentials: TestCredentials, region?: string) => Clients;
  close: () => Promise<void>;
}

export async function startHarness(options: StartOptions & { region?: string } = {}): Promise<Harness> {
  const running = await startEmulator({ port: 0, ...options });
  const region = options.region ?? "ap-northeast-1";
  const config = (credentials: TestCredentials, r = region) => ({
    region: r,
    endpoint: running.url,
    credentials,
    maxAttempts: 1,
  });
  // Every client made here, so close() can destroy them all (their sockets would otherwise outlive the emulator).
  const created: Array<{ destroy: () => void }> = [];
  const clientSet = (
    credentials: TestCredentials = { accessKeyId: "test", secretAccessKey: "test" },
    r?: string,
  ): Clients => {
    const set: Clients = {
      lattice: new VPCLatticeClient(config(credentials, r)),
      ec2: new EC2Client(config(credentials, r)),
      rds: new RDSClient(config(credentials, r)),
      sts: new STSClient(config(credentials, r)),
      lambda: new LambdaClient(config(credentials, r)),
      organizations: new OrganizationsClient(config(credentials, r)),
      ram: new RAMClient(config(credentials, r)),
    };
    created.push(...Object.values(set));
    return set;
  };
  const clients = clientSet();
  return {
    running,
    url: running.url,
    ...clients,
    control: async (method, path, body) => {
      const response = await fetch(`${running.url}${path}`, {
        method,
        ...(body !== undefined
          ? {
              body: typeof body === "string" ? body : JSON.stringify(body),
              headers: { "content-type": "application/json" },
            }
          : {}),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    clientsFor: (accessKeyId, r) => clientSet({ accessKeyId, secretAccessKey: "test" }, r),
    clientsWith: (credentials, r) => clientSet(credentials, r),
    close: async () => {
      for (const client of created.splice(0)) client.destroy();
      await running.close();
    },
  };
}

/** Runs `fn` and returns the SDK error it throws (fails the test if it does not throw). */
export type SdkError = Error & {
  name: string;
  $metadata: { httpStatusCode?: number; requestId?: string };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- modelled error members differ per shape
  [member: string]: any;
};

export async function sdkError(fn: () => Promise<unknown>): Promise<SdkError> {
  try {
    await fn();
  } catch (error) {
    return error as never;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
