import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Every workspace package with its own vitest config (globs, so a package can come and go).
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts"],
  },
});
