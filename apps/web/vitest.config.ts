import { defineConfig } from "vitest/config";

// Unit tests are pure (layout, projection, URL state, query keys): the node environment is enough.
export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts"],
    testTimeout: 20_000,
    // Pure modules with no global state: one module graph shared by the files of a worker, not one per file.
    isolate: false,
  },
});
