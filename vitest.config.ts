import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/shared", "packages/aws-emulator", "apps/api", "apps/web"],
  },
});
