#!/usr/bin/env node
/**
 * Production build: the API and the emulator CLI as Node bundles (workspace
 * packages inlined, npm dependencies left external), and the web app with Vite.
 */
import { build } from "esbuild";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Resolve @lattice-atlas/* to their TypeScript sources; leave every other bare import external. */
const workspaceSources = {
  name: "workspace-sources",
  setup(b) {
    const map = {
      "@lattice-atlas/shared": "packages/shared/src/index.ts",
      "@lattice-atlas/aws-emulator": "packages/aws-emulator/src/index.ts",
    };
    b.onResolve({ filter: /^@lattice-atlas\// }, (args) => {
      const target = map[args.path];
      if (!target) return { errors: [{ text: `unknown workspace package ${args.path}` }] };
      return { path: path.join(root, target) };
    });
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@lattice-atlas/") ? undefined : { path: args.path, external: true },
    );
  },
};

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  plugins: [workspaceSources],
  banner: {
    js: "import { createRequire as __atlasRequire } from 'node:module'; const require = __atlasRequire(import.meta.url);",
  },
};

const started = Date.now();
await build({
  ...common,
  entryPoints: [path.join(root, "apps/api/src/server.ts")],
  outfile: path.join(root, "apps/api/dist/server.js"),
});
await build({
  ...common,
  entryPoints: [path.join(root, "packages/aws-emulator/src/cli.ts")],
  outfile: path.join(root, "packages/aws-emulator/dist/cli.js"),
});

if (existsSync(path.join(root, "apps/web/package.json"))) {
  const result = spawnSync("npx", ["--yes", "pnpm@12.4.2", "--filter", "@lattice-atlas/web", "run", "build"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  assertLeanBrowserBundle(path.join(root, "apps/web/dist/assets"));
}

/**
 * What must never reach the browser: AWS SDK code (the API proxies AWS) and the schema library (packages/shared
 * builds its schemas at import time: a value imported from one of its schema modules drags TypeBox along).
 */
function assertLeanBrowserBundle(assets) {
  const forbidden = [
    { what: "AWS SDK code", pattern: /@aws-sdk|@smithy|VPCLatticeClient|SignatureV4/ },
    {
      what: "the schema library (TypeBox)",
      pattern: /"~kind":/,
      fix: "import constants from a schema-free module of packages/shared (ids.ts)",
    },
  ];
  const problems = [];
  for (const file of readdirSync(assets).filter((f) => f.endsWith(".js"))) {
    const text = readFileSync(path.join(assets, file), "utf8");
    for (const { what, pattern, fix } of forbidden)
      if (pattern.test(text)) problems.push(`${file} contains ${what}${fix ? `: ${fix}` : ""}`);
  }
  if (problems.length > 0) {
    console.error(`build: the browser bundle is not lean:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
}
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
