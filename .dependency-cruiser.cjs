/**
 * Import cycles, type-only imports included: `pnpm lint` runs this after ESLint. ESLint's import-x/no-cycle
 * reports runtime cycles in the editor but skips `import type` by design; a cycle of types still ties two modules
 * together (neither can be read, moved or tested alone), so this check counts them too. Scoped to apps/web/src for
 * now (the paths are given in package.json's lint script).
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle (type-only imports count): move what both sides need into a module of its own.",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports are dependencies too.
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
  },
};
