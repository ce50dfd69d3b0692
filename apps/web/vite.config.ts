import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The API (apps/api) serves /api and, in production, this build from apps/web/dist.
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    // changeOrigin: the API checks the Host header against its allow-list (DNS-rebinding protection).
    proxy: { "/api": { target: "http://127.0.0.1:8080", changeOrigin: true } },
  },
  build: {
    outDir: "dist",
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: true,
    // One initial chunk of ~565 kB raw / ~172 kB gzip (React + React Flow alone are ~128 kB gzip), plus the change
    // sheet, the audit log, the check, the views panels and the exports loaded on demand; the budget (250 kB) is on
    // the gzip size, so the raw-size warning is set just above it. scripts/build.mjs fails the build if AWS SDK
    // code or the schema library reaches these files.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // packages/shared is schemas + types: the UI uses a few constants and types, never the schema objects.
      // Declaring its modules free of side effects lets the bundle drop them (and the schema library).
      treeshake: { moduleSideEffects: [{ test: /[\\/]packages[\\/]shared[\\/]src[\\/]/, sideEffects: false }] },
    },
  },
});
