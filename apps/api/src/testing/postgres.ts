/**
 * A throwaway PostgreSQL cluster for tests: `initdb` into a temporary folder, `pg_ctl start` on a free
 * loopback port (its Unix socket in that folder too), `stop()` shuts it down and removes the folder.
 * PostgreSQL refuses to run as root, so as root the cluster belongs to a dedicated user (`postgres`,
 * or ATLAS_PG_USER) and both commands run through `runuser -u <user> --`.
 * Without the binaries it throws a message that says how to get them (`npm test` installs Debian's
 * `postgresql`); nothing is skipped silently.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export interface TestPostgres {
  /** postgres://… for the superuser `atlas` on database `postgres`. */
  url: string;
  port: number;
  dir: string;
  stop(): void;
}

/** The folder holding initdb and pg_ctl: ATLAS_PG_BIN, then PATH, then Debian's /usr/lib/postgresql/<newest>/bin. */
export function findPostgresBin(): string | undefined {
  const candidates: string[] = [];
  if (process.env.ATLAS_PG_BIN) candidates.push(process.env.ATLAS_PG_BIN);
  candidates.push(...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean));
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, "bin")));
  }
  return candidates.find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl")));
}

function freePort(): Promise<number> {
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

export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (!bin) {
    throw new Error(
      "PostgreSQL is not installed: the store tests need initdb and pg_ctl. Run `npm test` (it installs Debian's " +
        "`postgresql` with apt-get), or `apt-get install postgresql`, or set ATLAS_PG_BIN to the folder holding them.",
    );
  }
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const owner = process.env.ATLAS_PG_USER ?? "postgres";
  const dir = mkdtempSync(path.join(tmpdir(), "atlas-pg-"));
  const data = path.join(dir, "data");
  const exec = (tool: string, args: string[]) => {
    const command = asRoot ? "runuser" : path.join(bin, tool);
    const argv = asRoot ? ["-u", owner, "--", path.join(bin, tool), ...args] : args;
    const result = spawnSync(command, argv, { encoding: "utf8", stdio: "pipe" });
    if (result.status !== 0) {
      throw new Error(
        `${tool} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr || result.stdout}`,
      );
    }
  };
  try {
    if (asRoot) execFileSync("chown", [`${owner}:`, dir]);
    exec("initdb", ["-D", data, "-U", "atlas", "-A", "trust", "--no-sync", "-E", "UTF8"]);
    // A free port can be taken between the probe and the start: try a few.
    for (let attempt = 0; ; attempt++) {
      const port = await freePort();
      try {
        exec("pg_ctl", [
          "-D",
          data,
          "-l",
          path.join(dir, "server.log"),
          "-w",
          "-o",
          `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
          "start",
        ]);
        return {
          url: `postgres://atlas@127.0.0.1:${port}/postgres`,
          port,
          dir,
          stop() {
            spawnSync(asRoot ? "runuser" : path.join(bin, "pg_ctl"), [
              ...(asRoot ? ["-u", owner, "--", path.join(bin, "pg_ctl")] : []),
              "-D",
              data,
              "-m",
              "immediate",
              "-w",
              "stop",
            ]);
            rmSync(dir, { recursive: true, force: true });
          },
        };
      } catch (error) {
        if (attempt >= 2) throw error;
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
