/**
 * Team mode records who made a change: a replica on a real PostgreSQL, signed in through a trusted reverse proxy's
 * identity headers over a real socket, executes a change; the audit log (read through the API) names the user.
 * A laptop (no sign-in, SQLite) records none.
 */
import { randomUUID } from "node:crypto";
import { CreateServiceNetworkCommand, VPCLatticeClient } from "@aws-sdk/client-vpc-lattice";
import { startEmulator, type RunningEmulator } from "@lattice-atlas/aws-emulator";
import type { Action, AuditResponse } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGION } from "../testing/actions.js";
import { startTestPostgres, type TestPostgres } from "../testing/postgres.js";
import { startReplica, type Replica } from "../testing/replicas.js";

const SERVICE = "svc-0a836c24f4bc2c8ea";
let postgres: TestPostgres | undefined;
let emulator: RunningEmulator | undefined;
let team: Replica;

beforeAll(async () => {
  postgres = await startTestPostgres();
  emulator = await startEmulator({ port: 0, scenario: "field-report" });
  team = await startReplica(postgres.url, emulator, {
    app: {
      auth: {
        mode: "team",
        trustedProxies: ["127.0.0.1/32"],
        roles: { groups: { "g-viewer": "viewer", "g-operator": "operator" }, users: {} },
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

const as = (email: string, group: string) => ({
  ...team.mutationHeaders,
  "x-forwarded-email": email,
  "x-forwarded-groups": group,
});

/** A service network of its own, with no service in it yet. */
async function networkId(): Promise<string> {
  const lattice = new VPCLatticeClient({
    region: REGION,
    endpoint: emulator!.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
  });
  return (await lattice.send(new CreateServiceNetworkCommand({ name: "audit-user-sn" }))).id!;
}

describe("the audit log in team mode", () => {
  it("names the signed-in user who made a change, and refuses a viewer's change before any record", async () => {
    const action: Action = { type: "associate-service", serviceNetworkId: await networkId(), serviceId: SERVICE };
    const refused = await fetch(`${team.url}/api/actions/execute`, {
      method: "POST",
      headers: as("vera@example.com", "g-viewer"),
      body: JSON.stringify({ action, clientToken: randomUUID() }),
    });
    expect(refused.status).toBe(403);

    const made = await fetch(`${team.url}/api/actions/execute`, {
      method: "POST",
      headers: as("otto@example.com", "g-operator"),
      body: JSON.stringify({ action, clientToken: randomUUID() }),
    });
    expect(made.status).toBe(200);

    const audit = await fetch(`${team.url}/api/audit`, { headers: as("vera@example.com", "g-viewer") });
    expect(audit.status).toBe(200);
    const { entries } = (await audit.json()) as AuditResponse;
    expect(entries[0]).toMatchObject({ action: "associate-service", outcome: "succeeded", user: "otto@example.com" });
    expect(entries.some((e) => e.user === "vera@example.com")).toBe(false);
  });
});
