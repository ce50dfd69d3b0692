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
    // The initial JS (~540 kB raw / ~167 kB gzip for the entry, React + React Flow alone are ~128 kB gzip, plus the
    // small chunks it shares with the panels) holds the diagram; the details, the change sheet, the audit log, the
    // check, the views panels and the exports load on demand. The budget (250 kB) is on the gzip size, so the
    // raw-size warning is set just above the entry. scripts/build.mjs fails the build if AWS SDK code or the schema
    // library reaches these files.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // packages/shared is schemas + types: the UI uses a few constants and types, never the schema objects.
      // Declaring its modules free of side effects lets the bundle drop them (and the schema library).
      treeshake: { moduleSideEffects: [{ test: /[\\/]packages[\\/]shared[\\/]src[\\/]/, sideEffects: false }] },
    },
  },
});
