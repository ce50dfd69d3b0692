/** Helpers that talk to the running stack over HTTP only: the API and its embedded emulator. */
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/** The emulator of the stack this test's lane runs on (playwright.config.ts: one stack per project). */
export function emulatorUrl(): string {
  const port = test.info().project.metadata.emulatorPort as number | undefined;
  if (!port) throw new Error(`project ${test.info().project.name} names no emulatorPort in its metadata`);
  return `http://127.0.0.1:${port}`;
}

export async function emulator(
  request: APIRequestContext,
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
): Promise<unknown> {
  const response = await request.fetch(`${emulatorUrl()}${path}`, {
    method,
    ...(body !== undefined ? { data: body } : {}),
  });
  if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()} ${await response.text()}`);
  return response.json();
}

/** Back to the field-report scenario, no faults, and the API's cache refreshed. */
export async function freshFieldReport(request: APIRequestContext): Promise<void> {
  await emulator(request, "POST", "/_emulator/reset", { scenario: "field-report" });
  const response = await request.get("/api/topology?refresh=true");
  if (!response.ok()) throw new Error(`refresh failed: ${response.status()}`);
}

export interface VpcRef {
  id: string;
  name: string;
}

export async function vpcByName(request: APIRequestContext, name: string): Promise<VpcRef> {
  const topology = (await (await request.get("/api/topology")).json()) as {
    nodes: Array<{ id: string; kind: string; label: string }>;
  };
  const vpc = topology.nodes.find((n) => n.kind === "vpc" && n.label === name);
  if (!vpc) throw new Error(`no VPC named ${name}`);
  return { id: vpc.id, name };
}

/**
 * The Aurora rule that admits the resource gateway's group (aurora-sg ← resource-gateway-sg, TCP 5432), revoked
 * behind the console's back through the emulator's EC2 query API. The console sees it after a refresh.
 */
export async function revokeAuroraRule(
  request: APIRequestContext,
): Promise<{ auroraGroup: string; gatewayGroup: string }> {
  const auroraGroup = await idOf(request, "securityGroup", "aurora-sg");
  const gatewayGroup = await idOf(request, "securityGroup", "resource-gateway-sg");
  const response = await request.post(`${emulatorUrl()}/`, {
    form: {
      Action: "RevokeSecurityGroupIngress",
      Version: "2016-11-15",
      GroupId: auroraGroup,
      "IpPermissions.1.IpProtocol": "tcp",
      "IpPermissions.1.FromPort": "5432",
      "IpPermissions.1.ToPort": "5432",
      "IpPermissions.1.Groups.1.GroupId": gatewayGroup,
    },
  });
  expect(response.status(), await response.text()).toBe(200);
  expect(await response.text()).toContain("<return>true</return>");
  return { auroraGroup, gatewayGroup };
}

/** The first screen: the console with the diagram drawn. */
export async function openConsole(page: Page, query = ""): Promise<void> {
  await page.goto(`/${query}`);
  await page.getByTestId("topology-canvas").waitFor();
  await page.locator(".react-flow__node").first().waitFor();
}

export function node(page: Page, id: string) {
  return page.locator(`.react-flow__node[data-id="${id}"]`);
}

/* ─────────────── changes (actions): helpers for actions.spec.ts ─────────────── */

export interface GraphNodeRef {
  id: string;
  kind: string;
  label: string;
  status?: string;
  data: Record<string, unknown>;
}

/** The API's topology of the default source/region (after a refresh when asked). */
export async function topologyNodes(
  request: APIRequestContext,
  baseURL = "",
  refresh = false,
): Promise<GraphNodeRef[]> {
  const response = await request.get(`${baseURL}/api/topology${refresh ? "?refresh=true" : ""}`);
  if (!response.ok()) throw new Error(`topology: ${response.status()}`);
  return ((await response.json()) as { nodes: GraphNodeRef[] }).nodes;
}

/** The id of the node of this kind and name (VPC, service network and group ids change with every reset). */
export async function idOf(request: APIRequestContext, kind: string, label: string): Promise<string> {
  const found = (await topologyNodes(request)).find((n) => n.kind === kind && n.label === label);
  if (!found) throw new Error(`no ${kind} named ${label}`);
  return found.id;
}

/** Lifecycle delays (ms) per emulator kind, e.g. {ServiceNetworkVpcAssociation: 2500}: a pending state to see. */
export async function delayTransitions(
  request: APIRequestContext,
  delays: Record<string, number>,
  failures: Record<string, unknown> = {},
): Promise<void> {
  await emulator(request, "PUT", "/_emulator/transitions", { delays, failures });
}

/** A second service network, made in the emulator's Lattice API directly (restJson, no signature needed), then read by the API. */
export async function createServiceNetwork(request: APIRequestContext, name: string): Promise<string> {
  const created = (await emulator(request, "POST", "/servicenetworks", { name })) as { id: string };
  const response = await request.get("/api/topology?refresh=true");
  if (!response.ok()) throw new Error(`refresh failed: ${response.status()}`);
  return created.id;
}

/** A POST as the console sends it (same Origin, CSRF header). */
export async function apiPost(request: APIRequestContext, baseURL: string, path: string, body: unknown) {
  return request.post(`${baseURL}${path}`, { headers: { origin: baseURL, "x-atlas-csrf": "1" }, data: body });
}

/** The connect gesture: a node's grip dragged onto a service network (React Flow listens to mouse events). */
export async function dragOnto(page: Page, fromId: string, networkId: string): Promise<void> {
  // The grip itself: a VPC container's middle is covered by its children.
  const grip = await node(page, fromId).getByTestId("connect-grip").boundingBox();
  const target = await node(page, networkId).boundingBox();
  if (!grip || !target) throw new Error(`${fromId} or ${networkId} is not on screen`);
  const start = { x: grip.x + grip.width / 2, y: grip.y + grip.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 24, start.y + 12, { steps: 4 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** A node's "+" menu, then one of its items. */
export async function startFromMenu(page: Page, nodeId: string, item: string | RegExp): Promise<void> {
  // Below full detail a card shows its "+" under the pointer (or the keyboard's focus) only; a VPC frame always does
  // (and its centre is covered by its children, so it is not hovered).
  const plus = node(page, nodeId).getByTestId("change-menu-button");
  if (!(await plus.isVisible())) await node(page, nodeId).hover();
  await plus.click();
  await page.getByTestId("change-menu").getByRole("menuitem", { name: item }).click();
}

/** The sheet's plan for the current form has landed (the button is enabled, or a blocking finding disabled it). */
export async function planReady(page: Page): Promise<void> {
  await page.locator('[data-testid="plan"][data-plan="current"]').waitFor();
}

export interface RunningServer {
  url: string;
  port: number;
  emulatorPort: number;
  dataDir: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Another console process (the built API with its embedded emulator) on spare ports: for read-only mode, and for
 * restarts on the same data folder. Stop it in the test (or a finally).
 */
export { freePort };

export async function startServer(options: {
  dataDir: string;
  readOnly?: boolean;
  port?: number;
  emulatorPort?: number;
  /** More flags, e.g. `--emulator-url http://127.0.0.1:9` (a server with no AWS to reach). */
  extraArgs?: string[];
  /** More environment, e.g. ATLAS_OIDC_CLIENT_SECRET (never a flag). */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const { spawn } = await import("node:child_process");
  const path = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  const port = options.port ?? (await freePort());
  const emulatorPort = options.emulatorPort ?? (await freePort());
  const server = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../apps/api/dist/server.js");
  const args = [
    server,
    "--port",
    String(port),
    "--emulator-port",
    String(emulatorPort),
    "--data-dir",
    options.dataDir,
    ...(options.readOnly ? ["--read-only"] : []),
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...options.env },
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes("Lattice Atlas is running")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${output}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    emulatorPort,
    dataDir: options.dataDir,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
