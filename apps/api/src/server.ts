/** Process glue: configuration, the embedded emulator, listen, graceful shutdown. */
import { startEmulator } from "@lattice-atlas/aws-emulator";
import { buildApp } from "./app.js";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const port = Number(process.env.ATLAS_PORT ?? 8080);
const host = process.env.ATLAS_HOST ?? "127.0.0.1";
const emulatorPort = Number(process.env.ATLAS_EMULATOR_PORT ?? 4566);

const emulator = await startEmulator({ port: emulatorPort, scenario: process.env.ATLAS_SCENARIO ?? "field-report" });
const app = await buildApp({ version: "0.1.0", emulatorUrl: emulator.url });
await app.listen({ port, host });
console.log(`Lattice Atlas API on http://${host}:${port} — embedded AWS emulator on ${emulator.url}`);

const shutdown = async (): Promise<void> => {
  await app.close();
  await emulator.close();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
