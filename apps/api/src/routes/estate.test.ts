/**
 * An estate over real HTTP and the real SDK clients: the emulator's `estate`
 * scenario (a hub, a networking account sharing its network, a data account
 * with Aurora, three application accounts, one without the role, one
 * suspended), read through assumed roles and joined into one graph.
 */
import type { ConnectAnswer, PlanResponse, SourcesResponse, Topology } from "@lattice-atlas/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAME_ORIGIN } from "../testing/actions.js";
import { startTestApp, type TestApp } from "../testing/app.js";

const HUB = "111122223333";
const NETWORKING = "222233334444";
const DATA = "333344445555";
const APP_ORDERS = "444455556666";
const APP_SHIPPING = "666677778888";
const LEGACY = "777788889999";
const RETIRED = "888899990000";
const WRITER = "rcfg-0da7a000000000002";
const WRITER_NAME = "snra-0e57a7e0000000012.rcfg-0da7a000000000002.4232ccc.vpc-lattice-rsc.ap-northeast-1.on.aws";
const SOURCE = "estate:emulator";

let t: TestApp;
let topology: Topology;
const vpcOf = (accountId: string): string =>
  topology.nodes.find((n) => n.kind === "vpc" && n.accountId === accountId && n.region === "ap-northeast-1")!.id;

beforeAll(async () => {
  // Eight accounts in two Regions read at once against an emulator in this same process: calls wait their turn.
  t = await startTestApp({ scenario: "estate", app: { runner: { timeoutMs: 30_000 } } });
  const response = await t.request({ method: "GET", url: `/api/topology?source=${SOURCE}` });
  expect(response.statusCode).toBe(200);
  topology = response.json();
}, 60_000);
afterAll(() => t.close());

describe("an estate source on the emulator", () => {
  it("is offered by the sources list, with its role and regions", async () => {
    const sources = (await t.request({ method: "GET", url: "/api/sources" })).json<SourcesResponse>();
    const estate = sources.sources.find((s) => s.id === SOURCE)!;
    expect(estate).toMatchObject({
      kind: "estate",
      accountId: HUB,
      estate: { roleName: "LatticeAtlasReadOnly", regions: ["ap-northeast-1", "us-east-1"] },
    });
  });

  it("reads every member: the unreadable one marked with the fix, the suspended one skipped, the rest readable", () => {
    const accounts = Object.fromEntries(topology.estate!.accounts.map((a) => [a.accountId, a]));
    expect(accounts[LEGACY]).toMatchObject({
      status: "unreadable",
      reason: expect.stringContaining("assume-role denied"),
    });
    expect(accounts[LEGACY]!.fix).toContain("arn:aws:iam::777788889999:role/LatticeAtlasReadOnly");
    expect(accounts[RETIRED]).toMatchObject({ status: "skipped", reason: "suspended in the organization" });
    for (const id of [HUB, NETWORKING, DATA, APP_ORDERS, APP_SHIPPING]) expect(accounts[id]?.status).toBe("readable");
    expect(topology.nodes.filter((n) => n.kind === "account")).toHaveLength(topology.estate!.accounts.length);
    expect(topology.warnings.some((w) => w.accountId === LEGACY && w.operation === "AssumeRole")).toBe(true);
  });

  it("every node carries its account and region; the shared network is one node, owned by the networking account", () => {
    expect(topology.nodes.filter((n) => n.kind !== "account").every((n) => n.accountId && n.region)).toBe(true);
    const networks = topology.nodes.filter((n) => n.id === "sn-0e57a7e0000000001");
    expect(networks).toHaveLength(1);
    expect(networks[0]).toMatchObject({ accountId: NETWORKING });
    const association = topology.nodes.find((n) => n.id === "snva-0a300000000000003")!;
    expect(association.observedIn).toEqual(expect.arrayContaining([NETWORKING, APP_SHIPPING]));
  });

  it("the legacy account's association is drawn to a named stub of its VPC, not to nothing", () => {
    const stub = topology.nodes.find((n) => n.kind === "stub" && n.accountId === LEGACY);
    expect(stub?.label).toMatch(/^VPC vpc-\S+ in account 777788889999$/);
    expect(stub?.data).toMatchObject({ reason: expect.stringContaining("not readable: assume-role denied") });
  });

  it("RAM shares are nodes: who shares what with whom", () => {
    const shares = topology.nodes.filter((n) => n.kind === "resourceShare");
    expect(shares.map((s) => s.accountId).sort()).toEqual(expect.arrayContaining([NETWORKING, DATA]));
    expect(topology.edges.some((e) => e.kind === "shared-with" && e.target === `account:${NETWORKING}`)).toBe(true);
  });

  it("Connect from the pattern-3 VPC of app-shipping: the writer's snra-… name, owned by the data account", async () => {
    const answer = (
      await t.request({ method: "GET", url: `/api/connect?source=${SOURCE}&from=${vpcOf(APP_SHIPPING)}` })
    ).json<ConnectAnswer>();
    expect(answer.from.accountId).toBe(APP_SHIPPING);
    const writer = answer.reachable.find((r) => r.target.id === WRITER)!;
    expect(writer.target.accountId).toBe(DATA);
    expect(writer.hostnames.map((h) => h.hostname)).toEqual([WRITER_NAME]);
    expect(writer.hostnames[0]!.via).toMatchObject({ kind: "resourceAssociation", accountId: NETWORKING });
    expect(writer.check.verdict).not.toBe("not-reachable");
  });

  it("a change is planned in the account that owns it: the VPC's, with the shared network's ARN", async () => {
    const plan = await t.request({
      method: "POST",
      url: "/api/actions/plan",
      headers: { ...SAME_ORIGIN, "content-type": "application/json" },
      payload: {
        source: SOURCE,
        action: { type: "associate-vpc", vpcId: vpcOf(APP_ORDERS), serviceNetworkId: "sn-0e57a7e0000000001" },
      },
    });
    expect(plan.statusCode).toBe(200);
    const body = plan.json<PlanResponse>();
    expect(body.calls[0]!.input.serviceNetworkIdentifier).toBe(
      `arn:aws:vpc-lattice:ap-northeast-1:${NETWORKING}:servicenetwork/sn-0e57a7e0000000001`,
    );
    expect(body.cli).toContain(`--profile atlas-${APP_ORDERS}`);
    expect(body.terraform).toContain(`role_arn = "arn:aws:iam::${APP_ORDERS}:role/LatticeAtlasReadOnly"`);
  });
});
