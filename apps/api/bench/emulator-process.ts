/**
 * The benchmarks' emulator: a process of its own (so that its CPU is not the API's), started empty on a free port,
 * and its control API.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

export interface EmulatorProcess {
  url: string;
  stop: () => void;
  control: (method: string, route: string, body?: unknown) => Promise<Record<string, unknown>>;
}

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const args = ["tsx", path.join(root, "packages/aws-emulator/src/cli.ts"), "--port", "0", "--scenario", "empty"];
  const child = spawn("npx", args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/[0-9.:]+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on("exit", (code) => reject(new Error(`emulator exited (${code})`)));
  });
  const control = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${url}${route}`, {
      method,
      ...(body ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } } : {}),
    });
    return response.json() as Promise<Record<string, unknown>>;
  };
  return { url, stop: () => child.kill("SIGTERM"), control };
}
