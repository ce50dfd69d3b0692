/**
 * Team mode without a database (the audit log in the SQLite file) on the emulator's estate: a signed-in user's
 * change is made in the member account that owns it through the member role assumed as `atlas-<user>`, while
 * discovery reads as the server's session; the SQLite audit entry names the user and that session. Users come
 * from a trusted proxy's identity headers (the injected requests' address is 127.0.0.1).
 */
import { randomUUID } from "node:crypto";
import type { AuditResponse, ExecuteResponse, Topology } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAME_ORIGIN } from "../testing/actions.js";
import { startTestApp, type TestApp } from "../testing/app.js";

const APP_ORDERS = "444455556666";
const SOURCE = "estate:emulator";
const member = (session: string) => `arn:aws:sts::${APP_ORDERS}:assumed-role/LatticeAtlasReadOnly/${session}`;

let t: TestApp;
let topology: Topology;
const as = (email: string, group = "g-operator") => ({
  ...SAME_ORIGIN,
  "content-type": "application/json",
  "x-forwarded-email": email,
  "x-forwarded-groups": group,
});

beforeAll(async () => {
  t = await startTestApp({
    scenario: "estate",
    app: {
      runner: { timeoutMs: 30_000 },
      auth: {
        mode: "team",
        trustedProxies: ["127.0.0.1/32"],
        roles: { groups: { "g-operator": "operator", "g-viewer": "viewer" }, users: {} },
        sessionTtlMs: 60_000,
      },
    },
  });
  const response = await t.request({
    method: "GET",
    url: `/api/topology?source=${SOURCE}`,
    headers: as("vera@example.com", "g-viewer"),
  });
  expect(response.statusCode).toBe(200);
  topology = response.json();
}, 60_000);
afterAll(() => t.close());

describe("a change in an estate's member account, signed in, on SQLite", () => {
  it("is made through the member role as atlas-<user>, and the SQLite audit names the user and the session", async () => {
    const vpcId = topology.nodes.find(
      (n) => n.kind === "vpc" && n.accountId === APP_ORDERS && n.region === "ap-northeast-1",
    )!.id;
    await t.control("DELETE", "/_emulator/stats");
    const made = await t.request({
      method: "POST",
      url: "/api/actions/execute",
      headers: as("otto@example.com"),
      payload: {
        source: SOURCE,
        action: { type: "associate-vpc", vpcId, serviceNetworkId: "sn-0e57a7e0000000001" },
        clientToken: randomUUID(),
      },
    });
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json<ExecuteResponse>().resource.id;

    const callers = (await t.control("GET", "/_emulator/stats")).callers as Record<string, Record<string, number>>;
    expect(callers[member("atlas-otto@example.com")]).toEqual({
      "vpc-lattice:CreateServiceNetworkVpcAssociation": 1,
    });
    // Nobody else made a change; the server's own reads stay under its own session name.
    const changers = Object.entries(callers).filter(([, calls]) =>
      Object.keys(calls).some((c) => c.includes(":Create")),
    );
    expect(changers.map(([arn]) => arn)).toEqual([member("atlas-otto@example.com")]);

    const audit = await t.request({ method: "GET", url: "/api/audit", headers: as("vera@example.com", "g-viewer") });
    expect(audit.json<AuditResponse>().entries[0]).toMatchObject({
      outcome: "succeeded",
      resourceId: id,
      accountId: APP_ORDERS,
      user: "otto@example.com",
      roleSessionName: "atlas-otto@example.com",
    });
  });
});
