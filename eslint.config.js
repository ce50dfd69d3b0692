// Lint rules, including the dependency direction of shared/ARCHITECTURE.md:
// shared ← api, shared ← web; the emulator stands alone; only apps/api/src/aws talks to the AWS SDK;
// only the API's process glue (server.ts) and tests embed the emulator.
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });
// The web app's direction: src/app (the shell) → src/features → src/lib → @lattice-atlas/shared. A file matched by
// several blocks below gets the last block's list only (flat config replaces a rule's options), so each repeats these.
const webPatterns = [
  { group: ["@aws-sdk/*", "@smithy/*"], message: "No AWS SDK code in the browser: the API proxies AWS." },
  {
    group: ["@lattice-atlas/api", "@lattice-atlas/aws-emulator", "**/apps/api/**", "**/aws-emulator/**"],
    message: "The web app imports only @lattice-atlas/shared.",
  },
];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      "**/coverage/**",
      "e2e/artifacts/**",
      "**/playwright-report/**",
      "**/test-results/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": "off",
    },
  },
  {
    files: [".dependency-cruiser.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable" } },
  },
  {
    files: ["scripts/**/*.mjs", "eslint.config.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
  {
    files: ["packages/shared/src/**/*.ts"],
    rules: restrict([
      { group: ["@lattice-atlas/*"], message: "packages/shared is the contract: it imports nothing internal." },
      {
        group: ["@aws-sdk/*", "@smithy/*", "fastify", "react", "react-dom"],
        message: "packages/shared has no runtime dependency but the schema library.",
      },
    ]),
  },
  {
    files: ["packages/aws-emulator/src/**/*.ts"],
    rules: restrict([
      { group: ["@lattice-atlas/*"], message: "The emulator stands alone: it imports nothing internal." },
    ]),
  },
  {
    files: ["apps/api/src/**/*.ts"],
    ignores: ["apps/api/src/aws/**", "apps/api/src/server.ts", "apps/api/src/**/*.test.ts", "apps/api/src/testing/**"],
    rules: restrict([
      {
        group: ["@aws-sdk/*", "@smithy/*"],
        message: "Only apps/api/src/aws/ talks to the AWS SDK (one module per service).",
      },
      {
        group: ["@lattice-atlas/aws-emulator"],
        message: "Only server.ts (process glue) and tests embed the emulator.",
      },
      { group: ["@lattice-atlas/web", "**/apps/web/**"], message: "The API never imports the web app." },
    ]),
  },
  {
    files: ["apps/api/src/aws/**/*.ts"],
    rules: restrict([
      {
        group: ["@lattice-atlas/aws-emulator"],
        message: "AWS modules reach the emulator over HTTP like any AWS endpoint.",
      },
    ]),
  },
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    rules: restrict(webPatterns),
  },
  {
    files: ["apps/web/src/features/**/*.{ts,tsx}"],
    rules: restrict([
      ...webPatterns,
      { group: ["**/app/*", "**/app/**"], message: "Features never import the shell (src/app): it composes them." },
    ]),
  },
  {
    files: ["apps/web/src/lib/**/*.{ts,tsx}"],
    rules: restrict([
      ...webPatterns,
      {
        group: ["**/app/*", "**/app/**", "**/features/*", "**/features/**"],
        message: "src/lib knows no feature and no shell: it is what they all use.",
      },
    ]),
  },
  {
    // No import cycles in the console, type-only imports included (a cycle of types still ties the modules
    // together: neither can be read, moved or tested alone). Scoped to apps/web for now.
    files: ["apps/web/src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "apps/web/tsconfig.json" })],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
);
