/** Helpers that talk to the running stack over HTTP only: the API and its embedded emulator. */
import type { APIRequestContext, Page } from "@playwright/test";
import { EMULATOR_PORT } from "../playwright.config";

const EMULATOR = `http://127.0.0.1:${EMULATOR_PORT}`;

export async function emulator(request: APIRequestContext, method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<unknown> {
  const response = await request.fetch(`${EMULATOR}${path}`, { method, ...(body !== undefined ? { data: body } : {}) });
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
  const topology = (await (await request.get("/api/topology")).json()) as { nodes: Array<{ id: string; kind: string; label: string }> };
  const vpc = topology.nodes.find((n) => n.kind === "vpc" && n.label === name);
  if (!vpc) throw new Error(`no VPC named ${name}`);
  return { id: vpc.id, name };
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
