/** Helpers for tests that plan, execute and poll changes through the real app and the emulator. */
import { randomUUID } from "node:crypto";
import { EC2Client } from "@aws-sdk/client-ec2";
import { VPCLatticeClient } from "@aws-sdk/client-vpc-lattice";
import type {
  Action,
  ApiErrorBody,
  ExecuteResponse,
  PlanResponse,
  PollableKind,
  StatusResponse,
  Topology,
} from "@lattice-atlas/shared";
import type { LightMyRequestResponse } from "fastify";
import { TEST_PORT, type TestApp } from "./app.js";

export const SAME_ORIGIN = { origin: `http://127.0.0.1:${TEST_PORT}`, "x-atlas-csrf": "1" };
export const REGION = "ap-northeast-1";

export function post(t: TestApp, url: string, payload: object): Promise<LightMyRequestResponse> {
  return t.request({ method: "POST", url, payload, headers: SAME_ORIGIN });
}

export async function plan(t: TestApp, action: Action, extra: object = {}): Promise<PlanResponse> {
  const response = await post(t, "/api/actions/plan", { action, ...extra });
  if (response.statusCode !== 200) throw new Error(`plan ${response.statusCode}: ${response.body}`);
  return response.json<PlanResponse>();
}

export function execute(
  t: TestApp,
  action: Action,
  clientToken: string = randomUUID(),
  extra: object = {},
): Promise<LightMyRequestResponse> {
  return post(t, "/api/actions/execute", { action, clientToken, ...extra });
}

export async function executeOk(t: TestApp, action: Action, clientToken?: string): Promise<ExecuteResponse> {
  const response = await execute(t, action, clientToken);
  if (response.statusCode !== 200) throw new Error(`execute ${response.statusCode}: ${response.body}`);
  return response.json<ExecuteResponse>();
}

export const errorOf = (response: LightMyRequestResponse): ApiErrorBody["error"] => response.json<ApiErrorBody>().error;

export async function status(t: TestApp, kind: PollableKind, id: string): Promise<StatusResponse> {
  const response = await t.request({ method: "GET", url: `/api/actions/status?kind=${kind}&id=${id}` });
  if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}: ${response.body}`);
  return response.json<StatusResponse>();
}

/** Polls like the UI does (short backoff here) until `done`; returns every answer seen. */
export async function pollUntilDone(
  t: TestApp,
  kind: PollableKind,
  id: string,
  timeoutMs = 8_000,
): Promise<StatusResponse[]> {
  const seen: StatusResponse[] = [];
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  for (;;) {
    const answer = await status(t, kind, id);
    seen.push(answer);
    if (answer.done) return seen;
    if (Date.now() > deadline) throw new Error(`${kind} ${id} still ${answer.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 400);
  }
}

export async function topology(t: TestApp, refresh = false): Promise<Topology> {
  return (await t.request({ method: "GET", url: `/api/topology${refresh ? "?refresh=true" : ""}` })).json<Topology>();
}

/** Ids of the field-report scenario, by the names the scenario gives them. */
export function namesOf(graph: Topology) {
  const byLabel = (kind: string, label: string, vpcId?: string): string => {
    const node = graph.nodes.find(
      (n) => n.kind === kind && n.label === label && (vpcId === undefined || n.parent === vpcId),
    );
    if (!node) throw new Error(`no ${kind} named ${label}`);
    return node.id;
  };
  const vpc = (name: string) => byLabel("vpc", name);
  const subnets = (vpcName: string) => {
    const node = graph.nodes.find((n) => n.kind === "vpc" && n.label === vpcName);
    return node?.kind === "vpc" ? node.data.subnets.map((s) => s.id) : [];
  };
  const group = (vpcName: string, groupName: string): string => {
    const vpcId = vpc(vpcName);
    const node = graph.nodes.find(
      (n) => n.kind === "securityGroup" && n.data.groupName === groupName && n.data.vpcId === vpcId,
    );
    if (!node) throw new Error(`no group ${groupName} in ${vpcName}`);
    return node.id;
  };
  return {
    vpc,
    subnets,
    group,
    serviceNetwork: byLabel("serviceNetwork", "zenn-service-network-dev"),
    auroraConfiguration: "rcfg-0d3f5b7a9c1e2f486",
    writerConfiguration: "rcfg-01158845410b9f395",
    readerConfiguration: "rcfg-0ba7ebc5ff6368de5",
    service: "svc-0a836c24f4bc2c8ea",
  };
}

/** SDK clients on the emulator, to set up and to check what a change really did (no mocks). */
export function sdk(t: TestApp) {
  const options = {
    region: REGION,
    endpoint: t.emulator.url,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  };
  return { lattice: new VPCLatticeClient(options), ec2: new EC2Client(options) };
}

/** Calls the emulator served between two snapshots, by "service:Operation". */
export function callsBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(after)) if (n !== (before[key] ?? 0)) out[key] = n - (before[key] ?? 0);
  return out;
}
