/**
 * Per-user role session names: a team replica on a real PostgreSQL, started with a hub role (--assume-role-arn)
 * that the emulator's STS issues sessions for, users signed in through a trusted proxy's identity headers over a
 * real socket. The emulator's stats name the caller of every call (as CloudTrail's userIdentity.arn), so the test
 * proves which session made what: the server's reads as `lattice-atlas`, each user's change and status poll as
 * `atlas-<user>`, and the audit entry records the session name used.
 */
import { randomUUID } from "node:crypto";
import { CreateServiceNetworkCommand, VPCLatticeClient } from "@aws-sdk/client-vpc-lattice";
import { startEmulator, type RunningEmulator } from "@lattice-atlas/aws-emulator";
import type { Action, AuditResponse, ExecuteResponse, MeResponse } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGION } from "../testing/actions.js";
import { startTestPostgres, type TestPostgres } from "../testing/postgres.js";
import { startReplica, type Replica } from "../testing/replicas.js";

const ACCOUNT = "111122223333";
const ROLE = "AtlasTeam";
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE}`;
const SERVICE = "svc-0a836c24f4bc2c8ea";
const sessionArn = (session: string) => `arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE}/${session}`;

let postgres: TestPostgres | undefined;
let emulator: RunningEmulator | undefined;
let team: Replica;

beforeAll(async () => {
  postgres = await startTestPostgres();
  emulator = await startEmulator({ port: 0, scenario: "field-report" });
  const role = await fetch(`${emulator.url}/_emulator/iam/roles`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accountId: ACCOUNT, roleName: ROLE, trustedPrincipals: [`arn:aws:iam::${ACCOUNT}:root`] }),
  });
  expect(role.status).toBe(200);
  team = await startReplica(postgres.url, emulator, {
    app: {
      assumeRoleArn: ROLE_ARN,
      auth: {
        mode: "team",
        trustedProxies: ["127.0.0.1/32"],
        roles: { groups: { "g-operator": "operator" }, users: {} },
        sessionTtlMs: 60_000,
      },
    },
  });
}, 90_000);
afterAll(async () => {
  await team?.close();
  await emulator?.close();
  postgres?.stop();
});

const as = (email: string) => ({
  ...team.mutationHeaders,
  "x-forwarded-email": email,
  "x-forwarded-groups": "g-operator",
});

async function callers(): Promise<Record<string, Record<string, number>>> {
  return ((await (await fetch(`${emulator!.url}/_emulator/stats`)).json()) as { callers: Record<string, never> })
    .callers;
}

async function networkId(name: string): Promise<string> {
  const lattice = new VPCLatticeClient({
    region: REGION,
    endpoint: emulator!.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  return (await lattice.send(new CreateServiceNetworkCommand({ name }))).id!;
}

async function execute(email: string, action: Action): Promise<ExecuteResponse> {
  const response = await fetch(`${team.url}/api/actions/execute`, {
    method: "POST",
    headers: as(email),
    body: JSON.stringify({ action, clientToken: randomUUID() }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ExecuteResponse;
}

describe("per-user role session names through the hub role (--assume-role-arn)", () => {
  it("reads as lattice-atlas, makes each user's change and status poll as atlas-<user>, and audits the name", async () => {
    const me = (await (await fetch(`${team.url}/api/me`, { headers: as("otto@example.com") })).json()) as MeResponse;
    expect(me.user?.roleSessionName).toBe("atlas-otto@example.com");

    const made = await execute("otto@example.com", {
      type: "associate-service",
      serviceNetworkId: await networkId("sessions-otto"),
      serviceId: SERVICE,
    });
    const polled = await fetch(`${team.url}/api/actions/status?kind=serviceAssociation&id=${made.resource.id}`, {
      headers: as("otto@example.com"),
    });
    expect(polled.status).toBe(200);
    await execute("ana@example.com", {
      type: "associate-service",
      serviceNetworkId: await networkId("sessions-ana"),
      serviceId: SERVICE,
    });

    const byCaller = await callers();
    // The change's preflight read the account as the server; every change went out as its user's session.
    expect(byCaller[sessionArn("lattice-atlas")]).toHaveProperty("vpc-lattice:ListServiceNetworks");
    expect(byCaller[sessionArn("lattice-atlas")]).not.toHaveProperty(
      "vpc-lattice:CreateServiceNetworkServiceAssociation",
    );
    expect(byCaller[sessionArn("atlas-otto@example.com")]).toEqual({
      "vpc-lattice:CreateServiceNetworkServiceAssociation": 1,
      "vpc-lattice:GetServiceNetworkServiceAssociation": 1,
    });
    expect(byCaller[sessionArn("atlas-ana@example.com")]).toEqual({
      "vpc-lattice:CreateServiceNetworkServiceAssociation": 1,
    });
    // The sessions were issued by STS to the server's own identity, one per user (and one for its reads).
    const sessions = (
      (await (await fetch(`${emulator!.url}/_emulator/sessions`)).json()) as {
        sessions: Array<{ sessionName: string; roleArn: string; assumedBy: string }>;
      }
    ).sessions;
    expect(new Set(sessions.map((s) => s.sessionName))).toEqual(
      new Set(["lattice-atlas", "atlas-otto@example.com", "atlas-ana@example.com"]),
    );
    expect(
      sessions.every((s) => s.roleArn === ROLE_ARN && s.assumedBy === `arn:aws:iam::${ACCOUNT}:user/lattice-atlas`),
    ).toBe(true);

    const { entries } = (await (
      await fetch(`${team.url}/api/audit`, { headers: as("otto@example.com") })
    ).json()) as AuditResponse;
    expect(entries.slice(0, 2)).toMatchObject([
      { outcome: "succeeded", user: "ana@example.com", roleSessionName: "atlas-ana@example.com" },
      {
        outcome: "succeeded",
        user: "otto@example.com",
        roleSessionName: "atlas-otto@example.com",
        resourceId: made.resource.id,
      },
    ]);
  });
});
